// The scenarios `pnpm bench` runs, in this order. To add one: write bench/src/scenarios/<name>.ts
// exporting a `Scenario` (harness/scenario.ts) and list it here (bench/README.md says more).
import type { Scenario } from './harness/scenario.js'
import { auditorReplay } from './scenarios/auditorReplay.js'
import { emmettSqlite } from './scenarios/emmettSqlite.js'
import { engineVsRawStore } from './scenarios/engineVsRawStore.js'
import { firstQueries } from './scenarios/firstQueries.js'
import { p2pMemory } from './scenarios/p2pMemory.js'
import { growth } from './scenarios/growth.js'
import { hotPayee } from './scenarios/hotPayee.js'
import { postgresP2p } from './scenarios/postgresP2p.js'
import { sqliteDurable } from './scenarios/sqliteDurable.js'
import { sqliteLatency } from './scenarios/sqliteLatency.js'

/** Every registered scenario; names are unique (checked by registry.unit.spec.ts). */
export const SCENARIOS: readonly Scenario[] = [
  p2pMemory,
  engineVsRawStore,
  hotPayee,
  sqliteDurable,
  sqliteLatency,
  postgresP2p,
  auditorReplay,
  growth,
  firstQueries,
  emmettSqlite,
]
