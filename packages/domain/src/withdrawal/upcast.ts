// Old withdrawal event versions -> current. Every withdrawal event is still at version 1, so the
// chains are empty; a version 2 adds its upcaster here with a fixture test (STYLE.md section 7).
import type { UpcastRegistry } from '../upcast.js'

/** The upcast chains of the withdrawal events, for `upcastEvent` before decoding. */
export const withdrawalUpcasters: UpcastRegistry = {
  WithdrawalRequested: { currentVersion: 1, steps: {} },
  WithdrawalRequestFailed: { currentVersion: 1, steps: {} },
  WithdrawalVerified: { currentVersion: 1, steps: {} },
  WithdrawalRejected: { currentVersion: 1, steps: {} },
  WithdrawalSubmitted: { currentVersion: 1, steps: {} },
  WithdrawalCompleted: { currentVersion: 1, steps: {} },
  WithdrawalFailed: { currentVersion: 1, steps: {} },
  WithdrawalCancelled: { currentVersion: 1, steps: {} },
  WithdrawalReturned: { currentVersion: 1, steps: {} },
}
