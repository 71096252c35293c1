// Proves every error code callers may switch on is both produced somewhere in the library and
// exercised by at least one test. It reads the sources as text: a code that appears quoted in
// no spec file, or in no source file but the list itself, fails here (a cheap guard, not proof
// that the test asserts it; each aggregate's own tests do that).
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '@wallet-ledger/domain'

const sourceFiles = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (name === 'node_modules' || name === 'dist' || name === '.tsbuild') return []
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : []
  })

const files = sourceFiles('packages')
const specText = files
  .filter((file) => file.includes('.spec.'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n')
const libraryText = files
  .filter((file) => !file.includes('.spec.') && !file.endsWith('domain/src/errors.ts'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n')

describe('error codes', () => {
  it.each([...ERROR_CODES])('%s is produced by the library and tested', (code) => {
    expect(libraryText.includes(`'${code}'`), `no source produces ${code}`).toBe(true)
    expect(specText.includes(`'${code}'`), `no test mentions ${code}`).toBe(true)
  })
})
