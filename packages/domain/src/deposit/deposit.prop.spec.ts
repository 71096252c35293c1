// Properties of deposits and adjustments over generated amounts of every built-in asset: each
// accepted decision's journal entry is balanced, and every event and command survives its codec.
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AdjustmentCommand, AdjustmentEvent } from '../adjustment/codecs.js'
import { decideAdjustment } from '../adjustment/decide.js'
import { initialAdjustmentState } from '../adjustment/state.js'
import { BUILT_IN_ASSETS } from '../asset/asset.js'
import { isBalanced } from '../journal/journal.js'
import { formatMinor } from '../money/money.js'
import { DepositCommand, DepositEvent } from './codecs.js'
import { decideDeposit } from './decide.js'
import { initialDepositState } from './state.js'

const AT = '2026-11-26T08:00:00.000Z'
const arbAssetAmount = fc
  .tuple(fc.constantFrom(...BUILT_IN_ASSETS), fc.bigInt({ min: 1n, max: 10n ** 24n }))
  .map(([asset, minor]) => ({
    asset: asset.code,
    amount: formatMinor(minor, asset.scale),
    minor,
    scale: asset.scale,
  }))

describe('deposit and adjustment properties', () => {
  it('record balanced entries that survive their codecs', () => {
    fc.assert(
      fc.property(
        arbAssetAmount,
        fc.constantFrom('bank_transfer', 'card', 'crypto'),
        fc.constantFrom('debit', 'credit'),
        (value, sourceType, direction) => {
          const deposit = DepositCommand.decode({
            type: 'RecordDeposit',
            depositId: 'd',
            entryId: 'e',
            accountId: 'alice',
            asset: value.asset,
            amount: value.amount,
            source: { type: sourceType, reference: 'r' },
            fingerprint: 'f'.repeat(64),
            accountStatus: 'active',
            at: AT,
          })
          if (deposit._tag === 'Left') throw new Error('deposit command did not decode')
          const depositEvents = decideDeposit(deposit.right, initialDepositState)
          if (depositEvents._tag === 'Left') throw new Error(depositEvents.left.message)
          for (const event of depositEvents.right) {
            expect(isBalanced(event.data.entry)).toBe(true)
            expect(DepositEvent.decode(DepositEvent.encode(event))).toEqual({
              _tag: 'Right',
              right: event,
            })
          }
          const adjustment = AdjustmentCommand.decode({
            type: 'PostAdjustment',
            adjustmentId: 'a',
            entryId: 'e',
            accountId: 'alice',
            asset: value.asset,
            amount: value.amount,
            direction,
            reason: 'correction',
            fingerprint: 'f'.repeat(64),
            accountStatus: 'active',
            available: value.amount,
            at: AT,
          })
          if (adjustment._tag === 'Left') throw new Error('adjustment command did not decode')
          const adjustmentEvents = decideAdjustment(adjustment.right, initialAdjustmentState)
          if (adjustmentEvents._tag === 'Left') throw new Error(adjustmentEvents.left.message)
          for (const event of adjustmentEvents.right) {
            expect(isBalanced(event.data.entry)).toBe(true)
            expect(AdjustmentEvent.decode(AdjustmentEvent.encode(event))).toEqual({
              _tag: 'Right',
              right: event,
            })
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
