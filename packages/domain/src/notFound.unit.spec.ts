// Proves every "no such entity" error has one shape: `<entity>_not_found`, a sentence naming the
// id, and the id under `<entity>Id` beside any extra details.
import { describe, expect, it } from 'vitest'
import { notFound } from './notFound.js'

describe('notFound', () => {
  it('names the entity, the code and the id', () => {
    expect(notFound('payment', 'p-1')).toEqual({
      code: 'payment_not_found',
      message: 'payment p-1 does not exist',
      details: { paymentId: 'p-1' },
    })
    expect(notFound('account', 'alice').details).toEqual({ accountId: 'alice' })
  })

  it('keeps extra details beside the id', () => {
    expect(notFound('promotion', 'spring', { path: 'promotionId' }).details).toEqual({
      promotionId: 'spring',
      path: 'promotionId',
    })
  })
})
