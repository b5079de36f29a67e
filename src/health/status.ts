import type { ResolvedConfig } from '../model/types.js';
import { withAdmin } from '../kafka/admin.js';
import { describeEachBroker } from '../kafka/probe.js';
import { retarget, type KafkaTarget } from '../kafka/client-options.js';
import { adminClientSettings, readSecurityMaterial } from '../secrets/material.js';
import { describeQuorum } from '../kafka/quorum.js';
import { bootstrapServers, brokerNodes, reachableHost } from '../model/cluster.js';
import { buildStackModel, type CompanionEndpoint, type ServiceRole, type ServiceSpec } from '../model/stack.js';
import { companionHealth } from './companion-health.js';
import type { ContainerRuntime, ContainerState } from '../engine/runtime.js';
import { composeLabel, madeFrom, projectLabels } from '../engine/labels.js';
import { ZookeeperReady } from '../wait/zookeeper-ready.js';
import { connectorStates, type ConnectorState } from './connect-status.js';

export type Health = 'healthy' | 'unhealthy' | 'stopped';

export interface ServiceStatus {
  readonly service: string;
  readonly role: ServiceRole;
  /** Kafka's broker.id / node.id; null for ZooKeeper. */
  readonly nodeId: number | null;
  readonly container: string | null;
  readonly state: ContainerState | 'missing';
  /** Docker's words, e.g. "Up 5 minutes". */
  readonly status: string;
  /** From kafka-dev's own probes: ZooKeeper answers `srvr`; the broker is listed by a metadata request over OUTSIDE. */
  readonly health: Health;
  /**
   * Brokers: whether the broker is in the in-sync replica set of every partition it replicates
   * (false while a restarted broker catches up); null for ZooKeeper, controllers and unknown.
   */
  readonly inSync: boolean | null;
  /** The container was made from another config; `up` will recreate it. */
  readonly outdated: boolean;
  /** Published ports, `bind:host->container`. */
  readonly ports: readonly string[];
  /** A companion's addresses (a Schema Registry's URL) for the host and for containers; none for Kafka's services. */
  readonly endpoints: readonly CompanionEndpoint[];
}

export interface StackStatus {
  readonly project: string;
  readonly mode: ResolvedConfig['mode'];
  readonly services: readonly ServiceStatus[];
  readonly bootstrapServers: { readonly host: readonly string[]; readonly containers: readonly string[] };
  /** Node id of the active controller (ZooKeeper mode: the controller broker; KRaft: the quorum leader), if known. */
  readonly activeController: number | null;
  /** Every service running and healthy. */
  readonly healthy: boolean;
  /** What Connect runs; null without Connect or while it does not answer. */
  readonly connectors: readonly ConnectorState[] | null;
}

export async function stackStatus(config: ResolvedConfig, runtime: ContainerRuntime, probes: StatusProbes = liveProbes): Promise<StackStatus> {
  await runtime.info();
  const model = buildStackModel(config);
  const bootstrap = bootstrapServers(config);
  const containers = await runtime.listContainers(projectLabels(model.project));
  const [zookeeperUp, cluster, connectors] = await Promise.all([
    config.mode === 'zookeeper' && probes.zookeeper(config),
    probes.cluster(config),
    (probes.connectors ?? connectorStates)(config.connect),
  ]);

  const runningServices = new Set(containers.filter((container) => container.state === 'running').map((container) => container.labels[composeLabel.service]!));
  const companionsUp = await companionHealth(model, runtime, runningServices);
  const answers = (spec: ServiceSpec): boolean => {
    if (spec.companion) return companionsUp.get(spec.name) ?? false;
    if (spec.role === 'zookeeper') return zookeeperUp;
    const nodeId = spec.node!.id;
    const isVoter = spec.node!.controller !== undefined;
    const listed = spec.role === 'controller' || cluster.brokers.has(nodeId);
    return listed && (!isVoter || cluster.caughtUpVoters.has(nodeId));
  };
  const services = model.services.map((spec): ServiceStatus => {
    const container = containers.find((candidate) => candidate.labels[composeLabel.service] === spec.name);
    const running = container?.state === 'running';
    return {
      service: spec.name,
      role: spec.role,
      nodeId: spec.node?.id ?? null,
      container: container?.name ?? null,
      state: container?.state ?? 'missing',
      status: container?.status ?? 'no container',
      health: !running ? 'stopped' : answers(spec) ? 'healthy' : 'unhealthy',
      inSync: spec.role === 'broker' && running && cluster.outOfSync ? !cluster.outOfSync.has(spec.node!.id) : null,
      outdated: container !== undefined && !madeFrom(container.labels, spec),
      ports: (container?.ports ?? []).map((port) => `${port.bind}:${port.host}->${port.container}`),
      endpoints: spec.companion?.endpoints ?? [],
    };
  });
  return {
    project: model.project,
    mode: config.mode,
    services,
    bootstrapServers: bootstrap,
    activeController: cluster.activeController,
    healthy: services.every((service) => service.health === 'healthy') && (connectors ?? []).every(isRunning),
    connectors,
  };
}

