// Checks of balances, replayed from the money events alone: accounts with a balance rule never go
// negative, held always equals the open holds, each hold is settled once, and summed over every
// account and promotion budget each asset comes to zero (DESIGN.md sections 2 and 7).
import { balanceRuleOf } from '@wallet-ledger/domain'
import type {
  AssetRegistry,
  FundsCredited,
  FundsDebited,
  FundsHeld,
  HoldCaptured,
  HoldReleased,
} from '@wallet-ledger/domain'
import { minorOf } from './amounts.js'
import { LEDGER_STREAM, locationText } from './violations.js'
import type { Findings, Location } from './violations.js'

// ---------------------------------------------------------------- types

/** The account events that change a balance. */
export type AccountMoneyEvent =
  FundsDebited | FundsCredited | FundsHeld | HoldCaptured | HoldReleased

/** The balance check; holds one small book per account and per promotion budget. */
export type BalanceCheck = {
  readonly account: (event: AccountMoneyEvent, at: Location, findings: Findings) => void
  /** The asset of an account's open hold, if it is open. */
  readonly holdAsset: (accountId: string, holdId: string) => string | undefined
  /** A promotion's budget account moved by `signedMinor` (credit positive) of `asset`. */
  readonly budget: (
    budgetAccount: string,
    asset: string,
    signedMinor: bigint,
    at: Location,
    findings: Findings,
  ) => void
  /** The asset of a promotion's budget, once it was funded. */
  readonly budgetAsset: (budgetAccount: string) => string | undefined
  /** Reports every asset whose sum over all accounts and budgets is not zero. */
  readonly end: (findings: Findings) => void
  /** Entries held: balances and flags, open holds, settled hold ids (walks every book). */
  readonly retained: () => {
    readonly balances: number
    readonly open: number
    readonly settled: number
  }
}

type Balance = { available: bigint; held: bigint }
type Hold = { readonly asset: string; readonly minor: bigint }
type Book = {
  readonly accountId: string
  readonly balances: Map<string, Balance>
  readonly holds: Map<string, Hold>
  readonly settledHolds: Set<string>
  /** Conditions already reported, so a long negative stretch is reported where it starts. */
  readonly flagged: Set<string>
}

// ---------------------------------------------------------------- constructors

/** An empty balance check. */
export const createBalanceCheck = (registry: AssetRegistry): BalanceCheck => {
  const books = new Map<string, Book>()
  const budgets = new Map<string, Book>()
  const bookOf = (map: Map<string, Book>, accountId: string): Book => {
    const known = map.get(accountId)
    if (known !== undefined) return known
    const created: Book = {
      accountId,
      balances: new Map(),
      holds: new Map(),
      settledHolds: new Set(),
      flagged: new Set(),
    }
    map.set(accountId, created)
    return created
  }
  return {
    account: (event, at, findings) => {
      const book = bookOf(books, event.data.accountId)
      const asset = applyAccountEvent(registry, book, event, at, findings)
      if (asset !== undefined) checkBook(book, asset, at, findings)
    },
    holdAsset: (accountId, holdId) => books.get(accountId)?.holds.get(holdId)?.asset,
    budget: (budgetAccount, asset, signedMinor, at, findings) => {
      const book = bookOf(budgets, budgetAccount)
      balanceOf(book, asset).available += signedMinor
      checkBook(book, asset, at, findings)
    },
    budgetAsset: (budgetAccount) => budgets.get(budgetAccount)?.balances.keys().next().value,
    end: (findings) => checkWorld([...books.values(), ...budgets.values()], findings),
    retained: () => {
      const counts = { balances: 0, open: 0, settled: 0 }
      for (const book of [...books.values(), ...budgets.values()]) {
        counts.balances += book.balances.size + book.flagged.size
        counts.open += book.holds.size
        counts.settled += book.settledHolds.size
      }
      return counts
    },
  }
}

// ---------------------------------------------------------------- helpers

