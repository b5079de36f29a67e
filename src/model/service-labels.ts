/**
 * kafka-dev's own labels on containers and volumes. The renderer writes them into the compose file
 * and `up` sets them itself, so a stack Compose started from kafka-dev's file carries the same
 * labels as one `up` made, and either can take over the other's containers and volumes.
 */
import { createHash } from 'node:crypto';
import type { ResolvedConfig } from './types.js';
import type { ServiceSpec } from './stack.js';

/** What a container is for, so status and wait logic need not guess from names. */
export const roleLabel = 'dev.kafka-dev.role';
/** On volumes: the cluster whose data they hold, `zookeeper` or `kraft:<cluster id>`. */
export const clusterLabel = 'dev.kafka-dev.cluster';
/** On Kafka containers: the node id (`broker.id` / `node.id`), so a container left by another broker count still tells which node it ran. */
export const nodeLabel = 'dev.kafka-dev.node';
/**
 * kafka-dev's hash of the service (configHash), in a label of its own: Compose sets
 * `com.docker.compose.config-hash` to a hash of its own making, which kafka-dev cannot reproduce.
 */
export const configHashLabel = 'dev.kafka-dev.config-hash';

export function clusterIdentity(config: Pick<ResolvedConfig, 'mode' | 'clusterId'>): string {
  return config.mode === 'kraft' ? `kraft:${config.clusterId}` : 'zookeeper';
}

/** Hash of everything that shapes a service's container: a change means the container must be recreated. */
export function configHash(spec: ServiceSpec): string {
  return createHash('sha256').update(canonicalJson(spec)).digest('hex');
}

/** The labels of a service's container, the same whether `up` or Compose (from the rendered file) makes it. */
export function serviceLabels(spec: ServiceSpec): Record<string, string> {
  return {
    [roleLabel]: spec.role,
    ...(spec.node && { [nodeLabel]: String(spec.node.id) }),
    [configHashLabel]: configHash(spec),
  };
}

/** The labels of a data volume, so `up` can tell whose data a volume holds whoever made it. */
export function volumeLabels(config: Pick<ResolvedConfig, 'mode' | 'clusterId'>): Record<string, string> {
  return { [clusterLabel]: clusterIdentity(config) };
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
