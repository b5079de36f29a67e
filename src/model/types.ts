/** A broker or topic setting as written in a config: `'log.retention.hours': 1`. */
export type KafkaSettingValue = string | number | boolean;
export type KafkaSettings = Record<string, KafkaSettingValue>;

export type Mode = 'zookeeper' | 'kraft';

/**
 * The image families whose environment contract kafka-dev knows (see `templates/flavors/`):
 * it renders for `confluent` and `apache`, and reads compose files of all of them.
 */
export type ImageFlavor = 'confluent' | 'apache' | 'bitnami' | 'wurstmeister' | 'zookeeper';

export interface InsideListenerConfig {
  /**
   * Name containers on the compose network use to reach the broker; it is also the broker's
   * compose service name (`kafka-1`, `kafka-2`, … when there are several brokers). Default `kafka`.
   */
  host?: string;
  /** Port of the INSIDE listener inside the network. Default 9093. */
  port?: number;
}

export interface OutsideListenerConfig {
  /** Host name programs on the host use. Default `localhost`. */
  host?: string;
  /** Host port of the first broker; broker i gets `port + i - 1`. Default 9092. */
  port?: number;
  /** Host address the port is published on. Default `127.0.0.1`; `0.0.0.0` exposes it to the network. */
  bind?: string;
}

export interface ControllerListenerConfig {
  /** Port of the KRaft controller listener inside the network (never published). Default 9094. */
  port?: number;
}

export interface ZookeeperConfig {
  /** Client port, published on the host. Default 2181. */
  port?: number;
  /** Host address the client port is published on. Default `127.0.0.1`. */
  bind?: string;
}

export interface ImagesConfig {
  /**
   * Broker (and controller) image. Default `confluentinc/cp-kafka:7.9.11` in ZooKeeper mode,
   * `apache/kafka:4.4.0` in KRaft mode. Env `KAFKA_DEV_KAFKA_IMAGE` overrides it.
   */
  kafka?: string;
  /** ZooKeeper image. Default `confluentinc/cp-zookeeper:7.9.11`. Env `KAFKA_DEV_ZOOKEEPER_IMAGE` overrides it. */
  zookeeper?: string;
  /** Environment contract the Kafka image follows (`confluent` or `apache`). Default: guessed from the image name, else by mode. */
  flavor?: ImageFlavor;
}

export interface TopicConfig {
  name: string;
  /** Default 1. */
  partitions?: number;
  /** Default 1; at most the number of brokers. */
  replicationFactor?: number;
  /** Topic-level settings, e.g. `{ 'cleanup.policy': 'compact' }`. */
  config?: KafkaSettings;
}

/** A connector as Connect takes it; numbers and booleans are sent as the strings Connect keeps. */
export interface ConnectorDeclaration {
  name: string;
  /** Connect's own keys: `connector.class` (a class name, or its simple name such as `FileStreamSource`), `tasks.max`, … */
  config: Record<string, string | number | boolean>;
}

/** Which image contract Connect workers follow: cp-kafka-connect's `CONNECT_*` variables, or apache/kafka's `connect-distributed.sh`. */
export type ConnectFlavor = 'confluent' | 'apache';

/** Kafka Connect in distributed mode next to the brokers. */
export interface ConnectConfig {
  /** Workers in the Connect cluster. Default 1. */
  workers?: number;
  /** Host port of worker 1's REST API, published on 127.0.0.1; worker N gets port + N - 1. Default 8083. */
  port?: number;
  /** Folders of connector plugins (relative to the config file), mounted read-only on every worker's plugin path. */
  plugins?: string[];
  /** Declared state, like topics: created, updated when their config differs, deleted only with `--prune`. */
  connectors?: ConnectorDeclaration[];
  /** Default: cp-kafka-connect next to a cp-kafka image, the Kafka image itself for apache/kafka; env `KAFKA_DEV_CONNECT_IMAGE` overrides it. */
  image?: string;
  /** Default: guessed from the image name. */
  flavor?: ConnectFlavor;
  /** Maximum heap of each worker. Default `512m`. */
  heap?: string;
}

export interface ResolvedConnect {
  readonly workers: number;
  readonly port: number;
  readonly image: string;
  readonly flavor: ConnectFlavor;
  /** Absolute host folders. */
  readonly plugins: readonly string[];
  readonly connectors: readonly { readonly name: string; readonly config: Readonly<Record<string, string>> }[];
  readonly heap: string;
}

