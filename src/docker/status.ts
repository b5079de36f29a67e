import type { ResolvedConfig } from '../config/types.js';
import { withAdmin } from '../kafka/admin.js';
import { bootstrapServers, reachableHost } from '../render/listeners.js';
import { buildStackModel, type ServiceRole } from '../render/model.js';
import type { ContainerRuntime, ContainerState } from './client.js';
import { composeLabel, configHash, projectLabels } from './labels.js';
import { ZookeeperReady } from './wait/zookeeper-ready.js';

export type Health = 'healthy' | 'unhealthy' | 'stopped';

export interface ServiceStatus {
  readonly service: string;
  readonly role: ServiceRole;
  readonly container: string | null;
  readonly state: ContainerState | 'missing';
  /** Docker's words, e.g. "Up 5 minutes". */
  readonly status: string;
  /** From kafka-dev's own probes: ZooKeeper answers `srvr`; the broker is listed by a metadata request over OUTSIDE. */
  readonly health: Health;
  /** The container was made from another config; `up` will recreate it. */
  readonly outdated: boolean;
  /** Published ports, `bind:host->container`. */
  readonly ports: readonly string[];
}

export interface StackStatus {
  readonly project: string;
  readonly services: readonly ServiceStatus[];
  readonly bootstrapServers: { readonly host: readonly string[]; readonly containers: readonly string[] };
  /** Every service running and healthy. */
  readonly healthy: boolean;
}

export async function stackStatus(config: ResolvedConfig, runtime: ContainerRuntime): Promise<StackStatus> {
  await runtime.info();
  const model = buildStackModel(config);
  const bootstrap = bootstrapServers(config);
  const containers = await runtime.listContainers(projectLabels(model.project));
  const [zookeeperUp, listedBrokers] = await Promise.all([
    config.mode === 'zookeeper' && probeZookeeper(config),
    probeBrokers(bootstrap.host),
  ]);

  const services = model.services.map((spec): ServiceStatus => {
    const container = containers.find((candidate) => candidate.labels[composeLabel.service] === spec.name);
    const running = container?.state === 'running';
    const answers = spec.role === 'zookeeper' ? zookeeperUp : spec.role === 'controller' ? listedBrokers.size > 0 : listedBrokers.has(spec.node!.id);
    return {
      service: spec.name,
      role: spec.role,
      container: container?.name ?? null,
      state: container?.state ?? 'missing',
      status: container?.status ?? 'no container',
      health: !running ? 'stopped' : answers ? 'healthy' : 'unhealthy',
      outdated: container !== undefined && container.labels[composeLabel.configHash] !== configHash(spec),
      ports: (container?.ports ?? []).map((port) => `${port.bind}:${port.host}->${port.container}`),
    };
  });
  return {
    project: model.project,
    services,
    bootstrapServers: bootstrap,
    healthy: services.every((service) => service.health === 'healthy'),
  };
}

async function probeZookeeper(config: ResolvedConfig): Promise<boolean> {
  return new ZookeeperReady(reachableHost(config.zookeeper.bind), config.zookeeper.port).check().then(
    () => true,
    () => false,
  );
}

async function probeBrokers(bootstrap: readonly string[]): Promise<Set<number>> {
  try {
    const cluster = await withAdmin(bootstrap, (admin) => admin.describeCluster(), { timeoutMs: 2000 });
    return new Set(cluster.brokers.map((broker) => broker.id));
  } catch {
    return new Set();
  }
}
