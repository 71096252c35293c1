// subscribe(): a subscription over the ledger's notifications with a caught-up signal, an error
// callback and a retry policy for a handler that throws; unknown event types are refused.
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { isLedgerEventType } from '@wallet-ledger/domain'
import type { LedgerContext } from '../ledger/context.js'
import type {
  LedgerError,
  LedgerSubscription,
  Notification,
  SubscriptionOptions,
} from '../ledger/types.js'
import { safeHook } from '../workflows/execution/run.js'
import { notificationOf } from './notifications.js'
import * as t from 'io-ts'
import { decodeCaller } from '../ledger/input.js'

// ---------------------------------------------------------------- constants

const POSITION = /^(0|[1-9][0-9]*)$/
const TYPES_MAX = 100
const RETRY_ATTEMPTS_MAX = 10
const RETRY_BACKOFF_MS_MAX = 60_000

// The fields subscribe reads; each is checked in detail below.
const OptionsShape = t.partial({
  fromPosition: t.unknown,
  types: t.unknown,
  retry: t.partial({ attempts: t.unknown, backoffMs: t.unknown }),
  onError: t.unknown,
})

type Checked = {
  readonly fromPosition: bigint
  readonly types?: ReadonlySet<string>
  readonly attempts: number
  readonly backoffMs: number
  readonly onError?: SubscriptionOptions['onError']
}

// ---------------------------------------------------------------- operations

/**
 * Subscribes `handler` to notifications from `fromPosition` (inclusive; default the start), at
 * least once, in global order. A handler that throws is tried again up to `retry.attempts` times
 * in all (default 1: no retry), waiting `retry.backoffMs` doubled after each failure; when the
 * last attempt fails the subscription ends at that notification, and the error goes to `onError`
 * (with the notification) and to the ledger's `hooks.onError`. Bad options are `invalid_input`.
 */
export const subscribeLedger = async (
  context: LedgerContext,
  handler: (notification: Notification) => void | Promise<void>,
  options: unknown = {},
): Promise<Either<LedgerError, LedgerSubscription>> => {
  if (typeof handler !== 'function') return left(invalidInput('handler', 'expected a function'))
  // Read once through the shared boundary (bounded, exact, getters and Proxies read once).
  const read = decodeCaller(OptionsShape, options)
  if (read._tag === 'Left') return read
  const checked = checkOptions(read.right)
  if (checked._tag === 'Left') return checked
  const { fromPosition, types, attempts, backoffMs, onError } = checked.right
  const waits = new Set<() => void>()
  let isClosing = false
  let failedAt: Notification | undefined
  const deliver = async (notification: Notification): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await handler(notification)
      } catch (error) {
        if (attempt >= attempts) {
          failedAt = notification
          throw error
        }
        await pause(backoffMs * 2 ** (attempt - 1), waits)
        if (isClosing) {
          failedAt = notification
          throw error
        }
      }
    }
  }
  const subscription = context.store.subscribeToAll({ fromPosition }, async (stored) => {
    if (types !== undefined && !types.has(stored.type)) return
    const notification = notificationOf(context, stored)
    if (notification !== undefined) await deliver(notification)
  })
  // The error is reported, never left as an unhandled rejection in the caller's process.
  const done = subscription.done.then(
    () => undefined,
    (error: unknown) => {
      safeHook(() => onError?.(error, failedAt))
      safeHook(() => context.hooks.onError?.({ command: 'subscribe', error }))
    },
  )
  const caughtUp = subscription.caughtUp
  caughtUp.catch(() => undefined)
  return right({
    caughtUp,
    done,
    close: async () => {
      isClosing = true
      for (const wake of waits) wake()
      await subscription.close()
      await done
    },
  })
}

// ---------------------------------------------------------------- helpers

const invalidInput = (path: string, message: string): LedgerError => ({
  code: 'invalid_input',
  message: `${path}: ${message}`,
  details: { path },
})

const isWholeIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max

const checkOptions = (options: unknown): Either<LedgerError, Checked> => {
  if (options === null || typeof options !== 'object')
    return left(invalidInput('options', 'expected an object'))
  const { fromPosition, types, retry, onError } = options as Record<string, unknown>
  if (
    fromPosition !== undefined &&
    (typeof fromPosition !== 'string' || !POSITION.test(fromPosition))
  )
    return left(invalidInput('fromPosition', 'expected a position such as "42"'))
  if (onError !== undefined && typeof onError !== 'function')
    return left(invalidInput('onError', 'expected a function'))
  const typeSet = checkTypes(types)
  if (typeSet._tag === 'Left') return typeSet
  const policy = checkRetry(retry)
  if (policy._tag === 'Left') return policy
  return right({
    fromPosition: fromPosition === undefined ? 0n : BigInt(fromPosition),
    ...(typeSet.right === undefined ? {} : { types: typeSet.right }),
    ...policy.right,
    ...(onError === undefined ? {} : { onError: onError as SubscriptionOptions['onError'] }),
  })
}

const checkTypes = (types: unknown): Either<LedgerError, ReadonlySet<string> | undefined> => {
  if (types === undefined) return right(undefined)
  // A string would make a Set of its letters and silently filter everything out.
  if (!Array.isArray(types) || types.length > TYPES_MAX)
    return left(invalidInput('types', `expected a list of at most ${TYPES_MAX} event type names`))
  for (const [index, type] of types.entries()) {
    if (typeof type !== 'string' || !isLedgerEventType(type)) {
      const shown = String(type).slice(0, 40)
      return left(invalidInput(`types.${index}`, `"${shown}" is not a ledger event type`))
    }
  }
  return right(new Set(types as string[]))
}

const checkRetry = (
  retry: unknown,
): Either<LedgerError, { attempts: number; backoffMs: number }> => {
  if (retry === undefined) return right({ attempts: 1, backoffMs: 0 })
  if (retry === null || typeof retry !== 'object')
    return left(invalidInput('retry', 'expected { attempts, backoffMs }'))
  const { attempts, backoffMs } = retry as Record<string, unknown>
  if (!isWholeIn(attempts, 1, RETRY_ATTEMPTS_MAX))
    return left(
      invalidInput('retry.attempts', `expected a whole number from 1 to ${RETRY_ATTEMPTS_MAX}`),
    )
  if (!isWholeIn(backoffMs, 0, RETRY_BACKOFF_MS_MAX))
    return left(
      invalidInput('retry.backoffMs', `expected milliseconds from 0 to ${RETRY_BACKOFF_MS_MAX}`),
    )
  return right({ attempts, backoffMs })
}

// Waits `ms` (none at 0), or until close() wakes it: a backoff never holds a closing ledger up.
const pause = (ms: number, waits: Set<() => void>): Promise<void> => {
  if (ms === 0) return Promise.resolve()
  return new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer)
      waits.delete(wake)
      resolve()
    }
    const timer = setTimeout(wake, ms)
    waits.add(wake)
  })
}
