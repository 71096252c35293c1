// forgetOwner: the right to be forgotten in an immutable ledger. The forgetting is recorded on
// the account's stream (ContactErased), then every key the owner had is shredded: what was sealed
// for them (contact, destinations) stays in the log as ciphertext nobody can open, while amounts,
// hashes and chains (which cover the ciphertext) keep verifying.
import { left } from 'fp-ts/lib/Either.js'
import type { Either } from 'fp-ts/lib/Either.js'
import { AccountId, Authorization } from '@wallet-ledger/domain'
import type { AccountCommand } from '@wallet-ledger/domain'
import type { LedgerContext } from '../ledger/context.js'
import type { LedgerError } from '../ledger/types.js'
import { decodeCaller } from '../ledger/input.js'
import { withContext } from '../workflows/shared/common.js'
import { runAccountCommand } from '../workflows/account/accounts.js'
import { shredOwnerKeys } from './ownerKeys.js'

/** The caller's input to `forgetOwner`. */
export const ForgetOwnerInput = withContext(
  { accountId: AccountId, authorization: Authorization },
  {},
  'ForgetOwner',
)

/**
 * Forgets an account's owner: refuses `security_check_failed` unless the caller's authorization is
 * verified, `account_not_found` for an unknown or platform account; else records ContactErased
 * and shreds the owner's keys. A later write for the owner is sealed with a new key. Calling it
 * again records another forgetting (harmless: there is nothing left to shred but the new key).
 */
export const forgetOwner = async (
  context: LedgerContext,
  raw: unknown,
): Promise<Either<LedgerError, void>> => {
  const input = decodeCaller(ForgetOwnerInput, raw)
  if (input._tag === 'Left') return input
  const { accountId, authorization } = input.right
  if (!authorization.verified) {
    return left({
      code: 'security_check_failed',
      message: `authorization: the ${authorization.method} check was not passed`,
      details: { path: 'authorization' },
    })
  }
  const recorded = await runAccountCommand(
    context,
    input.right,
    (at) => ({ type: 'EraseContact', accountId, at }) as AccountCommand,
  )
  if (recorded._tag === 'Left') return recorded
  // After the record: a crash here leaves a forgetting recorded whose retry shreds the keys.
  await shredOwnerKeys(context.keyVault, accountId)
  return recorded
}
