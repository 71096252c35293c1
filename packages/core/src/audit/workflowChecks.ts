// "Every workflow finished or recoverable" (DESIGN.md section 7), for the workflows that keep a
// hold: a payment's authorization, a withdrawal, a dispute. Each records the hold it keeps; that
// hold must be open when the decision is recorded or be taken later in the same commit (the atomic
// executor writes the workflow's stream first). A decision naming a hold that was released before
// it and never taken again can neither finish (its capture finds no hold) nor be recovered.
import { moneyFromCanonical } from '@wallet-ledger/domain'
import type { RawEvent } from '@wallet-ledger/domain'
import { locationText } from './violations.js'
import type { Findings, Location } from './violations.js'

// ---------------------------------------------------------------- types

/** The workflow check; holds the claims whose hold is not open yet. */
export type WorkflowCheck = {
  /** Notes a workflow event; `isOpen` tells whether an account's hold is open right now. */
  readonly workflowEvent: (
    event: RawEvent,
    at: Location,
    isOpen: (accountId: string, holdId: string) => boolean,
  ) => void
  /** Notes that an account took a hold (it satisfies a claim made before it). */
  readonly held: (accountId: string, holdId: string) => void
  /** Reports every claim whose hold was never open after it. */
  readonly end: (findings: Findings) => void
  /** Claims held (each waits for its hold). */
  readonly retained: () => number
}

type Claim = { readonly accountId: string; readonly holdId: string; readonly at: Location }

// ---------------------------------------------------------------- constructors

/** An empty workflow check. */
export const createWorkflowCheck = (): WorkflowCheck => {
  const waiting = new Map<string, Claim>()
  const keyOf = (accountId: string, holdId: string): string => `${accountId}\u0000${holdId}`
  return {
    workflowEvent: (event, at, isOpen) => {
      const claimed = claimOf(event)
      if (claimed === undefined || isOpen(claimed.accountId, claimed.holdId)) return
      waiting.set(keyOf(claimed.accountId, claimed.holdId), { ...claimed, at })
    },
    held: (accountId, holdId) => {
      waiting.delete(keyOf(accountId, holdId))
    },
    end: (findings) => {
      for (const claim of waiting.values()) {
        findings.add(
          'workflow_unrecoverable',
          claim.at,
          `${locationText(claim.at)} keeps hold ${claim.holdId} on ${claim.accountId}, which is not open and never taken after it: the workflow can neither finish nor be recovered`,
        )
      }
    },
    retained: () => waiting.size,
  }
}

// ---------------------------------------------------------------- helpers

// The hold a workflow event says its workflow keeps, if it is one that does.
const claimOf = (event: RawEvent): { accountId: string; holdId: string } | undefined => {
  const data = event.data as Record<string, unknown>
  switch (event.type) {
    case 'PaymentAuthorized': {
      const request = data['request'] as { payer?: unknown } | undefined
      return claimFrom(request?.payer, data['holdId'])
    }
    case 'WithdrawalRequested':
      return claimFrom(data['accountId'], data['holdId'])
    case 'DisputeOpened': {
      const { asset, held } = data
      if (typeof asset !== 'string' || typeof held !== 'string') return undefined
      if (moneyFromCanonical(asset, held).minor === 0n) return undefined
      return claimFrom(data['payee'], data['holdId'])
    }
    default:
      return undefined
  }
}

const claimFrom = (accountId: unknown, holdId: unknown) =>
  typeof accountId === 'string' && typeof holdId === 'string' ? { accountId, holdId } : undefined
