// The generated steps of the read-side properties, as data: what each step does and with which
// accounts, assets, amounts and picks of earlier workflows (an index taken modulo what exists when
// the step runs, so any sequence is valid input). generatedLedger.ts runs them on a ledger.
import fc from 'fast-check'

// ---------------------------------------------------------------- types

/** One generated step, as data (shown by fast-check when a property fails). */
export type Step =
  | { readonly kind: 'deposit'; readonly account: number; readonly asset: Asset; readonly minor: number }
  | { readonly kind: 'adjust'; readonly account: number; readonly minor: number; readonly isCredit: boolean }
  | {
      readonly kind: 'pay'
      readonly payer: number
      readonly payee: number
      readonly asset: Asset
      readonly minor: number
      readonly channel: Channel
      readonly isManual: boolean
      readonly hasPromotion: boolean
    }
  | { readonly kind: 'payment'; readonly pick: number; readonly action: PaymentAction }
  | { readonly kind: 'convert'; readonly account: number; readonly minor: number }
  | { readonly kind: 'withdraw'; readonly account: number; readonly minor: number; readonly feeMinor: number }
  | { readonly kind: 'withdrawal'; readonly pick: number; readonly action: WithdrawalAction }
  | { readonly kind: 'dispute'; readonly pick: number; readonly action: DisputeAction }
  | { readonly kind: 'freeze'; readonly account: number; readonly isFrozen: boolean }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'runDue' }

export type Asset = 'USD' | 'BTC'
export type Channel = 'merchant_qr' | 'online' | 'p2p' | 'bill'
export type PaymentAction = 'capture' | 'capturePart' | 'cancel' | 'refund' | 'refundPart'
// `forward` takes the next step of the happy path for the status the workflow is in.
export type WithdrawalAction = 'forward' | 'reject' | 'fail' | 'return'
export type DisputeAction = 'open' | 'forward' | 'accept' | 'payer' | 'payee' | 'legal'


/** Users, then merchants (`shop` charges a 2.5 % fee). */
export const CAST = ['alice', 'bob', 'carol', 'shop', 'cafe'] as const

// ---------------------------------------------------------------- arbitraries

const account = fc.nat({ max: CAST.length - 1 })
const minor = fc.integer({ min: 1, max: 9_000 })
const asset = fc.constantFrom<Asset>('USD', 'BTC')

/** Any step, the common ones more often. */
export const arbStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deposit' as const), account, asset, minor }) },
  fc.record({ kind: fc.constant('adjust' as const), account, minor, isCredit: fc.boolean() }),
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      payer: account,
      payee: account,
      asset,
      minor,
      channel: fc.constantFrom<Channel>('merchant_qr', 'online', 'p2p', 'bill'),
      isManual: fc.boolean(),
      hasPromotion: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('payment' as const),
      pick: fc.nat(),
      action: fc.constantFrom<PaymentAction>('capture', 'capturePart', 'cancel', 'refund', 'refundPart'),
    }),
  },
  fc.record({ kind: fc.constant('convert' as const), account, minor }),
  fc.record({ kind: fc.constant('withdraw' as const), account, minor, feeMinor: fc.nat({ max: 300 }) }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('withdrawal' as const),
      pick: fc.nat(),
      action: fc.oneof(
        { weight: 6, arbitrary: fc.constant<WithdrawalAction>('forward') },
        fc.constantFrom<WithdrawalAction>('reject', 'fail', 'return'),
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('dispute' as const),
      pick: fc.nat(),
      action: fc.oneof(
        { weight: 3, arbitrary: fc.constant<DisputeAction>('open') },
        { weight: 4, arbitrary: fc.constant<DisputeAction>('forward') },
        fc.constantFrom<DisputeAction>('accept', 'payer', 'payee', 'legal'),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('freeze' as const), account, isFrozen: fc.boolean() }),
  },
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 3 * 24 * 3_600_000 }) }),
  fc.constant({ kind: 'runDue' as const }),
)
