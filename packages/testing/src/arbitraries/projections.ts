// Arbitraries for projection tests: scripts of ledger operations run on a simulated ledger (every
// event decided by its aggregate), and balanced journal entries applied straight as account events.
import fc from 'fast-check'
import type { HistoryEntry, JournalEntry, ProjectionInput, RawEvent } from '@wallet-ledger/domain'
import {
  AssertionError,
  buildJournalEntry,
  disputeDecider,
  disputeStream,
  foldProjection,
  formatMinor,
  historyPage,
  historyProjection,
  isDisputeActive,
  paymentDecider,
  paymentStream,
  withdrawalDecider,
  withdrawalStream,
} from '@wallet-ledger/domain'
import type { LedgerSimulator } from './ledgerWorkflows.js'
import { createLedgerSimulator } from './ledgerWorkflows.js'

// ---------------------------------------------------------------- types

/**
 * One operation of a script. `pick` chooses one of the workflows started so far (0 is the latest);
 * `branch` chooses which of the next steps its current status allows; `steps` stops the workflow
 * after that many account steps, as a crash would.
 */
export type LedgerScriptStep =
  | {
      readonly op: 'deposit'
      readonly account: number
      readonly asset: number
      readonly minor: bigint
    }
  | {
      readonly op: 'pay'
      readonly payer: number
      readonly payee: number
      readonly minor: bigint
      readonly manual: boolean
      /** With the script's promotion (10 % off, while its budget lasts). */
      readonly discounted?: boolean
      readonly steps?: number
    }
  | {
      /** A discounted payment whose step-by-step decision was lost, its discount voided. */
      readonly op: 'payLost'
      readonly payer: number
      readonly payee: number
      readonly minor: bigint
    }
  | {
      readonly op: 'withdraw'
      readonly account: number
      readonly minor: bigint
      readonly fee: bigint
      readonly steps?: number
    }
  | {
      readonly op: 'convert'
      readonly account: number
      readonly minor: bigint
      readonly steps?: number
    }
  | {
      readonly op: 'advancePayment' | 'advanceWithdrawal' | 'advanceDispute'
      readonly pick: number
      readonly branch: number
      /** How many steps in a row the workflow advances (the branch moves on by one each time). */
      readonly times: number
      readonly steps?: number
    }

/** A script and the log it produced. */
export type LedgerScript = {
  readonly steps: readonly LedgerScriptStep[]
  readonly log: readonly ProjectionInput[]
  readonly simulator: LedgerSimulator
}

// ---------------------------------------------------------------- the cast

const USERS = ['alice', 'bob', 'carol'] as const
const MERCHANT = 'shop'
const PROMOTION_ID = 'spring'
const ASSETS = [
  { code: 'USD', scale: 2 },
  { code: 'USDT', scale: 6 },
] as const

// ---------------------------------------------------------------- arbitraries

// Mostly no crash; now and then a workflow stops after 0 to 2 account steps.
const arbSteps = (): fc.Arbitrary<number | undefined> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }) },
  )

const withSteps = <T extends object>(step: T, steps: number | undefined): T =>
  steps === undefined ? step : { ...step, steps }

