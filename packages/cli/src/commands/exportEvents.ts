// `wallet-ledger export`: every stored event in global order as JSON lines (see eventLines.ts),
// to stdout or --out, page by page, so memory stays bounded however large the store.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { iterateAll } from '@wallet-ledger/core'
import type { Command } from 'commander'
import { cliError } from '../cliError.js'
import { endLine, eventLine } from '../output/eventLines.js'
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
    .option('--format <format>', 'jsonl (the only format so far)', 'jsonl')
    .action(
      act((session, options) => {
        if (options['format'] !== 'jsonl') {
          throw cliError(`--format: "${String(options['format'])}" is not supported; use jsonl`)
        }
        const out = typeof options['out'] === 'string' ? options['out'] : undefined
        return runExport(session, out)
      }),
    )
}

/** Writes the export; answers 0. */
export const runExport = async (session: Session, file: string | undefined): Promise<number> => {
  const sink = file === undefined ? process.stdout : createWriteStream(file, { flags: 'wx' })
  if (file !== undefined) await once(sink, 'open')
  try {
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
  } finally {
    if (file !== undefined) {
      sink.end()
      await once(sink, 'finish')
    }
  }
  return 0
}