/**
 * How `up` knows a companion service is ready; exactly one key. Without one, a running container is ready.
 * - `http`: a URL the host reaches (over a published port) answers 2xx or 3xx, e.g. `'http://localhost:8080/health'`.
 * - `tcp`: a port the service publishes (its container port) accepts connections from the host.
 * - `log`: a line of the container's log matches this regular expression.
 * - `command`: this command, run in the container, exits 0.
 */
export type ReadyConfig = { http: string } | { tcp: number } | { log: string } | { command: string[] };

/**
 * A companion container: an application, a UI, a tool. Values of `environment` may reference the
 * cluster: `${kafka.inside.bootstrap}`, `${kafka.outside.bootstrap}`, `${schemaRegistry.inside.url}`,
 * `${schemaRegistry.outside.url}` (`$$` is a literal `$`).
 */
export interface ServiceConfig {
  image: string;
  environment?: Record<string, string>;
  /** `'8080:8080'` (published on 127.0.0.1) or `'0.0.0.0:8080:8080'` (an explicit host address). */
  ports?: string[];
  /** `'name:/path'` (a named volume of the project) or `'./dir:/path'` (a folder, relative to the config file); `:ro` for read-only. */
  volumes?: string[];
  /** Services started first: `kafka` (every broker), a Kafka node's service, `zookeeper`, `schema-registry` or another service. */
  dependsOn?: string[];
  /** Replaces the image's command; its words may use the same references as `environment`. */
  command?: string[];
  ready?: ReadyConfig;
}

/** Which Schema Registry runs: Confluent's, or Apicurio Registry through its Confluent-compatible API. */
export type SchemaRegistryFlavor = 'confluent' | 'apicurio';

export interface SchemaRegistryConfig {
  /** Host port of its HTTP API. Default 8081. */
  port?: number;
  /** Host address the port is published on. Default `127.0.0.1`. */
  bind?: string;
  /** Default: guessed from the image name, else `confluent`. */
  flavor?: SchemaRegistryFlavor;
  /** Where schemas are kept: `kafka` (a topic, so they survive down/up; the default) or `memory` (apicurio only). */
  storage?: 'kafka' | 'memory';
  /** Default by flavor (see defaults); env `KAFKA_DEV_SCHEMA_REGISTRY_IMAGE` overrides it. */
  image?: string;
}

export interface HeapConfig {
  /** Maximum heap of each broker, e.g. `'512m'`. Default `512m`. */
  kafka?: string;
  /** Maximum heap of ZooKeeper. Default `256m`. */
  zookeeper?: string;
}

/** How a listener's connections are secured, as Kafka names it. */
export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
export type SaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
/** What an ACL allows, in kafka-acls' words (lower case). */
export type AclOperation = 'all' | 'read' | 'write' | 'create' | 'delete' | 'alter' | 'describe' | 'describe_configs' | 'alter_configs';

export interface SecurityUserConfig {
  /** SASL user name (and, with mTLS, the CN of the user's client certificate). */
  name: string;
  /** Default: generated once, kept in the stack's state directory and printed once. */
  password?: string;
}

/** One allow rule: `user` may do `operations` on a topic or a consumer group (`'*'`: all of them). */
export interface AclConfig {
  user: string;
  topic?: string;
  group?: string;
  operations: AclOperation[];
}

export interface SecurityConfig {
  /** The OUTSIDE listener (programs on the host). Default `PLAINTEXT`. */
  outside?: SecurityProtocol;
  /** The INSIDE listener (containers on the network, and brokers among themselves). Default `PLAINTEXT`. */
  inside?: SecurityProtocol;
  /** Default mechanism `SCRAM-SHA-512`. */
  sasl?: { mechanism?: SaslMechanism };
  /** `required`: mutual TLS, every user gets a client certificate. Default `none`. */
  tls?: { clientAuth?: 'none' | 'required' };
  /** Default: one user `app` with a generated password. */
  users?: SecurityUserConfig[];
  /** Allow rules; when any is present the broker's authorizer is on and everything else is denied. */
  acls?: AclConfig[];
}

