import type { KafkaTarget } from '../kafka/client-options.js';
import { describeEachBroker } from '../kafka/probe.js';
import type { WaitStrategy } from './wait-strategy.js';

export interface ExpectedBroker {
  readonly id: number;
  /** The broker's OUTSIDE address as the host sees it. */
  readonly address: string;
}

/**
 * The brokers are ready when each answers a metadata request on its own OUTSIDE address and
 * every answer lists all of them, and no other, with a controller: this proves the published
 * port, the advertised address and the registration at once.
 */
export class BrokersRegistered implements WaitStrategy {
  readonly description: string;

  /** `target`: how to reach a secured OUTSIDE listener (each broker's address replaces its bootstrap list). */
  constructor(
    private readonly brokers: readonly ExpectedBroker[],
    private readonly target?: KafkaTarget,
  ) {
    this.description = `brokers ${brokers.map((b) => b.id).join(', ')} answer on ${brokers.map((b) => b.address).join(', ')} and list each other`;
  }

  async check(): Promise<void> {
    const addresses = this.brokers.map((broker) => broker.address);
    const views = await describeEachBroker(addresses, undefined, this.target ?? addresses);
    const silent = this.brokers.filter((_, index) => views[index] === null);
    if (silent.length > 0) {
      throw new Error(`no metadata answer from ${silent.map((b) => `broker ${b.id} at ${b.address}`).join(', ')}`);
    }
    const expected = new Set(this.brokers.map((broker) => broker.id));
    for (const view of views) {
      const listed = new Set(view!.brokers.map((broker) => broker.id));
      const missing = this.brokers.filter((broker) => !listed.has(broker.id));
      if (missing.length > 0) throw new Error(`brokers ${missing.map((b) => b.id).join(', ')} are not registered yet`);
      // A removed broker stays listed until the controller notices it is gone (KRaft fences it once its session expires):
      // clients would place replicas and leaders on it.
      const removed = [...listed].filter((id) => !expected.has(id));
      if (removed.length > 0) throw new Error(`brokers ${removed.join(', ')} are still registered, though this config no longer runs them`);
      if (view!.controllerId < 0) throw new Error('no controller elected yet');
    }
  }
}
