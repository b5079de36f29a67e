import { describeQuorum } from '../kafka/quorum.js';
import type { WaitStrategy } from './wait-strategy.js';

/**
 * A KRaft quorum is ready for more voters when it has a leader and each of the given voters has
 * its metadata log up to the leader's high watermark, as any broker (their OUTSIDE addresses)
 * reports it (DescribeQuorum).
 */
export class QuorumCaughtUp implements WaitStrategy {
  readonly description: string;

  constructor(
    private readonly brokerAddresses: readonly string[],
    private readonly voters: readonly number[],
  ) {
    this.description = `controllers ${voters.join(', ')} have a leader and its metadata log`;
  }

  async check(): Promise<void> {
    const views = await Promise.all(this.brokerAddresses.map((address) => describeQuorum(address)));
    const view = views.find((answer) => answer !== null);
    if (!view) throw new Error(`no broker at ${this.brokerAddresses.join(', ')} names a quorum leader yet`);
    const behind = this.voters.filter((id) => !view.caughtUpVoters.includes(id));
    if (behind.length > 0) throw new Error(`controllers ${behind.join(', ')} have not caught up with leader ${view.leaderId} yet`);
  }
}
