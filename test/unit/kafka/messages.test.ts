import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bytesPerTopic } from '../../../src/kafka/log-sizes.js';
import { browseRange, type BrowseStart } from '../../../src/kafka/messages.js';

describe('browseRange', () => {
  test('each start inside a partition holding offsets 10 to 19', () => {
    expect(browseRange({ from: 'beginning' }, 5, 10n, 20n)).toEqual({ first: 10n, stop: 15n });
    expect(browseRange({ from: 'newest' }, 5, 10n, 20n)).toEqual({ first: 15n, stop: 20n });
    expect(browseRange({ from: 'newest' }, 50, 10n, 20n)).toEqual({ first: 10n, stop: 20n });
    expect(browseRange({ from: 'offset', offset: 12n }, 100, 10n, 20n)).toEqual({ first: 12n, stop: 20n });
    expect(browseRange({ from: 'offset', offset: 3n }, 2, 10n, 20n)).toEqual({ first: 10n, stop: 12n });
    expect(browseRange({ from: 'timestamp', timestamp: 5n }, 3, 10n, 20n, 17n)).toEqual({ first: 17n, stop: 20n });
    // No message at or after the time: nothing to read.
    expect(browseRange({ from: 'timestamp', timestamp: 5n }, 3, 10n, 20n, -1n)).toEqual({ first: 20n, stop: 20n });
  });

  test('the range always lies inside the partition and holds at most the limit', () => {
    const start = fc.oneof(
      fc.constant<BrowseStart>({ from: 'beginning' }),
      fc.constant<BrowseStart>({ from: 'newest' }),
      fc.bigInt({ min: 0n, max: 1000n }).map((offset): BrowseStart => ({ from: 'offset', offset })),
      fc.bigInt({ min: 0n, max: 1000n }).map((timestamp): BrowseStart => ({ from: 'timestamp', timestamp })),
    );
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 300 }), fc.bigInt({ min: 0n, max: 500n }), fc.bigInt({ min: 0n, max: 500n }), fc.bigInt({ min: -1n, max: 1000n }), (from, limit, earliest, length, atTimestamp) => {
        const end = earliest + length;
        const { first, stop } = browseRange(from, limit, earliest, end, atTimestamp);
        expect(first >= earliest && stop <= end && first <= stop).toBe(true);
        expect(stop - first <= BigInt(limit)).toBe(true);
        if (from.from === 'newest') expect(stop).toBe(end);
      }),
    );
  });
});

describe('bytesPerTopic', () => {
  const partition = (partitionIndex: number, size: number, isFutureKey = false) => ({ partitionIndex, partitionSize: BigInt(size), isFutureKey, offsetLag: 0n });
  test('one copy per partition: the largest replica, summed; a future replica being moved does not count', () => {
    const sizes = bytesPerTopic([
      { topics: [{ name: 'orders', partitions: [partition(0, 100), partition(1, 40)] }] },
      { topics: [{ name: 'orders', partitions: [partition(0, 90), partition(1, 50), partition(1, 999, true)] }, { name: 'empty', partitions: [partition(0, 0)] }] },
    ]);
    expect(sizes).toEqual(new Map([['orders', 150], ['empty', 0]]));
  });
});
