// The freeze rules of DESIGN.md section 3 as one table: every sentence becomes a row, the account
// decider consults it for every money movement, and the engine consults the rows about other
// aggregates (a withdrawal's fate on freeze). One source, so the two cannot disagree.
import { assert } from './assert.js'

// ---------------------------------------------------------------- types

/** Who started a money movement: the account's owner, or the platform (workflows, support, fees). */
export type Initiator = 'owner' | 'platform'

/** What a movement does to the frozen account itself. */
export type FreezeMovement = 'debit' | 'hold' | 'capture' | 'credit' | 'release'

/** The actions the freeze rules speak about. */
export type FreezeAction =
  | 'pay'
  | 'refund'
  | 'convert'
  | 'withdraw_unsubmitted'
  | 'withdraw_cancel_on_freeze'
  | 'withdraw_submitted'
  | 'receive'
  | 'capture_prior_hold'
  | 'dispute_hold'
  | 'dispute_refund'
  | 'fee'
  | 'adjustment'
  | 'release_hold'
  | 'unfreeze'

/** One row: an action, who starts it, what it moves, and whether a frozen account lets it run. */
export type FreezeRule = {
  readonly action: FreezeAction
  /** `either` when the rule does not depend on who started the movement. */
  readonly initiatedBy: Initiator | 'either'
  /** The movements on the frozen account this action is made of (none for `unfreeze`). */
  readonly movements: readonly FreezeMovement[]
  readonly allowedWhenFrozen: boolean
  /** Who applies the rule: the account decider, or the engine composing another aggregate. */
  readonly enforcedBy: 'account' | 'engine'
  /** What happens, and why. */
  readonly effect: string
}

// ---------------------------------------------------------------- the table

/** The freeze rules, one row per sentence of DESIGN.md "Freeze rules" plus the cases it implies. */
export const FREEZE_RULES: readonly FreezeRule[] = [
  {
    action: 'receive',
    initiatedBy: 'either',
    movements: ['credit'],
    allowedWhenFrozen: true,
    enforcedBy: 'account',
    effect: 'A frozen account receives: credits still land, so money sent to it is never lost.',
  },
  {
    action: 'pay',
    initiatedBy: 'owner',
    movements: ['debit', 'hold'],
    allowedWhenFrozen: false,
    enforcedBy: 'account',
    effect: 'Payments are refused with account_frozen: a thief holding the phone cannot spend.',
  },
  {
    action: 'refund',
    initiatedBy: 'owner',
    movements: ['debit'],
    allowedWhenFrozen: false,
    enforcedBy: 'account',
    effect:
      "A frozen merchant's refund is sending money, so it is refused; the payer can dispute, which the platform runs.",
  },
  {
    action: 'convert',
    initiatedBy: 'owner',
    movements: ['debit'],
    allowedWhenFrozen: false,
    enforcedBy: 'account',
    effect: 'Conversions are refused with account_frozen.',
  },
  {
    action: 'withdraw_unsubmitted',
    initiatedBy: 'owner',
    movements: ['hold'],
    allowedWhenFrozen: false,
    enforcedBy: 'account',
    effect: 'A new withdrawal cannot take its hold (amount + fee): refused with account_frozen.',
  },
  {
    action: 'withdraw_cancel_on_freeze',
    initiatedBy: 'platform',
    movements: ['release'],
    allowedWhenFrozen: true,
    enforcedBy: 'engine',
    effect:
      'On freeze the engine cancels every withdrawal not yet submitted and releases its hold; the release runs on the frozen account.',
  },
  {
    action: 'withdraw_submitted',
    initiatedBy: 'platform',
    movements: ['capture'],
    allowedWhenFrozen: true,
    enforcedBy: 'engine',
    effect:
      'A submitted withdrawal cannot be recalled: the engine leaves it alone and its completion captures the hold.',
  },
  {
    action: 'capture_prior_hold',
    initiatedBy: 'either',
    movements: ['capture'],
    allowedWhenFrozen: true,
    enforcedBy: 'account',
    effect:
      'Captures of holds authorized before the freeze still run (every hold on a frozen account predates it or is the platform’s own).',
  },
  {
    action: 'dispute_hold',
    initiatedBy: 'platform',
    movements: ['hold'],
    allowedWhenFrozen: true,
    enforcedBy: 'account',
    effect: 'The disputed amount is still held from a frozen payee.',
  },
  {
    action: 'dispute_refund',
    initiatedBy: 'platform',
    movements: ['capture', 'debit'],
    allowedWhenFrozen: true,
    enforcedBy: 'account',
    effect: 'A dispute resolved for the payer still takes the refund from a frozen payee.',
  },
  {
    action: 'fee',
    initiatedBy: 'platform',
    movements: ['debit'],
    allowedWhenFrozen: true,
    enforcedBy: 'account',
    effect: 'Fees the platform charges still run.',
  },
  {
    action: 'adjustment',
    initiatedBy: 'platform',
    movements: ['debit', 'credit'],
    allowedWhenFrozen: true,
    enforcedBy: 'account',
    effect: 'Corrections through suspense are the platform’s and still run.',
  },
  {
    action: 'release_hold',
    initiatedBy: 'either',
    movements: ['release'],
    allowedWhenFrozen: true,
    enforcedBy: 'account',
    effect: 'Releasing a hold (expired, cancelled) returns money to available and always runs.',
  },
  {
    action: 'unfreeze',
    initiatedBy: 'owner',
    movements: [],
    allowedWhenFrozen: true,
    enforcedBy: 'account',
    effect: 'Unfreezing records how the owner was verified (AccountUnfrozen.verification).',
  },
]

// ---------------------------------------------------------------- lookups

const BY_ACTION: ReadonlyMap<FreezeAction, FreezeRule> = new Map(
  FREEZE_RULES.map((rule) => [rule.action, rule]),
)

const rulesFor = (initiatedBy: Initiator, movement: FreezeMovement): FreezeRule[] =>
  FREEZE_RULES.filter(
    (rule) =>
      rule.movements.includes(movement) &&
      (rule.initiatedBy === initiatedBy || rule.initiatedBy === 'either'),
  )

/** The row of an action. */
export const freezeRuleFor = (action: FreezeAction): FreezeRule => {
  const rule = BY_ACTION.get(action)
  assert(rule !== undefined, `no freeze rule for ${action}`)
  return rule
}

/**
 * Whether a frozen account lets a movement run, given who started it. Derived from the table: the
 * rows for this initiator and movement are asserted at load to exist and to agree.
 */
export const frozenAccountAllows = (initiatedBy: Initiator, movement: FreezeMovement): boolean => {
  const [first] = rulesFor(initiatedBy, movement)
  assert(first !== undefined, `no freeze rule covers ${initiatedBy} ${movement}`)
  return first.allowedWhenFrozen
}

// The table is consulted by (initiator, movement): every pair must be covered by rows that agree.
assert(BY_ACTION.size === FREEZE_RULES.length, 'freeze rules: an action appears twice')
for (const initiatedBy of ['owner', 'platform'] as const) {
  for (const movement of ['debit', 'hold', 'capture', 'credit', 'release'] as const) {
    const rows = rulesFor(initiatedBy, movement)
    assert(rows.length > 0, `freeze rules: nothing covers ${initiatedBy} ${movement}`)
    const allowed = rows.map((rule) => rule.allowedWhenFrozen)
    assert(
      allowed.every((value) => value === allowed[0]),
      `freeze rules disagree on ${initiatedBy} ${movement}`,
    )
  }
}
