import { describe, expect, test } from 'vitest';
import { configFromChoices, problemAt } from '../../../src/init/choices.js';
import { parseTopicSpec } from '../../../src/init/topic-spec.js';

describe('parseTopicSpec', () => {
  test.each([
    { spec: 'orders', topic: { name: 'orders' } },
    { spec: 'orders:6', topic: { name: 'orders', partitions: 6 } },
    { spec: ' orders:6:3 ', topic: { name: 'orders', partitions: 6, replicationFactor: 3 } },
    { spec: 'users:1:1:compact', topic: { name: 'users', partitions: 1, replicationFactor: 1, config: { 'cleanup.policy': 'compact' } } },
    { spec: 'orders:six', topic: { name: 'orders', partitions: 'six' } },
    { spec: 'orders:0x3:1e0', topic: { name: 'orders', partitions: '0x3', replicationFactor: '1e0' } },
  ])('reads $spec', ({ spec, topic }) => {
    expect(parseTopicSpec(spec)).toEqual(topic);
  });
});

describe('configFromChoices', () => {
  test('turns flag and prompt text into config fields, numbers as numbers', () => {
    expect(configFromChoices({ name: 'shop', mode: 'zookeeper', brokers: '3', port: 19092, zookeeperPort: '12181', topics: ['orders:3'] })).toEqual({
      name: 'shop',
      mode: 'zookeeper',
      brokers: 3,
      listeners: { outside: { port: 19092 } },
      zookeeper: { port: 12181 },
      topics: [{ name: 'orders', partitions: 3 }],
    });
  });

  test.each([' 3', '3.0', '0x3', '1e0', ''])('keeps %j as text, for the schema to name the mistake', (brokers) => {
    expect(configFromChoices({ brokers })).toEqual({ brokers });
  });

  test('leaves out what was not chosen, and the ZooKeeper port in KRaft mode', () => {
    expect(configFromChoices({ mode: 'kraft', zookeeperPort: 2181 })).toEqual({ mode: 'kraft' });
  });
});

describe('problemAt', () => {
  test.each([
    { config: { brokers: 12 }, path: 'brokers', problem: 'got 12, expected at most 9 brokers' },
    { config: { listeners: { outside: { port: 'abc' } } }, path: 'listeners.outside.port', problem: "got 'abc', expected a port number" },
    { config: { brokers: 1, topics: [{ name: 'a', replicationFactor: 2 }] }, path: 'topics', problem: 'got 2, but the cluster has 1 broker; expected at most 1 (or raise \'brokers\')' },
    { config: { brokers: 3 }, path: 'brokers', problem: undefined },
  ])('$path of $config: $problem', ({ config, path, problem }) => {
    expect(problemAt(config, path)).toBe(problem);
  });
});
