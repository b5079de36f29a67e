/**
 * The services of a compose file that are neither Kafka nor ZooKeeper, as companions: a Schema
 * Registry image becomes `schemaRegistry`, any other image one of `services` with its
 * environment (a broker's INSIDE address becoming `${kafka.inside.bootstrap}`), ports and volumes.
 * What a companion cannot carry is noted, and one the config would refuse is left out.
 */
import { ConfigError } from '../base/errors.js';
import type { ComposeService } from '../compose/document.js';
import { listenerExposure, loopbackHosts, type ComposeStack, type KafkaNodeService } from '../compose/stack.js';
import { parseConfig } from '../config/parse.js';
import { defaults } from '../model/defaults.js';
import { connectFlavorOf } from '../config/resolve-connect.js';
import type { ConnectConfig, SchemaRegistryConfig, SchemaRegistryFlavor, ServiceConfig, UserConfig } from '../model/types.js';

export type Companions = Pick<UserConfig, 'schemaRegistry' | 'services' | 'connect'>;

/** Container ports of the registry flavors' APIs. */
const registryPorts: Readonly<Record<SchemaRegistryFlavor, number>> = { confluent: 8081, apicurio: 8080 };

export function companionsFromCompose(stack: ComposeStack, brokers: readonly KafkaNodeService[], base: UserConfig, file: string, notes: string[]): { companions: Companions; carried: ReadonlySet<ComposeService> } {
  const known = new Set([...stack.kafka, ...stack.zookeeper].map((node) => node.service));
  const brokerNames = brokers.map((broker) => broker.service.name);
  const registry = stack.document.services.find((service) => !known.has(service) && registryFlavorOf(service.image?.value ?? ''));
  const references = new Map<string, string>([
    ...[...insideAddresses(brokers)].map((address) => [address, '${kafka.inside.bootstrap}'] as const),
    ...(registry ? registryUrls(registry).map((url) => [url, '${schemaRegistry.inside.url}'] as const) : []),
  ]);
  const carried = new Set<ComposeService>();
  let companions: Companions = {};
  const accepted = (candidate: Companions) => {
    try {
      parseConfig({ ...base, ...candidate }, { source: file, defaultName: 'kafka-dev', env: {} });
      return true;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      notes.push(`${error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}; left out`);
      return false;
    }
  };
  // The registry first, so services that reference it are judged with it in place.
  const candidates = stack.document.services.filter((candidate) => !known.has(candidate));
  for (const service of [...candidates.filter((candidate) => candidate === registry), ...candidates.filter((candidate) => candidate !== registry)]) {
    const image = service.image?.value;
    if (!image) continue;
    const flavor = service === registry ? registryFlavorOf(image) : undefined;
    const next: Companions = flavor
      ? { ...companions, schemaRegistry: registryFrom(service, image, flavor) }
      : isConnectWorker(image)
        ? { ...companions, connect: connectFrom(service, image, companions.connect, notes) }
        : { ...companions, services: { ...companions.services, [service.name]: serviceFrom(service, image, references, brokerNames, notes) } };
    if (accepted(next)) {
      companions = next;
      carried.add(service);
    }
  }
  return { companions, carried };
}

function registryFlavorOf(image: string): SchemaRegistryFlavor | undefined {
  if (/apicurio-registry/.test(image)) return 'apicurio';
  return /schema-registry/.test(image) ? 'confluent' : undefined;
}

/** cp-kafka-connect workers; an apache/kafka service is Kafka itself. */
const isConnectWorker = (image: string) => connectFlavorOf(image) === 'confluent';

/** One more worker of the Connect cluster: its REST port from the first worker; connectors live in Connect, not in the file. */
function connectFrom(service: ComposeService, image: string, connect: ConnectConfig | undefined, notes: string[]): ConnectConfig {
  if (connect) return { ...connect, workers: (connect.workers ?? 1) + 1 };
  const restPort = Number(service.environment.get('CONNECT_REST_PORT')?.value ?? defaults.connect.port);
  const published = service.ports.find((port) => port.target === restPort && port.published !== undefined)?.published;
  notes.push(`${service.name}: a Kafka Connect worker; its connectors are kept by Connect, not in the compose file: declare them in connect.connectors`);
  return {
    ...(published !== undefined && published !== defaults.connect.port && { port: published }),
    image,
  };
}

