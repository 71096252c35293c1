// The read commands (balances, history, statement, payment, withdrawal, dispute, accounts) and the
// two maintenance ones (recover, rebuild-projections). Each prints a table, or JSON with --json;
// a refusal (an unknown account, a bad date) is a sentence with its code and exit code 1.
import type { Ledger, LedgerError, Result } from '@wallet-ledger/core'
import type { Command } from 'commander'
import { EXIT_FINDINGS, cliError } from '../cliError.js'
import { statementRows, STATEMENT_HEAD } from '../output/historyRows.js'
import { renderTable } from '../output/table.js'
import type { Action } from '../program.js'
import type { Session } from '../session.js'
import { withLedger } from '../session.js'

type Act = (action: Action) => () => Promise<void>
type Options = Record<string, unknown>

/** Adds the read and maintenance commands to the program. */
export const registerReads = (program: Command, act: Act): void => {
  program
    .command('balances <account>')
    .description("an account's balances per asset (available, held, total)")
    .option('--as-of <instant>', 'the balances at an ISO instant (inclusive)')
    .option('--json', 'print JSON')
    .action(
      act((session, options, [account]) =>
        read(session, options, async (ledger) => {
          const asOf = stringOption(options, 'asOf')
          const balances = must(await ledger.balances(account!, asOf === undefined ? {} : { asOf }))
          const rows = Object.entries(balances).map(([asset, b]) => [
            asset,
            b.available,
            b.held,
            b.total,
          ])
          return {
            json: balances,
            text: renderTable(['asset', 'available', 'held', 'total'], rows, [
              'left',
              'right',
              'right',
              'right',
            ]),
          }
        }),
      ),
    )

  program
    .command('history <account>')
    .description("an account's history, newest first, one page at a time")
    .option('--asset <code>', 'only this asset')
    .option('--limit <n>', 'rows per page (default 50)')
    .option('--after <cursor>', 'the page after this cursor (printed at the end of a page)')
    .option('--json', 'print JSON')
    .action(
      act((session, options, [account]) =>
        read(session, options, async (ledger) => {
          const page = must(await ledger.history(account!, historyOptions(options)))
          const next = page.next === undefined ? '' : `\nmore: --after ${page.next}`
          return {
            json: page,
            text:
              renderTable(STATEMENT_HEAD, statementRows(page.entries, session.time), [
                'left',
                'left',
                'right',
              ]) + next,
          }
        }),
      ),
    )

  program
    .command('statement <account>')
    .description("an account's statement for one asset: opening, entries, closing")
    .requiredOption('--asset <code>', 'the asset')
    .option('--from <instant>', 'ISO instant (default: the beginning)', '1970-01-01T00:00:00.000Z')
    .option('--to <instant>', 'ISO instant, inclusive (default: now)')
    .option('--json', 'print JSON')
    .action(
      act((session, options, [account]) =>
        read(session, options, async (ledger) => {
          const asset = stringOption(options, 'asset')!
          const from = stringOption(options, 'from')!
          const to = stringOption(options, 'to') ?? new Date().toISOString()
          const statement = must(await ledger.statement(account!, { asset, from, to }))
          const table = renderTable(
            STATEMENT_HEAD,
            statementRows(statement.entries, session.time),
            ['left', 'left', 'right'],
          )
          return {
            json: statement,
            text: `opening ${statement.opening}\n${table}\nclosing ${statement.closing}`,
          }
        }),
      ),
    )

  for (const kind of ['payment', 'withdrawal', 'dispute'] as const) {
    program
      .command(`${kind} <id>`)
      .description(`one ${kind} as the ledger sees it`)
      .option('--json', 'print JSON')
      .action(
        act((session, options, [id]) =>
          read(session, options, async (ledger) => {
            const view: object = must(await viewOf(ledger, kind, id!))
            return { json: view, text: fieldTable(view, session) }
          }),
        ),
      )
  }

  program
    .command('accounts')
    .description('the accounts of the ledger, one page at a time')
    .option('--kind <kind>', 'user or merchant')
    .option('--limit <n>', 'accounts per page (default 100)')
    .option('--after <cursor>', 'the page after this cursor')
    .option('--json', 'print JSON')
    .action(
      act((session, options) =>
        read(session, options, async (ledger) => {
          const page = must(await ledger.accounts(pageOptions(options, 100, 'kind')))
          const rows = page.accounts.map((a) => [
            a.accountId,
            a.kind,
            a.status,
            a.twoFactor ? 'on' : 'off',
            a.paymentPasswordSet ? 'set' : '-',
            session.time(a.openedAt),
          ])
          const next = page.next === undefined ? '' : `\nmore: --after ${page.next}`
          return {
            json: page,
            text:
              renderTable(
                ['account', 'kind', 'status', 'two-factor', 'password', 'opened at'],
                rows,
              ) + next,
          }
        }),
      ),
    )

  program
    .command('recover')
    .description('finish or reverse every workflow a crash left unfinished')
    .option('--json', 'print JSON')
    .action(
      act((session, options) =>
        read(session, options, async (ledger) => {
          const done = await ledger.recover()
          const text =
            done.finished + done.reversed === 0
              ? 'nothing to recover: every workflow is finished'
              : `recovered: ${done.finished} workflow(s) finished, ${done.reversed} reversed`
          return { json: done, text }
        }),
      ),
    )

  program
    .command('rebuild-projections')
    .description('fold the whole log into the projections again from position 0')
    .option('--json', 'print JSON')
    .action(
      act((session, options) =>
        read(session, options, async (ledger) => {
          const started = process.hrtime.bigint()
          const rebuilt = await ledger.rebuildProjections()
          const ms = Number((process.hrtime.bigint() - started) / 1_000_000n)
          const text = rebuilt.persisted
            ? `Rebuilt the projection tables from position 0: ${rebuilt.position} events folded ` +
              `in ${ms} ms.`
            : 'This store keeps no projection tables: the balances, histories and open workflows ' +
              `are folded from the whole log each time a command opens it (${rebuilt.position} ` +
              `events folded in ${ms} ms).`
          return { json: { ...rebuilt, foldedInMs: ms }, text }
        }),
      ),
    )
}

