import { withAdmin, type ClusterView } from './admin.js';

/**
 * Asks every broker on its own address for metadata, in parallel. A broker counts as answering
 * only when its own listener replies, so a registration left by a killed broker cannot pass for
 * a live one. Returns one view (or null: no answer) per address, in order.
 */
export function describeEachBroker(addresses: readonly string[], timeoutMs = 2000): Promise<(ClusterView | null)[]> {
  return Promise.all(
    addresses.map((address) =>
      withAdmin([address], (admin) => admin.describeCluster(), { timeoutMs }).catch(() => null),
    ),
  );
}
