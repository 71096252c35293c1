// settings(accountId): what an account's owner configured, read back from its own stream: the
// security switches, limits per asset, the contact (masked, opened through the key vault), the
// merchant fee rate and why it is frozen.
import type { Either } from 'fp-ts/lib/Either.js'
import { right } from 'fp-ts/lib/Either.js'
import { formatMinor } from '@wallet-ledger/domain'
import type { AssetLimits } from '@wallet-ledger/domain'
import type { LedgerContext } from '../ledger/context.js'
import type { AssetLimitsView, LedgerError, LookupCode, Settings } from '../ledger/types.js'
import { openForOwner } from '../privacy/ownerKeys.js'
import { loadOpenedAccount } from './accountQueries.js'

// ---------------------------------------------------------------- constants

// Fixed width, so the mask does not tell the hidden part's length.
const MASK = '******'
const PHONE_SHOWN_MIN = 8

// ---------------------------------------------------------------- operations

/**
 * A phone number with only its first three and last four characters shown (`+86******1234`); a
 * number too short to hide anything behind that shows only the mask.
 */
export const maskPhone = (phone: string): string =>
  phone.length < PHONE_SHOWN_MIN ? MASK : `${phone.slice(0, 3)}${MASK}${phone.slice(-4)}`

/** An email with the first character of its local part and its domain shown (`a***@example.com`). */
export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@')
  if (at <= 0) return MASK
  return `${email.slice(0, 1)}***${email.slice(at)}`
}

/** The settings of an opened account; `account_not_found` for any other id. */
export const settingsOf = async (
  context: LedgerContext,
  accountId: string,
): Promise<Either<LedgerError<LookupCode<'account_not_found'>>, Settings>> => {
  const loaded = await loadOpenedAccount(context, accountId)
  if (loaded._tag === 'Left') return loaded
  const state = loaded.right
  const limits: Record<string, AssetLimitsView> = {}
  for (const [asset, assetLimits] of Object.entries(state.limits)) {
    limits[asset] = limitsView(assetLimits)
  }
  const contact =
    state.contact === undefined ? undefined : await maskedContact(context, accountId, state.contact)
  return right({
    accountId: state.accountId,
    kind: state.kind,
    status: state.status,
    twoFactor: state.security.hasTwoFactor,
    paymentPasswordSet: state.security.paymentPasswordVersion > 0,
    limits,
    ...(contact === undefined ? {} : { contact }),
    ...(state.merchantFeeRate === undefined ? {} : { merchantFeeRate: state.merchantFeeRate }),
    ...(state.status === 'frozen'
      ? { frozenReason: state.frozenReason, frozenAt: state.frozenAt }
      : {}),
  })
}

// ---------------------------------------------------------------- helpers

const limitsView = (limits: AssetLimits): AssetLimitsView => {
  const format = (minor: bigint | undefined) =>
    minor === undefined ? undefined : formatMinor(minor, limits.scale)
  const perPayment = format(limits.perPaymentMax)
  const perDay = format(limits.perDayMax)
  const stepUpAbove = format(limits.stepUpAbove)
  return {
    ...(perPayment === undefined ? {} : { perPayment }),
    ...(perDay === undefined ? {} : { perDay }),
    ...(stepUpAbove === undefined ? {} : { stepUpAbove }),
  }
}

// The contact is sealed per owner; once the key is erased (the person forgotten) it reads as
// absent. A sealed value that does not open (tampered bytes) is shown as absent too: a read
// never throws, and the audit is where stored bytes are checked.
const maskedContact = async (
  context: LedgerContext,
  accountId: string,
  sealed: string,
): Promise<Settings['contact']> => {
  const opened = await openForOwner(context.keyVault, accountId, sealed)
  if (opened.state !== 'clear') return undefined
  let contact: { phone?: unknown; email?: unknown }
  try {
    contact = JSON.parse(opened.text) as typeof contact
  } catch {
    return undefined
  }
  if (typeof contact !== 'object' || contact === null) return undefined
  return {
    ...(typeof contact.phone === 'string' ? { phone: maskPhone(contact.phone) } : {}),
    ...(typeof contact.email === 'string' ? { email: maskEmail(contact.email) } : {}),
  }
}