/** Applies one event; returns the asset it touched, or undefined when it could not apply. */
const applyAccountEvent = (
  registry: AssetRegistry,
  book: Book,
  event: AccountMoneyEvent,
  at: Location,
  findings: Findings,
): string | undefined => {
  switch (event.type) {
    case 'FundsDebited':
    case 'FundsCredited': {
      const { asset, amount } = event.data
      const minor = minorOf(registry, asset, amount, at, findings)
      balanceOf(book, asset).available += event.type === 'FundsCredited' ? minor : -minor
      return asset
    }
    case 'FundsHeld': {
      const { holdId, asset, amount } = event.data
      if (book.holds.has(holdId) || book.settledHolds.has(holdId)) {
        findings.add('hold_reused', at, `${locationText(at)}: hold ${holdId} was opened before`)
        return undefined
      }
      const minor = minorOf(registry, asset, amount, at, findings)
      const balance = balanceOf(book, asset)
      balance.available -= minor
      balance.held += minor
      book.holds.set(holdId, { asset, minor })
      return asset
    }
    case 'HoldCaptured':
    case 'HoldReleased':
      return settleHold(registry, book, event, at, findings)
  }
}

// The held balance moves by the amounts the event states, not by the hold's own amount, so an
// event whose parts do not add up to its hold shows as held differing from the open holds.
const settleHold = (
  registry: AssetRegistry,
  book: Book,
  event: HoldCaptured | HoldReleased,
  at: Location,
  findings: Findings,
): string | undefined => {
  const { holdId } = event.data
  const hold = book.holds.get(holdId)
  if (hold === undefined) {
    const isSettled = book.settledHolds.has(holdId)
    findings.add(
      isSettled ? 'hold_settled_twice' : 'hold_unknown',
      at,
      `${locationText(at)}: ${event.type} of hold ${holdId}, ${isSettled ? 'already settled' : 'never opened'}`,
    )
    return undefined
  }
  const left = minorOf(registry, hold.asset, event.data.amount, at, findings)
  const back =
    event.type === 'HoldCaptured'
      ? minorOf(registry, hold.asset, event.data.released, at, findings)
      : left
  const balance = balanceOf(book, hold.asset)
  balance.held -= event.type === 'HoldCaptured' ? left + back : left
  balance.available += back
  book.holds.delete(holdId)
  book.settledHolds.add(holdId)
  return hold.asset
}

const checkBook = (book: Book, asset: string, at: Location, findings: Findings): void => {
  const balance = balanceOf(book, asset)
  const isRuled = balanceRuleOf(book.accountId) === 'non_negative'
  const isNegative = balance.held < 0n || (isRuled && balance.available < 0n)
  flagOnce(book, `negative:${asset}`, isNegative, () =>
    findings.add(
      'balance_negative',
      at,
      `${locationText(at)}: ${book.accountId} has ${asset} available ${balance.available}, held ${balance.held} (minor units)`,
    ),
  )
  let openHolds = 0n
  for (const hold of book.holds.values()) if (hold.asset === asset) openHolds += hold.minor
  flagOnce(book, `held:${asset}`, balance.held !== openHolds, () =>
    findings.add(
      'held_mismatch',
      at,
      `${locationText(at)}: ${book.accountId} holds ${balance.held} ${asset} minor units, its open holds ${openHolds}`,
    ),
  )
}

const flagOnce = (book: Book, key: string, isBroken: boolean, report: () => void): void => {
  if (!isBroken) {
    book.flagged.delete(key)
    return
  }
  if (book.flagged.has(key)) return
  book.flagged.add(key)
  report()
}

const checkWorld = (books: readonly Book[], findings: Findings): void => {
  const totals = new Map<string, bigint>()
  for (const book of books) {
    for (const [asset, balance] of book.balances) {
      totals.set(asset, (totals.get(asset) ?? 0n) + balance.available + balance.held)
    }
  }
  for (const [asset, total] of totals) {
    if (total === 0n) continue
    findings.add(
      'world_not_zero',
      { stream: LEDGER_STREAM },
      `${asset} sums to ${total} minor units over every account and promotion budget, not 0`,
    )
  }
}

const balanceOf = (book: Book, asset: string): Balance => {
  const known = book.balances.get(asset)
  if (known !== undefined) return known
  const created = { available: 0n, held: 0n }
  book.balances.set(asset, created)
  return created
}
