import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  advertisedBrokers,
  describeConfigsRequest,
  metadataRequest,
  parseDescribeConfigs,
  parseMetadata,
  printfEscaped,
  WireError,
  type ConfigsAnswer,
  type MetadataAnswer,
} from '../../../src/kafka/metadata-wire.js';
import { encodeDescribeConfigs, encodeMetadata, metadataResponse, readHeader, type ConfigsResultBody, type MetadataBody } from './metadata-response.js';

const int8 = fc.integer({ min: -128, max: 127 });
const int16 = fc.integer({ min: -32_768, max: 32_767 });
const int32 = fc.integer();
/** Any Unicode text a broker could send: host names, topic names, config values, error messages. */
const text = (maxLength = 12) => fc.string({ unit: 'grapheme', maxLength });

const anyMetadata: fc.Arbitrary<MetadataBody> = fc.record({
  throttleTimeMs: int32,
  brokers: fc.array(fc.record({ nodeId: int32, host: text(), port: int32, rack: fc.option(text(), { nil: null }) }), { maxLength: 5 }),
  clusterId: fc.option(text(22), { nil: null }),
  controllerId: int32,
  topics: fc.array(
    fc.record({
      errorCode: int16,
      name: text(),
      internal: fc.boolean(),
      partitions: fc.array(
        fc.record({ errorCode: int16, partition: int32, leader: int32, replicas: fc.array(int32, { maxLength: 5 }), isr: fc.array(int32, { maxLength: 5 }) }),
        { maxLength: 4 },
      ),
    }),
    { maxLength: 4 },
  ),
});

/** What parseMetadata keeps of a response: all but the throttle time and the racks. */
const metadataAnswerOf = ({ brokers, clusterId, controllerId, topics }: MetadataBody): MetadataAnswer => ({
  brokers: brokers.map(({ nodeId, host, port }) => ({ nodeId, host, port })),
  clusterId,
  controllerId,
  topics,
});

const anySynonym = fc.record({ name: text(), value: fc.option(text(), { nil: null }), source: int8 });
const anyConfigs: fc.Arbitrary<ConfigsResultBody[]> = fc.array(
  fc.record({
    errorCode: int16,
    errorMessage: fc.option(text(30), { nil: null }),
    resourceType: int8,
    resourceName: text(),
    configs: fc.array(
      fc.record({
        name: text(),
        value: fc.option(text(), { nil: null }),
        readOnly: fc.boolean(),
        source: int8,
        sensitive: fc.boolean(),
        synonyms: fc.array(anySynonym, { maxLength: 3 }),
      }),
      { maxLength: 5 },
    ),
  }),
  { maxLength: 4 },
);

/** What parseDescribeConfigs keeps of a response: per resource its error and name, per setting its name, value and source. */
const configsAnswerOf = (results: readonly ConfigsResultBody[]): ConfigsAnswer[] =>
  results.map(({ errorCode, errorMessage, resourceName, configs }) => ({
    errorCode,
    errorMessage,
    resourceName,
    configs: configs.map(({ name, value, source }) => ({ name, value, source })),
  }));

describe('metadataRequest', () => {
  test('is a size-prefixed Metadata v4 request with header v1 and no topics', () => {
    const request = metadataRequest(7);
    expect(request.readInt32BE(0)).toBe(request.length - 4);
    expect([request.readInt16BE(4), request.readInt16BE(6), request.readInt32BE(8)]).toEqual([3, 4, 7]);
    const clientLength = request.readInt16BE(12);
    expect(request.toString('utf8', 14, 14 + clientLength)).toBe('kafka-dev');
    // An empty topic array (not null, which would ask for every topic), then allow_auto_topic_creation false.
    expect([...request.subarray(14 + clientLength)]).toEqual([0, 0, 0, 0, 0]);
  });

  test("'all' asks for every topic with a null topic array (count -1), and never creates one", () => {
    const { header, reader } = readHeader(metadataRequest(42, 'all'));
    expect(header).toEqual({ size: metadataRequest(42, 'all').length - 4, apiKey: 3, apiVersion: 4, correlationId: 42, clientId: 'kafka-dev' });
    expect([...reader.rest]).toEqual([0xff, 0xff, 0xff, 0xff, 0]);
  });

  test('named topics are written as an array of their names, then allow_auto_topic_creation false', () => {
    const { reader } = readHeader(metadataRequest(1, ['a', 'b']));
    expect([...reader.rest]).toEqual([0, 0, 0, 2, 0, 1, 0x61, 0, 1, 0x62, 0]);
  });

  test('any correlation id and list of names is read back by a broker as written', () => {
    fc.assert(
      fc.property(int32, fc.array(text(), { maxLength: 6 }), (correlationId, names) => {
        const request = metadataRequest(correlationId, names);
        const { header, reader } = readHeader(request);
        expect(header).toEqual({ size: request.length - 4, apiKey: 3, apiVersion: 4, correlationId, clientId: 'kafka-dev' });
        expect(reader.array(reader.string)).toEqual(names);
        expect(reader.int8()).toBe(0);
        expect(reader.rest.length).toBe(0);
      }),
    );
  });

  test('printfEscaped writes every byte as \\xNN', () => {
    expect(printfEscaped(Buffer.from([0, 3, 255]))).toBe('\\x00\\x03\\xff');
  });
});

