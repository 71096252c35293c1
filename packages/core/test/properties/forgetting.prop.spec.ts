// Proves forgetting is invisible to the money: over generated histories (payments, withdrawals)
// with owners forgotten at random points, every command answers as in the run where nobody was
// forgotten, balances and audit are equal, every value sealed for a forgotten owner before their
// forgetting reads erased, and every other sealed value (theirs afterwards, anyone else's) opens.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLedger } from '../../src/ledger/createLedger.js'
import { orThrow } from '../../src/ledger/result.js'
import type { Ledger } from '../../src/ledger/types.js'
import { createMemoryKeyVault } from '../../src/privacy/keyVault.js'
import type { KeyVault } from '../../src/privacy/keyVault.js'
import { openForOwner } from '../../src/privacy/ownerKeys.js'
import { createMemoryEventStore } from '../../src/store/memoryEventStore.js'
import type { EventStore } from '../../src/ports/eventStore.js'

const NUM_RUNS = 30
const OWNERS = ['ann', 'ben', 'cai'] as const
const VERIFIED = { method: 'two_factor', verified: true } as const

type Step =
  | { kind: 'pay'; from: number; to: number; cents: bigint }
  | { kind: 'withdraw'; who: number; cents: bigint }
  | { kind: 'forget'; who: number }

const who = fc.integer({ min: 0, max: OWNERS.length - 1 })
const cents = fc.bigInt({ min: 1n, max: 6_000n })
const arbStep: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('pay' as const), from: who, to: who, cents }),
  fc.record({ kind: fc.constant('withdraw' as const), who, cents }),
  fc.record({ kind: fc.constant('forget' as const), who }),
)

const decimal = (minor: bigint): string =>
  `${minor / 100n}.${(minor % 100n).toString().padStart(2, '0')}`
const ownerOf = (index: number): string => OWNERS[index] ?? 'ann'

/** Runs the steps; forgettings only when `forgetting`. Returns each step's outcome. */
const run = async (ledger: Ledger, steps: readonly Step[], forgetting: boolean) => {
  for (const accountId of OWNERS) {
    const contact = {
      phone: `+86138${accountId.length}000${accountId.charCodeAt(0)}`,
      email: `${accountId}@x.io`,
    }
    orThrow(await ledger.openAccount({ accountId, kind: 'user', contact }))
    orThrow(
      await ledger.deposit({
        ...{ accountId, asset: 'USD', amount: '100.00', idempotencyKey: `d-${accountId}` },
        source: { type: 'bank_transfer', reference: `seed-${accountId}` },
      }),
    )
  }
  const outcomes: unknown[] = []
  for (const [index, step] of steps.entries()) {
    if (step.kind === 'forget') {
      if (forgetting) {
        orThrow(await ledger.forgetOwner({ accountId: ownerOf(step.who), authorization: VERIFIED }))
      }
      continue
    }
    const result =
      step.kind === 'pay'
        ? await ledger.pay({
            ...{ channel: 'p2p', payer: ownerOf(step.from), payee: ownerOf(step.to) },
            ...{ asset: 'USD', amount: decimal(step.cents), idempotencyKey: `p-${index}` },
          })
        : await ledger.requestWithdrawal({
            ...{ accountId: ownerOf(step.who), asset: 'USD', amount: decimal(step.cents) },
            idempotencyKey: `w-${index}`,
            destination: { type: 'bank_account', bank: 'ACME', accountNumber: `DE${index}` },
          })
    outcomes.push(result._tag === 'Left' ? result.left.code : step.kind)
  }
  const balances = await Promise.all(OWNERS.map(async (id) => orThrow(await ledger.balances(id))))
  return { outcomes, balances, audit: orThrow(await ledger.audit()) }
}

/** Every sealed value with its owner, and whether that owner was forgotten after it. */
const sealedValues = async (store: EventStore) => {
  const values: { owner: string; sealed: string; forgottenAfter: boolean }[] = []
  for await (const event of store.readAll()) {
    const data = event.data as { accountId?: string; contact?: unknown; destination?: unknown }
    const owner = data.accountId ?? ''
    if (event.type === 'ContactErased') {
      for (const value of values) if (value.owner === owner) value.forgottenAfter = true
    }
    const reference = (data.destination as { reference?: unknown } | undefined)?.reference
    for (const sealed of [data.contact, reference]) {
      if (typeof sealed === 'string') values.push({ owner, sealed, forgottenAfter: false })
    }
  }
  return values
}

const expectReads = async (vault: KeyVault, store: EventStore) => {
  for (const { owner, sealed, forgottenAfter } of await sealedValues(store)) {
    const opened = await openForOwner(vault, owner, sealed)
    expect(opened.state).toBe(forgottenAfter ? 'erased' : 'clear')
  }
}

describe('forgetting owners at random points', () => {
  it('changes no outcome, balance or audit; erases exactly what it should', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbStep, { minLength: 1, maxLength: 14 }), async (steps) => {
        const store = createMemoryEventStore()
        const keyVault = createMemoryKeyVault()
        const forgotten = await run(await createLedger({ store, keyVault }), steps, true)
        const control = await run(await createLedger(), steps, false)
        expect(forgotten.outcomes).toEqual(control.outcomes)
        expect(forgotten.balances).toEqual(control.balances)
        expect(forgotten.audit).toMatchObject({ ok: true, violations: [] })
        expect(control.audit).toMatchObject({ ok: true, violations: [] })
        await expectReads(keyVault, store)
        for (const [index, accountId] of OWNERS.entries()) {
          const wasForgotten = steps.some((s) => s.kind === 'forget' && s.who === index)
          const settings = orThrow(await forgottenSettings(store, keyVault, accountId))
          expect('contact' in settings).toBe(!wasForgotten)
        }
      }),
      { numRuns: NUM_RUNS },
    )
  }, 60_000)
})

/** The settings read through a second ledger on the same store and vault (a fresh process). */
const forgottenSettings = async (store: EventStore, keyVault: KeyVault, accountId: string) =>
  (await createLedger({ store, keyVault })).settings(accountId)
