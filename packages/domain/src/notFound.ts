// The one shape of "no such entity": `<entity>_not_found`, a sentence naming the id, and the id
// under `<entity>Id` in the details, whether the domain or the engine finds it missing.
import { domainError } from './errors.js'
import type { DomainError } from './errors.js'

/** The entities a caller names by id and may find missing. */
export type NotFoundEntity =
  'account' | 'payment' | 'withdrawal' | 'dispute' | 'conversion' | 'promotion'

/** The error code of a missing `Entity`: `payment_not_found`, ... */
export type NotFoundCode<Entity extends NotFoundEntity = NotFoundEntity> = `${Entity}_not_found`

/**
 * `<entity>_not_found` for id `id`, with `{ <entity>Id: id }` and any `details` beside it.
 *
 * @example notFound('payment', 'p-1') // { code: 'payment_not_found', message: 'payment p-1 does not exist', details: { paymentId: 'p-1' } }
 */
export const notFound = <Entity extends NotFoundEntity>(
  entity: Entity,
  id: string,
  details?: Readonly<Record<string, unknown>>,
): DomainError<NotFoundCode<Entity>> =>
  domainError(`${entity}_not_found`, `${entity} ${id} does not exist`, {
    [`${entity}Id`]: id,
    ...details,
  })
