// Proves the audit streams in bounded memory: over the same accounts, ten times the events leaves
// every retained count (balances, open items, held stream states, history rows) the same, and only
// one record per workflow stream and settled entry is added; parking finished workflows changes no
// report (streams read back from the store give the same findings); progress counts every event.
import { describe, expect, it } from 'vitest'
import { builtInAssetRegistry } from '@wallet-ledger/domain'
import { createDefinitions } from '../engine/definitions.js'
import { orThrow } from '../ledger/result.js'
import type { AuditReport } from '../ledger/types.js'
import type { MemoryEventStore } from '../store/memoryEventStore.js'
import { iterateAll, iterateStream } from '../store/paging.js'
import { auditedLedger, eventOf, rightOf } from '../../test/audit/__fixtures__/auditedLedger.js'
import type { AuditedLedger } from '../../test/audit/__fixtures__/auditedLedger.js'
import { createAuditor } from './auditor.js'
import type { AuditorOptions, RetainedEntries } from './auditor.js'
import { auditStore } from './auditStore.js'
import type { AuditProgress } from './auditStore.js'
import { loadSnapshotCheck } from './snapshotChecks.js'

const ACCOUNTS = ['a1', 'a2', 'a3', 'a4'] as const
const KEPT_MAX = 8
const HISTORY_MAX = 100

/** Audits `store` as auditStore does, and the largest count of each kind held at any event. */
const auditWith = async (
  store: MemoryEventStore,
  options: AuditorOptions,
): Promise<{ report: AuditReport; peak: RetainedEntries }> => {
  const deps = { definitions: createDefinitions(undefined), registry: builtInAssetRegistry() }
  const auditor = createAuditor(deps, await loadSnapshotCheck(store), options)
  const read = (stream: string) => iterateStream(store, stream)
  let peak: Record<string, number> = {}
  for await (const stored of iterateAll(store)) {
    await auditor.prepare(stored, read)
    auditor.push(stored)
    const now: Record<string, number> = auditor.retained()
    peak = Object.fromEntries(
      Object.entries(now).map(([kind, count]) => [kind, Math.max(count, peak[kind] ?? 0)]),
    )
  }
  return { report: auditor.end(), peak: peak as RetainedEntries }
}

const fundedAccounts = async ({ ledger }: AuditedLedger): Promise<void> => {
  for (const accountId of ACCOUNTS) {
    rightOf(await ledger.openAccount({ accountId, kind: 'user' }))
    const source = { type: 'bank_transfer' as const, reference: `r-${accountId}` }
    const deposit = { accountId, asset: 'USD', amount: '100000.00', source }
    rightOf(await ledger.deposit({ ...deposit, idempotencyKey: `d-${accountId}` }))
  }
}

/** `count` P2P transfers around the four accounts (three events each). */
const transfers = async ({ ledger }: AuditedLedger, count: number): Promise<void> => {
  for (let index = 0; index < count; index += 1) {
    const payer = ACCOUNTS[index % ACCOUNTS.length]!
    const payee = ACCOUNTS[(index + 1) % ACCOUNTS.length]!
    const payment = { channel: 'p2p' as const, payer, payee, asset: 'USD', amount: '0.01' }
    rightOf(await ledger.pay({ ...payment, idempotencyKey: `p-${index}` }))
  }
}

describe('the memory an audit holds', () => {
  it('does not grow with the events of the same accounts: only a record per workflow', async () => {
    const runs = []
    for (const count of [660, 6_670]) {
      const fixture = await auditedLedger()
      await fundedAccounts(fixture)
      await transfers(fixture, count)
      const options = { statesKeptMax: KEPT_MAX, historyEventsMax: HISTORY_MAX }
      const run = await auditWith(fixture.store, options)
      expect(run.report.ok).toBe(true)
      runs.push({ count, ...run })
    }
    const [small, large] = runs
    expect(large!.report.eventsChecked).toBeGreaterThanOrEqual(20_000)
    expect(small!.report.eventsChecked).toBeLessThan(2_100)
    const { streams: _s, settled: _e, ...bounded } = large!.peak
    const { streams: _t, settled: _f, ...boundedSmall } = small!.peak
    // Balances, open items, held states and history rows: the same peak for ten times the events.
    expect(bounded).toEqual(boundedSmall)
    expect(bounded.streamStates).toBeLessThanOrEqual(ACCOUNTS.length + 1 + KEPT_MAX)
    expect(bounded.history).toBeLessThan(HISTORY_MAX)
    // One stream and one settled entry per added transfer, nothing per event.
    const added = large!.count - small!.count
    expect(large!.peak.streams - small!.peak.streams).toBe(added)
    expect(large!.peak.settled - small!.peak.settled).toBe(added)
  }, 120_000)

  it('does not grow at all with events on a fixed set of streams', async () => {
    const peaks = []
    for (const rounds of [100, 1_000]) {
      const fixture = await auditedLedger()
      await fundedAccounts(fixture)
      await transfers(fixture, 20)
      for (let round = 0; round < rounds; round += 1) {
        const accountId = ACCOUNTS[round % ACCOUNTS.length]!
        rightOf(await fixture.ledger.freezeAccount({ accountId, reason: 'fraud check' }))
        rightOf(await fixture.ledger.unfreezeAccount({ accountId, verification: 'id card' }))
      }
      const options = { statesKeptMax: KEPT_MAX, historyEventsMax: HISTORY_MAX }
      const run = await auditWith(fixture.store, options)
      expect(run.report.ok).toBe(true)
      peaks.push(run.peak)
    }
    // The longer run has written account snapshots: at most one waits per account.
    const [{ snapshots: few, ...small }, { snapshots: more, ...large }] = peaks as [
      RetainedEntries,
      RetainedEntries,
    ]
    expect(large).toEqual(small)
    expect(few).toBe(0)
    expect(more).toBeLessThanOrEqual(ACCOUNTS.length)
  }, 120_000)
})

