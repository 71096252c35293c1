// What the stores' schema migration runners share: numbered migrations applied once and in order,
// and a database that a newer package migrated refused rather than guessed at. Each store runs the
// statements in its own transaction (SQLite synchronously, PostgreSQL under an advisory lock).
import { assert } from '@wallet-ledger/domain'
import { configurationError } from '../ledger/storeUrl.js'

// ---------------------------------------------------------------- types

/** One step of a store's schema: applied once, in order, never edited after release. */
export type Migration = { readonly version: number; readonly statements: readonly string[] }

// ---------------------------------------------------------------- operations

/** The version the last migration brings a database to; versions must count 1, 2, 3, ... */
export const latestSchemaVersion = (migrations: readonly Migration[]): number => {
  migrations.forEach((migration, index) =>
    assert(migration.version === index + 1, 'migrations are numbered 1, 2, 3, ... in order'),
  )
  return migrations.length
}

/**
 * The migrations a database at `version` still needs, in order. Throws `invalid_configuration`
 * with `newerMessage(version, latest)` when the database is newer than these migrations know
 * (nothing is changed: the caller rolls its transaction back).
 */
export const pendingMigrations = (
  migrations: readonly Migration[],
  version: number,
  newerMessage: (version: number, latest: number) => string,
): readonly Migration[] => {
  const latest = latestSchemaVersion(migrations)
  if (version > latest) throw configurationError(newerMessage(version, latest))
  return migrations.filter((migration) => migration.version > version)
}
