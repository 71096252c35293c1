// Turns a workflow's journal entry and holds into account commands, decides them against each
// account's state, and groups the events into one write per account stream.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  PROMOTION_BUDGET_ACCOUNT_PREFIX,
  accountDecider,
  assert,
  balanceRuleOf,
  isPlatformAccount,
} from '@wallet-ledger/domain'
import type {
  AccountCommand,
  AccountEvent,
  AccountState,
  JournalEntry,
} from '@wallet-ledger/domain'
import type { Write } from '../../engine/commit.js'
import type { Loaded } from '../../engine/repository.js'
import type { LedgerContext } from '../../ledger/context.js'
import type { LedgerError } from '../../ledger/types.js'
import { reserveOf } from './ids.js'

// ---------------------------------------------------------------- types

/** Who started a movement: a frozen account refuses the owner's debits and holds. */
export type Initiator = 'owner' | 'platform'

/** How one account takes part in a journal entry, beyond a plain debit or credit of its legs. */
export type LegOverride = {
  /** Debit legs of this account are taken from this hold instead of available. */
  readonly captureHoldId?: string
  readonly initiatedBy?: Initiator
  /** The local date the debit counts toward the daily limit. */
  readonly limitDate?: string
}

/** Commands that touch an account without a journal leg: holds and releases. */
export type AccountStep =
  | {
      readonly kind: 'hold'
      readonly accountId: string
      readonly holdId: string
      readonly asset: string
      readonly amount: string
      readonly initiatedBy: Initiator
      readonly expiresAt?: string
      readonly limitDate?: string
    }
  | { readonly kind: 'release'; readonly accountId: string; readonly holdId: string }

// ---------------------------------------------------------------- operations

/**
 * True for legs an account stream posts. A promotion's budget account is booked by the promotion's
 * own stream (DiscountApplied / DiscountReturned cite its legs), so its legs are not account events.
 */
export const isAccountStreamLeg = (account: string): boolean =>
  !account.startsWith(PROMOTION_BUDGET_ACCOUNT_PREFIX)

/** The account commands that post every leg of an entry, citing `(entryId, leg)`. */
export const legCommands = (
  entry: JournalEntry,
  at: string,
  overrides: Readonly<Record<string, LegOverride>> = {},
): AccountCommand[] =>
  entry.legs.flatMap((leg, index): AccountCommand[] =>
    isAccountStreamLeg(leg.account) ? [legCommand(leg, index, entry.entryId, at, overrides)] : [],
  )

const legCommand = (
  leg: JournalEntry['legs'][number],
  index: number,
  entryId: string,
  at: string,
  overrides: Readonly<Record<string, LegOverride>>,
): AccountCommand => {
  const override = overrides[leg.account] ?? {}
  const operationId = `${entryId}:${index}`
  const cited = { accountId: leg.account, operationId, entryId, leg: index, at }
  if (leg.direction === 'credit') {
    return { type: 'CreditFunds', ...cited, asset: leg.asset, amount: leg.amount } as AccountCommand
  }
  const initiatedBy = override.initiatedBy ?? 'platform'
  if (override.captureHoldId !== undefined) {
    return {
      type: 'CaptureHold',
      ...cited,
      holdId: override.captureHoldId,
      amount: leg.amount,
      initiatedBy,
    } as AccountCommand
  }
  return {
    type: 'DebitFunds',
    ...cited,
    asset: leg.asset,
    amount: leg.amount,
    initiatedBy,
    ...(override.limitDate === undefined ? {} : { limitDate: override.limitDate }),
  } as AccountCommand
}

/** The account command of a hold or release step. */
export const stepCommand = (step: AccountStep, at: string): AccountCommand => {
  if (step.kind === 'release') {
    return {
      type: 'ReleaseHold',
      accountId: step.accountId,
      operationId: `${step.holdId}:release`,
      holdId: step.holdId,
      at,
    } as AccountCommand
  }
  const { kind: _kind, ...hold } = step
  return { type: 'HoldFunds', ...hold, operationId: `${step.holdId}:hold`, at } as AccountCommand
}

/**
 * Marks a refusal made while the account holds reserves of other workflows in flight (the
 * step-by-step executor's): their decisions are not recorded yet, so the refusal may be a
 * moment's shortfall that planning again after they finish would not see.
 */
const inFlightOf = (state: AccountState): { hasReservesInFlight?: true } => {
  if (state.status === 'not_opened') return {}
  for (const holdId of state.holds.keys())
    if (reserveOf(holdId) !== undefined) return { hasReservesInFlight: true }
  return {}
}

const NEEDS_EXACT_REVISION: ReadonlySet<string> = new Set([
  'DebitFunds',
  'HoldFunds',
  'CaptureHold',
  'ReleaseHold',
])

/**
 * Decides account commands in order, one write per account. A platform account that was never
 * opened is opened in the same write (with `no_stream`, so two openers cannot both succeed).
 * Only debits, holds and their captures or releases on accounts with a balance rule need the
 * exact revision; everything else appends with `'any'`.
 */
export const decideAccountWrites = async (
  context: LedgerContext,
  commands: readonly AccountCommand[],
  at: string,
): Promise<Either<LedgerError, Write[]>> => {
  const definition = context.definitions.account
  const byAccount = new Map<string, AccountCommand[]>()
  for (const command of commands)
    byAccount.set(command.accountId, [...(byAccount.get(command.accountId) ?? []), command])
  const writes: Write[] = []
  for (const [accountId, accountCommands] of byAccount) {
    const loaded = await context.repository.load(definition, accountId)
    const decided = decideForAccount(accountId, loaded, accountCommands, at)
    if (decided._tag === 'Left') return decided
    writes.push({
      definition,
      stream: definition.stream(accountId),
      loaded,
      ...decided.right,
      commands: accountCommands,
    })
  }
  return right(writes)
}

const decideForAccount = (
  accountId: string,
  loaded: Loaded<AccountState>,
  commands: readonly AccountCommand[],
  at: string,
): Either<LedgerError, Pick<Write, 'events' | 'nextState' | 'expectedRevision'>> => {
  const decider = accountDecider
  let state = loaded.state
  const events: AccountEvent[] = []
  let isOpening = false
  if (state.status === 'not_opened' && isPlatformAccount(accountId)) {
    const opened = decider.decide(
      { type: 'OpenAccount', accountId, kind: 'system', at } as AccountCommand,
      state,
    )
    assert(opened._tag === 'Right', `cannot open platform account ${accountId}`)
    for (const event of opened.right) state = decider.evolve(state, event)
    events.push(...opened.right)
    isOpening = true
  }
  let isExact = isOpening
  for (const command of commands) {
    const decided = decider.decide(command, state)
    if (decided._tag === 'Left') {
      const details = { ...decided.left.details, accountId, ...inFlightOf(state) }
      return left({ ...decided.left, details })
    }
    for (const event of decided.right) state = decider.evolve(state, event)
    events.push(...decided.right)
    if (NEEDS_EXACT_REVISION.has(command.type) && balanceRuleOf(accountId) === 'non_negative')
      isExact = true
  }
  const expectedRevision = isOpening ? 'no_stream' : isExact ? loaded.revision : 'any'
  return right({ events, nextState: state, expectedRevision })
}
