// Contract cases for what a store refuses and what it must keep exactly: the append ceilings,
// stream names, event shapes, huge amounts as strings, and a closed store.
import { describe, expect, it } from 'vitest'
import { limits } from '@wallet-ledger/domain'
import {
  expectStoreError,
  newEvent,
  numbered,
  page,
  readEverything,
  recorder,
  type StoreHarness,
} from './fixtures.js'

const HUGE_AMOUNT = '123456789012345678901234567890.123456789012345678'

/** Registers the limit, validation, exactness and lifecycle cases. */
export const limitCases = (harness: StoreHarness): void => {
  describe('limits and validation', () => {
    it('accepts APPEND_EVENTS_MAX events and rejects one more with limit_exceeded', async () => {
      const store = harness.store()
      await store.append('full-1', numbered(limits.APPEND_EVENTS_MAX), {
        expectedRevision: 'no_stream',
      })
      const over = numbered(limits.APPEND_EVENTS_MAX + 1)
      await expectStoreError(
        () => store.append('over-1', over, { expectedRevision: 'any' }),
        'limit_exceeded',
      )
      expect(await page(store.readStream('over-1'))).toEqual([])
    })

    it('counts every write of an appendMany against APPEND_EVENTS_MAX', async (context) => {
      const store = harness.store()
      const appendMany = store.appendMany
      if (appendMany === undefined) return context.skip('this store has no appendMany')
      const half = Math.ceil((limits.APPEND_EVENTS_MAX + 1) / 2)
      const writes = ['a-1', 'b-1'].map((stream) => ({
        stream,
        events: numbered(half),
        expectedRevision: 'any' as const,
      }))
      await expectStoreError(() => appendMany(writes), 'limit_exceeded')
      expect(await readEverything(store)).toEqual([])
    })

    it('rejects an event whose stored bytes exceed EVENT_BYTES_MAX', async () => {
      const store = harness.store()
      const big = newEvent('Big', { text: 'x'.repeat(limits.EVENT_BYTES_MAX) })
      await expectStoreError(
        () => store.append('big-1', [big], { expectedRevision: 'any' }),
        'limit_exceeded',
      )
      // Counted in UTF-8 bytes: a third as many three-byte characters is over the limit too.
      const wide = newEvent('Big', { text: '€'.repeat(Math.ceil(limits.EVENT_BYTES_MAX / 3)) })
      await expectStoreError(
        () => store.append('big-1', [wide], { expectedRevision: 'any' }),
        'limit_exceeded',
      )
      expect(await readEverything(store)).toEqual([])
    })

    it('rejects an empty append with invalid_argument', async () => {
      const store = harness.store()
      await expectStoreError(
        () => store.append('order-1', [], { expectedRevision: 'any' }),
        'invalid_argument',
      )
    })

    it('rejects invalid stream names with invalid_stream_name, on writes and reads', async () => {
      const store = harness.store()
      const tooLong = 'x'.repeat(limits.STREAM_NAME_LENGTH_MAX + 1)
      for (const stream of ['', ' order-1', 'order 1', '$all', 'order/1', '-order', tooLong]) {
        await expectStoreError(
          () => store.append(stream, numbered(1), { expectedRevision: 'any' }),
          'invalid_stream_name',
        )
        await expectStoreError(() => page(store.readStream(stream)), 'invalid_stream_name')
      }
      expect(await readEverything(store)).toEqual([])
    })

    it('accepts namespaced and system stream names up to STREAM_NAME_LENGTH_MAX', async () => {
      const store = harness.store()
      const longest = 'x'.repeat(limits.STREAM_NAME_LENGTH_MAX)
      for (const stream of ['acme.account-system:fees', 'payment-0190f0c2-7a1b', 'A_1', longest]) {
        await store.append(stream, numbered(1), { expectedRevision: 'no_stream' })
        expect(await page(store.readStream(stream))).toHaveLength(1)
      }
    })

    it('rejects data that is not JSON-safe and malformed types or versions, writing nothing', async () => {
      const store = harness.store()
      const bad = [
        newEvent('Amount', { amount: 10n }),
        newEvent('Amount', { amount: Number.NaN }),
        newEvent('Amount', { at: new Date(0) }),
        newEvent('Amount', [1, undefined]),
        newEvent('', {}),
        newEvent('has space', {}),
        { type: 'Amount', schemaVersion: 0, data: {} },
        { type: 'Amount', schemaVersion: 1.5, data: {} },
      ]
      for (const event of bad) {
        const events = [newEvent('Fine'), event]
        await expectStoreError(
          () => store.append('bad-1', events, { expectedRevision: 'any' }),
          'invalid_argument',
        )
      }
      expect(await readEverything(store)).toEqual([])
    })

    it('rejects metadata ids that are empty or longer than ENVELOPE_ID_LENGTH_MAX', async () => {
      const store = harness.store()
      const long = 'c'.repeat(limits.ENVELOPE_ID_LENGTH_MAX + 1)
      await expectStoreError(
        () => store.append('order-1', numbered(1), { expectedRevision: 'any', actor: '' }),
        'invalid_argument',
      )
      await expectStoreError(
        () =>
          store.append('order-1', numbered(1), { expectedRevision: 'any', correlationId: long }),
        'limit_exceeded',
      )
      expect(await readEverything(store)).toEqual([])
    })
  })

  describe('exactness', () => {
    it('keeps huge amounts and unusual text byte-exact through every read', async () => {
      const store = harness.store()
      const data = {
        amount: HUGE_AMOUNT,
        asset: 'BTC',
        memo: 'café ☕ 你好 \u2028 "quoted" \\ 😀',
        nested: { zero: 0, negative: -1, big: 9007199254740991, flag: true, none: null },
      }
      const live = recorder()
      const subscription = store.subscribeToAll({ fromPosition: 0n }, live.handler)
      await store.append('payment-1', [newEvent('PaymentCaptured', data)], {
        expectedRevision: 'no_stream',
      })
      await live.until(1)
      await subscription.close()
      const [fromStream] = await page(store.readStream('payment-1'))
      const [fromAll] = await page(store.readAll())
      for (const event of [fromStream, fromAll, live.seen[0]]) {
        expect(event?.data).toEqual(data)
        expect((event?.data as { amount?: unknown }).amount).toBe(HUGE_AMOUNT)
      }
    })
  })

  describe('a closed store', () => {
    it('rejects every call with store_closed, and closing again is harmless', async () => {
      const store = harness.store()
      await store.append('order-1', numbered(1), { expectedRevision: 'no_stream' })
      await store.close()
      await store.close()
      const calls: (() => unknown)[] = [
        () => store.append('order-1', numbered(1), { expectedRevision: 'any' }),
        () => page(store.readStream('order-1')),
        () => page(store.readAll()),
        () => store.readHead(),
        () => store.subscribeToAll({}, () => undefined),
      ]
      const appendMany = store.appendMany
      if (appendMany !== undefined) {
        calls.push(() =>
          appendMany([{ stream: 'a-1', events: numbered(1), expectedRevision: 'any' }]),
        )
      }
      if (store.readSnapshot !== undefined) calls.push(() => store.readSnapshot?.('order-1'))
      const { readSnapshots } = store
      if (readSnapshots !== undefined) calls.push(() => page(readSnapshots()))
      for (const call of calls) await expectStoreError(call, 'store_closed')
    })
  })
}
