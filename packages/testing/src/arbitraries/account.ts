// Account arbitraries: commands of every type, valid and invalid (too large, zero, wrong scale,
// unknown holds, replays, wrong kind), and accepted histories built by running commands through the
// account decider, so every history is one the aggregate itself would have recorded. Amounts are
// small and ids come from small pools so holds, captures and replays meet each other often.
import fc from 'fast-check'
import {
  SYSTEM_ACCOUNTS,
  accountDecider,
  formatMinor,
  isPlatformAccount,
} from '@wallet-ledger/domain'
import type {
  AccountCommand,
  AccountEvent,
  AccountId,
  AccountKind,
  AccountState,
  AssetCode,
  DecimalString,
  IsoInstant,
  LocalDate,
  Percent,
} from '@wallet-ledger/domain'

// ---------------------------------------------------------------- types

/** An accepted account history: the commands tried, the events recorded, the state they give. */
export type AccountHistory = {
  readonly accountId: AccountId
  readonly kind: AccountKind
  readonly commands: readonly AccountCommand[]
  readonly events: readonly AccountEvent[]
  readonly state: AccountState
}

/** Options of `arbAccountHistory`. */
export type AccountHistoryOptions = {
  /** The kind of account (any when absent). */
  readonly kind?: AccountKind
  /** Commands tried after opening (default 40). */
  readonly maxCommands?: number
}

// ---------------------------------------------------------------- pieces

// Two assets of different scales; amounts stay small so debits and holds often fit the balance.
const ASSETS = [
  { code: 'USD', scale: 2 },
  { code: 'BTC', scale: 8 },
] as const
const HOLD_IDS = ['h1', 'h2', 'h3', 'h4'] as const
const ENTRY_IDS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8'] as const
const START_MS = Date.UTC(2026, 10, 1)
const DAY_MS = 86_400_000

const arbAt = (): fc.Arbitrary<IsoInstant> =>
  fc
    .integer({ min: 0, max: 3 * DAY_MS - 1 })
    .map((offset) => new Date(START_MS + offset).toISOString() as IsoInstant)

const arbLocalDate = (): fc.Arbitrary<LocalDate> =>
  fc
    .integer({ min: 0, max: 2 })
    .map((day) => new Date(START_MS + day * DAY_MS).toISOString().slice(0, 10) as LocalDate)

const arbAsset = () => fc.constantFrom(...ASSETS)

/**
 * An amount of the asset: mostly canonical, positive and at most `maxMinor` minor units,
 * sometimes zero or of the wrong scale.
 */
const arbAmountOf = (asset: { scale: number }, maxMinor = 5_000n): fc.Arbitrary<DecimalString> =>
  fc.oneof(
    {
      arbitrary: fc
        .bigInt({ min: 1n, max: maxMinor })
        .map((minor) => formatMinor(minor, asset.scale)),
      weight: 12,
    },
    { arbitrary: fc.constant(formatMinor(0n, asset.scale)), weight: 1 },
    {
      arbitrary: fc
        .bigInt({ min: 1n, max: 5_000n })
        .map((minor) => formatMinor(minor, asset.scale + 1)),
      weight: 1,
    },
  )

const arbAssetAmount = () =>
  arbAsset().chain((asset) =>
    arbAmountOf(asset).map((amount) => ({ asset: asset.code as AssetCode, amount })),
  )

const arbLeg = () =>
  fc.record({ entryId: fc.constantFrom(...ENTRY_IDS), leg: fc.integer({ min: 0, max: 2 }) })

const arbInitiatedBy = () => fc.constantFrom('owner' as const, 'platform' as const)

const optional = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arbitrary, { nil: undefined })

/** `T` with every property that may be undefined made optional instead. */
type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>
}

/** Drops keys whose value is undefined (commands never carry an explicit undefined). */
const defined = <const T extends object>(value: T): Defined<T> =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Defined<T>

/** The kind an id is meant for: platform ids are system accounts, the others users or merchants. */
const kindsFor = (accountId: string): readonly AccountKind[] =>
  isPlatformAccount(accountId) ? ['system'] : ['user', 'merchant']

// ---------------------------------------------------------------- commands

/** An account id of the given kind (any kind when absent), system ids of both balance rules. */
export const arbAccountId = (kind?: AccountKind): fc.Arbitrary<AccountId> => {
  const system = fc.constantFrom(
    SYSTEM_ACCOUNTS.fees,
    SYSTEM_ACCOUNTS.bankInflow,
    SYSTEM_ACCOUNTS.suspense,
  )
  const user = fc.constantFrom('alice', 'bob-1', 'shop_42')
  const arbitrary = kind === 'system' ? system : kind === undefined ? fc.oneof(user, system) : user
  return arbitrary.map((id) => id as AccountId)
}

