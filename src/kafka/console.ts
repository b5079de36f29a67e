import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CommitOptionsPartition, ConsumeOptions, Message } from '@platformatic/kafka';
import { kafkaClientLibrary, type KafkaClientLibrary } from './client-library.js';
import { closeConsumer } from './close-consumer.js';
import { connectionOptions, securityFailure, type KafkaTarget } from './client-options.js';

/**
 * The classic quick start's console producer and consumer, from the host and without a JVM:
 * one message per line in, one message per line (or JSON object) out.
 */
export interface ProduceLinesOptions {
  /** Splits each line into key and value at its first occurrence; no key when absent. */
  readonly keySeparator?: string;
}

/** A line as a message: `key<separator>value`, or the whole line as the value. */
export function lineToMessage(line: string, keySeparator?: string): { key?: string; value: string } {
  const at = keySeparator ? line.indexOf(keySeparator) : -1;
  return at < 0 ? { value: line } : { key: line.slice(0, at), value: line.slice(at + keySeparator!.length) };
}

export async function produceLines(target: KafkaTarget, topic: string, input: Readable, options: ProduceLinesOptions = {}): Promise<number> {
  const { Producer, ProduceAcks, stringSerializers } = await kafkaClientLibrary();
  const producer = new Producer({ clientId: 'kafka-dev-produce', ...connectionOptions(target), serializers: stringSerializers, acks: ProduceAcks.ALL });
  let sent = 0;
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (line === '') continue;
      await producer.send({ messages: [{ topic, ...lineToMessage(line, options.keySeparator) }] });
      sent += 1;
    }
  } catch (error) {
    throw securityFailure(error, target) ?? error;
  } finally {
    await producer.close();
  }
  return sent;
}

export interface ConsumeLinesOptions {
  /** Where a run without a group, or a group without commits, starts: the oldest message instead of new ones. */
  readonly fromBeginning?: boolean;
  /** Consumer group: resumes from its committed offsets and commits what was printed; default: a new one each run, committing nothing. */
  readonly group?: string;
  readonly json?: boolean;
  /** Stop after this many messages. */
  readonly maxMessages?: number;
  /** Stop after this long without a new message. */
  readonly idleMs?: number;
  readonly signal?: AbortSignal;
}

/** Where the stream starts reading, as kafka-console-consumer does (--from-beginning is its auto.offset.reset=earliest). */
export function startingPosition(
  options: Pick<ConsumeLinesOptions, 'fromBeginning' | 'group'>,
  { MessagesStreamModes, MessagesStreamFallbackModes }: Pick<KafkaClientLibrary, 'MessagesStreamModes' | 'MessagesStreamFallbackModes'>,
): Pick<ConsumeOptions<string, string, string, string>, 'mode' | 'fallbackMode'> {
  const start = options.fromBeginning ? 'EARLIEST' : 'LATEST';
  // A group's commits win; where it has none the stream falls back to the same start as a run without a group.
  return options.group === undefined
    ? { mode: MessagesStreamModes[start] }
    : { mode: MessagesStreamModes.COMMITTED, fallbackMode: MessagesStreamFallbackModes[start] };
}

/** The part of a message the console prints and commits. */
export type ConsoleMessage = Pick<Message<string, string, string, string>, 'key' | 'value' | 'partition' | 'offset' | 'timestamp' | 'leaderEpoch'>;

export interface PrintOptions extends Pick<ConsumeLinesOptions, 'json' | 'maxMessages'> {
  /** Told after each printed message (to restart the idle timer). */
  readonly onPrinted?: () => void;
}

/**
 * Prints messages until the stream ends or `maxMessages` have been printed, and returns, per
 * partition, the offset a group commits for them: the one after the last message printed. Not
 * the client's autocommit, which commits the end of each fetched batch, so messages fetched but
 * not printed (past --max-messages) would be skipped by the group's next run.
 */
export async function printMessages(messages: AsyncIterable<ConsoleMessage>, topic: string, output: Writable, options: PrintOptions = {}): Promise<{ printed: number; offsets: CommitOptionsPartition[] }> {
  const next = new Map<number, CommitOptionsPartition>();
  let printed = 0;
  for await (const { key, value, partition, offset, timestamp, leaderEpoch } of messages) {
    output.write(
      options.json
        ? `${JSON.stringify({ topic, partition, offset: String(offset), timestamp: String(timestamp), key: key ?? null, value })}\n`
        : `${key ? `${key}\t` : ''}${value}\n`,
    );
    next.set(partition, { topic, partition, offset: offset + 1n, leaderEpoch });
    printed += 1;
    if (options.maxMessages !== undefined && printed >= options.maxMessages) break;
    options.onPrinted?.();
  }
  return { printed, offsets: [...next.values()] };
}

export async function consumeLines(target: KafkaTarget, topic: string, output: Writable, options: ConsumeLinesOptions = {}): Promise<number> {
  const library = await kafkaClientLibrary();
  const { Consumer, stringDeserializers } = library;
  const consumer = new Consumer({
    clientId: 'kafka-dev-consume',
    groupId: options.group ?? `kafka-dev-console-${Date.now().toString(36)}`,
    ...connectionOptions(target),
    deserializers: stringDeserializers,
  });
  try {
    const stream = await consumer.consume({ topics: [topic], ...startingPosition(options, library), autocommit: false });
    const close = () => void stream.close();
    // Ctrl-C while joining the group came before this listener: stop at once rather than wait for the next one.
    if (options.signal?.aborted) close();
    options.signal?.addEventListener('abort', close, { once: true });
    const idle = options.idleMs ? setTimeout(close, options.idleMs) : undefined;
    const { printed, offsets } = await printMessages(stream, topic, output, { json: options.json, maxMessages: options.maxMessages, onPrinted: () => idle?.refresh() }).finally(() => {
      clearTimeout(idle);
      options.signal?.removeEventListener('abort', close);
    });
    await stream.close();
    // Still a member of the group here: leaving it (in closeConsumer) comes after the commit.
    if (options.group !== undefined && offsets.length > 0) await consumer.commit({ offsets });
    return printed;
  } catch (error) {
    throw securityFailure(error, target) ?? error;
  } finally {
    await closeConsumer(consumer);
  }
}
