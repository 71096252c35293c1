// One reporter that turns a caller's input into either a decoded value or `invalid_input` naming
// every offending field by its dotted path, in words a support agent could read out.
import type * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { domainError } from '../errors.js'
import type { DomainError } from '../errors.js'
import { INPUT_PROBLEMS_MAX } from '../limits.js'
import { describeExpected, describeValue } from './describe.js'
import { pathText, readPlainInput } from './plainInput.js'
import { closestMember, exactnessIssues } from './unknownFields.js'
import type { ExactnessIssue } from './unknownFields.js'

/** One offending field: where it is, what was expected (in words), and a sentence for a person. */
export type FieldProblem = {
  readonly path: string
  readonly expected: string
  readonly message: string
}

const isCombinator = (entry: t.ContextEntry | undefined): boolean => {
  const tag = (entry?.type as { _tag?: string } | undefined)?._tag
  return tag === 'UnionType' || tag === 'IntersectionType'
}

const isUnion = (entry: t.ContextEntry): boolean =>
  (entry.type as { _tag?: string })._tag === 'UnionType'

/**
 * The field an io-ts error is about and the codec it failed, or undefined when the error is about
 * a union member the value was not meant as. At a union, the member the value most resembles is
 * followed ("discount.percent: …"); when none stands out, the union itself is reported, since
 * "one of these shapes" is clearer than each member's complaint.
 */
const locate = (
  context: t.Context,
  followsMembers: boolean,
): { path: string[]; codec: t.Decoder<unknown, unknown> } | undefined => {
  const path: string[] = []
  for (let index = 0; index < context.length; index += 1) {
    const entry = context[index] as t.ContextEntry
    const isField = index > 0 && entry.key !== '' && !isCombinator(context[index - 1])
    if (isField) path.push(entry.key)
    if (isUnion(entry)) {
      const members = (entry.type as unknown as { types: t.Decoder<unknown, unknown>[] }).types
      const meant = followsMembers ? closestMember(members, entry.actual) : undefined
      if (meant === undefined) return { path, codec: entry.type }
      if (context[index + 1]?.key !== String(meant)) return undefined
    }
  }
  return { path, codec: (context[context.length - 1] as t.ContextEntry).type }
}

/** Each offending field once, with what it must be and what it was, in the caller's field names. */
export const fieldProblems = (errors: t.Errors): FieldProblem[] => {
  const seen = new Set<string>()
  const problems: FieldProblem[] = []
  // Unions are first read as the member the value resembles; if that names nothing, as unions.
  for (const followsMembers of [true, false]) {
    for (const error of errors) {
      const located = locate(error.context, followsMembers)
      if (located === undefined) continue
      const where = pathText(located.path)
      if (seen.has(where)) continue
      seen.add(where)
      problems.push(problemAt(located.path, located.codec, error.value))
    }
    if (problems.length > 0) break
  }
  return problems
}

const problemAt = (
  path: readonly string[],
  codec: t.Decoder<unknown, unknown>,
  value: unknown,
): FieldProblem => {
  const where = pathText(path)
  const expected = describeExpected(codec as t.Decoder<unknown, unknown> & { name: string })
  const subject = path.length === 0 ? 'the input' : where
  const message =
    value === undefined
      ? `${subject}: is required and must be ${expected}`
      : `${subject}: must be ${expected}; got ${describeValue(value)}`
  return { path: where, expected, message }
}

const exactnessProblem = (issue: ExactnessIssue, input: unknown): FieldProblem => {
  if (issue.codec !== undefined)
    return problemAt(issue.path, issue.codec, valueAt(input, issue.path))
  const where = pathText(issue.path)
  return {
    path: where,
    expected: 'no such field',
    message: `${where}: is not a field this call accepts; remove it`,
  }
}

const valueAt = (input: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], input)

const invalid = (problems: readonly FieldProblem[]): DomainError<'invalid_input'> => {
  const listed = problems.slice(0, INPUT_PROBLEMS_MAX)
  const more = problems.length - listed.length
  const message =
    listed.map((problem) => problem.message).join('; ') +
    (more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '')
  return domainError('invalid_input', message, {
    path: listed[0]?.path ?? '(root)',
    problems: listed.map(({ path, message: text }) => ({ path, message: text })),
  })
}

/**
 * Decodes a caller's input; a failure is `invalid_input` naming every offending field
 * (`details.path` the first, `details.problems` up to `INPUT_PROBLEMS_MAX`). The input is first
 * read into bounded plain data (`readPlainInput`), then decoded, then checked for fields the codec
 * does not declare, at any depth: codecs are exact at the boundary. Never throws for any value.
 */
export const decodeInput = <A, O>(
  codec: t.Type<A, O, unknown>,
  input: unknown,
): Either<DomainError<'invalid_input'>, A> => {
  const plain = readPlainInput(input)
  if (plain._tag === 'Left') return left(invalid([{ ...plain.left, expected: 'readable input' }]))
  const decoded = codec.decode(plain.right)
  const unknown = exactnessIssues(codec, plain.right).map((issue) =>
    exactnessProblem(issue, plain.right),
  )
  const named = new Set(unknown.map((problem) => problem.path))
  const problems =
    decoded._tag === 'Left'
      ? [...unknown, ...fieldProblems(decoded.left).filter((problem) => !named.has(problem.path))]
      : unknown
  if (problems.length > 0 || decoded._tag === 'Left') return left(invalid(problems))
  return right(decoded.right)
}
