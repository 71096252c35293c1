// Proves the user's hooks through createLedger (memory store, a clock moved by hand): onCommand
// hears every command, once, with its name, a duration of 0 ms or more and its outcome (`ok`, or
// `rejected` with the error's code), and no read; a hook that throws fails no command; a store
// whose appends reject reaches onError with the command's name and the store's error, and the
// command still rejects with that error; a subscriber whose handler throws reaches onError too.
import { describe, expect, it } from 'vitest'
import { assert } from '@wallet-ledger/domain'
import { storeError } from '../ports/storeError.js'
import type { EventStore } from '../ports/eventStore.js'
import { createMemoryEventStore } from '../store/memoryEventStore.js'
import { leftOf, rightOf } from '../../test/workflows/__fixtures__/workflowLedger.js'
import { createLedger } from './createLedger.js'
import type { LedgerHooks } from './types.js'
import { orThrow } from './result.js'

const START_MS = Date.parse('2025-03-03T09:00:00.000Z')
const clock = () => new Date(START_MS)

type CommandInfo = Parameters<NonNullable<LedgerHooks['onCommand']>>[0]
type ErrorInfo = Parameters<NonNullable<LedgerHooks['onError']>>[0]

/** A memory store whose appends reject with `store_unavailable` once `fail()` is called. */
const breakableStore = (): { store: EventStore; fail: () => void } => {
  const inner = createMemoryEventStore({ clock })
  let isFailing = false
  const unavailable = () => storeError('store_unavailable', 'the disk is gone (test)')
  const appendMany = inner.appendMany
  assert(appendMany !== undefined, 'the memory store appends atomically')
  const store: EventStore = {
    ...inner,
    append: (...args) => (isFailing ? Promise.reject(unavailable()) : inner.append(...args)),
    appendMany: (writes) => (isFailing ? Promise.reject(unavailable()) : appendMany(writes)),
  }
  return { store, fail: () => (isFailing = true) }
}

const deposit = (accountId: string, amount: string, key: string) => ({
  accountId,
  asset: 'USD',
  amount,
  source: { type: 'bank_transfer' as const, reference: key },
  idempotencyKey: key,
})

describe('onCommand', () => {
  it('hears every command with its outcome and duration, and no read', async () => {
    const heard: CommandInfo[] = []
    const ledger = await createLedger({ clock, hooks: { onCommand: (info) => heard.push(info) } })
    rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
    rightOf(await ledger.openAccount({ accountId: 'shop', kind: 'merchant' }))
    rightOf(await ledger.deposit(deposit('alice', '10.00', 'd1')))
    leftOf(await ledger.deposit(deposit('alice', '1.001', 'd2')))
    leftOf(
      await ledger.pay({
        channel: 'merchant_qr',
        payer: 'alice',
        payee: 'shop',
        asset: 'USD',
        amount: '11.00',
        idempotencyKey: 'p1',
      }),
    )
    orThrow(await ledger.runDue())
    // Reads are not commands.
    rightOf(await ledger.balances('alice'))
    rightOf(await ledger.history('alice'))
    rightOf(await ledger.account('alice'))
    rightOf(await ledger.accounts())
    orThrow(await ledger.audit())
    expect(heard.map(({ command, outcome, code }) => ({ command, outcome, code }))).toEqual([
      { command: 'openAccount', outcome: 'ok', code: undefined },
      { command: 'openAccount', outcome: 'ok', code: undefined },
      { command: 'deposit', outcome: 'ok', code: undefined },
      { command: 'deposit', outcome: 'rejected', code: 'amount_precision_exceeded' },
      { command: 'pay', outcome: 'rejected', code: 'insufficient_balance' },
      { command: 'runDue', outcome: 'ok', code: undefined },
    ])
    for (const info of heard) {
      expect(Number.isFinite(info.durationMs)).toBe(true)
      expect(info.durationMs).toBeGreaterThanOrEqual(0)
    }
    expect(heard.filter((info) => info.outcome === 'ok').every((info) => !('code' in info))).toBe(
      true,
    )
  })

  it('lets a command succeed when a hook throws', async () => {
    const ledger = await createLedger({
      clock,
      hooks: {
        onCommand: () => {
          throw new Error('metrics backend down')
        },
        onAppend: () => {
          throw new Error('tracing backend down')
        },
      },
    })
    rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
    rightOf(await ledger.deposit(deposit('alice', '10.00', 'd1')))
    expect(rightOf(await ledger.balances('alice'))['USD']?.total).toBe('10.00')
  })
})

describe('onError', () => {
  it('receives a store failure with the command, which still rejects with it', async () => {
    const { store, fail } = breakableStore()
    const errors: ErrorInfo[] = []
    const commands: CommandInfo[] = []
    const ledger = await createLedger({
      store,
      clock,
      hooks: { onError: (info) => errors.push(info), onCommand: (info) => commands.push(info) },
    })
    rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
    fail()
    await expect(ledger.deposit(deposit('alice', '10.00', 'd1'))).rejects.toMatchObject({
      code: 'store_unavailable',
    })
    expect(errors).toEqual([
      { command: 'deposit', error: expect.objectContaining({ code: 'store_unavailable' }) },
    ])
    expect(commands.map((info) => info.command)).toEqual(['openAccount'])
  })

  it('lets the store failure through when onError itself throws', async () => {
    const { store, fail } = breakableStore()
    const ledger = await createLedger({
      store,
      clock,
      hooks: {
        onError: () => {
          throw new Error('alerting down')
        },
      },
    })
    fail()
    await expect(ledger.openAccount({ accountId: 'alice', kind: 'user' })).rejects.toMatchObject({
      code: 'store_unavailable',
    })
  })

  it("receives a subscriber's failing handler as a 'subscribe' error", async () => {
    const failure = new Error('handler bug')
    const reported = new Promise<ErrorInfo>((resolve) => {
      void createLedger({ clock, hooks: { onError: resolve } }).then(async (ledger) => {
        rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
        await ledger.subscribe(() => {
          throw failure
        })
      })
    })
    expect(await reported).toEqual({ command: 'subscribe', error: failure })
  })

  it('leaves no unhandled rejection when onError throws for a failing subscriber', async () => {
    const unhandled: unknown[] = []
    const listener = (reason: unknown) => void unhandled.push(reason)
    process.on('unhandledRejection', listener)
    try {
      const reported = new Promise<void>((resolve) => {
        const onError = () => {
          resolve()
          throw new Error('alerting down')
        }
        void createLedger({ clock, hooks: { onError } }).then(async (ledger) => {
          rightOf(await ledger.openAccount({ accountId: 'alice', kind: 'user' }))
          await ledger.subscribe(() => {
            throw new Error('handler bug')
          })
        })
      })
      await reported
      // Node reports an unhandled rejection once the microtasks have run: one macrotask later.
      await new Promise((resolve) => setImmediate(resolve))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', listener)
    }
  })
})
