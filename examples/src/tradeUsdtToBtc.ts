// Scenario 6: a trade of USDT for BTC at a quoted rate. The credit is rounded down once to BTC's
// 8 decimals; what rounding dropped, priced back in USDT and rounded down, goes to the desk's
// spread account; the market (the liquidity provider) takes the rest. A quote that has expired is
// refused (quote_expired) and recorded, and nothing moves.
import { SYSTEM_ACCOUNTS, cryptoNetworkAccount, orThrow } from '@wallet-ledger/core'
import { reasonOf } from './kit/balances.js'
import { refused } from './kit/outcomes.js'
import { MINUTE_MS, runScenario } from './kit/scenario.js'
import type { Scenario, ScenarioReport } from './kit/scenario.js'
import { runAsScript } from './kit/script.js'

/** The world account of the tron network, which USDT deposits on tron come from. */
export const TRON_NETWORK_ACCOUNT = cryptoNetworkAccount('tron')
/** BTC per USDT: about 95,858 USDT for one BTC. */
const RATE = '0.0000104321'

/** The scenario: Erin converts 1234.567891 USDT to BTC. */
export const tradeUsdtToBtc: Scenario = {
  title: '6. Trade USDT -> BTC at a rate, with the desk spread',
  start: '2026-03-20T14:00:00.000Z',
  accounts: ['erin', SYSTEM_ACCOUNTS.deskSpread, SYSTEM_ACCOUNTS.market, TRON_NETWORK_ACCOUNT],
  play: async ({ ledger, say, advance, now }) => {
    orThrow(await ledger.openAccount({ accountId: 'erin', kind: 'user' }))
    const chain = { type: 'crypto', reference: 'tron-tx-9f2c41d7', network: 'tron' } as const
    const topUp = { accountId: 'erin', asset: 'USDT', amount: '2000', source: chain }
    orThrow(await ledger.deposit({ ...topUp, idempotencyKey: 'erin-top-up-1' }))
    say('erin deposits 2000 USDT over tron (read as 2000.000000)')

    advance(MINUTE_MS)
    const quoteExpiresAt = new Date(now().getTime() + 30 * 1000)
    const trade = {
      accountId: 'erin',
      from: { asset: 'USDT', amount: '1234.567891' },
      to: { asset: 'BTC' },
      rate: RATE,
      quoteExpiresAt,
      minReceived: '0.0128',
    }
    const done = orThrow(await ledger.convert({ ...trade, idempotencyKey: 'erin-trade-1' }))
    say(`quote: ${RATE} BTC per USDT, valid 30 seconds, at least 0.0128 BTC`)
    say(`erin converts ${done.debited.amount} ${done.debited.asset}: ${done.status}`)
    say(`  credited ${done.credited.amount} ${done.credited.asset}`)
    say('  exact: 1234.567891 x 0.0000104321 = 0.0128791356957011 BTC; rounded down to 0.01287913')
    say('  dropped 0.56957011 satoshi, priced back at the rate: 0.000545 USDT to the desk spread')
    const spread = orThrow(await ledger.balances(SYSTEM_ACCOUNTS.deskSpread))
    say(`  ${SYSTEM_ACCOUNTS.deskSpread}: ${spread['USDT']?.total ?? '0'} USDT`)

    const staleAt = new Date(now().getTime() + 30 * 1000)
    advance(MINUTE_MS)
    const stale = refused(
      await ledger.convert({ ...trade, quoteExpiresAt: staleAt, idempotencyKey: 'erin-trade-2' }),
      'trade on an expired quote',
    )
    say(`a second quote expires before erin confirms it: ${reasonOf(stale)}`)
    const conversionId = String(stale.details?.['conversionId'])
    const recorded = orThrow(await ledger.conversion(conversionId))
    say(
      `  recorded as ${recorded.status}; moved ${recorded.debited.amount} ${recorded.debited.asset}`,
    )
  },
}

/** Runs scenario 6 on a fresh ledger and reports it. */
export const run = async (): Promise<ScenarioReport> => runScenario(tradeUsdtToBtc)

runAsScript(import.meta.url, run)
