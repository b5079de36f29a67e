import type { KafkaSettings, ResolvedConfig } from './types.js';
import { fillPlaceholders, flavorTemplates, loadFlavor, settingToEnv, type Flavor } from './flavor.js';
import { clusterNodes, dedicatedControllerIdBase, nodeListenerSettings, quorumVoters, type KafkaNode } from './cluster.js';
import { isSecured, mountedFolder } from './security.js';
import { secretsMount, securityEnvironment, securitySettings } from './security-settings.js';
import { securedCommand } from './security-files.js';
import type { ServiceSpec, VolumeMount } from './service-spec.js';
import { companionServices } from './companions/registry.js';

export type { BindMount, CompanionEndpoint, CompanionSpec, PublishedPort, ReadyCheck, ServiceRole, ServiceSpec, VolumeMount } from './service-spec.js';

/** The stack as plain data: Kafka's nodes, then its companions (see ARCHITECTURE.md). */
export interface StackModel {
  readonly project: string;
  readonly services: readonly ServiceSpec[];
  readonly volumes: readonly string[];
}

export const zookeeperService = 'zookeeper';

export function buildStackModel(config: ResolvedConfig, flavor: Flavor = loadFlavor(config.images.flavor)): StackModel {
  const nodes = clusterNodes(config);
  const coordinators = config.mode === 'zookeeper' ? [zookeeperSpec(config, flavor)] : [];
  const controllers = nodes.filter((node) => !node.broker).map((node) => kafkaNodeSpec(config, flavor, node, []));
  const dependencies = [...coordinators, ...controllers].map((service) => service.name);
  const brokers = nodes.filter((node) => node.broker).map((node) => kafkaNodeSpec(config, flavor, node, dependencies));
  const kafka = [...coordinators, ...controllers, ...brokers];
  const services = [...kafka, ...companionServices(config, kafka)];
  return {
    project: config.name,
    services,
    volumes: [...new Set(services.flatMap((service) => service.volumes.map((mount) => mount.volume)))],
  };
}

function zookeeperSpec(config: ResolvedConfig, flavor: Flavor): ServiceSpec {
  const { zookeeper } = flavorTemplates(flavor);
  if (!zookeeper) throw new Error(`internal: flavor ${config.images.flavor} has no ZooKeeper image`);
  const { port, bind } = config.zookeeper;
  return {
    name: zookeeperService,
    role: 'zookeeper',
    image: config.images.zookeeper,
    hostname: zookeeperService,
    environment: fillPlaceholders(zookeeper.environment, {
      'zookeeper.port': port,
      'zookeeper.heap': config.heap.zookeeper,
    }),
    ports: [{ bind, host: port, container: port }],
    volumes: mounts(zookeeperService, zookeeper.dataVolumes),
    dependsOn: [],
  };
}

function kafkaNodeSpec(config: ResolvedConfig, flavor: Flavor, node: KafkaNode, dependsOn: string[]): ServiceSpec {
  const kraft = config.mode === 'kraft';
  const listeners = nodeListenerSettings(node, kraft, config.security);
  const values: Record<string, string | number> = {
    'node.id': node.id,
    'node.roles': node.roles.join(','),
    'node.heap': config.heap.kafka,
    'node.listeners': listeners.listeners,
    'node.securityProtocolMap': listeners.securityProtocolMap,
    'node.advertisedListeners': listeners.advertisedListeners ?? '',
    'node.interBrokerListener': listeners.interBrokerListener ?? '',
    'node.controllerListenerNames': listeners.controllerListenerNames ?? '',
    'cluster.id': config.clusterId,
    'cluster.voters': quorumVoters(config),
    'zookeeper.connect': `${zookeeperService}:${config.zookeeper.port}`,
  };
  const { kafka } = flavorTemplates(flavor);
  const modeEnvironment = kraft ? kafka.kraftModeEnvironment : (kafka.zookeeperModeEnvironment ?? {});
  const environment = fillPlaceholders(
    { ...kafka.environment, ...(node.broker ? kafka.brokerEnvironment : {}), ...modeEnvironment },
    values,
  );
  Object.assign(environment, securityEnvironment(config.security, node));
  const settings: KafkaSettings = {
    ...developmentSettings(config),
    ...securitySettings(config.security, node, config.mode),
    ...(node.broker ? config.brokerConfig : {}),
  };
  for (const [key, value] of Object.entries(settings)) {
    environment[settingToEnv(flavor, key)] = String(value);
  }
  const outside = node.broker?.outside;
  return {
    name: node.service,
    role: node.broker ? 'broker' : 'controller',
    image: config.images.kafka,
    hostname: node.service,
    environment,
    ports: outside ? [{ bind: outside.bind, host: outside.port, container: outside.containerPort }] : [],
    volumes: mounts(nodeVolumeOwner(node.id), kafka.dataVolumes),
    dependsOn,
    ...securedNodeContainer(config.security),
    node,
  };
}

