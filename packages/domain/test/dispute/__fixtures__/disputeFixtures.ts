// Named factories for the dispute's unit tests. Every command and event is decoded through its
// codec, so a fixture that the codec would refuse fails loudly instead of testing nothing.
import type * as t from 'io-ts'
import { DisputeCommand } from '../../../src/dispute/commands.js'
import type {
  EscalateDispute,
  ExpireDisputeResponse,
  OpenDispute,
  ResolveDispute,
  RespondToDispute,
  SubmitEvidence,
} from '../../../src/dispute/commands.js'
import { DisputeEvent } from '../../../src/dispute/events.js'
import type { DisputeOpened, DisputeResolved } from '../../../src/dispute/events.js'

export const DISPUTE_ID = 'dispute-1'
export const PAYMENT_ID = 'payment-1'
export const PAYER = 'alice'
export const PAYEE = 'coffee-shop'
export const HOLD_ID = 'dispute-hold-1'
export const ENTRY_ID = 'dispute-entry-1'
export const OTHER_ENTRY_ID = 'dispute-entry-2'
export const FINGERPRINT = 'a'.repeat(64)
export const OTHER_FINGERPRINT = 'b'.repeat(64)
export const SHA = 'c'.repeat(64)
export const OTHER_SHA = 'd'.repeat(64)

export const OPENED_AT = '2026-03-02T10:00:00.000Z'
export const BEFORE_DUE = '2026-03-05T09:00:00.000Z'
export const DUE_AT = '2026-03-09T10:00:00.000Z'
export const AFTER_DUE = '2026-03-09T10:00:00.001Z'
export const LATER = '2026-03-20T10:00:00.000Z'

const decodeWith = <A>(codec: t.Type<A, unknown, unknown>, raw: unknown): A => {
  const decoded = codec.decode(raw)
  if (decoded._tag === 'Left') throw new Error(`fixture does not decode: ${JSON.stringify(raw)}`)
  return decoded.right
}
const command = <C>(raw: Record<string, unknown>): C => decodeWith(DisputeCommand, raw) as C
const event = <E>(raw: Record<string, unknown>): E => decodeWith(DisputeEvent, raw) as E

// ---------------------------------------------------------------- commands

/** OpenDispute on a completed USD payment of 100.00, payee with 500.00 available. */
export const openDispute = (
  overrides: Record<string, unknown> = {},
  payment: Record<string, unknown> = {},
): OpenDispute =>
  command({
    type: 'OpenDispute',
    disputeId: DISPUTE_ID,
    paymentId: PAYMENT_ID,
    openedBy: PAYER,
    reason: 'not_received',
    at: OPENED_AT,
    responseDueAt: DUE_AT,
    holdId: HOLD_ID,
    payment: {
      payer: PAYER,
      payee: PAYEE,
      asset: 'USD',
      captured: '100.00',
      discount: '0.00',
      fee: '0.00',
      refunded: '0.00',
      status: 'completed',
      ...payment,
    },
    payeeAvailable: '500.00',
    fingerprint: FINGERPRINT,
    ...overrides,
  })

export const submitEvidence = (by: 'payer' | 'payee', sha256 = SHA, reference = `${by}-receipt`): SubmitEvidence =>
  command({ type: 'SubmitEvidence', disputeId: DISPUTE_ID, by, reference, sha256, at: BEFORE_DUE })

export const respond = (response: 'accept' | 'contest', at = BEFORE_DUE, entryId = ENTRY_ID): RespondToDispute =>
  command({ type: 'RespondToDispute', disputeId: DISPUTE_ID, response, entryId, at })

export const expire = (at = AFTER_DUE): ExpireDisputeResponse =>
  command({ type: 'ExpireDisputeResponse', disputeId: DISPUTE_ID, at })

export const escalate = (at = BEFORE_DUE): EscalateDispute =>
  command({ type: 'EscalateDispute', disputeId: DISPUTE_ID, at })

export const resolve = (
  outcome: 'payer' | 'payee' | 'legal',
  amount?: string,
  entryId = ENTRY_ID,
): ResolveDispute =>
  command({
    type: 'ResolveDispute',
    disputeId: DISPUTE_ID,
    outcome,
    entryId,
    at: LATER,
    ...(amount === undefined ? {} : { amount }),
  })

// ---------------------------------------------------------------- events

/** The payment's money of `opened`: 100.00 captured, no discount, no fee, nothing refunded. */
export const PAYMENT_AMOUNTS = { captured: '100.00', discount: '0.00', fee: '0.00', refunded: '0.00' }

/** DisputeOpened in USD; `held + shortfall` is the amount; `payment` overrides PAYMENT_AMOUNTS. */
export const opened = (
  amount = '100.00',
  held = amount,
  shortfall = '0.00',
  payment: Record<string, unknown> = {},
): DisputeOpened =>
  event({
    type: 'DisputeOpened',
    schemaVersion: 1,
    data: {
      disputeId: DISPUTE_ID,
      paymentId: PAYMENT_ID,
      reason: 'not_received',
      payer: PAYER,
      payee: PAYEE,
      asset: 'USD',
      amount,
      held,
      shortfall,
      holdId: HOLD_ID,
      responseDueAt: DUE_AT,
      payment: { ...PAYMENT_AMOUNTS, ...payment },
      fingerprint: FINGERPRINT,
      at: OPENED_AT,
    },
  })

export const evidenceSubmitted = (by: 'payer' | 'payee', sha256 = SHA, reference = `${by}-receipt`): DisputeEvent =>
  event({ type: 'EvidenceSubmitted', schemaVersion: 1, data: { disputeId: DISPUTE_ID, by, reference, sha256, at: BEFORE_DUE } })

export const contested = (at = BEFORE_DUE): DisputeEvent =>
  event({ type: 'DisputeContested', schemaVersion: 1, data: { disputeId: DISPUTE_ID, at } })

export const escalated = (cause: 'requested' | 'response_overdue' = 'requested', at = BEFORE_DUE): DisputeEvent =>
  event({ type: 'DisputeEscalated', schemaVersion: 1, data: { disputeId: DISPUTE_ID, cause, at } })

export const referredToLegal = (): DisputeEvent =>
  event({ type: 'DisputeReferredToLegal', schemaVersion: 1, data: { disputeId: DISPUTE_ID, at: LATER } })

/** A journal leg in USD. */
export const leg = (account: string, amount: string, direction: 'debit' | 'credit') => ({
  account,
  asset: 'USD',
  amount,
  direction,
})

/** DisputeResolved in USD; `entry` only with legs. */
export const resolved = (fields: {
  outcome: 'payer' | 'payee'
  decidedBy?: 'payee' | 'support'
  refunded: string
  captured: string
  released: string
  legs?: readonly ReturnType<typeof leg>[]
  at?: string
}): DisputeResolved =>
  event({
    type: 'DisputeResolved',
    schemaVersion: 1,
    data: {
      disputeId: DISPUTE_ID,
      outcome: fields.outcome,
      decidedBy: fields.decidedBy ?? 'support',
      asset: 'USD',
      refunded: fields.refunded,
      captured: fields.captured,
      released: fields.released,
      at: fields.at ?? LATER,
      ...(fields.legs === undefined ? {} : { entry: { entryId: ENTRY_ID, legs: fields.legs } }),
    },
  })

/** The entry of a refund the payee's hold covers alone. */
export const plainRefundLegs = (amount: string) => [leg(PAYEE, amount, 'debit'), leg(PAYER, amount, 'credit')]
