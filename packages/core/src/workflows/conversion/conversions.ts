// Conversions: one ConvertFunds decision against the market. Executed, the conversion's event
// carries the journal entry and the account's debit (owner-initiated, counted toward the daily
// limit), its credit, the market's legs and the desk's spread are committed with it. A business
// refusal (frozen, expired quote, security, limits, balance, minimum) writes only the conversion.
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  Authorization,
  CallerId,
  ConversionRate,
  assert,
  conversionFailureOf,
  conversionView,
  domainError,
  findAsset,
  senderFactsOf,
  storedConversionFailure,
  keyReusedMessage,
} from '@wallet-ledger/domain'
import type {
  AccountState,
  ConversionCommand,
  ConversionState,
  LocalDate,
} from '@wallet-ledger/domain'
import type { LedgerContext } from '../../ledger/context.js'
import {
  AmountText,
  AssetText,
  decodeCaller,
  fingerprintOf,
  instantOf,
  parseCallerAmount,
  queryIdOf,
} from '../../ledger/input.js'
import type { ConversionView, Ledger, LedgerError } from '../../ledger/types.js'
import { decideAccountWrites, legCommands } from '../shared/accountWrites.js'
import {
  IdempotencyKey,
  commitMetadataOf,
  decideWrite,
  nowOf,
  withContext,
} from '../shared/common.js'
import { InstantInput } from '../shared/instantInput.js'
import { runPlanned } from '../execution/run.js'
import type { Plan } from '../execution/run.js'
import { accountNotFound, conversionNotFound } from '../../ledger/notFound.js'
import { keyedIdOf, entryIdOf } from '../shared/ids.js'

// ---------------------------------------------------------------- input codec

/** The caller's input to `convert` (contract.unit.spec.ts ties it to `Ledger`). */
export const ConvertInput = withContext(
  {
    accountId: CallerId,
    from: t.type({ asset: AssetText, amount: AmountText }),
    to: t.type({ asset: AssetText }),
    rate: ConversionRate,
    idempotencyKey: IdempotencyKey,
  },
  { quoteExpiresAt: InstantInput, minReceived: AmountText, authorization: Authorization },
  'Convert',
)
type ConvertInput = t.TypeOf<typeof ConvertInput>

/** The caller's request with every amount canonical, every asset known, instants ISO. */
type Request = {
  readonly accountId: string
  readonly from: { readonly asset: string; readonly amount: string }
  readonly to: { readonly asset: string; readonly scale: number }
  readonly rate: string
  readonly quoteExpiresAt?: string
  readonly minReceived?: string
  readonly authorization?: t.TypeOf<typeof Authorization>
}

// ---------------------------------------------------------------- helpers

const viewOf = (state: ConversionState): ConversionView => conversionView(state)

/** Reads the caller's input against the registry: nothing is written unless this succeeds. */
const requestOf = (context: LedgerContext, input: ConvertInput): Either<LedgerError, Request> => {
  const { registry } = context
  const from = parseCallerAmount(
    registry,
    input.from.asset,
    input.from.amount,
    'from.amount',
    true,
    'from.asset',
  )
  if (from._tag === 'Left') return from
  const to = findAsset(registry, input.to.asset, 'to.asset')
  if (to._tag === 'Left') return to
  const minReceived =
    input.minReceived === undefined
      ? undefined
      : parseCallerAmount(registry, to.right.code, input.minReceived, 'minReceived', false)
  if (minReceived?._tag === 'Left') return minReceived
  const expiresAt =
    input.quoteExpiresAt === undefined
      ? undefined
      : instantOf(input.quoteExpiresAt, 'quoteExpiresAt')
  if (expiresAt?._tag === 'Left') return expiresAt
  return right({
    accountId: input.accountId,
    from: { asset: from.right.asset.code, amount: from.right.amount },
    to: { asset: to.right.code, scale: to.right.scale },
    rate: input.rate,
    ...(expiresAt === undefined ? {} : { quoteExpiresAt: expiresAt.right }),
    ...(minReceived === undefined ? {} : { minReceived: minReceived.right.amount }),
    ...(input.authorization === undefined ? {} : { authorization: input.authorization }),
  })
}

/** The first request's answer for a replayed key: its failure or its view; other fields: reused. */
const replayed = (
  state: Exclude<ConversionState, { status: 'not_started' }>,
  fingerprint: string,
): Either<LedgerError, Plan<ConversionView>> => {
  if (state.fingerprint !== fingerprint) {
    const message = keyReusedMessage('conversion')
    const details = { conversionId: state.conversionId }
    return left(domainError('idempotency_key_reused', message, details))
  }
  const failure = storedConversionFailure(state)
  return right({
    writes: [],
    outcome: failure === undefined ? right(viewOf(state)) : left(failure),
  })
}

