// Proves issue 7's property "after any accepted sequence, every query answers for every account
// and audit() is clean", on both executors: fast-check mixes the read-side properties' activity
// (generatedLedger.ts) with hostile settings (merchant fee rates and percent discounts from 0 to
// 100 and beyond, conversion rates at and past their bounds, instants from before 1970 to past
// 9999 on promotions, quotes, runDue and asOf) and tiny payments to those merchants. Whatever was
// accepted, every query then answers (account, accounts, balances, history to its last page,
// statement, payment, withdrawal, dispute, runDue) and the audit reports nothing.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Instant, Ledger } from '../../src/ledger/types.js'
import { arbStep, openCast, runStep } from '../projections/__fixtures__/generatedLedger.js'
import type { Started } from '../projections/__fixtures__/generatedLedger.js'
import type { Step } from '../projections/__fixtures__/generatedSteps.js'
import { workflowLedger } from '../workflows/__fixtures__/workflowLedger.js'
import { orThrow } from '../../src/ledger/result.js'

const NUM_RUNS = 40
const STEPS_MAX = 30
const EPOCH = '1970-01-01T00:00:00.000Z'
const FAR = '9999-12-31T23:59:59.999Z'

type Hostile =
  | { readonly kind: 'merchant'; readonly rate: string }
  | { readonly kind: 'payMerchant'; readonly pick: number; readonly minor: number }
  | { readonly kind: 'promotion'; readonly percent: string; readonly until?: Instant }
  | { readonly kind: 'payPromotion'; readonly pick: number; readonly minor: number }
  | { readonly kind: 'convert'; readonly rate: string; readonly expiresAt?: Instant }
  | { readonly kind: 'runDueAt'; readonly now: Instant }
  | { readonly kind: 'asOf'; readonly at: Instant }
type Action = { readonly kind: 'step'; readonly step: Step } | Hostile

// ---------------------------------------------------------------- arbitraries

/** A percentage as text, 0..199 with up to 3 decimals, and the values next to the bounds. */
const arbPercent = fc.oneof(
  fc
    .tuple(fc.nat({ max: 199 }), fc.nat({ max: 999 }))
    .map(([whole, fraction]) => (fraction === 0 ? `${whole}` : `${whole}.${fraction}`)),
  fc.constantFrom('0', '60', '100', '10', '10.0', '10.000001', '49.99', '9.999999', '99.99'),
)
const arbRate = fc.constantFrom(
  '0.0000123',
  '0.000001230',
  '0.000000000000000001',
  '0.0000000000000000009',
  '1000000000000000000',
  '1000000000000000001',
  '123456789012345678901234567890',
)
/** Instants at, inside and past the accepted range, as Dates and as text. */
const arbInstant: fc.Arbitrary<Instant> = fc.oneof(
  fc.constantFrom<Instant>(
    new Date(8.64e15),
    new Date(-8.64e15),
    new Date(-1),
    new Date(0),
    new Date(Date.parse(FAR)),
    new Date(Date.parse(FAR) + 1),
    '+275760-09-13T00:00:00.000Z',
    FAR,
    '2025-03-03T09:00:00+08:00',
  ),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }),
)
const pick = fc.nat({ max: 50 })
const tiny = fc.integer({ min: 1, max: 30 })
const arbAction: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: arbStep.map((step) => ({ kind: 'step' as const, step })) },
  fc.record({ kind: fc.constant('merchant' as const), rate: arbPercent }),
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('payMerchant' as const), pick, minor: tiny }),
  },
  fc.record(
    { kind: fc.constant('promotion' as const), percent: arbPercent, until: arbInstant },
    { requiredKeys: ['kind', 'percent'] },
  ),
  fc.record({ kind: fc.constant('payPromotion' as const), pick, minor: tiny }),
  fc.record(
    { kind: fc.constant('convert' as const), rate: arbRate, expiresAt: arbInstant },
    { requiredKeys: ['kind', 'rate'] },
  ),
  fc.record({ kind: fc.constant('runDueAt' as const), now: arbInstant }),
  fc.record({ kind: fc.constant('asOf' as const), at: arbInstant }),
)

// ---------------------------------------------------------------- running

type Run = Started & { merchants: string[]; promotions: string[] }

const cents = (minor: number): string =>
  `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`

const of = <T>(list: readonly T[], index: number): T | undefined => list[index % list.length]