/**
 * OpenAccount for `accountId`. With `validOnly`, always of a kind in `kinds` and with a fee rate
 * only on merchants; otherwise now and then a kind that does not fit the id or a misplaced rate.
 */
const arbOpenAccount = (
  accountId: AccountId,
  kinds: readonly AccountKind[],
  validOnly: boolean,
) => {
  const rarely = fc.oneof(
    { arbitrary: fc.constant(false), weight: 9 },
    { arbitrary: fc.constant(true), weight: 1 },
  )
  return fc
    .record({
      kind: fc.constantFrom(...kinds),
      wrongKind: validOnly
        ? fc.constant(undefined)
        : optional(
            rarely.chain((wrong) =>
              wrong
                ? fc.constantFrom<AccountKind>('user', 'merchant', 'system')
                : fc.constant(undefined),
            ),
          ),
      misplacedRate: validOnly ? fc.constant(false) : rarely,
      at: arbAt(),
      contact: optional(fc.constant('cipher:3q2+7w==')),
      metadata: optional(fc.constant({ channel: 'app' })),
      merchantFeeRate: optional(fc.constantFrom('0', '0.6', '2.5') as fc.Arbitrary<Percent>),
    })
    .map(({ kind, wrongKind, misplacedRate, merchantFeeRate, ...rest }): AccountCommand => {
      const chosen = wrongKind ?? kind
      const rate = chosen === 'merchant' || misplacedRate ? merchantFeeRate : undefined
      return defined({
        type: 'OpenAccount',
        accountId,
        kind: chosen,
        ...rest,
        merchantFeeRate: rate,
      })
    })
}

/** A credit that funds the account at the start of a history (its own entry ids, never replayed). */
const arbFunding = (accountId: AccountId): fc.Arbitrary<AccountCommand> =>
  fc
    .tuple(arbAt(), fc.nat({ max: 99 }), arbAsset(), fc.bigInt({ min: 1n, max: 20_000n }))
    .map(([at, index, asset, minor]): AccountCommand => ({
      type: 'CreditFunds',
      accountId,
      operationId: `funding-${index}`,
      asset: asset.code as AssetCode,
      amount: formatMinor(minor, asset.scale),
      entryId: `funding-${index}`,
      leg: 0,
      at,
    }))

const arbSettingsCommand = (accountId: AccountId): fc.Arbitrary<AccountCommand> => {
  const base = { accountId }
  return fc.oneof(
    arbAt().map((at): AccountCommand => ({ type: 'EnableTwoFactor', ...base, at })),
    fc
      .record({
        at: arbAt(),
        method: fc.constantFrom('two_factor' as const, 'payment_password' as const),
        verified: fc.boolean(),
      })
      .map(({ at, method, verified }): AccountCommand => ({
        type: 'DisableTwoFactor',
        ...base,
        authorization: { method, verified },
        at,
      })),
    arbAt().map((at): AccountCommand => ({ type: 'SetPaymentPassword', ...base, at })),
    arbAsset().chain((asset) =>
      fc
        .record({
          at: arbAt(),
          perPaymentMax: optional(arbAmountOf(asset)),
          perDayMax: optional(arbAmountOf(asset)),
          stepUpAbove: optional(arbAmountOf(asset)),
        })
        .map((limits): AccountCommand =>
          defined({ type: 'SetLimits', ...base, asset: asset.code as AssetCode, ...limits }),
        ),
    ),
    fc
      .record({
        at: arbAt(),
        merchantFeeRate: fc.constantFrom('0', '1', '2.5') as fc.Arbitrary<Percent>,
      })
      .map((fields): AccountCommand => ({ type: 'SetMerchantFeeRate', ...base, ...fields })),
  )
}

const arbLifecycleCommand = (accountId: AccountId): fc.Arbitrary<AccountCommand> =>
  fc.oneof(
    arbOpenAccount(accountId, kindsFor(accountId), false),
    fc
      .record({ at: arbAt(), reason: fc.constant('reported stolen') })
      .map((fields): AccountCommand => ({ type: 'FreezeAccount', accountId, ...fields })),
    fc
      .record({ at: arbAt(), verification: fc.constant('id check') })
      .map((fields): AccountCommand => ({ type: 'UnfreezeAccount', accountId, ...fields })),
    arbAt().map((at): AccountCommand => ({ type: 'CloseAccount', accountId, at })),
    arbAt().map((at): AccountCommand => ({ type: 'EraseContact', accountId, at })),
  )

