// Generated inputs of the model-based property: amounts (valid in several spellings, and every kind
// of bad one), assets (one unknown), accounts (one unknown, one platform id), authorizations,
// idempotency keys from a small pool (so keys get reused), and picks of earlier workflows.
import fc from 'fast-check'
import type { LedgerModel, ModelPayment, ModelWithdrawal } from '@wallet-ledger/testing'

// ---------------------------------------------------------------- amounts

/** A caller's amount before it is spelled for an asset: a share of a typical balance, or bad. */
export type AmountSpec =
  | { readonly kind: 'valid'; readonly permille: number; readonly trim: boolean }
  | {
      readonly kind: 'precision' | 'negative' | 'exponent' | 'zero' | 'huge' | 'garbage' | 'padded'
    }

const BAD_AMOUNT_KINDS = [
  'precision',
  'negative',
  'exponent',
  'zero',
  'huge',
  'garbage',
  'padded',
] as const

/** Mostly valid amounts from 0.1 % to 120 % of a funded balance; one in ten is bad input. */
export const arbAmountSpec: fc.Arbitrary<AmountSpec> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record({
      kind: fc.constant('valid' as const),
      permille: fc.integer({ min: 1, max: 1200 }),
      trim: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_AMOUNT_KINDS).map((kind) => ({ kind })) },
)

// What a typical funded balance holds, in minor units, per scale (USD 500.00, BTC 0.25, PTS 300).
const REFERENCE_MINOR: Record<number, bigint> = { 0: 300n, 2: 50_000n, 8: 25_000_000n }

const spell = (minor: bigint, scale: number): string => {
  if (scale === 0) return minor.toString()
  const digits = minor.toString().padStart(scale + 1, '0')
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
}

/** Spells an amount for an asset's scale (unknown assets are spelled at scale 2). */
export const renderAmount = (spec: AmountSpec, scale: number | undefined): string => {
  const digits = scale ?? 2
  const reference = REFERENCE_MINOR[digits] ?? 1_000n
  switch (spec.kind) {
    case 'valid': {
      const minor = (reference * BigInt(spec.permille)) / 1000n
      const text = spell(minor > 0n ? minor : 1n, digits)
      // '12.30' and '12.3' (and '12.00' and '12') are the same amount: both must be accepted.
      return spec.trim && text.includes('.') ? text.replace(/\.?0+$/, '') : text
    }
    case 'precision':
      return `${spell(reference, digits)}${digits === 0 ? '.5' : '1'}`
    case 'negative':
      return `-${spell(reference, digits)}`
    case 'exponent':
      return '1e3'
    case 'zero':
      return spell(0n, digits)
    case 'huge':
      return `1${'0'.repeat(21)}`
    case 'garbage':
      return 'twelve'
    case 'padded':
      return `0${spell(reference, digits)}`
  }
}

// ---------------------------------------------------------------- picks

/** Assets: mostly USD, sometimes BTC or the scale-0 PTS, rarely an unregistered one. */
export const arbAsset = fc.oneof(
  { weight: 6, arbitrary: fc.constant('USD') },
  { weight: 2, arbitrary: fc.constantFrom('BTC', 'PTS') },
  { weight: 1, arbitrary: fc.constant('XYZ') },
)

/** Accounts: the opened users and merchants, rarely one that does not exist. */
export const arbAccount = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('alice', 'bob', 'carol', 'shop', 'cafe') },
  { weight: 1, arbitrary: fc.constant('ghost') },
)

/** Payers and payees: like `arbAccount`, and rarely the platform's fee account. */
export const arbParty = fc.oneof(
  { weight: 40, arbitrary: arbAccount },
  { weight: 1, arbitrary: fc.constant('system:fees') },
)

/** What the caller's app verified, often nothing. */
export const arbAuthorization = fc.option(
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        { method: 'payment_password' as const, verified: true },
        { method: 'two_factor' as const, verified: true },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { method: 'two_factor' as const, verified: false },
        { method: 'payment_password' as const, verified: false },
      ),
    },
  ),
  { nil: undefined, freq: 2 },
)

/** Idempotency keys from a pool of eight, so some are reused (with the same fields or others). */
export const arbKey = fc.integer({ min: 0, max: 7 }).map((n) => `k${n}`)

/** Which earlier workflow a command concerns: an index, or (rarely) one that does not exist. */
export type WorkflowPick = { readonly index: number; readonly isMissing: boolean }

export const arbPick: fc.Arbitrary<WorkflowPick> = fc.record({
  index: fc.nat(),
  isMissing: fc.integer({ min: 0, max: 11 }).map((n) => n === 0),
})

const pickFrom = <T>(items: readonly T[], pick: WorkflowPick): T | undefined =>
  items.length === 0 || pick.isMissing ? undefined : items[pick.index % items.length]

/** A payment the ledger knows, preferring those in `statuses`; undefined when there is none. */
export const pickPayment = (
  model: LedgerModel,
  pick: WorkflowPick,
  statuses: readonly string[],
): ModelPayment | undefined => {
  const known = [...model.payments.values()].filter((p) => p.paymentId !== undefined)
  const preferred = known.filter((p) => statuses.includes(p.status))
  return pickFrom(pick.index % 5 === 0 || preferred.length === 0 ? known : preferred, pick)
}

/** A withdrawal the ledger knows, preferring those in `statuses`. */
export const pickWithdrawal = (
  model: LedgerModel,
  pick: WorkflowPick,
  statuses: readonly string[],
): ModelWithdrawal | undefined => {
  const known = [...model.withdrawals.values()].filter((w) => w.withdrawalId !== undefined)
  const preferred = known.filter((w) => statuses.includes(w.status))
  return pickFrom(pick.index % 5 === 0 || preferred.length === 0 ? known : preferred, pick)
}

/** A text for counterexamples: JSON with bigints spelled as strings. */
export const show = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? `${item.toString()}n` : item,
  )
