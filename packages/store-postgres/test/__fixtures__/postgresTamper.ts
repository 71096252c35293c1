// Test support: edits a PostgreSQL test store's events table behind its back, as someone with
// write access to the database would (the append-only triggers disabled first), for the tamper
// property over every store.
import { schemaOfTestStore, withClient } from './postgresTestStore.js'

// A position no store reaches, to pass through while two rows change places.
const FREE_POSITION = (2n ** 62n).toString()

/** Edits of the events table of a store made by `createTestStore`. */
export const postgresStoreTamper = (store: object) => {
  const events = `"${schemaOfTestStore(store)}".events`
  const intrude = (statements: readonly (readonly [string, readonly unknown[]])[]) =>
    withClient(async (client) => {
      await client.query('BEGIN')
      await client.query(`ALTER TABLE ${events} DISABLE TRIGGER USER`)
      for (const [sql, values] of statements) await client.query(sql, [...values])
      await client.query('COMMIT')
    })
  return {
    editData: async (position: bigint, edit: (dataJson: string) => string): Promise<void> => {
      const data = await withClient(async (client) => {
        const found = await client.query<{ data: string }>(
          `SELECT data FROM ${events} WHERE position = $1`,
          [position.toString()],
        )
        return found.rows[0]?.data ?? ''
      })
      await intrude([[`UPDATE ${events} SET data = $1 WHERE position = $2`, [edit(data), position.toString()]]])
    },
    editHash: (position: bigint, hash: string): Promise<void> =>
      intrude([[`UPDATE ${events} SET hash = $1 WHERE position = $2`, [hash, position.toString()]]]),
    deleteEvent: (position: bigint): Promise<void> =>
      intrude([[`DELETE FROM ${events} WHERE position = $1`, [position.toString()]]]),
    // Each row takes the other's position (through a free one): the rows change places.
    swapEvents: (positionA: bigint, positionB: bigint): Promise<void> => {
      const move = `UPDATE ${events} SET position = $1 WHERE position = $2`
      const [a, b] = [positionA.toString(), positionB.toString()]
      return intrude([
        [move, [FREE_POSITION, a]],
        [move, [a, b]],
        [move, [b, FREE_POSITION]],
      ])
    },
  }
}
