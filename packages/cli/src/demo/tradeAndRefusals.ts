// Chapter 3: Tuesday afternoon. A USDT to BTC trade at a quoted rate (the desk keeps the rounding
// remainder), then three payments the ledger refuses, each with its reason: not enough money, a
// frozen account, and a two-factor code that did not verify.
import type { LedgerError } from '@wallet-ledger/core'
import type { DemoStage } from './demoStage.js'
import { must, refusalOf } from './demoStage.js'

/** BTC per USDT: about 95,858 USDT for one BTC. */
const RATE = '0.0000104321'
const TWO_FACTOR_WRONG_CODE = { method: 'two_factor', verified: false } as const

/** Runs the chapter. */
export const tradeAndRefusals = async (stage: DemoStage): Promise<void> => {
  const { ledger } = stage
  stage.moveTo('2026-11-24T14:00')
  stage.heading('14:00: erin trades USDT for BTC at a quoted rate')
  const quoteExpiresAt = new Date(stage.now().getTime() + 30_000)
  const trade = must(
    await ledger.convert({
      accountId: 'erin',
      from: { asset: 'USDT', amount: '1234.567891' },
      to: { asset: 'BTC' },
      rate: RATE,
      quoteExpiresAt,
      minReceived: '0.0128',
      idempotencyKey: 'erin-trade-1',
    }),
  )
  stage.table(
    ['conversion', 'rate (BTC per USDT)', 'debited', 'credited', 'status'],
    [
      [
        trade.conversionId.slice(0, 8),
        RATE,
        `${trade.debited.amount} ${trade.debited.asset}`,
        `${trade.credited.amount} ${trade.credited.asset}`,
        trade.status,
      ],
    ],
    ['left', 'right', 'right', 'right'],
  )
  stage.say(
    `1234.567891 USDT x ${RATE} = 0.012879135... BTC: erin is credited the amount rounded ` +
      `down to the satoshi; the quote guaranteed at least 0.0128 BTC. The market (world:market) ` +
      'is the other side.',
  )

  stage.moveTo('2026-11-24T15:00')
  stage.heading('15:00: three payments the ledger refuses, each with its reason')
  const shop = { channel: 'merchant_qr', payee: 'corner-shop', asset: 'CNY' } as const
  const rows: string[][] = []
  const row = (payer: string, amount: string, why: string, error: LedgerError): void => {
    rows.push([payer, `${amount} CNY`, why, error.code, error.message])
  }
  const poor = await ledger.pay({
    ...shop,
    payer: 'grace',
    amount: '150.00',
    idempotencyKey: 'g-1',
  })
  row('grace', '150.00', 'has 100.00', refusalOf(poor, 'insufficient balance'))

  must(await ledger.freezeAccount({ accountId: 'henry', reason: 'suspicious login' }))
  const frozen = await ledger.pay({
    ...shop,
    payer: 'henry',
    amount: '20.00',
    idempotencyKey: 'h-1',
  })
  row('henry', '20.00', 'frozen: suspicious login', refusalOf(frozen, 'frozen account'))

  must(await ledger.enableTwoFactor({ accountId: 'grace' }))
  const wrongCode = await ledger.pay({
    ...shop,
    payer: 'grace',
    amount: '30.00',
    authorization: TWO_FACTOR_WRONG_CODE,
    idempotencyKey: 'g-2',
  })
  row('grace', '30.00', 'wrong two-factor code', refusalOf(wrongCode, 'security check'))
  stage.table(['payer', 'amount', 'situation', 'refused with', 'reason'], rows, ['left', 'right'])
  stage.say(
    'Each refusal is recorded as a failed payment (see the statements below); no money moved.',
  )
}
