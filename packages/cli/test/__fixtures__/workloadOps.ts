// The operations of a generated workload and their fast-check arbitrary: many accounts, every
// asset, payments on every channel, manual captures, refunds, disputes, withdrawals, conversions,
// adjustments and a stolen account. `runWorkload` (generatedWorkload.ts) runs them on a ledger.
import fc from 'fast-check'
import type { Asset } from '@wallet-ledger/domain'
import { arbCanonicalAmount } from '@wallet-ledger/testing'

/** The users and merchants of every workload (merchants charge 0, 0.6, 1 and 2.5 % fees). */
export const USERS = ['u01', 'u02', 'u03', 'u04', 'u05', 'u06', 'u07', 'u08', 'u09', 'u10']
export const MERCHANTS = [
  ['m-cafe', '0'],
  ['m-grocer', '0.6'],
  ['m-mall', '1'],
  ['m-power', '2.5'],
] as const
export const PARTIES = [...USERS, ...MERCHANTS.map(([id]) => id)]
export const ASSETS: readonly Asset[] = [
  { code: 'CNY', scale: 2 },
  { code: 'USD', scale: 2 },
  { code: 'USDT', scale: 6 },
  { code: 'BTC', scale: 8 },
] as Asset[]
// Quotes between pairs of assets (units of `to` per unit of `from`).
export const QUOTES = [
  ['CNY', 'USD', '0.1405'],
  ['USD', 'USDT', '0.9995'],
  ['USDT', 'BTC', '0.00001043'],
  ['BTC', 'USDT', '95870.25'],
  ['USDT', 'CNY', '7.1234'],
] as const
export const CHANNELS = ['merchant_qr', 'online', 'p2p', 'bill'] as const

/** One operation; `pick` chooses among the workflows started so far (modulo their count). */
export type WorkloadOp =
  | { op: 'deposit'; to: number; asset: number; amount: string; source: number }
  | { op: 'pay'; payer: number; payee: number; asset: number; amount: string; channel: number }
  | { op: 'payWithPromotion' | 'payManual'; payer: number; payee: number; amount: string }
  | { op: 'capture' | 'cancel' | 'refundAll' | 'refundPart' | 'dispute'; pick: number }
  | { op: 'disputeStep'; pick: number; step: number }
  | { op: 'withdraw'; from: number; asset: number; amount: string; crypto: boolean }
  | { op: 'withdrawalStep'; pick: number; step: number }
  | { op: 'convert'; account: number; quote: number; amount: string }
  | { op: 'adjust'; account: number; asset: number; amount: string; credit: boolean }
  | { op: 'stolen'; account: number; pick: number }

// Amounts up to `maxUnits` whole units (a thousandth of that in BTC, so bitcoin moves too).
const amountOf = (asset: number, maxUnits: bigint): fc.Arbitrary<string> => {
  const chosen = ASSETS[asset % ASSETS.length]!
  const maxMinor = (maxUnits * 10n ** BigInt(chosen.scale)) / (chosen.code === 'BTC' ? 1000n : 1n)
  return arbCanonicalAmount(chosen, { minMinor: 1n, maxMinor })
}
const party = fc.nat({ max: PARTIES.length - 1 })
const user = fc.nat({ max: USERS.length - 1 })
const asset = fc.nat({ max: ASSETS.length - 1 })
// Mostly the latest workflows, so that they go far along their way.
const pick = fc.nat({ max: 5 })
const ASSET_CODES = ASSETS.map((entry) => entry.code)

const arbOp = (): fc.Arbitrary<WorkloadOp> => {
  const deposit = fc.tuple(party, asset, fc.nat({ max: 2 })).chain(([to, at, source]) =>
    amountOf(at, 5_000n).map((amount): WorkloadOp => ({
      op: 'deposit',
      to,
      asset: at,
      amount,
      source,
    })),
  )
  const pay = fc
    .tuple(party, party, asset, fc.nat({ max: CHANNELS.length - 1 }))
    .chain(([payer, payee, at, channel]) =>
      amountOf(at, 400n).map((amount): WorkloadOp => ({
        op: 'pay',
        payer,
        payee,
        asset: at,
        amount,
        channel,
      })),
    )
  const payCny = fc
    .tuple(
      fc.constantFrom('payWithPromotion' as const, 'payManual' as const),
      user,
      party,
      amountOf(0, 300n),
    )
    .map(([op, payer, payee, amount]): WorkloadOp => ({ op, payer, payee, amount }))
  const onPayment = fc
    .tuple(
      fc.constantFrom(
        'capture' as const,
        'cancel' as const,
        'refundAll' as const,
        'refundPart' as const,
      ),
      pick,
    )
    .map(([op, chosen]): WorkloadOp => ({ op, pick: chosen }))
  const dispute = pick.map((chosen): WorkloadOp => ({ op: 'dispute', pick: chosen }))
  const disputeStep = fc
    .tuple(pick, fc.nat({ max: 7 }))
    .map(([chosen, step]): WorkloadOp => ({ op: 'disputeStep', pick: chosen, step }))
  const withdraw = fc.tuple(party, asset, fc.boolean()).chain(([from, at, crypto]) =>
    amountOf(at, 800n).map((amount): WorkloadOp => ({
      op: 'withdraw',
      from,
      asset: at,
      amount,
      crypto,
    })),
  )
  const withdrawalStep = fc
    .tuple(pick, fc.nat({ max: 5 }))
    .map(([chosen, step]): WorkloadOp => ({ op: 'withdrawalStep', pick: chosen, step }))
  const convert = fc.tuple(party, fc.nat({ max: QUOTES.length - 1 })).chain(([account, quote]) =>
    amountOf(ASSET_CODES.indexOf(QUOTES[quote]![0]), 900n).map((amount): WorkloadOp => ({
      op: 'convert',
      account,
      quote,
      amount,
    })),
  )
  const adjust = fc.tuple(party, asset, fc.boolean()).chain(([account, at, credit]) =>
    amountOf(at, 50n).map((amount): WorkloadOp => ({
      op: 'adjust',
      account,
      asset: at,
      amount,
      credit,
    })),
  )
  const stolen = fc
    .tuple(user, pick)
    .map(([account, chosen]): WorkloadOp => ({ op: 'stolen', account, pick: chosen }))
  return fc.oneof(
    { weight: 4, arbitrary: deposit },
    { weight: 6, arbitrary: pay },
    { weight: 2, arbitrary: payCny },
    { weight: 4, arbitrary: onPayment },
    { weight: 2, arbitrary: dispute },
    { weight: 6, arbitrary: disputeStep },
    { weight: 3, arbitrary: withdraw },
    { weight: 7, arbitrary: withdrawalStep },
    { weight: 2, arbitrary: convert },
    { weight: 1, arbitrary: adjust },
    { weight: 1, arbitrary: stolen },
  )
}

/** A workload of `minLength` to `maxLength` operations after every account is funded. */
export const arbWorkload = (minLength: number, maxLength: number): fc.Arbitrary<WorkloadOp[]> =>
  fc.array(arbOp(), { minLength, maxLength })
