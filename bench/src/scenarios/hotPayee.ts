// Hot payee: merchant_qr payments, every one of which also credits `system:fees`. All to one
// merchant with 100 in flight, against the spread workload (payees drawn among many merchants)
// with 1 and 100 in flight, each on a fresh in-memory ledger with the same funded payers. The hot
// rows' baseline is the spread rate one at a time (goal: at least 0.5). Money must be conserved.
import { SYSTEM_ACCOUNTS, createLedger, createMemoryEventStore } from '@wallet-ledger/core'
import type { Ledger } from '@wallet-ledger/core'
import { benchAccountIds, openAndFund, totalOf } from '../benchLedger.js'
import { cpuMicrosecondsEach, ratePerSecond, runPool } from '../harness/pool.js'
import type { Scenario, ScenarioRow } from '../harness/scenario.js'
import {
  BENCH_ASSET,
  FUNDING_MINOR,
  benchAccountId,
  formatBenchAmount,
  transfersOf,
} from '../workload.js'
import type { WorkloadOptions } from '../workload.js'

const SPREAD_1 = 'spread 1 in flight'
const CONFIGURATIONS = [
  { system: SPREAD_1, isHot: false, inFlight: 1 },
  { system: 'spread 100 in flight', isHot: false, inFlight: 100 },
  { system: 'one merchant 100 in flight', isHot: true, inFlight: 100 },
] as const

/** The untimed warm-up's size. */
const WARM_UP = { accounts: 50, transfers: 1_000 }

/** A merchant's fee, in percent: every payment also credits system:fees. */
const MERCHANT_FEE_RATE = '0.6'

/** Scenario `hot-payee`. */
export const hotPayee: Scenario = {
  name: 'hot-payee',
  title: 'merchant_qr payments to one merchant (100 in flight) against the spread workload',
  isInSmoke: true,
  run: async (sizes, context) => {
    const workload = {
      accounts: sizes.pick(10_000, 50),
      transfers: sizes.pick(50_000, 100),
      seed: context.seed,
    }
    const merchants = sizes.pick(1_000, 10)
    context.log(
      `${workload.accounts} payers, ${merchants} merchants, ${workload.transfers} payments per configuration`,
    )
    // Untimed, so the first configuration does not pay the JIT's warm-up alone.
    if (!sizes.isSmoke) {
      for (const { isHot, inFlight } of CONFIGURATIONS) {
        await runMerchantPayments({ ...WARM_UP, seed: context.seed }, isHot ? 1 : 10, inFlight)
      }
    }
    const rows: ScenarioRow[] = []
    for (const { system, isHot, inFlight } of CONFIGURATIONS) {
      const result = await runMerchantPayments(workload, isHot ? 1 : merchants, inFlight)
      const baseline = system === SPREAD_1 ? {} : { baseline: SPREAD_1 }
      rows.push(
        { system, figure: result.perSecond, unit: 'payments/s', ...baseline },
        { system, figure: result.cpuMicroseconds, unit: 'µs CPU/payment', ...baseline },
      )
      if (result.refused > 0)
        rows.push({
          system: `${system} ${JSON.stringify(result.refusedByCode)}`,
          figure: result.refused,
          unit: 'refused',
        })
    }
    return rows
  },
}

/** One configuration on a fresh in-memory ledger: payers funded, merchants opened, payments sent. */
const runMerchantPayments = async (
  workload: WorkloadOptions,
  merchants: number,
  inFlight: number,
) => {
  const ledger = await createLedger({ store: createMemoryEventStore() })
  try {
    await openAndFund(ledger, workload.accounts)
    for (let index = 0; index < merchants; index += 1) {
      const opened = await ledger.openAccount({
        accountId: merchantId(index),
        kind: 'merchant',
        merchantFeeRate: MERCHANT_FEE_RATE,
      })
      if (opened._tag === 'Left')
        throw new Error(`open ${merchantId(index)}: ${opened.left.message}`)
    }
    const refusedByCode: Record<string, number> = {}
    // The payee is drawn from the seeded transfer's payee index, so both workloads send the same amounts.
    const result = await runPool(transfersOf(workload), inFlight, async (transfer, index) => {
      const paid = await ledger.pay({
        channel: 'merchant_qr',
        payer: benchAccountId(transfer.payer),
        payee: merchantId(transfer.payee % merchants),
        asset: BENCH_ASSET,
        amount: formatBenchAmount(transfer.amountMinor),
        idempotencyKey: `bench-merchant-${workload.seed}-${index}`,
      })
      if (paid._tag === 'Left')
        refusedByCode[paid.left.code] = (refusedByCode[paid.left.code] ?? 0) + 1
    })
    await expectMerchantConservation(ledger, workload.accounts, merchants)
    const refused = Object.values(refusedByCode).reduce((sum, count) => sum + count, 0)
    return {
      perSecond: ratePerSecond(result),
      cpuMicroseconds: cpuMicrosecondsEach(result),
      refused,
      refusedByCode,
    }
  } finally {
    await ledger.close()
  }
}

const merchantId = (index: number): string => `bench-merchant-${index}`

/** Payers' + merchants' + fees' totals must be what was deposited. */
const expectMerchantConservation = async (
  ledger: Ledger,
  payers: number,
  merchants: number,
): Promise<void> => {
  const merchantIds = Array.from({ length: merchants }, (_, index) => merchantId(index))
  const totalMinor = await totalOf(ledger, [
    ...benchAccountIds(payers),
    ...merchantIds,
    SYSTEM_ACCOUNTS.fees,
  ])
  if (totalMinor !== FUNDING_MINOR * BigInt(payers))
    throw new Error(`hot-payee: balances sum to ${totalMinor}, not what was deposited`)
}
