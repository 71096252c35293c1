// recover()'s release of a leftover hold, run beside live traffic: the hold may have been captured
// or released since recover() scanned the log, which is no fault, so a hold no longer open is
// skipped instead of refused (a refused posting would be a broken invariant elsewhere).
import { assert } from '@wallet-ledger/domain'
import { commitOne } from '../../engine/commit.js'
import type { LedgerContext } from '../../ledger/context.js'
import { decideAccountWrites, stepCommand } from '../shared/accountWrites.js'
import { withStepRetries } from './stepRetries.js'

/** Releases an account's hold if it is still open; whether this call released it. */
export const releaseIfOpen = async (
  context: LedgerContext,
  hold: { readonly accountId: string; readonly holdId: string },
  at: string,
): Promise<boolean> => {
  let released = false
  await withStepRetries(async () => {
    released = false
    const account = await context.repository.load(context.definitions.account, hold.accountId)
    if (account.state.status === 'not_opened' || !account.state.holds.has(hold.holdId)) return
    const release = stepCommand({ kind: 'release', ...hold }, at)
    const writes = await decideAccountWrites(context, [release], at)
    assert(
      writes._tag === 'Right',
      `releasing an open hold was refused: ${writes._tag === 'Left' ? writes.left.message : ''}`,
    )
    for (const write of writes.right) {
      await commitOne(context.store, context.repository, write, { actor: 'recover' })
      released = true
    }
  })
  return released
}
