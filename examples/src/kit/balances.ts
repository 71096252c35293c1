// Final balances of a scenario's accounts, read through the public `ledger.balances`, and the
// lines that print them.
import type { Balance, Ledger, LedgerError } from '@wallet-ledger/core'

/** Balances per account and asset, and the accounts the ledger refused to read (with why). */
export type ReadBalances = {
  readonly read: Record<string, Record<string, Balance>>
  readonly refused: Record<string, LedgerError>
}

/**
 * Reads each account's balances now. An account the ledger cannot read is kept with no assets
 * in `read` (so a report always lists every account asked for) and its error in `refused`.
 */
export const balancesOf = async (
  ledger: Ledger,
  accounts: readonly string[],
): Promise<ReadBalances> => {
  const read: Record<string, Record<string, Balance>> = {}
  const refused: Record<string, LedgerError> = {}
  for (const accountId of accounts) {
    const answer = await ledger.balances(accountId)
    if (answer._tag === 'Left') {
      read[accountId] = {}
      refused[accountId] = answer.left
    } else {
      read[accountId] = answer.right
    }
  }
  return { read, refused }
}

/** One line per account and asset, aligned; a refused read says so with its code and message. */
export const balanceLines = (balances: ReadBalances): string[] => {
  const width = Math.max(0, ...Object.keys(balances.read).map((id) => id.length))
  const lines: string[] = []
  for (const [accountId, assets] of Object.entries(balances.read)) {
    const name = accountId.padEnd(width)
    const error = balances.refused[accountId]
    if (error !== undefined) lines.push(`  ${name}  cannot be read: ${reasonOf(error)}`)
    for (const [asset, balance] of Object.entries(assets)) {
      lines.push(`  ${name}  ${asset.padEnd(4)} ${balanceText(balance)}`)
    }
  }
  return lines
}

/** "available 10.00, held 2.00, total 12.00". */
export const balanceText = (balance: Balance): string =>
  `available ${balance.available}, held ${balance.held}, total ${balance.total}`

/** A refusal as a person reads it: "code: message". */
export const reasonOf = (error: LedgerError): string => `${error.code}: ${error.message}`