/** The ConvertFunds command: the request, the sender's facts for the source asset and local day. */
const convertCommandOf = (
  context: LedgerContext,
  request: Request,
  conversionId: string,
  fingerprint: string,
  account: Exclude<AccountState, { status: 'not_opened' }>,
  at: string,
): ConversionCommand => {
  const localDate = context.localTime(new Date(at)).localDate as LocalDate
  return {
    type: 'ConvertFunds',
    conversionId,
    entryId: entryIdOf('conversion', conversionId, 'execute'),
    ...request,
    sender: senderFactsOf(account, request.from.asset, localDate),
    at,
    localDate,
    fingerprint,
  } as ConversionCommand
}

/** Plans one conversion: the conversion's write first, then the account legs if it executed. */
const planConvert = async (
  context: LedgerContext,
  request: Request,
  conversionId: string,
  fingerprint: string,
): Promise<Either<LedgerError, Plan<ConversionView>>> => {
  const definition = context.definitions.conversion
  const loaded = await context.repository.load(definition, conversionId)
  if (loaded.state.status !== 'not_started') return replayed(loaded.state, fingerprint)
  const account = await context.repository.load(context.definitions.account, request.accountId)
  if (account.state.status === 'not_opened' || account.state.kind === 'system') {
    const notFound = accountNotFound(request.accountId)
    return left({ ...notFound, details: { ...notFound.details, path: 'accountId' } })
  }
  const at = nowOf(context)
  const command = convertCommandOf(context, request, conversionId, fingerprint, account.state, at)
  const write = decideWrite(definition, definition.stream(conversionId), loaded, command)
  if (write._tag === 'Left') return write
  const conversionWrite = { ...write.right, expectedRevision: 'no_stream' as const }
  const failure = conversionFailureOf(write.right.events)
  if (failure !== undefined) return right({ writes: [conversionWrite], outcome: left(failure) })
  // A conversion not started yet records exactly one event: a refusal (above) or the execution.
  const [executed] = write.right.events
  assert(executed?.type === 'ConversionExecuted', 'ConvertFunds on a new conversion: no execution')
  const owner = { initiatedBy: 'owner', limitDate: executed.data.limitDate } as const
  const commands = legCommands(executed.data.entry, at, { [request.accountId]: owner })
  const accounts = await decideAccountWrites(context, commands, at)
  if (accounts._tag === 'Left') return accounts
  return right({
    writes: [conversionWrite, ...accounts.right],
    outcome: right(viewOf(write.right.nextState)),
  })
}

// ---------------------------------------------------------------- the methods

/**
 * The conversion methods of the ledger. `convert` trades `from` for `to.asset` at `rate` (units of
 * `to` per one unit of `from`); the credit is rounded down to the target scale and the desk's
 * spread account keeps the remainder priced back in the source asset. The conversion id comes from
 * the idempotency key; the same key and fields return the first answer, other fields are
 * `idempotency_key_reused`. Bad input writes nothing (`invalid_input`, `unknown_asset`,
 * `amount_precision_exceeded`, `amount_not_positive`, `amount_too_large`, `account_not_found`,
 * `account_closed`). A business refusal is recorded and returned with `details.conversionId`:
 * `account_frozen`, `quote_expired`, `security_check_failed`, `limit_exceeded`,
 * `insufficient_balance`, `min_received_not_met`. `conversion(id)` reads one back
 * (`conversion_not_found`).
 */
export const conversionCommands = (
  context: LedgerContext,
): Pick<Ledger, 'convert' | 'conversion'> => ({
  convert: async (raw) => {
    const input = decodeCaller(ConvertInput, raw)
    if (input._tag === 'Left') return input
    const request = requestOf(context, input.right)
    if (request._tag === 'Left') return request
    const { idempotencyKey } = input.right
    const conversionId = keyedIdOf(context, 'conversion', idempotencyKey)
    // The caller's fields as the request reads them: canonical amounts, ISO instants, known assets.
    const { to, ...fields } = request.right
    const fingerprint = fingerprintOf({ ...fields, to: { asset: to.asset } })
    return runPlanned(context, commitMetadataOf(input.right), () =>
      planConvert(context, request.right, conversionId, fingerprint),
    )
  },
  conversion: async (conversionId) => {
    const id = queryIdOf(conversionId, 'conversionId', CallerId.is, conversionNotFound)
    if (id._tag === 'Left') return id
    const loaded = await context.repository.load(context.definitions.conversion, id.right)
    if (loaded.state.status === 'not_started') return left(conversionNotFound(id.right))
    return right(viewOf(loaded.state))
  },
})
