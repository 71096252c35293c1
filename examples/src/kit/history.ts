// History rows (ledger.history, ledger.statement) as lines a person reads: when, what, which way,
// how much, how it ended, and with whom. Ids are left out: they add nothing to the story.
import type { HistoryEntry } from '@wallet-ledger/core'

/** One line per row, newest first as the ledger gives them. */
export const historyLines = (entries: readonly HistoryEntry[]): string[] =>
  entries.map((entry) => {
    const sign = entry.direction === 'in' ? '+' : '-'
    const amount = `${sign}${entry.amount} ${entry.asset}`
    const reason = failureReasonOf(entry)
    const channel = entry.channel === undefined ? '' : ` ${entry.channel}`
    const status = reason === undefined ? entry.status : `${entry.status} (${reason})`
    const counterparty = entry.counterparty === undefined ? '' : `  ${entry.counterparty}`
    return `  ${entry.at}  ${(entry.kind + channel).padEnd(20)} ${amount.padStart(18)}  ${status}${counterparty}`
  })

/** The failure reason the engine adds to a failed row (an optional field beyond the contract). */
const failureReasonOf = (entry: HistoryEntry): string | undefined => {
  const reason = (entry as HistoryEntry & { failureReason?: unknown }).failureReason
  return typeof reason === 'string' ? reason : undefined
}
