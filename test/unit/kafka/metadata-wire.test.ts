import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { advertisedBrokers, metadataRequest, printfEscaped } from '../../../src/kafka/metadata-wire.js';
import { metadataResponse } from './metadata-response.js';

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

  test('printfEscaped writes every byte as \\xNN', () => {
    expect(printfEscaped(Buffer.from([0, 3, 255]))).toBe('\\x00\\x03\\xff');
  });
});

describe('advertisedBrokers', () => {
  test('reads the brokers of a reply captured from Kafka 4.1', () => {
    const reply = Buffer.from('0000000700000000000000010000000100056b61666b6100002385ffff00163847726d6d36544d4b692d306b4831425865584459770000000100000000', 'hex');
    expect(advertisedBrokers(reply, 7)).toEqual([{ nodeId: 1, host: 'kafka', port: 9093 }]);
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
