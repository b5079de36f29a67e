import { describe, expect, test } from 'vitest';
import { checkTopicRequest } from '../../../src/config/check-topic.js';
import { checkTopicSettings } from '../../../src/model/topic-settings.js';

describe('checkTopicRequest', () => {
  test('a valid request comes back with defaults filled in', () => {
    expect(checkTopicRequest({ name: 'orders.v1', partitions: '3', config: { 'retention.ms': 1000 } }, 1)).toEqual({
      topic: { name: 'orders.v1', partitions: 3, replicationFactor: 1, config: { 'retention.ms': 1000 } },
      issues: [],
    });
  });

  test.each([
    { name: 'bad/name', path: 'name', message: "got 'bad/name', expected 1 to 249 characters from a-z, A-Z, 0-9, '.', '_' and '-'" },
    { name: '..', path: 'name', message: "got '..', which Kafka reserves; expected another name" },
    { name: 'x'.repeat(250), path: 'name', message: `got '${'x'.repeat(72)}…' (250 characters), expected 1 to 249 characters from a-z, A-Z, 0-9, '.', '_' and '-'` },
  ])('the name $name is refused', ({ name, path, message }) => {
    expect(checkTopicRequest({ name }, 1).issues).toEqual([{ path, message }]);
  });

  test('every problem is reported at once: counts, replication factor over the broker count, settings', () => {
    const { issues } = checkTopicRequest(
      {
        name: 'orders',
        partitions: 'three',
        replicationFactor: 3,
        config: { 'retention.msx': 1, 'segment.ms': 'soon', preallocate: 'yes', 'cleanup.policy': 'compact,archive', 'min.cleanable.dirty.ratio': 'half' },
      },
      2,
    );
    expect(issues).toEqual([
      { path: '--partitions', message: "got 'three', expected a whole number of at least 1" },
      { path: '--replication-factor', message: 'got 3, but the cluster has 2 brokers; expected at most 2' },
      { path: '--config retention.msx', message: "unknown topic setting; did you mean 'retention.ms'? (Kafka 3.9 topic settings)" },
      { path: '--config segment.ms', message: "got 'soon', expected a whole number" },
      { path: '--config preallocate', message: "got 'yes', expected true or false" },
      { path: '--config cleanup.policy', message: "got 'compact,archive', expected a comma-separated list of: compact, delete" },
      { path: '--config min.cleanable.dirty.ratio', message: "got 'half', expected a number" },
    ]);
  });
});

describe('checkTopicRequest against the Kafka the config runs', () => {
  const kraft = { mode: 'kraft', images: { kafka: 'apache/kafka:4.1.1', zookeeper: 'confluentinc/cp-zookeeper:7.9.1', flavor: 'apache' } } as const;

  test("a setting Kafka 4 dropped is refused for a KRaft cluster on Kafka 4, and accepted on 3.9", () => {
    const request = { name: 'a', config: { 'message.downconversion.enable': 'true' } };
    expect(checkTopicRequest(request, 1, kraft).issues).toEqual([
      { path: '--config message.downconversion.enable', message: 'exists in Kafka 3.9 but not in 4.4, which this config runs (see images.kafka, kafkaVersion and mode); remove it, or run a Kafka version that has it' },
    ]);
    expect(checkTopicRequest(request, 1).issues).toEqual([]);
  });

  test("values out of Kafka's range, and min.insync.replicas above the broker count, are refused", () => {
    expect(checkTopicRequest({ name: 'a', config: { 'segment.bytes': 14, 'min.insync.replicas': 2 } }, 1, kraft).issues).toEqual([
      { path: '--config segment.bytes', message: 'got 14, expected a whole number from 1048576 to 2147483647' },
      { path: '--config min.insync.replicas', message: 'got 2, but the cluster has 1 broker; expected at most 1, or every write with acks=all fails' },
    ]);
  });
});

describe('checkTopicSettings', () => {
  test('accepts every type in its own form, and whole numbers within their range', () => {
    expect(
      checkTopicSettings({
        'retention.ms': -1,
        'max.message.bytes': '2147483647',
        'min.cleanable.dirty.ratio': 0.5,
        'unclean.leader.election.enable': false,
        'compression.type': 'zstd',
        'cleanup.policy': 'compact, delete',
        'leader.replication.throttled.replicas': '*',
      }),
    ).toEqual([]);
    expect(checkTopicSettings({ 'max.message.bytes': '2147483648' })).toEqual([
      { path: 'max.message.bytes', message: "got '2147483648', expected a whole number from 0 to 2147483647" },
    ]);
  });
});
