// Proves that tampering with the stored log is reported with the right code at the right stream
// and revision: an edited event, an event dropped in the middle, a dropped tail (invisible to the
// chain alone, caught only with a head kept earlier), reordered events, a deleted stream, rewritten
// hashes, and edits whose chain was recomputed (caught by the journal and order checks instead).
// Each test tampers with a memory store through its test-only hooks, then audits the ledger on it.
//
// The story's log (see withStory), by position: 0 alice opened, 1 bob opened, 2 the deposit,
// 3 bank inflow opened, 4 bank inflow debited, 5 alice credited, 6 the payment, 7 alice debited,
// 8 bob credited, 9 carol opened. Commits: [0], [1], [2..5], [6..8], [9].
import { beforeEach, describe, expect, it } from 'vitest'
import type { JsonValue } from '../ports/eventStore.js'
import { GENESIS_COMMIT_HASH } from '../store/chain.js'
import {
  auditedLedger,
  codesOf,
  eventOf,
  placesOf,
  resealChain,
  withStory,
} from '../../test/audit/__fixtures__/auditedLedger.js'
import type { AuditedLedger } from '../../test/audit/__fixtures__/auditedLedger.js'
import { orThrow } from '../ledger/result.js'
import { memoryTamperOf } from '../store/memoryTamper.js'

let fixture: AuditedLedger
let deposit: string
let payment: string

beforeEach(async () => {
  fixture = await auditedLedger()
  await withStory(fixture)
  deposit = (await eventOf(fixture.store, 'deposit-', 'FundsDeposited')).stream
  payment = (await eventOf(fixture.store, 'payment-', 'PaymentCaptured')).stream
})

const tamper = () => memoryTamperOf(fixture.store)

describe('audit of a tampered log', () => {
  it('reports an event whose data was edited after its hash was taken', async () => {
    tamper().editEventData(6n, {
      ...((await eventOf(fixture.store, 'payment-', 'PaymentCaptured')).data as object),
      amount: '3.00',
    })
    const report = orThrow(await fixture.ledger.audit())
    expect(report.ok).toBe(false)
    expect(codesOf(report)).toEqual(['event_hash_mismatch', 'evolve_failed'])
    expect(placesOf(report, 'event_hash_mismatch')).toEqual([{ stream: payment, revision: '0' }])
    // The payment's own evolve refuses an amount its journal entry does not carry.
    expect(placesOf(report, 'evolve_failed')).toEqual([{ stream: payment, revision: '0' }])
  })

  it('reports an event dropped in the middle: the gap, the broken commit and the lost leg', async () => {
    tamper().dropEvent(5n) // alice's credit from the deposit
    const report = orThrow(await fixture.ledger.audit())
    expect(placesOf(report, 'position_gap')).toEqual([{ stream: payment, revision: '0' }])
    expect(placesOf(report, 'revision_gap')).toEqual([{ stream: 'account-alice', revision: '2' }])
    expect(placesOf(report, 'commit_chain_broken')).toEqual([{ stream: deposit, revision: '0' }])
    expect(placesOf(report, 'leg_not_posted')).toEqual([{ stream: deposit, revision: '0' }])
    expect(placesOf(report, 'balance_negative')).toEqual([
      { stream: 'account-alice', revision: '2' },
    ])
    expect(placesOf(report, 'world_not_zero')).toEqual([{ stream: '(ledger)' }])
  })

  it('misses a dropped tail without a kept head, and reports it with one', async () => {
    const kept = (await fixture.store.readHead()).commitHash
    for (const position of [9n, 8n, 7n, 6n]) tamper().dropEvent(position) // the payment and carol
    const alone = orThrow(await fixture.ledger.audit())
    expect(alone.violations).toEqual([])
    expect(alone.eventsChecked).toBe(6)
    const withHead = orThrow(await fixture.ledger.audit({ expectedHead: kept }))
    expect(withHead.ok).toBe(false)
    expect(withHead.violations).toEqual([
      expect.objectContaining({ code: 'expected_head_missing', stream: '(ledger)' }),
    ])
    expect(withHead.head).not.toBe(kept)
  })

  it('reports a head that was never part of the chain', async () => {
    const report = orThrow(await fixture.ledger.audit({ expectedHead: 'f'.repeat(64) }))
    expect(codesOf(report)).toEqual(['expected_head_missing'])
    expect(orThrow(await fixture.ledger.audit({ expectedHead: GENESIS_COMMIT_HASH })).ok).toBe(true)
  })

  it('reports reordered events by position, by revision and in the chain', async () => {
    tamper().swapEvents(5n, 7n) // alice's credit and debit change places
    const report = orThrow(await fixture.ledger.audit())
    expect(placesOf(report, 'position_out_of_order')).toEqual([
      { stream: payment, revision: '0' },
      { stream: 'account-alice', revision: '1' },
    ])
    expect(placesOf(report, 'revision_out_of_order')).toEqual([
      { stream: 'account-alice', revision: '1' },
    ])
    expect(placesOf(report, 'commit_chain_broken').length).toBeGreaterThan(0)
  })

  it('matches a citation read before its entry when events of one commit are reordered', async () => {
    tamper().swapEvents(6n, 7n) // alice's debit now comes before the payment that records it
    await resealChain(fixture.store)
    const report = orThrow(await fixture.ledger.audit())
    expect(codesOf(report)).toEqual(['position_gap', 'position_out_of_order'])
    expect(placesOf(report, 'position_out_of_order')).toEqual([{ stream: payment, revision: '0' }])
  })

  it('reports a deleted stream through the gaps it leaves and the legs nobody posts', async () => {
    tamper().deleteStream('account-bob')
    const report = orThrow(await fixture.ledger.audit())
    expect(placesOf(report, 'position_gap')).toEqual([
      { stream: deposit, revision: '0' },
      { stream: 'account-carol', revision: '0' },
    ])
    expect(placesOf(report, 'leg_not_posted')).toEqual([{ stream: payment, revision: '0' }])
    expect(report.violations.find((item) => item.code === 'leg_not_posted')?.message).toContain(
      'on bob',
    )
    expect(placesOf(report, 'commit_chain_broken').length).toBeGreaterThan(0)
  })

  it('still reports a deleted stream whose chain was recomputed, and its kept head', async () => {
    const kept = (await fixture.store.readHead()).commitHash
    tamper().deleteStream('account-bob')
    await resealChain(fixture.store)
    const report = orThrow(await fixture.ledger.audit({ expectedHead: kept }))
    expect(codesOf(report)).toEqual([
      'expected_head_missing',
      'leg_not_posted',
      'position_gap',
      'world_not_zero',
    ])
  })
})

