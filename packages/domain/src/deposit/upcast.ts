// Deposit events have one version so far; the chain is empty until a v2 exists.
import type { UpcastRegistry } from '../upcast.js'

/** Upcasters of deposit events by type. */
export const depositUpcasters: UpcastRegistry = {}
