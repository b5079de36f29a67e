/**
 * The Schema Registry companion. Two flavors with their own env contracts, both reached by
 * clients through the Confluent API:
 * - `confluent`: cp-schema-registry (`SCHEMA_REGISTRY_*`), schemas in Kafka's `_schemas` topic.
 * - `apicurio`: Apicurio Registry 3.x (`APICURIO_*`, a Quarkus app on 8080), its Confluent-compatible
 *   API under /apis/ccompat/v7; schemas in a Kafka topic (kafkasql) or in memory. A 2.x in-memory
 *   image (2.4+, as the local test stand-in) serves the same path and ignores the APICURIO_* variables.
 */
import { bootstrapServers, reachableHost } from '../cluster.js';
import type { ServiceSpec } from '../service-spec.js';
import type { ResolvedConfig, ResolvedSchemaRegistry, SchemaRegistryFlavor } from '../types.js';
import { brokerServices, type CompanionKind } from './companion.js';

export const schemaRegistryService = 'schema-registry';

interface FlavorContract {
  /** Port the API listens on inside the container. */
  readonly containerPort: number;
  /** Where the Confluent-compatible API starts, below the root. */
  readonly apiPath: string;
  readonly environment: (config: ResolvedConfig, registry: ResolvedSchemaRegistry) => Record<string, string>;
  /** The Kafka topics the registry keeps its schemas in, which `up --prune` must leave alone. */
  readonly storageTopics: (registry: ResolvedSchemaRegistry) => string[];
}

const contracts: Readonly<Record<SchemaRegistryFlavor, FlavorContract>> = {
  confluent: {
    containerPort: 8081,
    apiPath: '',
    environment: (config) => ({
      SCHEMA_REGISTRY_HOST_NAME: schemaRegistryService,
      SCHEMA_REGISTRY_LISTENERS: 'http://0.0.0.0:8081',
      SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS: bootstrapServers(config).containers.map((address) => `PLAINTEXT://${address}`).join(','),
      // The default of 3 replicas cannot be met by a smaller cluster.
      SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR: String(Math.min(config.brokers, 3)),
    }),
    storageTopics: () => ['_schemas'],
  },
  apicurio: {
    containerPort: 8080,
    apiPath: '/apis/ccompat/v7',
    environment: (config, registry): Record<string, string> =>
      registry.storage === 'memory'
        ? { APICURIO_STORAGE_KIND: 'sql', APICURIO_STORAGE_SQL_KIND: 'h2' }
        : { APICURIO_STORAGE_KIND: 'kafkasql', APICURIO_KAFKASQL_BOOTSTRAP_SERVERS: bootstrapServers(config).containers.join(',') },
    // Apicurio 3's kafkasql defaults for its journal and snapshot topics.
    storageTopics: (registry) => (registry.storage === 'memory' ? [] : ['kafkasql-journal', 'kafkasql-snapshots']),
  },
};

/** The registry's URLs: for programs on the host and for containers on the compose network. */
export function schemaRegistryUrls(registry: ResolvedSchemaRegistry): { host: string; containers: string } {
  const { containerPort, apiPath } = contracts[registry.flavor];
  const loopback = reachableHost(registry.bind) === '127.0.0.1';
  const host = loopback ? 'localhost' : registry.bind.includes(':') ? `[${registry.bind}]` : registry.bind;
  return { host: `http://${host}:${registry.port}${apiPath}`, containers: `http://${schemaRegistryService}:${containerPort}${apiPath}` };
}

export const schemaRegistryCompanion: CompanionKind = {
  field: 'schemaRegistry',
  referenceNames: ['schemaRegistry.inside.url', 'schemaRegistry.outside.url'],
  references({ schemaRegistry }): Record<string, string> {
    if (!schemaRegistry) return {};
    const urls = schemaRegistryUrls(schemaRegistry);
    return { 'schemaRegistry.inside.url': urls.containers, 'schemaRegistry.outside.url': urls.host };
  },
  ownedTopics: ({ schemaRegistry }) => (schemaRegistry ? contracts[schemaRegistry.flavor].storageTopics(schemaRegistry) : []),
  services(config, { kafka }): ServiceSpec[] {
    const registry = config.schemaRegistry;
    if (!registry) return [];
    const contract = contracts[registry.flavor];
    const urls = schemaRegistryUrls(registry);
    const readyUrl = `http://${reachableHost(registry.bind).replace(/^(.*:.*)$/, '[$1]')}:${registry.port}${contract.apiPath}/subjects`;
    return [
      {
        name: schemaRegistryService,
        role: 'companion',
        image: registry.image,
        hostname: schemaRegistryService,
        environment: contract.environment(config, registry),
        ports: [{ bind: registry.bind, host: registry.port, container: contract.containerPort }],
        volumes: [],
        dependsOn: brokerServices(kafka),
        companion: {
          kind: 'schema-registry',
          field: 'schemaRegistry',
          portsField: 'schemaRegistry.port',
          ready: { kind: 'http', url: readyUrl },
          endpoints: [{ name: 'Schema Registry', ...urls }],
        },
      },
    ];
  },
};
