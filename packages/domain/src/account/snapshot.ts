// Snapshots of an account's state, so a long stream (a busy merchant) is not replayed from its
// first event. JSON-safe: minor units as integer strings, maps as arrays. Versioned by
// `schemaVersion`; a snapshot of an unknown version is simply not used (the engine replays).
import * as t from 'io-ts'
import { assert } from '../assert.js'
import { AccountId, AssetCode, IsoInstant, LocalDate, Metadata, Percent } from '../codecs/common.js'
import { AMOUNT_CHARS_MAX, ASSET_SCALE_MAX, HOLDS_OPEN_PER_ACCOUNT_MAX } from '../limits.js'
import { balanceRuleOf } from '../journal/systemAccounts.js'
import { appliedChunksOf, appliedFromChunks } from './appliedOperations.js'
import { AccountKind, ContactReference, EngineId, Reason, withOptional } from './codecs.js'
import type { AssetLimits, OpenedAccountFields, AccountState, OpenHold } from './state.js'

// ---------------------------------------------------------------- codecs

const SIGNED_INTEGER = /^-?(0|[1-9][0-9]*)$/
/** Minor units as a signed integer string ("-350"; never "-0"). */
const MinorUnits = new t.Type<string, string, unknown>(
  'MinorUnits',
  (u): u is string => isMinorUnits(u),
  (u, c) => (isMinorUnits(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
)
const isMinorUnits = (u: unknown): u is string =>
  typeof u === 'string' && u.length <= AMOUNT_CHARS_MAX + 1 && SIGNED_INTEGER.test(u) && u !== '-0'

const boundedInteger = (name: string, min: number, max: number) =>
  new t.Type<number, number, unknown>(
    name,
    (u): u is number => Number.isSafeInteger(u) && (u as number) >= min && (u as number) <= max,
    (u, c) =>
      Number.isSafeInteger(u) && (u as number) >= min && (u as number) <= max
        ? t.success(u as number)
        : t.failure(u, c),
    t.identity,
  )
const Scale = boundedInteger('Scale', 0, ASSET_SCALE_MAX)

const BalanceSnapshot = t.type({
  asset: AssetCode,
  scale: Scale,
  available: MinorUnits,
  held: MinorUnits,
})
const LimitsSnapshot = withOptional(
  { asset: AssetCode, scale: Scale },
  { perPaymentMax: MinorUnits, perDayMax: MinorUnits, stepUpAbove: MinorUnits },
  'LimitsSnapshot',
)
const HoldSnapshot = withOptional(
  { holdId: EngineId, asset: AssetCode, scale: Scale, minor: MinorUnits },
  { expiresAt: IsoInstant, limitDate: LocalDate },
  'HoldSnapshot',
)
const SpentSnapshot = t.type({ asset: AssetCode, localDate: LocalDate, minor: MinorUnits })

const OpenedSnapshot = withOptional(
  {
    schemaVersion: t.literal(1),
    accountId: AccountId,
    kind: AccountKind,
    openedAt: IsoInstant,
    security: t.type({
      hasTwoFactor: t.boolean,
      paymentPasswordVersion: boundedInteger('PasswordVersion', 0, Number.MAX_SAFE_INTEGER),
    }),
    balances: t.array(BalanceSnapshot),
    limits: t.array(LimitsSnapshot),
    holds: t.array(HoldSnapshot),
    spentToday: t.array(SpentSnapshot),
    /** The replay window's chunks, oldest first, each a list of [key, marker]. */
    applied: t.array(t.array(t.tuple([t.string, t.string]))),
  },
  { contact: ContactReference, merchantFeeRate: Percent, metadata: Metadata },
  'OpenedAccountSnapshot',
)

/** A JSON-safe snapshot of an account's state, schema version 1. */
export const AccountSnapshot = t.union(
  [
    t.type({ schemaVersion: t.literal(1), status: t.literal('not_opened') }),
    t.intersection([OpenedSnapshot, t.type({ status: t.literal('active') })]),
    t.intersection([
      OpenedSnapshot,
      t.type({ status: t.literal('frozen'), frozenAt: IsoInstant, frozenReason: Reason }),
    ]),
    t.intersection([OpenedSnapshot, t.type({ status: t.literal('closed'), closedAt: IsoInstant })]),
  ],
  'AccountSnapshot',
)
export type AccountSnapshot = t.TypeOf<typeof AccountSnapshot>
type OpenedSnapshot = t.TypeOf<typeof OpenedSnapshot>

// ---------------------------------------------------------------- operations

/** The snapshot of a state; `accountStateFromSnapshot` gives the same state back. */
export const accountSnapshot = (state: AccountState): AccountSnapshot => {
  switch (state.status) {
    case 'not_opened':
      return { schemaVersion: 1, status: 'not_opened' }
    case 'active':
      return { ...openedSnapshot(state), status: 'active' }
    case 'frozen':
      return {
        ...openedSnapshot(state),
        status: 'frozen',
        frozenAt: state.frozenAt,
        frozenReason: state.frozenReason,
      }
    case 'closed':
      return { ...openedSnapshot(state), status: 'closed', closedAt: state.closedAt }
  }
}

/**
 * The state a (decoded) snapshot stands for. Asserts the balance invariants again, as `evolve`
 * did when the state was built: a snapshot that breaks them is corrupt.
 */
export const accountStateFromSnapshot = (snapshot: AccountSnapshot): AccountState => {
  switch (snapshot.status) {
    case 'not_opened':
      return { status: 'not_opened' }
    case 'active':
      return { ...openedFields(snapshot), status: 'active' }
    case 'frozen':
      return {
        ...openedFields(snapshot),
        status: 'frozen',
        frozenAt: snapshot.frozenAt,
        frozenReason: snapshot.frozenReason,
      }
    case 'closed':
      return { ...openedFields(snapshot), status: 'closed', closedAt: snapshot.closedAt }
  }
}

// ---------------------------------------------------------------- helpers

const openedSnapshot = (state: OpenedAccountFields): OpenedSnapshot => ({
  schemaVersion: 1,
  accountId: state.accountId,
  kind: state.kind,
  openedAt: state.openedAt,
  ...(state.contact === undefined ? {} : { contact: state.contact }),
  security: { ...state.security },
  ...(state.merchantFeeRate === undefined ? {} : { merchantFeeRate: state.merchantFeeRate }),
  ...(state.metadata === undefined ? {} : { metadata: state.metadata }),
  balances: Object.entries(state.balances).map(([asset, balance]) => ({
    asset: asset as AssetCode,
    scale: balance.scale,
    available: balance.available.toString(),
    held: balance.held.toString(),
  })),
  limits: Object.entries(state.limits).map(([asset, limits]) => ({
    asset: asset as AssetCode,
    scale: limits.scale,
    ...optionalMinor('perPaymentMax', limits.perPaymentMax),
    ...optionalMinor('perDayMax', limits.perDayMax),
    ...optionalMinor('stepUpAbove', limits.stepUpAbove),
  })),
  holds: [...state.holds].map(([holdId, hold]) => ({
    holdId,
    asset: hold.asset as AssetCode,
    scale: hold.scale,
    minor: hold.minor.toString(),
    ...(hold.expiresAt === undefined ? {} : { expiresAt: hold.expiresAt }),
    ...(hold.limitDate === undefined ? {} : { limitDate: hold.limitDate }),
  })),
  spentToday: Object.entries(state.spentToday).map(([asset, spent]) => ({
    asset: asset as AssetCode,
    localDate: spent.localDate,
    minor: spent.minor.toString(),
  })),
  applied: appliedChunksOf(state.applied),
})

const optionalMinor = <Name extends string>(name: Name, minor: bigint | undefined) =>
  (minor === undefined ? {} : { [name]: minor.toString() }) as Partial<Record<Name, string>>

const openedFields = (snapshot: OpenedSnapshot): OpenedAccountFields => {
  assert(snapshot.holds.length <= HOLDS_OPEN_PER_ACCOUNT_MAX, 'snapshot: too many holds')
  const holds = new Map<string, OpenHold>(snapshot.holds.map((hold) => [hold.holdId, holdOf(hold)]))
  assert(holds.size === snapshot.holds.length, 'snapshot: a hold id appears twice')
  const fields: OpenedAccountFields = {
    accountId: snapshot.accountId,
    kind: snapshot.kind,
    balanceRule: balanceRuleOf(snapshot.accountId),
    openedAt: snapshot.openedAt,
    ...(snapshot.contact === undefined ? {} : { contact: snapshot.contact }),
    security: { ...snapshot.security },
    limits: Object.fromEntries(snapshot.limits.map((limits) => [limits.asset, limitsOf(limits)])),
    ...(snapshot.merchantFeeRate === undefined
      ? {}
      : { merchantFeeRate: snapshot.merchantFeeRate }),
    ...(snapshot.metadata === undefined ? {} : { metadata: snapshot.metadata }),
    balances: Object.fromEntries(
      snapshot.balances.map((b) => [
        b.asset,
        { scale: b.scale, available: BigInt(b.available), held: BigInt(b.held) },
      ]),
    ),
    holds,
    spentToday: Object.fromEntries(
      snapshot.spentToday.map((spent) => [
        spent.asset,
        { localDate: spent.localDate, minor: BigInt(spent.minor) },
      ]),
    ),
    applied: appliedFromChunks(snapshot.applied),
  }
  assertRestored(fields)
  return fields
}

const holdOf = (hold: t.TypeOf<typeof HoldSnapshot>): OpenHold => ({
  asset: hold.asset,
  scale: hold.scale,
  minor: BigInt(hold.minor),
  ...(hold.expiresAt === undefined ? {} : { expiresAt: hold.expiresAt }),
  ...(hold.limitDate === undefined ? {} : { limitDate: hold.limitDate }),
})

const limitsOf = (limits: t.TypeOf<typeof LimitsSnapshot>): AssetLimits => ({
  scale: limits.scale,
  ...(limits.perPaymentMax === undefined ? {} : { perPaymentMax: BigInt(limits.perPaymentMax) }),
  ...(limits.perDayMax === undefined ? {} : { perDayMax: BigInt(limits.perDayMax) }),
  ...(limits.stepUpAbove === undefined ? {} : { stepUpAbove: BigInt(limits.stepUpAbove) }),
})

const assertRestored = (fields: OpenedAccountFields): void => {
  for (const [asset, balance] of Object.entries(fields.balances)) {
    assert(balance.held >= 0n, `snapshot: held ${asset} is negative`)
    if (fields.balanceRule === 'non_negative')
      assert(balance.available >= 0n, `snapshot: available ${asset} is negative`)
    let sum = 0n
    for (const hold of fields.holds.values()) if (hold.asset === asset) sum += hold.minor
    assert(sum === balance.held, `snapshot: held ${asset} differs from its holds`)
  }
  for (const hold of fields.holds.values()) {
    assert(hold.minor > 0n, 'snapshot: an empty hold')
    assert(
      fields.balances[hold.asset] !== undefined,
      `snapshot: hold of ${hold.asset} without a balance`,
    )
  }
}
