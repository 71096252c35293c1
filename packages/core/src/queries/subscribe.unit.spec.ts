// Proves the subscription object: caughtUp resolves once what was stored is handled; a handler
// that throws is tried again per the retry policy and, when it recovers, nothing is lost; when
// every attempt fails the subscription ends at that notification and onError gets the error and
// the notification (and hooks.onError too); close() stops deliveries. Backoffs are 0: no timers.
import { describe, expect, it } from 'vitest'
import { createLedger } from '../ledger/createLedger.js'
import { orThrow } from '../ledger/result.js'
import type { Notification } from '../ledger/types.js'

const ledgerWithEvents = async (hooks = {}) => {
  const ledger = await createLedger({ hooks })
  for (const accountId of ['a1', 'a2', 'a3'])
    orThrow(await ledger.openAccount({ accountId, kind: 'user' }))
  return ledger
}

describe('the subscription', () => {
  it('signals caught up once every stored notification was handled, and close stops it', async () => {
    const ledger = await ledgerWithEvents()
    const seen: string[] = []
    const subscription = orThrow(await ledger.subscribe((n) => void seen.push(n.position)))
    await subscription.caughtUp
    expect(seen).toEqual(['0', '1', '2'])
    await subscription.close()
    orThrow(await ledger.openAccount({ accountId: 'a4', kind: 'user' }))
    await subscription.done
    expect(seen).toEqual(['0', '1', '2'])
  })

  it('retries a throwing handler per the policy and goes on when it recovers', async () => {
    const ledger = await ledgerWithEvents()
    const tries: string[] = []
    const handler = (n: Notification) => {
      tries.push(n.position)
      // The second notification fails twice, then succeeds on the third attempt.
      if (n.position === '1' && tries.filter((p) => p === '1').length < 3) throw new Error('flaky')
    }
    const errors: unknown[] = []
    const subscription = orThrow(
      await ledger.subscribe(handler, {
        retry: { attempts: 3, backoffMs: 0 },
        onError: (error) => void errors.push(error),
      }),
    )
    await subscription.caughtUp
    await subscription.close()
    expect(tries).toEqual(['0', '1', '1', '1', '2'])
    expect(errors).toEqual([])
  })

  it('ends at the notification whose attempts all fail, reporting it to onError and the hook', async () => {
    const hooked: unknown[] = []
    const ledger = await ledgerWithEvents({ onError: (info: unknown) => void hooked.push(info) })
    const failure = new Error('handler bug')
    const tries: string[] = []
    const reported: { error: unknown; position: string | undefined }[] = []
    const subscription = orThrow(
      await ledger.subscribe(
        (n) => {
          tries.push(n.position)
          if (n.position === '1') throw failure
        },
        {
          retry: { attempts: 2, backoffMs: 0 },
          onError: (error, n) => void reported.push({ error, position: n?.position }),
        },
      ),
    )
    await subscription.done
    await expect(subscription.caughtUp).rejects.toBe(failure)
    expect(tries).toEqual(['0', '1', '1'])
    expect(reported).toEqual([{ error: failure, position: '1' }])
    expect(hooked).toEqual([{ command: 'subscribe', error: failure }])
  })

  it('without a retry policy, tries a handler once', async () => {
    const ledger = await ledgerWithEvents()
    let tries = 0
    const subscription = orThrow(
      await ledger.subscribe(() => {
        tries += 1
        throw new Error('always')
      }),
    )
    await subscription.done
    expect(tries).toBe(1)
  })
})
