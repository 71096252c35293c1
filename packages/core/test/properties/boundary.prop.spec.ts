// Proves issue 7's boundary rule on every public method of the Ledger: fast-check calls each with
// generated garbage (a field replaced by a bigint, a symbol, NaN, -0, a Date invalid or outside
// 1970..9999, a lone surrogate, text or nesting over the limits, a Proxy, a throwing getter,
// prototype keys; a malformed amount like '1e3' or '１２'; a required field removed; an unknown
// field at any depth; the whole input replaced). Each call must answer, never throw or reject: a
// Left with a stable code, a field path and a message without type names (runDue and audit too);
// the store's head is unchanged and Object.prototype is not polluted.
import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ERROR_CODES } from '@wallet-ledger/domain'
import { arbHostileInput } from '@wallet-ledger/testing'
import { createLedger } from '../../src/ledger/createLedger.js'
import type { Ledger } from '../../src/ledger/types.js'
import { createMemoryEventStore } from '../../src/store/memoryEventStore.js'
import type { MemoryEventStore } from '../../src/store/memoryEventStore.js'
import { NOT_CALLED, boundaryCalls } from './__fixtures__/boundaryCalls.js'
import type { BoundaryCall, StoryIds } from './__fixtures__/boundaryCalls.js'
import { orThrow } from '../../src/ledger/result.js'

const NUM_RUNS = 1_500
const seedOption = (): { seed?: number } => {
  const seed = process.env['PROPERTY_SEED']
  return seed === undefined ? {} : { seed: Number(seed) }
}

// Names of codecs and types a message for people must not show.
const TYPE_NAMES =
  /\b(CallerId|AccountId|AssetCode|DecimalString|IsoInstant|LocalDate|Sha256Hex|Percent|Rate|EngineId|IdempotencyKey|Metadata|Instant|Authorization|Destination|Discount|AmountText|AssetText|String\(|Do not know)/
const ALL_CODES: ReadonlySet<string> = new Set(ERROR_CODES)

const NOW = '2026-11-27T09:00:00.000Z'

/** A ledger with a payment, a withdrawal, a dispute and a conversion the inputs can name. */
const story = async (): Promise<{ ledger: Ledger; store: MemoryEventStore; ids: StoryIds }> => {
  const store = createMemoryEventStore()
  const ledger = await createLedger({ store, clock: () => new Date(NOW) })
  const ok = <T>(result: { _tag: string; right?: T }): T => {
    expect(result, JSON.stringify(result)).toMatchObject({ _tag: 'Right' })
    return result.right as T
  }
  for (const accountId of ['alice', 'bob'])
    ok(await ledger.openAccount({ kind: 'user', accountId }))
  const source = { type: 'card', reference: 'r' } as const
  const funds = { asset: 'USD', amount: '100.00', source }
  ok(await ledger.deposit({ accountId: 'alice', ...funds, idempotencyKey: 'seed-a' }))
  ok(await ledger.deposit({ accountId: 'bob', ...funds, idempotencyKey: 'seed-b' }))
  const payment = { channel: 'p2p', payer: 'alice', payee: 'bob', asset: 'USD' } as const
  const paid = ok(await ledger.pay({ ...payment, amount: '10.00', idempotencyKey: 'p1' }))
  const held = ok(
    await ledger.pay({
      ...payment,
      channel: 'online',
      amount: '5.00',
      capture: 'manual',
      idempotencyKey: 'p2',
    }),
  )
  const dispute = ok(
    await ledger.openDispute({
      paymentId: paid.paymentId,
      reason: 'duplicate',
      idempotencyKey: 'o1',
    }),
  )
  const withdrawal = ok(
    await ledger.requestWithdrawal({
      accountId: 'alice',
      asset: 'USD',
      amount: '1.00',
      destination: { type: 'bank_account', bank: 'ACME', accountNumber: '12345678' },
      idempotencyKey: 'w1',
    }),
  )
  const conversion = ok(
    await ledger.convert({
      accountId: 'alice',
      from: { asset: 'USD', amount: '1.00' },
      to: { asset: 'USDT' },
      rate: '1',
      idempotencyKey: 'c1',
    }),
  )
  const ids: StoryIds = {
    paymentId: held.paymentId,
    withdrawalId: withdrawal.withdrawalId,
    disputeId: dispute.disputeId,
    conversionId: conversion.conversionId,
    now: NOW,
    head: orThrow(await ledger.audit()).head,
  }
  return { ledger, store, ids }
}

type Outcome = { kind: 'resolved'; value: unknown } | { kind: 'rejected' | 'threw'; value: unknown }

const settle = async (run: () => Promise<unknown>): Promise<Outcome> => {
  let pending: Promise<unknown>
  try {
    pending = run()
  } catch (error) {
    return { kind: 'threw', value: error }
  }
  try {
    return { kind: 'resolved', value: await pending }
  } catch (error) {
    return { kind: 'rejected', value: error }
  }
}

/** The error a call answered: the Left of its Either (every method, runDue and audit too). */
const errorOf = (outcome: Outcome) => {
  expect(outcome.kind, 'a method resolves for any input').toBe('resolved')
  const result = outcome.value as { _tag?: string; left?: Record<string, unknown> }
  expect(result._tag, 'bad input answers a Left').toBe('Left')
  return result.left as { code?: unknown; message?: unknown; details?: Record<string, unknown> }
}

const prototypeNames = (): string =>
  [Object.prototype, Array.prototype, Function.prototype]
    .map((prototype) => Object.getOwnPropertyNames(prototype).sort().join(','))
    .join('|')

describe('every public method, given garbage', () => {
  let fixture: Awaited<ReturnType<typeof story>>
  let calls: BoundaryCall[]
  beforeAll(async () => {
    fixture = await story()
    calls = boundaryCalls(fixture.ids)
  })

  it('covers every public method of the Ledger that takes input', () => {
    const covered = new Set<string>(calls.map((call) => call.method))
    const missing = Object.keys(fixture.ledger).filter(
      (name) => !covered.has(name) && !NOT_CALLED.has(name),
    )
    expect(missing).toEqual([])
  })

  it(
    'answers a Left with a stable code and a path, writes nothing, pollutes nothing',
    { timeout: 60_000 },
    async () => {
      const arbCall = fc.integer({ min: 0, max: calls.length - 1 }).chain((index) => {
        const call = calls[index] as BoundaryCall
        return arbHostileInput(call.shape).map((hostile) => ({ call, hostile }))
      })
      const prototypes = prototypeNames()
      await fc.assert(
        fc.asyncProperty(arbCall, async ({ call, hostile }) => {
          const before = await fixture.store.readHead()
          const outcome = await settle(() => call.call(fixture.ledger, hostile.input))
          const error = errorOf(outcome)
          expect(ALL_CODES.has(String(error.code)), `code ${String(error.code)}`).toBe(true)
          const path = error.details?.['path']
          expect(typeof path === 'string' && path.length > 0, 'details.path').toBe(true)
          expect(typeof error.message === 'string' && error.message.length > 0).toBe(true)
          expect(String(error.message)).not.toMatch(TYPE_NAMES)
          expect(() => JSON.stringify(error.details)).not.toThrow()
          expect(await fixture.store.readHead()).toEqual(before)
          expect(prototypeNames()).toBe(prototypes)
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
        }),
        { numRuns: NUM_RUNS, ...seedOption() },
      )
    },
  )
})