describe('describeConfigsRequest', () => {
  test('is a size-prefixed DescribeConfigs v1 request with header v1', () => {
    const request = describeConfigsRequest(9, ['orders']);
    expect(readHeader(request).header).toEqual({ size: request.length - 4, apiKey: 32, apiVersion: 1, correlationId: 9, clientId: 'kafka-dev' });
  });

  test('asks for every key (null configuration_keys) of each topic (resource type 2), without synonyms', () => {
    const { reader } = readHeader(describeConfigsRequest(9, ['orders', 'payments']));
    const resources = reader.array(() => ({ type: reader.int8(), name: reader.string(), keys: reader.array(reader.string) }));
    expect(resources).toEqual([
      { type: 2, name: 'orders', keys: null },
      { type: 2, name: 'payments', keys: null },
    ]);
    expect(reader.int8()).toBe(0); // include_synonyms
    expect(reader.rest.length).toBe(0);
  });
});

describe('parseMetadata', () => {
  test('reads back any Metadata v4 response: brokers, cluster id or none, controller, topics with partitions, replicas, ISR and error codes', () => {
    fc.assert(
      fc.property(anyMetadata, int32, (body, correlationId) => {
        expect(parseMetadata(encodeMetadata(correlationId, body), correlationId)).toEqual(metadataAnswerOf(body));
      }),
    );
  });

  test('a reply cut off anywhere is a WireError, never an answer', () => {
    fc.assert(
      fc.property(anyMetadata, fc.nat(), (body, cut) => {
        const reply = encodeMetadata(3, body);
        expect(() => parseMetadata(reply.subarray(0, cut % reply.length), 3)).toThrow(WireError);
      }),
    );
  });

  test('a reply to another request is a WireError naming the correlation id it answers', () => {
    fc.assert(
      fc.property(anyMetadata, int32, int32, (body, answered, asked) => {
        fc.pre(answered !== asked);
        expect(() => parseMetadata(encodeMetadata(answered, body), asked)).toThrow(new WireError(`the reply is not to this request (correlation id ${answered})`));
      }),
    );
  });

  test('bytes after the end of the response are a WireError', () => {
    fc.assert(
      fc.property(anyMetadata, fc.uint8Array({ minLength: 1, maxLength: 16 }), (body, garbage) => {
        const reply = Buffer.concat([encodeMetadata(3, body), garbage]);
        expect(() => parseMetadata(reply, 3)).toThrow(WireError);
      }),
    );
  });

  test('an HTTP answer is a WireError', () => {
    expect(() => parseMetadata(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n'), 7)).toThrow(WireError);
  });
});

describe('parseDescribeConfigs', () => {
  test('reads back any DescribeConfigs v1 response: errors, settings with null values, any source, synonyms skipped', () => {
    fc.assert(
      fc.property(anyConfigs, int32, int32, (results, correlationId, throttle) => {
        expect(parseDescribeConfigs(encodeDescribeConfigs(correlationId, results, throttle), correlationId)).toEqual(configsAnswerOf(results));
      }),
    );
  });

  test('a reply cut off anywhere, to another request, or with bytes left over is a WireError', () => {
    fc.assert(
      fc.property(anyConfigs, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }), (results, cut, garbage) => {
        const reply = encodeDescribeConfigs(5, results);
        expect(() => parseDescribeConfigs(reply.subarray(0, cut % reply.length), 5)).toThrow(WireError);
        expect(() => parseDescribeConfigs(reply, 6)).toThrow(new WireError('the reply is not to this request (correlation id 5)'));
        expect(() => parseDescribeConfigs(Buffer.concat([reply, garbage]), 5)).toThrow(WireError);
      }),
    );
  });
});

describe('advertisedBrokers', () => {
  test('reads the brokers of a reply captured from Kafka 4.1', () => {
    const reply = Buffer.from('0000000700000000000000010000000100056b61666b6100002385ffff00163847726d6d36544d4b692d306b4831425865584459770000000100000000', 'hex');
    expect(advertisedBrokers(reply, 7)).toEqual([{ nodeId: 1, host: 'kafka', port: 9093 }]);
  });

  test('the captured Kafka 4.1 reply is what the test encoder writes for it, so the encoder speaks Kafka', () => {
    const captured = '0000000700000000000000010000000100056b61666b6100002385ffff00163847726d6d36544d4b692d306b4831425865584459770000000100000000';
    const encoded = encodeMetadata(7, { brokers: [{ nodeId: 1, host: 'kafka', port: 9093, rack: null }], clusterId: '8Grmm6TMKi-0kH1BXeXDYw', controllerId: 1, topics: [] });
    expect(encoded.toString('hex')).toBe(captured);
  });

  test('reads back any broker list, with or without racks', () => {
    const broker = fc.record({ nodeId: fc.integer({ min: 0, max: 2 ** 31 - 1 }), host: fc.string({ maxLength: 60 }), port: fc.integer({ min: 1, max: 65_535 }) });
    fc.assert(
      fc.property(fc.array(broker, { maxLength: 8 }), fc.option(fc.string({ maxLength: 10 })), fc.integer(), (brokers, rack, correlationId) => {
        expect(advertisedBrokers(metadataResponse(correlationId, brokers, rack), correlationId)).toEqual(brokers);
      }),
    );
  });

  test('a reply to another request, a cut-off reply or bytes that are not Kafka are errors, never a broker list', () => {
    const reply = metadataResponse(7, [{ nodeId: 1, host: 'kafka', port: 9093 }]);
    expect(advertisedBrokers(reply, 8)).toEqual(new Error('the reply is not to this request (correlation id 7)'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: reply.length - 11 }), (length) => {
        expect(advertisedBrokers(reply.subarray(0, length), 7)).toBeInstanceOf(Error);
      }),
    );
    expect(advertisedBrokers(Buffer.from('HTTP/1.1 400 Bad Request\r\n'), 7)).toBeInstanceOf(Error);
  });
});
