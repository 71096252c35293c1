// Proves settings(accountId) reads back what was configured: limits per asset, two-factor, the
// payment password, the contact masked (opened through the key vault, absent once its key is
// erased), a merchant's fee rate and a freeze's reason; an unknown account is account_not_found.
import { describe, expect, it } from 'vitest'
import { createLedger } from '../ledger/createLedger.js'
import { orThrow } from '../ledger/result.js'
import { createMemoryKeyVault } from '../privacy/keyVault.js'
import { maskEmail, maskPhone } from './settingsQuery.js'

describe('settings', () => {
  it('reads back security, limits per asset and the masked contact', async () => {
    const keyVault = createMemoryKeyVault()
    const ledger = await createLedger({ keyVault })
    const contact = { phone: '+8613812341234', email: 'alice@example.com' }
    orThrow(await ledger.openAccount({ accountId: 'alice', kind: 'user', contact }))
    orThrow(await ledger.enableTwoFactor({ accountId: 'alice' }))
    orThrow(await ledger.setPaymentPassword({ accountId: 'alice' }))
    orThrow(await ledger.setLimits({ accountId: 'alice', asset: 'USD', perDay: '500.00' }))
    orThrow(await ledger.setLimits({ accountId: 'alice', asset: 'BTC', stepUpAbove: '0.5' }))
    expect(orThrow(await ledger.settings('alice'))).toEqual({
      accountId: 'alice',
      kind: 'user',
      status: 'active',
      twoFactor: true,
      paymentPasswordSet: true,
      limits: { USD: { perDay: '500.00' }, BTC: { stepUpAbove: '0.50000000' } },
      contact: { phone: '+86******1234', email: 'a***@example.com' },
    })
    await keyVault.erase('alice')
    expect(orThrow(await ledger.settings('alice'))).not.toHaveProperty('contact')
  })

  it("shows a merchant's fee rate and a frozen account's reason", async () => {
    const ledger = await createLedger()
    orThrow(
      await ledger.openAccount({ accountId: 'shop', kind: 'merchant', merchantFeeRate: '0.6' }),
    )
    orThrow(await ledger.freezeAccount({ accountId: 'shop', reason: 'phone reported stolen' }))
    const settings = orThrow(await ledger.settings('shop'))
    expect(settings).toMatchObject({
      kind: 'merchant',
      status: 'frozen',
      twoFactor: false,
      paymentPasswordSet: false,
      limits: {},
      merchantFeeRate: '0.6',
      frozenReason: 'phone reported stolen',
    })
    expect(settings).not.toHaveProperty('contact')
  })

  it('answers account_not_found for an unknown or malformed id', async () => {
    const ledger = await createLedger()
    for (const id of ['ghost', 'bad id!']) {
      const result = await ledger.settings(id)
      expect(result._tag === 'Left' && result.left.code).toBe('account_not_found')
    }
  })

  it('masks without telling the hidden length, and hides short values entirely', () => {
    expect(maskPhone('+8613812341234')).toBe('+86******1234')
    expect(maskPhone('+1555123')).toBe('+15******5123')
    expect(maskPhone('12345')).toBe('******')
    expect(maskEmail('a@b.co')).toBe('a***@b.co')
    expect(maskEmail('nobody')).toBe('******')
  })
})
