// The ledger the property suites drive: a memory store (atomic, or without appendMany so the
// step-by-step executor runs), a clock moved by hand, a few opened and funded accounts, and the
// reference model mirroring them. Plus the whole-ledger checks the properties share.
import { expect } from 'vitest'
import type { Either } from 'fp-ts/lib/Either.js'
import {
  addModelPromotion,
  createLedgerModel,
  modelDeposit,
  openModelAccount,
} from '@wallet-ledger/testing'
import type { LedgerModel } from '@wallet-ledger/testing'
import { createAssetRegistry } from '@wallet-ledger/domain'
import { auditStore } from '../../../src/audit/auditStore.js'
import { createDefinitions, definitionOfStream } from '../../../src/engine/definitions.js'
import { createLedger } from '../../../src/ledger/createLedger.js'
import type { AuditReport, Ledger, LedgerError } from '../../../src/ledger/types.js'
import type { EventStore } from '../../../src/ports/eventStore.js'
import { createMemoryEventStore } from '../../../src/store/memoryEventStore.js'
import type { MemoryEventStore } from '../../../src/store/memoryEventStore.js'
import { iterateAll } from '../../../src/store/paging.js'
import { MEMORY_PROPERTY_STORE, type PropertyStore } from './propertyStores.js'

// ---------------------------------------------------------------- types

/** Which executor a store makes the engine use. */
export type Executor = 'atomic' | 'stepwise'

/** A clock the test moves by hand. */
export type ManualClock = { nowMs: number; readonly now: () => Date }

/** The ledger under test and what the checks need beside it. */
export type PropertyLedger = {
  readonly ledger: Ledger
  readonly store: EventStore
  readonly clock: ManualClock
}

// ---------------------------------------------------------------- constants

/** Where every property's clock starts: a Monday morning, UTC. */
export const START_MS = Date.parse('2025-03-03T09:00:00.000Z')
/** The authorization TTL the ledgers use (the default, named for the model). */
export const AUTHORIZATION_TTL_MS = 7 * 24 * 60 * 60 * 1000
/** A registered asset of scale 0 beside the built-in ones. */
export const EXTRA_ASSETS = [{ code: 'PTS', scale: 0 }]
/** The assets the model knows: code -> scale. */
export const MODEL_ASSETS: ReadonlyMap<string, number> = new Map([
  ['USD', 2],
  ['BTC', 8],
  ['PTS', 0],
])
/** Users and merchants every property ledger opens; `shop` charges a 2.5 % fee. */
export const USERS = ['alice', 'bob', 'carol'] as const
export const MERCHANTS = [
  { id: 'shop', feeRate: '2.5' },
  { id: 'cafe', feeRate: undefined },
] as const
/** Every account id the properties open. */
export const ACCOUNT_IDS: readonly string[] = [...USERS, ...MERCHANTS.map((m) => m.id)]

// ---------------------------------------------------------------- constructors

/** A memory store for an executor. */
export const memoryStoreFor = (executor: Executor, clock: ManualClock): MemoryEventStore =>
  createMemoryEventStore({ clock: clock.now, atomicAppendMany: executor === 'atomic' })

/** A clock at `START_MS` that moves only when `nowMs` is changed. */
export const manualClock = (): ManualClock => {
  const clock: ManualClock = { nowMs: START_MS, now: () => new Date(clock.nowMs) }
  return clock
}

/** A ledger over `store` with the properties' assets and clock. */
export const ledgerOver = (store: EventStore, clock: ManualClock): Promise<Ledger> =>
  createLedger({ store, clock: clock.now, assets: EXTRA_ASSETS })

/**
 * Opens the properties' accounts on `ledger` and funds each with USD 500.00, BTC 0.25 and PTS 300
 * by bank transfer, so generated payments often succeed; mirrors all of it in `model` when given.
 */
export const seedLedger = async (ledger: Ledger, model?: LedgerModel): Promise<void> => {
  for (const id of USERS) {
    rightOf(await ledger.openAccount({ accountId: id, kind: 'user' }))
    if (model !== undefined) openModelAccount(model, id, 'user')
  }
  for (const { id, feeRate } of MERCHANTS) {
    const fee = feeRate === undefined ? {} : { merchantFeeRate: feeRate }
    rightOf(await ledger.openAccount({ accountId: id, kind: 'merchant', ...fee }))
    if (model !== undefined) openModelAccount(model, id, 'merchant', feeRate)
  }
  for (const id of ACCOUNT_IDS) {
    for (const [asset, amount] of [
      ['USD', '500.00'],
      ['BTC', '0.25'],
      ['PTS', '300'],
    ] as const) {
      const input = {
        accountId: id,
        asset,
        amount,
        source: { type: 'bank_transfer' as const, reference: 'seed' },
        idempotencyKey: `seed-${id}-${asset}`,
      }
      rightOf(await ledger.deposit(input))
      if (model !== undefined) modelDeposit(model, input)
    }
  }
}

