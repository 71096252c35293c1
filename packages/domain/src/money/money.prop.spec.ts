// Proves with generated amounts of every scale (0..18, built-in and registered assets) that
// parse and format are exact inverses up to the limits, that every bad form is rejected with its
// code and the caller's field name, and that the helpers agree with plain bigint arithmetic.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  arbAmountInput,
  arbAsset,
  arbInvalidAmountCase,
  arbMoney,
  maxMinorOf,
} from '@wallet-ledger/testing'
import { DecimalString } from '../codecs/common.js'
import { AMOUNT_CHARS_MAX, ASSET_SCALE_MAX, ASSET_SCALE_MIN } from '../limits.js'
import {
  addMoney,
  compareMoney,
  formatMoney,
  moneyFromCanonical,
  parseAmount,
  parsePositiveAmount,
  subtractMoney,
} from './money.js'

const RUNS = 300
const SCALES = Array.from(
  { length: ASSET_SCALE_MAX - ASSET_SCALE_MIN + 1 },
  (_, index) => ASSET_SCALE_MIN + index,
)

describe('parse and format', () => {
  it.each(SCALES)('round-trips every amount of a scale-%i asset, the largest included', (scale) => {
    const asset = { code: `S${scale}X`, scale }
    fc.assert(
      fc.property(arbMoney(asset), (amount) => {
        const text = formatMoney(amount)
        expect(parseAmount(text, asset)).toEqual({ _tag: 'Right', right: amount })
        expect(moneyFromCanonical(asset.code, text)).toEqual(amount)
      }),
      { numRuns: 100 },
    )
    const largest = { asset: asset.code, scale, minor: maxMinorOf(asset) }
    expect(parseAmount(formatMoney(largest), asset)).toEqual({ _tag: 'Right', right: largest })
  })

  it('writes exactly the scale in decimals, within the codec and the length limit', () => {
    fc.assert(
      fc.property(
        arbAsset().chain((asset) => arbMoney(asset)),
        (amount) => {
          const text = formatMoney(amount)
          const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0
          expect(decimals).toBe(amount.scale)
          expect(text.length).toBeLessThanOrEqual(AMOUNT_CHARS_MAX)
          expect(DecimalString.is(text)).toBe(true)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('reads what a caller types (trailing zeros dropped) as the same minor units', () => {
    fc.assert(
      fc.property(
        arbAsset().chain((asset) => arbAmountInput(asset).map((input) => ({ asset, ...input }))),
        ({ asset, text, money }) => {
          expect(parseAmount(text, asset)).toEqual({ _tag: 'Right', right: money })
        },
      ),
      { numRuns: RUNS },
    )
  })
})

describe('rejections', () => {
  it('rejects every bad form with its code, naming the caller field in path and message', () => {
    fc.assert(
      fc.property(
        arbAsset().chain((asset) =>
          arbInvalidAmountCase(asset).map((invalid) => ({ asset, invalid })),
        ),
        fc.constantFrom('amount', 'from.amount', 'minReceived'),
        ({ asset, invalid }, field) => {
          const result = parseAmount(invalid.amount, asset, field)
          if (result._tag === 'Right')
            expect.fail(`${invalid.kind} "${invalid.amount}" was accepted`)
          expect(result.left.code).toBe(invalid.code)
          expect(result.left.details?.['path']).toBe(field)
          expect(result.left.message.startsWith(`${field}: `)).toBe(true)
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('rejects too many decimals with amount_precision_exceeded, whatever the digits', () => {
    fc.assert(
      fc.property(
        arbAsset().chain((asset) =>
          fc.record({
            asset: fc.constant(asset),
            extra: fc.integer({ min: 1, max: 3 }),
            amount: arbMoney(asset, { maxMinor: 10n ** 12n }),
          }),
        ),
        ({ asset, extra, amount }) => {
          // Appending zeros keeps the value and still breaks the scale: never rounded or trimmed.
          const text = formatMoney(amount)
          const padded =
            asset.scale === 0 ? `${text}.${'0'.repeat(extra)}` : text + '0'.repeat(extra)
          expect(parseAmount(padded, asset)).toMatchObject({
            _tag: 'Left',
            left: { code: 'amount_precision_exceeded' },
          })
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('rejects zero with amount_not_positive and accepts every positive amount', () => {
    fc.assert(
      fc.property(
        arbAsset().chain((asset) => arbMoney(asset).map((amount) => ({ asset, amount }))),
        ({ asset, amount }) => {
          const result = parsePositiveAmount(formatMoney(amount), asset)
          if (amount.minor === 0n) {
            expect(result).toMatchObject({ _tag: 'Left', left: { code: 'amount_not_positive' } })
          } else {
            expect(result).toEqual({ _tag: 'Right', right: amount })
          }
        },
      ),
      { numRuns: RUNS },
    )
  })
})

describe('arithmetic', () => {
  it('agrees with bigint arithmetic and keeps add and subtract inverse', () => {
    const arbPair = arbAsset().chain((asset) => fc.tuple(arbMoney(asset), arbMoney(asset)))
    fc.assert(
      fc.property(arbPair, ([a, b]) => {
        const sum = addMoney(a, b)
        expect(sum.minor).toBe(a.minor + b.minor)
        expect(subtractMoney(sum, b)).toEqual(a)
        expect(compareMoney(a, b)).toBe(a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0)
      }),
      { numRuns: RUNS },
    )
  })
})
