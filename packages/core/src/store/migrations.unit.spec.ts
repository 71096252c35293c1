// Proves the shared migration plan: a database gets only the migrations after its version, in
// order; one newer than the package knows is refused `invalid_configuration` with the store's own
// message; migrations numbered out of order are a bug caught at once.
import { describe, expect, it } from 'vitest'
import { latestSchemaVersion, pendingMigrations, type Migration } from './migrations.js'

const MIGRATIONS: readonly Migration[] = [
  { version: 1, statements: ['CREATE TABLE a (x)'] },
  { version: 2, statements: ['CREATE TABLE b (y)'] },
  { version: 3, statements: ['CREATE TABLE c (z)'] },
]
const newer = (version: number, latest: number) => `version ${version} is newer than ${latest}`

describe('pendingMigrations', () => {
  it('answers the migrations after the database version, in order', () => {
    expect(latestSchemaVersion(MIGRATIONS)).toBe(3)
    expect(pendingMigrations(MIGRATIONS, 0, newer).map((m) => m.version)).toEqual([1, 2, 3])
    expect(pendingMigrations(MIGRATIONS, 2, newer).map((m) => m.version)).toEqual([3])
    expect(pendingMigrations(MIGRATIONS, 3, newer)).toEqual([])
  })

  it('refuses a database newer than the package knows', () => {
    expect(() => pendingMigrations(MIGRATIONS, 4, newer)).toThrow(
      expect.objectContaining({
        code: 'invalid_configuration',
        message: 'version 4 is newer than 3',
      }),
    )
  })

  it('asserts the migrations are numbered 1, 2, 3, ...', () => {
    const gap = [MIGRATIONS[0]!, MIGRATIONS[2]!]
    expect(() => latestSchemaVersion(gap)).toThrow(/numbered/)
    expect(() => pendingMigrations(gap, 0, newer)).toThrow(/numbered/)
  })
})
