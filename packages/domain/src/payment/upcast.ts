// Old payment event versions -> current. Every payment event is still at version 1, so the chains
// are empty; a version 2 adds its upcaster here with a fixture test (STYLE.md section 7).
import type { UpcastRegistry } from '../upcast.js'

/** The upcast chains of the payment events, for `upcastEvent` before decoding with `PaymentEvent`. */
export const paymentUpcasters: UpcastRegistry = {
  PaymentFailed: { currentVersion: 1, steps: {} },
  PaymentAuthorized: { currentVersion: 1, steps: {} },
  PaymentCaptured: { currentVersion: 1, steps: {} },
  PaymentCancelled: { currentVersion: 1, steps: {} },
  PaymentExpired: { currentVersion: 1, steps: {} },
  PaymentRefunded: { currentVersion: 1, steps: {} },
}
