// The public names of the payment aggregate, listed by name.
export type {
  CancelPayment,
  CapturePayment,
  ExpirePayment,
  RefundPayment,
  RequestPayment,
} from './commands.js'
export { PaymentCommand } from './commands.js'
export {
  CancelPaymentCommand,
  CaptureMode,
  CapturePaymentCommand,
  ExpirePaymentCommand,
  PayeeFacts,
  PaymentAuthorizedV1,
  PaymentCancelledV1,
  PaymentCapturedV1,
  PaymentChannel,
  PaymentExpiredV1,
  PaymentFailedV1,
  PaymentFailureCode,
  PaymentHold,
  PaymentRefundedV1,
  PaymentRequest,
  RefundPaymentCommand,
  RequestPaymentCommand,
  PaymentSenderFacts,
} from './codecs.js'
export type {
  PaymentAuthorized,
  PaymentCancelled,
  PaymentCaptured,
  PaymentExpired,
  PaymentFailed,
  PaymentRefunded,
} from './events.js'
export { PaymentEvent } from './events.js'
export type { PaymentError, PaymentErrorCode } from './errors.js'
export { paymentError, paymentNotFound } from './errors.js'
export type {
  AuthorizedPayment,
  CapturedPayment,
  ClosedPayment,
  FailedPayment,
  PaymentState,
  RequestedPayment,
} from './state.js'
export { evolvePayment, initialPaymentState } from './state.js'
export type { CaptureAmounts, PaymentParties, RefundShares } from './postings.js'
export { captureEntry, merchantFeeOf, refundEntry, refundShares } from './postings.js'
export type { PaymentFailure, PaymentView, PaymentViewStatus } from './view.js'
export { paymentFailureOf, storedPaymentFailure, paymentView } from './view.js'
export { decidePayment, paymentDecider } from './decide.js'
export { paymentStream } from '../streamNames.js'
export { paymentUpcasters } from './upcast.js'
