// A TEST DOUBLE of EventStoreDB, not a server: an in-process gRPC server built from the client
// package's own generated service definition and protobuf messages, answering only the calls the
// adapter makes (Streams.Append with an expected revision, Streams.Read of a stream or of `$all`
// in either direction, and the `$all` subscription). Events live in memory. It has no auth, no
// TLS, no server-features, gossip, filters, links, stream metadata, deletes, batch appends,
// persistent subscriptions or projections; see docs/adapters.md.
import { createRequire } from 'node:module'
import type * as streamsPbTypes from '@eventstore/db-client/generated/streams_pb.js'
import type * as sharedPbTypes from '@eventstore/db-client/generated/shared_pb.js'
import type * as streamsGrpcPbTypes from '@eventstore/db-client/generated/streams_grpc_pb.js'
import * as grpc from '@grpc/grpc-js'
import {
  createDoubleLog,
  type DoubleEvent,
  type DoubleExpected,
  type DoubleLog,
} from './esdbDoubleLog.js'

type StreamsPb = typeof streamsPbTypes
type SharedPb = typeof sharedPbTypes
type StreamsGrpcPb = typeof streamsGrpcPbTypes
type AppendReq = InstanceType<StreamsPb['AppendReq']>
type AppendResp = InstanceType<StreamsPb['AppendResp']>
type ReadReq = InstanceType<StreamsPb['ReadReq']>
type ReadResp = InstanceType<StreamsPb['ReadResp']>

// The client's own modules: the same instances its generated service code checks messages against.
const require = createRequire(import.meta.url)
const streamsPb = require('@eventstore/db-client/generated/streams_pb.js') as StreamsPb
const sharedPb = require('@eventstore/db-client/generated/shared_pb.js') as SharedPb
const { StreamsService } =
  require('@eventstore/db-client/generated/streams_grpc_pb.js') as StreamsGrpcPb

// ---------------------------------------------------------------- types

/** A running double: its connection string, its memory, and its shutdown. */
export type EsdbTestDouble = {
  /** `esdb://127.0.0.1:<port>?tls=false`: a single node without TLS. */
  readonly connectionString: string
  readonly log: DoubleLog
  /** Stops answering at once (calls in flight fail as a lost link would). */
  readonly stop: () => Promise<void>
}

// ---------------------------------------------------------------- constructors

/** Starts a double on a free loopback port. */
export const startEsdbTestDouble = async (): Promise<EsdbTestDouble> => {
  const log = createDoubleLog()
  const server = new grpc.Server()
  server.addService(StreamsService, {
    append: (
      call: grpc.ServerReadableStream<AppendReq, AppendResp>,
      callback: grpc.sendUnaryData<AppendResp>,
    ) => answerAppend(log, call, callback),
    read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>) => answerRead(log, call),
  })
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error === null ? resolve(bound) : reject(error),
    ),
  )
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    log,
    stop: async () => server.forceShutdown(),
  }
}

// ---------------------------------------------------------------- operations

const answerAppend = (
  log: DoubleLog,
  call: grpc.ServerReadableStream<AppendReq, AppendResp>,
  callback: grpc.sendUnaryData<AppendResp>,
): void => {
  let options: InstanceType<StreamsPb['AppendReq']['Options']> | undefined
  const proposed: Omit<DoubleEvent, 'stream' | 'revision' | 'position' | 'createdTicks'>[] = []
  call.on('data', (request: AppendReq) => {
    if (request.hasOptions()) options = request.getOptions()
    const message = request.getProposedMessage()
    if (message === undefined) return
    const metadata = message.getMetadataMap()
    proposed.push({
      id: message.getId()?.getString() ?? '',
      type: metadata.get('type') ?? '',
      contentType: metadata.get('content-type') ?? 'application/octet-stream',
      metadata: message.getCustomMetadata_asU8(),
      data: message.getData_asU8(),
    })
  })
  call.on('end', () => {
    if (options === undefined) return callback({ code: grpc.status.INVALID_ARGUMENT })
    const stream = nameOf(options.getStreamIdentifier())
    const expected = expectedOf(options)
    const result = log.append(stream, expected, proposed)
    const response = new streamsPb.AppendResp()
    if (result.ok) {
      const success = new streamsPb.AppendResp.Success()
      success.setCurrentRevision(result.revision.toString())
      const position = new streamsPb.AppendResp.Position()
      position.setCommitPosition(result.position.toString())
      position.setPreparePosition(result.position.toString())
      success.setPosition(position)
      response.setSuccess(success)
    } else {
      response.setWrongExpectedVersion(wrongExpectedVersion(expected, result.current))
    }
    callback(null, response)
  })
}

