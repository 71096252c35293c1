// Proves the claim rules through given/when/then: a key is claimed once with its kind, entity and
// fingerprint; the same claim again records nothing (a retry), and the same key with another
// fingerprint, entity or kind is refused as idempotency_key_reused. Also the stream's name.
import { describe, expect, it } from 'vitest'
import { deciderSpec } from '@wallet-ledger/testing'
import type { ClaimIdempotencyKey } from './commands.js'
import { claimDecider } from './decide.js'
import type { IdempotencyKeyClaimed } from './events.js'
import { evolveClaim, initialClaimState } from './state.js'
import { claimStream } from '../streamNames.js'

const spec = deciderSpec(claimDecider)
const AT = '2026-11-26T08:00:00.000Z'
const FINGERPRINT = 'a'.repeat(64)

const claimKey = (overrides: Partial<Record<keyof ClaimIdempotencyKey, string>> = {}) =>
  ({
    type: 'ClaimIdempotencyKey',
    claimId: 'c1',
    kind: 'refund',
    entityRef: 'payment-a',
    fingerprint: FINGERPRINT,
    at: AT,
    ...overrides,
  }) as ClaimIdempotencyKey

const claimed = (command: ClaimIdempotencyKey): IdempotencyKeyClaimed =>
  ({
    type: 'IdempotencyKeyClaimed',
    schemaVersion: 1,
    data: {
      claimId: command.claimId,
      kind: command.kind,
      entityRef: command.entityRef,
      fingerprint: command.fingerprint,
      at: command.at,
    },
  }) as IdempotencyKeyClaimed

describe('claim', () => {
  it('claims a key that was never claimed', () => {
    const command = claimKey()
    spec
      .given([])
      .when(command)
      .then([claimed(command)])
  })

  it('records nothing for the same claim again (a retry)', () => {
    spec
      .given([claimed(claimKey())])
      .when(claimKey({ at: '2026-11-27T08:00:00.000Z' }))
      .thenNothing()
  })

  it('refuses the same key with another fingerprint', () => {
    const error = spec
      .given([claimed(claimKey())])
      .when(claimKey({ fingerprint: 'b'.repeat(64) }))
      .thenRejects('idempotency_key_reused')
    expect(error.details).toEqual({ kind: 'refund' })
  })

  it('refuses the same key and fingerprint for another entity', () => {
    spec
      .given([claimed(claimKey())])
      .when(claimKey({ entityRef: 'payment-b' }))
      .thenRejects('idempotency_key_reused')
  })

  it('refuses the same key and fingerprint for another kind', () => {
    spec
      .given([claimed(claimKey())])
      .when(claimKey({ kind: 'payout' }))
      .thenRejects('idempotency_key_reused')
  })

  it('asserts on a second claim in one stream (a corrupt stream)', () => {
    const once = evolveClaim(initialClaimState, claimed(claimKey()))
    expect(() => evolveClaim(once, claimed(claimKey()))).toThrow(/recorded twice/)
  })

  it('names its stream, with the ledger namespace when there is one', () => {
    expect(claimStream('c1')).toBe('claim-c1')
    expect(claimStream('c1', 'tenant')).toBe('tenant.claim-c1')
    expect(() => claimStream('')).toThrow(/empty id/)
  })
})
