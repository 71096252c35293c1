// Withdrawal arbitraries: sealed destinations, sender facts, every withdrawal command (accepted
// and rejected ones alike) and accepted histories built by running random commands through the
// decider, so every history is one the aggregate itself would have recorded.
import fc from 'fast-check'
import { withdrawalDecider } from '@wallet-ledger/domain'
import type {
  AccountId,
  Asset,
  AssetCode,
  CallerId,
  DecimalString,
  IsoInstant,
  LocalDate,
  Sha256Hex,
  WithdrawalCommand,
  WithdrawalDestination,
  WithdrawalEvent,
  WithdrawalState,
} from '@wallet-ledger/domain'
import type { RequestWithdrawal } from '@wallet-ledger/domain'
import { arbBusinessCalendar, arbSubmission } from './calendar.js'
import { arbAsset, arbCanonicalAmount } from './money.js'

// ---------------------------------------------------------------- types

/** The sender facts of a request, as the command carries them. */
export type WithdrawalSender = RequestWithdrawal['sender']

/** An accepted history: the events recorded and the state they fold to. */
export type WithdrawalHistory = {
  readonly events: readonly WithdrawalEvent[]
  readonly state: WithdrawalState
}

/** Options of `arbRequestWithdrawal`. */
export type WithdrawalRequestOptions = {
  /** The withdrawal id; default 'w-1'. */
  readonly withdrawalId?: string
  /** Only requests the decider accepts (active sender, enough balance, checks passed). */
  readonly acceptable?: boolean
}

// ---------------------------------------------------------------- pieces

const ACCOUNT_ID = 'alice' as CallerId
const SENDER_ID = 'alice' as AccountId
const NETWORKS = ['ethereum', 'tron', 'bitcoin', 'solana'] as const
const AMOUNT_MINOR_MAX = 10n ** 12n

/** A sealed destination: a bank account or a crypto address, its secret part an opaque string. */
export const arbWithdrawalDestination = (): fc.Arbitrary<WithdrawalDestination> =>
  fc.oneof(
    fc
      .stringMatching(/^[0-9a-f]{16,64}$/)
      .map((reference): WithdrawalDestination => ({ type: 'bank_account', reference })),
    fc
      .tuple(fc.constantFrom(...NETWORKS), fc.stringMatching(/^[0-9a-f]{16,64}$/))
      .map(
        ([network, reference]) =>
          ({ type: 'crypto_address', network, reference }) as WithdrawalDestination,
      ),
  )

/** A sha-256 hex fingerprint from a small set, so reused keys with other fields come up. */
const arbFingerprint = (): fc.Arbitrary<Sha256Hex> =>
  fc.constantFrom('a', 'b', 'c').map((digit) => digit.repeat(64) as Sha256Hex)

/** An instant in late 2026, whole seconds, as commands carry it. */
const arbInstant = (): fc.Arbitrary<IsoInstant> =>
  fc
    .integer({ min: 0, max: 120 * 86_400 })
    .map((seconds) => new Date(Date.UTC(2026, 10, 1) + seconds * 1000).toISOString() as IsoInstant)

/**
 * Sender facts for `totalMinor` (amount + fee). Acceptable facts are an active account without
 * limits and with enough available; others range over frozen accounts, two-factor, passwords,
 * limits around the total and balances around it.
 */
export const arbWithdrawalSenderFacts = (
  totalMinor: bigint,
  acceptable: boolean,
): fc.Arbitrary<WithdrawalSender> => {
  const around = fc.bigInt({ min: 0n, max: totalMinor * 2n + 1n })
  if (acceptable) {
    return fc.record({
      accountId: fc.constant(SENDER_ID),
      status: fc.constant('active' as const),
      security: fc.record({ hasTwoFactor: fc.boolean(), hasPaymentPassword: fc.boolean() }),
      limits: fc.constant({}),
      spentToday: fc.constant(0n),
      available: fc.bigInt({ min: totalMinor, max: totalMinor * 3n }),
    })
  }
  return fc.record({
    accountId: fc.constant(SENDER_ID),
    status: fc.constantFrom(
      'active' as const,
      'active' as const,
      'frozen' as const,
      'closed' as const,
    ),
    security: fc.record({ hasTwoFactor: fc.boolean(), hasPaymentPassword: fc.boolean() }),
    limits: fc.record(
      { perPaymentMax: around, perDayMax: around, stepUpAbove: around },
      { requiredKeys: [] },
    ),
    spentToday: around,
    available: around,
  })
}

// ---------------------------------------------------------------- commands

/** A withdrawal request: acceptable ones only, or any (refused, rejected, zero, bad fee scale). */
export const arbRequestWithdrawal = (
  options: WithdrawalRequestOptions = {},
): fc.Arbitrary<RequestWithdrawal> =>
  fc
    .record({
      asset: arbAsset(),
      withFee: fc.boolean(),
      destination: arbWithdrawalDestination(),
      at: arbInstant(),
      fingerprint: arbFingerprint(),
      verified: fc.boolean(),
    })
    .chain((base) =>
      fc
        .tuple(
          arbCanonicalAmount(base.asset, {
            minMinor: options.acceptable ? 1n : 0n,
            maxMinor: AMOUNT_MINOR_MAX,
          }),
          arbCanonicalAmount(base.asset, { maxMinor: AMOUNT_MINOR_MAX / 100n }),
        )
        .chain(([amount, fee]) =>
          arbWithdrawalSenderFacts(
            minorOf(amount) + (base.withFee ? minorOf(fee) : 0n),
            options.acceptable ?? false,
          ).map((sender): RequestWithdrawal =>
            requestCommand(
              options.withdrawalId ?? 'w-1',
              base.asset,
              amount,
              base.withFee ? fee : undefined,
              {
                ...base,
                sender,
                // Acceptable requests pass every check with a verified two-factor.
                authorization: {
                  method: 'two_factor',
                  verified: options.acceptable ? true : base.verified,
                },
              },
            ),
          ),
        ),
    )

