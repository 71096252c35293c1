// The public names of the adjustment aggregate.
export {
  AdjustmentCommand,
  AdjustmentEvent,
  AdjustmentPostedV1,
  PostAdjustmentCommand,
} from './codecs.js'
export type { PostAdjustment } from './commands.js'
export type { AdjustmentPosted } from './events.js'
export type { AdjustmentError, AdjustmentErrorCode } from './errors.js'
export type { AdjustmentState } from './state.js'
export { evolveAdjustment, initialAdjustmentState } from './state.js'
export { adjustmentDecider, decideAdjustment } from './decide.js'
export { adjustmentStream } from '../streamNames.js'
export { adjustmentUpcasters } from './upcast.js'
