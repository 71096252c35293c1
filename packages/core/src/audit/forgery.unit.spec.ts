// Proves that events appended behind the ledger's back, through the store's own append (so every
// hash and the chain verify), are reported by the journal, hold, balance, stream and codec checks
// with the right code, stream and revision: a leg posted twice, citations of entries or legs that
// do not exist, holds unknown, settled twice, reused or settled for the wrong amount, negative
// balances, entries recorded twice or unbalanced, bad amounts, unknown streams, undecodable events,
// events the aggregate's own evolve refuses, and voided discounts (clean when they undo a citation
// of an entry never recorded, void_unmatched otherwise). It also proves the report stays bounded.
import { beforeEach, describe, expect, it } from 'vitest'
import type { JsonValue } from '../ports/eventStore.js'
import {
  auditedLedger,
  codesOf,
  eventOf,
  placesOf,
  rightOf,
  withStory,
} from '../../test/audit/__fixtures__/auditedLedger.js'
import type { AuditedLedger } from '../../test/audit/__fixtures__/auditedLedger.js'
import { createFindings } from './violations.js'
import { orThrow } from '../ledger/result.js'

let fixture: AuditedLedger
let paymentEntry: string

beforeEach(async () => {
  fixture = await auditedLedger()
  await withStory(fixture)
  const payment = await eventOf(fixture.store, 'payment-', 'PaymentCaptured')
  paymentEntry = (payment.data as { entry: { entryId: string } }).entry.entryId
})

const at = '2025-03-03T09:00:05.000Z'

/** Appends one event through the store, as a writer that bypasses the ledger would. */
const forge = async (stream: string, type: string, data: JsonValue): Promise<void> => {
  await fixture.store.append(stream, [{ type, schemaVersion: 1, data }], {
    expectedRevision: 'any',
  })
}

const credit = (accountId: string, entryId: string, leg: number, amount = '30.00'): JsonValue => ({
  accountId,
  asset: 'USD',
  amount,
  entryId,
  leg,
  at,
})

/** A manual-capture payment of 20.00 from alice to bob; returns its hold id. */
const authorized = async (): Promise<{ paymentId: string; holdId: string }> => {
  const { paymentId } = rightOf(
    await fixture.ledger.pay({
      channel: 'online',
      payer: 'alice',
      payee: 'bob',
      asset: 'USD',
      amount: '20.00',
      capture: 'manual',
      idempotencyKey: 'm1',
    }),
  )
  const held = await eventOf(fixture.store, 'account-alice', 'FundsHeld')
  return { paymentId, holdId: (held.data as { holdId: string }).holdId }
}

describe('audit of forged journal citations', () => {
  it('reports a leg posted twice, and the money it created', async () => {
    await forge('account-bob', 'FundsCredited', credit('bob', paymentEntry, 1))
    const report = orThrow(await fixture.ledger.audit())
    expect(codesOf(report)).toEqual(['leg_posted_twice', 'world_not_zero'])
    expect(placesOf(report, 'leg_posted_twice')).toEqual([{ stream: 'account-bob', revision: '2' }])
    expect(placesOf(report, 'world_not_zero')).toEqual([{ stream: '(ledger)' }])
  })

  it('reports a citation of an entry no workflow recorded', async () => {
    await forge('account-bob', 'FundsCredited', credit('bob', 'forged:1', 0))
    const report = orThrow(await fixture.ledger.audit())
    expect(codesOf(report)).toEqual(['citation_unknown_entry', 'world_not_zero'])
    expect(placesOf(report, 'citation_unknown_entry')).toEqual([
      { stream: 'account-bob', revision: '2' },
    ])
  })

  it('reports a citation of a leg the entry does not have', async () => {
    await forge('account-bob', 'FundsCredited', credit('bob', paymentEntry, 2))
    const report = orThrow(await fixture.ledger.audit())
    expect(codesOf(report)).toEqual(['citation_unknown_leg', 'world_not_zero'])
  })

  it('reports an entry recorded twice, and an entry with a leg that moves nothing', async () => {
    const deposit = await eventOf(fixture.store, 'deposit-', 'FundsDeposited')
    await forge('deposit-copy', 'FundsDeposited', deposit.data)
    const data = deposit.data as { entry: { legs: { [key: string]: JsonValue }[] } }
    const legs = data.entry.legs.map((leg) => ({ ...leg, amount: '0.00' }))
    const entry = { entryId: 'deposit:zero', legs }
    await forge('deposit-zero', 'FundsDeposited', { ...data, depositId: 'zero', entry })
    const report = orThrow(await fixture.ledger.audit())
    expect(placesOf(report, 'entry_recorded_twice')).toEqual([
      { stream: 'deposit-copy', revision: '0' },
    ])
    expect(placesOf(report, 'journal_unbalanced')).toEqual([
      { stream: 'deposit-zero', revision: '0' },
    ])
  })

  it('reports an amount with the wrong scale and an asset the registry does not know', async () => {
    await forge('account-bob', 'FundsCredited', credit('bob', 'forged:1', 0, '1.000'))
    await forge('account-bob', 'FundsCredited', {
      ...(credit('bob', 'forged:2', 0) as object),
      asset: 'ZZZ',
    })
    const report = orThrow(await fixture.ledger.audit())
    expect(placesOf(report, 'amount_invalid')).toEqual([
      { stream: 'account-bob', revision: '2' },
      { stream: 'account-bob', revision: '3' },
    ])
  })
})

