// Claim events have one version so far; the chain is empty until a v2 exists.
import type { UpcastRegistry } from '../upcast.js'

/** Upcasters of claim events by type. */
export const claimUpcasters: UpcastRegistry = {
  IdempotencyKeyClaimed: { currentVersion: 1, steps: {} },
}