describe('audit of rewritten hashes and recomputed chains', () => {
  it('reports an unbalanced entry even when the chain was recomputed over it', async () => {
    const stored = await eventOf(fixture.store, 'payment-', 'PaymentCaptured')
    type Leg = { readonly [key: string]: JsonValue }
    const data = stored.data as { entry: { entryId: string; legs: Leg[] } }
    const legs = [data.entry.legs[0]!, { ...data.entry.legs[1]!, amount: '31.00' }]
    tamper().replaceEvent(6n, { data: { ...data, entry: { ...data.entry, legs } } })
    await resealChain(fixture.store)
    const report = orThrow(await fixture.ledger.audit())
    expect(placesOf(report, 'journal_unbalanced')).toEqual([{ stream: payment, revision: '0' }])
    expect(placesOf(report, 'leg_mismatch')).toEqual([{ stream: 'account-bob', revision: '1' }])
    expect(placesOf(report, 'event_hash_mismatch')).toEqual([])
    expect(placesOf(report, 'commit_chain_broken')).toEqual([])
  })

  it('reports a commit hash that does not chain, and a malformed one, without throwing', async () => {
    tamper().replaceEvent(9n, { commitHash: 'a'.repeat(64) })
    tamper().replaceEvent(1n, { hash: 'not a hash', commitHash: 'not a hash either' })
    const report = orThrow(await fixture.ledger.audit())
    expect(placesOf(report, 'commit_chain_broken')).toEqual([
      { stream: 'account-bob', revision: '0' },
      { stream: deposit, revision: '0' },
      { stream: 'account-carol', revision: '0' },
    ])
    expect(placesOf(report, 'event_hash_mismatch')).toEqual([
      { stream: 'account-bob', revision: '0' },
    ])
    expect(report.head).toBe('a'.repeat(64))
  })

  it('reports time going back, and a recorded-at that is not an instant', async () => {
    tamper().replaceEvent(9n, { recordedAt: '2025-03-03T08:00:00.000Z' })
    tamper().replaceEvent(3n, { recordedAt: 'yesterday' })
    await resealChain(fixture.store)
    const report = orThrow(await fixture.ledger.audit())
    expect(codesOf(report)).toEqual(['recorded_at_backwards', 'recorded_at_invalid'])
    expect(placesOf(report, 'recorded_at_backwards')).toEqual([
      { stream: 'account-carol', revision: '0' },
    ])
    expect(placesOf(report, 'recorded_at_invalid')).toEqual([
      { stream: 'account-world:bank-inflow', revision: '0' },
    ])
  })

  it('reports an event its codec refuses, and the legs it no longer records', async () => {
    tamper().replaceEvent(2n, { data: { depositId: 'x' } })
    await resealChain(fixture.store)
    const report = orThrow(await fixture.ledger.audit())
    expect(placesOf(report, 'codec_failed')).toEqual([{ stream: deposit, revision: '0' }])
    expect(placesOf(report, 'citation_unknown_entry')).toEqual([
      { stream: 'account-world:bank-inflow', revision: '1' },
      { stream: 'account-alice', revision: '1' },
    ])
  })
})
