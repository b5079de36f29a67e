import type { AdvertisedBroker, MetadataPartition, MetadataTopic } from '../../../src/kafka/metadata-wire.js';

/**
 * Test-side encoders of the two Kafka responses kafka-dev reads itself, written from the
 * protocol (non-flexible versions, big-endian, strings with an int16 length, arrays with an
 * int32 count, null as -1) and not from src/, so a parser is checked against the protocol and
 * not against its own mirror image. Each returns header and body, without the size prefix.
 */

export interface MetadataBroker extends AdvertisedBroker {
  readonly rack?: string | null;
}

// The answer's shape is src's; the bytes below are written from the protocol, not by src's encoders.
export type MetadataPartitionBody = MetadataPartition;
export type MetadataTopicBody = MetadataTopic;

/** A Metadata v4 response, field by field. */
export interface MetadataBody {
  readonly throttleTimeMs?: number;
  readonly brokers: readonly MetadataBroker[];
  readonly clusterId: string | null;
  readonly controllerId: number;
  readonly topics: readonly MetadataTopicBody[];
}

/**
 * A Metadata v4 response body as a broker writes it (header and body, no size prefix): these
 * brokers, all in `rack`, no cluster id, the first broker as controller and no topics.
 */
export function metadataResponse(correlationId: number, brokers: readonly AdvertisedBroker[], rack: string | null = null): Buffer {
  return encodeMetadata(correlationId, {
    brokers: brokers.map((broker) => ({ ...broker, rack })),
    clusterId: null,
    controllerId: brokers[0]?.nodeId ?? -1,
    topics: [],
  });
}

/**
 * Metadata v4: correlation_id | throttle_time_ms | brokers[node_id, host, port, rack?] |
 * cluster_id? | controller_id | topics[error_code, name, is_internal, partitions[error_code,
 * partition_index, leader_id, replica_nodes[], isr_nodes[]]].
 */
export function encodeMetadata(correlationId: number, body: MetadataBody): Buffer {
  return Buffer.concat([
    int32(correlationId),
    int32(body.throttleTimeMs ?? 0),
    array(body.brokers, (broker) => [int32(broker.nodeId), string(broker.host), int32(broker.port), nullableString(broker.rack ?? null)]),
    nullableString(body.clusterId),
    int32(body.controllerId),
    array(body.topics, (topic) => [
      int16(topic.errorCode),
      string(topic.name),
      int8(topic.internal ? 1 : 0),
      array(topic.partitions, (partition) => [
        int16(partition.errorCode),
        int32(partition.partition),
        int32(partition.leader),
        array(partition.replicas, (id) => [int32(id)]),
        array(partition.isr, (id) => [int32(id)]),
      ]),
    ]),
  ]);
}

export interface ConfigSynonymBody {
  readonly name: string;
  readonly value: string | null;
  readonly source: number;
}

export interface ConfigEntryBody {
  readonly name: string;
  readonly value: string | null;
  readonly readOnly?: boolean;
  /** 1 DYNAMIC_TOPIC_CONFIG (set on the topic itself), 4 STATIC_BROKER_CONFIG, 5 DEFAULT_CONFIG, … */
  readonly source: number;
  readonly sensitive?: boolean;
  readonly synonyms?: readonly ConfigSynonymBody[];
}

export interface ConfigsResultBody {
  readonly errorCode: number;
  readonly errorMessage: string | null;
  /** 2 for a topic. */
  readonly resourceType?: number;
  readonly resourceName: string;
  readonly configs: readonly ConfigEntryBody[];
}

/**
 * DescribeConfigs v1: correlation_id | throttle_time_ms | results[error_code, error_message?,
 * resource_type, resource_name, configs[name, value?, read_only, config_source, is_sensitive,
 * synonyms[name, value?, source]]].
 */
export function encodeDescribeConfigs(correlationId: number, results: readonly ConfigsResultBody[], throttleTimeMs = 0): Buffer {
  return Buffer.concat([
    int32(correlationId),
    int32(throttleTimeMs),
    array(results, (result) => [
      int16(result.errorCode),
      nullableString(result.errorMessage),
      int8(result.resourceType ?? 2),
      string(result.resourceName),
      array(result.configs, (entry) => [
        string(entry.name),
        nullableString(entry.value),
        int8(entry.readOnly ? 1 : 0),
        int8(entry.source),
        int8(entry.sensitive ? 1 : 0),
        array(entry.synonyms ?? [], (synonym) => [string(synonym.name), nullableString(synonym.value), int8(synonym.source)]),
      ]),
    ]),
  ]);
}

/** The response with its int32 size prefix, as it goes over the socket. */
export function sizePrefixed(response: Buffer): Buffer {
  return Buffer.concat([int32(response.length), response]);
}

const int8 = (value: number) => Buffer.from([value & 0xff]);
const int16 = (value: number) => Buffer.from([(value >> 8) & 0xff, value & 0xff]);
const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
};
const string = (value: string) => Buffer.concat([int16(Buffer.byteLength(value)), Buffer.from(value)]);
const nullableString = (value: string | null) => (value === null ? int16(-1) : string(value));
const array = <T>(items: readonly T[], encode: (item: T) => Buffer[]) => Buffer.concat([int32(items.length), ...items.flatMap(encode)]);

/** Reads a request back field by field, as a broker would. */
export class RequestReader {
  private offset = 0;
  constructor(private readonly bytes: Buffer) {}
  /** The bytes not read yet. */
  get rest(): Buffer {
    return this.bytes.subarray(this.offset);
  }
  int8 = () => this.bytes.readInt8(this.step(1));
  int16 = () => this.bytes.readInt16BE(this.step(2));
  int32 = () => this.bytes.readInt32BE(this.step(4));
  string = () => {
    const length = this.int16();
    return this.bytes.toString('utf8', this.step(length), this.offset);
  };
  /** An array's items, or null for count -1. */
  array = <T>(item: () => T): T[] | null => {
    const count = this.int32();
    return count === -1 ? null : Array.from({ length: count }, item);
  };
  private step(length: number): number {
    this.offset += length;
    return this.offset - length;
  }
}

/** A whole request's size prefix and header v1 (api key, version, correlation id, client id); the reader stands at the body. */
export function readHeader(request: Buffer) {
  const reader = new RequestReader(request);
  const header = { size: reader.int32(), apiKey: reader.int16(), apiVersion: reader.int16(), correlationId: reader.int32(), clientId: reader.string() };
  return { header, reader };
}
