// withdrawal(id, { reveal: true }): the payout service's read of where the money goes. The
// destination is opened with the owner's key while the withdrawal is in flight (the state keeps it
// only until it settles); once the owner is forgotten it reads erased, and edited bytes read
// unreadable: never a throw, never another owner's data (the owner id is authenticated).
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import type { WithdrawalDestination } from '@wallet-ledger/domain'
import type { LedgerContext } from '../ledger/context.js'
import { decodeCaller } from '../ledger/input.js'
import type { LedgerError, RevealedDestination } from '../ledger/types.js'
import { openForOwner } from './ownerKeys.js'

/** The options of `withdrawal(id, options)`. */
export const WithdrawalReadOptions = t.partial({ reveal: t.boolean }, 'WithdrawalReadOptions')

/** Decodes the options of `withdrawal(id, options)` (absent means no reveal). */
export const withdrawalReadOptions = (
  raw: unknown,
): Either<LedgerError<'invalid_input'>, t.TypeOf<typeof WithdrawalReadOptions>> =>
  // decodeCaller refuses with invalid_input only.
  decodeCaller(WithdrawalReadOptions, raw ?? {}) as Either<
    LedgerError<'invalid_input'>,
    t.TypeOf<typeof WithdrawalReadOptions>
  >

/** The destination in clear for `accountId`, or why it cannot be shown. */
export const revealDestination = async (
  context: LedgerContext,
  accountId: string,
  destination: WithdrawalDestination,
): Promise<RevealedDestination> => {
  const network = destination.type === 'crypto_address' ? { network: destination.network } : {}
  const opened = await openForOwner(context.keyVault, accountId, destination.reference)
  if (opened.state !== 'clear') return { type: destination.type, ...network, state: opened.state }
  let secret: { bank?: unknown; accountNumber?: unknown; address?: unknown }
  try {
    secret = JSON.parse(opened.text) as typeof secret
  } catch {
    return { type: destination.type, ...network, state: 'unreadable' }
  }
  if (destination.type === 'crypto_address' && typeof secret.address === 'string') {
    return {
      type: destination.type,
      network: destination.network,
      state: 'clear',
      address: secret.address,
    }
  }
  if (
    destination.type === 'bank_account' &&
    typeof secret.bank === 'string' &&
    typeof secret.accountNumber === 'string'
  ) {
    const { bank, accountNumber } = secret
    return { type: destination.type, state: 'clear', bank, accountNumber }
  }
  return { type: destination.type, ...network, state: 'unreadable' }
}
