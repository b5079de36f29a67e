import type { ConfigIssue } from '../base/errors.js';
import { quoteText } from '../base/text.js';
import { buildStackModel, type ServiceSpec } from '../model/stack.js';
import type { ResolvedConfig } from '../model/types.js';

/** What Docker's DNS resolves: one label of letters, digits and '-', at most 63 characters. */
const dnsLabel = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Checks the stack the config generates, not the fields one by one: every service name, host
 * name and volume must be unique and valid, and no two services may publish the same host port.
 * A broker named after the inside host can otherwise overwrite ZooKeeper or a controller in the
 * compose file (`controller`, `zookeeper`) while every field on its own looks fine.
 */
export function generatedNameIssues(config: ResolvedConfig): ConfigIssue[] {
  const { services } = buildStackModel(config);
  const hostField = 'listeners.inside.host';
  const got = `got ${quoteText(config.listeners.inside.host)}`;
  const issues: ConfigIssue[] = [];
  // A companion's problem is its own name; a Kafka node's comes from the inside host.
  const gotOf = (service: ServiceSpec) => (service.companion ? `got ${quoteText(service.name)}` : got);
  const unique = 'every service, host and volume name in the stack must be unique; expected another name such as \'kafka\'';

  for (const [name, owners] of groupBy(services.flatMap((service) => [[service.name, service], [service.hostname, service]] as const))) {
    const distinct = [...new Set(owners)];
    if (distinct.length > 1) {
      issues.push({ path: distinct[1]!.companion?.field ?? hostField, message: `${gotOf(distinct[1]!)}: ${owner(distinct[1]!)} would take the name ${quoteText(name)}, which is ${possessive(distinct[0]!)} name; ${unique}` });
    } else if (!dnsLabel.test(name)) {
      issues.push({ path: hostField, message: `${got}: ${owner(distinct[0]!)} would be named ${quoteText(name)}, which is not a DNS label of at most 63 characters; expected a shorter name` });
    }
  }
  for (const [volume, owners] of groupBy(services.flatMap((service) => service.volumes.map((mount) => [mount.volume, service] as const)))) {
    // Companions may share a volume on purpose; a Kafka volume is its node's alone.
    const kafkaOwner = owners.find((service) => !service.companion);
    if (owners.length > 1 && kafkaOwner) {
      const other = owners.find((service) => service !== kafkaOwner)!;
      issues.push({ path: other.companion?.field ?? hostField, message: `${gotOf(other)}: ${owner(owners[0]!)} and ${owner(owners[1]!)} would share the volume ${quoteText(volume)}; ${unique}` });
    }
  }
  const published = services.flatMap((service) => service.ports.map((port) => [port, service] as const));
  published.forEach(([port, service], index) => {
    const clash = published.slice(0, index).find(([other]) => other.host === port.host && sameAddress(other.bind, port.bind));
    if (clash) {
      const field = service.companion?.portsField ?? (service.role === 'zookeeper' ? 'zookeeper.port' : 'listeners.outside.port');
      issues.push({ path: field, message: `got ${port.host}: ${owner(service)} and ${owner(clash[1])} would both publish host port ${port.host}; expected ports no other service uses` });
    }
  });
  return issues;
}

function groupBy<T>(pairs: readonly (readonly [string, T])[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const [key, value] of pairs) groups.set(key, [...(groups.get(key) ?? []), value]);
  return groups;
}

/** Two binds overlap when they are the same address or either is a wildcard. */
function sameAddress(a: string, b: string): boolean {
  const wildcard = (bind: string) => bind === '0.0.0.0' || bind === '::';
  return a === b || wildcard(a) || wildcard(b);
}

function owner(service: ServiceSpec): string {
  if (service.role === 'zookeeper') return 'the ZooKeeper service';
  if (service.companion) return `service ${quoteText(service.name)}`;
  return `${service.role} ${service.node?.id ?? ''}`.trim();
}

function possessive(service: ServiceSpec): string {
  return `${owner(service)}'s`;
}
