// Dispute arbitraries: openings that the decider accepts or refuses, any later command (in order,
// out of order, before and after the deadline, with refunds over and under the disputed amount),
// and accepted histories built by running commands through the decider. Amounts are canonical
// decimal strings built from bigint minor units, never JS numbers.
import fc from 'fast-check'
import { DisputeCommand, disputeDecider, formatMinor } from '@wallet-ledger/domain'
import type { Asset, DisputeEvent, DisputeState, OpenDispute } from '@wallet-ledger/domain'
import { arbAsset, arbMoney } from './money.js'

// ---------------------------------------------------------------- types

/** An accepted dispute history: the opening, every command tried, the events they recorded. */
export type DisputeHistory = {
  readonly opening: OpenDispute
  readonly commands: readonly DisputeCommand[]
  readonly events: readonly DisputeEvent[]
  readonly state: DisputeState
}

/** Options of `arbDisputeHistory`. */
export type DisputeHistoryOptions = {
  /** Most commands tried after the opening; default 16. */
  readonly commandsMax?: number
}

// ---------------------------------------------------------------- constants

/** When every generated dispute opens; its deadline is seven days later. */
export const DISPUTE_OPENED_AT = '2026-03-02T10:00:00.000Z'
/** The response deadline of every generated dispute. */
export const DISPUTE_RESPONSE_DUE_AT = '2026-03-09T10:00:00.000Z'

const PAYER = 'payer-1'
const PAYEE = 'merchant-1'
const OPENED_MS = Date.parse(DISPUTE_OPENED_AT)
const DUE_MS = Date.parse(DISPUTE_RESPONSE_DUE_AT)
const DAY_MS = 86_400_000
const SHAS = ['1', '2', '3'].map((digit) => digit.repeat(64))
const FINGERPRINTS = ['e', 'f'].map((digit) => digit.repeat(64))

// ---------------------------------------------------------------- helpers

/** Decodes a raw command; a generator that builds one the codec refuses is a bug in this file. */
const decodeCommand = <C extends DisputeCommand>(raw: Record<string, unknown>): C => {
  const decoded = DisputeCommand.decode(raw)
  if (decoded._tag === 'Left')
    throw new Error(`arbitrary built a bad command: ${JSON.stringify(raw)}`)
  return decoded.right as C
}

const instant = (ms: number): string => new Date(ms).toISOString()

/** Instants around the deadline, where the rules change: before, exactly at, just after, later. */
const arbAt = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(DISPUTE_RESPONSE_DUE_AT, instant(DUE_MS + 1), instant(OPENED_MS + 1)),
    fc.integer({ min: 0, max: 14 * DAY_MS }).map((offset) => instant(OPENED_MS + offset)),
  )

/** Amounts small enough to read in a counterexample, large enough for every scale. */
const capOf = (asset: Asset): bigint => 10n ** BigInt(asset.scale + 6)

/**
 * The payment facts of an opening: captured, then refunded strictly below it, a discount below it
 * (often none) and a merchant fee within it (often none), so refunds split into shares.
 */
const arbPaymentMinor = (asset: Asset) =>
  arbMoney(asset, { minMinor: 1n, maxMinor: capOf(asset) }).chain((captured) =>
    fc.record({
      captured: fc.constant(captured.minor),
      refunded: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: captured.minor - 1n })),
      discount: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: captured.minor - 1n })),
      fee: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: captured.minor })),
    }),
  )

// ---------------------------------------------------------------- openings

/**
 * An OpenDispute the decider accepts: a settled payment with something left to dispute, an amount
 * absent (everything left) or within it, and a payee whose available balance may be short.
 */
export const arbDisputeOpening = (): fc.Arbitrary<OpenDispute> =>
  fc.tuple(arbAsset(), fc.nat({ max: 999 })).chain(([asset, serial]) =>
    arbPaymentMinor(asset).chain(({ captured, refunded, discount, fee }) =>
      fc
        .record({
          amount: fc.option(fc.bigInt({ min: 1n, max: captured - refunded }), { nil: undefined }),
          payeeAvailable: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 2n * captured })),
          reason: fc.constantFrom('unauthorized', 'not_received', 'wrong_amount', 'duplicate'),
        })
        .map((drawn) =>
          decodeCommand<OpenDispute>({
            type: 'OpenDispute',
            disputeId: `dispute-${serial}`,
            paymentId: `payment-${serial}`,
            openedBy: PAYER,
            reason: drawn.reason,
            at: DISPUTE_OPENED_AT,
            responseDueAt: DISPUTE_RESPONSE_DUE_AT,
            holdId: `hold-${serial}`,
            payment: {
              payer: PAYER,
              payee: PAYEE,
              asset: asset.code,
              captured: formatMinor(captured, asset.scale),
              discount: formatMinor(discount, asset.scale),
              fee: formatMinor(fee, asset.scale),
              refunded: formatMinor(refunded, asset.scale),
              status: refunded === 0n ? 'completed' : 'partially_refunded',
              ...(discount === 0n ? {} : { promotionId: 'promotion-1' }),
            },
            payeeAvailable: formatMinor(drawn.payeeAvailable, asset.scale),
            fingerprint: FINGERPRINTS[0],
            ...(drawn.amount === undefined
              ? {}
              : { amount: formatMinor(drawn.amount, asset.scale) }),
          }),
        ),
    ),
  )

