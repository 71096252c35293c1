// Proves each seed scenario leaves the money where a person computing by hand says it must be:
// every scenario's `run()` is played on a fresh ledger and the final balances it reports are
// compared with the numbers worked out below (each with its arithmetic), its audit must be clean,
// its key refusals and dates must be in its story, and two runs must print the same lines (the
// clock is fixed). The demo runs them all and prints a statement.
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACCOUNTS } from '@wallet-ledger/core'
import type { Balance } from '@wallet-ledger/core'
import { run as billPayment } from './billPayment.js'
import { runDemo } from './demo.js'
import { run as disputeWithEvidence } from './disputeWithEvidence.js'
import type { ScenarioReport } from './kit/scenario.js'
import { run as onlineCheckoutManualCapture } from './onlineCheckoutManualCapture.js'
import { run as p2pTransfer } from './p2pTransfer.js'
import { LUNCH_BUDGET_ACCOUNT, run as qrPaymentWithPromotion } from './qrPaymentWithPromotion.js'
import { run as refusedPayments } from './refusedPayments.js'
import { run as registerAndTopUp } from './registerAndTopUp.js'
import { run as stolenAccount } from './stolenAccount.js'
import { TRON_NETWORK_ACCOUNT, run as tradeUsdtToBtc } from './tradeUsdtToBtc.js'
import { run as withdrawalToBank } from './withdrawalToBank.js'

const { bankInflow, bankOutflow, cardInflow, deskSpread, fees, market, marketingFund } =
  SYSTEM_ACCOUNTS

// A settled balance (nothing held) in an asset's own scale.
const settled =
  (heldZero: string) =>
  (total: string): Balance => ({ available: total, held: heldZero, total })
const cny = settled('0.00')
const usd = settled('0.00')
const usdt = settled('0.000000')
const btc = settled('0.00000000')