describe('audit of forged holds and balances', () => {
  it('reports a release of a hold that was never opened', async () => {
    await forge('account-alice', 'HoldReleased', {
      accountId: 'alice',
      holdId: 'h-none',
      amount: '1.00',
      at,
    })
    const report = orThrow(await fixture.ledger.audit())
    expect(codesOf(report)).toEqual(['hold_unknown'])
    expect(placesOf(report, 'hold_unknown')).toEqual([{ stream: 'account-alice', revision: '3' }])
  })

  it('reports a hold settled twice, and a settled hold opened again', async () => {
    const { paymentId, holdId } = await authorized()
    rightOf(await fixture.ledger.capturePayment({ paymentId }))
    await forge('account-alice', 'HoldReleased', {
      accountId: 'alice',
      holdId,
      amount: '20.00',
      at,
    })
    const hold = { accountId: 'alice', holdId, asset: 'USD', amount: '5.00', at }
    await forge('account-alice', 'FundsHeld', hold)
    const report = orThrow(await fixture.ledger.audit())
    expect(codesOf(report)).toEqual(['hold_reused', 'hold_settled_twice'])
    expect(placesOf(report, 'hold_settled_twice')).toEqual([
      { stream: 'account-alice', revision: '5' },
    ])
    expect(placesOf(report, 'hold_reused')).toEqual([{ stream: 'account-alice', revision: '6' }])
  })

  it('reports held drifting from the open holds when a release moves the wrong amount', async () => {
    const { holdId } = await authorized()
    await forge('account-alice', 'HoldReleased', { accountId: 'alice', holdId, amount: '5.00', at })
    const report = orThrow(await fixture.ledger.audit())
    expect(codesOf(report)).toEqual(['held_mismatch'])
    expect(placesOf(report, 'held_mismatch')).toEqual([{ stream: 'account-alice', revision: '4' }])
  })

  it('reports a user account going negative, once where it starts', async () => {
    const debit = { ...(credit('alice', 'forged:1', 0, '500.00') as object) }
    await forge('account-alice', 'FundsDebited', debit)
    await forge('account-alice', 'FundsDebited', { ...debit, entryId: 'forged:2' })
    const report = orThrow(await fixture.ledger.audit())
    expect(placesOf(report, 'balance_negative')).toEqual([
      { stream: 'account-alice', revision: '3' },
    ])
  })

  it('lets a world account go negative but not a promotion budget', async () => {
    const promotion = { promotionId: 'spring', asset: 'USD', budget: '50.00' }
    rightOf(await fixture.ledger.createPromotion({ ...promotion, discount: { percent: '10' } }))
    expect(orThrow(await fixture.ledger.audit()).ok).toBe(true)
    await forge('promotion-spring', 'DiscountApplied', {
      promotionId: 'spring',
      paymentId: 'p-forged',
      accountId: 'alice',
      amount: '60.00',
      entryId: 'forged:1',
      leg: 0,
      at,
    })
    const report = orThrow(await fixture.ledger.audit())
    expect(placesOf(report, 'balance_negative')).toEqual([
      { stream: 'promotion-spring', revision: '1' },
    ])
    expect(placesOf(report, 'citation_unknown_entry')).toEqual([
      { stream: 'promotion-spring', revision: '1' },
    ])
  })
})

