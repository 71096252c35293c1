// Old promotion event versions -> current. Every promotion event is still at version 1, so the
// chains are empty; a version 2 adds its upcaster here with a fixture test (STYLE.md section 7).
import type { UpcastRegistry } from '../upcast.js'

/** The upcast chains of the promotion events, for `upcastEvent` before decoding with `PromotionEvent`. */
export const promotionUpcasters: UpcastRegistry = {
  PromotionCreated: { currentVersion: 1, steps: {} },
  DiscountApplied: { currentVersion: 1, steps: {} },
  DiscountReturned: { currentVersion: 1, steps: {} },
  DiscountVoided: { currentVersion: 1, steps: {} },
}
