// Runs one command: plan against loaded state, commit, and on a revision clash reload and plan
// again, a bounded number of times, then `concurrency_conflict`.
import type { Either } from 'fp-ts/lib/Either.js'
import { left } from 'fp-ts/lib/Either.js'
import { domainError, limits } from '@wallet-ledger/domain'
import { commitAtomically } from '../../engine/commit.js'
import type { Write } from '../../engine/commit.js'
import type { CommitMetadata } from '../../ports/eventStore.js'
import { isStoreError } from '../../ports/storeError.js'
import type { LedgerContext } from '../../ledger/context.js'
import { commitStepwise } from './stepwise.js'
import type { LedgerError } from '../../ledger/types.js'

// ---------------------------------------------------------------- types

/**
 * What a command decided: the writes (the workflow's own stream first) and what the caller gets
 * once they are committed. A recorded refusal has writes and a `left` outcome.
 */
export type Plan<T> = {
  readonly writes: readonly Write[]
  readonly outcome: Either<LedgerError, T>
}

/** Plans a command against freshly loaded state; `left` means nothing to write. */
export type Planner<T> = () => Promise<Either<LedgerError, Plan<T>>>

// ---------------------------------------------------------------- operations

/** Commits a plan's writes: atomically where the store can, else one stream at a time, in order. */
export const commitPlan = async (
  context: LedgerContext,
  writes: readonly Write[],
  metadata: CommitMetadata,
): Promise<void> => {
  const started = performance.now()
  if (context.isAtomic) {
    await commitAtomically(context.store, context.repository, writes, metadata)
  } else {
    await commitStepwise(context, writes, metadata)
  }
  const events = writes.reduce((sum, write) => sum + write.events.length, 0)
  if (events > 0) {
    safeHook(() =>
      context.hooks.onAppend?.({
        streams: writes.filter((write) => write.events.length > 0).map((write) => write.stream),
        events,
        durationMs: performance.now() - started,
      }),
    )
  }
}

/**
 * Plans and commits with retries. Only `wrong_expected_version` is retried: the plan is made
 * again against reloaded state. Any other store failure rejects (its outcome is unknown: the
 * caller retries with the same idempotency key).
 */
export const runPlanned = async <T>(
  context: LedgerContext,
  metadata: CommitMetadata,
  planner: Planner<T>,
): Promise<Either<LedgerError, T>> => {
  for (let attempt = 0; attempt <= limits.COMMAND_RETRIES_MAX; attempt += 1) {
    const planned = await planner()
    if (planned._tag === 'Left') {
      if (!isMomentaryShortfall(planned.left) || attempt === limits.COMMAND_RETRIES_MAX)
        return planned
      await backOff(attempt)
      continue
    }
    try {
      await commitPlan(context, planned.right.writes, metadata)
      return planned.right.outcome
    } catch (error) {
      if (!isStoreError(error, 'wrong_expected_version')) throw error
      await backOff(attempt)
    }
  }
  return left(
    domainError(
      'concurrency_conflict',
      `gave up after ${limits.COMMAND_RETRIES_MAX + 1} attempts: the accounts kept changing; retry with the same idempotency key`,
    ),
  )
}

/**
 * A random pause, growing with each attempt, before planning again: commands that clashed on
 * the same account would otherwise retry in lockstep and clash again.
 */
const backOff = (attempt: number): Promise<void> =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.random() * Math.min(limits.RETRY_PAUSE_MS_MAX, 2 ** attempt)),
  )

/**
 * A refusal made against an account holding other workflows' reserves in flight: those
 * workflows' decisions will be recorded in a moment, and planning again then gives the answer
 * some serial order would (a second full refund is `refund_exceeds_captured`, not a shortfall
 * of the fees account the first one reserved).
 */
const isMomentaryShortfall = (error: LedgerError): boolean =>
  error.code === 'insufficient_balance' && error.details?.['hasReservesInFlight'] === true

/** Calls a user's hook; a hook that throws must not fail the ledger's work. */
export const safeHook = (call: () => void): void => {
  try {
    call()
  } catch {
    // Hooks are the user's observability code; their failure is theirs to see in their tooling.
  }
}