/** The promotion `seededStore` creates: USD, 10 % off, a budget of 40.00. */
export const PROMOTION_ID = 'spring'

/** A fresh store (memory unless `kind` says otherwise) for an executor with the seeded accounts and the promotion, and its clock. */
export const seededStore = async (
  executor: Executor,
  kind: PropertyStore = MEMORY_PROPERTY_STORE,
): Promise<{ clock: ManualClock; inner: EventStore }> => {
  const clock = manualClock()
  const inner = await kind.create(executor, clock)
  const ledger = await ledgerOver(inner, clock)
  await seedLedger(ledger)
  rightOf(
    await ledger.createPromotion({
      promotionId: PROMOTION_ID,
      asset: 'USD',
      budget: '40.00',
      discount: { percent: '10' },
    }),
  )
  return { clock, inner }
}

/** A seeded ledger on a fresh store (memory unless `kind` says otherwise), and the model mirroring it. */
export const fundedLedger = async (
  executor: Executor,
  kind: PropertyStore = MEMORY_PROPERTY_STORE,
): Promise<{ real: PropertyLedger; model: LedgerModel }> => {
  const clock = manualClock()
  const store = await kind.create(executor, clock)
  const ledger = await ledgerOver(store, clock)
  const model = createLedgerModel({
    assets: MODEL_ASSETS,
    nowMs: clock.nowMs,
    authorizationTtlMs: AUTHORIZATION_TTL_MS,
  })
  await seedLedger(ledger, model)
  for (const promotion of MODEL_PROMOTIONS) {
    const { promotionId, asset, budget, discount, capPerAccount, validFrom, validUntil } = promotion
    rightOf(
      await ledger.createPromotion({
        promotionId,
        asset,
        budget,
        discount,
        ...(capPerAccount === undefined ? {} : { capPerAccount }),
        ...(validFrom === undefined ? {} : { validFrom }),
        ...(validUntil === undefined ? {} : { validUntil }),
      }),
    )
    addModelPromotion(model, modelPromotionOf(promotion))
  }
  return { real: { ledger, store, clock }, model }
}

