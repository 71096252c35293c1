// Disputes: opening (disputeOpening.ts), evidence, the payee's response, escalation to support,
// the outcome (refund to the payer, hold back to the payee, or legal), the report of unauthorized
// payments (disputeReport.ts) and the `dispute(id)` query.
import * as t from 'io-ts'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  CallerId,
  DisputeParty,
  DisputeReason,
  Sha256Hex,
  boundedString,
  limits,
} from '@wallet-ledger/domain'
import type { DisputeCommand } from '@wallet-ledger/domain'
import type { LedgerContext } from '../../ledger/context.js'
import { AmountText, decodeCaller, parseCallerAmount, queryIdOf } from '../../ledger/input.js'
import type { Ledger } from '../../ledger/types.js'
import { IdempotencyKey, commitMetadataOf, withContext } from '../shared/common.js'
import { disputeKeyId } from './disputeKey.js'
import { planOpenDispute } from './disputeOpening.js'
import { reportUnauthorized } from './disputeReport.js'
import { planDisputeCommand, viewOfDispute } from './disputeSteps.js'
import { runPlanned } from '../execution/run.js'
import { disputeNotFound } from '../../ledger/notFound.js'
import { entryIdOf } from '../shared/ids.js'

// ---------------------------------------------------------------- input codecs

/** The caller's input to `openDispute` (contract.unit.spec.ts ties it to `Ledger`). */
export const OpenInput = withContext(
  { paymentId: CallerId, reason: DisputeReason, idempotencyKey: IdempotencyKey },
  { amount: AmountText },
  'OpenDispute',
)
/** The caller's input to `submitEvidence` (contract.unit.spec.ts ties it to `Ledger`). */
export const EvidenceInput = withContext(
  {
    disputeId: CallerId,
    by: DisputeParty,
    reference: boundedString(limits.REFERENCE_LENGTH_MAX, 'Reference'),
    sha256: Sha256Hex,
  },
  {},
  'SubmitEvidence',
)
/** The caller's input to `respondToDispute` (contract.unit.spec.ts ties it to `Ledger`). */
export const RespondInput = withContext(
  { disputeId: CallerId, response: t.keyof({ accept: null, contest: null }, 'Response') },
  {},
  'RespondToDispute',
)
/** The caller's input to `escalateDispute` (contract.unit.spec.ts ties it to `Ledger`). */
export const DisputeIdInput = withContext({ disputeId: CallerId }, {}, 'EscalateDispute')
/** The caller's input to `resolveDispute` (contract.unit.spec.ts ties it to `Ledger`). */
export const ResolveInput = withContext(
  { disputeId: CallerId, outcome: t.keyof({ payer: null, payee: null, legal: null }, 'Outcome') },
  { amount: AmountText },
  'ResolveDispute',
)

// ---------------------------------------------------------------- the methods

/**
 * The dispute methods of the ledger and the query. Each step after the opening is one command on
 * the dispute's stream plus the account writes its outcome needs; refusals write nothing.
 */
export const disputeCommands = (
  context: LedgerContext,
): Pick<
  Ledger,
  | 'openDispute'
  | 'submitEvidence'
  | 'respondToDispute'
  | 'escalateDispute'
  | 'resolveDispute'
  | 'reportUnauthorized'
  | 'dispute'
> => ({
  openDispute: async (raw) => {
    const input = decodeCaller(OpenInput, raw)
    if (input._tag === 'Left') return input
    const { paymentId, reason, amount, idempotencyKey } = input.right
    const keyId = disputeKeyId(context, idempotencyKey)
    const request = { keyId, paymentId, reason, ...(amount === undefined ? {} : { amount }) }
    return runPlanned(context, commitMetadataOf(input.right), () =>
      planOpenDispute(context, request),
    )
  },
  submitEvidence: async (raw) => {
    const input = decodeCaller(EvidenceInput, raw)
    if (input._tag === 'Left') return input
    const { disputeId, by, reference, sha256 } = input.right
    return runPlanned(context, commitMetadataOf(input.right), () =>
      planDisputeCommand(context, disputeId, (_state, at) =>
        right({ type: 'SubmitEvidence', disputeId, by, reference, sha256, at } as DisputeCommand),
      ),
    )
  },
  respondToDispute: async (raw) => {
    const input = decodeCaller(RespondInput, raw)
    if (input._tag === 'Left') return input
    const { disputeId, response } = input.right
    const entryId = entryIdOf('dispute', disputeId, 'refund')
    return runPlanned(context, commitMetadataOf(input.right), () =>
      planDisputeCommand(context, disputeId, (_state, at) =>
        right({ type: 'RespondToDispute', disputeId, response, entryId, at } as DisputeCommand),
      ),
    )
  },
  escalateDispute: async (raw) => {
    const input = decodeCaller(DisputeIdInput, raw)
    if (input._tag === 'Left') return input
    const { disputeId } = input.right
    return runPlanned(context, commitMetadataOf(input.right), () =>
      planDisputeCommand(context, disputeId, (_state, at) =>
        right({ type: 'EscalateDispute', disputeId, at } as DisputeCommand),
      ),
    )
  },
  resolveDispute: async (raw) => {
    const input = decodeCaller(ResolveInput, raw)
    if (input._tag === 'Left') return input
    const { disputeId, outcome, amount } = input.right
    const entryId = entryIdOf('dispute', disputeId, 'refund')
    return runPlanned(context, commitMetadataOf(input.right), () =>
      planDisputeCommand(context, disputeId, (state, at) => {
        const base = { type: 'ResolveDispute', disputeId, outcome, entryId, at }
        if (amount === undefined) return right(base as DisputeCommand)
        // Parsed in the dispute's asset; the decider refuses an amount on other outcomes.
        const parsed = parseCallerAmount(context.registry, state.asset, amount, 'amount')
        if (parsed._tag === 'Left') return parsed
        return right({ ...base, amount: parsed.right.amount } as DisputeCommand)
      }),
    )
  },
  reportUnauthorized: async (raw) => reportUnauthorized(context, raw),
  dispute: async (disputeId) => {
    const id = queryIdOf(disputeId, 'disputeId', CallerId.is, disputeNotFound)
    if (id._tag === 'Left') return id
    const loaded = await context.repository.load(context.definitions.dispute, id.right)
    if (loaded.state.status === 'not_opened') return left(disputeNotFound(id.right))
    return right(viewOfDispute(loaded.state))
  },
})
