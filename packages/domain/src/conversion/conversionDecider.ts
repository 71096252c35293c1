// The conversion aggregate as one Decider value, and its stream name.
import type { Decider } from '../decider.js'
import type { ConversionCommand } from './commands.js'
import { decideConversion } from './decide.js'
import type { ConversionError } from './errors.js'
import type { ConversionEvent } from './events.js'
import { evolveConversion, initialConversionState } from './state.js'
import type { ConversionState } from './state.js'

/** The conversion decider: `decideConversion`, `evolveConversion` and the state before any event. */
export const conversionDecider: Decider<
  ConversionState,
  ConversionCommand,
  ConversionEvent,
  ConversionError
> = {
  initialState: initialConversionState,
  decide: decideConversion,
  evolve: evolveConversion,
}
