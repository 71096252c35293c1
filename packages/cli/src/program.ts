// The `wallet-ledger` command line: commander parses, each command's module does the work, and
// `runCli` turns any failure into a sentence and an exit code (a stack trace only with --verbose).
import { Command, CommanderError, Option } from 'commander'
import { EXIT_FAILURE, describeError, isCliError } from './cliError.js'
import { runDemo } from './commands/demo.js'
import { registerReads } from './commands/reads.js'
import { registerAudit } from './commands/audit.js'
import { registerExport } from './commands/exportEvents.js'
import { registerImport } from './commands/importEvents.js'
import type { CliIo, GlobalOptions } from './session.js'
import { sessionOf } from './session.js'
import { DEFAULT_STORE_URL } from './storeUrl.js'

/** A command's action: answers its exit code. */
export type Action = (
  session: ReturnType<typeof sessionOf>,
  options: Record<string, unknown>,
  args: string[],
) => Promise<number>

/** Builds the program; `setExitCode` receives each action's exit code. */
export const createProgram = (io: CliIo, setExitCode: (code: number) => void): Command => {
  const program = new Command('wallet-ledger')
    .description('The wallet-ledger command: run the demo, audit, export and read a ledger store.')
    .addOption(
      new Option(
        '--store <url>',
        `the store: ${DEFAULT_STORE_URL}, memory:, postgres://..., esdb://...`,
      ).env('WALLET_LEDGER_STORE'),
    )
    .addOption(
      new Option(
        '--time-zone <zone>',
        "IANA zone times are shown in (default: this machine's)",
      ).env('WALLET_LEDGER_TIME_ZONE'),
    )
    .option('--verbose', 'show the stack trace of an unexpected failure')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text) => io.err(text.trimEnd()),
    })

  /** Wraps an action: the session from the global options, the exit code to `setExitCode`. */
  const act =
    (action: Action) =>
    async (...received: unknown[]): Promise<void> => {
      const command = received.at(-1) as Command
      const options = command.opts()
      const session = sessionOf(command.optsWithGlobals<GlobalOptions>(), io)
      setExitCode(await action(session, options, command.args))
    }

  program
    .command('demo')
    .description('run the seed story (one week of a wallet) on the store and print it as tables')
    .option('--fresh', 'delete the sqlite: file first if it exists')
    .action(act((session, options) => runDemo(session, { fresh: options['fresh'] === true })))
  registerAudit(program, act)
  registerExport(program, act)
  registerImport(program, act)
  registerReads(program, act)
  return program
}

/** Runs the command line; answers the process's exit code. */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  let exitCode = 0
  const program = createProgram(io, (code) => {
    exitCode = code
  })
  const isVerbose = argv.includes('--verbose')
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end here with code 0; a usage error was already printed by commander.
      return error.exitCode === 0 ? 0 : EXIT_FAILURE
    }
    io.err(`wallet-ledger: ${describeError(error)}`)
    if (isVerbose && error instanceof Error && error.stack !== undefined) io.err(error.stack)
    else if (!isCliError(error)) io.err('(run with --verbose for details)')
    const code = (error as { exitCode?: unknown }).exitCode
    return typeof code === 'number' ? code : EXIT_FAILURE
  }
}
