/**
 * `orders`, `orders:6`, `orders:6:3` or `orders:6:3:compact`: name, partitions, replication
 * factor and cleanup policy, the KAFKA_CREATE_TOPICS format of the wurstmeister image, also taken
 * by `kafka-dev init --topic`. Not validated here: the config schema says what is wrong.
 */
export function parseTopicSpec(spec: string): Record<string, unknown> {
  const [name, partitions, replicationFactor, cleanupPolicy] = spec.trim().split(':');
  return {
    name,
    ...(partitions && { partitions: numberOrText(partitions) }),
    ...(replicationFactor && { replicationFactor: numberOrText(replicationFactor) }),
    ...(cleanupPolicy && { config: { 'cleanup.policy': cleanupPolicy } }),
  };
}

function numberOrText(text: string): number | string {
  return /^\d+$/.test(text) ? Number(text) : text;
}
