// The commands of the model-based property, one fast-check command per public ledger command (valid
// and invalid inputs alike; paymentSteps.ts, accountSteps.ts), plus a retry of the last keyed
// command, the clock moving on, and inputs the codecs must refuse.
import fc from 'fast-check'
import { accountCommand, requestWithdrawal, setLimits, withdrawalStep } from './accountSteps.js'
import { BAD_INPUTS } from './badInputs.js'
import { adjust, cancel, capture, convert, deposit, pay, refund } from './paymentSteps.js'
import { same, step } from './modelStep.js'

// ---------------------------------------------------------------- retries, time, bad input

const retry = step('retry the last keyed command', fc.constant(null), () => (_model, real) =>
  real.lastKeyed === undefined ? undefined : { ...real.lastKeyed, label: `retry ${real.lastKeyed.label}` },
)

const advanceClock = step(
  'advance the clock by',
  fc.constantFrom(60_000, 3_600_000, 86_400_000, 8 * 86_400_000),
  (ms) => (model, real) => {
    model.nowMs += ms
    real.clock.nowMs += ms
    return undefined
  },
)

const badInput = step('bad input', fc.nat({ max: BAD_INPUTS.length - 1 }), (index) => () => {
  const bad = BAD_INPUTS[index]
  if (bad === undefined) return undefined
  return {
    label: `bad input: ${bad.label}`,
    model: same({ expected: { kind: 'rejected', code: 'invalid_input' } }),
    call: bad.call,
  }
})

/** Every command of the model-based property, weighted toward the ones that move money. */
export const arbModelCommands = (maxCommands: number) =>
  fc.commands(
    [
      deposit,
      adjust,
      pay,
      pay,
      pay,
      pay,
      capture,
      capture,
      capture,
      cancel,
      cancel,
      refund,
      refund,
      refund,
      convert,
      convert,
      accountCommand,
      setLimits,
      requestWithdrawal,
      requestWithdrawal,
      withdrawalStep,
      withdrawalStep,
      withdrawalStep,
      retry,
      advanceClock,
      badInput,
    ],
    { maxCommands, size: 'max' },
  )
