// Old conversion event versions -> current. Every conversion event is still at version 1, so the
// chains are empty; a version 2 adds its upcaster here with a fixture test (STYLE.md section 7).
import type { UpcastRegistry } from '../upcast.js'

/** The upcast chains of the conversion events, for `upcastEvent` before decoding. */
export const conversionUpcasters: UpcastRegistry = {
  ConversionExecuted: { currentVersion: 1, steps: {} },
  ConversionExpired: { currentVersion: 1, steps: {} },
  ConversionFailed: { currentVersion: 1, steps: {} },
}
