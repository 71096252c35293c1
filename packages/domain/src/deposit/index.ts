// The public names of the deposit aggregate.
export {
  DepositCommand,
  DepositEvent,
  DepositSource,
  DepositSourceType,
  FundsDepositedV1,
  RecordDepositCommand,
} from './codecs.js'
export type { RecordDeposit } from './commands.js'
export type { FundsDeposited } from './events.js'
export type { DepositError, DepositErrorCode } from './errors.js'
export type { DepositState } from './state.js'
export { evolveDeposit, initialDepositState } from './state.js'
export { decideDeposit, depositDecider, depositWorldAccount } from './decide.js'
export { depositStream } from '../streamNames.js'
export { depositUpcasters } from './upcast.js'
