import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { Consumer, MessagesStreamModes, ProduceAcks, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
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
  readonly fromBeginning?: boolean;
  /** Consumer group; default: a new one each run, so nothing is committed for others. */
  readonly group?: string;
  readonly json?: boolean;
  /** Stop after this many messages. */
  readonly maxMessages?: number;
  /** Stop after this long without a new message. */
  readonly idleMs?: number;
  readonly signal?: AbortSignal;
}

export async function consumeLines(target: KafkaTarget, topic: string, output: Writable, options: ConsumeLinesOptions = {}): Promise<number> {
  const consumer = new Consumer({
    clientId: 'kafka-dev-consume',
    groupId: options.group ?? `kafka-dev-console-${Date.now().toString(36)}`,
    ...connectionOptions(target),
    deserializers: stringDeserializers,
  });
  let received = 0;
  try {
    const stream = await consumer.consume({
      topics: [topic],
      mode: options.fromBeginning ? MessagesStreamModes.EARLIEST : MessagesStreamModes.LATEST,
      autocommit: options.group !== undefined,
    });
    const close = () => void stream.close();
    options.signal?.addEventListener('abort', close, { once: true });
    let idle = options.idleMs ? setTimeout(close, options.idleMs) : undefined;
    for await (const message of stream) {
      const { key, value, partition, offset, timestamp } = message;
      output.write(
        options.json
          ? `${JSON.stringify({ topic, partition, offset: String(offset), timestamp: String(timestamp), key: key ?? null, value })}\n`
          : `${key ? `${key}\t` : ''}${value}\n`,
      );
      received += 1;
      if (options.maxMessages !== undefined && received >= options.maxMessages) break;
      if (idle) {
        clearTimeout(idle);
        idle = setTimeout(close, options.idleMs);
      }
    }
    clearTimeout(idle);
    options.signal?.removeEventListener('abort', close);
    await stream.close();
  } catch (error) {
    throw securityFailure(error, target) ?? error;
  } finally {
    await closeConsumer(consumer);
  }
  return received;
}
