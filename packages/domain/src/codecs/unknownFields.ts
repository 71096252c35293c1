// Exactness at the boundary: walks a codec beside the caller's (plain, bounded) input and names
// every field the codec does not declare, at any depth, so an unknown field is refused instead of
// being stored in an immutable event or mixed into a fingerprint.
import type * as t from 'io-ts'

type Codec = t.Decoder<unknown, unknown>
type Shape = {
  readonly _tag?: string
  readonly props?: Record<string, Codec>
  readonly types?: readonly Codec[]
  readonly type?: Codec
  readonly codomain?: Codec
}

const shapeOf = (codec: Codec): Shape => codec as unknown as Shape

// Wrappers that add a check or a modifier but keep their inner codec's fields.
const WRAPPERS: ReadonlySet<string> = new Set(['RefinementType', 'ReadonlyType', 'ExactType'])

const unwrap = (codec: Codec): Codec => {
  let current = codec
  for (let shape = shapeOf(current); WRAPPERS.has(shape._tag ?? ''); shape = shapeOf(current)) {
    if (shape.type === undefined) break
    current = shape.type
  }
  return current
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/**
 * The member of a union a value is read as: the first that decodes it with no unknown field,
 * else the first that decodes it. Undefined when none does (the codec reports that itself).
 */
const memberFor = (members: readonly Codec[], value: unknown): Codec | undefined => {
  const decoding = members.filter((member) => member.decode(value)._tag === 'Right')
  return decoding.find((member) => unknownFields(member, value).length === 0) ?? decoding[0]
}

// Declared fields of codecs whose fields do not depend on the value (no union among them):
// computed once per codec, since every command decodes through the same few codecs.
const fixedFields = new WeakMap<object, Map<string, Codec[]> | null>()

/**
 * The fields an object codec declares, each with the codecs that read it (an intersection may
 * declare one field twice); undefined when the codec is not an object codec.
 */
const declaredFields = (codec: Codec, value: unknown): Map<string, Codec[]> | undefined => {
  const cached = fixedFields.get(codec)
  if (cached !== undefined) return cached ?? undefined
  const fields = new Map<string, Codec[]>()
  const pending = [codec]
  let isObject = false
  let dependsOnValue = false
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const shape = shapeOf(unwrap(next))
    if (shape._tag === 'InterfaceType' || shape._tag === 'PartialType') {
      isObject = true
      for (const [key, field] of Object.entries(shape.props ?? {}))
        fields.set(key, [...(fields.get(key) ?? []), field])
    } else if (shape._tag === 'IntersectionType') {
      pending.push(...(shape.types ?? []))
    } else if (shape._tag === 'UnionType') {
      dependsOnValue = true
      const member = memberFor(shape.types ?? [], value)
      if (member !== undefined) pending.push(member)
    }
  }
  const found = isObject ? fields : undefined
  if (!dependsOnValue) fixedFields.set(codec, found ?? null)
  return found
}

/**
 * The index of the union member a value that decodes as none of them was most likely meant as:
 * the one object member whose fields best match the value's (a field present counts one, a field
 * that also decodes counts two). Undefined when no member or several match equally.
 */
export const closestMember = (members: readonly Codec[], value: unknown): number | undefined => {
  if (!isRecord(value)) return undefined
  const scores = members.map((member) => {
    const fields = declaredFields(member, value)
    if (fields === undefined) return 0
    let score = 0
    for (const [key, item] of Object.entries(value)) {
      const readers = fields.get(key)
      if (readers === undefined) continue
      score += readers.every((reader) => reader.decode(item)._tag === 'Right') ? 2 : 1
    }
    return score
  })
  const best = Math.max(0, ...scores)
  const winners = scores.filter((score) => score === best)
  return best > 0 && winners.length === 1 ? scores.indexOf(best) : undefined
}

type Frame = { readonly codec: Codec; readonly value: unknown; readonly path: readonly string[] }

// Pushed last first, so fields come out in the caller's order.
const pushAll = (stack: Frame[], frames: readonly Frame[]): void => {
  for (let index = frames.length - 1; index >= 0; index -= 1) stack.push(frames[index] as Frame)
}

/**
 * What exactness finds wrong at one place: a field no codec declares (`codec` undefined), or a
 * Date or list where an object codec expects an object (io-ts alone would read it as `{}`).
 */
export type ExactnessIssue = { readonly path: readonly string[]; readonly codec?: Codec }

/**
 * Every field of `value` that `codec` does not declare, at any depth, in the caller's field names
 * (`['source', 'cardNumber']`), and every Date or list given where an object is expected. A map
 * codec (`t.record`) and custom codecs accept any field of their own. Expects input already read
 * by `readPlainInput` (bounded, acyclic).
 */
export const exactnessIssues = (codec: Codec, value: unknown): ExactnessIssue[] => {
  const found: ExactnessIssue[] = []
  const stack: Frame[] = [{ codec, value, path: [] }]
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const inner = unwrap(frame.codec)
    const shape = shapeOf(inner)
    const { value: current, path } = frame
    if (shape._tag === 'UnionType') {
      const member = memberFor(shape.types ?? [], current)
      if (member !== undefined) stack.push({ codec: member, value: current, path })
    } else if (shape._tag === 'ArrayType' || shape._tag === 'ReadonlyArrayType') {
      if (Array.isArray(current) && shape.type !== undefined)
        pushAll(
          stack,
          current.map((item, index) => ({
            codec: shape.type as Codec,
            value: item,
            path: [...path, String(index)],
          })),
        )
    } else if (shape._tag === 'DictionaryType') {
      if (isRecord(current) && shape.codomain !== undefined)
        pushAll(
          stack,
          Object.entries(current).map(([key, item]) => ({
            codec: shape.codomain as Codec,
            value: item,
            path: [...path, key],
          })),
        )
    } else {
      const fields = declaredFields(inner, current)
      if (fields === undefined) continue
      if (!isRecord(current)) {
        if (typeof current === 'object' && current !== null) found.push({ path, codec: inner })
        continue
      }
      const next: Frame[] = []
      for (const [key, item] of Object.entries(current)) {
        const readers = fields.get(key)
        if (readers === undefined) found.push({ path: [...path, key] })
        else
          for (const reader of readers)
            next.push({ codec: reader, value: item, path: [...path, key] })
      }
      pushAll(stack, next)
    }
  }
  return found
}

/** The paths of the fields of `value` that `codec` does not declare, at any depth. */
export const unknownFields = (codec: Codec, value: unknown): (readonly string[])[] =>
  exactnessIssues(codec, value)
    .filter((issue) => issue.codec === undefined)
    .map((issue) => issue.path)
