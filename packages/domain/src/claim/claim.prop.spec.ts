// Properties of claims over generated commands: every command and every event it records survive
// their codecs unchanged, an accepted history folds without an assertion, and a claimed key
// accepts exactly the same claim again (recording nothing) and refuses any other.
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CLAIM_KIND_LENGTH_MAX } from '../limits.js'
import { ClaimCommand, ClaimEvent } from './codecs.js'
import { decideClaim } from './decide.js'
import { evolveClaim, initialClaimState } from './state.js'

const arbHex64 = fc.stringMatching(/^[0-9a-f]{64}$/)
const arbInstant = fc
  .integer({
    min: Date.parse('2020-01-01T00:00:00.000Z'),
    max: Date.parse('2030-01-01T00:00:00.000Z'),
  })
  .map((ms) => new Date(ms).toISOString())

/** A ClaimIdempotencyKey the codec accepts. */
const arbClaimCommand = fc
  .record({
    claimId: fc.uuid(),
    kind: fc.string({ minLength: 1, maxLength: CLAIM_KIND_LENGTH_MAX }),
    entityRef: fc.string({ minLength: 1, maxLength: 64 }),
    fingerprint: arbHex64,
    at: arbInstant,
  })
  .map((fields) => {
    const decoded = ClaimCommand.decode({ type: 'ClaimIdempotencyKey', ...fields })
    if (decoded._tag === 'Left') throw new Error('generated claim command did not decode')
    return decoded.right
  })

describe('claim properties', () => {
  it('round-trip commands and events through their codecs, and fold what they record', () => {
    fc.assert(
      fc.property(arbClaimCommand, (command) => {
        expect(ClaimCommand.decode(ClaimCommand.encode(command))).toEqual({
          _tag: 'Right',
          right: command,
        })
        const decided = decideClaim(command, initialClaimState)
        if (decided._tag === 'Left') throw new Error(decided.left.message)
        expect(decided.right).toHaveLength(1)
        for (const event of decided.right) {
          expect(ClaimEvent.decode(JSON.parse(JSON.stringify(ClaimEvent.encode(event))))).toEqual({
            _tag: 'Right',
            right: event,
          })
        }
        expect(decided.right.reduce(evolveClaim, initialClaimState).status).toBe('claimed')
      }),
      { numRuns: 200 },
    )
  })

  it('accept only the same claim under a claimed key', () => {
    // Each field of the second claim is the first's or another, so retries and reuses both occur.
    const arbPair = fc
      .tuple(arbClaimCommand, arbClaimCommand, fc.boolean(), fc.boolean(), fc.boolean())
      .map(([first, other, sameFingerprint, sameKind, sameEntity]) => ({
        first,
        second: {
          ...other,
          claimId: first.claimId,
          fingerprint: sameFingerprint ? first.fingerprint : other.fingerprint,
          kind: sameKind ? first.kind : other.kind,
          entityRef: sameEntity ? first.entityRef : other.entityRef,
        },
      }))
    fc.assert(
      fc.property(arbPair, ({ first, second }) => {
        const decided = decideClaim(first, initialClaimState)
        if (decided._tag === 'Left') throw new Error(decided.left.message)
        const state = decided.right.reduce(evolveClaim, initialClaimState)
        const isSame =
          second.fingerprint === first.fingerprint &&
          second.kind === first.kind &&
          second.entityRef === first.entityRef
        const again = decideClaim(second, state)
        if (isSame) expect(again).toEqual({ _tag: 'Right', right: [] })
        else
          expect(again._tag === 'Left' ? again.left.code : 'accepted').toBe(
            'idempotency_key_reused',
          )
      }),
      { numRuns: 200 },
    )
  })
})
