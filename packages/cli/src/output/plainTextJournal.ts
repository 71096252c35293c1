// Journal entries as plain-text accounting transactions, for hledger and beancount: one
// transaction per entry, one posting per leg (a credit raises the account's balance, so it is a
// positive amount), the asset as the commodity, the entry id and the workflow in the description.
import { JournalEntry } from '@wallet-ledger/domain'
import type { StoredEvent } from '@wallet-ledger/core'

/** The plain-text formats `wallet-ledger export --format` writes. */
export type PlainTextFormat = 'hledger' | 'beancount'

/** The journal entry an event records (`data.entry`), if any. */
export const entryOf = (event: StoredEvent): JournalEntry | undefined => {
  const entry = (event.data as { readonly entry?: unknown } | null)?.entry
  return JournalEntry.is(entry) ? entry : undefined
}

/** One transaction's text (ending with a blank line); `date` is 'YYYY-MM-DD'. */
export const transactionText = (
  format: PlainTextFormat,
  entry: JournalEntry,
  event: StoredEvent,
  date: string,
): string => {
  const description = `${entry.entryId} (${event.type} in ${event.stream})`
  const header =
    format === 'hledger'
      ? `${date} ${description.replace(/[;|]/g, ' ')}`
      : `${date} * ${JSON.stringify(description)}`
  const postings = entry.legs.map((leg) => {
    const sign = leg.direction === 'credit' ? '' : '-'
    const account = format === 'hledger' ? leg.account : beancountAccount(leg.account)
    return `    ${account}  ${sign}${leg.amount} ${commodity(format, leg.asset)}`
  })
  return `${header}\n${postings.join('\n')}\n\n`
}

/** beancount needs every account opened: one `open` line per account, dated before its first use. */
export const beancountOpen = (accountId: string, date: string): string =>
  `${date} open ${beancountAccount(accountId)}\n`

/**
 * A ledger account id as a beancount account: under `Assets:Wallet:`, each `:`-separated part
 * starting with a capital letter and holding only letters, digits and `-` (others become `-`).
 */
export const beancountAccount = (accountId: string): string =>
  `Assets:Wallet:${accountId
    .split(':')
    .map((part) => {
      const safe = part.replace(/[^A-Za-z0-9-]/g, '-')
      return /^[A-Za-z]/.test(safe) ? safe[0]!.toUpperCase() + safe.slice(1) : `X${safe}`
    })
    .join(':')}`

// hledger reads a bare symbol of letters; anything else is quoted. beancount commodities are
// capitals, digits and a few marks, which asset codes already are.
const commodity = (format: PlainTextFormat, asset: string): string =>
  format === 'hledger' && !/^[A-Za-z]+$/.test(asset) ? `"${asset}"` : asset
