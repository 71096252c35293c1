// One reporter that turns io-ts errors into dotted paths in the caller's field names.
import type * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { domainError } from '../errors.js'
import type { DomainError } from '../errors.js'

/** One offending field: where it is, what was expected, and a sentence for a person. */
export type FieldProblem = {
  readonly path: string
  readonly expected: string
  readonly message: string
}

const describeValue = (value: unknown): string => {
  if (value === undefined) return 'nothing'
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value))
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}

/** Walks each error's context keys into a dotted path ("amount", "destination.accountNumber"). */
export const fieldProblems = (errors: t.Errors): FieldProblem[] => {
  const seen = new Set<string>()
  const problems: FieldProblem[] = []
  for (const error of errors) {
    // Skip the root (key '') and the numeric keys io-ts adds inside unions and intersections.
    const keys = error.context
      .filter(
        (entry, index) => index > 0 && entry.key !== '' && !isCombinatorIndex(error.context, index),
      )
      .map((entry) => entry.key)
    const path = keys.join('.') || '(root)'
    if (seen.has(path)) continue
    seen.add(path)
    const expected = error.context[error.context.length - 1]?.type.name ?? 'unknown'
    problems.push({
      path,
      expected,
      message: `${path}: expected ${expected}, got ${describeValue(error.value)}`,
    })
  }
  return problems
}

const isCombinatorIndex = (context: t.Context, index: number): boolean => {
  const parent = context[index - 1]?.type as { _tag?: string } | undefined
  return parent?._tag === 'UnionType' || parent?._tag === 'IntersectionType'
}

/** Decodes caller input; a failure is `invalid_input` naming every offending field. */
export const decodeInput = <A, O>(
  codec: t.Type<A, O, unknown>,
  input: unknown,
): Either<DomainError<'invalid_input'>, A> => {
  const decoded = codec.decode(input)
  if (decoded._tag === 'Right') return right(decoded.right)
  const problems = fieldProblems(decoded.left)
  const first = problems[0]
  return left(
    domainError('invalid_input', problems.map((problem) => problem.message).join('; '), {
      path: first?.path ?? '(root)',
      problems,
    }),
  )
}
