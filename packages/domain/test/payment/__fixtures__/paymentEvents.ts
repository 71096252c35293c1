// Expected payment events for given/when/then tests, built by small named factories.
import { expect } from 'vitest'
import type { PaymentEvent } from '../../../src/payment/events.js'

/** When fixture payments are requested (the test kit's PAYMENT_AT). */
const PAYMENT_AT = '2026-11-26T08:00:00.000Z'

/** A USD journal leg as recorded. */
export const leg = (account: string, value: string, direction: 'debit' | 'credit') => ({
  account,
  asset: 'USD',
  amount: value,
  direction,
})

/** The request as the first event records it, for the fixture payment. */
export const recorded = (overrides: Record<string, unknown> = {}) => ({
  fingerprint: 'a'.repeat(64),
  channel: 'merchant_qr',
  payer: 'alice',
  payee: 'shop',
  asset: 'USD',
  amount: '20.00',
  capture: 'instant',
  ...overrides,
})

/** The instant capture of the fixture payment with these legs. */
export const capturedAtOnce = (
  legs: readonly object[],
  extra: Record<string, unknown> = {},
  request = recorded(),
) =>
  ({
    type: 'PaymentCaptured',
    schemaVersion: 1,
    data: {
      paymentId: 'p-1',
      request,
      amount: request.amount,
      ...extra,
      entry: { entryId: 'p-1:capture', legs },
      at: PAYMENT_AT,
    },
  }) as PaymentEvent

/** The fixture payment refused with `code` (any message). */
export const failedWith = (code: string, request = recorded()) =>
  ({
    type: 'PaymentFailed',
    schemaVersion: 1,
    data: {
      paymentId: 'p-1',
      request,
      reason: { code, message: expect.any(String) },
      at: PAYMENT_AT,
    },
  }) as PaymentEvent