const runHostile = async (ledger: Ledger, action: Hostile, run: Run, n: number) => {
  const key = `hostile-${n}`
  switch (action.kind) {
    case 'merchant': {
      const accountId = `m${n}`
      const opened = await ledger.openAccount({
        accountId,
        kind: 'merchant',
        merchantFeeRate: action.rate,
      })
      if (opened._tag === 'Right') run.merchants.push(accountId)
      return
    }
    case 'payMerchant': {
      const payee = of(run.merchants, action.pick)
      if (payee === undefined) return
      const payment = { payer: 'alice', payee, asset: 'USD', amount: cents(action.minor) }
      const paid = await ledger.pay({ channel: 'merchant_qr', ...payment, idempotencyKey: key })
      if (paid._tag === 'Right') run.payments.push(paid.right.paymentId)
      return
    }
    case 'promotion': {
      const promotionId = `promo${n}`
      const terms = {
        promotionId,
        asset: 'USD',
        budget: '5.00',
        discount: { percent: action.percent },
      }
      const until = action.until === undefined ? {} : { validUntil: action.until }
      const created = await ledger.createPromotion({ ...terms, ...until })
      if (created._tag === 'Right') run.promotions.push(promotionId)
      return
    }
    case 'payPromotion': {
      const promotionId = of(run.promotions, action.pick)
      if (promotionId === undefined) return
      const payment = { payer: 'bob', payee: of(['shop', ...run.merchants], action.pick) ?? 'shop' }
      const amount = { asset: 'USD', amount: cents(action.minor), promotionId, idempotencyKey: key }
      const paid = await ledger.pay({ channel: 'online', ...payment, ...amount })
      if (paid._tag === 'Right') run.payments.push(paid.right.paymentId)
      return
    }
    case 'convert': {
      const expiry = action.expiresAt === undefined ? {} : { quoteExpiresAt: action.expiresAt }
      const from = { asset: 'USD', amount: '1.00' }
      const trade = { accountId: 'carol', from, to: { asset: 'BTC' }, rate: action.rate }
      await ledger.convert({ ...trade, ...expiry, idempotencyKey: key })
      return
    }
    case 'runDueAt': {
      // A bad or future instant is a Left invalid_input naming `now`, never a rejection.
      const due = await ledger.runDue({ now: action.now })
      if (due._tag === 'Left')
        expect(due.left).toMatchObject({ code: 'invalid_input', details: { path: 'now' } })
      return
    }
    case 'asOf':
      await ledger.balances('alice', { asOf: action.at })
      return
  }
}

// ---------------------------------------------------------------- the checks

/** Every account the ledger lists, paging through `accounts()`. */
const accountIdsOf = async (ledger: Ledger): Promise<string[]> => {
  const ids: string[] = []
  let after: string | undefined
  do {
    const page = await ledger.accounts({ limit: 50, ...(after === undefined ? {} : { after }) })
    expect(page._tag).toBe('Right')
    if (page._tag === 'Left') return ids
    ids.push(...page.right.accounts.map((account) => account.accountId))
    after = page.right.next
  } while (after !== undefined)
  return ids
}

const expectRight = (result: { readonly _tag: string }, what: string): void => {
  expect(result, what).toMatchObject({ _tag: 'Right' })
}

/** Every query answers for every account and workflow; none throws. */
const expectQueriesAnswer = async (ledger: Ledger, run: Run): Promise<void> => {
  for (const accountId of await accountIdsOf(ledger)) {
    await ledger.account(accountId)
    expectRight(await ledger.balances(accountId), `balances ${accountId}`)
    for (const asset of ['USD', 'BTC'])
      expectRight(await ledger.statement(accountId, { asset, from: EPOCH, to: FAR }), accountId)
    let after: string | undefined
    do {
      const page = await ledger.history(accountId, {
        limit: 7,
        ...(after === undefined ? {} : { after }),
      })
      expectRight(page, `history ${accountId}`)
      after = page._tag === 'Right' ? page.right.next : undefined
    } while (after !== undefined)
  }
  for (const id of run.payments) expectRight(await ledger.payment(id), `payment ${id}`)
  for (const id of run.withdrawals) expectRight(await ledger.withdrawal(id), `withdrawal ${id}`)
  for (const id of run.disputes) expectRight(await ledger.dispute(id), `dispute ${id}`)
  orThrow(await ledger.runDue())
}

describe.each(['atomic', 'stepwise'] as const)('queries (%s executor)', (executor) => {
  it(
    'answer for every account after any accepted sequence, and the audit is clean',
    { timeout: 180_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(arbAction, { maxLength: STEPS_MAX }), async (actions) => {
          const fixture = await workflowLedger({ executor })
          const { ledger } = fixture
          const run: Run = { ...(await openCast(ledger)), merchants: [], promotions: [] }
          for (const [n, action] of actions.entries()) {
            if (action.kind === 'step') await runStep(ledger, action.step, run, n, fixture.advance)
            else await runHostile(ledger, action, run, n)
          }
          await expectQueriesAnswer(ledger, run)
          const report = orThrow(await ledger.audit())
          expect(report.violations).toEqual([])
          expect(report.ok).toBe(true)
        }),
        { numRuns: NUM_RUNS },
      )
    },
  )
})
