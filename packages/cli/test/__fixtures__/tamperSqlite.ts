// Edits a SQLite store file behind the store's back, as an attacker with the file would: the
// append-only triggers are dropped first, then rows are changed, deleted or swapped.
import Database from 'better-sqlite3'

/** Runs `edit` on the file with the append-only triggers removed. */
export const tamper = (file: string, edit: (db: Database.Database) => void): void => {
  const db = new Database(file)
  try {
    db.exec('DROP TRIGGER IF EXISTS events_append_only_update')
    db.exec('DROP TRIGGER IF EXISTS events_append_only_delete')
    edit(db)
  } finally {
    db.close()
  }
}

/** The stored row at `position`: its stream, revision and data text. */
export const rowAt = (
  file: string,
  position: number,
): { stream: string; revision: number; data: string } => {
  const db = new Database(file, { readonly: true })
  try {
    const row = db
      .prepare('SELECT stream, revision, data FROM events WHERE position = ?')
      .get(position) as { stream: string; revision: number; data: string } | undefined
    if (row === undefined) throw new Error(`no event at position ${position}`)
    return row
  } finally {
    db.close()
  }
}

/** The number of stored events. */
export const eventCount = (file: string): number => {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n
  } finally {
    db.close()
  }
}
