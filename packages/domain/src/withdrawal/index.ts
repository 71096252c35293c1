// The public names of the withdrawal aggregate, listed by name.
export type {
  CancelWithdrawal,
  CompleteWithdrawal,
  FailWithdrawal,
  RequestWithdrawal,
  ReturnWithdrawal,
  SubmitWithdrawal,
  VerifyWithdrawalIdentity,
  WithdrawalCommand,
} from './commands.js'
export {
  CancelWithdrawalCommand,
  CompleteWithdrawalCommand,
  FailWithdrawalCommand,
  RequestWithdrawalCommand,
  ReturnWithdrawalCommand,
  SubmitWithdrawalCommand,
  VerifyWithdrawalIdentityCommand,
  WithdrawalCommand as WithdrawalCommandCodec,
} from './commandCodecs.js'
export type { CryptoNetworkBrand } from './codecs.js'
export {
  CryptoNetwork,
  WithdrawalCancelledV1,
  WithdrawalCompletedV1,
  WithdrawalDestination as WithdrawalDestinationCodec,
  WithdrawalEvent as WithdrawalEventCodec,
  WithdrawalFailedV1,
  WithdrawalRefusalCode as WithdrawalRefusalCodeCodec,
  WithdrawalRejectedV1,
  WithdrawalRequestFailedV1,
  WithdrawalRequestedV1,
  WithdrawalReturnedV1,
  WithdrawalSenderFacts,
  WithdrawalSubmittedV1,
  WithdrawalVerifiedV1,
} from './codecs.js'
export type {
  WithdrawalCancelled,
  WithdrawalCompleted,
  WithdrawalDestination,
  WithdrawalEvent,
  WithdrawalFailed,
  WithdrawalRefusalCode,
  WithdrawalRejected,
  WithdrawalRequestFailed,
  WithdrawalRequested,
  WithdrawalReturned,
  WithdrawalSubmitted,
  WithdrawalVerified,
} from './events.js'
export type { WithdrawalError, WithdrawalErrorCode } from './errors.js'
export { withdrawalError } from './errors.js'
export type {
  HeldWithdrawal,
  WithdrawalBasics,
  WithdrawalState,
  WithdrawalStatus,
} from './state.js'
export { storedWithdrawalFailure, withdrawalFailureOf } from './requestWithdrawal.js'
export { withdrawalDecider } from './withdrawalDecider.js'
export { withdrawalStream } from '../streamNames.js'
export { withdrawalUpcasters } from './upcast.js'
export type { WithdrawalView } from './withdrawalView.js'
export { withdrawalView } from './withdrawalView.js'
export {
  withdrawalPayoutEntry,
  outflowAccountOf,
  withdrawalReturnEntry,
} from './withdrawalJournal.js'
