// The public names of the conversion aggregate, listed by name.
export {
  AssetScaleNumber,
  ConversionEngineId,
  ConversionExecutedV1,
  ConversionExpiredV1,
  ConversionFailedV1,
  ConversionMinorUnits,
  ConversionReason,
  ConversionRefusalCode,
  ConversionSenderFacts,
  ConversionTarget,
  ConvertFundsCommand,
  RemainderFraction,
} from './codecs.js'
export type { ConvertFunds } from './commands.js'
export { ConversionCommand } from './commands.js'
export type { ConversionExecuted, ConversionExpired, ConversionFailed } from './events.js'
export { ConversionEvent } from './events.js'
export type { ConversionError, ConversionErrorCode } from './errors.js'
export { conversionError } from './errors.js'
export type {
  ConversionNotStarted,
  ConversionRequest,
  ConversionState,
  ExecutedConversion,
  ExpiredConversion,
  FailedConversion,
} from './state.js'
export { evolveConversion, initialConversionState } from './state.js'
export { decideConversion } from './decide.js'
export { conversionDecider } from './conversionDecider.js'
export { conversionStream } from '../streamNames.js'
export type { ConversionPrice } from './pricing.js'
export { conversionEntry, priceConversion } from './pricing.js'
export { conversionUpcasters } from './upcast.js'
export type { ConversionView, ConversionViewAmount } from './view.js'
export { conversionFailureOf, storedConversionFailure, conversionView } from './view.js'