const answerRead = (log: DoubleLog, call: grpc.ServerWritableStream<ReadReq, ReadResp>): void => {
  const options = call.request.getOptions()
  if (options === undefined) {
    call.destroy(new Error('no read options'))
    return
  }
  const isBackwards =
    options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS
  const count = options.hasCount() ? Number(options.getCount()) : Number.MAX_SAFE_INTEGER
  const streamOptions = options.getStream()
  if (streamOptions !== undefined) {
    const stream = nameOf(streamOptions.getStreamIdentifier())
    const events = log.streams.get(stream)
    if (events === undefined) {
      const notFound = new streamsPb.ReadResp.StreamNotFound()
      notFound.setStreamIdentifier(streamOptions.getStreamIdentifier())
      const response = new streamsPb.ReadResp()
      response.setStreamNotFound(notFound)
      call.write(response)
      call.end()
      return
    }
    const from = streamOptions.hasRevision()
      ? BigInt(streamOptions.getRevision())
      : streamOptions.hasEnd()
        ? BigInt(events.length - 1)
        : 0n
    writePage(
      call,
      select(events, (event) => event.revision, from, isBackwards, count),
    )
    call.end()
    return
  }
  const all = options.getAll()
  const position = all?.getPosition()
  const from =
    position !== undefined
      ? BigInt(position.getCommitPosition())
      : all?.hasEnd() === true
        ? BigInt(log.events.length)
        : 0n
  if (!options.hasSubscription()) {
    writePage(
      call,
      select(log.events, (event) => event.position, from, isBackwards, count),
    )
    call.end()
    return
  }
  subscribe(log, call, position === undefined ? from : from + 1n)
}

// A `$all` subscription: confirmation, every event from `from` on, then each new one.
const subscribe = (
  log: DoubleLog,
  call: grpc.ServerWritableStream<ReadReq, ReadResp>,
  from: bigint,
): void => {
  const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation()
  confirmation.setSubscriptionId('double')
  const confirmed = new streamsPb.ReadResp()
  confirmed.setConfirmation(confirmation)
  call.write(confirmed)
  let next = Number(from)
  const push = (): void => {
    for (; next < log.events.length; next += 1) {
      const event = log.events[next]
      if (event !== undefined) call.write(readResponse(event))
    }
  }
  const remove = log.onAppend(push)
  call.on('cancelled', remove)
  call.on('close', remove)
  push()
}

// ---------------------------------------------------------------- helpers

// Forwards: events at or after `from`; backwards: at or before it, newest first.
const select = (
  events: readonly DoubleEvent[],
  key: (event: DoubleEvent) => bigint,
  from: bigint,
  isBackwards: boolean,
  count: number,
): DoubleEvent[] => {
  const chosen = isBackwards
    ? events.filter((event) => key(event) <= from).reverse()
    : events.filter((event) => key(event) >= from)
  return chosen.slice(0, count)
}

const writePage = (
  call: grpc.ServerWritableStream<ReadReq, ReadResp>,
  events: readonly DoubleEvent[],
): void => {
  for (const event of events) call.write(readResponse(event))
}

const readResponse = (event: DoubleEvent): ReadResp => {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
  const id = new sharedPb.UUID()
  id.setString(event.id)
  recorded.setId(id)
  const identifier = new sharedPb.StreamIdentifier()
  identifier.setStreamName(Buffer.from(event.stream, 'utf8'))
  recorded.setStreamIdentifier(identifier)
  recorded.setStreamRevision(event.revision.toString())
  recorded.setCommitPosition(event.position.toString())
  recorded.setPreparePosition(event.position.toString())
  recorded.getMetadataMap().set('type', event.type)
  recorded.getMetadataMap().set('content-type', event.contentType)
  recorded.getMetadataMap().set('created', event.createdTicks)
  recorded.setCustomMetadata(event.metadata)
  recorded.setData(event.data)
  const read = new streamsPb.ReadResp.ReadEvent()
  read.setEvent(recorded)
  read.setCommitPosition(event.position.toString())
  const response = new streamsPb.ReadResp()
  response.setEvent(read)
  return response
}

const nameOf = (identifier: InstanceType<SharedPb['StreamIdentifier']> | undefined): string =>
  Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8')

const expectedOf = (options: InstanceType<StreamsPb['AppendReq']['Options']>): DoubleExpected => {
  if (options.hasRevision()) return { kind: 'revision', revision: BigInt(options.getRevision()) }
  if (options.hasNoStream()) return { kind: 'no_stream' }
  if (options.hasStreamExists()) return { kind: 'stream_exists' }
  return { kind: 'any' }
}

const wrongExpectedVersion = (
  expected: DoubleExpected,
  current: bigint | undefined,
): InstanceType<StreamsPb['AppendResp']['WrongExpectedVersion']> => {
  const wrong = new streamsPb.AppendResp.WrongExpectedVersion()
  if (current === undefined) wrong.setCurrentNoStream(new sharedPb.Empty())
  else wrong.setCurrentRevision(current.toString())
  if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString())
  else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new sharedPb.Empty())
  else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new sharedPb.Empty())
  else wrong.setExpectedAny(new sharedPb.Empty())
  return wrong
}
