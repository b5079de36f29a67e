import type { AdvertisedBroker } from '../../../src/kafka/metadata-wire.js';

/** A Metadata v4 response body as a broker writes it (header and body, no size prefix). */
export function metadataResponse(correlationId: number, brokers: readonly AdvertisedBroker[], rack: string | null = null): Buffer {
  const parts = [int32(correlationId), int32(0), int32(brokers.length)];
  for (const broker of brokers) parts.push(int32(broker.nodeId), string(broker.host), int32(broker.port), rack === null ? int16(-1) : string(rack));
  parts.push(int16(-1), int32(brokers[0]?.nodeId ?? -1), int32(0));
  return Buffer.concat(parts);
}
const int16 = (value: number) => Buffer.from([(value >> 8) & 0xff, value & 0xff]);
const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
};
const string = (value: string) => Buffer.concat([int16(Buffer.byteLength(value)), Buffer.from(value)]);
