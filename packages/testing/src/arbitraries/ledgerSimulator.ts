// A small, synchronous composition of the deciders that writes a true global log for projection
// tests: every event is decided by its aggregate's `decide` from real state and folded with its
// `evolve`, the way the engine's step-by-step executor runs a workflow (the workflow's event first,
// then one account at a time). `steps` stops a workflow after that many account steps, as a crash
// would, so tests can see open workflows. Amounts are canonical strings; the clock is a counter.
import type {
  AccountCommand,
  AccountKind,
  Decider,
  JournalEntry,
  ProjectionInput,
  RawEvent,
} from '@wallet-ledger/domain'
import {
  PROMOTION_BUDGET_ACCOUNT_PREFIX,
  accountDecider,
  accountStream,
  formatMinor,
  isPlatformAccount,
  moneyFromCanonical,
} from '@wallet-ledger/domain'

// ---------------------------------------------------------------- types

// Any aggregate's decider: the simulator runs them all alike, like the engine does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDecider = Decider<any, any, any, { code: string; message: string }>

/** How far a workflow runs: at most `steps` account (or promotion) appends after its own event. */
export type StepLimit = { readonly steps?: number }

/** Where a simulated ledger keeps its streams' states and its global log. */
export type SimulatorCore = {
  /** The global log so far, in position order (positions start at 1). */
  readonly log: ProjectionInput[]
  /** Decides `command` on `stream` with `decider`, appends the events and returns them; throws on a rejection. */
  readonly run: (decider: AnyDecider, stream: string, command: unknown) => readonly RawEvent[]
  /** The state of a stream (the decider's initial state when it has no events). */
  readonly stateOf: <State>(decider: { readonly initialState: State }, stream: string) => State
  /** The next instant: `at` when given (the clock moves there), else one step after the last. */
  readonly tick: (at?: string) => string
  /** Runs one account command. */
  readonly account: (command: AccountCommand) => void
  /** Opens a platform account the first time it is used. */
  readonly ensureOpened: (accountId: string, kind?: AccountKind) => void
  /**
   * The account steps of an entry: one per leg outside promotion budgets. A debit of an account in
   * `holds` captures that hold; `owner` is debited as owner-initiated with `limitDate`.
   */
  readonly legSteps: (
    entry: JournalEntry,
    at: string,
    options?: {
      holds?: ReadonlyMap<string, string>
      owner?: string
      limitDate?: string
    },
  ) => (() => void)[]
  /** Runs steps up to the limit. */
  readonly runSteps: (steps: readonly (() => void)[], limit?: StepLimit) => void
}

/** Options of a simulated ledger. */
export type SimulatorOptions = { readonly start?: string; readonly stepMs?: number }

// ---------------------------------------------------------------- constructors

/** The core of a simulated ledger: the log, the streams, the clock and the account steps. */
export const createSimulatorCore = (options: SimulatorOptions = {}): SimulatorCore => {
  const log: ProjectionInput[] = []
  const states = new Map<string, unknown>()
  let clockMs = Date.parse(options.start ?? '2026-03-02T09:00:00.000Z')
  const stepMs = options.stepMs ?? 60_000

  const stateOf = <State>(decider: { readonly initialState: State }, stream: string): State =>
    (states.has(stream) ? states.get(stream) : decider.initialState) as State

  const run = (decider: AnyDecider, stream: string, command: unknown): readonly RawEvent[] => {
    let state = stateOf(decider, stream)
    const decision = decider.decide(command, state)
    if (decision._tag === 'Left') {
      const { code, message } = decision.left
      throw new Error(`${(command as { type: string }).type} on ${stream}: ${code} (${message})`)
    }
    for (const event of decision.right) {
      state = decider.evolve(state, event)
      const position = BigInt(log.length + 1)
      log.push({ position, stream, recordedAt: new Date(clockMs).toISOString(), event })
    }
    states.set(stream, state)
    return decision.right
  }

  const tick = (at?: string): string => {
    clockMs = at === undefined ? clockMs + stepMs : Date.parse(at)
    return new Date(clockMs).toISOString()
  }

  const account = (command: AccountCommand): void => {
    run(accountDecider, accountStream(command.accountId), command)
  }

  const ensureOpened = (accountId: string, kind: AccountKind = 'system'): void => {
    const state = stateOf(accountDecider, accountStream(accountId))
    if (state.status !== 'not_opened') return
    account({ type: 'OpenAccount', accountId: accountId as never, kind, at: tick() as never })
  }

  const legSteps: SimulatorCore['legSteps'] = (entry, at, legOptions = {}) =>
    entry.legs.flatMap((leg, index) => {
      if (leg.account.startsWith(PROMOTION_BUDGET_ACCOUNT_PREFIX)) return []
      const common = {
        accountId: leg.account,
        operationId: `${entry.entryId}:${index}`,
        amount: leg.amount,
        entryId: entry.entryId,
        leg: index,
        at,
      }
      const holdId = legOptions.holds?.get(leg.account)
      const isOwner = leg.account === legOptions.owner
      const command =
        leg.direction === 'credit'
          ? { type: 'CreditFunds', ...common, asset: leg.asset }
          : holdId !== undefined
            ? { type: 'CaptureHold', ...common, holdId, initiatedBy: 'platform' }
            : {
                type: 'DebitFunds',
                ...common,
                asset: leg.asset,
                initiatedBy: isOwner ? 'owner' : 'platform',
                ...(isOwner && legOptions.limitDate !== undefined
                  ? { limitDate: legOptions.limitDate }
                  : {}),
              }
      return [
        () => {
          if (isPlatformAccount(leg.account)) ensureOpened(leg.account)
          account(command as AccountCommand)
        },
      ]
    })

  const runSteps = (steps: readonly (() => void)[], limit: StepLimit = {}): void => {
    steps.slice(0, limit.steps ?? steps.length).forEach((step) => step())
  }

  return { log, run, stateOf, tick, account, ensureOpened, legSteps, runSteps }
}

// ---------------------------------------------------------------- helpers shared by the workflows

/** The sha-256 fingerprint fixtures carry (the engine computes a real one). */
export const SIMULATED_FINGERPRINT = 'f'.repeat(64)

/** The local date of an instant in UTC (the simulated ledger's zone). */
export const localDateOf = (at: string): string => at.slice(0, 10)

/** Zero in the scale of a canonical amount. */
export const zeroLike = (asset: string, amount: string): string =>
  formatMinor(0n, moneyFromCanonical(asset, amount).scale)
