// Proves issue 7 item 1's totality through createLedger on a memory store: a merchant fee rate
// stored before rates were bounded (60 %, forged through the store's own append) lets a 0.01
// payment's fee take the whole payment, and still every query answers for every account while the
// audit reports that rate as `rate_out_of_range`; and the audit's query check reports a projection
// that cannot fold an event as `projection_failed`, once, unless the event already has a finding.
import { describe, expect, it } from 'vitest'
import { createDefinitions } from '../engine/definitions.js'
import type { StoredEvent } from '../ports/eventStore.js'
import {
  auditedLedger,
  codesOf,
  eventOf,
  placesOf,
  rightOf,
  storedEvents,
  withStory,
} from '../../test/audit/__fixtures__/auditedLedger.js'
import { createQueryCheck } from './queryChecks.js'
import { createStreamCheck } from './streamChecks.js'
import { createFindings } from './violations.js'
import { orThrow } from '../ledger/result.js'

const RANGE = { asset: 'USD', from: '1970-01-01T00:00:00Z', to: '9999-12-31T23:59:59.999Z' }

describe('queries over a fee rate stored before rates were bounded', () => {
  it('answers every query for every account, and the audit names the rate', async () => {
    const fixture = await auditedLedger()
    await withStory(fixture)
    const { ledger, store } = fixture
    const at = '2025-03-03T09:00:05.000Z'
    const data = { accountId: 'bob', merchantFeeRate: '60', at }
    await store.append('account-bob', [{ type: 'MerchantFeeRateSet', schemaVersion: 1, data }], {
      expectedRevision: 'any',
    })
    const payment = { payer: 'alice', payee: 'bob', asset: 'USD', amount: '0.01' }
    const paid = rightOf(
      await ledger.pay({ channel: 'merchant_qr', ...payment, idempotencyKey: 'x' }),
    )
    expect(paid.status).toBe('completed')
    const { accounts } = rightOf(await ledger.accounts({ limit: 100 }))
    expect(accounts.map((account) => account.accountId)).toEqual(
      expect.arrayContaining(['alice', 'bob', 'carol']),
    )
    for (const accountId of ['alice', 'bob', 'carol', 'system:fees']) {
      rightOf(await ledger.history(accountId))
      rightOf(await ledger.statement(accountId, RANGE))
      rightOf(await ledger.balances(accountId))
    }
    expect(rightOf(await ledger.balances('system:fees'))['USD']?.available).toBe('0.01')
    expect(rightOf(await ledger.payment(paid.paymentId)).status).toBe('completed')
    expect(orThrow(await ledger.runDue())).toEqual({ expired: 0 })
    const report = orThrow(await ledger.audit())
    expect(codesOf(report)).toEqual(['rate_out_of_range'])
    expect(placesOf(report, 'rate_out_of_range')).toEqual([
      { stream: 'account-bob', revision: '2' },
    ])
  })
})

describe("the audit's query check", () => {
  /** The story's events, decoded, and its payment's capture fed again at a later position. */
  const storyAndReplay = async () => {
    const fixture = await auditedLedger()
    await withStory(fixture)
    const events = await storedEvents(fixture.store)
    const captured = await eventOf(fixture.store, 'payment-', 'PaymentCaptured')
    const last = events[events.length - 1]!
    const replayed: StoredEvent = { ...captured, position: last.position + 1n }
    return { events, replayed }
  }

  it.each([false, true])(
    'reports a projection that cannot fold an event (already reported: %s)',
    async (isReported) => {
      const { events, replayed } = await storyAndReplay()
      const streams = createStreamCheck(createDefinitions(undefined))
      const queries = createQueryCheck()
      const findings = createFindings()
      for (const stored of [...events, replayed, replayed]) {
        const decoded = streams.decode(stored, createFindings())
        if (decoded === undefined) continue
        queries.push(stored, decoded, stored === replayed && isReported, findings)
      }
      const reported = findings.list()
      // The history and open-workflows projections each refuse an entry recorded twice; each is
      // reported once, at the event, and not fed again.
      expect(reported.map((violation) => violation.code)).toEqual(
        isReported ? [] : ['projection_failed', 'projection_failed'],
      )
      for (const violation of reported) {
        expect(violation).toMatchObject({ stream: replayed.stream, revision: '0' })
        expect(violation.message).toContain('recorded twice')
      }
    },
  )
})
