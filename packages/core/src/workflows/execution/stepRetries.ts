// One step of the step-by-step executor, retried on a revision clash: the step decides again
// against fresh state each time, so a clash with another writer only costs a retry.
import { limits } from '@wallet-ledger/domain'
import { isStoreError } from '../../ports/storeError.js'

/**
 * Runs `step` until it does not clash (`wrong_expected_version`), at most
 * `COMMAND_RETRIES_MAX` + 1 times; any other failure, or the last clash, rejects.
 */
export const withStepRetries = async (step: () => Promise<void>): Promise<void> => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await step()
    } catch (error) {
      if (!isStoreError(error, 'wrong_expected_version') || attempt >= limits.COMMAND_RETRIES_MAX)
        throw error
    }
  }
}
