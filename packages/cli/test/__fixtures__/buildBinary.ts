// The cli project's global setup: builds the binary (and what it depends on) once, before any test
// file runs it, so parallel files never build over each other.
import { execFileSync } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Runs `tsc -b` on the cli package (incremental: seconds when nothing changed). */
export default function setup(): void {
  const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
  execFileSync('pnpm', ['exec', 'tsc', '-b', packageRoot], { stdio: 'inherit' })
}