/** A secured node mounts the stack's security material, and may start through kafka-dev's script (see `security-files.ts`). */
function securedNodeContainer(security: ResolvedConfig['security']): Pick<ServiceSpec, 'binds' | 'command'> {
  if (!isSecured(security)) return {};
  const command = securedCommand(security);
  return { binds: [{ source: mountedFolder(security.directory), target: secretsMount, readOnly: true }], ...(command && { command }) };
}

/** How far internal topics are replicated on a cluster of this size; `export strimzi` sizes a cluster's the same way. */
export function internalReplication(brokers: number): { replicas: number; minInSync: number } {
  // With three or more brokers, acks=all survives one broker down; with fewer, any ISR is enough.
  return { replicas: Math.min(brokers, 3), minInSync: brokers >= 3 ? 2 : 1 };
}

/**
 * Internal topics sized to what the cluster can hold, and no delay a developer waits for: no
 * initial rebalance delay, short broker sessions, short pauses between controlled-shutdown retries,
 * and internal topics of one partition per broker instead of 50 (the first consumer group of a
 * fresh 3-broker cluster then joins seconds sooner).
 */
function developmentSettings({ brokers, mode }: ResolvedConfig): KafkaSettings {
  const { replicas, minInSync } = internalReplication(brokers);
  return {
    'offsets.topic.replication.factor': replicas,
    'offsets.topic.num.partitions': brokers,
    'transaction.state.log.replication.factor': replicas,
    'transaction.state.log.num.partitions': brokers,
    'transaction.state.log.min.isr': minInSync,
    'min.insync.replicas': minInSync,
    'group.initial.rebalance.delay.ms': 0,
    // A killed broker is noticed (and its partitions led elsewhere) in 6 s rather than 18 s (ZooKeeper) or 9 s (KRaft).
    ...(mode === 'zookeeper'
      ? {
          'zookeeper.session.timeout.ms': 6000,
          // When the whole cluster stops, the last broker's controlled shutdown cannot move its leaders and
          // retries: after 5 s each by default, so Docker's 10 s stop timeout killed it; clean in 3 s with this.
          'controlled.shutdown.retry.backoff.ms': 500,
        }
      : { 'broker.session.timeout.ms': 6000 }),
  };
}

/**
 * Kafka volumes are named for the node id (`broker-1-data`, `controller-101-data`), never for the
 * service: the service name follows the broker count and `listeners.inside.host`, and a broker
 * that came up on a fresh volume would hide its data while the cluster metadata still points at it.
 */
export function nodeVolumeOwner(id: number): string {
  return `${id > dedicatedControllerIdBase ? 'controller' : 'broker'}-${id}`;
}

function mounts(owner: string, dataVolumes: Readonly<Record<string, string>>): VolumeMount[] {
  return Object.entries(dataVolumes).map(([suffix, target]) => ({ volume: `${owner}-${suffix}`, target }));
}
