// Proves history paging: newest first, `limit` rows a page, filters by asset, channel and status,
// a cursor that carries its filters to the next page and belongs to one account, and every
// `invalid_input` a caller can cause.
import { describe, expect, it } from 'vitest'
import { createLedgerSimulator } from '@wallet-ledger/testing'
import { historyProjection } from './history.js'
import type { HistoryQuery } from './historyPage.js'
import { historyPage } from './historyPage.js'
import { foldProjection } from './projection.js'

const story = () => {
  const sim = createLedgerSimulator()
  sim.open('alice')
  sim.open('bob')
  sim.open('shop', 'merchant')
  sim.deposit('d1', 'alice', 'USD', '100.00')
  sim.deposit('d2', 'alice', 'USDT', '50.000000')
  for (let n = 1; n <= 5; n += 1) {
    sim.pay({ paymentId: `q${n}`, payer: 'alice', payee: 'shop', asset: 'USD', amount: `${n}.00` })
    sim.pay({
      paymentId: `t${n}`,
      payer: 'alice',
      payee: 'bob',
      asset: 'USD',
      amount: `${n}.00`,
      channel: 'p2p',
    })
  }
  sim.pay({
    paymentId: 'big',
    payer: 'alice',
    payee: 'bob',
    asset: 'USD',
    amount: '999.00',
    channel: 'p2p',
  })
  return foldProjection(historyProjection, sim.log)
}

const page = (query: HistoryQuery, accountId = 'alice') => {
  const result = historyPage(story(), accountId, query)
  if (result._tag === 'Left') throw new Error(result.left.message)
  return result.right
}

const rejection = (query: HistoryQuery, accountId = 'alice') => {
  const result = historyPage(story(), accountId, query)
  if (result._tag === 'Right') throw new Error('expected a rejection')
  return result.left
}

describe('historyPage', () => {
  it('returns the newest rows first, limit at a time, until no cursor is left', () => {
    const state = story()
    const ids: string[] = []
    let after: string | undefined
    for (let pages = 0; pages < 10; pages += 1) {
      const result = historyPage(state, 'alice', {
        limit: 4,
        ...(after === undefined ? {} : { after }),
      })
      if (result._tag === 'Left') throw new Error(result.left.message)
      expect(result.right.entries.length).toBeLessThanOrEqual(4)
      ids.push(...result.right.entries.map((entry) => entry.id))
      after = result.right.next
      if (after === undefined) break
    }
    expect(ids).toHaveLength(13)
    expect(new Set(ids).size).toBe(13)
    expect(ids[0]).toBe('payment:big:payer')
    expect(ids[12]).toBe('d1:entry:1')
  })

  it('gives no cursor when the last page is exactly full', () => {
    expect(page({ limit: 13 }).next).toBeUndefined()
    expect(page({ limit: 12 }).next).toBeDefined()
  })

  it('filters by asset, channel and status', () => {
    expect(page({ limit: 50, asset: 'USDT' }).entries.map((entry) => entry.id)).toEqual([
      'd2:entry:1',
    ])
    expect(page({ limit: 50, channel: 'p2p' }).entries).toHaveLength(6)
    expect(page({ limit: 50, status: 'failed' }).entries.map((entry) => entry.paymentId)).toEqual([
      'big',
    ])
    expect(page({ limit: 50, channel: 'p2p', status: 'completed' }).entries).toHaveLength(5)
  })

  it('keeps the filters of the first page on the next ones', () => {
    const first = page({ limit: 2, channel: 'merchant_qr' })
    expect(first.entries.map((entry) => entry.paymentId)).toEqual(['q5', 'q4'])
    const second = page({ limit: 2, after: first.next ?? '' })
    expect(second.entries.map((entry) => entry.paymentId)).toEqual(['q3', 'q2'])
    const third = page({ limit: 2, channel: 'merchant_qr', after: second.next ?? '' })
    expect(third.entries.map((entry) => entry.paymentId)).toEqual(['q1'])
    expect(third.next).toBeUndefined()
  })

  it('has an empty page for an account without history', () => {
    expect(page({ limit: 10 }, 'nobody')).toEqual({ entries: [] })
  })

  it('rejects a limit outside 1 to the page maximum', () => {
    expect(rejection({ limit: 0 })).toMatchObject({
      code: 'invalid_input',
      details: { path: 'limit' },
    })
    expect(rejection({ limit: 501 })).toMatchObject({
      code: 'invalid_input',
      details: { path: 'limit' },
    })
    expect(rejection({ limit: 1.5 })).toMatchObject({
      code: 'invalid_input',
      details: { path: 'limit' },
    })
  })

  it('rejects an unknown channel or status', () => {
    expect(rejection({ limit: 5, channel: 'fax' as never })).toMatchObject({
      details: { path: 'channel' },
    })
    expect(rejection({ limit: 5, status: 'lost' as never })).toMatchObject({
      details: { path: 'status' },
    })
  })

  it('rejects a malformed cursor, one of another account, and one with other filters', () => {
    const next = page({ limit: 2, channel: 'p2p' }).next ?? ''
    expect(rejection({ limit: 2, after: 'garbage' })).toMatchObject({ details: { path: 'after' } })
    expect(rejection({ limit: 2, after: '%E0%A4%A' })).toMatchObject({ details: { path: 'after' } })
    expect(rejection({ limit: 2, after: next.replace('h1', 'h9') })).toMatchObject({
      details: { path: 'after' },
    })
    expect(rejection({ limit: 2, after: next }, 'bob')).toMatchObject({
      details: { path: 'after' },
    })
    expect(rejection({ limit: 2, after: next, channel: 'bill' })).toMatchObject({
      details: { path: 'after' },
    })
    expect(rejection({ limit: 2, after: 'x'.repeat(2000) })).toMatchObject({
      details: { path: 'after' },
    })
  })
})
