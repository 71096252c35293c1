// The peers (castore, Emmett) live outside the workspace: bench/peers/ has its own package.json and
// npm lockfile, and `pnpm bench` installs them there on demand, so the default install never
// downloads them. When they cannot be installed (no registry), the scenarios skip them loudly.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// ---------------------------------------------------------------- constants

/** bench/peers, from bench/src/harness or bench/dist/harness alike. */
export const PEERS_DIR = resolve(import.meta.dirname, '..', '..', 'peers')

/** Long enough for a cold install (about 10 s here), short enough not to hang a run offline. */
const INSTALL_TIMEOUT_MS = 120_000

// ---------------------------------------------------------------- operations

/**
 * Installs the peers with `npm ci` (exactly the lockfile's versions) unless already installed.
 * Answers undefined when they are there, else why not (the run goes on without them).
 */
export const ensurePeers = (log: (line: string) => void): string | undefined => {
  if (isInstalled()) return undefined
  log(`installing the peers into ${PEERS_DIR} (npm ci) ...`)
  const installed = spawnSync(
    'npm',
    ['ci', '--no-audit', '--no-fund', '--fetch-retries=1', '--fetch-timeout=20000'],
    { cwd: PEERS_DIR, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS, stdio: 'pipe' },
  )
  if (installed.status === 0 && isInstalled()) return undefined
  const detail = (installed.stderr ?? '').trim().split('\n').slice(-3).join(' / ')
  return `npm ci in bench/peers failed (${installed.error?.message ?? `exit ${installed.status}`}): ${detail}`
}

/** A peer module, or undefined when the peers are not installed. */
export const loadPeer = async (name: string): Promise<unknown> => {
  if (!isInstalled()) return undefined
  const loader = (await import(pathToFileURL(join(PEERS_DIR, 'loadPeer.mjs')).href)) as {
    loadPeer: (specifier: string) => Promise<unknown>
  }
  return loader.loadPeer(name)
}

// ---------------------------------------------------------------- helpers

/** npm writes node_modules/.package-lock.json last, once an install has completed. */
const isInstalled = (): boolean => existsSync(join(PEERS_DIR, 'node_modules', '.package-lock.json'))
