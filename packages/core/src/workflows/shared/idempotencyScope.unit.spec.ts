// Proves idempotency keys are scoped per kind of command, and that the refusal says so: one key
// names a deposit, a payment and a refund at once; the same key for a second payment with other
// fields is idempotency_key_reused with a message naming the scope.
import { describe, expect, it } from 'vitest'
import { createLedger } from '../../ledger/createLedger.js'
import { orThrow } from '../../ledger/result.js'

describe('idempotency key scope', () => {
  it('lets one key name commands of different kinds, and explains a reuse', async () => {
    const ledger = await createLedger()
    orThrow(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
    orThrow(await ledger.openAccount({ accountId: 'bob', kind: 'user' }))
    const key = 'order-42'
    const source = { type: 'card' as const, reference: 'c1' }
    orThrow(
      await ledger.deposit({
        accountId: 'alice',
        asset: 'USD',
        amount: '50.00',
        source,
        idempotencyKey: key,
      }),
    )
    const payment = { channel: 'p2p' as const, payer: 'alice', payee: 'bob', asset: 'USD' }
    const { paymentId } = orThrow(
      await ledger.pay({ ...payment, amount: '10.00', idempotencyKey: key }),
    )
    orThrow(await ledger.refund({ paymentId, amount: '1.00', idempotencyKey: key }))
    const reused = await ledger.pay({ ...payment, amount: '11.00', idempotencyKey: key })
    expect(reused._tag === 'Left' && reused.left.code).toBe('idempotency_key_reused')
    expect(reused._tag === 'Left' && reused.left.message).toMatch(/scoped per kind of command/)
  })
})