const isRunning = (connector: ConnectorState) => connector.state === 'RUNNING' && connector.tasks.every((task) => task.state === 'RUNNING');

async function probeZookeeper(config: ResolvedConfig): Promise<boolean> {
  return new ZookeeperReady(reachableHost(config.zookeeper.bind), config.zookeeper.port).check().then(
    () => true,
    () => false,
  );
}

/** What status asks ZooKeeper and Kafka themselves; unit tests pass fakes. */
export interface StatusProbes {
  zookeeper(config: ResolvedConfig): Promise<boolean>;
  cluster(config: ResolvedConfig): Promise<ClusterProbe>;
  /** Default: worker 1's REST API. */
  connectors?(connect: ResolvedConfig['connect']): Promise<ConnectorState[] | null>;
}

const liveProbes: StatusProbes = { zookeeper: probeZookeeper, cluster: probeCluster };

export interface ClusterProbe {
  /** Brokers that answered on their own address and are registered. */
  brokers: Set<number>;
  /** Brokers missing from the ISR of a partition they replicate; null when it could not be read. */
  outOfSync: Set<number> | null;
  caughtUpVoters: Set<number>;
  activeController: number | null;
}

/** Each broker asked on its own address, plus in KRaft the quorum: who answers, is in sync and is in charge. */
async function probeCluster(config: ResolvedConfig): Promise<ClusterProbe> {
  const nodes = brokerNodes(config);
  // A secured stack that was never up has no material yet: its brokers then simply do not answer.
  const material = await readSecurityMaterial(config).catch(() => undefined);
  const target = adminClientSettings(config, material, 'outside');
  const views = await describeEachBroker(nodes.map(({ broker }) => `${broker.outside.host}:${broker.outside.port}`), undefined, target);
  const brokers = new Set(
    nodes.filter((node, index) => views[index]?.brokers.some((listed) => listed.id === node.id)).map((node) => node.id),
  );
  const answering = views.findIndex((view) => view !== null);
  if (answering < 0) return { brokers, outOfSync: null, caughtUpVoters: new Set(), activeController: null };
  const { outside } = nodes[answering]!.broker;
  const address = `${outside.host}:${outside.port}`;
  const outOfSync = await outOfSyncReplicas(retarget(target, [address]));
  if (config.mode === 'zookeeper') {
    const controllerId = views[answering]!.controllerId;
    return { brokers, outOfSync, caughtUpVoters: new Set(), activeController: controllerId >= 0 ? controllerId : null };
  }
  const quorum = await describeQuorum(address, undefined, target);
  return { brokers, outOfSync, caughtUpVoters: new Set(quorum?.caughtUpVoters), activeController: quorum?.leaderId ?? null };
}

async function outOfSyncReplicas(target: KafkaTarget): Promise<Set<number> | null> {
  try {
    const topics = await withAdmin(target, (admin) => admin.describeTopics(), { timeoutMs: 2000 });
    return new Set(
      topics.flatMap((topic) => topic.partitionDetails.flatMap((partition) => partition.replicas.filter((id) => !partition.isr.includes(id)))),
    );
  } catch {
    return null;
  }
}
