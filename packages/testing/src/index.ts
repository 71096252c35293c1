// The public names of @wallet-ledger/testing, listed by name.
export type { DeciderSpec, DeciderThen } from './deciderSpec.js'
export { deciderSpec } from './deciderSpec.js'

// ---------------------------------------------------------------- money arbitraries
export type { ExactFraction, InvalidAmountCase, InvalidAmountKind, MoneyBounds } from './arbitraries/money.js'
export {
  arbAmountInput,
  arbAsset,
  arbAssetPair,
  arbCanonicalAmount,
  arbInvalidAmount,
  arbInvalidAmountCase,
  arbMoney,
  arbPositiveMoney,
  arbRate,
  arbRegisteredAsset,
  exactFraction,
  maxMinorOf,
} from './arbitraries/money.js'

// ---------------------------------------------------------------- calendar arbitraries
export type { CalendarOptions, DateSpan } from './arbitraries/calendar.js'
export {
  DEFAULT_SPAN,
  arbAnyLocalDate,
  arbBusinessCalendar,
  arbInvalidCalendarInput,
  arbLocalDate,
  arbLocalTime,
  arbSubmission,
} from './arbitraries/calendar.js'

// ---------------------------------------------------------------- dispute arbitraries
export type { DisputeHistory, DisputeHistoryOptions } from './arbitraries/dispute.js'
export {
  DISPUTE_OPENED_AT,
  DISPUTE_RESPONSE_DUE_AT,
  arbDisputeCommand,
  arbDisputeHistory,
  arbDisputeOpening,
  arbOpenDisputeCommand,
  disputableOf,
  runDisputeCommands,
} from './arbitraries/dispute.js'

// ---------------------------------------------------------------- the EventStore contract suite
export type { EventStoreContractOptions } from './storeContract/describeEventStoreContract.js'
export { describeEventStoreContract } from './storeContract/describeEventStoreContract.js'

// ---------------------------------------------------------------- withdrawal arbitraries
export type { WithdrawalRequestOptions, WithdrawalHistory, WithdrawalSender } from './arbitraries/withdrawal.js'
export {
  arbRequestWithdrawal,
  arbWithdrawalCommand,
  arbWithdrawalDestination,
  arbWithdrawalHistory,
  arbWithdrawalSenderFacts,
  runWithdrawalCommands,
} from './arbitraries/withdrawal.js'