const arbStep = (): fc.Arbitrary<LedgerScriptStep> => {
  const party = fc.integer({ min: 0, max: USERS.length })
  const advance = (op: 'advancePayment' | 'advanceWithdrawal' | 'advanceDispute') =>
    fc
      .tuple(fc.nat({ max: 3 }), fc.nat({ max: 11 }), fc.integer({ min: 1, max: 4 }), arbSteps())
      .map(([pick, branch, times, steps]) => withSteps({ op, pick, branch, times }, steps))
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('deposit' as const),
        account: party,
        asset: fc.nat({ max: 1 }),
        minor: fc.bigInt({ min: 1n, max: 50_000n }),
      }),
    },
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          party,
          party,
          fc.bigInt({ min: 1n, max: 20_000n }),
          fc.boolean(),
          fc.boolean(),
          arbSteps(),
        )
        .map(([payer, payee, minor, manual, discounted, steps]) =>
          withSteps({ op: 'pay' as const, payer, payee, minor, manual, discounted }, steps),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(party, party, fc.bigInt({ min: 1n, max: 20_000n }))
        .map(([payer, payee, minor]) => ({ op: 'payLost' as const, payer, payee, minor })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          party,
          fc.bigInt({ min: 1n, max: 10_000n }),
          fc.bigInt({ min: 0n, max: 300n }),
          arbSteps(),
        )
        .map(([account, minor, fee, steps]) =>
          withSteps({ op: 'withdraw' as const, account, minor, fee }, steps),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(party, fc.bigInt({ min: 1n, max: 5_000n }), arbSteps())
        .map(([account, minor, steps]) =>
          withSteps({ op: 'convert' as const, account, minor }, steps),
        ),
    },
    { weight: 6, arbitrary: advance('advancePayment') },
    { weight: 6, arbitrary: advance('advanceWithdrawal') },
    { weight: 5, arbitrary: advance('advanceDispute') },
  )
}

/**
 * Scripts of up to `maxLength` operations over three users and a merchant (2.5 % fee), each funded
 * with 1000.00 USD, and a USD promotion (10 % off, 50.00 budget), in USD and USDT, run on a
 * simulated ledger. Operations a decider refuses are skipped (nothing is written);
 * a crash (`steps`) leaves its workflow open, as the engine's step-by-step executor could.
 */
export const arbLedgerScript = (
  options: { readonly maxLength?: number } = {},
): fc.Arbitrary<LedgerScript> => {
  const funding = fc.record({
    op: fc.constant('deposit' as const),
    account: fc.integer({ min: 0, max: USERS.length }),
    asset: fc.nat({ max: 1 }),
    minor: fc.bigInt({ min: 10_000n, max: 100_000n }),
  })
  return fc
    .tuple(
      fc.array(funding, { minLength: 1, maxLength: 4 }),
      fc.array(arbStep(), { maxLength: options.maxLength ?? 40, size: 'medium' }),
    )
    .map(([deposits, steps]) => runLedgerScript([...deposits, ...steps]))
}

/**
 * Balanced journal entries over users, a merchant and world accounts, in USD, applied straight as
 * account events (credits, debits, and some debits through a hold captured with a released rest).
 * Balance rules are not kept: this feeds projections, not deciders.
 */
export const arbBalancedPostings = (
  options: { readonly maxLength?: number } = {},
): fc.Arbitrary<readonly ProjectionInput[]> => {
  const accounts = ['alice', 'bob', 'shop', 'world:bank-inflow', 'system:fees']
  const arbLeg = fc.record({
    account: fc.constantFrom(...accounts),
    minor: fc.bigInt({ min: 1n, max: 10_000n }),
  })
  const arbEntry = fc.record({
    sources: fc.array(arbLeg, { minLength: 1, maxLength: 3 }),
    targets: fc.array(fc.constantFrom(...accounts), { minLength: 1, maxLength: 2 }),
    viaHold: fc.boolean(),
    released: fc.bigInt({ min: 0n, max: 500n }),
  })
  return fc.array(arbEntry, { maxLength: options.maxLength ?? 30 }).map((entries) => {
    const events: { stream: string; event: RawEvent }[] = []
    entries.forEach((spec, n) => {
      const entry = balancedEntry(`e${n}`, spec.sources, spec.targets)
      events.push(...accountEventsOf(entry, spec.viaHold, spec.released, n))
    })
    return events.map(({ stream, event }, index) => ({
      position: BigInt(index + 1),
      stream,
      recordedAt: instantOf(index),
      event,
    }))
  })
}

// ---------------------------------------------------------------- fixtures

