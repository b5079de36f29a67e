import type { ComposeDocument, ComposeService, Located, PortMapping } from './document.js';

/**
 * What a compose file's Kafka and ZooKeeper services mean, whichever image family wrote them:
 * their Kafka settings (`KAFKA_*` or bitnami's `KAFKA_CFG_*`), listeners, and which listener
 * is published to the host.
 */
export type ImageFamily = 'confluent' | 'apache' | 'bitnami' | 'wurstmeister' | 'zookeeper' | 'other';

export interface Listener {
  readonly name: string;
  /** Empty in `PLAINTEXT://:9092`: Kafka then uses the container's own host name. */
  readonly host: string;
  readonly port: number;
  readonly line: number;
}

export interface KafkaNodeService {
  readonly service: ComposeService;
  readonly family: ImageFamily;
  /** `process.roles`; a ZooKeeper-mode broker is a broker. */
  readonly roles: readonly string[];
  /** Kafka settings by name (`advertised.listeners`), from whichever env convention the image follows. */
  readonly settings: ReadonlyMap<string, Located<string>>;
  readonly advertised: readonly Listener[];
  /** Listeners the node binds: `listeners`, or (cp-kafka) derived from the advertised ones. */
  readonly bound: readonly Listener[];
}

export interface ZookeeperService {
  readonly service: ComposeService;
  readonly family: ImageFamily;
}

export interface ComposeStack {
  readonly document: ComposeDocument;
  readonly kafka: readonly KafkaNodeService[];
  readonly zookeeper: readonly ZookeeperService[];
  /** Names Docker's DNS resolves on the compose network, and nowhere else: service names, host names, container names. */
  readonly networkNames: ReadonlySet<string>;
}

/** An advertised listener and where its port is published, if it is. */
export interface ListenerExposure {
  readonly listener: Listener;
  readonly containerPort: number;
  readonly published?: PortMapping;
}

const familyPatterns: [RegExp, ImageFamily][] = [
  [/(^|\/)cp-(kafka|server|zookeeper)(:|@|$)/, 'confluent'],
  [/(^|\/)(apache\/kafka(-native)?|apache-kafka)(:|@|$)/, 'apache'],
  [/(^|\/)bitnami(legacy)?\/(kafka|zookeeper)(:|@|$)/, 'bitnami'],
  [/(^|\/)wurstmeister\/(kafka|zookeeper)(:|@|$)/, 'wurstmeister'],
  [/^(docker\.io\/)?(library\/)?zookeeper(:|@|$)/, 'zookeeper'],
];

function imageFamily(image: string | undefined): ImageFamily {
  return familyPatterns.find(([pattern]) => pattern.test(image ?? ''))?.[1] ?? 'other';
}

/** Variables that only a Kafka node sets, for images kafka-lint does not know by name (or a `build:`). */
const kafkaMarkers = /^KAFKA_(CFG_)?(ADVERTISED_LISTENERS|ZOOKEEPER_CONNECT|BROKER_ID|NODE_ID|PROCESS_ROLES|LISTENERS)$|^KAFKA_ADVERTISED_HOST_NAME$/;
const zookeeperMarkers = /^(ZOOKEEPER_CLIENT_PORT|ZOO_MY_ID|ZOO_SERVERS|ZOO_PORT_NUMBER)$/;

/** `KAFKA_*` variables that configure the image or the JVM rather than name a broker setting. */
const imageVariables =
  /^KAFKA_(HEAP_OPTS|OPTS|JMX_\w+|LOG4J_\w+|TOOLS_LOG4J_\w+|JVM_PERFORMANCE_OPTS|GC_LOG_OPTS|DEBUG|CREATE_TOPICS|ADVERTISED_HOST_NAME|ADVERTISED_PORT|PORT|CLUSTER_ID|VERSION|HOME)$/;

function roleOf(service: ComposeService): 'kafka' | 'zookeeper' | undefined {
  const name = /([^/]+?)(?::[^/]*|@.*)?$/.exec(service.image?.value ?? '')?.[1];
  if (name && /^(kafka|cp-kafka|cp-server|kafka-native)$/.test(name)) return 'kafka';
  if (name && /^(zookeeper|cp-zookeeper)$/.test(name)) return 'zookeeper';
  const variables = [...service.environment.keys()];
  if (variables.some((variable) => kafkaMarkers.test(variable))) return 'kafka';
  if (variables.some((variable) => zookeeperMarkers.test(variable))) return 'zookeeper';
  return undefined;
}

