// Proves the lint rules enforce the architecture: probe sources that break a rule are linted with
// the project's own config (as if they lived at the path given) and must be reported.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

const ruleIdsFor = async (source: string, filePath: string): Promise<string[]> => {
  const [result] = await eslint.lintText(source, { filePath })
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`)
}

describe('the architecture lint', () => {
  it('keeps the domain free of I/O', async () => {
    const found = await ruleIdsFor(
      "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n",
      'packages/domain/src/probe.ts',
    )
    expect(found.join('\n')).toMatch(/no-restricted-imports: .*domain does no I\/O/)
  })

  it('keeps the domain free of the clock and randomness', async () => {
    const found = await ruleIdsFor(
      'export const x = [Date.now(), Math.random(), new Date()]\n',
      'packages/domain/src/probe.ts',
    )
    expect(found.filter((line) => line.startsWith('no-restricted-properties'))).toHaveLength(2)
    expect(found.filter((line) => line.startsWith('no-restricted-syntax'))).toHaveLength(1)
  })

  it('allows a Date built from a given instant in the domain', async () => {
    const found = await ruleIdsFor(
      "export const x = new Date('2026-01-01T00:00:00.000Z')\n",
      'packages/domain/src/probe.ts',
    )
    expect(found).toEqual([])
  })

  it('keeps uuid and drivers out of the domain', async () => {
    const found = await ruleIdsFor(
      "import { v7 } from 'uuid'\nimport pg from 'pg'\nexport const x = [v7, pg]\n",
      'packages/domain/src/probe.ts',
    )
    expect(found.filter((line) => line.startsWith('no-restricted-imports'))).toHaveLength(2)
  })

  it('lets only the money module import decimal.js', async () => {
    const source = "import Decimal from 'decimal.js'\nexport const x = Decimal\n"
    expect((await ruleIdsFor(source, 'packages/core/src/probe.ts')).join('\n')).toMatch(
      /decimal\.js/,
    )
    expect((await ruleIdsFor(source, 'packages/domain/src/payment/probe.ts')).join('\n')).toMatch(
      /decimal\.js/,
    )
    expect(await ruleIdsFor(source, 'packages/domain/src/money/decimal.ts')).toEqual([])
  })

  it('keeps the test kit and adapters out of core', async () => {
    const source =
      "import { deciderSpec } from '@wallet-ledger/testing'\nimport Database from 'better-sqlite3'\nexport const x = [deciderSpec, Database]\n"
    expect(
      (await ruleIdsFor(source, 'packages/core/src/probe.ts')).filter((line) =>
        line.startsWith('no-restricted-imports'),
      ),
    ).toHaveLength(2)
  })

  it('keeps test code out of production sources', async () => {
    const source =
      "import { rightOf } from '../../test/workflows/__fixtures__/workflowLedger.js'\nexport const x = rightOf\n"
    for (const path of [
      'packages/core/src/workflows/probe.ts',
      'packages/store-sqlite/src/probe.ts',
      'packages/cli/src/commands/probe.ts',
    ]) {
      expect((await ruleIdsFor(source, path)).join('\n')).toMatch(
        /production code never imports test code/,
      )
    }
    expect(await ruleIdsFor(source, 'packages/core/src/workflows/probe.unit.spec.ts')).toEqual([])
  })

  it('keeps production functions to 70 lines, not tests', async () => {
    const body = Array.from({ length: 71 }, (_, n) => `  const v${n} = ${n}`).join('\n')
    const source = `export const long = (): number => {\n${body}\n  return v0\n}\n`
    expect((await ruleIdsFor(source, 'packages/core/src/probe.ts')).join('\n')).toMatch(
      /max-lines-per-function/,
    )
    const inSpec = await ruleIdsFor(source, 'packages/core/src/probe.unit.spec.ts')
    expect(inSpec.filter((line) => line.startsWith('max-lines'))).toEqual([])
  })
})