/** A simulated ledger with Alice, Bob and a merchant (2.5 % fee); Alice has 100.00 USD. */
export const fundedLedger = (): LedgerSimulator => {
  const simulator = createLedgerSimulator()
  simulator.open('alice')
  simulator.open('bob')
  simulator.open('shop', 'merchant', '2.5')
  simulator.deposit('d1', 'alice', 'USD', '100.00')
  return simulator
}

/** Every row of an account's history after folding `log`, newest first. */
export const historyRowsOf = (
  log: readonly ProjectionInput[],
  accountId: string,
): readonly HistoryEntry[] => {
  const page = historyPage(foldProjection(historyProjection, log), accountId, { limit: 500 })
  if (page._tag === 'Left') throw new Error(page.left.message)
  return page.right.entries
}

/** One row of an account's history by id; throws when it is missing. */
export const historyRowOf = (
  log: readonly ProjectionInput[],
  accountId: string,
  id: string,
): HistoryEntry => {
  const row = historyRowsOf(log, accountId).find((entry) => entry.id === id)
  if (row === undefined) throw new Error(`no row ${id} on ${accountId}`)
  return row
}

// ---------------------------------------------------------------- running a script

/** Runs a script on a new simulated ledger (opening the cast first) and returns its log. */
export const runLedgerScript = (steps: readonly LedgerScriptStep[]): LedgerScript => {
  const simulator = createLedgerSimulator()
  for (const user of USERS) simulator.open(user)
  simulator.open(MERCHANT, 'merchant', '2.5')
  // Everyone starts with some USD, so most payments, withdrawals and conversions go through.
  for (const account of [...USERS, MERCHANT])
    simulator.deposit(`seed-${account}`, account, 'USD', '1000.00')
  simulator.createPromotion(PROMOTION_ID, 'USD', '50.00', { percent: '10' })
  const ids: Ids = { payments: [], withdrawals: [], disputes: [] }
  steps.forEach((step, n) => {
    try {
      runStep(simulator, step, n, ids)
    } catch (error) {
      // A decider's refusal skips the operation; a broken invariant is a bug and fails the test.
      if (
        error instanceof AssertionError ||
        !(error instanceof Error) ||
        !/ on \S+: /.test(error.message)
      )
        throw error
    }
  })
  return { steps, log: simulator.log, simulator }
}

const partyOf = (index: number): string => USERS[index] ?? MERCHANT

type Ids = { payments: string[]; withdrawals: string[]; disputes: string[] }

const runStep = (sim: LedgerSimulator, step: LedgerScriptStep, n: number, ids: Ids): void => {
  const limit = 'steps' in step && step.steps !== undefined ? { steps: step.steps } : undefined
  switch (step.op) {
    case 'deposit': {
      const asset = ASSETS[step.asset] ?? ASSETS[0]
      return sim.deposit(
        `d${n}`,
        partyOf(step.account),
        asset.code,
        formatMinor(step.minor, asset.scale),
      )
    }
    case 'pay': {
      const payee = step.manual ? MERCHANT : partyOf(step.payee)
      const amount = formatMinor(step.minor, 2)
      const capture = step.manual ? ('manual' as const) : ('instant' as const)
      const payer = partyOf(step.payer)
      const promotion = step.discounted === true ? { promotionId: PROMOTION_ID } : {}
      const request = { paymentId: `p${n}`, payer, payee, asset: 'USD', amount, capture }
      sim.pay({ ...request, ...promotion }, limit)
      ids.payments.push(`p${n}`)
      return
    }
    case 'payLost': {
      const [payer, payee] = [partyOf(step.payer), partyOf(step.payee)]
      const amount = formatMinor(step.minor, 2)
      const request = { paymentId: `p${n}`, payer, payee, asset: 'USD', amount }
      return sim.payLost({ ...request, promotionId: PROMOTION_ID })
    }
    case 'withdraw': {
      const [amount, fee] = [formatMinor(step.minor, 2), formatMinor(step.fee, 2)]
      sim.requestWithdrawal(`w${n}`, partyOf(step.account), 'USD', amount, fee, undefined, limit)
      ids.withdrawals.push(`w${n}`)
      return
    }
    case 'convert': {
      const from = { asset: 'USD', amount: formatMinor(step.minor, 2) }
      sim.convert(
        `c${n}`,
        partyOf(step.account),
        from,
        { asset: 'USDT', scale: 6 },
        '0.998731',
        {},
        limit,
      )
      return
    }
    case 'advancePayment':
    case 'advanceWithdrawal':
    case 'advanceDispute': {
      const id = latest(ids[LISTS[step.op]], step.pick)
      // Only the last advance may crash, so a cut workflow is not pushed further.
      for (let time = 0; time < step.times; time += 1) {
        const cut = time === step.times - 1 ? limit : undefined
        const branch = step.branch + time
        if (step.op === 'advancePayment') advancePayment(sim, id, branch, n * 10 + time, ids, cut)
        if (step.op === 'advanceWithdrawal') advanceWithdrawal(sim, id, branch, cut)
        if (step.op === 'advanceDispute') advanceDispute(sim, id, branch, cut)
      }
      return
    }
  }
}

