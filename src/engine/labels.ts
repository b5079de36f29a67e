import { createHash } from 'node:crypto';
import type { ResolvedConfig } from '../model/types.js';
import type { ServiceSpec } from '../model/stack.js';

/** Docker Compose's own labels and names, so `docker compose -p NAME ps|logs|down` see what kafka-dev made. */
export const composeLabel = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  containerNumber: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  configHash: 'com.docker.compose.config-hash',
  network: 'com.docker.compose.network',
  volume: 'com.docker.compose.volume',
} as const;

/** kafka-dev's own label: what a container is for, so status and wait logic need not guess from names. */
export const roleLabel = 'dev.kafka-dev.role';
/** On volumes: the cluster whose data they hold, `zookeeper` or `kraft:<cluster id>`. */
export const clusterLabel = 'dev.kafka-dev.cluster';
/** On Kafka containers: the node id (`broker.id` / `node.id`), so a container left by another broker count still tells which node it ran. */
export const nodeLabel = 'dev.kafka-dev.node';

export function clusterIdentity(config: Pick<ResolvedConfig, 'mode' | 'clusterId'>): string {
  return config.mode === 'kraft' ? `kraft:${config.clusterId}` : 'zookeeper';
}

export const containerName = (project: string, service: string) => `${project}-${service}-1`;
export const networkName = (project: string) => `${project}_default`;
export const volumeName = (project: string, volume: string) => `${project}_${volume}`;

export const projectLabels = (project: string) => ({ [composeLabel.project]: project });

/** Hash of everything that shapes a service's container: a change means the container must be recreated. */
export function configHash(spec: ServiceSpec): string {
  return createHash('sha256').update(canonicalJson(spec)).digest('hex');
}

export function containerLabels(project: string, spec: ServiceSpec): Record<string, string> {
  return {
    ...projectLabels(project),
    [composeLabel.service]: spec.name,
    [composeLabel.containerNumber]: '1',
    [composeLabel.oneoff]: 'False',
    [composeLabel.configHash]: configHash(spec),
    [roleLabel]: spec.role,
    ...(spec.node && { [nodeLabel]: String(spec.node.id) }),
  };
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
