// Conversion command types, derived from their codecs so the codec stays the single source of truth.
import type * as t from 'io-ts'
import { ConvertFundsCommand } from './codecs.js'

/** Converts an amount of one asset into another at a quoted rate. */
export type ConvertFunds = t.TypeOf<typeof ConvertFundsCommand>

/**
 * The codec of every conversion command, for the engine and for round-trip tests. There is one
 * command (a conversion is decided in one step); a second one turns this into a `t.union`.
 */
export const ConversionCommand = ConvertFundsCommand
/** Any conversion command. */
export type ConversionCommand = ConvertFunds
