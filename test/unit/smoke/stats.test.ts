import { describe, expect, test } from 'vitest';
import { deliveredExactlyOnceInOrder, deliveryStats, percentile, type Receipt } from '../../../src/smoke/stats.js';

const receipt = (seq: number, partition = seq % 3, latencyMs = 1): Receipt => ({ seq, partition, latencyMs });

describe('deliveryStats', () => {
  test('every message once, in order per partition, passes', () => {
    const stats = deliveryStats(6, [0, 1, 2, 3, 4, 5].map((seq) => receipt(seq, seq % 3, seq + 1)), 2000);
    expect(stats).toEqual({
      sent: 6,
      received: 6,
      lost: 0,
      duplicated: 0,
      outOfOrder: 0,
      latencyMs: { p50: 3, p99: 6 },
      throughputPerSecond: 3,
    });
    expect(deliveredExactlyOnceInOrder(stats)).toBe(true);
  });

  test.each<{ name: string; receipts: Receipt[]; expected: { received: number; lost: number; duplicated: number; outOfOrder: number } }>([
    { name: 'a missing message is lost', receipts: [receipt(0), receipt(2)], expected: { received: 2, lost: 1, duplicated: 0, outOfOrder: 0 } },
    {
      name: 'a second receipt is a duplicate, not a new message',
      receipts: [receipt(0), receipt(1), receipt(1), receipt(2)],
      expected: { received: 3, lost: 0, duplicated: 1, outOfOrder: 0 },
    },
    {
      name: 'an earlier message after a later one of the same partition is out of order',
      receipts: [receipt(2, 0), receipt(0, 0), receipt(1, 0)],
      expected: { received: 3, lost: 0, duplicated: 0, outOfOrder: 2 },
    },
    {
      name: 'order across partitions does not matter',
      receipts: [receipt(2, 2), receipt(1, 1), receipt(0, 0)],
      expected: { received: 3, lost: 0, duplicated: 0, outOfOrder: 0 },
    },
  ])('$name', ({ receipts, expected }) => {
    const stats = deliveryStats(3, receipts, 1000);
    expect(stats).toMatchObject(expected);
    expect(deliveredExactlyOnceInOrder(stats)).toBe(expected.lost + expected.duplicated + expected.outOfOrder === 0);
  });

  test('nothing back: no latency, no throughput, and no pass', () => {
    const stats = deliveryStats(5, [], 0);
    expect(stats).toMatchObject({ received: 0, lost: 5, latencyMs: null, throughputPerSecond: null });
    expect(deliveredExactlyOnceInOrder(stats)).toBe(false);
  });
});

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
  test.each([
    { p: 50, expected: 50 },
    { p: 99, expected: 99 },
    { p: 100, expected: 100 },
    { p: 0, expected: 1 },
  ])('p$p of 1..100 is $expected', ({ p, expected }) => {
    expect(percentile(hundred, p)).toBe(expected);
  });

  test('of one value is that value', () => {
    expect(percentile([7], 99)).toBe(7);
  });
});
