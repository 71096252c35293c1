// The step-by-step executor, for stores without an atomic appendMany (EventStoreDB): the same
// decisions and journal entries as the atomic executor, appended one stream at a time in an order
// that never needs undoing once the decision is recorded:
//   1. reserve: every hold the plan takes, and a reserve hold for every debit of an account with a
//      balance rule (so the debit cannot fail later), then the promotion's budget debit
//      (DiscountApplied: a shared budget is the likeliest clash, so it clashes before the decision);
//   2. decide: the workflow's own stream, the record recover() finishes from;
//   3. post: captures of the reserve holds, credits, releases, each citing its journal leg, and the
//      promotion's budget credits (DiscountReturned).
// A clash before 2 is recorded releases the holds and voids the budget debit, then plans again; a
// crash before 2 leaves holds that recover() releases and a budget debit that recover() voids; a
// crash after 2 leaves legs that recover() posts. Every step is idempotent (the account dedupes by
// hold id and by entry and leg, the promotion by payment and by entry).
import type { AccountCommand } from '@wallet-ledger/domain'
import { assert, balanceRuleOf, moneyFromCanonical } from '@wallet-ledger/domain'
import { commitOne } from '../../engine/commit.js'
import type { Write } from '../../engine/commit.js'
import type { CommitMetadata } from '../../ports/eventStore.js'
import { isStoreError, storeError } from '../../ports/storeError.js'
import type { LedgerContext } from '../../ledger/context.js'
import { decideAccountWrites, stepCommand } from '../shared/accountWrites.js'
import {
  appliedDiscountsOf,
  isBudgetCredit,
  isBudgetDebit,
  postPromotionSteps,
  voidDiscount,
} from '../promotion/promotionSteps.js'
import { inFlightHoldKey } from './inFlight.js'
import { withStepRetries } from './stepRetries.js'
import { reserveHoldId } from '../shared/ids.js'

// ---------------------------------------------------------------- types

type Split = { readonly reserve: AccountCommand[]; readonly post: AccountCommand[] }

// The random tail of a uuid v7 (48 bits): unique per try, short enough for hold ids.
const RESERVE_ATTEMPT_CHARS = 12

// ---------------------------------------------------------------- operations

/**
 * Splits account commands into the holds taken first and the postings made after the decision.
 * `attempt` names this try of the command in its reserve holds' ids (see `reserveHoldId`).
 */
export const splitForSteps = (commands: readonly AccountCommand[], attempt: string): Split => {
  const reserve: AccountCommand[] = []
  const post: AccountCommand[] = []
  const credited = creditsByEntry(commands)
  for (const command of commands) {
    if (command.type === 'HoldFunds') {
      reserve.push(command)
    } else if (command.type === 'DebitFunds' && needsReserve(command, credited)) {
      const holdId = reserveHoldId(command.entryId, command.leg, attempt)
      const { accountId, asset, amount, initiatedBy, at } = command
      reserve.push(
        stepCommand(
          {
            kind: 'hold',
            accountId,
            holdId,
            asset,
            amount,
            initiatedBy,
            ...(command.limitDate === undefined ? {} : { limitDate: command.limitDate }),
          },
          at,
        ),
      )
      post.push({
        type: 'CaptureHold',
        accountId,
        operationId: command.operationId,
        holdId,
        amount,
        entryId: command.entryId,
        leg: command.leg,
        initiatedBy,
        at,
      } as AccountCommand)
    } else {
      post.push(command)
    }
  }
  return { reserve, post }
}

const creditKey = (entryId: string, accountId: string, asset: string): string =>
  `${entryId}|${accountId}|${asset}`

/** What each entry credits each account, in minor units. */
const creditsByEntry = (commands: readonly AccountCommand[]): Map<string, bigint> => {
  const credited = new Map<string, bigint>()
  for (const command of commands) {
    if (command.type !== 'CreditFunds') continue
    const key = creditKey(command.entryId, command.accountId, command.asset)
    const minor = moneyFromCanonical(command.asset, command.amount).minor
    credited.set(key, (credited.get(key) ?? 0n) + minor)
  }
  return credited
}

/**
 * A debit needs a reserve hold when its account has a balance rule, unless the same entry credits
 * that account at least as much (the dispute-loss account pays out what it was just given): the
 * credit is posted first, in leg order, so the debit cannot fail.
 */
const needsReserve = (
  command: Extract<AccountCommand, { type: 'DebitFunds' }>,
  credited: ReadonlyMap<string, bigint>,
): boolean => {
  if (balanceRuleOf(command.accountId) !== 'non_negative') return false
  const credit = credited.get(creditKey(command.entryId, command.accountId, command.asset)) ?? 0n
  return credit < moneyFromCanonical(command.asset, command.amount).minor
}

