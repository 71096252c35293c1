// `wallet-ledger import <file>`: reads an export into an empty store. The whole file is checked
// first (every line's fields, positions without gaps, each stream's revisions, every event hash,
// every commit hash chained, the closing line's count and head), and a broken file is refused with
// its line number before anything is written. Then it is read again and written commit by commit
// through the store's importCommit, which checks each commit once more inside its transaction.
import { createReadStream, existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { GENESIS_COMMIT_HASH, commitHash, eventHash } from '@wallet-ledger/core/adapter'
import type { StoredEvent } from '@wallet-ledger/core'
import { limits } from '@wallet-ledger/domain'
import type { Command } from 'commander'
import { EXIT_FINDINGS, cliError, describeError } from '../cliError.js'
import { parseLine } from '../output/eventLines.js'
import type { Action } from '../program.js'
import type { Session } from '../session.js'
import { withStore } from '../session.js'

/** Adds `import` to the program. */
export const registerImport = (
  program: Command,
  act: (action: Action) => () => Promise<void>,
): void => {
  program
    .command('import <file>')
    .description('read an export (JSON lines) into an empty store, checking every hash first')
    .addHelpText(
      'after',
      '\nExit codes: 0 imported, 1 the file is broken (nothing written), 2 could not run.',
    )
    .action(act((session, _options, [file]) => runImport(session, file!)))
}

/** Checks then imports; answers the exit code. */
export const runImport = async (session: Session, file: string): Promise<number> => {
  if (!existsSync(file)) throw cliError(`${file}: no such file`)
  // The whole file is checked before the store is even opened: a broken file creates nothing.
  const checked = await readCommits(file, () => undefined)
  return withStore(session, false, async (store) => {
    const importCommit = store.importCommit
    if (importCommit === undefined) {
      throw cliError(`the store ${session.storeUrl} cannot import events with their envelope`)
    }
    const head = await store.readHead()
    if (head.nextPosition > 0n) {
      throw cliError(
        `${session.storeUrl} already holds ${head.nextPosition} events; import into an empty store`,
      )
    }
    let written = 0
    await readCommits(file, async (commit) => {
      await importCommit(commit)
      written += commit.length
    })
    const after = await store.readHead()
    session.io.out(
      `imported ${written} events in ${checked.commits} commits into ${session.storeUrl}; ` +
        `head ${after.commitHash}`,
    )
    return after.commitHash === checked.head ? 0 : EXIT_FINDINGS
  })
}

type Reading = { commits: number; head: string }

/**
 * Reads the file line by line, checking as it goes, and hands each whole commit to `onCommit`.
 * Throws a CliError (exit 1) naming the first broken line.
 */
const readCommits = async (
  file: string,
  onCommit: (commit: readonly StoredEvent[]) => Promise<void> | undefined,
): Promise<Reading> => {
  const lines = openLines(file)
  const revisions = new Map<string, bigint>()
  let chained = GENESIS_COMMIT_HASH
  let position = 0n
  let commits = 0
  let open: { line: number; events: StoredEvent[] } | undefined
  let lineNumber = 0
  let ended: { line: number } | undefined
  const broken = (line: number, reason: string) =>
    cliError(`${file}: line ${line}: ${reason}; nothing was imported`, EXIT_FINDINGS)
  const close = async (): Promise<void> => {
    if (open === undefined) return
    const hashes = open.events.map((event) => event.hash)
    const claimed = open.events[0]!.commitHash
    if (commitHash(chained, hashes) !== claimed) {
      throw broken(open.line, 'the commit starting here does not chain from the one before')
    }
    chained = claimed
    commits += 1
    const events = open.events
    open = undefined
    await onCommit(events)
  }
  try {
    for await (const text of lines) {
      lineNumber += 1
      if (ended !== undefined) throw broken(lineNumber, 'a line after the closing line')
      const parsed = parseLine(text)
      if (parsed.kind === 'invalid') throw broken(lineNumber, parsed.reason)
      if (parsed.kind === 'end') {
        await close()
        if (parsed.end.events !== position.toString() || parsed.end.head !== chained) {
          throw broken(
            lineNumber,
            `the closing line names ${parsed.end.events} events and another head`,
          )
        }
        ended = { line: lineNumber }
        continue
      }
      const { event } = parsed
      if (event.position !== position) {
        throw broken(
          lineNumber,
          `position ${event.position} where ${position} belongs (a line missing, repeated or moved)`,
        )
      }
      const expected = (revisions.get(event.stream) ?? -1n) + 1n
      if (event.revision !== expected) {
        throw broken(
          lineNumber,
          `${event.stream} revision ${event.revision} where ${expected} belongs`,
        )
      }
      if (eventHash(event) !== event.hash) {
        throw broken(lineNumber, 'the event does not match its hash (edited?)')
      }
      if (open !== undefined && open.events[0]!.commitHash !== event.commitHash) await close()
      if (open === undefined) open = { line: lineNumber, events: [] }
      open.events.push(event)
      if (open.events.length > limits.APPEND_EVENTS_MAX) {
        throw broken(open.line, `a commit of more than ${limits.APPEND_EVENTS_MAX} events`)
      }
      revisions.set(event.stream, event.revision)
      position += 1n
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'cli_error') throw error
    throw cliError(`${file}: ${describeError(error)} (at line ${lineNumber})`)
  }
  if (ended === undefined) {
    throw broken(lineNumber + 1, 'the file ends without the closing line (cut short?)')
  }
  return { commits, head: chained }
}

const openLines = (file: string): AsyncIterable<string> => {
  const stream = createReadStream(file, { encoding: 'utf8' })
  return createInterface({ input: stream, crlfDelay: Infinity })
}
