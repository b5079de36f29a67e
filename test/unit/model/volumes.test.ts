import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import type { UserConfig } from '../../../src/model/types.js';
import { buildStackModel } from '../../../src/model/stack.js';

const volumesByNode = (user: UserConfig) => {
  const model = buildStackModel(parseConfig(user, { source: 'test', defaultName: 'demo', env: {} }));
  return Object.fromEntries(model.services.map((service) => [service.node?.id ?? service.name, service.volumes.map((mount) => mount.volume)]));
};

/** A node keeps its volume, and so its data, whatever else about the stack changes. */
describe('data volumes', () => {
  test('are keyed by node id, not by service name', () => {
    expect(volumesByNode({ brokers: 2 })).toEqual({
      zookeeper: ['zookeeper-data', 'zookeeper-log'],
      1: ['broker-1-data'],
      2: ['broker-2-data'],
    });
    expect(volumesByNode({ mode: 'kraft', brokers: 1, controllers: 2 })).toEqual({
      101: ['controller-101-data'],
      102: ['controller-102-data'],
      1: ['broker-1-data'],
    });
  });

  test.each<[string, UserConfig]>([
    ['three brokers', { brokers: 3 }],
    ['another INSIDE host', { listeners: { inside: { host: 'broker', port: 29092 } } }],
    ['other ports', { listeners: { outside: { port: 19092 } } }],
    ['another image', { images: { kafka: 'confluentinc/cp-kafka:7.8.0' } }],
  ])('broker 1 keeps its volume with %s', (_, change) => {
    expect(volumesByNode(change)[1]).toEqual(volumesByNode({})[1]);
  });

  test('a KRaft node keeps its volume when dedicated controllers are added', () => {
    expect(volumesByNode({ mode: 'kraft', brokers: 3, controllers: 3 })[2]).toEqual(volumesByNode({ mode: 'kraft', brokers: 3 })[2]);
  });
});
