// The payment decider: one function per command, each in its own module, and the stream name.
import type { Either } from 'fp-ts/lib/Either.js'
import { absurd } from '../assert.js'
import type { Decider } from '../decider.js'
import { cancelPayment, capturePayment, expirePayment } from './capture.js'
import type { PaymentCommand } from './commands.js'
import type { PaymentError } from './errors.js'
import type { PaymentEvent } from './events.js'
import { refundPayment } from './refund.js'
import { requestPayment } from './requestPayment.js'
import type { PaymentState } from './state.js'
import { evolvePayment, initialPaymentState } from './state.js'

/**
 * Decides a payment command. A business refusal of a request is `right([PaymentFailed])` (stored,
 * then reported with `paymentFailureOf`); every other refusal is `left` and records nothing. See each
 * command's function for its rules and codes.
 */
export const decidePayment = (
  command: PaymentCommand,
  state: PaymentState,
): Either<PaymentError, readonly PaymentEvent[]> => {
  switch (command.type) {
    case 'RequestPayment':
      return requestPayment(command, state)
    case 'CapturePayment':
      return capturePayment(command, state)
    case 'CancelPayment':
      return cancelPayment(command, state)
    case 'ExpirePayment':
      return expirePayment(command, state)
    case 'RefundPayment':
      return refundPayment(command, state)
    default:
      return absurd(command)
  }
}

/** The payment aggregate. */
export const paymentDecider: Decider<PaymentState, PaymentCommand, PaymentEvent, PaymentError> = {
  initialState: initialPaymentState,
  decide: decidePayment,
  evolve: evolvePayment,
}
