// Old event versions are upgraded in order, so deciders only ever see the current version.
import { assert } from './assert.js'
import type { RawEvent } from './codecs/event.js'

/** Upgrades the data of version n to version n + 1. Pure and total. */
export type Upcaster = (data: unknown) => unknown

/** The upcasters of one event type: `steps[n]` upgrades version n to n + 1. */
export type UpcastChain = {
  readonly currentVersion: number
  readonly steps: Readonly<Record<number, Upcaster>>
}

/** Upcast chains by event type; a type absent here has only version 1. */
export type UpcastRegistry = Readonly<Record<string, UpcastChain>>

/**
 * Applies every upcaster from the event's version to the current one. Asserts the version is
 * known: a stored version from the future means this code is older than the data.
 */
export const upcastEvent = (registry: UpcastRegistry, event: RawEvent): RawEvent => {
  const chain = registry[event.type]
  const currentVersion = chain?.currentVersion ?? 1
  assert(
    Number.isInteger(event.schemaVersion) && event.schemaVersion >= 1,
    `${event.type}: bad schemaVersion`,
  )
  assert(
    event.schemaVersion <= currentVersion,
    `${event.type}: version ${event.schemaVersion} is newer than ${currentVersion}`,
  )
  let data = event.data
  for (let version = event.schemaVersion; version < currentVersion; version += 1) {
    const step = chain?.steps[version]
    assert(step !== undefined, `${event.type}: no upcaster from version ${version}`)
    data = step(data)
  }
  return { type: event.type, schemaVersion: currentVersion, data }
}