/** A step after the request; the entry id is the same for every draw (see `withUniqueEntryIds`). */
const arbLifecycleCommand = (withdrawalId: string): fc.Arbitrary<WithdrawalCommand> => {
  const id = withdrawalId as CallerId
  const entryId = `entry-${withdrawalId}`
  const reason = fc.constantFrom(
    'bank refused the transfer',
    'account frozen',
    'account closed at the bank',
  )
  return fc.oneof(
    fc
      .record({ passed: fc.boolean(), at: arbInstant() })
      .map(({ passed, at }): WithdrawalCommand => ({
        type: 'VerifyWithdrawalIdentity',
        withdrawalId: id,
        passed,
        at,
      })),
    fc
      .record({
        calendar: arbBusinessCalendar(),
        submission: arbSubmission(),
        at: arbInstant(),
        ref: fc.option(fc.constant('BR-1'), { nil: undefined }),
      })
      .map(({ calendar, submission, at, ref }): WithdrawalCommand => ({
        type: 'SubmitWithdrawal',
        withdrawalId: id,
        at,
        ...submission,
        calendar,
        ...(ref === undefined ? {} : { bankReference: ref }),
      })),
    arbInstant().map((at): WithdrawalCommand => ({
      type: 'CompleteWithdrawal',
      withdrawalId: id,
      entryId,
      at,
    })),
    fc.tuple(reason, arbInstant()).map(([why, at]): WithdrawalCommand => ({
      type: 'FailWithdrawal',
      withdrawalId: id,
      reason: why,
      at,
    })),
    fc.tuple(reason, arbInstant()).map(([why, at]): WithdrawalCommand => ({
      type: 'CancelWithdrawal',
      withdrawalId: id,
      reason: why,
      at,
    })),
    fc.tuple(reason, arbInstant()).map(([why, at]): WithdrawalCommand => ({
      type: 'ReturnWithdrawal',
      withdrawalId: id,
      reason: why,
      entryId,
      at,
    })),
  )
}

/**
 * Any withdrawal command for withdrawal `withdrawalId`: requests (acceptable or not) and every
 * lifecycle command, whatever the state; the decider accepts some and rejects the others.
 */
export const arbWithdrawalCommand = (withdrawalId = 'w-1'): fc.Arbitrary<WithdrawalCommand> =>
  fc.oneof(
    { arbitrary: arbRequestWithdrawal({ withdrawalId }), weight: 1 },
    { arbitrary: arbLifecycleCommand(withdrawalId), weight: 3 },
  )

// ---------------------------------------------------------------- histories

/**
 * An accepted history: a request (usually acceptable), then up to `maxSteps` random commands run
 * through the decider; rejected ones are skipped, accepted events appended. Covers every status.
 */
export const arbWithdrawalHistory = (maxSteps = 8): fc.Arbitrary<WithdrawalHistory> =>
  fc
    .tuple(
      fc.oneof(
        { arbitrary: arbRequestWithdrawal({ acceptable: true }), weight: 4 },
        { arbitrary: arbRequestWithdrawal(), weight: 1 },
      ),
      fc.array(arbWithdrawalCommand('w-1'), { maxLength: maxSteps }),
    )
    .map(([request, commands]) => runWithdrawalCommands([request, ...withUniqueEntryIds(commands)]))

/** Runs commands through the decider from the start, keeping the accepted events. */
export const runWithdrawalCommands = (
  commands: readonly WithdrawalCommand[],
): WithdrawalHistory => {
  let state = withdrawalDecider.initialState
  const events: WithdrawalEvent[] = []
  for (const command of commands) {
    const decision = withdrawalDecider.decide(command, state)
    if (decision._tag === 'Left') continue
    for (const event of decision.right) {
      state = withdrawalDecider.evolve(state, event)
      events.push(event)
    }
  }
  return { events, state }
}

// ---------------------------------------------------------------- helpers

// The engine never reuses a journal entry id: number them by position.
const withUniqueEntryIds = (commands: readonly WithdrawalCommand[]): WithdrawalCommand[] =>
  commands.map((command, index) =>
    'entryId' in command ? { ...command, entryId: `${command.entryId}-${index + 1}` } : command,
  )

const minorOf = (amount: DecimalString): bigint => BigInt(amount.replace('.', ''))

const requestCommand = (
  withdrawalId: string,
  asset: Asset,
  amount: DecimalString,
  fee: DecimalString | undefined,
  rest: Pick<RequestWithdrawal, 'destination' | 'at' | 'fingerprint' | 'sender' | 'authorization'>,
): RequestWithdrawal => ({
  type: 'RequestWithdrawal',
  withdrawalId: withdrawalId as CallerId,
  accountId: ACCOUNT_ID,
  asset: asset.code as AssetCode,
  amount,
  ...(fee === undefined ? {} : { fee }),
  destination: rest.destination,
  holdId: `hold-${withdrawalId}`,
  at: rest.at,
  localDate: rest.at.slice(0, 10) as LocalDate,
  fingerprint: rest.fingerprint,
  sender: rest.sender,
  ...(rest.authorization === undefined ? {} : { authorization: rest.authorization }),
})
