// The fast-check command of the model-based property: built from the model's state at run time
// (ids of earlier workflows are known only then), run on both sides and checked by runChecked.
import type fc from 'fast-check'
import type { LedgerModel, ModelOutcome } from '@wallet-ledger/testing'
import { runChecked } from './modelChecks.js'
import type { CheckedCall, ModelReal } from './modelChecks.js'
import { show } from './modelInputs.js'

// ---------------------------------------------------------------- the command type

/** Builds the call a step makes, or nothing (a step that only moves the clock). */
export type Build = (model: LedgerModel, real: ModelReal) => CheckedCall | undefined

/** A fast-check command that builds its call from the model's state and checks it. */
export class LedgerStep implements fc.AsyncCommand<LedgerModel, ModelReal> {
  constructor(
    private readonly label: string,
    private readonly build: Build,
  ) {}
  check = (): boolean => true
  run = async (model: LedgerModel, real: ModelReal): Promise<void> => {
    const call = this.build(model, real)
    if (call !== undefined) await runChecked(model, real, call)
  }
  toString = (): string => this.label
}

/** A named fast-check command from generated input and a builder of its call. */
export const step = <T>(name: string, arbitrary: fc.Arbitrary<T>, build: (input: T) => Build) =>
  arbitrary.map((input) => new LedgerStep(`${name} ${show(input)}`, build(input)))

/** The scale of an asset the model knows (undefined for an unknown asset). */
export const scaleOf = (model: LedgerModel, asset: string) => model.assets.get(asset)
/** A model reading that does not depend on the model's state. */
export const same = (outcome: ModelOutcome) => () => outcome

/** An id no workflow has: what a command names when there is no earlier workflow to pick. */
export const MISSING_ID = '00000000-0000-4000-8000-000000000000'
