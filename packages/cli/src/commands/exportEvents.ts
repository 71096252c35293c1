// `wallet-ledger export`: every stored event in global order as JSON lines (see eventLines.ts),
// to stdout or --out, page by page, so memory stays bounded however large the store; or every
// journal entry as an hledger or beancount transaction (--format).
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { iterateAll } from '@wallet-ledger/core/adapter'
import type { Command } from 'commander'
import { cliError } from '../cliError.js'
import { endLine, eventLine } from '../output/eventLines.js'
import { beancountOpen, entryOf, transactionText } from '../output/plainTextJournal.js'
import type { PlainTextFormat } from '../output/plainTextJournal.js'
import type { Action } from '../program.js'
import type { Session } from '../session.js'
import { withStore } from '../session.js'

/** Adds `export` to the program. */
export const registerExport = (
  program: Command,
  act: (action: Action) => () => Promise<void>,
): void => {
  program
    .command('export')
    .description('write every stored event, envelope and hashes, as JSON lines')
    .option('--out <file>', 'write to this file instead of stdout')
    .option(
      '--format <format>',
      'jsonl (every stored event), hledger or beancount (every journal entry)',
      'jsonl',
    )
    .action(
      act((session, options) => {
        const format = options['format']
        const out = typeof options['out'] === 'string' ? options['out'] : undefined
        if (format === 'hledger' || format === 'beancount') {
          return runJournalExport(session, out, format)
        }
        if (format !== 'jsonl') {
          throw cliError(`--format: "${String(format)}" is not one of jsonl, hledger, beancount`)
        }
        return runExport(session, out)
      }),
    )
}

/** Writes the export; answers 0. */
export const runExport = async (session: Session, file: string | undefined): Promise<number> =>
  withSink(file, async (sink) => {
    await withStore(session, true, async (store) => {
      let count = 0n
      let head = ''
      for await (const event of iterateAll(store)) {
        // Backpressure: wait for the sink when its buffer is full.
        if (!sink.write(`${eventLine(event)}\n`)) await once(sink, 'drain')
        count += 1n
        head = event.commitHash
      }
      const stored = await store.readHead()
      if (stored.nextPosition !== count || (count > 0n && stored.commitHash !== head)) {
        throw cliError('the store changed while it was exported; export it again')
      }
      sink.write(`${endLine(count, stored.commitHash)}\n`)
      if (file !== undefined) session.io.err(`exported ${count} events to ${file}`)
    })
  })

/** Writes every journal entry as a plain-text transaction; answers 0. */
export const runJournalExport = async (
  session: Session,
  file: string | undefined,
  format: PlainTextFormat,
): Promise<number> =>
  withSink(file, async (sink) => {
    const dateOf = localDate(session.timeZone)
    await withStore(session, true, async (store) => {
      // beancount wants each account opened before use: one set of ids, bounded by the accounts.
      const opened = new Set<string>()
      for await (const event of iterateAll(store)) {
        const entry = entryOf(event)
        if (entry === undefined) continue
        const date = dateOf(event.recordedAt)
        let text = ''
        for (const leg of entry.legs) {
          if (format === 'beancount' && !opened.has(leg.account)) {
            opened.add(leg.account)
            text += beancountOpen(leg.account, date)
          }
        }
        text += transactionText(format, entry, event, date)
        if (!sink.write(text)) await once(sink, 'drain')
      }
    })
  })

/** Runs `write` on stdout or on a new file (never over an existing one), closed after. */
const withSink = async (
  file: string | undefined,
  write: (sink: NodeJS.WritableStream) => Promise<void>,
): Promise<number> => {
  const sink = file === undefined ? process.stdout : createWriteStream(file, { flags: 'wx' })
  if (file !== undefined) await once(sink, 'open')
  try {
    await write(sink)
  } finally {
    if (file !== undefined) {
      sink.end()
      await once(sink, 'finish')
    }
  }
  return 0
}

/** 'YYYY-MM-DD' of an instant in the zone. */
const localDate = (timeZone: string): ((instant: string) => string) => {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
  return (instant) => format.format(new Date(instant))
}
