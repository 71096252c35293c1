// The account's state (a union on `status`), its initial value, and `evolve`: lifecycle and
// settings events here, money events in evolveFunds.ts.
import { absurd, assert } from '../assert.js'
import type { AccountId, IsoInstant, LocalDate, Percent } from '../codecs/common.js'
import { balanceRuleOf, isPlatformAccount } from '../journal/systemAccounts.js'
import type { BalanceRule } from '../journal/systemAccounts.js'
import { moneyFromCanonical } from '../money/money.js'
import type { LimitFacts } from '../security/authorization.js'
import { noAppliedOperations } from './appliedOperations.js'
import type { AppliedOperations } from './appliedOperations.js'
import type { AccountEvent, AccountKind, AccountOpened, LimitsSet } from './events.js'
import {
  fundsCredited,
  fundsDebited,
  fundsHeld,
  holdCaptured,
  holdReleased,
} from './evolveFunds.js'

// ---------------------------------------------------------------- types

/** One asset's balance in minor units; `available` is negative only on unrestricted accounts. */
export type AssetBalance = {
  readonly scale: number
  readonly available: bigint
  readonly held: bigint
}

/** An open hold: its asset, amount in minor units and the facts its closing needs. */
export type OpenHold = {
  readonly asset: string
  readonly scale: number
  readonly minor: bigint
  readonly expiresAt?: IsoInstant
  /** The local date whose daily limit the hold counted toward, if it did. */
  readonly limitDate?: LocalDate
}

/** One asset's limits in minor units (absent: no limit), with the asset's scale. */
export type AssetLimits = LimitFacts & { readonly scale: number }

/** Captured and held amounts of the latest local date seen, for the daily limit. */
export type DailySpending = { readonly localDate: LocalDate; readonly minor: bigint }

/** Two-factor on or off, and the payment password's version (0: none set). */
export type AccountSecurity = {
  readonly hasTwoFactor: boolean
  readonly paymentPasswordVersion: number
}

/** The fields every opened account has, whatever its status. */
export type OpenedAccountFields = {
  readonly accountId: AccountId
  readonly kind: AccountKind
  /** Derived from the id (`balanceRuleOf`), so replay needs no other state. */
  readonly balanceRule: BalanceRule
  readonly openedAt: IsoInstant
  /** The engine's opaque, erasable contact reference; absent once erased. */
  readonly contact?: string
  readonly security: AccountSecurity
  readonly limits: Readonly<Record<string, AssetLimits>>
  /** Merchants only ("0" unless set). */
  readonly merchantFeeRate?: Percent
  readonly metadata?: Readonly<Record<string, string>>
  readonly balances: Readonly<Record<string, AssetBalance>>
  /** Open holds by hold id (a Map: hold ids are engine strings, never object keys). */
  readonly holds: ReadonlyMap<string, OpenHold>
  readonly spentToday: Readonly<Record<string, DailySpending>>
  readonly applied: AppliedOperations
}

/** An account that sends and receives. */
export type ActiveAccount = { readonly status: 'active' } & OpenedAccountFields
/** An account that receives but cannot send. */
export type FrozenAccount = {
  readonly status: 'frozen'
  readonly frozenAt: IsoInstant
  readonly frozenReason: string
} & OpenedAccountFields
/** A closed account: read only. */
export type ClosedAccount = {
  readonly status: 'closed'
  readonly closedAt: IsoInstant
} & OpenedAccountFields

/** Any account that exists. */
export type OpenedAccountState = ActiveAccount | FrozenAccount | ClosedAccount

/** The account aggregate's state. */
export type AccountState = { readonly status: 'not_opened' } | OpenedAccountState

// ---------------------------------------------------------------- constructors

/** Before `AccountOpened`. */
export const initialAccountState: AccountState = { status: 'not_opened' }

// ---------------------------------------------------------------- evolve

/**
 * Applies one recorded event. Asserts (never rejects) when the event cannot follow the state:
 * that is a corrupt stream or a bug, never a business outcome.
 */
