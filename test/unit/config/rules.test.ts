import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../../../src/config/parse.js';
import { ConfigError } from '../../../src/base/errors.js';
import { renderCompose } from '../../../src/compose/render.js';
import type { UserConfig } from '../../../src/model/types.js';

const parse = (raw: unknown) => parseConfig(raw, { source: 'kafka-dev.config.ts', defaultName: 'demo', env: {} });

/** The config's issues as `path: message` lines; fails when the config is accepted. */
function refusal(raw: unknown): string[] {
  try {
    parse(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
}

describe('every generated service, host and volume name is unique, whatever the inside host is', () => {
  test.each<[string, UserConfig, string]>([
    ['a broker named like the single controller', { mode: 'kraft', controllers: 1, listeners: { inside: { host: 'controller' } } }, "broker 1 would take the name 'controller', which is controller 101's name"],
    ['brokers named like three controllers', { mode: 'kraft', controllers: 3, brokers: 2, listeners: { inside: { host: 'controller' } } }, "broker 1 would take the name 'controller-1', which is controller 101's name"],
    ['a broker named like ZooKeeper', { listeners: { inside: { host: 'zookeeper' } } }, "broker 1 would take the name 'zookeeper', which is the ZooKeeper service's name"],
    ['a broker name longer than a DNS label', { brokers: 2, listeners: { inside: { host: 'k'.repeat(62) } } }, `broker 1 would be named '${'k'.repeat(62)}-1', which is not a DNS label of at most 63 characters`],
  ])('%s', (_, config, expected) => {
    expect(refusal(config).join('\n')).toContain(`listeners.inside.host: got '${config.listeners!.inside!.host!}': ${expected}`);
  });

  test.each<[string, UserConfig]>([
    ['ZooKeeper names in KRaft mode, where there is no ZooKeeper', { mode: 'kraft', listeners: { inside: { host: 'zookeeper' }, outside: { port: 2181 } } }],
    ['a broker called kafka-1 with several brokers', { brokers: 3, listeners: { inside: { host: 'kafka-1' } } }],
    ['controller-like broker names beside dedicated controllers', { mode: 'kraft', controllers: 1, brokers: 2, listeners: { inside: { host: 'controller' } } }],
  ])('accepts %s', (_, config) => {
    expect(() => parse(config)).not.toThrow();
  });
});

describe('listener addresses', () => {
  test.each<[string, string, string]>([
    ['::1', '127.0.0.1', "listeners.outside.bind: got '127.0.0.1', but clients are sent to '::1' (listeners.outside.host), where nothing would be published; expected '::1' or '::'"],
    ['::1', '0.0.0.0', "listeners.outside.bind: got '0.0.0.0', but clients are sent to '::1' (listeners.outside.host), where nothing would be published; expected '::1' or '::'"],
  ])('an IPv6 OUTSIDE host %s published on %s is refused', (host, bind, expected) => {
    expect(refusal({ listeners: { outside: { host, bind } } })).toEqual([expected]);
  });

  test('an IPv6 OUTSIDE host is advertised, and an IPv6 bind published, in brackets', () => {
    const compose = parseYaml(renderCompose(parse({ listeners: { outside: { host: '::1', bind: '::' } } })));
    expect(compose.services.kafka.ports).toEqual(['[::]:9092:9092']);
    expect(compose.services.kafka.environment.KAFKA_ADVERTISED_LISTENERS).toBe('INSIDE://kafka:9093,OUTSIDE://[::1]:9092');
  });
});

describe('heap sizes are a JVM size from 64m to 64g', () => {
  test.each(['99999g', '0m', '1k', '63m', '65g'])('%s is refused', (size) => {
    expect(refusal({ heap: { kafka: size } })).toEqual([`heap.kafka: got '${size}', expected a heap from 64m to 64g`]);
  });
  test.each(['64m', '512M', '1g', '64g', '65536k'])('%s is accepted', (size) => {
    expect(parse({ heap: { kafka: size, zookeeper: size } }).heap.kafka).toBe(size);
  });
});

describe('broker settings are checked against the Kafka the config runs', () => {
  test.each<[string, UserConfig, string]>([
    ['a typo', { brokerConfig: { 'log.retention.hourz': 1 } }, "brokerConfig.log.retention.hourz: unknown broker setting; did you mean 'log.retention.hours'? (Kafka 3.9 broker settings)"],
    ['a dash for a dot', { brokerConfig: { 'advertised-listeners': 'x' } }, "brokerConfig.advertised-listeners: unknown broker setting; did you mean 'advertised.listeners'? (Kafka 3.9 broker settings)"],
    ['text for a number', { brokerConfig: { 'log.retention.hours': 'one' } }, "brokerConfig.log.retention.hours: got 'one', expected a whole number"],
    ['a boolean for a number', { brokerConfig: { 'num.partitions': true } }, 'brokerConfig.num.partitions: got true, expected a whole number'],
    ['a number below its range', { brokerConfig: { 'num.partitions': 0 } }, 'brokerConfig.num.partitions: got 0, expected a whole number from 1 to 2147483647'],
    ['a word not in its list', { brokerConfig: { 'compression.type': 'brotli' } }, "brokerConfig.compression.type: got 'brotli', expected one of: uncompressed, zstd, lz4, snappy, gzip, producer"],
    ['the heap as a setting', { brokerConfig: { 'heap.opts': '-Xmx1g' } }, "brokerConfig.heap.opts: becomes KAFKA_HEAP_OPTS, the JVM heap of the broker; set heap.kafka (e.g. '1g') instead"],
    ['JVM options as a setting', { brokerConfig: { opts: '-Dx=1' } }, 'brokerConfig.opts: becomes KAFKA_OPTS, which the image reads itself (JVM or logging options), not as a broker setting; expected a Kafka broker setting'],
    ['the JMX port as a setting', { brokerConfig: { 'jmx.port': 9999 } }, 'brokerConfig.jmx.port: becomes KAFKA_JMX_PORT, which the image reads itself'],
    ['log4j options as a setting', { brokerConfig: { 'log4j.opts': 'x' } }, 'brokerConfig.log4j.opts: becomes KAFKA_LOG4J_OPTS, which the image reads itself'],
    ['a ZooKeeper setting in KRaft mode', { mode: 'kraft', brokerConfig: { 'zookeeper.session.timeout.ms': 6000 } }, "brokerConfig.zookeeper.session.timeout.ms: exists only in ZooKeeper mode, and this config runs mode 'kraft'"],
    ['a KRaft setting in ZooKeeper mode', { brokerConfig: { 'controller.quorum.election.timeout.ms': 1000 } }, "brokerConfig.controller.quorum.election.timeout.ms: exists only in KRaft mode, and this config runs mode 'zookeeper'"],
    ['a setting Kafka 4 dropped', { mode: 'kraft', brokerConfig: { 'log.message.format.version': '3.0' } }, 'brokerConfig.log.message.format.version: exists in Kafka 3.9 but not in 4.4, which this config runs'],
    ['min.insync.replicas above the broker count', { brokerConfig: { 'min.insync.replicas': 2 } }, 'brokerConfig.min.insync.replicas: got 2, but the cluster has 1 broker; expected at most 1'],
  ])('refuses %s', (_, config, expected) => {
    expect(refusal(config).join('\n')).toContain(expected);
  });

  test('accepts real settings of either version, in their own types, and per-listener ones', () => {
    expect(() => parse({ brokerConfig: { 'log.retention.hours': 1, 'auto.create.topics.enable': 'FALSE', 'log.cleaner.min.cleanable.ratio': 0.3, 'listener.name.inside.ssl.keystore.type': 'PKCS12' } })).not.toThrow();
    expect(() => parse({ mode: 'kraft', brokerConfig: { 'share.coordinator.state.topic.replication.factor': 1, 'group.coordinator.rebalance.protocols': 'classic,consumer' } })).not.toThrow();
  });
});

describe("topic settings and names, by Kafka's own validators", () => {
  test.each<[string, Record<string, string | number | boolean>, string]>([
    ['retention.ms below -1', { 'retention.ms': -5 }, 'retention.ms: got -5, expected a whole number from -1 to 9223372036854775807'],
    ['min.insync.replicas of 0', { 'min.insync.replicas': 0 }, 'min.insync.replicas: got 0, expected a whole number from 1 to 2147483647'],
    ['min.insync.replicas above the broker count', { 'min.insync.replicas': 2 }, 'min.insync.replicas: got 2, but the cluster has 1 broker'],
    ['segment.bytes below 14', { 'segment.bytes': 1 }, 'segment.bytes: got 1, expected a whole number from 14 to 2147483647'],
    ['a dirty ratio above 1', { 'min.cleanable.dirty.ratio': 1.5 }, 'min.cleanable.dirty.ratio: got 1.5, expected a number from 0 to 1'],
  ])('refuses %s', (_, config, expected) => {
    expect(refusal({ topics: [{ name: 'a', config }] })).toEqual([`topics[0].config.${expected}${expected.includes('broker') ? '; expected at most 1, or every write with acks=all fails' : ''}`]);
  });

  test('Kafka 4 has its own topic settings: three fewer, and a larger minimum segment', () => {
    const kraft = (config: Record<string, string | number>) => refusal({ mode: 'kraft', topics: [{ name: 'a', config }] });
    expect(kraft({ 'message.downconversion.enable': 'true' })[0]).toContain('exists in Kafka 3.9 but not in 4.4');
    expect(kraft({ 'segment.bytes': 14 })).toEqual(['topics[0].config.segment.bytes: got 14, expected a whole number from 1048576 to 2147483647']);
  });

  test("topic names that collide once '.' is read as '_' are refused", () => {
    expect(refusal({ topics: [{ name: 'my.topic' }, { name: 'my_topic' }] })).toEqual([
      "topics[1].name: got 'my_topic', which Kafka treats as the same name as 'my.topic' ('.' and '_' collide in its metric names); expected names that differ in more than '.' and '_'",
    ]);
  });
});

test('every problem of a config comes back at once, in field order', () => {
  const paths = refusal({
    listeners: { inside: { host: 'localhost', port: 9092 }, outside: { port: 9092 } },
    zookeeper: { port: 9092 },
    topics: [{ name: 'a.b', replicationFactor: 2 }, { name: 'a_b' }, { name: 'a.b', config: { 'min.insync.replicas': 2 } }],
    brokerConfig: { 'min.insync.replicas': 2 },
  }).map((line) => line.slice(0, line.indexOf(': ')));
  expect(paths).toEqual([
    'listeners.inside.host',
    'listeners.outside.port',
    'zookeeper.port',
    'topics[0].replicationFactor',
    'topics[1].name',
    'topics[2].name',
    'topics[2].config.min.insync.replicas',
    'brokerConfig.min.insync.replicas',
  ]);
});
