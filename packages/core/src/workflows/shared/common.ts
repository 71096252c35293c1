// Pieces every workflow shares: the command context codec, commit metadata, and one-stream writes.
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { Metadata, boundedString, describedAs, domainError, limits } from '@wallet-ledger/domain'
import type { RawEvent } from '@wallet-ledger/domain'
import type { AggregateDefinition } from '../../engine/aggregate.js'
import type { Write } from '../../engine/commit.js'
import type { Loaded } from '../../engine/repository.js'
import type { CommitMetadata } from '../../ports/eventStore.js'
import type { LedgerContext } from '../../ledger/context.js'
import { decodeCaller, parseCallerAmount } from '../../ledger/input.js'
import type { ParsedAmount } from '../../ledger/input.js'
import type { LedgerError } from '../../ledger/types.js'
import { keyedIdOf } from './ids.js'
import type { KeyedKind } from './ids.js'

const ENVELOPE_ID_CHARS_MAX = 128

// A UTF-16 surrogate without its pair: such a string has no UTF-8 form to derive an id from.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** An idempotency key: 1..IDEMPOTENCY_KEY_LENGTH_MAX characters of well-formed text. */
export const IdempotencyKey = describedAs(
  new t.Type<string, string, unknown>(
    `IdempotencyKey(1..${limits.IDEMPOTENCY_KEY_LENGTH_MAX})`,
    (u): u is string => isIdempotencyKey(u),
    (u, c) => (isIdempotencyKey(u) ? t.success(u) : t.failure(u, c)),
    t.identity,
  ),
  `a key of 1 to ${limits.IDEMPOTENCY_KEY_LENGTH_MAX} characters of text, the same on every retry`,
)
const isIdempotencyKey = (u: unknown): u is string =>
  typeof u === 'string' &&
  u.length >= 1 &&
  u.length <= limits.IDEMPOTENCY_KEY_LENGTH_MAX &&
  !LONE_SURROGATE.test(u)

/** The optional fields every command accepts. */
export const CommandContextCodec = t.partial({
  metadata: Metadata,
  actor: boundedString(ENVELOPE_ID_CHARS_MAX, 'Actor'),
  correlationId: boundedString(ENVELOPE_ID_CHARS_MAX, 'CorrelationId'),
})

/** A command's input codec: its own fields plus the context fields. */
export const withContext = <P extends t.Props, O extends t.Props>(
  required: P,
  optional: O,
  name: string,
) => t.intersection([t.type(required), t.partial(optional), CommandContextCodec], name)

/** The envelope facts of a command's commit. */
export const commitMetadataOf = (input: {
  actor?: string
  correlationId?: string
}): CommitMetadata => ({
  ...(input.actor === undefined ? {} : { actor: input.actor }),
  ...(input.correlationId === undefined ? {} : { correlationId: input.correlationId }),
})

/** Decides one command on one aggregate and folds the events: the write for that stream. */
export const decideWrite = <State, Command, Event extends RawEvent, Error extends LedgerError>(
  definition: AggregateDefinition<State, Command, Event, Error>,
  stream: string,
  loaded: Loaded<State>,
  command: Command,
): Either<
  LedgerError,
  Write & { readonly events: readonly Event[]; readonly nextState: State }
> => {
  const decided = definition.decider.decide(command, loaded.state)
  if (decided._tag === 'Left') return left(decided.left)
  let nextState = loaded.state
  for (const event of decided.right) nextState = definition.decider.evolve(nextState, event)
  return right({
    definition,
    stream,
    loaded,
    events: decided.right,
    nextState,
    expectedRevision: loaded.revision,
  })
}

/** The ISO instant of now from the ledger's clock. */
export const nowOf = (context: LedgerContext): string => context.clock().toISOString()

/**
 * The boundary of a money-moving command with one amount: the caller's input decoded, the amount
 * parsed against its asset (canonical), and the entity id the idempotency key names.
 */
export const readKeyedAmount = <
  A extends { asset: string; amount: string; idempotencyKey: string },
>(
  context: LedgerContext,
  codec: t.Type<A, unknown, unknown>,
  raw: unknown,
  kind: KeyedKind,
): Either<LedgerError, { input: A; amount: ParsedAmount; id: string }> => {
  const input = decodeCaller(codec, raw)
  if (input._tag === 'Left') return input
  const amount = parseCallerAmount(
    context.registry,
    input.right.asset,
    input.right.amount,
    'amount',
  )
  if (amount._tag === 'Left') return amount
  const id = keyedIdOf(context, kind, input.right.idempotencyKey)
  return right({ input: input.right, amount: amount.right, id })
}

/**
 * `too_many_holds`: every hold id a workflow may take on an account was used (taken and released
 * after crashes before the workflow was recorded, `WORKFLOW_HOLD_IDS_MAX` times).
 */
export const holdIdsUsedUp = (workflowId: string): LedgerError =>
  domainError(
    'too_many_holds',
    `${workflowId} was interrupted too many times before it was recorded; use a new idempotency key`,
    { workflowId },
  )
