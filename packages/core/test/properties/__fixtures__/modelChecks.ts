// One step of the model-based property: ask the model what a command must answer and write, run it
// on the ledger, and compare: the answer's kind and code, the events written (none for bad input
// and retries, exactly the failure record for a recorded refusal), the views of the payment or
// withdrawal it concerned, and the balances of every account the model knows.
import { expect } from 'vitest'
import type { Either } from 'fp-ts/lib/Either.js'
import {
  expectedBalances,
  expectedConversionView,
  expectedPaymentView,
  expectedWithdrawalView,
  zeroBalanceView,
} from '@wallet-ledger/testing'
import type { Expected, LedgerModel, ModelOutcome } from '@wallet-ledger/testing'
import type { Ledger, LedgerError } from '../../../src/ledger/types.js'
import type { StoreHead } from '../../../src/ports/eventStore.js'
import type { PropertyLedger } from './propertyLedger.js'

// ---------------------------------------------------------------- types

/** A command as the property runs it: the model's reading and the ledger call. */
export type CheckedCall = {
  readonly label: string
  /** Asks the model (which changes itself when the ledger must change). */
  readonly model: (model: LedgerModel) => ModelOutcome
  readonly call: (ledger: Ledger) => Promise<Either<LedgerError, unknown>>
  /** `kind:key` of a keyed money command, so a retry can be compared with the first answer. */
  readonly idempotency?: string
}

/** The real side of the property: the ledger, the last keyed call, and first answers by key. */
export type ModelReal = PropertyLedger & {
  lastKeyed?: CheckedCall
  readonly firstAnswers: Map<string, Either<LedgerError, unknown>>
}

// ---------------------------------------------------------------- the step

/** Runs one command on both sides and checks everything the model can say about it. */
export const runChecked = async (
  model: LedgerModel,
  real: ModelReal,
  step: CheckedCall,
): Promise<void> => {
  const before = await real.store.readHead()
  const outcome = step.model(model)
  const result = await step.call(real.ledger)
  const after = await real.store.readHead()
  const where = `${step.label}: expected ${JSON.stringify(outcome.expected)}, got ${describe(result)}`
  await expectAnswer(real, outcome.expected, result, before, after, where)
  learnIds(outcome, result)
  expectRetryAnswer(real, step, outcome.expected, result, where)
  if (step.idempotency !== undefined) real.lastKeyed = step
  await expectViews(model, real, outcome, where)
  await expectBalances(model, real, where)
}

const describe = (result: Either<LedgerError, unknown>): string =>
  result._tag === 'Left'
    ? `left ${result.left.code} (${result.left.message})`
    : `right ${JSON.stringify(result.right)}`

// ---------------------------------------------------------------- checks

const expectAnswer = async (
  real: ModelReal,
  expected: Expected,
  result: Either<LedgerError, unknown>,
  before: StoreHead,
  after: StoreHead,
  where: string,
): Promise<void> => {
  const written = after.nextPosition - before.nextPosition
  if (expected.kind === 'ok') {
    expect(result._tag, where).toBe('Right')
    if (expected.writes) expect(written, where).toBeGreaterThan(0n)
    else expect(after, `${where}: a retry or no-op wrote`).toEqual(before)
    return
  }
  expect(result._tag === 'Left' ? result.left.code : 'right', where).toBe(expected.code)
  if (expected.kind === 'rejected') {
    expect(after, `${where}: a rejection wrote`).toEqual(before)
    return
  }
  // A recorded refusal: exactly one event, on the workflow's own stream, named in the details.
  const details = result._tag === 'Left' ? (result.left.details ?? {}) : {}
  const id = details[`${expected.workflow}Id`]
  expect(typeof id, `${where}: details.${expected.workflow}Id`).toBe('string')
  expect(written, `${where}: events written`).toBe(1n)
  for await (const event of real.store.readAll({ fromPosition: before.nextPosition, maxCount: 1 }))
    expect(event.stream, where).toBe(`${expected.workflow}-${String(id)}`)
}

// The ids the ledger derived from idempotency keys, learned from its first answer.
const learnIds = (outcome: ModelOutcome, result: Either<LedgerError, unknown>): void => {
  const source = (result._tag === 'Left' ? result.left.details : result.right) as
    | Record<string, unknown>
    | undefined
  const { payment, withdrawal } = outcome
  if (payment !== undefined && payment.paymentId === undefined) {
    const id = source?.['paymentId']
    if (typeof id === 'string') payment.paymentId = id
  }
  if (withdrawal !== undefined && withdrawal.withdrawalId === undefined) {
    const id = source?.['withdrawalId']
    if (typeof id === 'string') withdrawal.withdrawalId = id
  }
  const { conversion } = outcome
  if (conversion !== undefined && conversion.conversionId === undefined) {
    const id = source?.['conversionId']
    if (typeof id === 'string') conversion.conversionId = id
  }
}

// A retry returns the first answer: the same error, or (for deposits and adjustments, which do
// not change afterwards) the same value. Payments and withdrawals are compared with the model.
const expectRetryAnswer = (
  real: ModelReal,
  step: CheckedCall,
  expected: Expected,
  result: Either<LedgerError, unknown>,
  where: string,
): void => {
  const key = step.idempotency
  if (key === undefined) return
  const first = real.firstAnswers.get(key)
  const isRetry =
    (expected.kind === 'ok' && !expected.writes) ||
    (expected.kind === 'rejected' && first?._tag === 'Left' && first.left.code === expected.code)
  if (first === undefined || !isRetry) {
    if (first === undefined && expected.kind !== 'rejected') real.firstAnswers.set(key, result)
    return
  }
  if (first._tag === 'Left') {
    expect(result._tag === 'Left' ? result.left.details : undefined, where).toEqual(
      first.left.details,
    )
  } else if (key.startsWith('deposit:') || key.startsWith('adjust:')) {
    expect(result, where).toEqual(first)
  }
}

const expectViews = async (
  model: LedgerModel,
  real: ModelReal,
  outcome: ModelOutcome,
  where: string,
): Promise<void> => {
  const { payment, withdrawal, conversion } = outcome
  if (conversion?.conversionId !== undefined) {
    const view = await real.ledger.conversion(conversion.conversionId)
    expect(view._tag === 'Right' ? view.right : view, where).toMatchObject(
      expectedConversionView(model, conversion),
    )
  }
  if (payment?.paymentId !== undefined) {
    const view = await real.ledger.payment(payment.paymentId)
    expect(view._tag === 'Right' ? view.right : view, where).toMatchObject(
      expectedPaymentView(model, payment),
    )
  }
  if (withdrawal?.withdrawalId !== undefined) {
    const view = await real.ledger.withdrawal(withdrawal.withdrawalId)
    expect(view._tag === 'Right' ? view.right : view, where).toMatchObject(
      expectedWithdrawalView(model, withdrawal),
    )
  }
}

/** Every account the model knows shows the model's balances (absent assets read as zero). */
export const expectBalances = async (
  model: LedgerModel,
  real: PropertyLedger,
  where: string,
): Promise<void> => {
  for (const accountId of model.accounts.keys()) {
    const shown = await real.ledger.balances(accountId)
    const actual = shown._tag === 'Right' ? shown.right : {}
    const expected = expectedBalances(model, accountId)
    for (const asset of new Set([...Object.keys(actual), ...Object.keys(expected)])) {
      const zero = zeroBalanceView(model, asset)
      expect(actual[asset] ?? zero, `${where}: ${accountId} ${asset}`).toEqual(
        expected[asset] ?? zero,
      )
    }
  }
}
