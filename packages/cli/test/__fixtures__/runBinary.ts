// Runs the built `wallet-ledger` binary as a child process, the way a person does. The project's
// global setup (buildBinary.ts) has built it.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const BINARY = join(PACKAGE_ROOT, 'dist/bin/walletLedger.js')

/** What a run printed and how it exited. */
export type BinaryRun = { readonly status: number | null; readonly stdout: string; readonly stderr: string }

/** Runs the binary with `args` in `cwd`; WALLET_LEDGER_* variables come only from `env`. */
export const runBinary = (
  args: readonly string[],
  options: { readonly cwd?: string; readonly env?: Record<string, string>; readonly input?: string } = {},
): BinaryRun => {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('WALLET_LEDGER_')) env[name] = value
  }
  const run = spawnSync(process.execPath, [BINARY, ...args], {
    cwd: options.cwd ?? PACKAGE_ROOT,
    env: { ...env, ...options.env },
    encoding: 'utf8',
    input: options.input ?? '',
    maxBuffer: 64 * 1024 * 1024,
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** A fresh temporary folder and a function that removes it. */
export const temporaryFolder = (): { readonly path: string; readonly remove: () => void } => {
  const path = mkdtempSync(join(tmpdir(), 'wallet-ledger-cli-'))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}