// The dispute decider expires a response strictly after its deadline.
const afterInstant = (at: string): string => new Date(Date.parse(at) + 1).toISOString()

const LISTS = {
  advancePayment: 'payments',
  advanceWithdrawal: 'withdrawals',
  advanceDispute: 'disputes',
} as const

const latest = (list: readonly string[], pick: number): string | undefined =>
  list[list.length - 1 - (pick % Math.max(list.length, 1))]

type Limit = { steps: number } | undefined

const advancePayment = (
  sim: LedgerSimulator,
  id: string | undefined,
  branch: number,
  n: number,
  ids: Ids,
  limit: Limit,
): void => {
  if (id === undefined) return
  const state = sim.core.stateOf(paymentDecider, paymentStream(id))
  if (state.status === 'authorized') {
    if (branch % 4 === 0) return sim.cancel(id, undefined, limit)
    if (branch % 4 === 1) return sim.expire(id, state.expiresAt, limit)
    const part = branch % 4 === 2 ? formatMinor(state.amount / 2n + 1n, state.scale) : undefined
    return sim.capture(id, part, undefined, limit)
  }
  if (state.status !== 'completed' && state.status !== 'partially_refunded') return
  // As the engine: while a dispute of the payment is undecided, no refund and no other dispute.
  if (hasOpenDispute(sim, id, ids)) return
  if (branch % 3 === 0) {
    const due = new Date(Date.parse(sim.core.tick()) + 7 * 86_400_000).toISOString()
    sim.openDispute(`x${n}`, id, due, undefined, undefined, limit)
    ids.disputes.push(`x${n}`)
    return
  }
  const amount = branch % 3 === 1 ? undefined : formatMinor(state.captured / 3n + 1n, state.scale)
  return sim.refund(id, `r${n}`, amount, undefined, limit)
}

const hasOpenDispute = (sim: LedgerSimulator, paymentId: string, ids: Ids): boolean =>
  ids.disputes.some((disputeId) => {
    const dispute = sim.core.stateOf(disputeDecider, disputeStream(disputeId))
    return isDisputeActive(dispute) && dispute.paymentId === paymentId
  })

const advanceWithdrawal = (
  sim: LedgerSimulator,
  id: string | undefined,
  branch: number,
  limit: Limit,
): void => {
  if (id === undefined) return
  const state = sim.core.stateOf(withdrawalDecider, withdrawalStream(id))
  switch (state.status) {
    case 'requested':
      if (branch % 5 === 0) return sim.endWithdrawal(id, 'CancelWithdrawal', undefined, limit)
      return sim.verifyWithdrawal(id, branch % 5 !== 1, undefined, limit)
    case 'verified':
      if (branch % 5 === 0) return sim.endWithdrawal(id, 'CancelWithdrawal', undefined, limit)
      return sim.submitWithdrawal(id)
    case 'submitted':
      if (branch % 4 === 0) return sim.endWithdrawal(id, 'FailWithdrawal', undefined, limit)
      return sim.completeWithdrawal(id, undefined, limit)
    case 'completed':
      if (branch % 3 === 0) return sim.returnWithdrawal(id, undefined, limit)
      return
    default:
      return
  }
}

