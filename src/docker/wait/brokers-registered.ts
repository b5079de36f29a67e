import { withAdmin } from '../../kafka/admin.js';
import type { WaitStrategy } from './wait-strategy.js';

/**
 * Every expected broker is ready when a metadata request over the OUTSIDE listener lists them
 * all: this proves the published port, the advertised address and the registration at once.
 */
export class BrokersRegistered implements WaitStrategy {
  readonly description: string;

  constructor(
    private readonly bootstrapServers: readonly string[],
    private readonly expectedIds: readonly number[],
  ) {
    this.description = `brokers ${expectedIds.join(', ')} are listed by a metadata request to ${bootstrapServers.join(',')}`;
  }

  async check(): Promise<void> {
    const cluster = await withAdmin(this.bootstrapServers, (admin) => admin.describeCluster(), { timeoutMs: 2000 });
    const listed = new Set(cluster.brokers.map((broker) => broker.id));
    const missing = this.expectedIds.filter((id) => !listed.has(id));
    if (missing.length > 0) throw new Error(`brokers ${missing.join(', ')} are not registered yet`);
    if (cluster.controllerId < 0) throw new Error('no controller elected yet');
  }
}
