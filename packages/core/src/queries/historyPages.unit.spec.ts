// Proves `ledger.history` filters and pages through createLedger (memory store, a clock moved by
// hand): the asset, channel and status filters; a cursor that keeps its filters across pages and
// ignores rows added after it; and every rejection (`invalid_input` with `details.path`,
// `account_not_found`).
import { describe, expect, it } from 'vitest'
import type { HistoryEntry, Ledger } from '../ledger/types.js'
import { leftOf, rightOf } from '../../test/workflows/__fixtures__/workflowLedger.js'
import {
  SECOND_MS,
  cast,
  mixed,
  pay,
  rowsOf,
} from '../../test/queries/__fixtures__/historyLedger.js'

describe('history filters', () => {
  it('keeps only the rows of the asset, channel or status asked for', async () => {
    const { ledger } = await mixed()
    const amounts = async (options: Parameters<Ledger['history']>[1]) =>
      rightOf(await ledger.history('alice', options)).entries.map((row) => row.amount)
    expect(await amounts({ asset: 'BTC' })).toEqual(['0.10000000', '0.50000000'])
    expect(await amounts({ channel: 'p2p' })).toEqual(['900.00', '0.10000000', '2.00'])
    expect(await amounts({ status: 'failed' })).toEqual(['900.00'])
    expect(await amounts({ status: 'pending' })).toEqual(['3.00'])
    expect(await amounts({ asset: 'USD', channel: 'p2p', status: 'completed' })).toEqual(['2.00'])
    expect(await amounts({ asset: 'ETH' })).toEqual([])
  })
})

describe('history pages', () => {
  it('pages newest first with a cursor that keeps the filters of the first page', async () => {
    const { ledger } = await mixed()
    const first = rightOf(await ledger.history('alice', { channel: 'p2p', limit: 2 }))
    expect(first.entries.map((row) => row.amount)).toEqual(['900.00', '0.10000000'])
    expect(first.next).toEqual(expect.any(String))
    // The second page names no filter: the cursor carries `channel: 'p2p'`.
    const second = rightOf(await ledger.history('alice', { limit: 2, after: first.next ?? '' }))
    expect(second.entries.map((row) => row.amount)).toEqual(['2.00'])
    expect(second.next).toBeUndefined()
    // Repeating the cursor's own filter is allowed.
    const same = rightOf(
      await ledger.history('alice', { channel: 'p2p', limit: 2, after: first.next ?? '' }),
    )
    expect(same).toEqual(second)
  })

  it('gives no next cursor when the last page is exactly full', async () => {
    const { ledger } = await mixed()
    const all = rightOf(await ledger.history('alice', { status: 'completed' })).entries
    const page = rightOf(await ledger.history('alice', { status: 'completed', limit: all.length }))
    expect(page.entries).toEqual(all)
    expect(page.next).toBeUndefined()
  })

  it('shows rows recorded after the first page on a new first page, never on the next ones', async () => {
    const fixture = await mixed()
    const { ledger } = fixture
    const before = await rowsOf(ledger, 'alice')
    const first = rightOf(await ledger.history('alice', { limit: 3 }))
    fixture.advance(SECOND_MS)
    rightOf(await pay(ledger, '4.00', 'p6'))
    const rest: HistoryEntry[] = []
    let after = first.next
    while (after !== undefined) {
      const page = rightOf(await ledger.history('alice', { limit: 3, after }))
      rest.push(...page.entries)
      after = page.next
    }
    expect([...first.entries, ...rest]).toEqual(before)
    expect((await rowsOf(ledger, 'alice'))[0]?.amount).toBe('4.00')
  })

  it('answers an account without rows with an empty page', async () => {
    const fixture = await cast()
    expect(rightOf(await fixture.ledger.history('bob'))).toEqual({ entries: [] })
  })
})

describe('history rejections', () => {
  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 501 }, 'limit'],
    [{ limit: 1.5 }, 'limit'],
    [{ limit: '10' }, 'limit'],
    [{ channel: 'cash' }, 'channel'],
    [{ status: 'done' }, 'status'],
    [{ after: 'not a cursor' }, 'after'],
    [{ after: 'h1,99999999999999999999,alice,,,' }, 'after'],
    [{ after: '%E0%A4%A' }, 'after'],
    [{ asset: 7 }, 'asset'],
  ])('refuses %j with invalid_input at %s', async (options, path) => {
    const { ledger } = await mixed()
    const error = leftOf(await ledger.history('alice', options as never))
    expect(error.code).toBe('invalid_input')
    expect(error.details?.['path']).toBe(path)
  })

  it("refuses another account's cursor and a cursor with other filters", async () => {
    const { ledger } = await mixed()
    const { next } = rightOf(await ledger.history('alice', { channel: 'p2p', limit: 1 }))
    const after = next ?? ''
    const elsewhere = leftOf(await ledger.history('shop', { limit: 1, after }))
    expect(elsewhere).toMatchObject({ code: 'invalid_input', details: { path: 'after' } })
    const otherFilter = leftOf(await ledger.history('alice', { channel: 'online', after }))
    expect(otherFilter).toMatchObject({ code: 'invalid_input', details: { path: 'after' } })
  })

  it('refuses an account that was never opened, and an empty account id', async () => {
    const fixture = await cast()
    expect(leftOf(await fixture.ledger.history('nobody')).code).toBe('account_not_found')
    expect(leftOf(await fixture.ledger.history('')).code).toBe('invalid_input')
    expect(leftOf(await fixture.ledger.history(undefined as never)).code).toBe('invalid_input')
    expect(leftOf(await fixture.ledger.balances(7 as never)).code).toBe('invalid_input')
  })
})
