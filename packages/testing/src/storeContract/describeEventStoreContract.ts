// The shared EventStore contract (STYLE.md section 9): every adapter's spec calls it once and adds
// nothing store-specific, so every store behaves the same to the engine and to audit.
import { describe } from 'vitest'
import { appendCases } from './appendCases.js'
import { envelopeCases } from './envelopeCases.js'
import { importCases } from './importCases.js'
import { keyVaultCases } from './keyVaultCases.js'
import { lastRevisionCases } from './lastRevisionCases.js'
import { storeHarness, type EventStoreContractOptions } from './fixtures.js'
import { limitCases } from './limitCases.js'
import { readCases } from './readCases.js'
import { snapshotCases } from './snapshotCases.js'
import { snapshotPageCases } from './snapshotPageCases.js'
import { subscriptionCases } from './subscriptionCases.js'

/**
 * Registers the EventStore contract cases for one store under `describe(name)`. `create` must
 * return an empty, open store for each test; `dispose` releases it (it may already be closed);
 * `reopen`, where the store can, opens another store on the same database.
 * Cases for optional capabilities (`appendMany`, `readLastRevision`, snapshots,
 * `importCommit`, `keyVault`) skip with a
 * reason on stores without them; a store that offers them must pass them. An adapter whose server is absent should skip
 * the whole suite loudly (`describe.skip` with the reason) rather than pass.
 *
 * @example
 * describeEventStoreContract('memory', {
 *   create: async () => createMemoryEventStore(),
 *   dispose: (store) => store.close(),
 * })
 */
export const describeEventStoreContract = (
  name: string,
  options: EventStoreContractOptions,
): void => {
  describe(`EventStore contract: ${name}`, () => {
    const harness = storeHarness(options)
    appendCases(harness)
    readCases(harness)
    lastRevisionCases(harness)
    limitCases(harness)
    envelopeCases(harness)
    subscriptionCases(harness)
    snapshotCases(harness)
    snapshotPageCases(harness)
    importCases(harness)
    keyVaultCases(harness)
  })
}

export type { EventStoreContractOptions }
