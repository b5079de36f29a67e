/**
 * What a compose file's Kafka and ZooKeeper services mean, whichever image family wrote them:
 * their Kafka settings (read by the flavor registry's env contract of the image), listeners, and
 * which listener is published to the host.
 */
import type { ComposeDocument, ComposeService, Located, PortMapping } from './document.js';
import { parseImageReference } from '../model/image-reference.js';
import { envToSetting, flavorOfReference, flavorOfVariables, loadFlavor, unknownImageFlavor, type ImageRole } from '../model/flavor.js';
import type { ImageFlavor } from '../model/types.js';
import { wholeNumber } from '../base/whole-number.js';

export interface Listener {
  readonly name: string;
  /** Empty in `PLAINTEXT://:9092`: Kafka then uses the container's own host name. */
  readonly host: string;
  readonly port: number;
  readonly line: number;
}

export interface KafkaNodeService {
  readonly service: ComposeService;
  /** The flavor the image's name says; undefined for images kafka-dev does not know (or a `build:`). */
  readonly flavor?: ImageFlavor;
  /** The env contract the settings were read with: the flavor, or one guessed from the variables. */
  readonly contract: ImageFlavor;
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
  readonly flavor?: ImageFlavor;
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

const roles: readonly ImageRole[] = ['kafka', 'zookeeper'];

/** Settings only a Kafka node has: a service setting one of them is Kafka whatever its image. */
const kafkaNodeSettings: ReadonlySet<string> = new Set(['advertised.listeners', 'zookeeper.connect', 'broker.id', 'node.id', 'process.roles', 'listeners']);

interface Recognised {
  readonly role: ImageRole;
  readonly flavor?: ImageFlavor;
  /** For images no flavor names: the flavor whose marker variables the service sets. */
  readonly marked?: ImageFlavor;
}

/** Kafka or ZooKeeper by the image's name (a flavor's, or plainly `kafka`/`zookeeper`), else by the variables the service sets. */
function recognise(service: ComposeService): Recognised | undefined {
  const parsed = service.image ? parseImageReference(service.image.value) : undefined;
  const reference = parsed?.ok ? parsed.reference : undefined;
  const variables = [...service.environment.keys()];
  for (const role of roles) {
    const flavor = reference && flavorOfReference(reference, role);
    if (flavor) return { role, flavor };
  }
  const marked = flavorOfVariables(variables, 'kafka');
  const name = reference?.path.split('/').at(-1);
  const named = roles.find((role) => role === name);
  if (named) return { role: named, ...optionalFlavor('marked', named === 'kafka' ? marked : undefined) };
  if (marked) return { role: 'kafka', marked };
  const plain = unknownImageFlavor();
  if (variables.some((variable) => kafkaNodeSettings.has(envToSetting(plain, variable) ?? ''))) return { role: 'kafka' };
  if (flavorOfVariables(variables, 'zookeeper')) return { role: 'zookeeper' };
  return undefined;
}

function optionalFlavor<Key extends string>(key: Key, flavor: ImageFlavor | undefined): { [K in Key]?: ImageFlavor } {
  return (flavor ? { [key]: flavor } : {}) as { [K in Key]?: ImageFlavor };
}

/** The broker setting an environment variable stands for under a flavor's env contract (an unknown image's when undefined), or undefined. */
export function settingOfVariable(variable: string, flavor: ImageFlavor | undefined): string | undefined {
  return envToSetting(flavor ? loadFlavor(flavor) : unknownImageFlavor(), variable);
}

/** `INSIDE://kafka:9093,OUTSIDE://localhost:9092`; entries that do not parse are left out. */
export function parseListeners(text: string, line: number): Listener[] {
  return text.split(',').flatMap((entry) => {
    const match = /^\s*([\w-]+):\/\/(\[[^\]]*\]|[^:]*):(\d+)\s*$/.exec(entry);
    return match ? [{ name: match[1]!.toUpperCase(), host: match[2]!.replace(/^\[(.*)\]$/, '$1'), port: Number(match[3]), line }] : [];
  });
}

function kafkaNode(service: ComposeService, { flavor, marked }: Recognised): KafkaNodeService {
  const contract = flavor ?? marked ?? unknownImageFlavor().name;
  const settings = new Map<string, Located<string>>();
  for (const [variable, value] of service.environment) {
    const setting = settingOfVariable(variable, contract);
    if (setting) settings.set(setting, value);
  }
  const listed = (key: string) => {
    const value = settings.get(key);
    return value ? parseListeners(value.value, value.line) : [];
  };
  const advertised = listed('advertised.listeners');
  const hostName = service.environment.get('KAFKA_ADVERTISED_HOST_NAME');
  // wurstmeister's older contract: one PLAINTEXT listener from a host name and a port (9092 unless
  // given); like a listener entry that does not parse, one whose port is no number is left out.
  const portText = (service.environment.get('KAFKA_ADVERTISED_PORT') ?? service.environment.get('KAFKA_PORT'))?.value;
  const port = portText === undefined ? 9092 : wholeNumber(portText);
  if (advertised.length === 0 && hostName && port !== undefined) {
    advertised.push({ name: 'PLAINTEXT', host: hostName.value, port, line: hostName.line });
  }
  const bound = listed('listeners');
  const roles = settings.get('process.roles')?.value.split(',').map((role) => role.trim()) ?? ['broker'];
  const bindsAdvertised = bound.length === 0 && flavor !== undefined && loadFlavor(flavor).kafka.listenersFromAdvertised;
  return { service, ...optionalFlavor('flavor', flavor), contract, roles, settings, advertised, bound: bindsAdvertised ? advertised : bound };
}

export function composeStack(document: ComposeDocument): ComposeStack {
  const kafka: KafkaNodeService[] = [];
  const zookeeper: ZookeeperService[] = [];
  for (const service of document.services) {
    const recognised = recognise(service);
    if (recognised?.role === 'kafka') kafka.push(kafkaNode(service, recognised));
    if (recognised?.role === 'zookeeper') zookeeper.push({ service, ...optionalFlavor('flavor', recognised.flavor) });
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