describe('audit of voided discounts', () => {
  const promotion = { promotionId: 'spring', asset: 'USD', budget: '50.00' }
  const discount = {
    promotionId: 'spring',
    paymentId: 'p-lost',
    accountId: 'alice',
    amount: '2.00',
    entryId: 'lost:1',
    leg: 1,
    at,
  }

  it('finds nothing wrong when a discount of an entry never recorded is voided', async () => {
    rightOf(await fixture.ledger.createPromotion({ ...promotion, discount: { percent: '10' } }))
    await forge('promotion-spring', 'DiscountApplied', discount)
    // The bug this event exists for: the budget debited, nothing on the other side.
    expect(codesOf(orThrow(await fixture.ledger.audit()))).toEqual([
      'citation_unknown_entry',
      'world_not_zero',
    ])
    await forge('promotion-spring', 'DiscountVoided', discount)
    expect(orThrow(await fixture.ledger.audit()).violations).toEqual([])
  })

  it('reports a void that undoes no citation, and one of an entry a workflow recorded', async () => {
    rightOf(await fixture.ledger.createPromotion({ ...promotion, discount: { percent: '10' } }))
    await forge('promotion-spring', 'DiscountVoided', discount)
    const recorded = { ...discount, paymentId: 'p-recorded', entryId: paymentEntry, leg: 0 }
    await forge('promotion-spring', 'DiscountVoided', recorded)
    const report = orThrow(await fixture.ledger.audit())
    expect(placesOf(report, 'void_unmatched')).toEqual([
      { stream: 'promotion-spring', revision: '1' },
      { stream: 'promotion-spring', revision: '2' },
    ])
    // Both credited the budget back with no debit: the world no longer sums to zero.
    expect(codesOf(report)).toContain('world_not_zero')
  })
})

describe('audit of forged streams and events', () => {
  it('reports streams no aggregate owns, including names of Object.prototype members', async () => {
    await forge('ledgerx-1', 'Anything', {})
    await forge('constructor-1', 'Anything', {})
    const report = orThrow(await fixture.ledger.audit())
    expect(placesOf(report, 'unknown_stream')).toEqual([
      { stream: 'ledgerx-1', revision: '0' },
      { stream: 'constructor-1', revision: '0' },
    ])
    expect(report.streams).toBe(8)
  })

  it('reports an event its aggregate codec refuses', async () => {
    await forge('account-bob', 'FundsCredited', { accountId: 'bob', asset: 'USD', at })
    const report = orThrow(await fixture.ledger.audit())
    expect(codesOf(report)).toEqual(['codec_failed'])
    expect(placesOf(report, 'codec_failed')).toEqual([{ stream: 'account-bob', revision: '2' }])
  })

  it("reports an event the aggregate's own evolve refuses, caught inside the audit", async () => {
    await forge('account-alice', 'AccountOpened', { accountId: 'alice', kind: 'user', at })
    const report = orThrow(await fixture.ledger.audit())
    expect(codesOf(report)).toEqual(['evolve_failed'])
    expect(placesOf(report, 'evolve_failed')).toEqual([{ stream: 'account-alice', revision: '3' }])
  })
})

describe('the size of a report', () => {
  it('lists at most the bound and says how many more it found', () => {
    const findings = createFindings(2)
    for (const revision of [0n, 1n, 2n]) {
      findings.add('revision_gap', { stream: 's-1', revision }, 'gap')
    }
    expect(findings.total()).toBe(3)
    expect(findings.list().map((item) => item.code)).toEqual([
      'revision_gap',
      'revision_gap',
      'violations_truncated',
    ])
  })
})
