// Stream names of the account aggregate, made in one place (STYLE.md section 4).
import { assert } from '../assert.js'

const NAMESPACE = /^[A-Za-z0-9_-]{1,64}$/

/**
 * The stream of an account: `account-<id>`, or `<namespace>.account-<id>` for a ledger with a
 * namespace (multi-tenant use). The namespace has no '.', so the prefix is unambiguous.
 *
 * @example accountStream('alice') // 'account-alice'; accountStream('alice', 'acme') // 'acme.account-alice'
 */
export const accountStream = (accountId: string, namespace?: string): string => {
  assert(accountId.length > 0, 'accountStream: empty account id')
  if (namespace === undefined) return `account-${accountId}`
  assert(NAMESPACE.test(namespace), `accountStream: bad namespace "${namespace}"`)
  return `${namespace}.account-${accountId}`
}