const arbMoneyCommand = (accountId: AccountId): fc.Arbitrary<AccountCommand> => {
  const step = fc.record({ at: arbAt(), operationId: fc.constantFrom('op-1', 'op-2') })
  const holdId = fc.constantFrom(...HOLD_IDS)
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(step, arbAssetAmount(), arbLeg())
        .map(([s, money, leg]): AccountCommand => ({
          type: 'CreditFunds',
          accountId,
          ...s,
          ...money,
          ...leg,
        })),
      weight: 4,
    },
    {
      arbitrary: fc
        .tuple(step, arbAssetAmount(), arbLeg(), arbInitiatedBy(), optional(arbLocalDate()))
        .map(([s, money, leg, initiatedBy, limitDate]): AccountCommand =>
          defined({
            type: 'DebitFunds',
            accountId,
            ...s,
            ...money,
            ...leg,
            initiatedBy,
            limitDate,
          }),
        ),
      weight: 3,
    },
    {
      arbitrary: fc
        .tuple(
          step,
          holdId,
          arbAssetAmount(),
          arbInitiatedBy(),
          optional(arbAt()),
          optional(arbLocalDate()),
        )
        .map(([s, id, money, initiatedBy, expiresAt, limitDate]): AccountCommand =>
          defined({
            type: 'HoldFunds',
            accountId,
            ...s,
            holdId: id,
            ...money,
            initiatedBy,
            expiresAt,
            limitDate,
          }),
        ),
      weight: 3,
    },
    {
      arbitrary: fc
        .tuple(
          step,
          holdId,
          arbAsset().chain((asset) => arbAmountOf(asset, 3_000n)),
          arbLeg(),
          arbInitiatedBy(),
        )
        .map(([s, id, amount, leg, initiatedBy]): AccountCommand => ({
          type: 'CaptureHold',
          accountId,
          ...s,
          holdId: id,
          amount,
          ...leg,
          initiatedBy,
        })),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(step, holdId)
        .map(([s, id]): AccountCommand => ({ type: 'ReleaseHold', accountId, ...s, holdId: id })),
      weight: 2,
    },
  )
}

/**
 * Any account command for `accountId`, valid or not against a given state: every type, amounts
 * that are sometimes zero or of the wrong scale, hold and entry ids from small pools (so captures
 * of unknown holds and replays of applied steps both happen), unverified authorizations and kinds
 * that do not fit the id. Every command decodes with the `AccountCommand` codec.
 */
export const arbAccountCommand = (accountId: AccountId): fc.Arbitrary<AccountCommand> =>
  fc.oneof(
    { arbitrary: arbMoneyCommand(accountId), weight: 6 },
    { arbitrary: arbSettingsCommand(accountId), weight: 2 },
    { arbitrary: arbLifecycleCommand(accountId), weight: 1 },
  )

// ---------------------------------------------------------------- histories

/**
 * Runs commands through the account decider from `initial`, keeping the events of the accepted
 * ones and skipping the refused ones, as the engine would.
 */
export const runAccountCommands = (
  commands: readonly AccountCommand[],
  initial: AccountState = accountDecider.initialState,
): { readonly events: readonly AccountEvent[]; readonly state: AccountState } => {
  const events: AccountEvent[] = []
  let state = initial
  for (const command of commands) {
    const decision = accountDecider.decide(command, state)
    if (decision._tag === 'Left') continue
    for (const event of decision.right) {
      state = accountDecider.evolve(state, event)
      events.push(event)
    }
  }
  return { events, state }
}

/**
 * An accepted history: an account opened with a kind that fits its id, one to three credits that
 * fund it (so debits, holds and captures are often accepted), then up to `maxCommands` arbitrary
 * commands; only the accepted commands' events are kept.
 */
export const arbAccountHistory = (
  options: AccountHistoryOptions = {},
): fc.Arbitrary<AccountHistory> =>
  arbAccountId(options.kind).chain((accountId) => {
    const kinds = options.kind === undefined ? kindsFor(accountId) : [options.kind]
    return fc
      .tuple(
        arbOpenAccount(accountId, kinds, true),
        fc.array(arbFunding(accountId), { minLength: 1, maxLength: 3 }),
        fc.array(arbAccountCommand(accountId), {
          maxLength: options.maxCommands ?? 40,
          size: 'max',
        }),
      )
      .map(([open, funding, rest]) => {
        const commands = [open, ...funding, ...rest]
        const { events, state } = runAccountCommands(commands)
        const kind = open.type === 'OpenAccount' ? open.kind : (kinds[0] ?? 'user')
        return { accountId, kind, commands, events, state }
      })
  })
