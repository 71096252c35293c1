// Names the engine gives holds and journal entries, chosen so recover() can tell from a hold id
// alone which workflow took it (and so whether that workflow still needs it).
import { holdIdUse } from '@wallet-ledger/domain'
import type { AccountState } from '@wallet-ledger/domain'

/** The workflows that take holds, by the aggregate whose stream records them. */
export type HoldingWorkflow = 'payment' | 'withdrawal' | 'dispute'

const HOLDING: ReadonlySet<string> = new Set<HoldingWorkflow>(['payment', 'withdrawal', 'dispute'])
const RESERVE_SUFFIX = ':reserve'

/** Hold ids one workflow may try on one account (see `workflowHoldIdOn`). */
export const WORKFLOW_HOLD_IDS_MAX = 16
const HOLD_PURPOSE = /^hold(\.([2-9]|1[0-6]))?$/

/**
 * The hold a workflow keeps on an account while it waits (authorization, withdrawal, dispute):
 * `<kind>:<id>:hold`, or `<kind>:<id>:hold.<n>` for its `n`th id (2..`WORKFLOW_HOLD_IDS_MAX`).
 */
export const workflowHoldId = (kind: HoldingWorkflow, id: string, n = 1): string =>
  n === 1 ? `${kind}:${id}:hold` : `${kind}:${id}:hold.${n}`

/**
 * The id under which a workflow not yet recorded takes its hold on an account: its first id the
 * account holds open (a retry after a crash takes nothing again) or never used. An id the account
 * used and closed was released by recover() after a crash before the decision: reusing it would
 * take nothing and record a workflow without its hold (issue 7 item 3). `undefined` when every id
 * was used (the caller refuses the command).
 */
export const workflowHoldIdOn = (
  kind: HoldingWorkflow,
  id: string,
  account: AccountState,
): string | undefined => {
  for (let n = 1; n <= WORKFLOW_HOLD_IDS_MAX; n += 1) {
    const holdId = workflowHoldId(kind, id, n)
    if (holdIdUse(account, holdId) !== 'used') return holdId
  }
  return undefined
}

/** The workflow that owns a hold made by `workflowHoldId`, if it is one. */
export const holdOwnerOf = (holdId: string): { kind: HoldingWorkflow; id: string } | undefined => {
  const [kind, id, purpose, ...rest] = holdId.split(':')
  if (rest.length > 0 || purpose === undefined || kind === undefined || id === undefined)
    return undefined
  if (!HOLD_PURPOSE.test(purpose)) return undefined
  return HOLDING.has(kind) ? { kind: kind as HoldingWorkflow, id } : undefined
}

/** A journal entry id: the workflow, its id and what the entry does ("payment:<id>:capture"). */
export const entryIdOf = (kind: string, id: string, purpose: string): string =>
  `${kind}:${id}:${purpose}`

/**
 * The hold the step-by-step executor takes before a workflow records a debit of leg `leg`, then
 * captures citing that leg: the debit can no longer fail once the decision is recorded. `attempt`
 * names one try of the command (a short random token): a try that gave up released its reserve,
 * and an account remembers a released hold id, so a later try needs a hold id of its own.
 */
export const reserveHoldId = (entryId: string, leg: number, attempt: string): string =>
  `${entryId}#${leg}@${attempt}${RESERVE_SUFFIX}`

/** The entry and leg a reserve hold was taken for, if it is one (any attempt). */
export const reserveOf = (holdId: string): { entryId: string; leg: number } | undefined => {
  if (!holdId.endsWith(RESERVE_SUFFIX)) return undefined
  const body = holdId.slice(0, -RESERVE_SUFFIX.length)
  const hash = body.lastIndexOf('#')
  const [legText = ''] = body.slice(hash + 1).split('@')
  const leg = Number(legText)
  return hash < 0 || legText === '' || !Number.isInteger(leg)
    ? undefined
    : { entryId: body.slice(0, hash), leg }
}
