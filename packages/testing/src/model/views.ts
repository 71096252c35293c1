// What the ledger's queries must show for the model's state: balances per asset, and the parts of
// payment and withdrawal views the model tracks, as canonical decimal strings.
import { canonical } from './arithmetic.js'
import type { LedgerModel, ModelConversion, ModelPayment, ModelWithdrawal } from './types.js'

/** One asset's balance as `ledger.balances` shows it. */
export type ModelBalanceView = { available: string; held: string; total: string }

const scaleOf = (model: LedgerModel, asset: string): number => {
  const scale = model.assets.get(asset)
  if (scale === undefined) throw new Error(`model: unknown asset ${asset} in a balance`)
  return scale
}

/**
 * The balances an account must show, for every asset the model has seen on it. Zero balances are
 * included: compare them against the ledger with absent assets read as zero.
 */
export const expectedBalances = (
  model: LedgerModel,
  accountId: string,
): Record<string, ModelBalanceView> => {
  const account = model.accounts.get(accountId)
  const views: Record<string, ModelBalanceView> = {}
  for (const [asset, balance] of account?.balances ?? []) {
    const scale = scaleOf(model, asset)
    views[asset] = {
      available: canonical(balance.available, scale),
      held: canonical(balance.held, scale),
      total: canonical(balance.available + balance.held, scale),
    }
  }
  return views
}

/** The zero balance of an asset, as the ledger shows it. */
export const zeroBalanceView = (model: LedgerModel, asset: string): ModelBalanceView => {
  const zero = canonical(0n, scaleOf(model, asset))
  return { available: zero, held: zero, total: zero }
}

/** The fields of a PaymentView the model knows. */
export const expectedPaymentView = (model: LedgerModel, payment: ModelPayment) => {
  const scale = scaleOf(model, payment.asset)
  return {
    status: payment.status,
    payer: payment.payer,
    payee: payment.payee,
    asset: payment.asset,
    amount: canonical(payment.amount, scale),
    // What the payer paid: nothing until captured (a discount quoted for a refused payment
    // was never given).
    charged: canonical(payment.captured === 0n ? 0n : payment.captured - payment.discount, scale),
    refunded: canonical(payment.refunded, scale),
  }
}

/** The fields of a WithdrawalView the model knows. */
export const expectedWithdrawalView = (model: LedgerModel, withdrawal: ModelWithdrawal) => {
  const scale = scaleOf(model, withdrawal.asset)
  return {
    status: withdrawal.status,
    asset: withdrawal.asset,
    amount: canonical(withdrawal.amount, scale),
    fee: canonical(withdrawal.fee, scale),
  }
}

/** The fields of a ConversionView the model knows. */
export const expectedConversionView = (model: LedgerModel, conversion: ModelConversion) => ({
  status: conversion.status,
  credited: {
    asset: conversion.credited.asset,
    amount: canonical(conversion.credited.minor, scaleOf(model, conversion.credited.asset)),
  },
  ...(conversion.status === 'executed'
    ? {
        debited: {
          asset: conversion.from.asset,
          amount: canonical(conversion.from.minor, scaleOf(model, conversion.from.asset)),
        },
      }
    : {}),
})

/** Per asset, the sum of every account's balance the model knows: zero when nothing is lost. */
export const modelTotals = (model: LedgerModel): Map<string, bigint> => {
  const totals = new Map<string, bigint>()
  for (const account of model.accounts.values())
    for (const [asset, balance] of account.balances)
      totals.set(asset, (totals.get(asset) ?? 0n) + balance.available + balance.held)
  return totals
}