export const evolveAccount = (state: AccountState, event: AccountEvent): AccountState => {
  if (event.type === 'AccountOpened') return accountOpened(state, event)
  assert(state.status !== 'not_opened', `${event.type} before AccountOpened`)
  assert(event.data.accountId === state.accountId, `${event.type} of another account`)
  if (event.type === 'ContactErased') return withoutContact(state)
  assert(state.status !== 'closed', `${event.type} on closed account ${state.accountId}`)
  switch (event.type) {
    case 'AccountFrozen':
      assert(state.status === 'active', `AccountFrozen on a ${state.status} account`)
      return {
        ...state,
        status: 'frozen',
        frozenAt: event.data.at,
        frozenReason: event.data.reason,
      }
    case 'AccountUnfrozen':
      assert(state.status === 'frozen', `AccountUnfrozen on a ${state.status} account`)
      return { ...withoutFreeze(state), status: 'active' }
    case 'AccountClosed':
      return { ...withoutFreeze(state), status: 'closed', closedAt: event.data.at }
    case 'TwoFactorEnabled':
      assert(!state.security.hasTwoFactor, 'TwoFactorEnabled while on')
      return { ...state, security: { ...state.security, hasTwoFactor: true } }
    case 'TwoFactorDisabled':
      assert(state.security.hasTwoFactor, 'TwoFactorDisabled while off')
      return { ...state, security: { ...state.security, hasTwoFactor: false } }
    case 'PaymentPasswordSet':
      assert(
        event.data.version === state.security.paymentPasswordVersion + 1,
        'password version gap',
      )
      return {
        ...state,
        security: { ...state.security, paymentPasswordVersion: event.data.version },
      }
    case 'LimitsSet':
      return { ...state, limits: limitsAfter(state.limits, event) }
    case 'MerchantFeeRateSet':
      assert(state.kind === 'merchant', 'MerchantFeeRateSet on a non-merchant account')
      return { ...state, merchantFeeRate: event.data.merchantFeeRate }
    case 'FundsDebited':
      return fundsDebited(state, event)
    case 'FundsCredited':
      return fundsCredited(state, event)
    case 'FundsHeld':
      return fundsHeld(state, event)
    case 'HoldCaptured':
      return holdCaptured(state, event)
    case 'HoldReleased':
      return holdReleased(state, event)
    default:
      return absurd(event)
  }
}

// ---------------------------------------------------------------- helpers

const accountOpened = (state: AccountState, event: AccountOpened): ActiveAccount => {
  assert(state.status === 'not_opened', `AccountOpened on an existing account`)
  const { accountId, kind, at, contact, merchantFeeRate, metadata } = event.data
  assert(isPlatformAccount(accountId) === (kind === 'system'), `kind ${kind} for id ${accountId}`)
  assert(merchantFeeRate === undefined || kind === 'merchant', 'fee rate on a non-merchant')
  return {
    status: 'active',
    accountId,
    kind,
    balanceRule: balanceRuleOf(accountId),
    openedAt: at,
    ...(contact === undefined ? {} : { contact }),
    security: { hasTwoFactor: false, paymentPasswordVersion: 0 },
    limits: {},
    ...(kind === 'merchant' ? { merchantFeeRate: merchantFeeRate ?? ('0' as Percent) } : {}),
    ...(metadata === undefined ? {} : { metadata }),
    balances: {},
    holds: new Map(),
    spentToday: {},
    applied: noAppliedOperations,
  }
}

// A forgetting may come with no contact left (it also shreds destinations and free text).
const withoutContact = (state: OpenedAccountState): OpenedAccountState => {
  if (state.contact === undefined) return state
  const { contact: _erased, ...rest } = state
  return rest
}

const withoutFreeze = (state: ActiveAccount | FrozenAccount): OpenedAccountFields => {
  if (state.status === 'active') {
    const { status: _status, ...fields } = state
    return fields
  }
  const { status: _status, frozenAt: _at, frozenReason: _reason, ...fields } = state
  return fields
}

const limitsAfter = (
  limits: Readonly<Record<string, AssetLimits>>,
  event: LimitsSet,
): Readonly<Record<string, AssetLimits>> => {
  const { asset, perPaymentMax, perDayMax, stepUpAbove } = event.data
  const given = { perPaymentMax, perDayMax, stepUpAbove }
  const { [asset]: _previous, ...others } = limits
  let scale: number | undefined
  const minors: Record<string, bigint> = {}
  for (const [name, amount] of Object.entries(given)) {
    if (amount === undefined) continue
    const parsed = moneyFromCanonical(asset, amount)
    assert(scale === undefined || scale === parsed.scale, `LimitsSet: mixed scales for ${asset}`)
    scale = parsed.scale
    minors[name] = parsed.minor
  }
  // No amount at all means no limit of any kind: the asset's entry goes away.
  return scale === undefined ? others : { ...others, [asset]: { scale, ...minors } }
}
