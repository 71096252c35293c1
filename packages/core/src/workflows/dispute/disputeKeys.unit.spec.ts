// Proves openDispute's idempotency key on both executors: the same key and fields again answer the
// same dispute (even once it is decided) and write nothing, two racing calls open one; the key with
// another amount, reason or payment is idempotency_key_reused naming the field and writes nothing;
// an opening stopped after its key's claim is finished by the retry; a retried or racing
// reportUnauthorized opens one dispute per payment.
import { describe, expect, it } from 'vitest'
import { iterateAll } from '../../store/paging.js'
import { decideWrite } from '../shared/common.js'
import { disputeKeyId, openingFingerprint } from './disputeKey.js'
import { commitPlan } from '../execution/run.js'
import {
  eventCount,
  leftOf,
  rightOf,
  workflowLedger,
} from '../../../test/workflows/__fixtures__/workflowLedger.js'
import type { WorkflowLedger } from '../../../test/workflows/__fixtures__/workflowLedger.js'
import { aliceAndShop, paid } from '../../../test/workflows/__fixtures__/disputeFixtures.js'
import { orThrow } from '../../ledger/result.js'

const START = '2026-03-02T10:00:00.000Z'

type Executor = 'atomic' | 'stepwise'

/** Alice paid the shop 40.00 and 20.00. */
const twoPayments = async (executor: Executor) => {
  const fixture = await workflowLedger({ executor }, START)
  await aliceAndShop(fixture)
  const first = await paid(fixture, 'alice', 'shop', '40.00', 'p1')
  const second = await paid(fixture, 'alice', 'shop', '20.00', 'p2')
  return { fixture, ledger: fixture.ledger, first, second }
}

/** How many events of `type` the store holds. */
const countOf = async (fixture: WorkflowLedger, type: string): Promise<number> => {
  let count = 0
  for await (const stored of iterateAll(fixture.context.store)) if (stored.type === type) count += 1
  return count
}

const request = (paymentId: string, fields: object = {}) => ({
  paymentId,
  reason: 'not_received' as const,
  amount: '10.00',
  idempotencyKey: 'k1',
  ...fields,
})

