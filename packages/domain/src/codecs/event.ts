// Every event is `{ type, schemaVersion, data }`; one codec per (type, schemaVersion).
import * as t from 'io-ts'

/** Builds the codec of one event version. */
export const eventCodec = <Type extends string, Version extends number, Data extends t.Mixed>(
  type: Type,
  schemaVersion: Version,
  data: Data,
) =>
  t.type(
    { type: t.literal(type), schemaVersion: t.literal(schemaVersion), data },
    `${type}.v${schemaVersion}`,
  )

/** Builds the codec of one command. Commands carry no version: they are never stored raw. */
export const commandCodec = <Type extends string, Props extends t.Props>(
  type: Type,
  props: Props,
) => t.type({ type: t.literal(type), ...props }, type)

/** The shape every stored event has before its codec is known. */
export type RawEvent = {
  readonly type: string
  readonly schemaVersion: number
  readonly data: unknown
}