/** Plays a scenario, checks its audit, and answers its report. */
const played = async (run: () => Promise<ScenarioReport>): Promise<ScenarioReport> => {
  const report = await run()
  expect(report.audit).toMatchObject({ ok: true, violations: [] })
  expect(report.lines.at(-1)).toMatch(/^audit: ok \(/)
  return report
}

describe('each scenario leaves the balances computed by hand, audited clean', () => {
  it('1. register and top up: 1000.00 by bank + 250.50 by card', async () => {
    const report = await played(registerAndTopUp)
    expect(report.balances).toEqual({
      alice: { CNY: cny('1250.50') }, // 1000.00 + 250.50; the retried card top-up adds nothing
      [bankInflow]: { CNY: cny('-1000.00') },
      [cardInflow]: { CNY: cny('-250.50') },
    })
    expect(report.lines).toContain('  two-factor on: true; payment password set: true')
  })

  // Paid 88.88 with 15% off: discount 13.332 rounded down = 13.33, charged 75.55; the merchant's
  // 0.6% fee is 0.53328 rounded half-even = 0.53, so it gets 88.88 - 0.53 = 88.35. The second 50.00
  // wants 7.50 off, above the 6.67 left: refused; paid without it, fee 0.30, merchant gets 49.70.
  const promotionBalances = {
    bob: { CNY: cny('74.45') }, // 200.00 - 75.55 - 50.00
    'noodle-bar': { CNY: cny('138.05') }, // 88.35 + 49.70
    [marketingFund]: { CNY: cny('-20.00') },
    [fees]: { CNY: cny('0.83') }, // 0.53 + 0.30
    [bankInflow]: { CNY: cny('-200.00') },
  }

  it('2. QR payment with a 15% promotion: payer, merchant, fees and the marketing fund', async () => {
    const report = await played(qrPaymentWithPromotion)
    const { [LUNCH_BUDGET_ACCOUNT]: _budget, ...others } = report.balances
    expect(others).toEqual(promotionBalances)
    expect(report.lines).toContain('  completed: charged 75.55, discount 13.33 paid by the budget')
    expect(report.lines.join('\n')).toContain('refused: promotion_exhausted')
  })

  it('2. QR payment with a promotion: the budget account shows 20.00 - 13.33 = 6.67', async () => {
    const report = await played(qrPaymentWithPromotion)
    expect(report.balances).toEqual({
      ...promotionBalances,
      [LUNCH_BUDGET_ACCOUNT]: { CNY: cny('6.67') },
    })
  })

  it('3. online checkout: 120.00 authorized, 99.99 captured, 20.01 released', async () => {
    const report = await played(onlineCheckoutManualCapture)
    expect(report.balances).toEqual({
      carol: { USD: usd('400.01') }, // 500.00 - 99.99, nothing left held
      'gadget-store': { USD: usd('98.99') }, // 99.99 - fee 1.00 (1% = 0.9999, half-even)
      [fees]: { USD: usd('1.00') },
      [cardInflow]: { USD: usd('-500.00') },
    })
    expect(report.lines).toContain('  carol: available 380.00, held 120.00, total 500.00')
    const story = report.lines.join('\n')
    expect(story).toMatch(/payment online +-120\.00 USD {2}pending/)
    expect(story).toMatch(/payment online +-99\.99 USD {2}completed/)
  })

  it('4. P2P: 45.50 to bob (retry deduplicated), 10.00 back', async () => {
    const report = await played(p2pTransfer)
    expect(report.balances).toEqual({
      alice: { CNY: cny('264.50') }, // 300.00 - 45.50 + 10.00
      bob: { CNY: cny('35.50') }, // 45.50 - 10.00
      [bankInflow]: { CNY: cny('-300.00') },
    })
    expect(report.lines.join('\n')).toContain('refused: idempotency_key_reused')
  })

  it('5. bills: 356.20 for electricity and 88.00 for the phone', async () => {
    const report = await played(billPayment)
    expect(report.balances).toEqual({
      dave: { CNY: cny('155.80') }, // 600.00 - 356.20 - 88.00
      'state-grid': { CNY: cny('356.20') },
      'china-mobile': { CNY: cny('88.00') },
      [bankInflow]: { CNY: cny('-600.00') },
    })
  })

  // 1234.567891 x 0.0000104321 = 0.0128791356957011 BTC: credited 0.01287913 (rounded down);
  // dropped 0.56957011 sat = 0.0000000056957011 BTC, / 0.0000104321 = 0.000545978... USDT, rounded
  // down: 0.000545 to the desk; the market gets 1234.567891 - 0.000545 = 1234.567346 USDT.
  it('6. trade: 1234.567891 USDT -> 0.01287913 BTC, 0.000545 USDT to the desk', async () => {
    const report = await played(tradeUsdtToBtc)
    expect(report.balances).toEqual({
      erin: { USDT: usdt('765.432109'), BTC: btc('0.01287913') }, // 2000 - 1234.567891
      [deskSpread]: { USDT: usdt('0.000545') },
      [market]: { USDT: usdt('1234.567346'), BTC: btc('-0.01287913') },
      [TRON_NETWORK_ACCOUNT]: { USDT: usdt('-2000.000000') },
    })
    expect(report.lines.join('\n')).toContain('quote_expired')
  })

  it('7. withdrawal: 1200.00 + fee 2.00, Friday morning -> Monday to Wednesday', async () => {
    const report = await played(withdrawalToBank)
    expect(report.balances).toEqual({
      frank: { CNY: cny('3798.00') }, // 5000.00 - 1200.00 - 2.00
      [bankOutflow]: { CNY: cny('1200.00') },
      [fees]: { CNY: cny('2.00') },
      [bankInflow]: { CNY: cny('-5000.00') },
    })
    // 2026-11-27 is a Friday: 09:50 Shanghai is before the cut-off, so it counts from Friday.
    expect(report.lines).toContain(
      '  submitted: 1200.00 + fee 2.00 CNY, expected between 2026-11-30 and 2026-12-02',
    )
    expect(report.lines).toContain('  frank: available 3798.00, held 1202.00')
  })

  it('8. refused payments: nothing moves but the one payment within every rule', async () => {
    const report = await played(refusedPayments)
    expect(report.balances).toEqual({
      grace: { CNY: cny('60.00') }, // 100.00 - 40.00; the refused 150, 30 and 60 move nothing
      henry: { CNY: cny('50.00') }, // the refused 20.00 moves nothing
      'corner-shop': { CNY: cny('40.00') },
      [bankInflow]: { CNY: cny('-150.00') },
    })
    const story = report.lines.join('\n')
    for (const code of [
      'insufficient_balance',
      'account_frozen',
      'security_check_failed',
      'limit_exceeded',
    ]) {
      expect(story).toContain(`refused: ${code}: `)
      expect(story).toMatch(new RegExp(`payment\\(\\): failed, .* reason ${code}`))
      expect(story).toMatch(new RegExp(`failed \\(${code}\\)`))
    }
  })

  it('9. dispute with evidence: the 80.00 held from the merchant goes back to the payer', async () => {
    const report = await played(disputeWithEvidence)
    expect(report.balances).toEqual({
      ivan: { CNY: cny('200.00') }, // 200.00 - 80.00 + 80.00 refunded
      'online-mall': { CNY: cny('0.00') }, // 80.00 held while open, then paid out to ivan
      [bankInflow]: { CNY: cny('-200.00') },
    })
    expect(report.lines).toContain('  online-mall: available 0.00, held 80.00, total 80.00')
    expect(report.lines).toContain('  dispute resolved_payer, 2 piece(s) of evidence')
  })

  it('10. stolen account: frozen, the 299.00 disputed and refunded, then unfrozen', async () => {
    const report = await played(stolenAccount)
    expect(report.balances).toEqual({
      judy: { CNY: cny('500.00') }, // 500.00 - 299.00 + 299.00 refunded; the 150.00 refused
      'electronics-shop': { CNY: cny('0.00') },
      [bankInflow]: { CNY: cny('-500.00') },
    })
    expect(report.lines).toContain('  account frozen; 1 dispute(s) opened')
    expect(report.lines.join('\n')).toContain('the thief tries 150.00 more: account_frozen')
  })
})

describe('the demo', () => {
  it('runs every scenario, audits each clean, and prints a statement', async () => {
    const lines: string[] = []
    expect(await runDemo((line) => lines.push(line))).toBe(true)
    expect(lines.filter((line) => line.startsWith('== ')).length).toBe(11) // ten + the statement
    expect(lines).toContain('opening 0.00')
    expect(lines).toContain('closing 264.50')
    expect(lines.at(-1)).toBe('10 of 10 scenarios audited clean')
  })

  it('prints the same lines on every run (the clocks are fixed, no random id is printed)', async () => {
    const first: string[] = []
    const second: string[] = []
    await runDemo((line) => first.push(line))
    await runDemo((line) => second.push(line))
    expect(second).toEqual(first)
  })
})