describe('parked workflow streams', () => {
  /** Manual payments captured in reverse order, refunds of the oldest, and one forged capture. */
  const parkingStory = async (isForged: boolean): Promise<AuditedLedger> => {
    const fixture = await auditedLedger()
    await fundedAccounts(fixture)
    const { ledger } = fixture
    rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant' }))
    const ids: string[] = []
    for (let index = 0; index < 12; index += 1) {
      const payment = { channel: 'online' as const, payer: 'a1', payee: 'shop', asset: 'USD' }
      const paid = await ledger.pay({
        ...payment,
        amount: '5.00',
        capture: 'manual',
        idempotencyKey: `m-${index}`,
      })
      ids.push(rightOf(paid).paymentId)
    }
    for (const paymentId of [...ids].reverse()) rightOf(await ledger.capturePayment({ paymentId }))
    for (const paymentId of ids.slice(0, 3)) {
      rightOf(await ledger.refund({ paymentId, amount: '1.00', idempotencyKey: `r-${paymentId}` }))
    }
    if (!isForged) return fixture
    // A capture appended again, out of band, to the first payment's stream (long parked by then).
    const first = await eventOf(fixture.store, `payment-${ids[0]!}`, 'PaymentCaptured')
    const { type, schemaVersion, data } = first
    await fixture.store.append(first.stream, [{ type, schemaVersion, data }], {
      expectedRevision: 'any',
    })
    return fixture
  }

  it('replays parked payments from the store: their refunds audit clean', async () => {
    const { store } = await parkingStory(false)
    const parked = await auditWith(store, { statesKeptMax: 1 })
    expect(parked.report.violations).toEqual([])
    expect(parked.peak.streamStates).toBeLessThanOrEqual(ACCOUNTS.length + 3)
    expect(await auditWith(store, { statesKeptMax: Number.MAX_SAFE_INTEGER })).toMatchObject({
      report: parked.report,
    })
  }, 60_000)

  it('gives the report of an audit that holds every state, forged capture included', async () => {
    const { store } = await parkingStory(true)
    const parked = await auditWith(store, { statesKeptMax: 1 })
    const held = await auditWith(store, { statesKeptMax: Number.MAX_SAFE_INTEGER })
    expect(parked.report).toEqual(held.report)
    const [finding, ...others] = parked.report.violations
    expect(others).toEqual([])
    expect(finding).toMatchObject({ code: 'entry_recorded_twice', revision: '3' })
    expect(parked.peak.streamStates).toBeLessThan(held.peak.streamStates)
  }, 60_000)

  it('is what auditStore does on a store that reads streams, and the ledger agrees', async () => {
    const fixture = await parkingStory(true)
    const deps = { store: fixture.store, definitions: createDefinitions(undefined) }
    const streamless = { ...deps, store: { readAll: fixture.store.readAll } }
    const registry = builtInAssetRegistry()
    const report = await auditStore({ ...deps, registry })
    expect(await auditStore({ ...streamless, registry })).toEqual(report)
    expect(orThrow(await fixture.ledger.audit())).toEqual(report)
  }, 60_000)
})

describe('audit progress', () => {
  it('reports every page and the end, with the total the store held', async () => {
    const fixture = await auditedLedger()
    await fundedAccounts(fixture)
    await transfers(fixture, 5)
    const total = Number((await fixture.store.readHead()).nextPosition)
    const seen: AuditProgress[] = []
    const deps = { store: fixture.store, definitions: createDefinitions(undefined) }
    const registry = builtInAssetRegistry()
    const report = await auditStore(
      { ...deps, registry },
      { pageSize: 4, onProgress: (progress) => seen.push(progress) },
    )
    const pages = Math.floor(total / 4)
    expect(seen).toEqual([
      { eventsChecked: 0, eventsTotal: total },
      ...Array.from({ length: pages }, (_, page) => ({
        eventsChecked: (page + 1) * 4,
        eventsTotal: total,
      })),
      { eventsChecked: total, eventsTotal: total },
    ])
    expect(report.eventsChecked).toBe(total)
    const streamless = { ...deps, registry, store: { readAll: fixture.store.readAll } }
    const counted: AuditProgress[] = []
    await auditStore(streamless, { onProgress: (progress) => counted.push(progress) })
    expect(counted).toEqual([{ eventsChecked: 0 }, { eventsChecked: total }])
  })
})
