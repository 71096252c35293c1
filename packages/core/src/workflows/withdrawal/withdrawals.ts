// Withdrawals: request (amount + fee held, destination sealed for its owner), identity check,
// submission with its settlement window, completion, failure, the bank's return, and the freeze
// rule that cancels every withdrawal not yet submitted. Account moves are in withdrawalSteps.ts.
import { createHmac } from 'node:crypto'
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import {
  AccountId,
  Authorization,
  boundedString,
  CryptoNetwork,
  domainError,
  limits,
  senderFactsOf,
  storedWithdrawalFailure,
  withdrawalFailureOf,
  keyReusedMessage,
} from '@wallet-ledger/domain'
import type { LocalDate, WithdrawalCommand } from '@wallet-ledger/domain'
import { canonicalJson } from '../../store/canonicalJson.js'
import type { LedgerContext } from '../../ledger/context.js'
import {
  AmountText,
  AssetText,
  decodeCaller,
  fingerprintOf,
  parseCallerAmount,
} from '../../ledger/input.js'
import type { Ledger, LedgerError, WithdrawalView } from '../../ledger/types.js'
import { currentKey, sealForOwner } from '../../privacy/ownerKeys.js'
import {
  IdempotencyKey,
  commitMetadataOf,
  decideWrite,
  withContext,
  holdIdsUsedUp,
} from '../shared/common.js'
import { runPlanned } from '../execution/run.js'
import type { Plan } from '../execution/run.js'
import { decideAccountWrites } from '../shared/accountWrites.js'
import { withdrawalLifecycleCommands } from './withdrawalLifecycle.js'
import {
  cancelOnFreeze,
  isCancellable,
  planWithdrawalCommand,
  viewOfWithdrawal,
  accountCommandsAfter,
} from './withdrawalSteps.js'
import type { ExistingWithdrawal } from './withdrawalSteps.js'
import { accountNotFound } from '../../ledger/notFound.js'
import { keyedIdOf, withdrawalHoldIdOn, withdrawalIdOfHold } from '../shared/ids.js'

// ---------------------------------------------------------------- input codecs

const Text = (name: string) => boundedString(limits.REFERENCE_LENGTH_MAX, name)
const DestinationInput = t.union(
  [
    t.type({
      type: t.literal('bank_account'),
      bank: Text('Bank'),
      accountNumber: Text('AccountNumber'),
    }),
    t.type({ type: t.literal('crypto_address'), network: CryptoNetwork, address: Text('Address') }),
  ],
  'Destination',
)
/** The caller's input to `requestWithdrawal` (contract.unit.spec.ts ties it to `Ledger`). */
export const RequestInput = withContext(
  {
    accountId: AccountId,
    asset: AssetText,
    amount: AmountText,
    destination: DestinationInput,
    idempotencyKey: IdempotencyKey,
  },
  { fee: AmountText, authorization: Authorization },
  'RequestWithdrawal',
)
type RequestInput = t.TypeOf<typeof RequestInput>
type DestinationInput = t.TypeOf<typeof DestinationInput>

// ---------------------------------------------------------------- destination privacy

// The personal part of a destination: bank and account number, or the crypto address.
const secretOf = (destination: DestinationInput): string =>
  destination.type === 'bank_account'
    ? canonicalJson({ bank: destination.bank, accountNumber: destination.accountNumber })
    : canonicalJson({ address: destination.address })

/**
 * The destination as events store it: the personal part sealed with the owner's key (erasable),
 * the network plain (it picks the world account).
 */
const sealedDestination = async (
  context: LedgerContext,
  accountId: string,
  destination: DestinationInput,
) => {
  const reference = await sealForOwner(context.keyVault, accountId, secretOf(destination))
  return destination.type === 'bank_account'
    ? { type: destination.type, reference }
    : { type: destination.type, network: destination.network, reference }
}

/**
 * The destination's part of the fingerprint: an HMAC with the owner's key, never a plain hash,
 * since account numbers are few enough to guess from a hash; erasing the key erases this too.
 */
const destinationDigest = async (
  context: LedgerContext,
  accountId: string,
  destination: DestinationInput,
): Promise<string> => {
  const key = await currentKey(context.keyVault, accountId)
  return createHmac('sha256', key).update(secretOf(destination)).digest('hex')
}

// ---------------------------------------------------------------- request

type Amounts = { readonly asset: string; readonly amount: string; readonly fee: string }

const amountsOf = (context: LedgerContext, input: RequestInput): Either<LedgerError, Amounts> => {
  const amount = parseCallerAmount(context.registry, input.asset, input.amount, 'amount')
  if (amount._tag === 'Left') return amount
  const fee = parseCallerAmount(context.registry, input.asset, input.fee ?? '0', 'fee', false)
  if (fee._tag === 'Left') return fee
  return right({ asset: input.asset, amount: amount.right.amount, fee: fee.right.amount })
}

// A retry (same fingerprint) returns the first result and writes nothing.
const replayed = (
  state: ExistingWithdrawal,
  withdrawalId: string,
  fingerprint: string,
): Plan<WithdrawalView> => {
  if (state.fingerprint !== fingerprint) {
    const message = keyReusedMessage('withdrawal')
    const reused = domainError('idempotency_key_reused', message, { withdrawalId })
    return { writes: [], outcome: left(reused) }
  }
  const failure = storedWithdrawalFailure(state)
  return {
    writes: [],
    outcome: failure === undefined ? right(viewOfWithdrawal(state)) : left(failure),
  }
}

