#!/usr/bin/env node
// The `wallet-ledger` executable: runs the command line on this process's arguments and streams.
import { runCli } from '../program.js'

// A reader that stops early (`wallet-ledger export | head`) is no failure of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(0)
})

const exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  progressStream: process.stderr,
})
process.exitCode = exitCode