type PromotionTerms = {
  readonly promotionId: string
  readonly asset: string
  readonly budget: string
  readonly discount: { percent: string } | { fixed: string }
  readonly capPerAccount?: string
  readonly validFrom?: string
  readonly validUntil?: string
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The promotions the model property's ledger offers: a small 10 % budget (it runs out), a fixed
 * 1.00 off with a cap of 2.00 per account, one that starts in two days, and half off PTS that
 * ends tomorrow.
 */
export const MODEL_PROMOTIONS: readonly PromotionTerms[] = [
  { promotionId: 'spring', asset: 'USD', budget: '5.00', discount: { percent: '10' } },
  {
    promotionId: 'fixed',
    asset: 'USD',
    budget: '20.00',
    discount: { fixed: '1.00' },
    capPerAccount: '2.00',
  },
  {
    promotionId: 'later',
    asset: 'USD',
    budget: '50.00',
    discount: { percent: '5' },
    validFrom: new Date(START_MS + 2 * DAY_MS).toISOString(),
  },
  {
    promotionId: 'points',
    asset: 'PTS',
    budget: '100',
    discount: { percent: '50' },
    validUntil: new Date(START_MS + DAY_MS).toISOString(),
  },
]

// The model's reading of the terms: amounts in minor units, instants in milliseconds.
const modelPromotionOf = (terms: PromotionTerms) => {
  const scale = MODEL_ASSETS.get(terms.asset) ?? 0
  const minor = (text: string) =>
    BigInt(text.replace('.', '')) * 10n ** BigInt(text.includes('.') ? 0 : scale)
  return {
    promotionId: terms.promotionId,
    asset: terms.asset,
    budget: minor(terms.budget),
    discount: 'fixed' in terms.discount ? { fixed: minor(terms.discount.fixed) } : terms.discount,
    ...(terms.capPerAccount === undefined ? {} : { capPerAccount: minor(terms.capPerAccount) }),
    ...(terms.validFrom === undefined ? {} : { validFromMs: Date.parse(terms.validFrom) }),
    ...(terms.validUntil === undefined ? {} : { validUntilMs: Date.parse(terms.validUntil) }),
  }
}

// ---------------------------------------------------------------- results

/** The right of a result, or a failure naming the error. */
export const rightOf = <T>(result: Either<LedgerError, T>): T => {
  if (result._tag === 'Left') throw new Error(`expected right, got ${JSON.stringify(result.left)}`)
  return result.right
}

// ---------------------------------------------------------------- whole-ledger checks

type Book = Map<string, Map<string, { available: bigint; held: bigint }>>

/** What the account streams say, folded by the test itself: balances and the holds still open. */
export type FoldedLedger = {
  /** Per account, per asset, available and held in minor units. */
  readonly balances: Book
  /** `accountId|holdId` of every hold neither captured nor released. */
  readonly openHolds: ReadonlySet<string>
}

// Canonical amounts of one asset all have its scale, so their digits are its minor units.
const minorOf = (amount: unknown): bigint => BigInt(String(amount ?? '0').replace('.', ''))

/**
 * Folds FundsCredited, FundsDebited, FundsHeld, HoldCaptured and HoldReleased of every account
 * stream, page by page, without the engine's or the domain's folds: an independent reading.
 */
export const foldAccounts = async (store: EventStore): Promise<FoldedLedger> => {
  const definitions = createDefinitions(undefined)
  const balances: Book = new Map()
  const holds = new Map<string, { asset: string; minor: bigint }>()
  const assets = new Map<string, string>()
  const move = (accountId: string, asset: string, available: bigint, held: bigint) => {
    const book = balances.get(accountId) ?? new Map()
    balances.set(accountId, book)
    const balance = book.get(asset) ?? { available: 0n, held: 0n }
    book.set(asset, { available: balance.available + available, held: balance.held + held })
  }
  for await (const stored of iterateAll(store)) {
    const definition = definitionOfStream(definitions, stored.stream)
    if (definition === definitions.promotion) {
      const booked = budgetMoveOf(stored.type, stored.data as Record<string, unknown>, assets)
      if (booked !== undefined) move(booked.account, booked.asset, booked.minor, 0n)
    }
    if (definition !== definitions.account) continue
    const data = stored.data as Record<string, unknown>
    const accountId = String(data['accountId'])
    const asset = String(data['asset'])
    const key = `${accountId}|${String(data['holdId'])}`
    const amount = minorOf(data['amount'])
    if (stored.type === 'FundsCredited') move(accountId, asset, amount, 0n)
    if (stored.type === 'FundsDebited') move(accountId, asset, -amount, 0n)
    if (stored.type === 'FundsHeld') {
      holds.set(key, { asset, minor: amount })
      move(accountId, asset, -amount, amount)
    }
    if (stored.type === 'HoldCaptured' || stored.type === 'HoldReleased') {
      const open = holds.get(key)
      expect(open, `${stored.type} of a hold that is not open: ${key}`).toBeDefined()
      const released = stored.type === 'HoldReleased' ? amount : minorOf(data['released'])
      move(accountId, open?.asset ?? '', released, -(open?.minor ?? 0n))
      holds.delete(key)
    }
  }
  return { balances, openHolds: new Set(holds.keys()) }
}

// A promotion's stream books its budget account: the budget at creation (credit), each discount
// applied (debit), each share a refund returns and each discount voided (credits). Their asset is
// the promotion's.
const budgetMoveOf = (
  type: string,
  data: Record<string, unknown>,
  assets: Map<string, string>,
): { account: string; asset: string; minor: bigint } | undefined => {
  const promotionId = String(data['promotionId'])
  const account = `system:promotion:${promotionId}`
  if (type === 'PromotionCreated') {
    assets.set(promotionId, String(data['asset']))
    return { account, asset: String(data['asset']), minor: minorOf(data['budget']) }
  }
  const asset = assets.get(promotionId) ?? ''
  if (type === 'DiscountApplied') return { account, asset, minor: -minorOf(data['amount']) }
  if (type === 'DiscountReturned' || type === 'DiscountVoided')
    return { account, asset, minor: minorOf(data['amount']) }
  return undefined
}

/** The audit of the store, with the properties' assets. */
export const auditOf = async (store: EventStore): Promise<AuditReport> => {
  const registry = createAssetRegistry(EXTRA_ASSETS)
  if (registry._tag === 'Left') throw new Error(registry.left.message)
  return auditStore({ store, definitions: createDefinitions(undefined), registry: registry.right })
}

/**
 * No money created or lost: every asset sums to zero over all accounts (world accounts included),
 * no user or merchant account is negative, and the audit finds nothing wrong.
 */
export const expectConserved = async (store: EventStore): Promise<void> => {
  const { balances } = await foldAccounts(store)
  const totals = new Map<string, bigint>()
  for (const [accountId, perAccount] of balances) {
    for (const [asset, { available, held }] of perAccount) {
      totals.set(asset, (totals.get(asset) ?? 0n) + available + held)
      if (!accountId.startsWith('world:') && accountId !== 'system:suspense') {
        expect(available, `${accountId} ${asset} available`).toBeGreaterThanOrEqual(0n)
        expect(held, `${accountId} ${asset} held`).toBeGreaterThanOrEqual(0n)
      }
    }
  }
  for (const [asset, total] of totals) expect(total, `world total of ${asset}`).toBe(0n)
  const report = await auditOf(store)
  expect(report.violations).toEqual([])
  expect(report.ok).toBe(true)
}
