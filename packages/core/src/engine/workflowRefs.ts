// Names the engine gives holds and journal entries, chosen so recover() can tell from a hold id
// alone which workflow took it (and so whether that workflow still needs it).

/** The workflows that take holds, by the aggregate whose stream records them. */
export type HoldingWorkflow = 'payment' | 'withdrawal' | 'dispute'

const HOLDING: ReadonlySet<string> = new Set<HoldingWorkflow>(['payment', 'withdrawal', 'dispute'])
const RESERVE_SUFFIX = ':reserve'

/** The hold a workflow keeps on an account while it waits (authorization, withdrawal, dispute). */
export const workflowHoldId = (kind: HoldingWorkflow, id: string): string => `${kind}:${id}:hold`

/** The workflow that owns a hold made by `workflowHoldId`, if it is one. */
export const holdOwnerOf = (holdId: string): { kind: HoldingWorkflow; id: string } | undefined => {
  const [kind, id, purpose, ...rest] = holdId.split(':')
  if (rest.length > 0 || purpose !== 'hold' || kind === undefined || id === undefined)
    return undefined
  return HOLDING.has(kind) ? { kind: kind as HoldingWorkflow, id } : undefined
}

/** A journal entry id: the workflow, its id and what the entry does ("payment:<id>:capture"). */
export const entryIdOf = (kind: string, id: string, purpose: string): string =>
  `${kind}:${id}:${purpose}`

/**
 * The hold the step-by-step executor takes before a workflow records a debit of leg `leg`, then
 * captures citing that leg: the debit can no longer fail once the decision is recorded.
 */
export const reserveHoldId = (entryId: string, leg: number): string =>
  `${entryId}#${leg}${RESERVE_SUFFIX}`

/** The entry and leg a reserve hold was taken for, if it is one. */
export const reserveOf = (holdId: string): { entryId: string; leg: number } | undefined => {
  if (!holdId.endsWith(RESERVE_SUFFIX)) return undefined
  const body = holdId.slice(0, -RESERVE_SUFFIX.length)
  const hash = body.lastIndexOf('#')
  const leg = Number(body.slice(hash + 1))
  return hash < 0 || !Number.isInteger(leg) ? undefined : { entryId: body.slice(0, hash), leg }
}
