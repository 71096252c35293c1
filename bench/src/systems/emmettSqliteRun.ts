// Runs the P2P workload through Emmett's SQLite store alone and prints its totals as JSON: the
// emmett-sqlite scenario starts it as a child process. Emmett 0.38.5's store opens and closes a
// sqlite3 connection per operation without awaiting the close, and now and then dies with an
// uncaught SQLITE_BUSY ("cannot commit transaction - SQL statements in progress") that no caller
// can catch: in a process of its own, that ends its rows (a loud skip), not the whole run.
//
//   node bench/dist/systems/emmettSqliteRun.js ACCOUNTS TRANSFERS SEED FILE
import { loadPeer } from '../harness/peers.js'
import { createEmmettSystem } from './emmettSystem.js'
import { runInterleaved } from './runInterleaved.js'

type EmmettSqlite = { readonly getSQLiteEventStore: (options: { fileName: string }) => unknown }

const [accounts, transfers, seed] = process.argv.slice(2, 5).map(Number)
const fileName = process.argv[5]
if (
  accounts === undefined ||
  transfers === undefined ||
  seed === undefined ||
  fileName === undefined
) {
  throw new Error('usage: emmettSqliteRun.js ACCOUNTS TRANSFERS SEED FILE')
}
const [emmett, sqlite] = await Promise.all([
  loadPeer('@event-driven-io/emmett', 'peers-sqlite'),
  loadPeer('@event-driven-io/emmett-sqlite', 'peers-sqlite'),
])
if (emmett === undefined || sqlite === undefined)
  throw new Error('bench/peers-sqlite is not installed')
const store = (sqlite as EmmettSqlite).getSQLiteEventStore({ fileName })
const system = createEmmettSystem(emmett, 'emmett-sqlite', store)
const [result] = await runInterleaved([system], { accounts, transfers, seed }, (line) => {
  console.error(line)
})
console.log(JSON.stringify(result))
