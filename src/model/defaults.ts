/** Built-in defaults: the classic quick-start stack, with secure and maintained choices. */
export const defaults = {
  mode: 'zookeeper',
  brokers: 1,
  controllers: 0,
  listeners: {
    inside: { host: 'kafka', port: 9093 },
    outside: { host: 'localhost', port: 9092, bind: '127.0.0.1' },
    controller: { port: 9094 },
  },
  zookeeper: { port: 2181, bind: '127.0.0.1' },
  images: {
    /** ZooKeeper mode: the newest patch of Confluent Platform 7.9, the last line with ZooKeeper support (Kafka 3.9). */
    zookeeperMode: { kafka: 'confluentinc/cp-kafka:7.9.11', zookeeper: 'confluentinc/cp-zookeeper:7.9.11', flavor: 'confluent' },
    /** KRaft mode: the official Apache Kafka image, the current line (4.4). */
    kraftMode: { kafka: 'apache/kafka:4.4.0', flavor: 'apache' },
  },
  topics: [{ name: 'test', partitions: 1, replicationFactor: 1, config: {} }],
  heap: { kafka: '512m', zookeeper: '256m' },
  /** Where the ports of `services` are published unless a mapping names an address. */
  services: { bind: '127.0.0.1' },
  schemaRegistry: {
    port: 8081,
    bind: '127.0.0.1',
    storage: 'kafka',
    images: { confluent: 'confluentinc/cp-schema-registry:7.9.11', apicurio: 'apicurio/apicurio-registry:3.3.3' },
  },
  connect: { workers: 1, port: 8083, heap: '512m' },
  /** PLAINTEXT everywhere; when a listener is secured, one user `app` whose password is generated once. */
  security: {
    outside: 'PLAINTEXT',
    inside: 'PLAINTEXT',
    sasl: { mechanism: 'SCRAM-SHA-512' },
    tls: { clientAuth: 'none' },
    users: [{ name: 'app' }] as readonly { name: string; password?: string }[],
  },
} as const;

/** Environment variables that override the images, so tests and offline machines can use local builds. */
export const imageEnv = {
  kafka: 'KAFKA_DEV_KAFKA_IMAGE',
  zookeeper: 'KAFKA_DEV_ZOOKEEPER_IMAGE',
  schemaRegistry: 'KAFKA_DEV_SCHEMA_REGISTRY_IMAGE',
  connect: 'KAFKA_DEV_CONNECT_IMAGE',
} as const;

export const maxBrokers = 9;
export const maxControllers = 9;

/**
 * Defaults of the commands and of the API, in one place: the CLI's help texts and the functions
 * that run read these, so a help text can never promise another value than the code uses.
 */
export const runDefaults = {
  /** How long `up` waits for ZooKeeper and for the brokers, each. */
  timeoutSeconds: 120,
  /** Seconds each container gets to shut down cleanly on `down`. */
  stopTimeoutSeconds: 30,
  /** Where `render` writes the stack. */
  composeFile: 'compose/docker-compose.yml',
  /** Messages per path of the smoke check. */
  smokeMessages: 100,
  /** Longest time each smoke path may take. */
  smokeTimeoutSeconds: 120,
  /** Partitions and replicas of a topic `topic add` creates without the flags. */
  topicPartitions: 1,
  topicReplicationFactor: 1,
  /** Lines of each container `logs` prints. */
  logsTail: 'all',
  /** The file format `init` writes. */
  initFormat: 'ts',
  /**
   * A config file that has not finished loading by then (a top-level await that never settles)
   * is refused instead of holding every command forever.
   */
  configLoadTimeoutSeconds: 10,
} as const;
