/**
 * The two Kafka requests kafka-dev speaks itself, as bytes: Metadata v4 (brokers, and topics
 * with their partitions) and DescribeConfigs v1 (a topic's own settings). They let a container
 * with nothing but bash ask a listener what it advertises, and let kafka-dev read a PLAINTEXT
 * cluster without loading the client library (about half a second of start-up: see
 * `plain-reads.ts`). Both versions are understood by every broker from Kafka 1.0 to 4.x
 * (KIP-896 kept them). Request header v1, response header v0: no tagged fields anywhere.
 */

import { hostAndPort } from '../model/cluster.js';
import type { PartitionView } from './admin-port.js';

const apiKeys = { metadata: 3, describeConfigs: 32 } as const;
const versions = { metadata: 4, describeConfigs: 1 } as const;
const clientId = 'kafka-dev';
/** DescribeConfigs' resource type of a topic, and the config source of a setting made on the topic itself. */
export const topicResourceType = 2;
export const dynamicTopicConfigSource = 1;

export interface AdvertisedBroker {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}

export interface MetadataPartition extends PartitionView {
  readonly errorCode: number;
}

export interface MetadataTopic {
  readonly errorCode: number;
  readonly name: string;
  readonly internal: boolean;
  readonly partitions: readonly MetadataPartition[];
}

export interface MetadataAnswer {
  readonly brokers: readonly AdvertisedBroker[];
  readonly clusterId: string | null;
  readonly controllerId: number;
  readonly topics: readonly MetadataTopic[];
}

export interface ConfigEntry {
  readonly name: string;
  readonly value: string | null;
  readonly source: number;
}

export interface ConfigsAnswer {
  readonly errorCode: number;
  readonly errorMessage: string | null;
  readonly resourceName: string;
  readonly configs: readonly ConfigEntry[];
}

/**
 * A whole Metadata request, size prefix included. `topics`: the names to describe, or 'all';
 * the default, none, asks only for the brokers. Topics are never created by asking.
 */
export function metadataRequest(correlationId: number, topics: readonly string[] | 'all' = []): Buffer {
  const names = topics === 'all' ? null : topics;
  return request('metadata', correlationId, [array(names, string), int8(0)]);
}

/** A whole DescribeConfigs request for these topics' settings (all keys, no synonyms). */
export function describeConfigsRequest(correlationId: number, topics: readonly string[]): Buffer {
  return request('describeConfigs', correlationId, [array(topics, (name) => Buffer.concat([int8(topicResourceType), string(name), int32(-1)])), int8(0)]);
}

/** The request as a printf format (`\xNN` per byte), for a shell that writes it to a socket. */
export const printfEscaped = (bytes: Buffer): string => [...bytes].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('');

/**
 * A Metadata v4 response (without its size prefix). Throws a WireError for a reply that is not
 * Kafka's, or not to this request: such a reply is no proof of anything.
 */
export function parseMetadata(response: Buffer, correlationId: number): MetadataAnswer {
  return parse(response, correlationId, 'Metadata', (reader) => {
    reader.int32(); // throttle time
    const brokers = reader.array(() => {
      const broker = { nodeId: reader.int32(), host: reader.string(), port: reader.int32() };
      reader.nullableString(); // rack
      return broker;
    });
    const clusterId = reader.nullableString();
    const controllerId = reader.int32();
    const topics = reader.array(() => ({
      errorCode: reader.int16(),
      name: reader.string(),
      internal: reader.int8() !== 0,
      partitions: reader.array(() => ({
        errorCode: reader.int16(),
        partition: reader.int32(),
        leader: reader.int32(),
        replicas: reader.array(() => reader.int32()),
        isr: reader.array(() => reader.int32()),
      })),
    }));
    return { brokers, clusterId, controllerId, topics };
  });
}

