// Money arriving (deposit) and corrections (adjust): one workflow event with its journal entry and
// the account events citing its legs, committed together.
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  AccountId,
  boundedString,
  Direction,
  formatMinor,
  isPlatformAccount,
  limits,
} from '@wallet-ledger/domain'
import type {
  AccountState,
  AdjustmentCommand,
  DepositCommand,
  JournalEntry,
} from '@wallet-ledger/domain'
import type { LedgerContext } from '../../ledger/context.js'
import { AmountText, AssetText, fingerprintOf, withoutContext } from '../../ledger/input.js'
import type { Ledger, LedgerError } from '../../ledger/types.js'
import type { AnyAggregateDefinition } from '../../engine/aggregate.js'
import type { Write } from '../../engine/commit.js'
import { decideAccountWrites, legCommands } from '../shared/accountWrites.js'
import {
  IdempotencyKey,
  commitMetadataOf,
  decideWrite,
  nowOf,
  readKeyedAmount,
  withContext,
} from '../shared/common.js'
import { runPlanned } from '../execution/run.js'
import type { Plan } from '../execution/run.js'
import { accountNotFound } from '../../ledger/notFound.js'
import { entryIdOf } from '../shared/ids.js'

const Key = IdempotencyKey
/** The caller's input to `deposit` (contract.unit.spec.ts ties it to `Ledger`). */
export const DepositInput = withContext(
  {
    accountId: AccountId,
    asset: AssetText,
    amount: AmountText,
    source: t.intersection([
      t.type({
        type: t.keyof({ bank_transfer: null, card: null, crypto: null }),
        reference: boundedString(limits.REFERENCE_LENGTH_MAX, 'Reference'),
      }),
      t.partial({ network: boundedString(32, 'Network') }),
    ]),
    idempotencyKey: Key,
  },
  {},
  'Deposit',
)
/** The caller's input to `adjust` (contract.unit.spec.ts ties it to `Ledger`). */
export const AdjustInput = withContext(
  {
    accountId: AccountId,
    asset: AssetText,
    amount: AmountText,
    direction: Direction,
    reason: boundedString(limits.REASON_LENGTH_MAX, 'Reason'),
    idempotencyKey: Key,
  },
  {},
  'Adjust',
)

const statusOf = (state: AccountState): 'active' | 'frozen' | 'closed' | undefined =>
  state.status === 'not_opened' ? undefined : state.status

/** Plans a workflow event with a journal entry plus the account events posting its legs. */
export const planWithEntry = async <T>(
  context: LedgerContext,
  workflowWrite: Write,
  entry: JournalEntry | undefined,
  at: string,
  outcome: Either<LedgerError, T>,
): Promise<Either<LedgerError, Plan<T>>> => {
  if (entry === undefined || workflowWrite.events.length === 0)
    return right({ writes: [workflowWrite], outcome })
  const accountWrites = await decideAccountWrites(context, legCommands(entry, at), at)
  if (accountWrites._tag === 'Left') return accountWrites
  return right({ writes: [workflowWrite, ...accountWrites.right], outcome })
}

/**
 * Plans a workflow whose one event records a journal entry on a new stream (a deposit, an
 * adjustment): decided against the stream's state (a retry finds it and records nothing), created
 * with 'no_stream', the entry's legs posted with it.
 */
const planRecordedEntry = async <T>(
  context: LedgerContext,
  definition: LedgerContext['definitions']['deposit'] | LedgerContext['definitions']['adjustment'],
  id: string,
  build: (at: string) => DepositCommand | AdjustmentCommand,
  outcome: Either<LedgerError, T>,
): Promise<Either<LedgerError, Plan<T>>> => {
  const loaded = await context.repository.load(definition as AnyAggregateDefinition, id)
  const at = nowOf(context)
  const write = decideWrite(
    definition as AnyAggregateDefinition,
    definition.stream(id),
    loaded,
    build(at),
  )
  if (write._tag === 'Left') return write
  const entry = (write.right.events[0] as { data: { entry: JournalEntry } } | undefined)?.data.entry
  return planWithEntry(
    context,
    { ...write.right, expectedRevision: 'no_stream' },
    entry,
    at,
    outcome,
  )
}

/** The deposit and adjust methods of the ledger. */
export const depositCommands = (context: LedgerContext): Pick<Ledger, 'deposit' | 'adjust'> => ({
  deposit: async (raw) => {
    const read = readKeyedAmount(context, DepositInput, raw, 'deposit')
    if (read._tag === 'Left') return read
    const { input, amount: parsed, id: depositId } = read.right
    const { accountId, asset, source } = input
    const fingerprint = fingerprintOf({
      ...withoutContext(input),
      amount: parsed.amount,
    })
    return runPlanned(context, commitMetadataOf(input), async () => {
      const account = await context.repository.load(context.definitions.account, accountId)
      const accountStatus = statusOf(account.state)
      // Money from outside reaches customers' accounts; the platform's own move only by workflows.
      if (accountStatus === undefined || isPlatformAccount(accountId))
        return left(accountNotFound(accountId))
      const entryId = entryIdOf('deposit', depositId, 'credit')
      const amount = parsed.amount
      return planRecordedEntry(
        context,
        context.definitions.deposit,
        depositId,
        (at) =>
          ({
            type: 'RecordDeposit',
            depositId,
            entryId,
            accountId,
            asset,
            amount,
            source,
            fingerprint,
            accountStatus,
            at,
          }) as DepositCommand,
        right({ depositId }),
      )
    })
  },
  adjust: async (raw) => {
    const read = readKeyedAmount(context, AdjustInput, raw, 'adjustment')
    if (read._tag === 'Left') return read
    const { input, amount: parsed, id: adjustmentId } = read.right
    const { accountId, asset, direction, reason } = input
    const fingerprint = fingerprintOf({
      ...withoutContext(input),
      amount: parsed.amount,
    })
    return runPlanned(context, commitMetadataOf(input), async () => {
      const account = await context.repository.load(context.definitions.account, accountId)
      // Corrections are for customers' accounts: a world account's balance may be negative
      // (money outside the wallet), and platform accounts move only by their workflows.
      if (account.state.status === 'not_opened' || isPlatformAccount(accountId))
        return left(accountNotFound(accountId))
      const accountStatus = account.state.status
      const balance = account.state.balances[asset]
      const available = formatMinor(balance?.available ?? 0n, parsed.asset.scale)
      const entryId = entryIdOf('adjustment', adjustmentId, 'post')
      const amount = parsed.amount
      return planRecordedEntry(
        context,
        context.definitions.adjustment,
        adjustmentId,
        (at) =>
          ({
            type: 'PostAdjustment',
            adjustmentId,
            entryId,
            accountId,
            asset,
            amount,
            direction,
            reason,
            fingerprint,
            accountStatus,
            available,
            at,
          }) as AdjustmentCommand,
        right({ entryId }),
      )
    })
  },
})
