import { describe, expect, test } from 'vitest';
import { topicShape } from '../../../src/model/topic-shape.js';

describe('topicShape', () => {
  test('states partitions in words that agree with the count, then the replication factor', () => {
    expect(topicShape({ partitions: 1, replicationFactor: 1 })).toBe('1 partition, replication factor 1');
    expect(topicShape({ partitions: 3, replicationFactor: 2 })).toBe('3 partitions, replication factor 2');
  });

  test('adds each setting given as key=value', () => {
    expect(topicShape({ partitions: 2, replicationFactor: 1, config: { 'retention.ms': 3_600_000, 'cleanup.policy': 'compact' } })).toBe(
      '2 partitions, replication factor 1, retention.ms=3600000, cleanup.policy=compact',
    );
  });
});
