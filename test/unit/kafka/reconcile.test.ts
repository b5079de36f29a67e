import { describe, expect, test } from 'vitest';
import type { ResolvedTopic } from '../../../src/model/types.js';
import { describeTopicPlan, planTopics, summarizeTopicsPlan, type ActualTopic, type TopicPlan } from '../../../src/kafka/reconcile.js';

const declared = (name: string, fields: Partial<ResolvedTopic> = {}): ResolvedTopic => ({
  name,
  partitions: 1,
  replicationFactor: 1,
  config: {},
  ...fields,
});
const actual = (name: string, fields: Partial<ActualTopic> = {}): ActualTopic => ({
  name,
  partitions: 1,
  replicationFactor: 1,
  config: {},
  ...fields,
});

describe('planTopics', () => {
  test.each<{ name: string; declared: ResolvedTopic; actual?: ActualTopic; plan: Partial<TopicPlan>; line: string }>([
    {
      name: 'a missing topic is created with its partitions, replication factor and settings',
      declared: declared('orders', { partitions: 3, config: { 'cleanup.policy': 'compact' } }),
      plan: { create: declared('orders', { partitions: 3, config: { 'cleanup.policy': 'compact' } }), config: [], notApplicable: [] },
      line: 'orders: created (3 partitions, replication factor 1, cleanup.policy=compact)',
    },
    {
      name: 'a topic as declared is unchanged',
      declared: declared('test'),
      actual: actual('test'),
      plan: { partitions: undefined, config: [], notApplicable: [] },
      line: 'test: unchanged',
    },
    {
      name: 'more declared partitions are added',
      declared: declared('orders', { partitions: 6 }),
      actual: actual('orders', { partitions: 3 }),
      plan: { partitions: { from: 3, to: 6 }, config: [], notApplicable: [] },
      line: 'orders: partitions 3 -> 6',
    },
    {
      name: 'fewer declared partitions cannot be applied and are reported',
      declared: declared('orders', { partitions: 2 }),
      actual: actual('orders', { partitions: 4 }),
      plan: { partitions: undefined, notApplicable: [{ what: 'partitions', actual: 4, declared: 2 }] },
      line: 'orders: NOT APPLIED: it has 4 partitions, the config says 2; Kafka cannot remove partitions (to recreate it, losing its messages: kafka-dev topic delete orders --yes && kafka-dev up)',
    },
    {
      name: 'a different replication factor is reported, never changed',
      declared: declared('orders', { replicationFactor: 3 }),
      actual: actual('orders', { replicationFactor: 1 }),
      plan: { notApplicable: [{ what: 'replicationFactor', actual: 1, declared: 3 }] },
      line: 'orders: NOT APPLIED: its replication factor is 1, the config says 3; kafka-dev does not move replicas (to recreate it, losing its messages: kafka-dev topic delete orders --yes && kafka-dev up)',
    },
    {
      name: 'a changed, a new and a no longer declared setting are set, set and reset',
      declared: declared('orders', { config: { 'retention.ms': 3600000, 'cleanup.policy': 'compact' } }),
      actual: actual('orders', { config: { 'retention.ms': '604800000', 'segment.ms': '1000' } }),
      plan: {
        config: [
          { key: 'cleanup.policy', from: null, to: 'compact' },
          { key: 'retention.ms', from: '604800000', to: '3600000' },
          { key: 'segment.ms', from: '1000', to: null },
        ],
      },
      line: 'orders: cleanup.policy: (default) -> compact; retention.ms: 604800000 -> 3600000; segment.ms: 1000 -> (default)',
    },
    {
      name: 'declared numbers, booleans and spaced lists equal the text the broker reports',
      declared: declared('orders', { config: { 'retention.ms': 1000, preallocate: true, 'cleanup.policy': 'compact, delete' } }),
      actual: actual('orders', { config: { 'retention.ms': '1000', preallocate: 'true', 'cleanup.policy': 'compact,delete' } }),
      plan: { config: [] },
      line: 'orders: unchanged',
    },
    {
      name: 'growth and a setting change go together with a replication factor that cannot',
      declared: declared('orders', { partitions: 3, replicationFactor: 2, config: { 'retention.ms': 1 } }),
      actual: actual('orders', { partitions: 1 }),
      plan: {
        partitions: { from: 1, to: 3 },
        config: [{ key: 'retention.ms', from: null, to: '1' }],
        notApplicable: [{ what: 'replicationFactor', actual: 1, declared: 2 }],
      },
      line: 'orders: partitions 1 -> 3; retention.ms: (default) -> 1; NOT APPLIED: its replication factor is 1, the config says 2; kafka-dev does not move replicas (to recreate it, losing its messages: kafka-dev topic delete orders --yes && kafka-dev up)',
    },
  ])('$name', ({ declared: topic, actual: existing, plan, line }) => {
    const [planned] = planTopics([topic], existing ? [existing] : []).topics;
    expect(planned).toMatchObject({ name: topic.name, ...plan });
    expect(describeTopicPlan(planned!)).toBe(line);
  });

  test('topics in the cluster that are not declared are listed as undeclared, and left out of the plan', () => {
    const plan = planTopics([declared('test')], [actual('legacy'), actual('test'), actual('other')]);
    expect(plan.topics.map((topic) => topic.name)).toEqual(['test']);
    expect(plan.undeclared).toEqual(['legacy', 'other']);
  });

  test('the summary counts each outcome', () => {
    const plan = planTopics(
      [declared('new'), declared('same'), declared('grown', { partitions: 2 }), declared('shrunk', { partitions: 1 })],
      [actual('same'), actual('grown'), actual('shrunk', { partitions: 3 }), actual('legacy')],
    );
    expect(summarizeTopicsPlan(plan, 'left alone')).toBe('1 created, 1 changed, 1 unchanged, 1 not applicable in place, 1 not declared (left alone)');
    expect(summarizeTopicsPlan(planTopics([], []), 'left alone')).toBe('no topics declared');
  });
});
