// Proves the harness's arithmetic and output: ratios to the baseline row of the same scenario and
// unit, a loud error for a baseline that names no row, the table's columns, and the sizes.
import { describe, expect, it } from 'vitest'
import { formatTable, withRatios } from './report.js'
import type { Row } from './scenario.js'
import { sizesOf } from './scenario.js'

const rows: Row[] = [
  { scenario: 's', system: 'peer', figure: 200, unit: 'transfers/s' },
  { scenario: 's', system: 'ours', figure: 300, unit: 'transfers/s', baseline: 'peer' },
  { scenario: 's', system: 'peer', figure: 10, unit: 'µs CPU/transfer' },
  { scenario: 's', system: 'ours', figure: 5, unit: 'µs CPU/transfer', baseline: 'peer' },
  { scenario: 't', system: 'peer', figure: 1, unit: 'transfers/s' },
]

describe('withRatios', () => {
  it('divides by the baseline row of the same scenario and unit', () => {
    const ratios = withRatios(rows).map((row) => row.ratio)
    expect(ratios).toEqual([undefined, 1.5, undefined, 0.5, undefined])
  })

  it('throws when the baseline names no row of that scenario and unit', () => {
    const orphan: Row = { scenario: 't', system: 'ours', figure: 1, unit: 'ms', baseline: 'peer' }
    expect(() => withRatios([...rows, orphan])).toThrow(/no baseline row "peer" \(ms\)/)
  })
})

describe('formatTable', () => {
  it('prints a header, one line per row with its ratio, and the skipped systems', () => {
    const table = formatTable(withRatios(rows.slice(0, 2)), [
      { scenario: 's', system: 'castore', reason: 'peers not installed' },
    ])
    const lines = table.split('\n')
    expect(lines[0]).toMatch(/^\| scenario \| system +\| +figure \| unit +\| baseline \| ratio \|$/)
    expect(lines[3]).toMatch(/\| ours +\| +300 \| transfers\/s \| peer +\| +1\.50 \|$/)
    expect(lines[4]).toBe('skipped: s/castore: peers not installed')
  })

  it('keeps two significant digits of a small ratio instead of printing 0.00', () => {
    const small: Row[] = [rows[0] as Row, { ...(rows[1] as Row), figure: 0.5 }]
    expect(formatTable(withRatios(small), [])).toMatch(/\| 0\.0025 \|$/)
  })
})

describe('sizesOf', () => {
  it('takes the smoke size under --smoke, else the full size scaled, never below smoke', () => {
    expect(sizesOf(true, 1).pick(100_000, 200)).toBe(200)
    expect(sizesOf(false, 0.1).pick(100_000, 200)).toBe(10_000)
    expect(sizesOf(false, 0.0001).pick(100_000, 200)).toBe(200)
  })
})