/** Decides and appends account commands one account at a time, retrying each on a clash. */
export const postAccountSteps = async (
  context: LedgerContext,
  commands: readonly AccountCommand[],
  metadata: CommitMetadata,
): Promise<void> => {
  const byAccount = new Map<string, AccountCommand[]>()
  for (const command of commands)
    byAccount.set(command.accountId, [...(byAccount.get(command.accountId) ?? []), command])
  for (const accountCommands of byAccount.values()) {
    await withStepRetries(async () => {
      const at = accountCommands[0]?.at ?? context.clock().toISOString()
      const writes = await decideAccountWrites(context, accountCommands, at)
      // A posting decided after its workflow was recorded cannot be refused: it either applies or
      // was already applied. A refusal here is a broken invariant, not a business outcome.
      assert(
        writes._tag === 'Right',
        `a posting after its decision was refused: ${writes._tag === 'Left' ? writes.left.message : ''}`,
      )
      for (const write of writes.right)
        await commitOne(context.store, context.repository, write, metadata)
    })
  }
}

/**
 * Commits a plan step by step. A clash while reserving or deciding undoes what was taken so far
 * (releases the reserve holds, voids the budget debits) and rethrows, so runPlanned plans again
 * from fresh state; once the decision is recorded, postings are retried on their own and never
 * undone. Any other failure leaves the undoing to recover(): the decision may have been recorded.
 */
export const commitStepwise = async (
  context: LedgerContext,
  writes: readonly Write[],
  metadata: CommitMetadata,
): Promise<void> => {
  const { budgetDebits, decisions, budgetCredits, accountCommands } = stepsOf(context, writes)
  // A fresh token per try: a retry after a clash or a crash must not reuse a released reserve.
  const attempt = context.nextId().replace(/-/g, '').slice(-RESERVE_ATTEMPT_CHARS)
  const { reserve, post } = splitForSteps(accountCommands, attempt)
  const leave = context.inFlight.enter(
    reserve.flatMap((hold) =>
      hold.type === 'HoldFunds' ? [inFlightHoldKey(hold.accountId, hold.holdId)] : [],
    ),
    [
      ...accountCommands.flatMap((command) => ('entryId' in command ? [command.entryId] : [])),
      ...appliedDiscountsOf(budgetDebits).map((discount) => discount.entryId),
    ],
  )
  try {
    await reserveAndDecide(context, { reserve, budgetDebits, decisions }, metadata)
    await postAccountSteps(context, post, metadata)
    await postPromotionSteps(context, budgetCredits, metadata)
  } finally {
    leave()
  }
}

// Steps 1 and 2; a clash undoes step 1 and rethrows (see commitStepwise).
const reserveAndDecide = async (
  context: LedgerContext,
  steps: {
    readonly reserve: readonly AccountCommand[]
    readonly budgetDebits: readonly Write[]
    readonly decisions: readonly Write[]
  },
  metadata: CommitMetadata,
): Promise<void> => {
  const { reserve, budgetDebits, decisions } = steps
  const taken: AccountCommand[] = []
  const debited: Write[] = []
  try {
    for (const hold of reserve) {
      await postReserve(context, hold, metadata)
      taken.push(hold)
    }
    for (const write of budgetDebits) {
      await commitOne(context.store, context.repository, write, metadata)
      debited.push(write)
    }
    for (const decision of decisions)
      await commitOne(context.store, context.repository, decision, metadata)
  } catch (error) {
    if (isStoreError(error, 'wrong_expected_version')) {
      for (const discount of appliedDiscountsOf(debited))
        await voidDiscount(context, discount, metadata)
    }
    await releaseTaken(context, taken, metadata)
    throw error
  }
}

/**
 * A plan's writes in step order. Account writes made from posting commands are re-decided step by
 * step; any other write (a workflow's decision, an account's own settings, a claim) is appended as
 * decided, except a promotion's budget debits (before the decision) and credits (after it).
 */
const stepsOf = (context: LedgerContext, writes: readonly Write[]) => {
  const accountDefinition = context.definitions.account
  const isPosting = (write: Write): boolean =>
    write.definition === accountDefinition && write.commands !== undefined
  const isDecision = (write: Write): boolean =>
    !isPosting(write) && !isBudgetDebit(context, write) && !isBudgetCredit(context, write)
  return {
    budgetDebits: writes.filter((write) => isBudgetDebit(context, write)),
    decisions: writes.filter(isDecision),
    budgetCredits: writes.filter((write) => isBudgetCredit(context, write)),
    accountCommands: writes.flatMap((write) =>
      isPosting(write) ? ((write.commands ?? []) as AccountCommand[]) : [],
    ),
  }
}

const postReserve = async (
  context: LedgerContext,
  hold: AccountCommand,
  metadata: CommitMetadata,
): Promise<void> => {
  const writes = await decideAccountWrites(context, [hold], hold.at)
  // The plan was decided against the same state a moment ago; a refusal now means it changed.
  if (writes._tag === 'Left') {
    throw storeError(
      'wrong_expected_version',
      `the account changed since the plan: ${writes.left.message}`,
      { stream: hold.accountId },
    )
  }
  for (const write of writes.right)
    await commitOne(context.store, context.repository, write, metadata)
}

const releaseTaken = async (
  context: LedgerContext,
  taken: readonly AccountCommand[],
  metadata: CommitMetadata,
): Promise<void> => {
  const releases = taken.flatMap((hold) =>
    hold.type === 'HoldFunds'
      ? [stepCommand({ kind: 'release', accountId: hold.accountId, holdId: hold.holdId }, hold.at)]
      : [],
  )
  await postAccountSteps(context, releases, metadata)
}
