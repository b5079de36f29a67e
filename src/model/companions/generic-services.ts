/**
 * The `services` of a config: any image, with its environment (references expanded), ports,
 * volumes, dependencies and readiness check, as companions of kind `service`.
 */
import { reachableHost } from '../cluster.js';
import type { ReadyCheck, ServiceSpec } from '../service-spec.js';
import type { ResolvedService } from '../types.js';
import { brokerServices, type CompanionContext, type CompanionKind } from './companion.js';
import { expandChecked } from './references.js';

/** In `dependsOn`, every broker, whatever the broker count names them. */
export const allBrokers = 'kafka';

export const genericServices: CompanionKind = {
  field: 'services',
  referenceNames: [],
  references: () => ({}),
  services: (config, context) => config.services.map((service) => genericService(service, context)),
};

function genericService(service: ResolvedService, { kafka, references }: CompanionContext): ServiceSpec {
  const environment = Object.fromEntries(Object.entries(service.environment).map(([key, value]) => [key, expandChecked(value, references)]));
  const binds = service.volumes.flatMap((mount) => (mount.kind === 'bind' ? [{ source: mount.source, target: mount.target, readOnly: mount.readOnly }] : []));
  return {
    name: service.name,
    role: 'companion',
    image: service.image,
    hostname: service.name,
    environment,
    ports: service.ports,
    volumes: service.volumes.flatMap((mount) =>
      mount.kind === 'volume' ? [{ volume: mount.volume, target: mount.target, ...(mount.readOnly && { readOnly: true }) }] : [],
    ),
    ...(binds.length > 0 && { binds }),
    dependsOn: [...new Set(service.dependsOn.flatMap((name) => (name === allBrokers ? brokerServices(kafka) : [name])))],
    ...(service.command && { command: service.command.map((word) => expandChecked(word, references)) }),
    companion: {
      kind: 'service',
      field: `services.${service.name}`,
      portsField: `services.${service.name}.ports`,
      ready: readyCheck(service),
      endpoints: service.ports.map((port) => ({
        name: `port ${port.container}`,
        host: `${reachableHost(port.bind)}:${port.host}`,
        containers: `${service.name}:${port.container}`,
      })),
    },
  };
}

function readyCheck({ ready, ports, name }: ResolvedService): ReadyCheck {
  if (!ready) return { kind: 'running' };
  if ('http' in ready) return { kind: 'http', url: ready.http };
  if ('log' in ready) return { kind: 'log', pattern: ready.log };
  if ('command' in ready) return { kind: 'command', command: ready.command };
  const published = ports.find((port) => port.container === ready.tcp);
  if (!published) throw new Error(`internal: services.${name}.ready.tcp ${ready.tcp} is not published`);
  return { kind: 'tcp', host: reachableHost(published.bind), port: published.host };
}
