// Test support: edits an SQLite store's file behind its back, as someone with write access to the
// file would (the append-only triggers dropped first), for the tamper property over every store.
import Database from 'better-sqlite3'

// A position no store reaches, to pass through while two rows change places.
const FREE_POSITION = 2n ** 62n

/** Edits of the events table of the file at `path`, each on a connection of its own. */
export const sqliteStoreTamper = (path: string) => {
  const intrude = (work: (db: Database.Database) => void): void => {
    const db = new Database(path)
    try {
      db.exec(
        'DROP TRIGGER IF EXISTS events_append_only_update; ' +
          'DROP TRIGGER IF EXISTS events_append_only_delete;',
      )
      work(db)
    } finally {
      db.close()
    }
  }
  return {
    editData: async (position: bigint, edit: (dataJson: string) => string): Promise<void> =>
      intrude((db) => {
        const data = db.prepare('SELECT data FROM events WHERE position = ?').pluck().get(position)
        db.prepare('UPDATE events SET data = ? WHERE position = ?').run(edit(String(data)), position)
      }),
    editHash: async (position: bigint, hash: string): Promise<void> =>
      intrude((db) => db.prepare('UPDATE events SET hash = ? WHERE position = ?').run(hash, position)),
    deleteEvent: async (position: bigint): Promise<void> =>
      intrude((db) => db.prepare('DELETE FROM events WHERE position = ?').run(position)),
    // Each row takes the other's position (through a free one): the rows change places.
    swapEvents: async (positionA: bigint, positionB: bigint): Promise<void> =>
      intrude((db) => {
        const move = db.prepare('UPDATE events SET position = ? WHERE position = ?')
        const free = FREE_POSITION
        db.transaction(() => {
          move.run(free, positionA)
          move.run(positionA, positionB)
          move.run(positionB, free)
        })()
      }),
  }
}
