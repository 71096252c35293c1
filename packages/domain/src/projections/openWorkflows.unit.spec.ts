// Proves the open-workflows projection on logs cut short as a crash between steps would leave them:
// unbooked legs of a recorded entry, holds a decision wants placed or released, orphan holds placed
// before their workflow's event, a lost payment's discount (unrecorded until voided), and nothing
// open once every step has run.
import { describe, expect, it } from 'vitest'
import { createLedgerSimulator } from '@wallet-ledger/testing'
import { promotionDecider } from '../promotion/decide.js'
import { promotionStream } from '../streamNames.js'
import { openWorkflowsProjection } from './openWorkflows.js'
import { openWorkflows } from './openWorkflowsView.js'
import type { ProjectionInput } from './projection.js'
import { foldProjection } from './projection.js'

const openOf = (log: readonly ProjectionInput[]) =>
  openWorkflows(foldProjection(openWorkflowsProjection, log))

const funded = () => {
  const sim = createLedgerSimulator()
  sim.open('alice')
  sim.open('shop', 'merchant', '2.5')
  sim.deposit('d1', 'alice', 'USD', '100.00')
  return sim
}

describe('openWorkflows', () => {
  it('has nothing open when every step ran (a kept authorization hold is where it should be)', () => {
    const sim = funded()
    sim.pay({ paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '10.00' })
    sim.pay({
      paymentId: 'p2',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '10.00',
      capture: 'manual',
    })
    sim.requestWithdrawal('w1', 'alice', 'USD', '5.00')
    expect(openOf(sim.log)).toEqual({ workflows: [], orphanHolds: [], unrecordedEntries: [] })
  })

  it('lists the legs of a payment no account has booked yet', () => {
    const sim = funded()
    sim.pay(
      { paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '40.00' },
      { steps: 1 },
    )
    const open = openOf(sim.log)
    expect(open.orphanHolds).toEqual([])
    expect(open.workflows).toEqual([
      expect.objectContaining({
        kind: 'payment',
        id: 'p1',
        stream: 'payment-p1',
        entryIds: ['p1:capture'],
        missingLegs: [
          {
            entryId: 'p1:capture',
            leg: 1,
            account: 'shop',
            asset: 'USD',
            amount: '39.00',
            direction: 'credit',
          },
          {
            entryId: 'p1:capture',
            leg: 2,
            account: 'system:fees',
            asset: 'USD',
            amount: '1.00',
            direction: 'credit',
          },
        ],
        pendingHolds: [],
      }),
    ])
  })

  it('lists an authorization whose hold was never placed, and a cancellation whose hold was not released', () => {
    const sim = funded()
    sim.pay(
      {
        paymentId: 'p1',
        payer: 'alice',
        payee: 'shop',
        asset: 'USD',
        amount: '10.00',
        capture: 'manual',
      },
      { steps: 0 },
    )
    sim.pay({
      paymentId: 'p2',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '10.00',
      capture: 'manual',
    })
    sim.cancel('p2', undefined, { steps: 0 })
    const { workflows } = openOf(sim.log)
    expect(workflows.map((workflow) => [workflow.id, workflow.pendingHolds])).toEqual([
      ['p1', [{ accountId: 'alice', holdId: 'p1:hold', intent: 'keep', isPlaced: false }]],
      ['p2', [{ accountId: 'alice', holdId: 'p2:hold', intent: 'release', isPlaced: true }]],
    ])
  })

  it('lists a capture that took the money but did not credit the payee', () => {
    const sim = funded()
    sim.pay({
      paymentId: 'p1',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '10.00',
      capture: 'manual',
    })
    sim.capture('p1', undefined, undefined, { steps: 1 })
    const [workflow] = openOf(sim.log).workflows
    expect(workflow?.missingLegs.map((leg) => leg.account)).toEqual(['shop', 'system:fees'])
    expect(workflow?.pendingHolds).toEqual([])
  })

  it('lists a withdrawal decided but not yet settled on the account, and a dispute with its payee hold missing', () => {
    const sim = funded()
    sim.requestWithdrawal('w1', 'alice', 'USD', '5.00')
    sim.verifyWithdrawal('w1', false, undefined, { steps: 0 })
    sim.pay({ paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '20.00' })
    sim.openDispute('x1', 'p1', '2026-03-20T00:00:00.000Z', undefined, undefined, { steps: 0 })
    const { workflows } = openOf(sim.log)
    expect(workflows.map((workflow) => [workflow.kind, workflow.pendingHolds])).toEqual([
      [
        'withdrawal',
        [{ accountId: 'alice', holdId: 'w1:hold', intent: 'release', isPlaced: true }],
      ],
      ['dispute', [{ accountId: 'shop', holdId: 'x1:hold', intent: 'keep', isPlaced: false }]],
    ])
  })

  it('calls a hold placed before its workflow event an orphan, until that event arrives', () => {
    const sim = funded()
    sim.pay({
      paymentId: 'p1',
      payer: 'alice',
      payee: 'shop',
      asset: 'USD',
      amount: '10.00',
      capture: 'manual',
    })
    const [authorized, held] = sim.log.slice(-2)
    if (authorized === undefined || held === undefined) throw new Error('no authorization')
    const holdFirst = [...sim.log.slice(0, -2), { ...held, position: authorized.position }]
    expect(openOf(holdFirst).orphanHolds).toEqual([
      {
        accountId: 'alice',
        holdId: 'p1:hold',
        asset: 'USD',
        amount: '10.00',
        at: (held.event.data as { at: string }).at,
        position: authorized.position.toString(),
      },
    ])
    expect(openOf([...holdFirst, { ...authorized, position: held.position }])).toEqual({
      workflows: [],
      orphanHolds: [],
      unrecordedEntries: [],
    })
  })

  it('matches legs booked before their entry was recorded', () => {
    const sim = funded()
    sim.pay({ paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '10.00' })
    const captured = sim.log.findIndex((input) => input.event.type === 'PaymentCaptured')
    const moved = [
      ...sim.log.slice(0, captured),
      ...sim.log.slice(captured + 1),
      sim.log[captured]!,
    ]
    const reordered = moved.map((input, index) => ({ ...input, position: BigInt(index + 1) }))
    expect(openOf(reordered.slice(0, -1))).toEqual({
      workflows: [],
      orphanHolds: [],
      unrecordedEntries: ['p1:capture'],
    })
    expect(openOf(reordered)).toEqual({ workflows: [], orphanHolds: [], unrecordedEntries: [] })
  })

  it("with the engine's reserve naming, lists a reserve hold of a missing leg as a hold to capture", () => {
    const sim = funded()
    sim.pay(
      { paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '10.00' },
      { steps: 0 },
    )
    const holdId = 'p1:capture#0:reserve'
    sim.core.account({
      type: 'HoldFunds',
      accountId: 'alice',
      operationId: 'r',
      holdId,
      asset: 'USD',
      amount: '10.00',
      initiatedBy: 'owner',
      at: sim.core.tick(),
    } as never)
    const reserveOf = (id: string) =>
      id === holdId ? { entryId: 'p1:capture', leg: 0 } : undefined
    const state = foldProjection(openWorkflowsProjection, sim.log)
    const open = openWorkflows(state, { reserveOf })
    expect(open.orphanHolds).toEqual([])
    expect(open.workflows[0]?.pendingHolds).toEqual([
      { accountId: 'alice', holdId, intent: 'capture', isPlaced: true },
    ])
    expect(openWorkflows(state).orphanHolds.map((hold) => hold.holdId)).toEqual([holdId])
    const captured = sim.log.findIndex((input) => input.event.type === 'PaymentCaptured')
    const beforeDecision = [...sim.log.slice(0, captured), sim.log.at(-1)!]
    const renumbered = beforeDecision.map((input, index) => ({
      ...input,
      position: BigInt(index + 1),
    }))
    const early = openWorkflows(foldProjection(openWorkflowsProjection, renumbered), { reserveOf })
    expect(early.orphanHolds.map((hold) => hold.holdId)).toEqual([holdId])
  })

  it('lists a discount whose payment was never recorded as unrecorded, until it is voided', () => {
    const sim = funded()
    sim.createPromotion('spring', 'USD', '50.00', { percent: '10' })
    const lost = { paymentId: 'p1', payer: 'alice', payee: 'shop', asset: 'USD', amount: '10.00' }
    sim.payLost({ ...lost, promotionId: 'spring' }, false)
    expect(openOf(sim.log)).toEqual({
      workflows: [],
      orphanHolds: [],
      unrecordedEntries: ['p1:capture'],
    })
    sim.core.run(promotionDecider, promotionStream('spring'), {
      type: 'VoidDiscount',
      promotionId: 'spring',
      paymentId: 'p1',
      entryId: 'p1:capture',
      at: sim.core.tick(),
    })
    expect(openOf(sim.log)).toEqual({ workflows: [], orphanHolds: [], unrecordedEntries: [] })
    // The caller's retry records the payment after all, its discount applied again: all booked.
    sim.pay({ ...lost, promotionId: 'spring' })
    expect(openOf(sim.log)).toEqual({ workflows: [], orphanHolds: [], unrecordedEntries: [] })
  })
})
