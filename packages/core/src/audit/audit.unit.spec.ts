// Proves that an untampered ledger audits clean: an empty store, deposits and payments (instant,
// manually captured, cancelled, discounted by a promotion), a namespaced ledger, every page size,
// and the store alone (the CLI's path) — with the counts and the head the store itself reports.
import { describe, expect, it } from 'vitest'
import { builtInAssetRegistry } from '@wallet-ledger/domain'
import { createDefinitions } from '../engine/definitions.js'
import { createLedger } from '../ledger/createLedger.js'
import { GENESIS_COMMIT_HASH } from '../store/chain.js'
import { createMemoryEventStore } from '../store/memoryEventStore.js'
import {
  STORY,
  auditedLedger,
  rightOf,
  storedEvents,
  withStory,
} from '../../test/audit/__fixtures__/auditedLedger.js'
import type { AuditedLedger } from '../../test/audit/__fixtures__/auditedLedger.js'
import { auditStore } from './auditStore.js'
import { orThrow } from '../ledger/result.js'

const fundedPair = async ({ ledger }: AuditedLedger): Promise<void> => {
  rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
  rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant', merchantFeeRate: '1' }))
  const source = { type: 'card' as const, reference: 'c1' }
  const deposit = { accountId: 'alice', asset: 'USD', amount: '200.00', source }
  rightOf(await ledger.deposit({ ...deposit, idempotencyKey: 'd1' }))
}

const qr = { channel: 'merchant_qr' as const, payer: 'alice', payee: 'shop', asset: 'USD' }

describe('audit of an untampered ledger', () => {
  it('reports an empty store as ok with the genesis head', async () => {
    const { ledger } = await auditedLedger()
    expect(orThrow(await ledger.audit())).toEqual({
      ok: true,
      eventsChecked: 0,
      streams: 0,
      head: GENESIS_COMMIT_HASH,
      violations: [],
    })
  })

  it('counts every event and stream of deposits and payments and ends at the store head', async () => {
    const fixture = await auditedLedger()
    await withStory(fixture)
    const report = orThrow(await fixture.ledger.audit())
    const head = await fixture.store.readHead()
    expect(report).toEqual({
      ok: true,
      eventsChecked: STORY.events,
      streams: STORY.streams,
      head: head.commitHash,
      violations: [],
    })
    expect(head.nextPosition).toBe(BigInt(STORY.events))
  })

  it('gives the same report on the store alone, whatever the page size', async () => {
    const fixture = await auditedLedger()
    await withStory(fixture)
    const deps = {
      store: fixture.store,
      definitions: createDefinitions(undefined),
      registry: builtInAssetRegistry(),
    }
    const whole = orThrow(await fixture.ledger.audit())
    for (const pageSize of [1, 2, 3, 7]) expect(await auditStore(deps, { pageSize })).toEqual(whole)
  })

  it('accepts a head kept earlier once more commits follow it', async () => {
    const fixture = await auditedLedger()
    await withStory(fixture)
    const { head } = orThrow(await fixture.ledger.audit())
    rightOf(await fixture.ledger.openAccount({ accountId: 'dave', kind: 'user' }))
    const later = orThrow(await fixture.ledger.audit({ expectedHead: head }))
    expect(later.ok).toBe(true)
    expect(later.head).not.toBe(head)
    expect(orThrow(await fixture.ledger.audit({ expectedHead: GENESIS_COMMIT_HASH })).ok).toBe(true)
  })

  it('matches holds captured in part and holds released, with merchant fees', async () => {
    const fixture = await auditedLedger()
    await fundedPair(fixture)
    const { ledger } = fixture
    const manual = { ...qr, channel: 'online' as const, capture: 'manual' as const }
    const first = rightOf(await ledger.pay({ ...manual, amount: '40.00', idempotencyKey: 'm1' }))
    rightOf(await ledger.capturePayment({ paymentId: first.paymentId, amount: '25.00' }))
    const second = rightOf(await ledger.pay({ ...manual, amount: '10.00', idempotencyKey: 'm2' }))
    rightOf(await ledger.cancelPayment({ paymentId: second.paymentId }))
    rightOf(await ledger.pay({ ...qr, amount: '12.34', idempotencyKey: 'q1' }))
    const types = (await storedEvents(fixture.store)).map((event) => event.type)
    expect(types).toEqual(expect.arrayContaining(['FundsHeld', 'HoldCaptured', 'HoldReleased']))
    const report = orThrow(await ledger.audit())
    expect(report.violations).toEqual([])
    expect(report.ok).toBe(true)
  })

  it('matches a promotion budget booked on its own stream and the discounts it pays', async () => {
    const fixture = await auditedLedger()
    await fundedPair(fixture)
    const { ledger } = fixture
    const promotion = { promotionId: 'spring', asset: 'USD', budget: '50.00' }
    rightOf(await ledger.createPromotion({ ...promotion, discount: { percent: '10' } }))
    rightOf(
      await ledger.pay({ ...qr, amount: '20.00', promotionId: 'spring', idempotencyKey: 'q1' }),
    )
    const types = (await storedEvents(fixture.store)).map((event) => event.type)
    expect(types).toEqual(expect.arrayContaining(['PromotionCreated', 'DiscountApplied']))
    expect(orThrow(await ledger.audit()).violations).toEqual([])
  })

  it('audits a ledger run step by step, whose holds precede the entry', async () => {
    let nowMs = Date.parse('2025-03-03T09:00:00.000Z')
    const clock = (): Date => new Date(nowMs)
    const store = createMemoryEventStore({ clock })
    const ledger = await createLedger({ store, clock, executor: 'stepwise' })
    await withStory({ ledger, store, advance: (ms) => void (nowMs += ms) })
    const types = (await storedEvents(store)).map((event) => event.type)
    expect(types.indexOf('FundsHeld')).toBeLessThan(types.indexOf('PaymentCaptured'))
    expect(orThrow(await ledger.audit())).toMatchObject({ ok: true, eventsChecked: types.length })
  })

  it('audits a namespaced ledger, whose streams carry the namespace', async () => {
    let nowMs = Date.parse('2025-03-03T09:00:00.000Z')
    const clock = (): Date => new Date((nowMs += 1_000))
    const store = createMemoryEventStore({ clock })
    const ledger = await createLedger({ store, clock, namespace: 'tenant-a' })
    await withStory({ ledger, store, advance: () => undefined })
    const report = orThrow(await ledger.audit())
    expect(report).toMatchObject({ ok: true, eventsChecked: STORY.events, streams: STORY.streams })
    expect((await storedEvents(store)).every((event) => event.stream.startsWith('tenant-a.'))).toBe(
      true,
    )
  })
})
