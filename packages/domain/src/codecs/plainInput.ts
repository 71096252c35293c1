// A caller's input read once into plain data before any codec sees it: bounded in depth, values,
// string and key lengths, so a 10,000-deep or cyclic object, a getter that throws, a Proxy or a
// lone surrogate is a field problem instead of a stack overflow or a stored oddity.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  INPUT_DEPTH_MAX,
  INPUT_KEY_LENGTH_MAX,
  INPUT_STRING_LENGTH_MAX,
  INPUT_VALUES_MAX,
} from '../limits.js'

/** One offending field of a caller's input: its dotted path and a sentence for a person. */
export type InputProblem = { readonly path: string; readonly message: string }

// Names that reach an object's prototype when assigned: refused anywhere, even in metadata.
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])
// A UTF-16 surrogate without its pair: such text has no UTF-8 form, so it cannot be stored or hashed.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** A dotted path in the caller's field names; the root is `(root)`, an empty name `""`. */
export const pathText = (path: readonly string[]): string =>
  path.length === 0 ? '(root)' : path.map((key) => (key === '' ? '""' : key)).join('.')

const shownKey = (key: string): string => (key.length > 40 ? `${key.slice(0, 40)}…` : key)

/** A genuine Date (not an object merely claiming to be one), or undefined. */
const dateOf = (value: object): Date | undefined => {
  // The cheap test first: a throw per plain object would cost more than the whole decode.
  if (Object.prototype.toString.call(value) !== '[object Date]') return undefined
  try {
    return new Date(Date.prototype.getTime.call(value))
  } catch {
    return undefined
  }
}

type Frame = {
  readonly value: unknown
  readonly path: readonly string[]
  readonly assign: (copy: unknown) => void
}

class Refused {
  constructor(
    readonly path: readonly string[],
    readonly message: string,
  ) {}
}

const textProblem = (text: string, path: readonly string[], what: string): Refused | undefined => {
  if (text.length > INPUT_STRING_LENGTH_MAX)
    return new Refused(path, `${what} is longer than ${INPUT_STRING_LENGTH_MAX} characters`)
  if (LONE_SURROGATE.test(text))
    return new Refused(path, `${what} holds a broken character (an unpaired UTF-16 surrogate)`)
  return undefined
}

const readField = (value: object, key: string, where: readonly string[]): unknown => {
  try {
    return (value as Record<string, unknown>)[key]
  } catch {
    throw new Refused(where, 'could not be read (reading it failed)')
  }
}

/** Copies one container's own enumerable fields (or list items) and queues them for reading. */
const openContainer = (
  value: object,
  path: readonly string[],
  stack: Frame[],
  budget: { values: number },
): unknown => {
  if (path.length >= INPUT_DEPTH_MAX)
    throw new Refused(path, `nests deeper than ${INPUT_DEPTH_MAX} levels`)
  if (Array.isArray(value)) {
    const length = value.length
    if (length > budget.values) throw new Refused(path, `has too many items (${length})`)
    budget.values -= length
    const copy: unknown[] = new Array<unknown>(length).fill(undefined)
    for (let index = length - 1; index >= 0; index -= 1) {
      const item = readField(value, String(index), [...path, String(index)])
      stack.push({ value: item, path: [...path, String(index)], assign: (c) => (copy[index] = c) })
    }
    return copy
  }
  const keys = Object.keys(value)
  if (keys.length > budget.values) throw new Refused(path, `has too many fields (${keys.length})`)
  budget.values -= keys.length
  const copy: Record<string, unknown> = {}
  const frames: Frame[] = []
  for (const key of keys) {
    const where = [...path, shownKey(key)]
    if (key.length > INPUT_KEY_LENGTH_MAX)
      throw new Refused(where, `field name is longer than ${INPUT_KEY_LENGTH_MAX} characters`)
    const problem = textProblem(key, where, 'field name')
    if (problem !== undefined) throw problem
    if (PROTOTYPE_KEYS.has(key))
      throw new Refused(where, `"${key}" is not accepted as a field name`)
    // Created now, filled when read: the copy keeps the caller's field order.
    copy[key] = undefined
    const item = readField(value, key, where)
    frames.push({ value: item, path: where, assign: (c) => (copy[key] = c) })
  }
  for (let index = frames.length - 1; index >= 0; index -= 1) stack.push(frames[index] as Frame)
  return copy
}

/**
 * Reads a caller's input into plain data: own enumerable fields of objects (class instances,
 * Proxies and null-prototype objects included) become plain objects, lists become arrays, a
 * genuine `Date` is copied; any other value (bigint, symbol, NaN...) is kept for the codec to name.
 * Each getter runs once, so what is checked is what is used. Refuses input nested deeper than
 * `INPUT_DEPTH_MAX`, with more than `INPUT_VALUES_MAX` values, strings or names that are too long
 * or hold unpaired surrogates, the names `__proto__`, `constructor` and `prototype`, and input
 * that throws while being read. Iterative: no recursion over the caller's data.
 */
export const readPlainInput = (input: unknown): Either<InputProblem, unknown> => {
  let result: unknown
  const stack: Frame[] = [{ value: input, path: [], assign: (copy) => (result = copy) }]
  const budget = { values: INPUT_VALUES_MAX }
  let current: readonly string[] = []
  try {
    for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
      const { value, path } = frame
      current = path
      if (typeof value === 'string') {
        const problem = textProblem(value, path, 'text')
        if (problem !== undefined) throw problem
        frame.assign(value)
      } else if (typeof value !== 'object' || value === null) {
        frame.assign(value)
      } else {
        const date = dateOf(value)
        frame.assign(date ?? openContainer(value, path, stack, budget))
      }
    }
  } catch (error) {
    const refused =
      error instanceof Refused
        ? error
        : new Refused(current, 'could not be read (reading it failed)')
    const where = pathText(refused.path)
    return left({ path: where, message: `${where}: ${refused.message}` })
  }
  return right(result)
}
