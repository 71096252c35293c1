// Checks every account decision shares: the errors for missing and closed accounts, and reading a
// command's canonical amount against the scale the account already knows for its asset.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { formatMoney, moneyFromCanonical } from '../money/money.js'
import type { Money } from '../money/money.js'
import { notFound as missing } from '../notFound.js'
import { accountError } from './errors.js'
import type { AccountError } from './errors.js'
import type { AccountEvent } from './events.js'
import type { OpenedAccountState } from './state.js'

/** What a decision returns: the events to record, or why not. */
export type Decision = Either<AccountError, readonly AccountEvent[]>

/** `account_not_found`. */
export const notFound = (accountId: string): Decision => left(missing('account', accountId))

/** `account_closed`. */
export const closed = (state: OpenedAccountState): Decision =>
  left(
    accountError('account_closed', `account ${state.accountId} is closed`, {
      accountId: state.accountId,
    }),
  )

/** `account_frozen`. */
export const frozen = (state: OpenedAccountState): Decision =>
  left(
    accountError(
      'account_frozen',
      `account ${state.accountId} is frozen: it can receive but not send`,
      {
        accountId: state.accountId,
      },
    ),
  )

/** The scale the account already uses for an asset (from its balance or its limits), if any. */
export const knownScaleOf = (state: OpenedAccountState, asset: string): number | undefined =>
  state.balances[asset]?.scale ?? state.limits[asset]?.scale

/**
 * Reads a canonical amount from a command. The engine canonicalizes with the asset registry, so
 * a scale other than the one the account already uses for the asset is bad input, not rounding.
 */
export const commandAmount = (
  asset: string,
  amount: string,
  scale: number | undefined,
  field: string,
): Either<AccountError, Money> => {
  const parsed = moneyFromCanonical(asset, amount)
  if (scale !== undefined && parsed.scale !== scale) {
    return left(
      accountError(
        'invalid_input',
        `${field}: ${asset} amounts have ${scale} decimals here, got "${amount}"`,
        {
          path: field,
          asset,
          scale,
        },
      ),
    )
  }
  return right(parsed)
}

/** Like `commandAmount`, and rejects zero with `amount_not_positive`. */
export const positiveCommandAmount = (
  asset: string,
  amount: string,
  scale: number | undefined,
  field = 'amount',
): Either<AccountError, Money> => {
  const parsed = commandAmount(asset, amount, scale, field)
  if (parsed._tag === 'Right' && parsed.right.minor === 0n) {
    return left(
      accountError(
        'amount_not_positive',
        `${field}: must be greater than zero, got ${formatMoney(parsed.right)}`,
        { path: field },
      ),
    )
  }
  return parsed
}
