// Every public method of the Ledger as the boundary property calls it: a valid input naming real
// entities of a small story, the fields a mutation may remove, amounts and nested objects. The
// story's ids are filled in once it has run.
import type { InputShape } from '@wallet-ledger/testing'
import type { Ledger } from '../../../src/ledger/types.js'

/** The entities of the story the valid inputs name. */
export type StoryIds = {
  readonly paymentId: string
  readonly withdrawalId: string
  readonly disputeId: string
  readonly conversionId: string
  readonly now: string
  readonly head: string
}

/** How the property calls one method with a (mutated) input. */
export type BoundaryCall = {
  readonly method: keyof Ledger
  readonly shape: InputShape
  readonly call: (ledger: Ledger, input: unknown) => Promise<unknown>
}

const SHA = 'a'.repeat(64)
const LATER = '2027-01-01T00:00:00.000Z'
const AUTH = { method: 'two_factor', verified: true }
const BANK = { type: 'bank_account', bank: 'ACME', accountNumber: '12345678' }

type AnyMethod = (...args: unknown[]) => Promise<unknown>
const method = (ledger: Ledger, name: keyof Ledger): AnyMethod =>
  (ledger[name] as AnyMethod).bind(ledger)

const command = (
  name: keyof Ledger,
  valid: Record<string, unknown>,
  required: readonly string[],
  extra: Pick<InputShape, 'amounts' | 'nested'> = {},
): BoundaryCall => ({
  method: name,
  shape: { valid, required, ...extra },
  call: (ledger, input) => method(ledger, name)(input),
})

/** A query taking an id first: the id is the mutated input, the options stay valid. */
const byId = (name: keyof Ledger, valid: string, options?: unknown): BoundaryCall => ({
  method: name,
  shape: { valid: {}, required: [] },
  call: (ledger, input) =>
    options === undefined
      ? method(ledger, name)(input)
      : method(ledger, name)(input, options),
})

/** A query's options object after a valid account id. */
const options = (
  name: keyof Ledger,
  valid: Record<string, unknown>,
  required: readonly string[] = [],
): BoundaryCall => ({
  method: name,
  shape: { valid, required },
  call: (ledger, input) => method(ledger, name)('alice', input),
})

