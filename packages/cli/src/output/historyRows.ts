// History and statement rows as table rows: when (local time), what, how much (signed), how it
// ended (with the refusal's code), and with whom.
import type { HistoryEntry } from '@wallet-ledger/core'
import type { TimeFormatter } from './localTime.js'

/** The columns of `statementRows`. */
export const STATEMENT_HEAD = ['at', 'what', 'amount', 'status', 'counterparty', 'ref'] as const

/** One row per entry, in the order given (newest first, as the ledger answers). */
export const statementRows = (entries: readonly HistoryEntry[], time: TimeFormatter): string[][] =>
  entries.map((entry) => {
    const sign = entry.direction === 'in' ? '+' : '-'
    const status =
      entry.failureReason === undefined ? entry.status : `${entry.status}: ${entry.failureReason}`
    return [
      time(entry.at),
      entry.channel === undefined ? entry.kind : `${entry.kind} ${entry.channel}`,
      `${sign}${entry.amount}`,
      status,
      entry.counterparty ?? '',
      referenceOf(entry),
    ]
  })

// The workflow a row belongs to, shortened: enough to look it up with `wallet-ledger payment`.
const referenceOf = (entry: HistoryEntry): string => {
  const pairs: [string, string | undefined][] = [
    ['dispute', entry.disputeId],
    ['payment', entry.paymentId],
    ['withdrawal', entry.withdrawalId],
    ['conversion', entry.conversionId],
  ]
  const found = pairs.find(([, id]) => id !== undefined)
  return found === undefined ? '' : `${found[0]} ${found[1]!.slice(0, 8)}`
}
