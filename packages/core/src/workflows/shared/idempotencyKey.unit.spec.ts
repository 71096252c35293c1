// Proves an idempotency key that is not well-formed text (a lone UTF-16 surrogate, which has no
// UTF-8 form to derive an id from), empty or too long is refused as invalid_input naming the
// field, and writes nothing, on every money-moving command.
import { describe, expect, it } from 'vitest'
import { limits } from '@wallet-ledger/domain'
import { createLedger } from '../../ledger/createLedger.js'
import { createMemoryEventStore } from '../../store/memoryEventStore.js'

const BAD_KEYS = ['\uD800', 'abc\uDC00', '', 'k'.repeat(limits.IDEMPOTENCY_KEY_LENGTH_MAX + 1)]

describe('idempotency keys', () => {
  it.each(BAD_KEYS.map((key) => [JSON.stringify(key).slice(0, 20), key]))(
    'refuses %s',
    async (_shown, key) => {
      const store = createMemoryEventStore()
      const ledger = await createLedger({ store })
      await ledger.openAccount({ kind: 'user', accountId: 'alice' })
      await ledger.openAccount({ kind: 'user', accountId: 'bob' })
      const head = (await store.readHead()).nextPosition
      const results = await Promise.all([
        ledger.deposit({
          accountId: 'alice',
          asset: 'USD',
          amount: '1.00',
          source: { type: 'card', reference: 'c' },
          idempotencyKey: key,
        }),
        ledger.pay({
          channel: 'p2p',
          payer: 'alice',
          payee: 'bob',
          asset: 'USD',
          amount: '1.00',
          idempotencyKey: key,
        }),
        ledger.convert({
          accountId: 'alice',
          from: { asset: 'USD', amount: '1.00' },
          to: { asset: 'BTC' },
          rate: '0.00001',
          idempotencyKey: key,
        }),
      ])
      for (const result of results) {
        expect(result).toMatchObject({
          _tag: 'Left',
          left: { code: 'invalid_input', details: { path: 'idempotencyKey' } },
        })
      }
      expect((await store.readHead()).nextPosition).toBe(head)
    },
  )
})
