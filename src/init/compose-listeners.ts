import { isIP } from 'node:net';
import { defaults } from '../model/defaults.js';
import type { UserConfig } from '../model/types.js';
import type { PortMapping } from '../compose/document.js';
import { listenerExposure, type ComposeStack, type KafkaNodeService } from '../compose/stack.js';
import { problemAt } from './choices.js';

type Listeners = NonNullable<UserConfig['listeners']>;

/**
 * kafka-dev's INSIDE and OUTSIDE from a compose file's brokers: OUTSIDE is the first listener
 * published to the host, INSIDE the first one that is not. `notes` collects what changes.
 */
export function listenersFromCompose(stack: ComposeStack, brokers: readonly KafkaNodeService[], notes: string[]): Listeners {
  const first = brokers[0]!;
  const controllerNames = namesIn(first.settings.get('controller.listener.names')?.value);
  const exposures = listenerExposure(first).filter((exposure) => !controllerNames.has(exposure.listener.name));
  const published = exposures.filter((exposure) => exposure.published);
  const outside = published.find((exposure) => reachableFromHost(exposure.listener.host, stack)) ?? published[0];
  const interBroker = first.settings.get('inter.broker.listener.name')?.value.trim().toUpperCase();
  const others = exposures.filter((exposure) => exposure !== outside);
  const inside =
    others.find((exposure) => exposure.listener.name === interBroker) ??
    others.find((exposure) => stack.networkNames.has(exposure.listener.host)) ??
    others.find((exposure) => !exposure.published);
  const service = first.service.name;

  const outsideListener: NonNullable<Listeners['outside']> = { port: defaults.listeners.outside.port };
  if (outside?.published) {
    const { listener, published: mapping } = outside;
    if (reachableFromHost(listener.host, stack)) outsideListener.host = listener.host;
    else notes.push(`${service}: listener ${listener.name} advertises ${listener.host ? `'${listener.host}'` : 'no host'}, which the host cannot resolve; kafka-dev advertises ${defaults.listeners.outside.host}`);
    outsideListener.port = mapping.published ?? listener.port;
    if (mapping.published === undefined) notes.push(`${service}: ${mapping.text} lets Docker pick the host port; kafka-dev publishes port ${outsideListener.port}`);
    Object.assign(outsideListener, publishedBind(mapping, `${service}'s ${listener.name}`, notes));
    notes.push(...hostPortChanges(brokers, listener.name, outsideListener.port));
  } else {
    notes.push(`${service} publishes no listener to the host; kafka-dev adds OUTSIDE on ${defaults.listeners.outside.bind}:${defaults.listeners.outside.port}`);
  }
  if (!inside) notes.push(`${service} has no listener for other containers; kafka-dev adds INSIDE`);
  notes.push(...protocolNotes(first, exposures.map((exposure) => exposure.listener.name)));

  // kafka-dev serves each listener on its own container port; OUTSIDE's is its host port.
  const taken = new Set([outsideListener.port!]);
  const insidePort = ownPort('INSIDE', inside?.listener.port ?? defaults.listeners.inside.port, taken, notes);
  const kraft = !stack.kafka.some((node) => node.settings.has('zookeeper.connect'));
  const controllerPort = kraft ? ownPort('CONTROLLER', controllerPortOf(stack) ?? defaults.listeners.controller.port, taken, notes) : undefined;
  return {
    inside: { ...optionalHost(insideHost(brokers, notes)), port: insidePort },
    outside: outsideListener,
    ...(controllerPort !== undefined && { controller: { port: controllerPort } }),
  };
}

/** The wanted port, or the next one no other listener uses (said in a note). */
function ownPort(listener: string, wanted: number, taken: Set<number>, notes: string[]): number {
  let port = wanted;
  while (taken.has(port)) port += 1;
  if (port !== wanted) notes.push(`${listener} moves from port ${wanted} to ${port}: in kafka-dev each listener has its own container port`);
  taken.add(port);
  return port;
}

function optionalHost(host: string | undefined): { host?: string } {
  return host ? { host } : {};
}

/** A mapping's host address as `bind`; none written means every interface, which kafka-dev does not copy. */
export function publishedBind(mapping: PortMapping, what: string, notes: string[]): { bind?: string } {
  if (mapping.hostIp && isIP(mapping.hostIp)) return { bind: mapping.hostIp };
  notes.push(`${what} is published on every interface (${mapping.text}); kafka-dev binds it to 127.0.0.1 (set bind: '0.0.0.0' to keep that)`);
  return {};
}

function namesIn(list: string | undefined): Set<string> {
  return new Set((list ?? '').split(',').map((name) => name.trim().toUpperCase()).filter(Boolean));
}

function reachableFromHost(host: string, stack: ComposeStack): boolean {
  return host !== '' && host !== '0.0.0.0' && !stack.networkNames.has(host) && !problemAt({ listeners: { outside: { host } } }, 'listeners.outside.host');
}

/** kafka-dev names brokers `<host>` (one) or `<host>-1..N`; the compose services' common stem becomes the host. */
function insideHost(brokers: readonly KafkaNodeService[], notes: string[]): string | undefined {
  const names = brokers.map((broker) => broker.service.name);
  const stem = brokers.length === 1 ? names[0]! : names[0]!.replace(/[-_]?\d+$/, '');
  const problem = problemAt({ listeners: { inside: { host: stem } } }, 'listeners.inside.host');
  const host = problem ? defaults.listeners.inside.host : stem;
  if (problem) notes.push(`service name '${stem}' cannot be kafka-dev's INSIDE host (${problem}); using '${host}'`);
  const renamed = brokers.length === 1 ? [host] : names.map((_, index) => `${host}-${index + 1}`);
  if (renamed.join() !== names.join()) {
    notes.push(`broker services ${names.join(', ')} become ${renamed.join(', ')}: containers reach them by the new names`);
  }
  return problem ? undefined : host;
}

/** kafka-dev publishes broker i on `port + i - 1`; say so when the compose file numbered them otherwise. */
function hostPortChanges(brokers: readonly KafkaNodeService[], listenerName: string, port: number): string[] {
  const ports = brokers.map((broker) => listenerExposure(broker).find((exposure) => exposure.listener.name === listenerName)?.published?.published);
  const wanted = brokers.map((_, index) => port + index);
  return ports.every((published, index) => published === wanted[index])
    ? []
    : [`broker host ports ${ports.map((published) => published ?? 'picked by Docker').join(', ')} become ${wanted.join(', ')}`];
}

function protocolNotes(node: KafkaNodeService, listenerNames: readonly string[]): string[] {
  const protocols = new Map(
    (node.settings.get('listener.security.protocol.map')?.value ?? '').split(',').map((pair) => pair.trim().toUpperCase().split(':') as [string, string]),
  );
  // Without a map entry, a listener's name is its protocol (`SASL_SSL://...`).
  return listenerNames
    .map((name) => [name, protocols.get(name) ?? name] as const)
    .filter(([, protocol]) => /^(SSL|SASL_PLAINTEXT|SASL_SSL)$/.test(protocol))
    .map(([name, protocol]) => `${node.service.name}: listener ${name} uses ${protocol}; kafka-dev serves PLAINTEXT only`);
}

/** KRaft: the port of the listener named in `controller.listener.names`, from the first node that binds it. */
function controllerPortOf(stack: ComposeStack): number | undefined {
  for (const node of stack.kafka) {
    const names = namesIn(node.settings.get('controller.listener.names')?.value);
    const bound = node.bound.find((listener) => names.has(listener.name));
    if (bound) return bound.port;
  }
  return undefined;
}
