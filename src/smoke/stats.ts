/** One message as the consumer saw it. */
export interface Receipt {
  readonly seq: number;
  readonly partition: number;
  /** From when it was sent to when the consumer had it. */
  readonly latencyMs: number;
}

export interface DeliveryStats {
  readonly sent: number;
  /** Distinct messages of this run that came back. */
  readonly received: number;
  readonly lost: number;
  /** Receipts of a message already received. */
  readonly duplicated: number;
  /** Messages that came after a later-sent message of the same partition. */
  readonly outOfOrder: number;
  /** Over the first receipt of each message; null when none came back. */
  readonly latencyMs: { readonly p50: number; readonly p99: number } | null;
  /** Distinct messages received per second of `elapsedMs`; null when nothing came back. */
  readonly throughputPerSecond: number | null;
}

/** Counts loss, duplicates and per-partition order, and the latency percentiles, from what the consumer saw. */
export function deliveryStats(sent: number, receipts: readonly Receipt[], elapsedMs: number): DeliveryStats {
  const seen = new Set<number>();
  const highestByPartition = new Map<number, number>();
  const latencies: number[] = [];
  let duplicated = 0;
  let outOfOrder = 0;
  for (const { seq, partition, latencyMs } of receipts) {
    if (seen.has(seq)) {
      duplicated += 1;
      continue;
    }
    seen.add(seq);
    latencies.push(latencyMs);
    const highest = highestByPartition.get(partition) ?? -1;
    if (seq < highest) outOfOrder += 1;
    else highestByPartition.set(partition, seq);
  }
  const received = [...seen].filter((seq) => seq < sent).length;
  latencies.sort((a, b) => a - b);
  return {
    sent,
    received,
    lost: sent - received,
    duplicated,
    outOfOrder,
    latencyMs: latencies.length > 0 ? { p50: percentile(latencies, 50), p99: percentile(latencies, 99) } : null,
    throughputPerSecond: received > 0 && elapsedMs > 0 ? (received / elapsedMs) * 1000 : null,
  };
}

/** Nearest-rank percentile of values sorted ascending: the smallest value with at least p% of values at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no values');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function deliveredExactlyOnceInOrder(stats: DeliveryStats): boolean {
  return stats.sent > 0 && stats.lost === 0 && stats.duplicated === 0 && stats.outOfOrder === 0;
}
