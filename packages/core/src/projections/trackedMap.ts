// Maps and sets that note which keys a fold touched, so the runner writes back only those rows.
// A projection changes its state in place through `get` (then mutating the value), `set` and
// `delete`; each notes its key. A walk over every entry (iteration) notes the whole map, since
// the walker may change any value; folds do not walk their big maps, queries do (between batches).

// ---------------------------------------------------------------- types

/** What a tracked collection noted since the last `take`. */
export type Touched<Key> = { readonly keys: ReadonlySet<Key>; readonly isWhole: boolean }

/** A collection that notes the keys it was asked for. */
export type Tracked<Key> = { readonly takeTouched: () => Touched<Key> }

// ---------------------------------------------------------------- constructors

/** A Map that notes every key read or written, and a walk over all of it. */
export class TrackedMap<Key, Value> extends Map<Key, Value> implements Tracked<Key> {
  private touched = new Set<Key>()
  private isWhole = false

  override get(key: Key): Value | undefined {
    this.touched?.add(key)
    return super.get(key)
  }

  override set(key: Key, value: Value): this {
    // Map's constructor calls set before the fields exist.
    this.touched?.add(key)
    return super.set(key, value)
  }

  override delete(key: Key): boolean {
    this.touched.add(key)
    return super.delete(key)
  }

  override clear(): void {
    this.isWhole = true
    super.clear()
  }

  override forEach(
    callback: (value: Value, key: Key, map: Map<Key, Value>) => void,
    thisArg?: unknown,
  ): void {
    this.isWhole = true
    super.forEach(callback, thisArg)
  }

  override entries(): MapIterator<[Key, Value]> {
    this.isWhole = true
    return super.entries()
  }

  override values(): MapIterator<Value> {
    this.isWhole = true
    return super.values()
  }

  override [Symbol.iterator](): MapIterator<[Key, Value]> {
    this.isWhole = true
    return super[Symbol.iterator]()
  }

  /** The keys noted since the last call, and forgets them. */
  takeTouched(): Touched<Key> {
    const taken = { keys: this.touched, isWhole: this.isWhole }
    this.touched = new Set()
    this.isWhole = false
    return taken
  }
}

/** A Set of plain values that notes every value added or deleted. */
export class TrackedSet<Value> extends Set<Value> implements Tracked<Value> {
  private touched = new Set<Value>()

  override add(value: Value): this {
    this.touched?.add(value)
    return super.add(value)
  }

  override delete(value: Value): boolean {
    this.touched.add(value)
    return super.delete(value)
  }

  override clear(): void {
    for (const value of super.values()) this.touched.add(value)
    super.clear()
  }

  /** The values noted since the last call, and forgets them. */
  takeTouched(): Touched<Value> {
    const taken = { keys: this.touched, isWhole: false }
    this.touched = new Set()
    return taken
  }
}
