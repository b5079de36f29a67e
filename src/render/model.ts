import type { KafkaSettings, ResolvedConfig } from '../config/types.js';
import { fillPlaceholders, loadFlavor, settingToEnv, type Flavor } from './flavor.js';
import { brokerServices, listenerNames, type BrokerEndpoints } from './listeners.js';

/**
 * The stack as plain data: what both the compose renderer and the Docker controller build from,
 * so a rendered file and a `kafka-dev up` always describe the same containers.
 */
export interface PublishedPort {
  readonly bind: string;
  readonly host: number;
  readonly container: number;
}

export interface VolumeMount {
  /** Volume name as written in compose (without the project prefix). */
  readonly volume: string;
  readonly target: string;
}

export type ServiceRole = 'zookeeper' | 'broker';

export interface ServiceSpec {
  readonly name: string;
  readonly role: ServiceRole;
  readonly image: string;
  readonly hostname: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly ports: readonly PublishedPort[];
  readonly volumes: readonly VolumeMount[];
  readonly dependsOn: readonly string[];
  /** Set for brokers: the listeners this service serves. */
  readonly broker?: BrokerEndpoints;
}

export interface StackModel {
  readonly project: string;
  readonly services: readonly ServiceSpec[];
  readonly volumes: readonly string[];
}

export const zookeeperService = 'zookeeper';

export function buildStackModel(config: ResolvedConfig, flavor: Flavor = loadFlavor(config.images.flavor)): StackModel {
  const zookeeper = zookeeperSpec(config, flavor);
  const brokers = brokerServices(config).map((broker) => brokerSpec(config, flavor, broker));
  const services = [zookeeper, ...brokers];
  return {
    project: config.name,
    services,
    volumes: services.flatMap((service) => service.volumes.map((mount) => mount.volume)),
  };
}

function zookeeperSpec(config: ResolvedConfig, flavor: Flavor): ServiceSpec {
  const { port, bind } = config.zookeeper;
  return {
    name: zookeeperService,
    role: 'zookeeper',
    image: config.images.zookeeper,
    hostname: zookeeperService,
    environment: fillPlaceholders(flavor.zookeeper.environment, {
      'zookeeper.port': port,
      'zookeeper.heap': config.heap.zookeeper,
    }),
    ports: [{ bind, host: port, container: port }],
    volumes: mounts(zookeeperService, flavor.zookeeper.dataVolumes),
    dependsOn: [],
  };
}

function brokerSpec(config: ResolvedConfig, flavor: Flavor, broker: BrokerEndpoints): ServiceSpec {
  const { inside, outside } = broker;
  const { inside: insideName, outside: outsideName } = listenerNames;
  const environment = fillPlaceholders(flavor.kafka.environment, {
    'broker.id': broker.id,
    'broker.heap': config.heap.kafka,
    'broker.listeners': `${insideName}://0.0.0.0:${inside.port},${outsideName}://0.0.0.0:${outside.containerPort}`,
    'broker.advertisedListeners': `${insideName}://${inside.host}:${inside.port},${outsideName}://${outside.host}:${outside.port}`,
    'broker.securityProtocolMap': `${insideName}:PLAINTEXT,${outsideName}:PLAINTEXT`,
    'broker.interBrokerListener': insideName,
    'zookeeper.connect': `${zookeeperService}:${config.zookeeper.port}`,
  });
  const settings: KafkaSettings = { ...developmentSettings(config.brokers), ...config.brokerConfig };
  for (const [key, value] of Object.entries(settings)) {
    environment[settingToEnv(flavor, key)] = String(value);
  }
  return {
    name: broker.service,
    role: 'broker',
    image: config.images.kafka,
    hostname: broker.service,
    environment,
    ports: [{ bind: outside.bind, host: outside.port, container: outside.containerPort }],
    volumes: mounts(broker.service, flavor.kafka.dataVolumes),
    dependsOn: [zookeeperService],
    broker,
  };
}

/**
 * Internal topics sized to what the cluster can hold, and no delay a developer waits for: no
 * initial rebalance delay, and a short ZooKeeper session so a killed broker's registration
 * expires in seconds rather than 18 s when it is started again.
 */
function developmentSettings(brokers: number): KafkaSettings {
  const replicas = Math.min(brokers, 3);
  return {
    'offsets.topic.replication.factor': replicas,
    'transaction.state.log.replication.factor': replicas,
    'transaction.state.log.min.isr': Math.min(brokers, 2),
    'group.initial.rebalance.delay.ms': 0,
    'zookeeper.session.timeout.ms': 6000,
  };
}

function mounts(service: string, dataVolumes: Readonly<Record<string, string>>): VolumeMount[] {
  return Object.entries(dataVolumes).map(([suffix, target]) => ({ volume: `${service}-${suffix}`, target }));
}
