// The public names of @wallet-ledger/testing, listed by name.
export type { DeciderSpec, DeciderThen } from './deciderSpec.js'
export { deciderSpec } from './deciderSpec.js'