// Account first: the fingerprint's destination digest uses the owner's key, which must exist.
const planRequest = async (
  context: LedgerContext,
  input: RequestInput,
  amounts: Amounts,
  withdrawalId: string,
): Promise<Either<LedgerError, Plan<WithdrawalView>>> => {
  const account = await context.repository.load(context.definitions.account, input.accountId)
  if (account.state.status === 'not_opened' || account.state.kind === 'system')
    return left({ ...accountNotFound(input.accountId), details: { path: 'accountId' } })
  const fingerprint = await fingerprintOfRequest(context, input, amounts)
  const definition = context.definitions.withdrawal
  const loaded = await context.repository.load(definition, withdrawalId)
  if (loaded.state.status !== 'not_requested')
    return right(replayed(loaded.state, withdrawalId, fingerprint))
  const holdId = withdrawalHoldIdOn(withdrawalId, account.state)
  if (holdId === undefined) return left(holdIdsUsedUp(withdrawalId))
  const now = context.clock()
  const at = now.toISOString()
  const localDate = context.localTime(now).localDate as LocalDate
  const command = {
    type: 'RequestWithdrawal',
    withdrawalId,
    accountId: input.accountId,
    ...amounts,
    destination: await sealedDestination(context, input.accountId, input.destination),
    holdId,
    at,
    localDate,
    fingerprint,
    sender: senderFactsOf(account.state, amounts.asset, localDate),
    ...(input.authorization === undefined ? {} : { authorization: input.authorization }),
  } as unknown as WithdrawalCommand
  const write = decideWrite(definition, definition.stream(withdrawalId), loaded, command)
  if (write._tag === 'Left') return write
  // The stream is new: 'no_stream' makes a concurrent request with the same key lose cleanly.
  const withdrawalWrite = { ...write.right, expectedRevision: 'no_stream' as const }
  const failure = withdrawalFailureOf(write.right.events)
  if (failure !== undefined) return right({ writes: [withdrawalWrite], outcome: left(failure) })
  const commands = accountCommandsAfter(loaded.state, write.right.events, at)
  const accounts = await decideAccountWrites(context, commands, at)
  if (accounts._tag === 'Left') return accounts
  const view = viewOfWithdrawal(write.right.nextState)
  return right({ writes: [withdrawalWrite, ...accounts.right], outcome: right(view) })
}

/**
 * What tells a retry from a reused key: the account, canonical amounts (fee '0' when absent) and
 * the destination (its type, network and keyed digest). The authorization is not part of it: it is
 * how the request was allowed, not what it asks for.
 */
const fingerprintOfRequest = async (
  context: LedgerContext,
  input: RequestInput,
  amounts: Amounts,
): Promise<string> => {
  const { accountId, destination } = input
  return fingerprintOf({
    accountId,
    ...amounts,
    destination: {
      type: destination.type,
      ...(destination.type === 'crypto_address' ? { network: destination.network } : {}),
      digest: await destinationDigest(context, accountId, destination),
    },
  })
}

// ---------------------------------------------------------------- the freeze rule

/**
 * The handler `freezeAccount` runs once the freeze is committed: cancels every withdrawal of the
 * account not yet submitted and releases its hold (DESIGN.md freeze rules). The withdrawals are
 * found through the account's open holds (`withdrawal:<id>`), so no index is needed and a restart
 * loses nothing; a submitted withdrawal refuses the cancel and keeps its hold. At most
 * `HOLDS_OPEN_PER_ACCOUNT_MAX` holds are looked at. If this handler is cut short, the identity
 * check and the submission cancel the withdrawal themselves when they find the account frozen.
 */
export const cancelWithdrawalsOnFreeze =
  (context: LedgerContext) =>
  async (accountId: string): Promise<void> => {
    const account = await context.repository.load(context.definitions.account, accountId)
    if (account.state.status === 'not_opened') return
    const withdrawalIds = [...account.state.holds.keys()].flatMap((holdId) => {
      const withdrawalId = withdrawalIdOfHold(holdId)
      return withdrawalId === undefined ? [] : [withdrawalId]
    })
    for (const withdrawalId of withdrawalIds) {
      // A left (submitted: cannot be recalled; or a conflict) leaves that withdrawal as it is.
      await runPlanned(context, {}, () =>
        planWithdrawalCommand(context, withdrawalId, async (state, now) =>
          isCancellable(state)
            ? right({ command: cancelOnFreeze(withdrawalId, now) })
            : left(domainError('invalid_transition', 'a submitted withdrawal is not recalled')),
        ),
      )
    }
  }

// ---------------------------------------------------------------- the methods

/** The withdrawal methods of the ledger, and the `withdrawal(id)` query. */
export const withdrawalCommands = (
  context: LedgerContext,
): Pick<
  Ledger,
  | 'requestWithdrawal'
  | 'verifyWithdrawalIdentity'
  | 'submitWithdrawal'
  | 'completeWithdrawal'
  | 'failWithdrawal'
  | 'returnWithdrawal'
  | 'withdrawal'
> => ({
  requestWithdrawal: async (raw) => {
    const input = decodeCaller(RequestInput, raw)
    if (input._tag === 'Left') return input
    const amounts = amountsOf(context, input.right)
    if (amounts._tag === 'Left') return amounts
    const key = input.right.idempotencyKey
    const withdrawalId = keyedIdOf(context, 'withdrawal', key)
    return runPlanned(context, commitMetadataOf(input.right), () =>
      planRequest(context, input.right, amounts.right, withdrawalId),
    )
  },
  ...withdrawalLifecycleCommands(context),
})
