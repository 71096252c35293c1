// reportUnauthorized: a person reports their account stolen and names the payments they did not
// make. The account is frozen ('reported stolen') and an 'unauthorized' dispute is opened on each
// named payment the account paid. Everything that can be refused is checked before anything is
// written; a re-run (after a crash or a lost answer) finishes the work and returns the same ids.
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { CallerId, domainError, isDisputeActive, limits } from '@wallet-ledger/domain'
import type { LedgerContext } from '../../ledger/context.js'
import { decodeCaller } from '../../ledger/input.js'
import type { LedgerError, UnauthorizedReport } from '../../ledger/types.js'
import { accountCommands } from '../account/accounts.js'
import { commitMetadataOf, withContext } from '../shared/common.js'
import { disputesOfPayment } from './disputeFacts.js'
import { openingFingerprint, reportKeyId } from './disputeKey.js'
import { planOpenDispute } from './disputeOpening.js'
import { runPlanned } from '../execution/run.js'
import { accountNotFound, paymentNotFound } from '../../ledger/notFound.js'

// ---------------------------------------------------------------- input

/** The caller's input to `reportUnauthorized` (contract.unit.spec.ts ties it to `Ledger`). */
export const ReportInput = withContext(
  { accountId: CallerId, paymentIds: t.array(CallerId, 'PaymentIds') },
  {},
  'ReportUnauthorized',
)
type ReportInput = t.TypeOf<typeof ReportInput>

/** The reason the freeze records. */
export const REPORTED_STOLEN = 'reported stolen'

/** One payment of the report: a dispute that already covers it, or one to open. */
type Planned = { readonly paymentId: string; readonly disputeId?: string }

type Refused = UnauthorizedReport['refused'][number]

/** What the checks found: the openings to make, and the payments the report cannot dispute. */
type Checked = { readonly planned: readonly Planned[]; readonly refused: readonly Refused[] }

// ---------------------------------------------------------------- operations

/**
 * Freezes the account and opens an 'unauthorized' dispute (the whole disputable amount) on each
 * named payment whose payer is the account; any other named payment (one it received, say) is left
 * alone and listed in `refused` with code `not_payer`, in the caller's order. Before anything
 * is written: `invalid_input` (more than `PAYMENT_IDS_PER_REPORT_MAX` ids), `account_not_found`,
 * `account_closed`, `payment_not_found` (with `details.path`), and any refusal an opening would
 * meet (`invalid_transition` for a payment not settled or fully refunded, `limit_exceeded`).
 * Each opening is keyed by its payment (`reportKeyId`), so a re-run, or two reports racing, open
 * one dispute per payment. A payment already covered keeps its dispute: the one a report opened
 * before (found by its fingerprint, whatever its status since), or any dispute still undecided.
 * So a re-run returns the same ids. An already frozen account is not frozen again.
 */
export const reportUnauthorized = async (
  context: LedgerContext,
  raw: unknown,
): Promise<Either<LedgerError, UnauthorizedReport>> => {
  const input = decodeCaller(ReportInput, raw)
  if (input._tag === 'Left') return input
  const checked = await checkReport(context, input.right)
  if (checked._tag === 'Left') return checked
  const frozen = await freezeUnlessFrozen(context, input.right)
  if (frozen._tag === 'Left') return frozen
  const disputeIds: string[] = []
  for (const planned of checked.right.planned) {
    if (planned.disputeId !== undefined) {
      disputeIds.push(planned.disputeId)
      continue
    }
    const request = reportOpening(context, planned.paymentId)
    const opened = await runPlanned(context, commitMetadataOf(input.right), () =>
      planOpenDispute(context, request),
    )
    // Only a race can refuse now; what was opened stays, and a re-run finishes the rest.
    if (opened._tag === 'Left') {
      const details = { ...opened.left.details, paymentId: planned.paymentId, disputeIds }
      return left({ ...opened.left, details })
    }
    disputeIds.push(opened.right.disputeId)
  }
  return right({ disputeIds, refused: [...checked.right.refused] })
}

// ---------------------------------------------------------------- helpers

// Every check, in the caller's order, before anything is written.
const checkReport = async (
  context: LedgerContext,
  input: ReportInput,
): Promise<Either<LedgerError, Checked>> => {
  const paymentIds = [...new Set(input.paymentIds)]
  if (paymentIds.length > limits.PAYMENT_IDS_PER_REPORT_MAX) {
    const message = `paymentIds: at most ${limits.PAYMENT_IDS_PER_REPORT_MAX} payments per report`
    return left(domainError('invalid_input', message, { path: 'paymentIds' }))
  }
  const account = await context.repository.load(context.definitions.account, input.accountId)
  if (account.state.status === 'not_opened' || account.state.kind === 'system')
    return left({ ...accountNotFound(input.accountId), details: { path: 'accountId' } })
  if (account.state.status === 'closed') {
    const message = `account ${input.accountId} is closed: there is nothing left to protect`
    return left(domainError('account_closed', message, { accountId: input.accountId }))
  }
  const paid: string[] = []
  const refused: Refused[] = []
  for (const [index, paymentId] of paymentIds.entries()) {
    const payment = await context.repository.load(context.definitions.payment, paymentId)
    if (payment.state.status === 'not_requested')
      return left({
        ...paymentNotFound(paymentId),
        details: { paymentId, path: `paymentIds.${index}` },
      })
    const payer: string = payment.state.request.payer
    if (payer === input.accountId) paid.push(paymentId)
    else refused.push(notPayer(paymentId, input.accountId))
  }
  const planned: Planned[] = []
  for (const paymentId of paid) {
    const one = await planOne(context, paymentId)
    if (one._tag === 'Left') return one
    planned.push(one.right)
  }
  return right({ planned, refused })
}

const notPayer = (paymentId: string, accountId: string): Refused => ({
  paymentId,
  code: 'not_payer',
  message: `payment ${paymentId} was not made by account ${accountId}, so it cannot dispute it`,
})

// A payment already covered by a dispute keeps it; otherwise the opening is planned (and dropped)
// now so that its refusal comes before the freeze.
const planOne = async (
  context: LedgerContext,
  paymentId: string,
): Promise<Either<LedgerError, Planned>> => {
  const facts = await disputesOfPayment(context, paymentId)
  const request = reportOpening(context, paymentId)
  const fingerprint = openingFingerprint(request)
  const covering =
    facts.disputes.find((dispute) => dispute.fingerprint === fingerprint) ??
    facts.disputes.find(isDisputeActive)
  if (covering !== undefined) return right({ paymentId, disputeId: covering.disputeId })
  const dryRun = await planOpenDispute(context, request)
  return dryRun._tag === 'Left' ? dryRun : right({ paymentId })
}

// The opening a report makes on one payment: the whole disputable amount, under the payment's key.
const reportOpening = (context: LedgerContext, paymentId: string) => ({
  keyId: reportKeyId(context, paymentId),
  paymentId,
  reason: 'unauthorized' as const,
})

// The freeze goes through the account workflow, so withdrawals not yet submitted are cancelled.
const freezeUnlessFrozen = async (
  context: LedgerContext,
  input: ReportInput,
): Promise<Either<LedgerError, void>> => {
  const account = await context.repository.load(context.definitions.account, input.accountId)
  if (account.state.status === 'frozen') return right(undefined)
  const { accountId, actor, correlationId } = input
  return accountCommands(context).freezeAccount({
    accountId,
    reason: REPORTED_STOLEN,
    ...(actor === undefined ? {} : { actor }),
    ...(correlationId === undefined ? {} : { correlationId }),
  })
}
