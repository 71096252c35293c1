// Reads the newest V8 CPU profile (`node --cpu-prof`) in a folder and prints where the time went:
// the functions with the most self time, and self time summed per package, so the hotspots in
// bench/README.md can be measured again with one command.
//
//   node dist/topSelfTime.js profiles [--top 25]
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'

// ---------------------------------------------------------------- types

type CallFrame = {
  readonly functionName: string
  readonly url: string
  readonly lineNumber: number
}
type ProfileNode = {
  readonly id: number
  readonly callFrame: CallFrame
  readonly children?: readonly number[]
}
type CpuProfile = {
  readonly nodes: readonly ProfileNode[]
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

// ---------------------------------------------------------------- operations

const REPO_ROOT = resolve(import.meta.dirname, '..', '..')

/** The newest `.cpuprofile` in a folder. */
const newestProfile = (folder: string): string => {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(folder, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  const [newest] = files
  if (newest === undefined) throw new Error(`no .cpuprofile in ${folder}`)
  return newest
}

/**
 * Self time per profile node in microseconds: a sample's time is the gap to the next sample, the
 * way Chrome's profiler panel counts it.
 */
const selfTimes = (profile: CpuProfile): Map<number, number> => {
  const times = new Map<number, number>()
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index + 1] ?? 0
    times.set(nodeId, (times.get(nodeId) ?? 0) + delta)
  })
  return times
}

/**
 * Total (inclusive) time per function of our own packages: a sample counts once for every distinct
 * function on its stack, so a caller's share includes its callees'.
 */
const totalTimes = (
  profile: CpuProfile,
  self: ReadonlyMap<number, number>,
): Map<string, { frame: CallFrame; us: number }> => {
  const parents = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id)
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const totals = new Map<string, { frame: CallFrame; us: number }>()
  for (const [nodeId, us] of self) {
    const seen = new Set<string>()
    // The stack is as deep as the profiled program's, bounded by V8's own stack limit.
    for (let id: number | undefined = nodeId; id !== undefined; id = parents.get(id)) {
      const frame = nodes.get(id)?.callFrame
      if (frame === undefined || !/\/packages\//.test(frame.url)) continue
      const key = keyOf(frame)
      if (seen.has(key)) continue
      seen.add(key)
      totals.set(key, { frame, us: (totals.get(key)?.us ?? 0) + us })
    }
  }
  return totals
}

const keyOf = (frame: CallFrame): string => `${frame.functionName}|${frame.url}|${frame.lineNumber}`

/** The package (or runtime part) a frame belongs to. */
const groupOf = (frame: CallFrame): string => {
  const { url, functionName } = frame
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)'
  if (url.startsWith('node:')) return 'node internals'
  const ours = /\/(packages\/[^/]+|bench)\//.exec(url)
  if (ours?.[1] !== undefined) return ours[1]
  const dependency = /\/node_modules\/\.pnpm\/([^/]+?)@\d/.exec(url)
  return dependency?.[1] ?? url
}

const where = (frame: CallFrame): string => {
  if (frame.url === '') return ''
  const path = frame.url.startsWith('file://') ? new URL(frame.url).pathname : frame.url
  const shown = path.startsWith('/') ? relative(REPO_ROOT, path) : path
  const short = shown.replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
  return `${short}:${frame.lineNumber + 1}`
}

const percent = (part: number, whole: number): string =>
  `${((part / whole) * 100).toFixed(1).padStart(5)}%`

/** Prints the top functions by self time and the self time per package. */
const summarize = (file: string, top: number): void => {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const byFunction = new Map<string, { frame: CallFrame; us: number }>()
  const byGroup = new Map<string, number>()
  const self = selfTimes(profile)
  let totalUs = 0
  for (const [nodeId, us] of self) {
    const frame = nodes.get(nodeId)?.callFrame
    if (frame === undefined) continue
    totalUs += us
    const key = keyOf(frame)
    const entry = byFunction.get(key) ?? { frame, us: 0 }
    byFunction.set(key, { frame, us: entry.us + us })
    const group = groupOf(frame)
    byGroup.set(group, (byGroup.get(group) ?? 0) + us)
  }
  console.log(`${relative(process.cwd(), file)}: ${(totalUs / 1e6).toFixed(2)} s sampled`)
  console.log(`\ntop ${top} functions by self time`)
  const functions = [...byFunction.values()].sort((a, b) => b.us - a.us).slice(0, top)
  for (const { frame, us } of functions) {
    const name = frame.functionName === '' ? '(anonymous)' : frame.functionName
    console.log(`${percent(us, totalUs)}  ${name.padEnd(32)} ${where(frame)}`)
  }
  console.log('\nself time per package')
  for (const [group, us] of [...byGroup].sort((a, b) => b[1] - a[1])) {
    console.log(`${percent(us, totalUs)}  ${group}`)
  }
  console.log(`\ntop ${top} functions of packages/ by total time (callees included)`)
  const totals = [...totalTimes(profile, self).values()].sort((a, b) => b.us - a.us).slice(0, top)
  for (const { frame, us } of totals) {
    const name = frame.functionName === '' ? '(anonymous)' : frame.functionName
    console.log(`${percent(us, totalUs)}  ${name.padEnd(32)} ${where(frame)}`)
  }
}

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '25' } },
  allowPositionals: true,
})
summarize(newestProfile(positionals[0] ?? 'profiles'), Number(values.top))