function registryFrom(service: ComposeService, image: string, flavor: SchemaRegistryFlavor): SchemaRegistryConfig {
  const published = service.ports.find((port) => port.target === registryPorts[flavor] && port.published !== undefined);
  const isDefault = image === defaults.schemaRegistry.images[flavor];
  return {
    ...(flavor !== 'confluent' && { flavor }),
    ...(published && published.published !== defaults.schemaRegistry.port && { port: published.published }),
    ...(published?.hostIp && published.hostIp !== defaults.schemaRegistry.bind && { bind: published.hostIp }),
    ...(!isDefault && { image }),
  };
}

function serviceFrom(service: ComposeService, image: string, references: ReadonlyMap<string, string>, brokerNames: readonly string[], notes: string[]): ServiceConfig {
  const environment = Object.fromEntries([...service.environment].map(([variable, { value }]) => [variable, replaced(value, references)]));
  const ports = service.ports.flatMap((port) => {
    if (port.published === undefined) {
      notes.push(`${service.name}: port ${port.text} has no fixed host port; left out`);
      return [];
    }
    if (!port.hostIp) notes.push(`${service.name}: port ${port.text} was published on every interface; kafka-dev publishes it on ${defaults.services.bind}`);
    return [`${port.hostIp ? `${port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp}:` : ''}${port.published}:${port.target}`];
  });
  const volumes = service.volumes.flatMap((mount) => {
    if (!mount.source) return [];
    if (mount.source.startsWith('.')) notes.push(`${service.name}: folder ${mount.source} is read relative to the config file's folder`);
    return [`${mount.source}:${mount.target}`];
  });
  return {
    image,
    ...(Object.keys(environment).length > 0 && { environment }),
    ...(ports.length > 0 && { ports }),
    ...(volumes.length > 0 && { volumes }),
    ...(service.dependsOn.length > 0 && { dependsOn: dependsOnFrom(service.dependsOn, brokerNames) }),
    ...(service.command && { command: service.command.map((word) => replaced(word, references)) }),
  };
}

/** Every broker becomes `kafka`; ZooKeeper and other services stay as named. */
function dependsOnFrom(names: readonly string[], brokerNames: readonly string[]): string[] {
  const all = brokerNames.length > 0 && brokerNames.every((name) => names.includes(name));
  return [...(all ? ['kafka'] : []), ...names.filter((name) => !(all && brokerNames.includes(name)))];
}

/** A value that is one of the cluster's addresses becomes its reference; Compose's `$$` is the config's too. */
function replaced(value: string, references: ReadonlyMap<string, string>): string {
  return references.get(value) ?? value;
}

/** How containers reach the registry service: its name or host name, on its flavor's port (with the API path for Apicurio). */
function registryUrls(service: ComposeService): string[] {
  const flavor = registryFlavorOf(service.image!.value)!;
  const path = flavor === 'apicurio' ? '/apis/ccompat/v7' : '';
  return [service.name, service.hostname].filter(Boolean).map((host) => `http://${host}:${registryPorts[flavor]}${path}`);
}

/** `kafka:29092` and `PLAINTEXT://kafka:29092`: the listeners brokers advertise to containers (not to the host). */
function insideAddresses(brokers: readonly KafkaNodeService[]): Set<string> {
  const listeners = brokers.flatMap((broker) => listenerExposure(broker).filter(({ listener }) => !loopbackHosts.has(listener.host)).map(({ listener }) => listener));
  const joined = (format: (listener: (typeof listeners)[number]) => string) => listeners.map(format).join(',');
  return new Set(listeners.length === 0 ? [] : [joined((l) => `${l.host}:${l.port}`), joined((l) => `${l.name}://${l.host}:${l.port}`), joined((l) => `PLAINTEXT://${l.host}:${l.port}`)]);
}
