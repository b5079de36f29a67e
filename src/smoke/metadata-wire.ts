/**
 * One Kafka Metadata request (v4, no topics) as bytes, and the broker list of its response, so a
 * container with nothing but bash can ask a listener what it advertises, and kafka-dev can read
 * the answer. Version 4 is understood by every broker from Kafka 1.0 to 4.x (KIP-896 kept it).
 */

import { hostAndPort } from '../model/cluster.js';

const metadataApiKey = 3;
const metadataVersion = 4;
const clientId = 'kafka-dev-smoke';

export interface AdvertisedBroker {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}

/** The whole request, size prefix included: header v1, then an empty topic array and no auto-creation. */
export function metadataRequest(correlationId: number): Buffer {
  const client = Buffer.from(clientId, 'utf8');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + client.length + 4 + 1);
  let offset = body.writeInt16BE(metadataApiKey, 0);
  offset = body.writeInt16BE(metadataVersion, offset);
  offset = body.writeInt32BE(correlationId, offset);
  offset = body.writeInt16BE(client.length, offset);
  offset += client.copy(body, offset);
  offset = body.writeInt32BE(0, offset);
  body.writeInt8(0, offset);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

/** The request as a printf format (`\xNN` per byte), for a shell that writes it to a socket. */
export const printfEscaped = (bytes: Buffer): string => [...bytes].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('');

/**
 * The brokers of a Metadata v4 response (without its size prefix), or an error saying what is
 * wrong with the bytes: a reply that is not Kafka's, or not to this request, is no proof.
 */
export function advertisedBrokers(response: Buffer, correlationId: number): AdvertisedBroker[] | Error {
  try {
    if (response.readInt32BE(0) !== correlationId) return new Error(`the reply is not to this request (correlation id ${response.readInt32BE(0)})`);
    // Header (correlation id), then the body: throttle time, the broker array.
    let offset = 8;
    const count = response.readInt32BE(offset);
    offset += 4;
    if (count < 0 || count > 10_000) return new Error(`the reply lists ${count} brokers`);
    const brokers: AdvertisedBroker[] = [];
    for (let index = 0; index < count; index++) {
      const nodeId = response.readInt32BE(offset);
      const hostLength = response.readInt16BE(offset + 4);
      const host = response.toString('utf8', offset + 6, offset + 6 + hostLength);
      offset += 6 + hostLength;
      const port = response.readInt32BE(offset);
      const rackLength = response.readInt16BE(offset + 4);
      offset += 6 + Math.max(rackLength, 0);
      if (offset > response.length) throw new RangeError('truncated');
      brokers.push({ nodeId, host, port });
    }
    return brokers;
  } catch {
    return new Error(`the reply is not a Kafka Metadata response (${response.length} bytes)`);
  }
}

/** What is wrong with a reply that should list every one of `expected` (`host:port`), or nothing. */
export function advertisingProblem(expected: readonly string[], brokers: readonly AdvertisedBroker[]): string | undefined {
  const advertised = brokers.map((broker) => hostAndPort(broker));
  const missing = expected.filter((address) => !advertised.includes(address));
  return missing.length > 0 ? `advertises ${advertised.join(', ') || 'no brokers'}, without ${missing.join(', ')}` : undefined;
}
