import { down, loadConfig, up } from './api.js';
import type { LoadConfigOptions } from './config/load.js';
import type { ContainerRuntime } from './engine/runtime.js';
import { networkName } from './engine/labels.js';
import { withAdmin } from './kafka/admin.js';
import { connectionOptions, kafkajsOptions, type ConnectionOptions } from './kafka/client-options.js';
import type { ClientSettings } from './model/client-settings.js';
import { adminClientSettings, readSecurityMaterial } from './secrets/material.js';
import { userClientSettings } from './secrets/user-client.js';

/** Options of `startKafka`, the entry point for test suites (e.g. a vitest globalSetup). */
export interface StartKafkaOptions extends Omit<LoadConfigOptions, 'configFile'> {
  /** Config file; default: the nearest kafka-dev.config.*, else the built-in defaults. */
  config?: string;
  /** Project name, e.g. one per test suite; default: the config's. */
  projectName?: string;
  /**
   * Keep the stack running after `stop()`, so the next test run finds it and starts in well under
   * a second. Without it, `stop()` deletes the stack and its data.
   */
  reuse?: boolean;
  /** How long to wait for the brokers. Default: `runDefaults.timeoutSeconds`. */
  timeoutMs?: number;
  runtime?: ContainerRuntime;
}

export interface RunningKafka {
  readonly project: string;
  /** For clients on the host, e.g. `['localhost:9092']`. */
  readonly bootstrapServers: readonly string[];
  /** For containers on `network`, e.g. `['kafka:9093']`. */
  readonly containerBootstrapServers: readonly string[];
  readonly network: string;
  /** How a client on the host connects, as the first user of `security.users` on a secured stack. */
  readonly client: ClientSettings;
  /** `client` as @platformatic/kafka options: `new Producer({ clientId, ...kafka.platformaticKafka })`. */
  readonly platformaticKafka: ConnectionOptions;
  /** `client` as kafkajs options: `new Kafka({ clientId, ...kafka.kafkajs })`. */
  readonly kafkajs: ReturnType<typeof kafkajsOptions>;
  /** Deletes every message of these topics (default: all declared ones), keeping the topics: fast isolation between tests. */
  resetTopics(names?: readonly string[]): Promise<void>;
  /** With `reuse`, leaves the stack running; otherwise removes it with its volumes. */
  stop(): Promise<void>;
}

/** Starts (or finds) the stack, reconciles its topics, and hands back what a test suite needs. */
export async function startKafka(options: StartKafkaOptions = {}): Promise<RunningKafka> {
  const config = await loadConfig({
    ...options,
    configFile: options.config,
    overrides: { ...options.overrides, ...(options.projectName && { name: options.projectName }) },
  });
  const common = { config, runtime: options.runtime };
  // No smoke check: a test suite proves the path itself, and it would cost seconds on every start.
  const result = await up({ ...common, timeoutMs: options.timeoutMs, smoke: false });
  const declared = config.topics.map((topic) => topic.name);
  const material = await readSecurityMaterial(config);
  const client = userClientSettings(config, material, 'outside', undefined);
  return {
    project: result.project,
    bootstrapServers: result.bootstrapServers.host,
    containerBootstrapServers: result.bootstrapServers.containers,
    network: networkName(result.project),
    client,
    platformaticKafka: connectionOptions(client),
    kafkajs: kafkajsOptions(client),
    async resetTopics(names = declared) {
      await withAdmin(adminClientSettings(config, material, 'outside'), (admin) => admin.emptyTopics(names));
    },
    async stop() {
      if (!options.reuse) await down({ ...common, volumes: true });
    },
  };
}
