// Runs tasks with N in flight (a pool: a new one starts as each ends) and measures the whole and
// each task: wall time, process CPU time, and every task's latency for percentiles.

// ---------------------------------------------------------------- types

/** What a pooled run measured. */
export type PoolResult = {
  readonly count: number
  readonly elapsedMs: number
  /** Process CPU time (user + system, every thread): moves less than wall time with the load. */
  readonly cpuMs: number
  /** Each task's latency in ms, sorted ascending. */
  readonly latenciesMs: readonly number[]
}

// ---------------------------------------------------------------- operations

/** Runs `task` over `items` with `inFlight` at once; rejects with the first task's rejection. */
export const runPool = async <T>(
  items: Iterable<T>,
  inFlight: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<PoolResult> => {
  if (!Number.isSafeInteger(inFlight) || inFlight < 1) throw new RangeError('inFlight must be >= 1')
  const queue = [...items].entries()
  const latenciesMs: number[] = []
  const worker = async (): Promise<void> => {
    for (const [index, item] of queue) {
      const sent = performance.now()
      await task(item, index)
      latenciesMs.push(performance.now() - sent)
    }
  }
  const cpuStarted = process.cpuUsage()
  const started = performance.now()
  await Promise.all(Array.from({ length: inFlight }, () => worker()))
  const elapsedMs = performance.now() - started
  const cpu = process.cpuUsage(cpuStarted)
  latenciesMs.sort((a, b) => a - b)
  return {
    count: latenciesMs.length,
    elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    latenciesMs,
  }
}

/** Tasks per second of a pooled run. */
export const ratePerSecond = (result: PoolResult): number =>
  result.elapsedMs > 0 ? (result.count * 1000) / result.elapsedMs : 0

/** CPU microseconds per task of a pooled run. */
export const cpuMicrosecondsEach = (result: PoolResult): number =>
  result.count > 0 ? (result.cpuMs * 1000) / result.count : 0

/** The latency at `share` (0.5, 0.99, 0.999) of a sorted list, nearest-rank. */
export const percentile = (sortedMs: readonly number[], share: number): number =>
  sortedMs[Math.min(sortedMs.length - 1, Math.ceil(sortedMs.length * share) - 1)] ?? 0
