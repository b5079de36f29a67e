/**
 * `orders`, `orders:6`, `orders:6:3` or `orders:6:3:compact`: name, partitions, replication
 * factor and cleanup policy, the KAFKA_CREATE_TOPICS format of the wurstmeister image, also taken
 * by `kafka-dev init --topic`. Not validated here: the config schema says what is wrong.
 */
import { wholeNumber } from '../base/whole-number.js';

/** The topic one spec describes; counts that are not whole numbers stay text. */
export function parseTopicSpec(spec: string): TopicSpec {
  const [name = '', partitions, replicationFactor, cleanupPolicy] = spec.trim().split(':');
  return {
    name,
    ...(partitions && { partitions: wholeNumber(partitions) ?? partitions }),
    ...(replicationFactor && { replicationFactor: wholeNumber(replicationFactor) ?? replicationFactor }),
    ...(cleanupPolicy && { config: { 'cleanup.policy': cleanupPolicy } }),
  };
}

/** A topic as written; a count that is not a number stays text, for the schema to name the mistake. */
export interface TopicSpec {
  name: string;
  partitions?: number | string;
  replicationFactor?: number | string;
  config?: Record<string, string>;
}