// ---------------------------------------------------------------- helpers

const read = async (
  session: Session,
  options: Options,
  work: (ledger: Ledger) => Promise<{ json: unknown; text: string }>,
): Promise<number> => {
  const shown = await withLedger(session, work)
  session.io.out(options['json'] === true ? JSON.stringify(shown.json, null, 2) : shown.text)
  return 0
}

/** The value of a read, or a CliError (exit 1) with the refusal's code and message. */
const must = <T>(answer: Awaited<Result<T>>): T => {
  if (answer._tag === 'Right') return answer.right
  throw refusal(answer.left)
}

const refusal = (error: LedgerError): Error =>
  cliError(`${error.code}: ${error.message}`, EXIT_FINDINGS)

const viewOf = (
  ledger: Ledger,
  kind: 'payment' | 'withdrawal' | 'dispute',
  id: string,
): Result<object> =>
  kind === 'payment'
    ? ledger.payment(id)
    : kind === 'withdrawal'
      ? ledger.withdrawal(id)
      : ledger.dispute(id)

const stringOption = (options: Options, name: string): string | undefined => {
  const value = options[name]
  return typeof value === 'string' ? value : undefined
}

const limitOf = (options: Options, fallback: number): number => {
  const text = stringOption(options, 'limit')
  if (text === undefined) return fallback
  if (!/^[1-9][0-9]{0,5}$/.test(text))
    throw cliError(`--limit: a whole number from 1, got "${text}"`)
  return Number(text)
}

// The text of --kind goes to the ledger as given: it refuses any other kind with invalid_input.
type AccountKindFilter = NonNullable<NonNullable<Parameters<Ledger['accounts']>[0]>['kind']>

const pageOptions = (
  options: Options,
  fallback: number,
  filter: string,
): { limit: number; after?: string; kind?: AccountKindFilter } => {
  const after = stringOption(options, 'after')
  const value = stringOption(options, filter)
  return {
    limit: limitOf(options, fallback),
    ...(after === undefined ? {} : { after }),
    ...(value === undefined ? {} : { [filter]: value }),
  }
}

const historyOptions = (options: Options): { limit: number; after?: string; asset?: string } => {
  const page = pageOptions(options, 50, 'asset')
  return page
}

/** A view as a two-column table; instants in the session's zone, nested values as JSON. */
const fieldTable = (view: object, session: Session): string => {
  const rows = Object.entries(view).map(([field, value]) => {
    if (typeof value === 'string')
      return [field, /At$|^at$/.test(field) ? session.time(value) : value]
    return [field, JSON.stringify(value)]
  })
  return renderTable(['field', 'value'], rows)
}
