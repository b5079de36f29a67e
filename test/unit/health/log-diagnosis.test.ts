import { describe, expect, test } from 'vitest';
import { likelyCause } from '../../../src/health/log-diagnosis.js';

describe('likelyCause', () => {
  test.each([
    {
      log: 'org.apache.kafka.common.config.ConfigException: Invalid value lots for configuration num.network.threads: Not a number of type INT',
      cause: "the setting 'num.network.threads' has an invalid value 'lots'; fix it in 'brokerConfig'",
    },
    { log: 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space', cause: "the JVM heap is too small for Kafka; raise 'heap.kafka' (e.g. '512m')" },
    {
      log: '# There is insufficient memory for the Java Runtime Environment to continue.',
      cause: "the JVM heap is larger than the memory Docker can give; lower 'heap.kafka'",
    },
    {
      log: 'kafka.common.InconsistentClusterIdException: The Cluster ID abc doesn\'t match stored clusterId Some(def) in meta.properties.',
      cause: "the data volume belongs to another cluster; run 'kafka-dev down --volumes' to start fresh (deletes the data)",
    },
    { log: 'java.net.UnknownHostException: zookeper', cause: "the node cannot resolve 'zookeper'; it must be a service name on the compose network" },
    { log: 'KAFKA_ZOOKEEPER_CONNECT is required.', cause: "the image needs KAFKA_ZOOKEEPER_CONNECT; this image may follow another contract than 'images.flavor' says" },
  ])('reads "$cause" from the log', ({ log, cause }) => {
    expect(likelyCause(`[2026-11-28 00:00:00,000] INFO starting\n${log}\n`)).toBe(cause);
  });

  test('an ordinary log gives no cause', () => {
    expect(likelyCause('[KafkaServer id=1] started (kafka.server.KafkaServer)')).toBeNull();
  });
});
