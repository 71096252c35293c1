// `wallet-ledger audit`: replays the whole store through core's auditStore, page by page (memory
// stays bounded: it never loads the log), with a progress bar on a terminal fed by the audit's own
// progress reports, and reports every violation by stream and revision. Exit 0 clean, 1
// violations, 2 the store could not be read.
import { auditStore, createDefinitions } from '@wallet-ledger/core/adapter'
import type { AuditReport } from '@wallet-ledger/core'
import type { AuditProgress } from '@wallet-ledger/core/adapter'
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
    const bar = progressBar(session, options.json)
    try {
      const deps = { store, definitions: createDefinitions(undefined), registry: registry.right }
      const expected =
        options.expectedHead === undefined ? {} : { expectedHead: options.expectedHead }
      return await auditStore(deps, { ...expected, onProgress: (progress) => bar?.show(progress) })
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

/** Moves the bar to an audit's progress; the total is the store's size when the audit began. */
type ProgressBar = {
  readonly show: (progress: AuditProgress) => void
  readonly stop: () => void
}

/** A bar on a terminal only: piped output and --json get none. */
const progressBar = (session: Session, isJson: boolean): ProgressBar | undefined => {
  const stream = session.io.progressStream
  if (isJson || stream === undefined || stream.isTTY !== true) return undefined
  const bar = new SingleBar({
    format: 'auditing [{bar}] {percentage}% {value}/{total} events',
    stream,
    hideCursor: true,
    clearOnComplete: true,
  })
  let isStarted = false
  return {
    show: ({ eventsChecked, eventsTotal }) => {
      // Events appended during the audit are checked too: the bar's total grows to cover them.
      const total = Math.max(eventsTotal ?? eventsChecked, eventsChecked)
      if (!isStarted) bar.start(total, eventsChecked)
      else bar.setTotal(total)
      isStarted = true
      bar.update(eventsChecked)
    },
    stop: () => bar.stop(),
  }
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