/**
 * An OpenDispute, accepted or refused: a valid opening, or one spoiled in one way (a caller who is
 * not the payer, an unsettled or fully refunded payment, an amount of zero or over what is left, a
 * deadline not after the opening, an amount with the wrong number of decimals).
 */
export const arbOpenDisputeCommand = (): fc.Arbitrary<OpenDispute> =>
  fc.tuple(arbDisputeOpening(), fc.nat({ max: 7 })).map(([opening, spoil]) => {
    const { payment } = opening
    const remaining = disputableOf(opening)
    const scale = decimalsOf(payment.captured)
    const spoiled: Record<string, unknown>[] = [
      {},
      { openedBy: PAYEE },
      { payment: { ...payment, status: 'refunded' } },
      { payment: { ...payment, status: 'authorized' } },
      { amount: formatMinor(0n, scale) },
      { amount: formatMinor(remaining + 1n, scale) },
      { responseDueAt: opening.at },
      { amount: `${remaining}${scale === 0 ? '.5' : '0'}` },
    ]
    return decodeCommand<OpenDispute>({ ...opening, ...spoiled[spoil] })
  })

// ---------------------------------------------------------------- later commands

/**
 * Any command after `opening` on the same dispute, valid or not: evidence (repeats included, so
 * retries happen), responses before and after the deadline, expiries, escalations, outcomes with
 * refunds from zero to one unit over the disputed amount, and the opening retried with its own or
 * another fingerprint.
 */
export const arbDisputeCommand = (opening: OpenDispute): fc.Arbitrary<DisputeCommand> => {
  const disputeId = opening.disputeId
  const scale = decimalsOf(opening.payment.captured)
  const disputed = opening.amount === undefined ? disputableOf(opening) : minorOf(opening.amount)
  const entryId = fc.constantFrom('entry-1', 'entry-2')
  const refund = fc.option(
    fc.oneof(fc.constantFrom(0n, disputed, disputed + 1n), fc.bigInt({ min: 1n, max: disputed })),
    { nil: undefined },
  )
  return fc.oneof(
    fc
      .record({
        by: fc.constantFrom('payer', 'payee'),
        sha256: fc.constantFrom(...SHAS),
        n: fc.nat({ max: 3 }),
        at: arbAt(),
      })
      .map(({ by, sha256, n, at }) =>
        decodeCommand({ type: 'SubmitEvidence', disputeId, by, reference: `doc-${n}`, sha256, at }),
      ),
    fc
      .record({ response: fc.constantFrom('accept', 'contest'), entryId, at: arbAt() })
      .map((fields) => decodeCommand({ type: 'RespondToDispute', disputeId, ...fields })),
    arbAt().map((at) => decodeCommand({ type: 'ExpireDisputeResponse', disputeId, at })),
    arbAt().map((at) => decodeCommand({ type: 'EscalateDispute', disputeId, at })),
    fc
      .record({ outcome: fc.constantFrom('payer', 'payee', 'legal'), entryId, refund, at: arbAt() })
      .map(({ refund: amount, ...fields }) =>
        decodeCommand({
          type: 'ResolveDispute',
          disputeId,
          ...fields,
          ...(amount === undefined ? {} : { amount: formatMinor(amount, scale) }),
        }),
      ),
    fc
      .constantFrom(...FINGERPRINTS)
      .map((fingerprint) => decodeCommand({ ...opening, fingerprint })),
  )
}

// ---------------------------------------------------------------- histories

/**
 * An accepted history: a valid opening, then up to `commandsMax` commands run through
 * `disputeDecider`; refused commands record nothing, accepted ones are folded in. Building it
 * already runs decide and evolve, so a throw there fails the property that draws it.
 */
export const arbDisputeHistory = (
  options: DisputeHistoryOptions = {},
): fc.Arbitrary<DisputeHistory> =>
  arbDisputeOpening().chain((opening) =>
    fc
      .array(arbDisputeCommand(opening), { maxLength: options.commandsMax ?? 16 })
      .map((commands) => runDisputeCommands(opening, commands)),
  )

/** Runs an opening and commands through the decider, keeping what it accepts. */
export const runDisputeCommands = (
  opening: OpenDispute,
  commands: readonly DisputeCommand[],
): DisputeHistory => {
  const events: DisputeEvent[] = []
  let state = disputeDecider.initialState
  for (const command of [opening, ...commands]) {
    const decision = disputeDecider.decide(command, state)
    if (decision._tag === 'Left') {
      if (command === opening) throw new Error(`opening refused: ${decision.left.code}`)
      continue
    }
    for (const event of decision.right) {
      state = disputeDecider.evolve(state, event)
      events.push(event)
    }
  }
  return { opening, commands, events, state }
}

/** What is left to dispute on an opening's payment, in minor units. */
export const disputableOf = (opening: OpenDispute): bigint =>
  minorOf(opening.payment.captured) - minorOf(opening.payment.refunded)

const minorOf = (amount: string): bigint => BigInt(amount.replace('.', ''))
const decimalsOf = (amount: string): number => {
  const point = amount.indexOf('.')
  return point < 0 ? 0 : amount.length - point - 1
}
