/**
 * Known ways a Kafka or ZooKeeper container dies, read from its log, in the words a developer
 * needs: what went wrong and which setting fixes it. The first match wins.
 */
interface KnownFailure {
  readonly pattern: RegExp;
  readonly cause: (match: RegExpMatchArray) => string;
}

const knownFailures: readonly KnownFailure[] = [
  {
    pattern: /Invalid value (\S+) for configuration (\S+?):?\s/,
    cause: ([, value, key]) => `the setting '${key}' has an invalid value '${value}'; fix it in 'brokerConfig'`,
  },
  {
    pattern: /(java\.lang\.OutOfMemoryError|Too small (initial|maximum) heap|Initial heap size set to a larger value than the maximum)/,
    cause: () => "the JVM heap is too small for Kafka; raise 'heap.kafka' (e.g. '512m')",
  },
  {
    pattern: /Could not reserve enough space|insufficient memory for the Java Runtime/,
    cause: () => "the JVM heap is larger than the memory Docker can give; lower 'heap.kafka'",
  },
  {
    pattern: /InconsistentClusterIdException|doesn't match stored clusterId|Invalid cluster.id/,
    cause: () => "the data volume belongs to another cluster; run 'kafka-dev down --volumes' to start fresh (deletes the data)",
  },
  {
    pattern: /Address already in use/,
    cause: () => "two listeners of one node use the same port; check 'listeners'",
  },
  {
    pattern: /UnknownHostException: (\S+)/,
    cause: ([, host]) => `the node cannot resolve '${host}'; it must be a service name on the compose network`,
  },
  {
    pattern: /No space left on device/,
    cause: () => "the disk holding Docker's volumes is full; free space or run 'docker system prune'",
  },
  {
    pattern: /(\w+) is required\./,
    cause: ([, variable]) => `the image needs ${variable}; this image may follow another contract than 'images.flavor' says`,
  },
];

export function likelyCause(log: string): string | null {
  for (const { pattern, cause } of knownFailures) {
    const match = log.match(pattern);
    if (match) return cause(match);
  }
  return null;
}
