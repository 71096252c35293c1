// `wallet-ledger audit`: replays the whole store through core's auditStore, page by page (memory
// stays bounded), with a progress bar on a terminal, and reports every violation by stream and
// revision. Exit 0 clean, 1 violations, 2 the store could not be read.
import { auditStore, createDefinitions } from '@wallet-ledger/core'
import type { AuditReport, EventStore, ReadAllOptions, StoredEvent } from '@wallet-ledger/core'
import { createAssetRegistry } from '@wallet-ledger/domain'
import { SingleBar } from 'cli-progress'
import type { Command } from 'commander'
import { EXIT_FAILURE, EXIT_FINDINGS, cliError, describeError } from '../cliError.js'
import { renderTable } from '../output/table.js'
import type { Action } from '../program.js'
import type { Session } from '../session.js'
import { withStore } from '../session.js'

/** Adds `audit` to the program. */
export const registerAudit = (
  program: Command,
  act: (action: Action) => () => Promise<void>,
): void => {
  program
    .command('audit')
    .description(
      'replay every event and check hashes, the commit chain, revisions, journal and balances',
    )
    .option(
      '--expected-head <hash>',
      'a head hash kept from an earlier audit: it must still be in the chain',
    )
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 clean, 1 violations found, 2 the store could not be read.',
    )
    .action(
      act((session, options) =>
        runAudit(session, {
          ...(typeof options['expectedHead'] === 'string'
            ? { expectedHead: options['expectedHead'] }
            : {}),
          json: options['json'] === true,
        }),
      ),
    )
}

/** Runs the audit and prints its report; answers the exit code. */
export const runAudit = async (
  session: Session,
  options: { readonly expectedHead?: string; readonly json: boolean },
): Promise<number> => {
  if (options.expectedHead !== undefined && !/^[0-9a-f]{64}$/.test(options.expectedHead)) {
    throw cliError(
      '--expected-head: a head hash is 64 lower-case hex digits (from an earlier audit)',
    )
  }
  const registry = createAssetRegistry([])
  if (registry._tag === 'Left') throw cliError(registry.left.message)
  const report = await withStore(session, true, async (store) => {
    const total = (await store.readHead()).nextPosition
    const bar = progressBar(session, options.json, total)
    try {
      const counted = countingStore(store, () => bar?.increment())
      const deps = {
        store: counted,
        definitions: createDefinitions(undefined),
        registry: registry.right,
      }
      const expected =
        options.expectedHead === undefined ? {} : { expectedHead: options.expectedHead }
      return await auditStore(deps, expected)
    } catch (error) {
      throw cliError(
        `could not read the store ${session.storeUrl}: ${describeError(error)}`,
        EXIT_FAILURE,
      )
    } finally {
      bar?.stop()
    }
  })
  print(session, report, options.json)
  return report.ok ? 0 : EXIT_FINDINGS
}

// ---------------------------------------------------------------- helpers

/** A store whose readAll reports each event read (for the progress bar). */
const countingStore = (store: EventStore, onEvent: () => void): Pick<EventStore, 'readAll'> => ({
  readAll: (options?: ReadAllOptions) => counting(store.readAll(options), onEvent),
})

async function* counting(
  events: AsyncIterable<StoredEvent>,
  onEvent: () => void,
): AsyncGenerator<StoredEvent, void, undefined> {
  for await (const event of events) {
    onEvent()
    yield event
  }
}

/** A bar on a terminal only: piped output and --json get none. */
const progressBar = (session: Session, isJson: boolean, total: bigint): SingleBar | undefined => {
  const stream = session.io.progressStream
  if (isJson || stream === undefined || stream.isTTY !== true) return undefined
  const bar = new SingleBar({
    format: 'auditing [{bar}] {percentage}% {value}/{total} events',
    stream,
    hideCursor: true,
    clearOnComplete: true,
  })
  bar.start(Number(total), 0)
  return bar
}

const print = (session: Session, report: AuditReport, isJson: boolean): void => {
  const { out } = session.io
  if (isJson) {
    out(JSON.stringify(report, null, 2))
    return
  }
  out(
    `audit of ${session.storeUrl}: ${report.ok ? 'clean' : `${report.violations.length} violation(s)`}`,
  )
  out(
    renderTable(
      ['events checked', 'streams', 'head hash'],
      [[`${report.eventsChecked}`, `${report.streams}`, report.head]],
      ['right', 'right'],
    ),
  )
  if (report.violations.length === 0) return
  const rows = report.violations.map((v) => [v.code, v.stream, v.revision ?? '-', v.message])
  out(renderTable(['violation', 'stream', 'revision', 'what is wrong'], rows))
}
