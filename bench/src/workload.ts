// The P2P workload, drawn from a seeded generator so two runs with the same seed send the same
// transfers: which account pays which, and how much. Amounts are drawn as bigint minor units and
// written as canonical decimal strings, so no JS number ever holds money, even here.
import { uniformBigInt } from 'pure-rand/distribution/uniformBigInt'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'

// ---------------------------------------------------------------- types

/** One transfer of the workload: indices into the account list and an amount in minor units. */
export type Transfer = {
  readonly payer: number
  readonly payee: number
  readonly amountMinor: bigint
}

/** The shape of a workload: how many accounts, how many transfers, which seed. */
export type WorkloadOptions = {
  readonly accounts: number
  readonly transfers: number
  readonly seed: number
}

// ---------------------------------------------------------------- constants

/** The asset every transfer moves: USD, scale 2 (built in). */
export const BENCH_ASSET = 'USD'
/** Minor units per major unit of `BENCH_ASSET`. */
export const BENCH_SCALE_FACTOR = 100n
/** What each account is funded with, in minor units: far more than it can send in any run. */
export const FUNDING_MINOR = 100_000_000n
/** The smallest and largest transfer, in minor units (0.01 to 100.00). */
export const TRANSFER_MINOR_MIN = 1n
export const TRANSFER_MINOR_MAX = 10_000n

// ---------------------------------------------------------------- operations

/**
 * The transfers of a workload, lazily: payer and payee are distinct accounts drawn uniformly,
 * the amount uniformly between `TRANSFER_MINOR_MIN` and `TRANSFER_MINOR_MAX`. Needs at least two
 * accounts.
 */
export function* transfersOf(options: WorkloadOptions): Generator<Transfer, void, undefined> {
  if (options.accounts < 2) throw new RangeError('a P2P workload needs at least two accounts')
  const rng = xoroshiro128plus(options.seed)
  for (let index = 0; index < options.transfers; index += 1) {
    const payer = uniformInt(rng, 0, options.accounts - 1)
    // Drawing from one fewer and skipping the payer keeps the payee uniform over the others.
    const drawn = uniformInt(rng, 0, options.accounts - 2)
    const payee = drawn >= payer ? drawn + 1 : drawn
    const amountMinor = uniformBigInt(rng, TRANSFER_MINOR_MIN, TRANSFER_MINOR_MAX)
    yield { payer, payee, amountMinor }
  }
}

/** A canonical decimal string of `BENCH_ASSET` minor units ("12.30"). */
export const formatBenchAmount = (minor: bigint): string => {
  if (minor < 0n) throw new RangeError('bench amounts are never negative')
  const fraction = (minor % BENCH_SCALE_FACTOR).toString().padStart(2, '0')
  return `${minor / BENCH_SCALE_FACTOR}.${fraction}`
}

/** Reads a canonical decimal string of `BENCH_ASSET` back into minor units. */
export const parseBenchAmount = (amount: string): bigint => {
  const match = /^(\d+)\.(\d{2})$/.exec(amount)
  if (match === null) throw new RangeError(`not a canonical ${BENCH_ASSET} amount: "${amount}"`)
  return BigInt(match[1] ?? '') * BENCH_SCALE_FACTOR + BigInt(match[2] ?? '')
}

/** The id of the account at `index`: stable across runs, valid as a caller id. */
export const benchAccountId = (index: number): string => `bench-${index}`
