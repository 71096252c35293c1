// Running a scenario file as a script: `node examples/dist/<scenario>.js` prints its report and
// fails (exit code 1) when the audit does not pass or a step goes wrong.
import { existsSync, realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import type { ScenarioReport } from './scenario.js'

/** True when the module at `moduleUrl` is the script Node was asked to run. */
export const isMain = (moduleUrl: string): boolean => {
  const script = process.argv[1]
  // `node -e` or a REPL has no script file: then no module is the main one.
  if (script === undefined || !existsSync(script)) return false
  return pathToFileURL(realpathSync(script)).href === moduleUrl
}

/** Prints a report: its title, then every line it recorded. */
export const printReport = (report: ScenarioReport, print = console.log): void => {
  print(`== ${report.title}`)
  for (const line of report.lines) print(line)
}

/** When `moduleUrl` is the script being run, runs the scenario and prints its report. */
export const runAsScript = (moduleUrl: string, run: () => Promise<ScenarioReport>): void => {
  if (!isMain(moduleUrl)) return
  run().then(
    (report) => {
      printReport(report)
      if (!report.audit.ok) process.exitCode = 1
    },
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
