// What this ledger's step-by-step commits have taken and not yet finished: recover() running
// beside live traffic must not take a command's hold for a crash's leftover (released between the
// command's reserve and its decision, the decision would name a hold that is gone).
// Per ledger instance: two processes sharing a store must not run recover() while the other one
// has commands in flight (docs/architecture.md, "recover()").

/** Holds (by `accountId|holdId`) and journal entries of step-by-step commits in progress. */
export type InFlight = {
  /** Registers a commit's holds and entries; the returned function unregisters them. */
  readonly enter: (holds: readonly string[], entries: readonly string[]) => () => void
  readonly hasHold: (accountId: string, holdId: string) => boolean
  readonly hasEntry: (entryId: string) => boolean
}

/** The key of a hold in the registry. */
export const inFlightHoldKey = (accountId: string, holdId: string): string =>
  `${accountId}|${holdId}`

/** An empty registry. */
export const createInFlight = (): InFlight => {
  const holds = new Map<string, number>()
  const entries = new Map<string, number>()
  const add = (counts: Map<string, number>, keys: readonly string[], step: 1 | -1): void => {
    for (const key of keys) {
      const count = (counts.get(key) ?? 0) + step
      if (count <= 0) counts.delete(key)
      else counts.set(key, count)
    }
  }
  return {
    enter: (holdKeys, entryIds) => {
      add(holds, holdKeys, 1)
      add(entries, entryIds, 1)
      let isLeft = false
      return () => {
        if (isLeft) return
        isLeft = true
        add(holds, holdKeys, -1)
        add(entries, entryIds, -1)
      }
    },
    hasHold: (accountId, holdId) => holds.has(inFlightHoldKey(accountId, holdId)),
    hasEntry: (entryId) => entries.has(entryId),
  }
}
