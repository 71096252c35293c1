// The run's report: each row's ratio to its baseline row, the table printed on stdout and the JSON
// written to bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Row, Skip } from './scenario.js'
import type { Machine } from './machine.js'

// ---------------------------------------------------------------- types

/** The JSON a run writes. */
export type BenchReport = {
  readonly machine: Machine
  readonly date: string
  /** The command line's flags, so a figure can be made again. */
  readonly command: string
  readonly rows: readonly Row[]
  readonly skipped: readonly Skip[]
}

// ---------------------------------------------------------------- operations

/**
 * Sets each row's ratio: its figure over the figure of the row of the same scenario and unit whose
 * system is the row's baseline. Throws when a baseline names no such row (a scenario's bug).
 */
export const withRatios = (rows: readonly Row[]): Row[] =>
  rows.map((row) => {
    if (row.baseline === undefined) return row
    const base = rows.find(
      (other) =>
        other.scenario === row.scenario && other.unit === row.unit && other.system === row.baseline,
    )
    if (base === undefined) {
      throw new Error(
        `${row.scenario}/${row.system}: no baseline row "${row.baseline}" (${row.unit})`,
      )
    }
    return base.figure === 0 ? row : { ...row, ratio: row.figure / base.figure }
  })

/** The table: one line per row, columns aligned, skipped systems listed after it. */
export const formatTable = (rows: readonly Row[], skipped: readonly Skip[]): string => {
  const header = ['scenario', 'system', 'figure', 'unit', 'baseline', 'ratio']
  const cells = rows.map((row) => [
    row.scenario,
    row.system,
    formatFigure(row.figure),
    row.unit,
    row.baseline ?? '',
    row.ratio === undefined ? '' : formatRatio(row.ratio),
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)),
  )
  const isRight = [false, false, true, false, false, true]
  const line = (values: readonly string[]): string =>
    `| ${values
      .map((value, column) =>
        isRight[column] === true
          ? value.padStart(widths[column] ?? 0)
          : value.padEnd(widths[column] ?? 0),
      )
      .join(' | ')} |`
  const rule = `| ${widths.map((width, column) => (isRight[column] === true ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`
  const skips = skipped.map((skip) => `skipped: ${skip.scenario}/${skip.system}: ${skip.reason}`)
  return [line(header), rule, ...cells.map(line), ...skips].join('\n')
}

/** Writes the report as JSON, creating the folder. */
export const writeReport = (path: string, report: BenchReport): void => {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`)
}

// ---------------------------------------------------------------- helpers

/** Two decimals; small ratios with two significant digits, so they do not read as zero. */
const formatRatio = (ratio: number): string =>
  Math.abs(ratio) >= 0.1 || ratio === 0 ? ratio.toFixed(2) : ratio.toPrecision(2)

/** Whole numbers with thousands separators; small figures with three significant digits. */
const formatFigure = (figure: number): string =>
  Math.abs(figure) >= 100
    ? Math.round(figure).toLocaleString('en-US')
    : Number(figure.toPrecision(3)).toString()
