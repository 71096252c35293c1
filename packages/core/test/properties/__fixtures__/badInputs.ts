// Inputs every command's codec must refuse with invalid_input before anything is written: a wrong
// enum value, a number for an amount, a missing required field, a field of the wrong type, an
// idempotency key over its limit. Passed as `unknown`, as a caller in plain JavaScript would.
import type { Ledger } from '../../../src/ledger/types.js'
import type { CheckedCall } from './modelChecks.js'

type Untyped = Record<string, (input: unknown) => ReturnType<CheckedCall['call']>>

const untyped = (ledger: Ledger): Untyped => ledger as unknown as Untyped

const call =
  (method: string, input: unknown): CheckedCall['call'] =>
  (ledger) => {
    const fn = untyped(ledger)[method]
    if (fn === undefined) throw new Error(`the ledger has no ${method}`)
    return fn.call(ledger, input)
  }

const payment = {
  channel: 'p2p',
  payer: 'alice',
  payee: 'bob',
  asset: 'USD',
  amount: '1.00',
  idempotencyKey: 'bad',
}
const source = { type: 'bank_transfer', reference: 'r' }

/** The refused inputs, each with a name for counterexamples. */
export const BAD_INPUTS: readonly { readonly label: string; readonly call: CheckedCall['call'] }[] =
  [
    { label: 'pay: unknown channel', call: call('pay', { ...payment, channel: 'cash' }) },
    { label: 'pay: amount as a number', call: call('pay', { ...payment, amount: 1 }) },
    { label: 'pay: capture mode unknown', call: call('pay', { ...payment, capture: 'later' }) },
    {
      label: 'pay: unverified authorization without method',
      call: call('pay', { ...payment, authorization: { verified: true } }),
    },
    {
      label: 'pay: idempotency key too long',
      call: call('pay', { ...payment, idempotencyKey: 'k'.repeat(129) }),
    },
    {
      label: 'deposit: no idempotency key',
      call: call('deposit', { accountId: 'alice', asset: 'USD', amount: '1.00', source }),
    },
    {
      label: 'deposit: unknown source type',
      call: call('deposit', {
        accountId: 'alice',
        asset: 'USD',
        amount: '1.00',
        source: { type: 'cheque', reference: 'r' },
        idempotencyKey: 'bad',
      }),
    },
    {
      label: 'adjust: unknown direction',
      call: call('adjust', {
        accountId: 'alice',
        asset: 'USD',
        amount: '1.00',
        direction: 'sideways',
        reason: 'r',
        idempotencyKey: 'bad',
      }),
    },
    { label: 'refund: payment id as a number', call: call('refund', { paymentId: 7, idempotencyKey: 'bad' }) },
    { label: 'capture: no payment id', call: call('capturePayment', {}) },
    {
      label: 'requestWithdrawal: unknown destination type',
      call: call('requestWithdrawal', {
        accountId: 'alice',
        asset: 'USD',
        amount: '1.00',
        destination: { type: 'paypal', email: 'a@b.c' },
        idempotencyKey: 'bad',
      }),
    },
    { label: 'freezeAccount: no reason', call: call('freezeAccount', { accountId: 'alice' }) },
    { label: 'setLimits: no asset', call: call('setLimits', { accountId: 'alice', perDay: '1.00' }) },
    {
      label: 'openAccount: fee rate on a user',
      call: call('openAccount', { accountId: 'dave', kind: 'user', merchantFeeRate: '1' }),
    },
  ]
