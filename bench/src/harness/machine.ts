// The machine a run measured on, written beside its figures: absolute rates mean little without it.
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os'

/** What the report says about the machine. */
export type Machine = {
  readonly node: string
  readonly platform: string
  readonly cpuModel: string
  readonly cpuCount: number
  readonly memoryMiB: number
  /** The 1-minute load average when the run started: a shared machine's load moves figures. */
  readonly loadAverage: number
}

/** Reads the machine's description from `node:os`. */
export const describeMachine = (): Machine => {
  const processors = cpus()
  return {
    node: process.version,
    platform: `${platform()} ${release()} ${arch()}`,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cpuCount: processors.length,
    memoryMiB: Math.round(totalmem() / 2 ** 20),
    loadAverage: Number((loadavg()[0] ?? 0).toFixed(2)),
  }
}
