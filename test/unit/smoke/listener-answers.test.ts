import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import { composeLabel, networkName, projectLabels } from '../../../src/engine/labels.js';
import type { ContainerSummary } from '../../../src/engine/runtime.js';
import type { AdvertisedBroker } from '../../../src/kafka/metadata-wire.js';
import { askMetadata, listenerAnswers } from '../../../src/smoke/listener-answers.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';
import { metadataResponse } from '../kafka/metadata-response.js';

const project = 'unit-answers';
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close().unref();
});

/** A stand-in listener on 127.0.0.1 that answers one Metadata request with `brokers` (a function of its own port). */
async function listener(brokers: (port: number) => AdvertisedBroker[]): Promise<number> {
  const server = createServer((socket) => {
    socket.once('data', (request) => {
      const body = metadataResponse(request.readInt32BE(8), brokers((server.address() as AddressInfo).port));
      const size = Buffer.alloc(4);
      size.writeInt32BE(body.length);
      // In two writes, as a reply split over TCP segments arrives.
      socket.write(Buffer.concat([size, body.subarray(0, 5)]));
      setTimeout(() => socket.write(body.subarray(5)), 5);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function engineWith(config: ReturnType<typeof parseConfig>, address: string | undefined) {
  const container: ContainerSummary = {
    id: 'kafka',
    name: `${project}-kafka-1`,
    image: config.images.kafka,
    state: 'running',
    status: 'Up',
    labels: { ...projectLabels(project), [composeLabel.service]: 'kafka' },
    ports: [],
    addresses: address ? { [networkName(project)]: address } : {},
  };
  return Object.assign(new FakeRuntime(), { listContainers: async () => [container] });
}

const configFor = (outside: number, inside: number) =>
  parseConfig({ listeners: { outside: { host: '127.0.0.1', port: outside }, inside: { port: inside } } }, { source: 'test', defaultName: project, env: {} });

describe('listenerAnswers', () => {
  test('both listeners, asked from the host, list every broker at their own address', async () => {
    const outside = await listener((port) => [{ nodeId: 1, host: '127.0.0.1', port }]);
    const inside = await listener((port) => [{ nodeId: 1, host: 'kafka', port }]);
    const found = await listenerAnswers(configFor(outside, inside), engineWith(configFor(outside, inside), '127.0.0.1'));
    expect(found).toEqual({ outside: { answered: [`127.0.0.1:${outside}`], problems: [] }, inside: { answered: [`kafka:${inside}`], problems: [] } });
  });

  test('a listener that advertises another address fails, naming what it advertises', async () => {
    const outside = await listener(() => [{ nodeId: 1, host: 'kafka', port: 9092 }]);
    const inside = await listener((port) => [{ nodeId: 1, host: 'kafka', port }]);
    const found = await listenerAnswers(configFor(outside, inside), engineWith(configFor(outside, inside), '127.0.0.1'));
    expect(found.outside.problems.map((problem) => problem.problem)).toEqual([`127.0.0.1:${outside}: advertises kafka:9092, without 127.0.0.1:${outside}`]);
  });

  test('INSIDE is unreachable when the host cannot ask the container (no address on the network, or nothing answers there)', async () => {
    const outside = await listener((port) => [{ nodeId: 1, host: '127.0.0.1', port }]);
    const config = configFor(outside, 1);
    expect((await listenerAnswers(config, engineWith(config, undefined))).inside).toBe('unreachable');
    expect((await listenerAnswers(config, engineWith(config, '127.0.0.1'))).inside).toBe('unreachable');
  });
});

describe('askMetadata', () => {
  test('nothing listening, or a peer that closes without a reply, is an error', async () => {
    expect(await askMetadata('127.0.0.1', 1, 1000)).toBeInstanceOf(Error);
    const server = createServer((socket) => socket.end());
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    expect(await askMetadata('127.0.0.1', (server.address() as AddressInfo).port, 1000)).toEqual(new Error('the connection closed before the reply'));
  });
});
