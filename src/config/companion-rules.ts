/**
 * Rules over the companions that need the whole config: the references in their environment,
 * the names `dependsOn` uses, readiness on a port the service publishes, and flavor options.
 * Port and name clashes with Kafka's services are judged on the stack (generated-names.ts).
 */
import { closest } from 'fastest-levenshtein';
import type { ConfigIssue } from '../base/errors.js';
import { quoteText } from '../base/text.js';
import { clusterNodes } from '../model/cluster.js';
import { companionKinds, companionReferences } from '../model/companions/registry.js';
import { expandReferences } from '../model/companions/references.js';
import { allBrokers } from '../model/companions/generic-services.js';
import { schemaRegistryService } from '../model/companions/schema-registry.js';
import { parseImageReference } from '../model/image-reference.js';
import { zookeeperService } from '../model/stack.js';
import type { ResolvedConfig, ResolvedService } from '../model/types.js';

export function companionIssues(config: ResolvedConfig): ConfigIssue[] {
  return [...schemaRegistryIssues(config), ...config.services.flatMap((service) => serviceIssues(config, service))];
}

function schemaRegistryIssues({ schemaRegistry }: ResolvedConfig): ConfigIssue[] {
  if (schemaRegistry?.flavor === 'confluent' && schemaRegistry.storage === 'memory') {
    return [{ path: 'schemaRegistry.storage', message: "got 'memory', but Confluent's Schema Registry keeps schemas only in Kafka; expected 'kafka', or flavor 'apicurio'" }];
  }
  // kafka-dev's Kafka storage contract is Apicurio 3's APICURIO_* variables, which 2.x images ignore.
  const parsed = schemaRegistry && parseImageReference(schemaRegistry.image);
  const tag = parsed?.ok ? parsed.reference.tag : undefined;
  if (schemaRegistry?.flavor === 'apicurio' && schemaRegistry.storage === 'kafka' && tag?.startsWith('2.')) {
    return [
      {
        path: 'schemaRegistry.storage',
        message: `got 'kafka', but the image ${quoteText(schemaRegistry.image)} is Apicurio Registry 2.x, which would keep the schemas in memory; expected 'memory', or an Apicurio 3.x image`,
      },
    ];
  }
  return [];
}

function serviceIssues(config: ResolvedConfig, service: ResolvedService): ConfigIssue[] {
  const field = `services.${service.name}`;
  return [...referenceIssues(config, service, field), ...dependencyIssues(config, service, field), ...readyIssues(service, field)];
}

function referenceIssues(config: ResolvedConfig, service: ResolvedService, field: string): ConfigIssue[] {
  const references = companionReferences(config);
  const known = [...references.keys()];
  const values = [
    ...Object.entries(service.environment).map(([variable, value]) => [`${field}.environment.${variable}`, value] as const),
    ...(service.command ?? []).map((word, index) => [`${field}.command[${index}]`, word] as const),
  ];
  return values.flatMap(([path, value]) =>
    expandReferences(value, references).unknown.map((name) => {
      const kind = companionKinds.find((candidate) => candidate.referenceNames.includes(name.trim()));
      const why = kind
        ? `\${${name}} has a value only when '${kind.field}' is configured; expected '${kind.field}' in the config, or another reference`
        : `\${${name}} names nothing kafka-dev knows${known.length > 0 ? `; did you mean \${${closest(name, known)}}?` : ''} Expected one of ${known.map((known) => `\${${known}}`).join(', ')} (or $$ for a literal '$')`;
      return { path, message: `got ${quoteText(value)}: ${why}` };
    }),
  );
}

/** Names a service may depend on: Kafka's services, `kafka` for every broker, the registry and the other services, without cycles. */
function dependencyIssues(config: ResolvedConfig, service: ResolvedService, field: string): ConfigIssue[] {
  const names = [
    allBrokers,
    ...(config.mode === 'zookeeper' ? [zookeeperService] : []),
    ...clusterNodes(config).map((node) => node.service),
    ...(config.schemaRegistry ? [schemaRegistryService] : []),
    ...config.services.filter((other) => other !== service).map((other) => other.name),
  ];
  const known = [...new Set(names)];
  const issues = service.dependsOn.flatMap((name, index) =>
    known.includes(name) ? [] : [{ path: `${field}.dependsOn[${index}]`, message: `got ${quoteText(name)}, which is no service of this stack; expected one of ${known.join(', ')}` }],
  );
  const cycle = dependencyCycle(config.services, service);
  if (cycle) issues.push({ path: `${field}.dependsOn`, message: `got a cycle: ${cycle.join(' -> ')}; expected services that do not wait for each other` });
  return issues;
}

/** A path of `dependsOn` that leads from the service back to itself, if any. */
function dependencyCycle(services: readonly ResolvedService[], start: ResolvedService): string[] | undefined {
  const byName = new Map(services.map((service) => [service.name, service]));
  const visit = (service: ResolvedService, path: string[]): string[] | undefined => {
    for (const next of service.dependsOn) {
      if (next === start.name) return [...path, next];
      const found = byName.get(next);
      if (found && !path.includes(next)) {
        const cycle = visit(found, [...path, next]);
        if (cycle) return cycle;
      }
    }
    return undefined;
  };
  return visit(start, [start.name]);
}

function readyIssues({ ready, ports }: ResolvedService, field: string): ConfigIssue[] {
  if (!ready || !('tcp' in ready) || ports.some((port) => port.container === ready.tcp)) return [];
  const published = ports.map((port) => port.container).join(', ');
  return [
    {
      path: `${field}.ready.tcp`,
      message: `got ${ready.tcp}, which the service does not publish (the check connects from the host); expected ${published ? `one of its container ports: ${published}` : "a port listed in 'ports'"}`,
    },
  ];
}
