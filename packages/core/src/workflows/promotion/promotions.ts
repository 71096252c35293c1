// Promotions: a budget funded from the marketing fund in one journal entry. The promotion's stream
// books its budget account (PromotionCreated cites the credit leg); the marketing fund's debit is an
// account event, committed with it.
import * as t from 'io-ts'
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { CallerId, DiscountPercent, assert, domainError } from '@wallet-ledger/domain'
import type { CreatePromotion, PromotionCommand } from '@wallet-ledger/domain'
import type { LedgerContext } from '../../ledger/context.js'
import {
  AmountText,
  AssetText,
  decodeCaller,
  instantOf,
  parseCallerAmount,
} from '../../ledger/input.js'
import type { Ledger, LedgerError } from '../../ledger/types.js'
import { commitMetadataOf, decideWrite, nowOf, withContext } from '../shared/common.js'
import { planWithEntry } from '../deposit/deposit.js'
import { InstantInput } from '../shared/instantInput.js'
import { runPlanned } from '../execution/run.js'
import { entryIdOf } from '../shared/ids.js'

// ---------------------------------------------------------------- input codec

/** The caller's input to `createPromotion` (contract.unit.spec.ts ties it to `Ledger`). */
export const CreatePromotionInput = withContext(
  {
    promotionId: CallerId,
    asset: AssetText,
    budget: AmountText,
    discount: t.union(
      [t.type({ percent: DiscountPercent }), t.type({ fixed: AmountText })],
      'Discount',
    ),
  },
  { capPerAccount: AmountText, validFrom: InstantInput, validUntil: InstantInput },
  'CreatePromotion',
)
type CreatePromotionInput = t.TypeOf<typeof CreatePromotionInput>

/** The terms of a CreatePromotion command: everything but its type, entry and time. */
type Terms = Omit<CreatePromotion, 'type' | 'entryId' | 'at'>

// ---------------------------------------------------------------- helpers

/** Parses the caller's amounts against the registry and the instants to ISO: canonical terms. */
const termsOf = (
  context: LedgerContext,
  input: CreatePromotionInput,
): Either<LedgerError, Terms> => {
  const { promotionId, asset, discount } = input
  if ('percent' in discount && 'fixed' in discount) {
    const message = 'discount: give either percent or fixed, not both'
    return left(domainError('invalid_input', message, { path: 'discount' }))
  }
  const budget = parseCallerAmount(context.registry, asset, input.budget, 'budget')
  if (budget._tag === 'Left') return budget
  const amountOf = (text: string, field: string) =>
    parseCallerAmount(context.registry, asset, text, field)
  const fixed = 'fixed' in discount ? amountOf(discount.fixed, 'discount.fixed') : undefined
  if (fixed?._tag === 'Left') return fixed
  const cap =
    input.capPerAccount === undefined ? undefined : amountOf(input.capPerAccount, 'capPerAccount')
  if (cap?._tag === 'Left') return cap
  const validFrom =
    input.validFrom === undefined ? undefined : instantOf(input.validFrom, 'validFrom')
  if (validFrom?._tag === 'Left') return validFrom
  const validUntil =
    input.validUntil === undefined ? undefined : instantOf(input.validUntil, 'validUntil')
  if (validUntil?._tag === 'Left') return validUntil
  return right({
    promotionId,
    asset: budget.right.asset.code,
    budget: budget.right.amount,
    // Rebuilt field by field: the codec lets unknown properties through, the event must not.
    discount:
      fixed !== undefined
        ? { fixed: fixed.right.amount }
        : { percent: (discount as { percent: string }).percent },
    ...(cap === undefined ? {} : { capPerAccount: cap.right.amount }),
    ...(validFrom === undefined ? {} : { validFrom: validFrom.right }),
    ...(validUntil === undefined ? {} : { validUntil: validUntil.right }),
  } as Terms)
}

// ---------------------------------------------------------------- the methods

/**
 * The promotion methods of the ledger. `createPromotion` funds the budget from
 * `SYSTEM_ACCOUNTS.marketingFund` (a world account: its balance goes negative). Creating the same
 * id with the same terms again writes nothing and succeeds; with other terms it is
 * `promotion_already_exists`. Bad terms (unknown asset, precision, zero amounts, a percent of 0 or
 * 100, a fixed discount above the budget, `validUntil` not after `validFrom`) write nothing.
 */
export const promotionCommands = (context: LedgerContext): Pick<Ledger, 'createPromotion'> => ({
  createPromotion: async (raw) => {
    const input = decodeCaller(CreatePromotionInput, raw)
    if (input._tag === 'Left') return input
    const terms = termsOf(context, input.right)
    if (terms._tag === 'Left') return terms
    const { promotionId } = terms.right
    return runPlanned(context, commitMetadataOf(input.right), async () => {
      const definition = context.definitions.promotion
      const loaded = await context.repository.load(definition, promotionId)
      const at = nowOf(context)
      // Named by the promotion id: creating the same promotion again names the same entry.
      const entryId = entryIdOf('promotion', promotionId, 'funding')
      const command = { type: 'CreatePromotion', ...terms.right, entryId, at } as PromotionCommand
      const write = decideWrite(definition, definition.stream(promotionId), loaded, command)
      if (write._tag === 'Left') return write
      const created = write.right.events[0]
      if (created === undefined) return right({ writes: [], outcome: right(undefined) })
      assert(created.type === 'PromotionCreated', `CreatePromotion recorded ${created.type}`)
      return planWithEntry(
        context,
        { ...write.right, expectedRevision: 'no_stream' },
        created.data.entry,
        at,
        right(undefined),
      )
    })
  },
})
