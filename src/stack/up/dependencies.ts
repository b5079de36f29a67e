import { preloadKafkaClient, withAdmin } from '../../kafka/admin.js';
import type { KafkaTarget } from '../../kafka/client-options.js';
import { ConnectClient, type ConnectApi } from '../../kafka/connect-client.js';
import { hostProbe, type HostProbe } from '../../engine/ports.js';
import { runSmoke } from '../../smoke/smoke.js';
import { BrokersRegistered, type ExpectedBroker } from '../../wait/brokers-registered.js';
import { QuorumCaughtUp } from '../../wait/quorum-caught-up.js';
import type { WaitStrategy } from '../../wait/wait-strategy.js';
import { ZookeeperReady } from '../../wait/zookeeper-ready.js';
import { companionReady } from '../../wait/companion-ready.js';

/**
 * What `up` talks to besides the container engine: the readiness checks, the Kafka admin client,
 * the smoke check and the host's ports. Production uses the real ones; unit tests pass fakes so
 * `up` runs in memory.
 */
export interface UpDependencies {
  readonly zookeeperReady: (host: string, port: number) => WaitStrategy;
  readonly brokersRegistered: (brokers: readonly ExpectedBroker[], target?: KafkaTarget) => WaitStrategy;
  /** Between the start stages of a growing KRaft quorum (see voterStartOrder). */
  readonly quorumCaughtUp: (brokerAddresses: readonly string[], voters: readonly number[]) => WaitStrategy;
  readonly withAdmin: typeof withAdmin;
  /** Starts loading the Kafka client library while started containers boot (a stack found running never needs it). */
  readonly preloadKafkaClient: () => void;
  readonly runSmoke: typeof runSmoke;
  readonly hostPorts: HostProbe;
  /** The Connect REST API of a worker the host reaches at `baseUrl`. */
  readonly connectClient: (baseUrl: string) => ConnectApi;
  /** A companion's readiness check on its container. */
  readonly companionReady: typeof companionReady;
}

export const liveDependencies: UpDependencies = {
  zookeeperReady: (host, port) => new ZookeeperReady(host, port),
  brokersRegistered: (brokers, target) => new BrokersRegistered(brokers, target),
  quorumCaughtUp: (brokerAddresses, voters) => new QuorumCaughtUp(brokerAddresses, voters),
  withAdmin,
  preloadKafkaClient,
  runSmoke,
  hostPorts: hostProbe,
  connectClient: (baseUrl) => new ConnectClient(baseUrl),
  companionReady,
};