/**
 * The broker setting an environment variable stands for, or undefined. bitnami reads only
 * `KAFKA_CFG_*` (dots as `_`); the Confluent and Apache images escape `_` as `__` and `-` as `___`.
 */
export function settingOfVariable(variable: string, family: ImageFamily): string | undefined {
  if (variable.startsWith('KAFKA_CFG_')) return variable.slice('KAFKA_CFG_'.length).toLowerCase().replace(/_/g, '.');
  if (family === 'bitnami' || !variable.startsWith('KAFKA_') || imageVariables.test(variable)) return undefined;
  const escaped = family === 'confluent' || family === 'apache';
  const unescape: Record<string, string> = { ___: '-', __: '_', _: '.' };
  return variable
    .slice('KAFKA_'.length)
    .toLowerCase()
    .replace(escaped ? /___|__|_/g : /_/g, (match) => unescape[match] ?? match);
}

/** `INSIDE://kafka:9093,OUTSIDE://localhost:9092`; entries that do not parse are left out. */
export function parseListeners(text: string, line: number): Listener[] {
  return text.split(',').flatMap((entry) => {
    const match = /^\s*([\w-]+):\/\/(\[[^\]]*\]|[^:]*):(\d+)\s*$/.exec(entry);
    return match ? [{ name: match[1]!.toUpperCase(), host: match[2]!.replace(/^\[(.*)\]$/, '$1'), port: Number(match[3]), line }] : [];
  });
}

function kafkaNode(service: ComposeService): KafkaNodeService {
  const family = imageFamily(service.image?.value);
  const settings = new Map<string, Located<string>>();
  for (const [variable, value] of service.environment) {
    const setting = settingOfVariable(variable, family);
    if (setting) settings.set(setting, value);
  }
  const listed = (key: string) => {
    const value = settings.get(key);
    return value ? parseListeners(value.value, value.line) : [];
  };
  const advertised = listed('advertised.listeners');
  const hostName = service.environment.get('KAFKA_ADVERTISED_HOST_NAME');
  // wurstmeister's older contract: one PLAINTEXT listener from a host name and a port.
  if (advertised.length === 0 && hostName) {
    const port = service.environment.get('KAFKA_ADVERTISED_PORT') ?? service.environment.get('KAFKA_PORT');
    advertised.push({ name: 'PLAINTEXT', host: hostName.value, port: Number(port?.value ?? 9092), line: hostName.line });
  }
  const bound = listed('listeners');
  const roles = settings.get('process.roles')?.value.split(',').map((role) => role.trim()) ?? ['broker'];
  return { service, family, roles, settings, advertised, bound: bound.length > 0 || family !== 'confluent' ? bound : advertised };
}

export function composeStack(document: ComposeDocument): ComposeStack {
  const kafka: KafkaNodeService[] = [];
  const zookeeper: ZookeeperService[] = [];
  for (const service of document.services) {
    const role = roleOf(service);
    if (role === 'kafka') kafka.push(kafkaNode(service));
    if (role === 'zookeeper') zookeeper.push({ service, family: imageFamily(service.image?.value) });
  }
  const networkNames = new Set(
    document.services.flatMap((service) => [service.name, service.hostname, service.containerName].filter((name) => name !== undefined)),
  );
  return { document, kafka, zookeeper, networkNames };
}

/** Nodes that serve clients (not dedicated KRaft controllers). */
export function brokersOf(stack: ComposeStack): KafkaNodeService[] {
  return stack.kafka.filter((node) => node.roles.includes('broker'));
}

/** Each advertised listener with the container port it is served on and, if any, the mapping that publishes that port. */
export function listenerExposure(node: KafkaNodeService): ListenerExposure[] {
  return node.advertised.map((listener) => {
    const containerPort = node.bound.find((bound) => bound.name === listener.name)?.port ?? listener.port;
    const published = node.service.ports.find((mapping) => mapping.target === containerPort);
    return { listener, containerPort, ...(published && { published }) };
  });
}

/** Host names that mean "this machine" to whoever resolves them. */
export const loopbackHosts: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '::1']);
