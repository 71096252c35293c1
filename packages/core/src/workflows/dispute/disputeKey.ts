// An opening's idempotency key, claimed ledger-wide on its own stream (`claim-<keyId>`) in the
// opening's commit, as a refund's key is. Dispute ids stay derived from the payment and an ordinal
// (disputeFacts.ts finds a payment's disputes by probing them, which refunds need); the key's id is
// part of the opening's fingerprint, so the dispute a key opened is found among the payment's.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { assert, formatMoney } from '@wallet-ledger/domain'
import type { ClaimCommand, ClaimState, OpenedDisputeState } from '@wallet-ledger/domain'
import type { Write } from '../../engine/commit.js'
import type { LedgerContext } from '../../ledger/context.js'
import { fingerprintOf } from '../../ledger/input.js'
import type { LedgerError } from '../../ledger/types.js'
import { decideWrite } from '../shared/common.js'
import { keyedIdOf } from '../shared/ids.js'

// ---------------------------------------------------------------- types

/** What an opening asks for, with the id of its key and the amount canonical (absent: all). */
export type KeyedOpening = {
  readonly keyId: string
  readonly paymentId: string
  readonly reason: string
  readonly amount?: string
}

// The claim's kind: keys are scoped per kind of command, so a payment's key may open a dispute.
const DISPUTE_CLAIM_KIND = 'dispute'

// ---------------------------------------------------------------- operations

/** The id a caller's `openDispute` key names (uuid v5 in the ledger's namespace). */
export const disputeKeyId = (context: LedgerContext, idempotencyKey: string): string =>
  keyedIdOf(context, DISPUTE_CLAIM_KIND, idempotencyKey)

/**
 * The key `reportUnauthorized` opens a payment's dispute under: one per payment (its payer is the
 * only reporter), in a kind of its own so no caller's key can name it.
 */
export const reportKeyId = (context: LedgerContext, paymentId: string): string =>
  keyedIdOf(context, 'unauthorized-report', paymentId)

/**
 * What tells a retried opening from another one: the key, the payment, the reason and the amount
 * (canonical, or 'disputable' for everything still disputable).
 */
export const openingFingerprint = (opening: KeyedOpening): string => {
  const { keyId, paymentId, reason, amount } = opening
  return fingerprintOf({ keyId, paymentId, reason, amount: amount ?? 'disputable' })
}

/**
 * The claim of the opening's key: new (`no_stream`, so of two openings racing with one key only
 * one commits), empty when the same opening claimed it before, or `idempotency_key_reused` with
 * `path: 'idempotencyKey'` and, when the key's dispute can be read, the `fields` that differ.
 */
export const claimOpeningKey = async (
  context: LedgerContext,
  opening: KeyedOpening,
  disputes: readonly OpenedDisputeState[],
  at: string,
): Promise<Either<LedgerError, Write>> => {
  const definition = context.definitions.claim
  const { keyId, paymentId } = opening
  const loaded = await context.repository.load(definition, keyId)
  const claim = {
    type: 'ClaimIdempotencyKey',
    claimId: keyId,
    kind: DISPUTE_CLAIM_KIND,
    entityRef: paymentId,
    fingerprint: openingFingerprint(opening),
    at,
  } as ClaimCommand
  const write = decideWrite(definition, definition.stream(keyId), loaded, claim)
  if (write._tag === 'Left') {
    const fields = changedFields(loaded.state, opening, disputes)
    const details = { ...write.left.details, paymentId, path: 'idempotencyKey', ...fields }
    return left({ ...write.left, details })
  }
  if (write.right.events.length === 0) return write
  assert(loaded.revision === 'no_stream', `claim ${keyId} exists but decided a new claim`)
  return right({ ...write.right, expectedRevision: 'no_stream' })
}

// ---------------------------------------------------------------- helpers

/**
 * The caller's fields that differ from the opening the key was first used for, found by
 * fingerprinting each of the payment's disputes with this key (with its amount, then without):
 * `paymentId` when the key was claimed for another payment, nothing when its dispute cannot be
 * read (an opening interrupted after its claim).
 */
const changedFields = (
  state: ClaimState,
  opening: KeyedOpening,
  disputes: readonly OpenedDisputeState[],
): { fields?: string[]; disputeId?: string } => {
  if (state.status !== 'claimed') return {}
  if (state.claim.entityRef !== opening.paymentId) return { fields: ['paymentId'] }
  for (const dispute of disputes) {
    const amount = formatMoney(dispute.amount)
    const first = { keyId: opening.keyId, paymentId: dispute.paymentId, reason: dispute.reason }
    for (const candidate of [{ ...first, amount }, first]) {
      if (openingFingerprint(candidate) !== state.claim.fingerprint) continue
      const firstAmount = 'amount' in candidate ? candidate.amount : undefined
      const fields = [
        ...(candidate.reason === opening.reason ? [] : ['reason']),
        ...(firstAmount === opening.amount ? [] : ['amount']),
      ]
      return { fields, disputeId: dispute.disputeId }
    }
  }
  return {}
}
