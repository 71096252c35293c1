// The user's hooks: every command reports its duration and outcome to onCommand, and a command
// that rejects (an infrastructure failure) is reported to onError before the rejection goes on.
import type { Ledger, LedgerHooks } from './types.js'

// Methods that are not commands: reads and lifecycle are not reported.
const NOT_COMMANDS: ReadonlySet<string> = new Set([
  'account',
  'accounts',
  'settings',
  'balances',
  'history',
  'statement',
  'payment',
  'withdrawal',
  'dispute',
  'conversion',
  'subscribe',
  'audit',
  'close',
])

const report = (call: () => void): void => {
  try {
    call()
  } catch {
    // A hook is the user's metrics code: its failure must not turn a committed command into an
    // error the caller would retry. It is theirs to see in their own tooling.
  }
}

/** Wraps each command of a ledger with the hooks; a ledger without hooks is returned as is. */
export const instrument = (ledger: Ledger, hooks: LedgerHooks): Ledger => {
  if (hooks.onCommand === undefined && hooks.onError === undefined) return ledger
  const wrapped: Record<string, unknown> = {}
  for (const [name, method] of Object.entries(ledger)) {
    if (typeof method !== 'function' || NOT_COMMANDS.has(name)) {
      wrapped[name] = method
      continue
    }
    wrapped[name] = async (...args: unknown[]) => {
      const started = performance.now()
      try {
        const result = (await (method as (...a: unknown[]) => Promise<unknown>)(...args)) as {
          _tag?: string
          left?: { code?: string }
        }
        const rejected = result?._tag === 'Left'
        report(() =>
          hooks.onCommand?.({
            command: name,
            durationMs: performance.now() - started,
            outcome: rejected ? 'rejected' : 'ok',
            ...(rejected && result.left?.code !== undefined ? { code: result.left.code } : {}),
          }),
        )
        return result
      } catch (error) {
        report(() => hooks.onError?.({ command: name, error }))
        throw error
      }
    }
  }
  return wrapped as unknown as Ledger
}
