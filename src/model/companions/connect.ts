/**
 * The Kafka Connect companion: `workers` distributed-mode workers in one group, reaching Kafka
 * over INSIDE, their internal topics replicated as far as the cluster allows (min(3, brokers)),
 * each worker's REST API published on 127.0.0.1 (worker N on port + N - 1), plugin folders
 * mounted read-only and put on the plugin path. The image's flavor says how the worker
 * properties reach it (see `connect-flavor.ts`).
 */
import { bootstrapServers } from '../cluster.js';
import type { ServiceSpec } from '../service-spec.js';
import type { ResolvedConfig, ResolvedConnect } from '../types.js';
import { brokerServices, type CompanionKind } from './companion.js';
import { connectFlavor, propertyToEnv } from './connect-flavor.js';

/** Connect listens here in every container; the host reaches worker N on `port + N - 1`. */
export const connectContainerPort = 8083;
const bind = '127.0.0.1';
const pluginMountRoot = '/kafka-dev/plugins';

export interface ConnectWorker {
  readonly service: string;
  readonly hostPort: number;
  /** The REST API for programs on the host and for containers on the compose network. */
  readonly urls: { readonly host: string; readonly containers: string };
}

export function connectWorkers(connect: ResolvedConnect): ConnectWorker[] {
  return Array.from({ length: connect.workers }, (_, index) => {
    const service = `connect-${index + 1}`;
    const hostPort = connect.port + index;
    return { service, hostPort, urls: { host: `http://localhost:${hostPort}`, containers: `http://${service}:${connectContainerPort}` } };
  });
}

/** Where the host reaches a worker's REST API, for requests kafka-dev makes itself. */
export function connectRestUrl(worker: ConnectWorker): string {
  return `http://${bind}:${worker.hostPort}`;
}

/** The properties every worker shares, plus its own advertised name. */
export function workerProperties(config: ResolvedConfig, connect: ResolvedConnect, worker: ConnectWorker): Record<string, string> {
  const replication = String(Math.min(3, config.brokers));
  const flavor = connectFlavor(connect.flavor);
  return {
    'bootstrap.servers': bootstrapServers(config).containers.join(','),
    'group.id': `${config.name}-connect`,
    'config.storage.topic': internalTopics.config,
    'offset.storage.topic': internalTopics.offset,
    'status.storage.topic': internalTopics.status,
    'config.storage.replication.factor': replication,
    'offset.storage.replication.factor': replication,
    'status.storage.replication.factor': replication,
    // Keys as plain strings, values as JSON without a schema envelope: what a developer reads back with a console consumer.
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter.schemas.enable': 'false',
    // A development cluster: source offsets and sink files flushed within a second, not ten.
    'offset.flush.interval.ms': '1000',
    'rest.port': String(connectContainerPort),
    'rest.advertised.host.name': worker.service,
    'rest.advertised.port': String(connectContainerPort),
    'plugin.path': [...flavor.pluginPath, ...connect.plugins.map((_, index) => pluginMount(index))].join(','),
  };
}

/** Where the workers keep connector configs, source offsets and statuses. */
const internalTopics = { config: '_connect-configs', offset: '_connect-offsets', status: '_connect-status' } as const;

const pluginMount = (index: number) => `${pluginMountRoot}/${index + 1}`;

function workerSpec(config: ResolvedConfig, connect: ResolvedConnect, worker: ConnectWorker, dependsOn: readonly string[]): ServiceSpec {
  const flavor = connectFlavor(connect.flavor);
  const properties = workerProperties(config, connect, worker);
  const propertiesEnv = flavor.propertiesEnvPrefix;
  const environment: Record<string, string> = {
    KAFKA_HEAP_OPTS: `-Xms${connect.heap} -Xmx${connect.heap}`,
    ...(propertiesEnv && Object.fromEntries(Object.entries(properties).map(([key, value]) => [propertyToEnv(propertiesEnv, key), value]))),
  };
  return {
    name: worker.service,
    role: 'companion',
    image: connect.image,
    hostname: worker.service,
    environment,
    ...(flavor.command && { command: [...flavor.command, ...Object.entries(properties).map(([key, value]) => `${key}=${value}`)] }),
    ports: [{ bind, host: worker.hostPort, container: connectContainerPort }],
    volumes: [],
    binds: connect.plugins.map((source, index) => ({ source, target: pluginMount(index), readOnly: true })),
    dependsOn: [...dependsOn],
    companion: {
      kind: 'connect',
      field: 'connect',
      portsField: 'connect.port',
      ready: { kind: 'http', url: `${connectRestUrl(worker)}/connectors` },
      endpoints: [{ name: 'Kafka Connect', ...worker.urls }],
    },
  };
}

export const connectCompanion: CompanionKind = {
  field: 'connect',
  referenceNames: ['connect.inside.url', 'connect.outside.url'],
  references({ connect }): Record<string, string> {
    const first = connect && connectWorkers(connect)[0];
    return first ? { 'connect.inside.url': first.urls.containers, 'connect.outside.url': first.urls.host } : {};
  },
  ownedTopics: ({ connect }) => (connect ? Object.values(internalTopics) : []),
  services(config, { kafka }): ServiceSpec[] {
    const { connect } = config;
    if (!connect) return [];
    return connectWorkers(connect).map((worker) => workerSpec(config, connect, worker, brokerServices(kafka)));
  },
};
