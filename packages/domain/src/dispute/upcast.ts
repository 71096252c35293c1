// Old dispute event versions -> current. Every dispute event is still at version 1, so the chains
// are empty; a version 2 adds its upcaster here with a fixture test (STYLE.md section 7).
import type { UpcastRegistry } from '../upcast.js'

/** The upcast chains of the dispute events, for `upcastEvent` before decoding with `DisputeEvent`. */
export const disputeUpcasters: UpcastRegistry = {
  DisputeOpened: { currentVersion: 1, steps: {} },
  EvidenceSubmitted: { currentVersion: 1, steps: {} },
  DisputeContested: { currentVersion: 1, steps: {} },
  DisputeEscalated: { currentVersion: 1, steps: {} },
  DisputeReferredToLegal: { currentVersion: 1, steps: {} },
  DisputeResolved: { currentVersion: 1, steps: {} },
}
