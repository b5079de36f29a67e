import { KafkaDevError } from '../base/errors.js';
import { withAdmin, type ClusterView } from './admin.js';
import { retarget, type KafkaTarget } from './client-options.js';

/**
 * Asks every broker on its own address for metadata, in parallel. A broker counts as answering
 * only when its own listener replies, so a registration left by a killed broker cannot pass for
 * a live one. Returns one view (or null: no answer) per address, in order. A broker that answers
 * with a refusal (a wrong password, an untrusted certificate) is not merely silent: that is thrown.
 *
 * `target` says how to connect (a secured listener's settings); each probe goes to its own address.
 */
export function describeEachBroker(addresses: readonly string[], timeoutMs = 2000, target: KafkaTarget = addresses): Promise<(ClusterView | null)[]> {
  return Promise.all(
    addresses.map((address) =>
      withAdmin(retarget(target, [address]), (admin) => admin.describeCluster(), { timeoutMs }).catch((error: unknown) => {
        if (error instanceof KafkaDevError) throw error;
        return null;
      }),
    ),
  );
}