/** Every public method with input, over the story's ids. */
export const boundaryCalls = (ids: StoryIds): BoundaryCall[] => {
  const { paymentId, withdrawalId, disputeId } = ids
  const account = { accountId: 'alice' }
  return [
    command('openAccount', { kind: 'merchant', accountId: 'dave', merchantFeeRate: '1' }, ['kind']),
    command('enableTwoFactor', account, ['accountId']),
    command('disableTwoFactor', { ...account, authorization: AUTH }, ['accountId', 'authorization'], {
      nested: ['authorization'],
    }),
    command('setPaymentPassword', account, ['accountId']),
    command('setLimits', { ...account, asset: 'USD', perDay: '10.00' }, ['accountId', 'asset'], {
      amounts: ['perDay'],
    }),
    command('freezeAccount', { ...account, reason: 'lost' }, ['accountId', 'reason']),
    command('forgetOwner', { ...account, authorization: AUTH }, ['accountId', 'authorization'], {
      nested: ['authorization'],
    }),
    command('unfreezeAccount', { ...account, verification: 'id' }, ['accountId', 'verification']),
    command('closeAccount', account, ['accountId']),
    command(
      'deposit',
      { ...account, asset: 'USD', amount: '1.00', source: { type: 'card', reference: 'r' }, idempotencyKey: 'd' },
      ['accountId', 'asset', 'amount', 'source', 'idempotencyKey'],
      { amounts: ['amount'], nested: ['source'] },
    ),
    command(
      'adjust',
      { ...account, asset: 'USD', amount: '1.00', direction: 'credit', reason: 'x', idempotencyKey: 'a' },
      ['accountId', 'asset', 'amount', 'direction', 'reason', 'idempotencyKey'],
      { amounts: ['amount'] },
    ),
    command(
      'createPromotion',
      {
        promotionId: 'summer',
        asset: 'USD',
        budget: '5.00',
        discount: { percent: '5' },
        validUntil: LATER,
      },
      ['promotionId', 'asset', 'budget', 'discount'],
      { amounts: ['budget'], nested: ['discount'] },
    ),
    command(
      'pay',
      { channel: 'p2p', payer: 'alice', payee: 'bob', asset: 'USD', amount: '1.00', authorization: AUTH, idempotencyKey: 'p' },
      ['channel', 'payer', 'payee', 'asset', 'amount', 'idempotencyKey'],
      { amounts: ['amount'], nested: ['authorization'] },
    ),
    command('capturePayment', { paymentId, amount: '1.00' }, ['paymentId'], { amounts: ['amount'] }),
    command('cancelPayment', { paymentId }, ['paymentId']),
    command('refund', { paymentId, amount: '1.00', idempotencyKey: 'r' }, ['paymentId', 'idempotencyKey'], {
      amounts: ['amount'],
    }),
    command(
      'convert',
      { ...account, from: { asset: 'USD', amount: '1.00' }, to: { asset: 'USDT' }, rate: '1', quoteExpiresAt: LATER, idempotencyKey: 'c' },
      ['accountId', 'from', 'to', 'rate', 'idempotencyKey'],
      { nested: ['from', 'to'] },
    ),
    command(
      'requestWithdrawal',
      { ...account, asset: 'USD', amount: '1.00', fee: '0.10', destination: BANK, idempotencyKey: 'w' },
      ['accountId', 'asset', 'amount', 'destination', 'idempotencyKey'],
      { amounts: ['amount', 'fee'], nested: ['destination'] },
    ),
    command('verifyWithdrawalIdentity', { withdrawalId, passed: true }, ['withdrawalId', 'passed']),
    command('submitWithdrawal', { withdrawalId, bankReference: 'b' }, ['withdrawalId']),
    command('completeWithdrawal', { withdrawalId }, ['withdrawalId']),
    command('failWithdrawal', { withdrawalId, reason: 'x' }, ['withdrawalId', 'reason']),
    command('returnWithdrawal', { withdrawalId, reason: 'x' }, ['withdrawalId', 'reason']),
    command(
      'openDispute',
      { paymentId, reason: 'duplicate', amount: '1.00', idempotencyKey: 'o' },
      ['paymentId', 'reason', 'idempotencyKey'],
      { amounts: ['amount'] },
    ),
    command('submitEvidence', { disputeId, by: 'payer', reference: 'r', sha256: SHA }, [
      'disputeId',
      'by',
      'reference',
      'sha256',
    ]),
    command('respondToDispute', { disputeId, response: 'accept' }, ['disputeId', 'response']),
    command('escalateDispute', { disputeId }, ['disputeId']),
    command('resolveDispute', { disputeId, outcome: 'payer', amount: '1.00' }, ['disputeId', 'outcome'], {
      amounts: ['amount'],
    }),
    command('reportUnauthorized', { ...account, paymentIds: [paymentId] }, ['accountId', 'paymentIds']),
    command('runDue', { now: ids.now }, []),
    command('audit', { expectedHead: ids.head }, []),
    command('accounts', { kind: 'user', limit: 10 }, []),
    byId('account', 'alice'),
    byId('settings', 'alice'),
    byId('payment', paymentId),
    byId('withdrawal', withdrawalId),
    byId('dispute', disputeId),
    byId('conversion', ids.conversionId),
    byId('balances', 'alice', {}),
    byId('history', 'alice', { limit: 5 }),
    byId('statement', 'alice', { asset: 'USD', from: ids.now, to: ids.now }),
    {
      method: 'subscribe',
      shape: {
        valid: { fromPosition: '0', types: ['FundsDeposited'], retry: { attempts: 2, backoffMs: 0 } },
        required: [],
        nested: ['retry'],
      },
      call: async (ledger, input) => {
        const result = await method(ledger, 'subscribe')(() => undefined, input)
        // A subscription the property should not have got is closed, then reported by the check.
        const subscription = result as { _tag: string; right?: { close: () => Promise<void> } }
        if (subscription._tag === 'Right') await subscription.right?.close()
        return result
      },
    },
    options('balances', { asOf: ids.now }),
    {
      method: 'withdrawal',
      shape: { valid: { reveal: true }, required: [] },
      call: (ledger, input) => ledger.withdrawal(withdrawalId, input as never),
    },
    options('history', { asset: 'USD', limit: 5 }),
    options('statement', { asset: 'USD', from: ids.now, to: ids.now }, ['asset', 'from', 'to']),
  ]
}

/** Methods the property does not call: they take no input. */
export const NOT_CALLED: ReadonlySet<string> = new Set(['close', 'recover', 'rebuildProjections'])
