import type { TopicsReconciled } from '../../kafka/reconcile-topics.js';
import type { ConnectorsPlan } from '../../kafka/connect-plan.js';
import type { SmokeReport } from '../../smoke/smoke.js';

export interface UpOptions {
  /** How long to wait for ZooKeeper and for the brokers, each. Default 120 s. */
  timeoutMs?: number;
  /** Leave what this run created in place when it fails, for inspection. */
  keepOnFailure?: boolean;
  /** Recreate every container, including ones that only share a service's container name. */
  forceRecreate?: boolean;
  /** Delete topics the config does not declare. */
  prune?: boolean;
  /** List the topics the config does not declare (they are left alone unless `prune`). */
  verbose?: boolean;
  /** Run the smoke check as the last step. Default true. */
  smoke?: boolean;
  /**
   * Messages over INSIDE too, through the image's console tools (seconds of JVM start-up). By
   * default INSIDE is proven by a Kafka Metadata request from a container on the network.
   */
  fullSmoke?: boolean;
  /** Messages per path for that smoke check. Default 100. */
  smokeMessages?: number;
  /** Go on with a broker set that hides partitions (their data stays in the removed brokers' volumes). */
  force?: boolean;
}

export interface UpResult {
  readonly project: string;
  readonly plan: string;
  /** Nothing was created, started or removed: the stack was running as the config says. */
  readonly unchanged: boolean;
  /** What reconciling the declared topics found and did. */
  readonly topics: TopicsReconciled;
  /** What reconciling the declared connectors did; absent without Connect. */
  readonly connectors?: ConnectorsPlan;
  /** Null when skipped (`smoke: false`). */
  readonly smoke: SmokeReport | null;
  readonly bootstrapServers: { readonly host: readonly string[]; readonly containers: readonly string[] };
}
