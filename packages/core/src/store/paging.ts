// Walking a stream or the global log page by page, for callers that need more than one page
// (replaying an aggregate, audit, rebuilding a projection) without holding more than one page.
import { assert, limits } from '@wallet-ledger/domain'
import type { EventStore, StoredEvent } from '../ports/eventStore.js'

// ---------------------------------------------------------------- operations

/**
 * Every event of a stream from `fromRevision` (default `0n`), read `pageSize` events at a time
 * (default `READ_PAGE_EVENTS_MAX`). Stops after the first short page.
 */
export async function* iterateStream(
  store: Pick<EventStore, 'readStream'>,
  stream: string,
  options: { readonly fromRevision?: bigint; readonly pageSize?: number } = {},
): AsyncGenerator<StoredEvent, void, undefined> {
  const pageSize = options.pageSize ?? limits.READ_PAGE_EVENTS_MAX
  let next = options.fromRevision ?? 0n
  for (;;) {
    const start = next
    let count = 0
    for await (const event of store.readStream(stream, {
      fromRevision: next,
      maxCount: pageSize,
    })) {
      count += 1
      next = event.revision >= next ? event.revision + 1n : next
      yield event
    }
    if (count < pageSize) return
    assertProgress(start, next)
  }
}

/**
 * Every event of the global log from `fromPosition` (default `0n`), read `pageSize` events at a
 * time (default `READ_PAGE_EVENTS_MAX`). Stops after the first short page.
 */
export async function* iterateAll(
  store: Pick<EventStore, 'readAll'>,
  options: { readonly fromPosition?: bigint; readonly pageSize?: number } = {},
): AsyncGenerator<StoredEvent, void, undefined> {
  const pageSize = options.pageSize ?? limits.READ_PAGE_EVENTS_MAX
  let next = options.fromPosition ?? 0n
  for (;;) {
    const start = next
    let count = 0
    for await (const event of store.readAll({ fromPosition: next, maxCount: pageSize })) {
      count += 1
      next = event.position >= next ? event.position + 1n : next
      yield event
    }
    if (count < pageSize) return
    assertProgress(start, next)
  }
}

// ---------------------------------------------------------------- helpers

// Events out of order (a tampered log) are yielded as they come, for audit to report; but a full
// page must move the cursor forward, or the walk would never end.
const assertProgress = (start: bigint, next: bigint): void => {
  assert(next > start, `a full page from ${start} did not move the read forward`)
}
