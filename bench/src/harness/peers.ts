// The peers (castore, Emmett, Emmett's SQLite store) live outside the workspace: each folder of
// PEER_FOLDERS has its own package.json and npm lockfile, and the harness installs a folder there
// with `npm ci` the first time a scenario asks for one of its packages, so the default install never
// downloads them. When a folder cannot be installed (no registry, no compiler), its packages are
// absent and the scenarios skip them loudly.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

// ---------------------------------------------------------------- constants

/** The peer folders under bench/, and how long a cold install may take. */
export const PEER_FOLDERS = {
  /** castore and Emmett in memory: about 10 s. */
  peers: { installTimeoutMs: 120_000 },
  /** Emmett's SQLite store: sqlite3 builds from source, about 2 minutes on 2 busy cores. */
  'peers-sqlite': { installTimeoutMs: 900_000 },
} as const

/** A peer folder's name. */
export type PeerFolder = keyof typeof PEER_FOLDERS

/** bench/, from bench/src/harness or bench/dist/harness alike. */
const BENCH_DIR = resolve(import.meta.dirname, '..', '..')

// ---------------------------------------------------------------- operations

/** The absolute path of a peer folder. */
export const peerDir = (folder: PeerFolder): string => join(BENCH_DIR, folder)

/**
 * Installs a folder's peers with `npm ci` (exactly the lockfile's versions) unless installed.
 * Answers undefined when they are there, else why not (the run goes on without them).
 */
export const ensurePeers = (
  folder: PeerFolder,
  log: (line: string) => void,
): string | undefined => {
  if (isInstalled(folder)) return undefined
  const cwd = peerDir(folder)
  log(`installing the peers into ${cwd} (npm ci) ...`)
  const installed = spawnSync(
    'npm',
    ['ci', '--no-audit', '--no-fund', '--fetch-retries=1', '--fetch-timeout=20000'],
    {
      cwd,
      encoding: 'utf8',
      timeout: PEER_FOLDERS[folder].installTimeoutMs,
      stdio: 'pipe',
      env: { ...process.env, ...nodeHeaders() },
    },
  )
  if (installed.status === 0 && isInstalled(folder)) return undefined
  const detail = (installed.stderr ?? '').trim().split('\n').slice(-3).join(' / ')
  return `npm ci in bench/${folder} failed (${installed.error?.message ?? `exit ${installed.status}`}): ${detail}`
}

/** A peer module from a folder, or undefined when that folder is not installed. */
export const loadPeer = async (name: string, folder: PeerFolder = 'peers'): Promise<unknown> => {
  if (!isInstalled(folder)) return undefined
  const loader = (await import(pathToFileURL(join(peerDir(folder), 'loadPeer.mjs')).href)) as {
    loadPeer: (specifier: string) => Promise<unknown>
  }
  return loader.loadPeer(name)
}

// ---------------------------------------------------------------- helpers

/**
 * node-gyp (sqlite3's build) downloads Node's headers unless told where they are; this machine
 * ships them under /usr, as .ci/run says with npm_config_nodedir. An explicit setting wins.
 */
const nodeHeaders = (): Record<string, string> =>
  process.env['npm_config_nodedir'] === undefined && existsSync('/usr/include/node/node.h')
    ? { npm_config_nodedir: '/usr' }
    : {}

/** npm writes node_modules/.package-lock.json last, once an install has completed. */
const isInstalled = (folder: PeerFolder): boolean =>
  existsSync(join(peerDir(folder), 'node_modules', '.package-lock.json'))