/** What a user writes in `kafka-dev.config.ts`. Every field is optional. */
export interface UserConfig {
  /** Compose project name. Default: the config file's folder name. */
  name?: string;
  /** Default `zookeeper`. */
  mode?: Mode;
  /** Number of brokers, 1 to 9. Default 1. */
  brokers?: number;
  /** KRaft only: dedicated controller nodes, 0 to 9. Default 0: every broker is also a controller. */
  controllers?: number;
  /** KRaft only: 22-character cluster id. Default: derived from the project name, so it never changes. */
  clusterId?: string;
  listeners?: {
    inside?: InsideListenerConfig;
    outside?: OutsideListenerConfig;
    controller?: ControllerListenerConfig;
  };
  zookeeper?: ZookeeperConfig;
  images?: ImagesConfig;
  /**
   * Kafka version to run, `major.minor` or `major.minor.patch` (`4.4`, `3.9`, `4.4.0`): picks the tag
   * of `images.kafka` (and of a cp-zookeeper image) for its flavor. Default: whatever the image's tag runs.
   */
  kafkaVersion?: string;
  /** Topics the application needs; `up` reconciles the cluster to them. Default: one topic `test`. */
  topics?: TopicConfig[];
  /** Broker settings, e.g. `{ 'log.retention.hours': 1 }`; rendered to the image's env convention. */
  brokerConfig?: KafkaSettings;
  heap?: HeapConfig;
  /** A Schema Registry next to Kafka; none unless given. */
  schemaRegistry?: SchemaRegistryConfig;
  /** Companion containers by service name. */
  services?: Record<string, ServiceConfig>;
  /** SASL and TLS on the listeners, users and ACLs. Default: PLAINTEXT everywhere. */
  security?: SecurityConfig;
  /** Kafka Connect workers and their connectors; none unless given. */
  connect?: ConnectConfig;
}

export interface ResolvedTopic {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly config: Readonly<KafkaSettings>;
}

/** The security section resolved (see `security.ts` for what it implies). */
export interface ResolvedUser {
  readonly name: string;
  /** Undefined: generated once and kept in the stack's state directory (see `stack/up` and `render`). */
  readonly password?: string;
}

export interface ResolvedAcl {
  readonly user: string;
  readonly resource: { readonly type: 'topic' | 'group'; readonly name: string };
  readonly operations: readonly AclOperation[];
}

export interface ResolvedSecurity {
  readonly outside: SecurityProtocol;
  readonly inside: SecurityProtocol;
  readonly sasl: { readonly mechanism: SaslMechanism };
  readonly tls: { readonly clientAuth: 'none' | 'required' };
  readonly users: readonly ResolvedUser[];
  readonly acls: readonly ResolvedAcl[];
  /**
   * Absolute host folder of the stack's security material: the CA, passwords, client
   * certificates, and in `mountedFolder` what every Kafka container mounts. In the stack's state
   * folder for `up`; beside the compose file for `render`.
   */
  readonly directory: string;
}

/** The config with every default filled in; the only shape the rest of kafka-dev sees. */
export interface ResolvedConfig {
  readonly name: string;
  readonly mode: Mode;
  readonly brokers: number;
  readonly controllers: number;
  readonly clusterId: string;
  readonly listeners: {
    readonly inside: Readonly<Required<InsideListenerConfig>>;
    readonly outside: Readonly<Required<OutsideListenerConfig>>;
    readonly controller: Readonly<Required<ControllerListenerConfig>>;
  };
  readonly zookeeper: Readonly<Required<ZookeeperConfig>>;
  readonly images: Readonly<Required<ImagesConfig>>;
  readonly topics: readonly ResolvedTopic[];
  readonly brokerConfig: Readonly<KafkaSettings>;
  readonly heap: Readonly<Required<HeapConfig>>;
  readonly schemaRegistry?: ResolvedSchemaRegistry;
  readonly security: ResolvedSecurity;
  readonly connect?: ResolvedConnect;
  /** In the order of the config. */
  readonly services: readonly ResolvedService[];
  /** Where the config came from (a file path, or `built-in defaults`). */
  readonly source: string;
}

/** A port mapping of a companion, as published on the host. */
export interface ResolvedPort {
  readonly bind: string;
  readonly host: number;
  readonly container: number;
}

/** A named volume of the project, or a host folder (absolute path) mounted into the container. */
export type ResolvedMount =
  | { readonly kind: 'volume'; readonly volume: string; readonly target: string; readonly readOnly: boolean }
  | { readonly kind: 'bind'; readonly source: string; readonly target: string; readonly readOnly: boolean };

export interface ResolvedService {
  readonly name: string;
  readonly image: string;
  /** As written: references such as `${kafka.inside.bootstrap}` are resolved by the stack model. */
  readonly environment: Readonly<Record<string, string>>;
  readonly ports: readonly ResolvedPort[];
  readonly volumes: readonly ResolvedMount[];
  readonly dependsOn: readonly string[];
  readonly command?: readonly string[];
  readonly ready?: ReadyConfig;
}

export interface ResolvedSchemaRegistry {
  readonly flavor: SchemaRegistryFlavor;
  readonly storage: 'kafka' | 'memory';
  readonly image: string;
  readonly port: number;
  readonly bind: string;
}