/** A DescribeConfigs v1 response (without its size prefix); throws a WireError as parseMetadata does. */
export function parseDescribeConfigs(response: Buffer, correlationId: number): ConfigsAnswer[] {
  return parse(response, correlationId, 'DescribeConfigs', (reader) => {
    reader.int32(); // throttle time
    return reader.array(() => {
      const errorCode = reader.int16();
      const errorMessage = reader.nullableString();
      reader.int8(); // resource type
      const resourceName = reader.string();
      const configs = reader.array(() => {
        const name = reader.string();
        const value = reader.nullableString();
        reader.int8(); // read only
        const source = reader.int8();
        reader.int8(); // sensitive
        reader.array(() => [reader.string(), reader.nullableString(), reader.int8()]); // synonyms
        return { name, value, source };
      });
      return { errorCode, errorMessage, resourceName, configs };
    });
  });
}

/** The brokers of a Metadata response, or an error saying what is wrong with the bytes. */
export function advertisedBrokers(response: Buffer, correlationId: number): AdvertisedBroker[] | Error {
  try {
    return [...parseMetadata(response, correlationId).brokers];
  } catch (error) {
    return error as Error;
  }
}

/** What is wrong with a reply that should list every one of `expected` (`host:port`), or nothing. */
export function advertisingProblem(expected: readonly string[], brokers: readonly AdvertisedBroker[]): string | undefined {
  const advertised = brokers.map((broker) => hostAndPort(broker));
  const missing = expected.filter((address) => !advertised.includes(address));
  return missing.length > 0 ? `advertises ${advertised.join(', ') || 'no brokers'}, without ${missing.join(', ')}` : undefined;
}

/** The bytes were not the answer asked for: not Kafka's, cut off, or to another request. */
export class WireError extends Error {}

function request(api: keyof typeof apiKeys, correlationId: number, body: readonly Buffer[]): Buffer {
  const message = Buffer.concat([int16(apiKeys[api]), int16(versions[api]), int32(correlationId), string(clientId), ...body]);
  return Buffer.concat([int32(message.length), message]);
}

function parse<T>(response: Buffer, correlationId: number, what: string, read: (reader: Reader) => T): T {
  const reader = new Reader(response);
  let answer: T;
  try {
    const answered = reader.int32();
    if (answered !== correlationId) return failed(`the reply is not to this request (correlation id ${answered})`);
    answer = read(reader);
  } catch (error) {
    if (error instanceof WireError) throw error;
    return failed(`the reply is not a Kafka ${what} response (${response.length} bytes)`);
  }
  if (reader.remaining > 0) failed(`the reply is not a Kafka ${what} response (${reader.remaining} bytes left over)`);
  return answer;
}

function failed(message: string): never {
  throw new WireError(message);
}

/** Big-endian reads that throw a RangeError past the end, as Buffer does. */
class Reader {
  private offset = 0;
  constructor(private readonly bytes: Buffer) {}
  get remaining(): number {
    return this.bytes.length - this.offset;
  }
  int8(): number {
    return this.bytes.readInt8(this.advance(1));
  }
  int16(): number {
    return this.bytes.readInt16BE(this.advance(2));
  }
  int32(): number {
    return this.bytes.readInt32BE(this.advance(4));
  }
  string(): string {
    const value = this.nullableString();
    if (value === null) throw new RangeError('a null string where one is required');
    return value;
  }
  nullableString(): string | null {
    const length = this.int16();
    if (length < 0) return null;
    return this.bytes.toString('utf8', this.advance(length), this.offset);
  }
  array<T>(item: () => T): T[] {
    const count = this.int32();
    // Each item takes at least one byte: a larger count cannot be a real reply.
    if (count < 0 || count > this.remaining) throw new RangeError(`an array of ${count}`);
    return Array.from({ length: count }, item);
  }
  private advance(length: number): number {
    const start = this.offset;
    if (start + length > this.bytes.length) throw new RangeError('truncated');
    this.offset += length;
    return start;
  }
}

const int8 = (value: number) => Buffer.from([value & 0xff]);
const int16 = (value: number) => {
  const bytes = Buffer.alloc(2);
  bytes.writeInt16BE(value);
  return bytes;
};
const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
};
const string = (value: string) => Buffer.concat([int16(Buffer.byteLength(value)), Buffer.from(value, 'utf8')]);
/** A null array (count -1) for `null`. */
const array = <T>(items: readonly T[] | null, encode: (item: T) => Buffer) => (items === null ? int32(-1) : Buffer.concat([int32(items.length), ...items.map(encode)]));
