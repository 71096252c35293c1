// Chapter 1: Monday morning. Everyone opens an account (Alice with two-factor and a payment
// password), and money arrives from a bank, a card and a crypto network.
import type { DemoStage } from './demoStage.js'
import { must } from './demoStage.js'

type Person = {
  readonly accountId: string
  readonly kind: 'user' | 'merchant'
  readonly merchantFeeRate?: string
  readonly hasTwoFactor?: boolean
  readonly hasPassword?: boolean
}

/** The cast: who the story is about, in the order the tables list them. */
export const CAST: readonly Person[] = [
  { accountId: 'alice', kind: 'user', hasTwoFactor: true, hasPassword: true },
  { accountId: 'bob', kind: 'user', hasPassword: true },
  { accountId: 'carol', kind: 'user' },
  { accountId: 'dave', kind: 'user', hasPassword: true },
  { accountId: 'erin', kind: 'user' },
  { accountId: 'frank', kind: 'user' },
  { accountId: 'grace', kind: 'user' },
  { accountId: 'henry', kind: 'user' },
  { accountId: 'ivan', kind: 'user' },
  { accountId: 'judy', kind: 'user' },
  { accountId: 'noodle-bar', kind: 'merchant', merchantFeeRate: '0.6' },
  { accountId: 'gadget-store', kind: 'merchant', merchantFeeRate: '1' },
  { accountId: 'online-mall', kind: 'merchant' },
  { accountId: 'state-grid', kind: 'merchant' },
  { accountId: 'corner-shop', kind: 'merchant' },
  { accountId: 'electronics-shop', kind: 'merchant' },
]

type TopUp = {
  readonly accountId: string
  readonly asset: string
  readonly amount: string
  readonly source:
    | { readonly type: 'bank_transfer' | 'card'; readonly reference: string }
    | { readonly type: 'crypto'; readonly reference: string; readonly network: string }
}

const TOP_UPS: readonly TopUp[] = [
  bank('alice', '1000.00', 'ICBC-20261123-0001'),
  { accountId: 'alice', asset: 'CNY', amount: '250.50', source: card('VISA-4242-auth-7731') },
  bank('bob', '200.00', 'CMB-1123-118'),
  { accountId: 'carol', asset: 'USD', amount: '500.00', source: card('MC-5454-auth-1123') },
  bank('dave', '600.00', 'CCB-1123-072'),
  {
    accountId: 'erin',
    asset: 'USDT',
    amount: '2000',
    source: { type: 'crypto', reference: 'tron-tx-9f2c41d7', network: 'tron' },
  },
  bank('frank', '5000.00', 'ABC-1123-003'),
  bank('grace', '100.00', 'BOC-1123-201'),
  bank('henry', '50.00', 'BOC-1123-202'),
  bank('ivan', '200.00', 'SPDB-1123-310'),
  bank('judy', '500.00', 'HSBC-1123-877'),
]

/** Opens every account, then tops them up, printing one table for each. */
export const openingDay = async (stage: DemoStage): Promise<void> => {
  const { ledger } = stage
  stage.heading('Monday 23 November, 08:00: accounts are opened')
  for (const person of CAST) {
    const { accountId, kind } = person
    const fee =
      person.merchantFeeRate === undefined ? {} : { merchantFeeRate: person.merchantFeeRate }
    must(await ledger.openAccount({ accountId, kind, ...fee }))
    if (person.hasTwoFactor === true) must(await ledger.enableTwoFactor({ accountId }))
    if (person.hasPassword === true) must(await ledger.setPaymentPassword({ accountId }))
  }
  const rows: string[][] = []
  for (const person of CAST) {
    const view = must(await ledger.account(person.accountId))
    const fee = person.merchantFeeRate === undefined ? '' : `${person.merchantFeeRate}%`
    rows.push([
      view.accountId,
      view.kind,
      view.status,
      view.twoFactor ? 'on' : 'off',
      view.paymentPasswordSet ? 'set' : '-',
      fee,
      stage.time(view.openedAt),
    ])
  }
  stage.table(['account', 'kind', 'status', 'two-factor', 'password', 'fee', 'opened at'], rows)

  stage.moveTo('2026-11-23T09:00')
  stage.heading('09:00: top-ups arrive by bank transfer, card and crypto network')
  const topUpRows: string[][] = []
  for (const [index, topUp] of TOP_UPS.entries()) {
    const idempotencyKey = `top-up-${topUp.accountId}-${index}`
    must(await ledger.deposit({ ...topUp, idempotencyKey }))
    const network = topUp.source.type === 'crypto' ? ` (${topUp.source.network})` : ''
    topUpRows.push([
      topUp.accountId,
      `${topUp.source.type}${network}`,
      topUp.source.reference,
      topUp.amount,
      topUp.asset,
    ])
  }
  // The app lost the answer and sends Alice's card top-up again: the same key adds nothing.
  const retried = TOP_UPS[1]!
  must(await ledger.deposit({ ...retried, idempotencyKey: 'top-up-alice-1' }))
  stage.table(['account', 'source', 'reference', 'amount', 'asset'], topUpRows, [
    'left',
    'left',
    'left',
    'right',
  ])
  const alice = must(await ledger.balances('alice'))['CNY']
  stage.say(
    `Alice's card top-up was sent twice with the same idempotency key: it counted once ` +
      `(alice holds ${alice?.total ?? '0.00'} CNY).`,
  )
}

function bank(accountId: string, amount: string, reference: string): TopUp {
  return { accountId, asset: 'CNY', amount, source: { type: 'bank_transfer', reference } }
}

function card(reference: string): TopUp['source'] {
  return { type: 'card', reference }
}
