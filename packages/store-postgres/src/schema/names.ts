// Names derived from the store's PostgreSQL schema: the schema itself (checked, since it is
// written into SQL text), the advisory lock keys and the LISTEN/NOTIFY channel. Several ledgers
// can share one database, each in its own schema, without sharing a lock or a channel.
import { createHash } from 'node:crypto'
import { configurationError } from '@wallet-ledger/core/adapter'

// ---------------------------------------------------------------- constants

/** The schema used when none is given. */
export const DEFAULT_SCHEMA = 'wallet_ledger'

// Lower-case letters, digits and `_`, starting with a letter or `_`: never needs quoting, so
// `search_path` and the channel name can be built from it. 48 characters leave room in the
// 63-byte identifier limit for the channel's prefix.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/

// ---------------------------------------------------------------- operations

/** Returns `schema` if it is a plain lower-case identifier; throws `invalid_configuration`. */
export const checkSchemaName = (schema: unknown): string => {
  if (typeof schema !== 'string' || !SCHEMA_NAME.test(schema)) {
    throw configurationError(
      `store: schema must be 1..48 lower-case letters, digits or _ starting with a letter or _, ` +
        `got ${JSON.stringify(String(schema).slice(0, 64))}`,
    )
  }
  return schema
}

/** A checked schema name as an SQL identifier (it needs no escaping; quoting keeps it exact). */
export const quoteIdentifier = (name: string): string => `"${checkSchemaName(name)}"`

/** The LISTEN/NOTIFY channel a schema's commits are announced on. */
export const channelOf = (schema: string): string => `wallet_ledger_${checkSchemaName(schema)}`

/**
 * The two 32-bit keys of a schema's advisory lock for one purpose (`commit`, `migrate`): from a
 * sha-256 of both, so distinct schemas and purposes never share a lock in practice.
 */
export const lockKeys = (schema: string, purpose: 'commit' | 'migrate'): [number, number] => {
  const digest = createHash('sha256').update(`wallet-ledger:${purpose}:${schema}`).digest()
  return [digest.readInt32BE(0), digest.readInt32BE(4)]
}
