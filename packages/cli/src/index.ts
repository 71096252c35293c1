// The public names of @wallet-ledger/cli: the command line as a function, for embedding and tests.
export type { CliIo } from './session.js'
export { runCli } from './program.js'
export { DEFAULT_STORE_URL } from './storeUrl.js'