describe.each(['atomic', 'stepwise'] as const)('openDispute idempotency keys (%s)', (executor) => {
  it('answers the same key and fields with the same dispute, writing nothing', async () => {
    const { fixture, ledger, first } = await twoPayments(executor)
    const view = rightOf(await ledger.openDispute(request(first)))
    const before = await eventCount(fixture)
    expect(rightOf(await ledger.openDispute(request(first, { amount: '10' })))).toEqual(view)
    expect(await eventCount(fixture)).toBe(before)
    expect(await countOf(fixture, 'DisputeOpened')).toBe(1)
    expect(rightOf(await ledger.balances('shop'))['USD']?.held).toBe('10.00')
  })

  it('answers a retry after the dispute was decided with that dispute, opening no other', async () => {
    const { fixture, ledger, first } = await twoPayments(executor)
    const { disputeId } = rightOf(await ledger.openDispute(request(first)))
    rightOf(await ledger.respondToDispute({ disputeId, response: 'accept' }))
    const before = await eventCount(fixture)
    const retried = rightOf(await ledger.openDispute(request(first)))
    expect(retried).toMatchObject({ disputeId, status: 'resolved_payer' })
    expect(await eventCount(fixture)).toBe(before)
    expect(await countOf(fixture, 'DisputeOpened')).toBe(1)
    expect(rightOf(await ledger.balances('alice'))['USD']?.total).toBe('50.00')
  })

  it('opens one dispute for two racing calls with one key', async () => {
    const { fixture, ledger, first } = await twoPayments(executor)
    const [one, two] = await Promise.all([
      ledger.openDispute(request(first)),
      ledger.openDispute(request(first)),
    ])
    expect(rightOf(two!).disputeId).toBe(rightOf(one!).disputeId)
    expect(await countOf(fixture, 'DisputeOpened')).toBe(1)
    expect(await countOf(fixture, 'IdempotencyKeyClaimed')).toBe(1)
    expect(orThrow(await ledger.audit()).violations).toEqual([])
  })

  it.each([
    ['amount', { amount: '11.00' }],
    ['amount', { amount: undefined }],
    ['reason', { reason: 'duplicate' }],
  ])('refuses the key with another %s, naming it, writing nothing', async (field, fields) => {
    const { fixture, ledger, first } = await twoPayments(executor)
    const { disputeId } = rightOf(await ledger.openDispute(request(first)))
    rightOf(await ledger.respondToDispute({ disputeId, response: 'contest' }))
    const before = await eventCount(fixture)
    const changed = Object.fromEntries(
      Object.entries(request(first, fields)).filter(([, value]) => value !== undefined),
    )
    const error = leftOf(await ledger.openDispute(changed as never))
    expect(error.code).toBe('idempotency_key_reused')
    expect(error.details).toMatchObject({ path: 'idempotencyKey', fields: [field], disputeId })
    expect(await eventCount(fixture)).toBe(before)
  })

  it('refuses the key for a dispute of another payment, naming paymentId', async () => {
    const { fixture, ledger, first, second } = await twoPayments(executor)
    rightOf(await ledger.openDispute(request(first)))
    const before = await eventCount(fixture)
    const error = leftOf(await ledger.openDispute(request(second)))
    expect(error.code).toBe('idempotency_key_reused')
    expect(error.details).toMatchObject({ path: 'idempotencyKey', fields: ['paymentId'] })
    expect(await eventCount(fixture)).toBe(before)
    expect(await countOf(fixture, 'DisputeOpened')).toBe(1)
  })

  it('finishes an opening whose commit stopped after its claim when it is retried', async () => {
    const { fixture, ledger, first } = await twoPayments(executor)
    const { context } = fixture
    // The claim alone, as the step-by-step executor leaves it when it stops after that append.
    const keyId = disputeKeyId(context, 'k1')
    const opening = { keyId, paymentId: first, reason: 'not_received', amount: '10.00' }
    const definition = context.definitions.claim
    const claim = decideWrite(
      definition,
      definition.stream(keyId),
      await context.repository.load(definition, keyId),
      {
        type: 'ClaimIdempotencyKey',
        claimId: keyId,
        kind: 'dispute',
        entityRef: first,
        fingerprint: openingFingerprint(opening),
        at: context.clock().toISOString(),
      } as never,
    )
    await commitPlan(context, [rightOf(claim)], {})
    expect(rightOf(await ledger.openDispute(request(first))).status).toBe('open')
    expect(await countOf(fixture, 'IdempotencyKeyClaimed')).toBe(1)
    expect(rightOf(await ledger.balances('shop'))['USD']?.held).toBe('10.00')
    expect(orThrow(await ledger.audit()).violations).toEqual([])
  })

  it('opens one dispute per payment for a retried or racing reportUnauthorized', async () => {
    const { fixture, ledger, first, second } = await twoPayments(executor)
    const report = { accountId: 'alice', paymentIds: [first, second] }
    const [one, two] = await Promise.all([
      ledger.reportUnauthorized(report),
      ledger.reportUnauthorized(report),
    ])
    const { disputeIds } = rightOf(one!)
    expect(disputeIds).toHaveLength(2)
    // The racing report either answers the same ids or is told the account changed under it.
    if (two!._tag === 'Right') expect(two.right.disputeIds).toEqual(disputeIds)
    rightOf(await ledger.respondToDispute({ disputeId: disputeIds[0]!, response: 'accept' }))
    const before = await eventCount(fixture)
    expect(rightOf(await ledger.reportUnauthorized(report)).disputeIds).toEqual(disputeIds)
    expect(await eventCount(fixture)).toBe(before)
    expect(await countOf(fixture, 'DisputeOpened')).toBe(2)
    expect(orThrow(await ledger.audit()).violations).toEqual([])
  })
})
