// runDue({ now }): expires what is due at `now` (inclusive), found through the due-items
// projection: manual-capture authorizations past their hold's expiry (the hold is released) and
// disputes whose payee did not respond in time (escalated to support). Both commands record
// nothing when the item is no longer due, so a lagging projection or two runners are harmless.
import { left, right } from 'fp-ts/lib/Either.js'
import type { Either } from 'fp-ts/lib/Either.js'
import { domainError, dueAt } from '@wallet-ledger/domain'
import type { DisputeCommand, DueItem, PaymentCommand } from '@wallet-ledger/domain'
import type { LedgerContext } from '../../ledger/context.js'
import { instantOf } from '../../ledger/input.js'
import type { Instant, LedgerError } from '../../ledger/types.js'
import type { ProjectionRunner } from '../../projections/runner.js'
import { planDisputeCommand } from '../dispute/disputeSteps.js'
import { planPaymentCommand } from '../payment/paymentSteps.js'
import { runPlanned } from '../execution/run.js'
import type { Plan } from '../execution/run.js'

const RUN_DUE_ACTOR = 'runDue'

/** Runs a planner and tells whether its committed plan wrote anything. */
const runCounting = async <T>(
  context: LedgerContext,
  planner: () => Promise<Either<LedgerError, Plan<T>>>,
): Promise<boolean> => {
  let wrote = false
  await runPlanned(context, { actor: RUN_DUE_ACTOR }, async () => {
    const planned = await planner()
    wrote =
      planned._tag === 'Right' && planned.right.writes.some((write) => write.events.length > 0)
    return planned
  })
  return wrote
}

// Everything one expiry records happens at `now`: the workflow's event and the account writes that
// follow it (the planners read their instant from the context's clock). A hold released at the
// clock's instant while the expiry says `now` would show released, as of an instant in between,
// before the expiry that released it.
const expire = (context: LedgerContext, item: DueItem, now: string): Promise<boolean> => {
  const atNow: LedgerContext = { ...context, clock: () => new Date(now) }
  return item.kind === 'payment_expiry'
    ? runCounting(atNow, () =>
        planPaymentCommand(atNow, item.id, (_state, at) =>
          right({ type: 'ExpirePayment', paymentId: item.id, at } as PaymentCommand),
        ),
      )
    : runCounting(atNow, () =>
        planDisputeCommand(atNow, item.id, (_state, at) =>
          right({ type: 'ExpireDisputeResponse', disputeId: item.id, at } as DisputeCommand),
        ),
      )
}

/**
 * The instant runDue works at: `now` (default: the ledger's clock), never later than the clock, so
 * no event is dated ahead of the time the ledger keeps (`invalid_input` on `now`).
 */
const dueNowOf = (
  context: LedgerContext,
  requested: Instant | undefined,
): Either<LedgerError, string> => {
  const clock = context.clock()
  const now = instantOf(requested ?? clock, 'now')
  if (now._tag === 'Left' || Date.parse(now.right) <= clock.getTime()) return now
  const message = `now: ${now.right} is later than the ledger's clock (${clock.toISOString()})`
  return left(domainError('invalid_input', message, { path: 'now' }))
}

/**
 * Expires every item due at `now` (default: the ledger's clock). `invalid_input` (path `now`) for
 * an instant that does not parse or is later than the clock; nothing is written then.
 */
export const runDueItems = async (
  context: LedgerContext,
  runner: ProjectionRunner,
  options: { now?: Instant } = {},
): Promise<Either<LedgerError, { expired: number }>> => {
  const due = dueNowOf(context, options.now)
  if (due._tag === 'Left') return due
  const now = due.right
  const states = await runner.catchUp()
  let expired = 0
  for (const item of dueAt(states.dueItems, now)) {
    if (await expire(context, item, now)) expired += 1
  }
  return right({ expired })
}
