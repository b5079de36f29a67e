/** How messages state a topic's shape, the same after `up` creates it, `topic add` and `topic describe`. */
import { plural } from '../base/plural.js';
import type { ResolvedTopic } from './types.js';

type TopicShape = Pick<ResolvedTopic, 'partitions' | 'replicationFactor'> & Partial<Pick<ResolvedTopic, 'config'>>;

/** `3 partitions, replication factor 2`, then `, key=value` per setting given. */
export function topicShape({ partitions, replicationFactor, config = {} }: TopicShape): string {
  const settings = Object.entries(config).map(([key, value]) => `, ${key}=${String(value)}`);
  return `${plural(partitions, 'partition')}, replication factor ${replicationFactor}${settings.join('')}`;
}
