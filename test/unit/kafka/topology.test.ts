import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  describeForcedChange,
  describePartitionProblems,
  planTopologyChange,
  topologyFixes,
  voterStartOrder,
  type PartitionAssignment,
} from '../../../src/kafka/topology.js';

const on = (topic: string, partition: number, ...replicas: number[]): PartitionAssignment => ({ topic, partition, replicas });

describe('planTopologyChange', () => {
  test('going from 3 brokers to 1 with every partition on broker 1 changes nothing for the data', () => {
    const change = planTopologyChange([on('test', 0, 1), on('orders', 0, 1), on('orders', 1, 1)], [1]);
    expect(change).toEqual({ removedBrokers: [], problems: [], refused: false });
  });

  test('a partition whose only replica is on a removed broker goes offline', () => {
    const change = planTopologyChange([on('spread', 0, 1), on('spread', 1, 2), on('spread', 2, 3)], [1]);
    expect(change.refused).toBe(true);
    expect(change.removedBrokers).toEqual([2, 3]);
    expect(change.problems).toEqual([
      { topic: 'spread', partition: 1, replicas: [2], outcome: 'offline' },
      { topic: 'spread', partition: 2, replicas: [3], outcome: 'offline' },
    ]);
    expect(describePartitionProblems(change, [1])).toEqual([
      'spread-1 (replicas on broker 2): no replica would remain, so it goes offline and its messages are hidden until that broker is back',
      'spread-2 (replicas on broker 3): no replica would remain, so it goes offline and its messages are hidden until that broker is back',
    ]);
    expect(topologyFixes(change)).toMatch(/^keep 'brokers: 3'; .*'kafka-dev down --volumes'.*'kafka-dev up --force'/);
  });

  test('a topic with more replicas than the brokers left is refused even though a replica remains', () => {
    const change = planTopologyChange([on('replicated', 0, 2, 1, 3)], [1]);
    expect(change.problems).toEqual([{ topic: 'replicated', partition: 0, replicas: [2, 1, 3], outcome: 'under-replicated' }]);
    expect(describePartitionProblems(change, [1])).toEqual([
      'replicated-0 (replicas on brokers 2, 1, 3): 3 replicas but only 1 broker would remain, so it stays under-replicated (acks=all may be refused)',
    ]);
  });

  test('removing a broker whose partitions have replicas elsewhere, with enough brokers left, is allowed', () => {
    expect(planTopologyChange([on('orders', 0, 3, 1), on('orders', 1, 2, 3)], [1, 2]).refused).toBe(false);
  });

  test('lists the first 20 partitions and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, partition) => on('big', partition, 2));
    const lines = describePartitionProblems(planTopologyChange(many, [1]), [1]);
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toBe('and 5 more partitions');
  });

  test('a forced change says which partitions are offline until which brokers are back, and which are under-replicated', () => {
    const change = planTopologyChange([on('spread', 0, 1), on('spread', 1, 2), on('spread', 2, 3), on('replicated', 0, 1, 2)], [1]);
    expect(describeForcedChange(change)).toBe(
      'forced: spread-1 (replicas on broker 2), spread-2 (replicas on broker 3) offline until brokers 2, 3 are back (the data stays in their volumes); ' +
        'replicated-0 (replicas on brokers 1, 2) under-replicated (acks=all may be refused)',
    );
    expect(describeForcedChange(planTopologyChange([on('spread', 1, 2)], [1]))).toBe(
      'forced: spread-1 (replicas on broker 2) offline until broker 2 is back (the data stays in its volume)',
    );
  });

  const brokerSet = fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 9 });
  const assignments = fc.array(
    fc.record({ topic: fc.constantFrom('a', 'b', 'c'), partition: fc.nat(20), replicas: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }) }),
    { maxLength: 30 },
  );

  test('property: refused exactly when some partition loses every replica or has more replicas than brokers left', () => {
    fc.assert(
      fc.property(assignments, brokerSet, (current, next) => {
        const losesAll = current.some((assignment) => assignment.replicas.every((broker) => !next.includes(broker)));
        const tooFew = current.some((assignment) => assignment.replicas.length > next.length);
        expect(planTopologyChange(current, next).refused).toBe(losesAll || tooFew);
      }),
    );
  });

  test('property: scaling up (keeping every broker that holds a replica) is never refused', () => {
    fc.assert(
      fc.property(assignments, brokerSet, (current, added) => {
        const next = [...new Set([...current.flatMap((assignment) => assignment.replicas), ...added])];
        const change = planTopologyChange(current, next);
        expect(change.refused).toBe(false);
        expect(change.removedBrokers).toEqual([]);
      }),
    );
  });
});

describe('voterStartOrder', () => {
  const voters = (withLog: number[], empty: number[]) => [...withLog.map((id) => ({ id, hasLog: true })), ...empty.map((id) => ({ id, hasLog: false }))];

  test('1 -> 3 combined nodes: node 1 and one new node first, the other once they caught up', () => {
    expect(voterStartOrder(voters([1], [2, 3]))).toEqual({ first: [1, 2], later: [3] });
  });

  test('a fresh quorum, a restart and a quorum the old voters still dominate all start at once', () => {
    expect(voterStartOrder(voters([], [1, 2, 3]))).toEqual({ first: [1, 2, 3], later: [] });
    expect(voterStartOrder(voters([1, 2, 3], []))).toEqual({ first: [1, 2, 3], later: [] });
    expect(voterStartOrder(voters([1, 2, 3], [4, 5]))).toEqual({ first: [1, 2, 3, 4, 5], later: [] });
  });

  test('property: the empty voters of either stage never make a majority, and the first stage can elect a leader', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), (withLog, empty) => {
        fc.pre(withLog + empty > 0);
        const all = voters(Array.from({ length: withLog }, (_, i) => i + 1), Array.from({ length: empty }, (_, i) => i + 101));
        const { first, later } = voterStartOrder(all);
        const majority = Math.floor(all.length / 2) + 1;
        expect([...first, ...later].sort((a, b) => a - b)).toEqual(all.map((voter) => voter.id).sort((a, b) => a - b));
        if (withLog === 0) return;
        expect(first.filter((id) => id > 100).length).toBeLessThan(majority);
        expect(later.length).toBeLessThan(majority);
        expect(first.length).toBeGreaterThanOrEqual(majority);
      }),
    );
  });
});
