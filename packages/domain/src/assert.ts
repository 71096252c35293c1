// Broken invariants: thrown, never caught, never turned into a rejection (STYLE.md section 5).

/** Thrown when an invariant the types cannot express is broken. Never caught by ledger code. */
export class AssertionError extends Error {
  override readonly name = 'AssertionError'
  readonly code = 'assertion_failed'
}

/**
 * Asserts a precondition, postcondition or invariant. Split compound conditions into several calls
 * so a failure names the part that broke.
 */
export function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new AssertionError(message)
}

/** Marks a branch the type checker proves unreachable; a new union member cannot be forgotten. */
export const absurd = (value: never): never => {
  throw new AssertionError(`unreachable: ${JSON.stringify(value)}`)
}
