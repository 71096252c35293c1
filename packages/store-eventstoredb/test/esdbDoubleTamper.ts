// Test support: edits the EventStoreDB test double's memory behind the adapter's back, for the
// tamper property over every store. EventStoreDB's log is append-only: an intruder with server
// access can alter records on disk or remove events (truncation, scavenge), not reorder them, so
// there is no swap here (see docs/adapters.md, tamper evidence).
import type { DoubleEvent, DoubleLog } from './esdbDoubleLog.js'

/** Edits of the ledger events one store (its `namespace`) keeps in the double's `log`. */
export const esdbDoubleTamper = (log: DoubleLog, namespace: string) => {
  const prefix = `${namespace}/`
  // The double's index of the ledger event at `position`, read from its metadata.
  const indexOf = (position: bigint): number => {
    const index = log.events.findIndex((event) => {
      if (!event.stream.startsWith(prefix)) return false
      const metadata = metadataOf(event)
      return metadata?.walletLedger === 1 && metadata.position === position.toString()
    })
    if (index < 0) throw new Error(`no ledger event at position ${position} in ${namespace}`)
    return index
  }
  const replace = (position: bigint, edit: (event: DoubleEvent) => DoubleEvent): void => {
    const index = indexOf(position)
    const event = log.events[index]!
    const edited = edit(event)
    log.events[index] = edited
    const stream = log.streams.get(event.stream) ?? []
    stream[stream.indexOf(event)] = edited
  }
  return {
    editData: async (position: bigint, edit: (dataJson: string) => string): Promise<void> =>
      replace(position, (event) => ({
        ...event,
        data: Buffer.from(edit(Buffer.from(event.data).toString('utf8')), 'utf8'),
      })),
    editHash: async (position: bigint, hash: string): Promise<void> =>
      replace(position, (event) => ({
        ...event,
        metadata: Buffer.from(JSON.stringify({ ...metadataOf(event), hash }), 'utf8'),
      })),
    deleteEvent: async (position: bigint): Promise<void> => {
      const index = indexOf(position)
      const [event] = log.events.splice(index, 1)
      const stream = log.streams.get(event!.stream) ?? []
      stream.splice(stream.indexOf(event!), 1)
    },
  }
}

const metadataOf = (event: DoubleEvent): Record<string, unknown> | undefined => {
  try {
    return JSON.parse(Buffer.from(event.metadata).toString('utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}