const advanceDispute = (
  sim: LedgerSimulator,
  id: string | undefined,
  branch: number,
  limit: Limit,
): void => {
  if (id === undefined) return
  const state = sim.core.stateOf(disputeDecider, disputeStream(id))
  switch (state.status) {
    case 'open':
      if (branch % 3 === 0) return sim.respondToDispute(id, 'accept', undefined, limit)
      if (branch % 3 === 1) return sim.respondToDispute(id, 'contest', undefined, limit)
      return sim.escalateDispute(
        id,
        branch % 2 === 0 ? 'EscalateDispute' : 'ExpireDisputeResponse',
        afterInstant(state.responseDueAt),
      )
    case 'responded':
      return sim.escalateDispute(id)
    case 'escalated':
    case 'referred_legal': {
      const outcome = (['payer', 'payee', 'legal'] as const)[branch % 3] ?? 'payer'
      if (outcome === 'legal' && state.status === 'referred_legal') return
      const partial = outcome === 'payer' && branch % 2 === 0
      const amount = partial
        ? formatMinor(state.amount.minor / 2n + 1n, state.amount.scale)
        : undefined
      return sim.resolveDispute(id, outcome, amount, undefined, limit)
    }
    default:
      return
  }
}

// ---------------------------------------------------------------- balanced postings

const balancedEntry = (
  entryId: string,
  sources: readonly { account: string; minor: bigint }[],
  targets: readonly string[],
): JournalEntry => {
  const total = sources.reduce((sum, source) => sum + source.minor, 0n)
  const share = total / BigInt(targets.length)
  const usd = (minor: bigint) => ({ asset: 'USD', scale: 2, minor })
  return buildJournalEntry(entryId, [
    ...sources.map((source) => ({
      account: source.account,
      amount: usd(source.minor),
      direction: 'debit' as const,
    })),
    ...targets.map((account, index) => ({
      account,
      amount: usd(index === 0 ? total - share * BigInt(targets.length - 1) : share),
      direction: 'credit' as const,
    })),
  ])
}

type StreamEvent = { readonly stream: string; readonly event: RawEvent }

const accountEventsOf = (
  entry: JournalEntry,
  viaHold: boolean,
  released: bigint,
  n: number,
): StreamEvent[] =>
  entry.legs.flatMap((leg, index): StreamEvent[] => {
    const stream = `account-${leg.account}`
    const at = instantOf(n)
    const base = { accountId: leg.account, entryId: entry.entryId, leg: index, at }
    if (leg.direction === 'credit') {
      return [
        {
          stream,
          event: {
            type: 'FundsCredited',
            schemaVersion: 1,
            data: { ...base, asset: leg.asset, amount: leg.amount },
          },
        },
      ]
    }
    if (!viaHold) {
      return [
        {
          stream,
          event: {
            type: 'FundsDebited',
            schemaVersion: 1,
            data: { ...base, asset: leg.asset, amount: leg.amount },
          },
        },
      ]
    }
    const holdId = `${entry.entryId}:${index}:hold`
    const captured = BigInt(leg.amount.replace('.', ''))
    const held = formatMinor(captured + released, 2)
    const hold = { accountId: leg.account, holdId, asset: leg.asset, amount: held, at }
    const capture = { ...base, holdId, amount: leg.amount, released: formatMinor(released, 2) }
    return [
      { stream, event: { type: 'FundsHeld', schemaVersion: 1, data: hold } },
      { stream, event: { type: 'HoldCaptured', schemaVersion: 1, data: capture } },
    ]
  })

const instantOf = (n: number): string =>
  new Date(Date.parse('2026-03-02T09:00:00.000Z') + n * 60_000).toISOString()
