// wallet-ledger as a P2P system: the ledger services get from `createLedger` on the in-memory
// store, every check on; each transfer is `ledger.pay` with channel 'p2p'.
import { createLedger, createMemoryEventStore } from '@wallet-ledger/core'
import type { EventStore } from '@wallet-ledger/core'
import { benchAccountIds, openAndFund, totalOf } from '../benchLedger.js'
import { p2pPayInput } from '../ledgerP2p.js'
import type { P2pSystem } from './p2pSystem.js'

/** A wallet-ledger on `store` (default: a fresh in-memory store), named `name` in the table. */
export const createWalletLedgerSystem = async (
  seed: number,
  store: EventStore = createMemoryEventStore(),
  name = 'wallet-ledger',
): Promise<P2pSystem> => {
  const ledger = await createLedger({ store })
  return {
    name,
    setup: (accounts) => openAndFund(ledger, accounts),
    transfer: async (transfer, index) => {
      const paid = await ledger.pay(p2pPayInput(transfer, `bench-transfer-${seed}-${index}`))
      if (paid._tag === 'Left') throw new Error(`wallet-ledger refused: ${paid.left.code}`)
    },
    totalMinor: (accounts) => totalOf(ledger, benchAccountIds(accounts)),
    close: () => ledger.close(),
  }
}
