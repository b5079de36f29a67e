import type { Consumer } from '@platformatic/kafka';
import { kafkaClientLibrary } from './client-library.js';
import { KafkaDevError } from '../base/errors.js';
import { withAdmin } from './admin.js';
import { closeConsumer } from './close-consumer.js';
import { connectionOptions, securityFailure, type KafkaTarget } from './client-options.js';

/**
 * The web console's reads and writes of single messages, as raw bytes: one partition from an
 * offset, a timestamp, its beginning or its newest messages; a live tail; one message with
 * headers sent. How bytes are shown (text, JSON, hex) is the caller's business.
 */

export interface KafkaRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly timestamp: bigint;
  /** null: no key; a tombstone's value is null too. */
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: readonly (readonly [Buffer, Buffer | null])[];
}

export type BrowseStart =
  | { readonly from: 'beginning' }
  | { readonly from: 'newest' }
  | { readonly from: 'offset'; readonly offset: bigint }
  | { readonly from: 'timestamp'; /** Milliseconds since the epoch: the first message at or after it. */ readonly timestamp: bigint };

export interface BrowseRequest {
  readonly partition: number;
  readonly start: BrowseStart;
  /** At most this many messages. */
  readonly limit: number;
}

/** The offsets a browse reads, [first, stop), inside the partition's [earliest, end). */
export function browseRange(start: BrowseStart, limit: number, earliest: bigint, end: bigint, atTimestamp?: bigint): { first: bigint; stop: bigint } {
  const clamp = (offset: bigint) => (offset < earliest ? earliest : offset > end ? end : offset);
  const first =
    start.from === 'beginning' ? earliest
    : start.from === 'newest' ? clamp(end - BigInt(limit))
    : start.from === 'offset' ? clamp(start.offset)
    // No message at or after the timestamp: the broker answers -1, which is the end.
    : atTimestamp === undefined || atTimestamp < 0n ? end : clamp(atTimestamp);
  const stop = first + BigInt(limit) < end ? first + BigInt(limit) : end;
  return { first, stop };
}

const bytes = { key: (data?: Buffer) => data ?? null, value: (data?: Buffer) => data ?? null, headerKey: (data?: Buffer) => data ?? Buffer.alloc(0), headerValue: (data?: Buffer) => data ?? null };
/** A browse that has read its range but misses an offset (a transaction marker, a compacted gap) ends after this long. */
const idleMs = 1500;

/** The console's own consumer groups start with this; they are deleted after use, and views of the groups leave them out. */
export const consoleGroupPrefix = 'kafka-dev-ui-';

async function consumerOf(target: KafkaTarget, clientId: string) {
  const { Consumer } = await kafkaClientLibrary();
  // A group of its own each time: nothing is committed where an application's group would see it.
  return new Consumer({ clientId, groupId: `${consoleGroupPrefix}${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, ...connectionOptions(target), deserializers: bytes });
}

/** Closes the consumer and deletes its group, so a browse or tail leaves no empty group behind in the cluster. */
async function closeAndForget(target: KafkaTarget, consumer: Consumer<Buffer | null, Buffer | null, Buffer, Buffer | null>): Promise<void> {
  await closeConsumer(consumer);
  // Best effort: a group the broker still counts as busy expires with the broker's offsets retention.
  await withAdmin(target, (admin) => admin.deleteGroup(consumer.groupId)).catch(() => undefined);
}

function recordOf(message: { topic: string; partition: number; offset: bigint; timestamp: bigint; key: Buffer | null; value: Buffer | null; headerEntries: [Buffer, Buffer | null][] }): KafkaRecord {
  const { topic, partition, offset, timestamp, key, value, headerEntries } = message;
  return { topic, partition, offset, timestamp, key, value, headers: headerEntries };
}

/** The partition's messages from the start asked for, oldest first (newest first for `newest`). */
export async function browsePartition(target: KafkaTarget, topic: string, request: BrowseRequest): Promise<KafkaRecord[]> {
  const { MessagesStreamModes } = await kafkaClientLibrary();
  const consumer = await consumerOf(target, 'kafka-dev-ui-browse');
  try {
    const partitions = { [topic]: [request.partition] };
    const offsetAt = async (timestamp: bigint) => (await consumer.listOffsets({ topics: [topic], partitions, timestamp })).get(topic)?.[request.partition];
    const [earliest, end] = await Promise.all([offsetAt(-2n), offsetAt(-1n)]);
    if (earliest === undefined || end === undefined) throw new KafkaDevError(`Topic '${topic}' has no partition ${request.partition}`, { hint: 'The topic page lists its partitions.' });
    const atTimestamp = request.start.from === 'timestamp' ? await offsetAt(request.start.timestamp) : undefined;
    const { first, stop } = browseRange(request.start, request.limit, earliest, end, atTimestamp);
    if (first >= stop) return [];
    const stream = await consumer.consume({ topics: [topic], mode: MessagesStreamModes.MANUAL, offsets: [{ topic, partition: request.partition, offset: first }], autocommit: false });
    const records: KafkaRecord[] = [];
    let idle = setTimeout(() => void stream.close(), idleMs);
    for await (const message of stream) {
      if (message.partition !== request.partition) continue;
      if (message.offset < stop) records.push(recordOf(message));
      if (message.offset >= stop - 1n) break;
      clearTimeout(idle);
      idle = setTimeout(() => void stream.close(), idleMs);
    }
    clearTimeout(idle);
    await stream.close();
    return request.start.from === 'newest' ? records.reverse() : records;
  } catch (error) {
    throw securityFailure(error, target) ?? error;
  } finally {
    await closeAndForget(target, consumer);
  }
}

/** Calls `onRecord` for each message that arrives after the tail starts, until the signal aborts. */
export async function tailTopic(target: KafkaTarget, topic: string, onRecord: (record: KafkaRecord) => void, signal: AbortSignal): Promise<void> {
  const { MessagesStreamModes } = await kafkaClientLibrary();
  const consumer = await consumerOf(target, 'kafka-dev-ui-tail');
  try {
    const stream = await consumer.consume({ topics: [topic], mode: MessagesStreamModes.LATEST, autocommit: false });
    const close = () => void stream.close();
    if (signal.aborted) close();
    signal.addEventListener('abort', close, { once: true });
    for await (const message of stream) onRecord(recordOf(message));
    signal.removeEventListener('abort', close);
  } catch (error) {
    throw securityFailure(error, target) ?? error;
  } finally {
    await closeAndForget(target, consumer);
  }
}

export interface OutgoingMessage {
  readonly key?: string;
  readonly value: string;
  readonly headers?: readonly (readonly [string, string])[];
}

/** Sends one message, acknowledged by every in-sync replica. */
export async function sendMessage(target: KafkaTarget, topic: string, message: OutgoingMessage): Promise<void> {
  const { Producer, ProduceAcks } = await kafkaClientLibrary();
  const producer = new Producer({ clientId: 'kafka-dev-ui-produce', ...connectionOptions(target), acks: ProduceAcks.ALL });
  try {
    await producer.send({
      messages: [{
        topic,
        ...(message.key !== undefined && { key: Buffer.from(message.key) }),
        value: Buffer.from(message.value),
        ...(message.headers?.length && { headers: new Map(message.headers.map(([key, value]) => [Buffer.from(key), Buffer.from(value)])) }),
      }],
    });
  } catch (error) {
    throw securityFailure(error, target) ?? error;
  } finally {
    await producer.close();
  }
}
