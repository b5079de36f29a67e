import { Admin } from '@platformatic/kafka';
import type { ResolvedTopic } from '../config/types.js';

/**
 * The only module that speaks the Kafka protocol for administration. The client library
 * (@platformatic/kafka: maintained, pure JavaScript, Kafka 3.5-4.x) stays behind this interface.
 */
export interface BrokerView {
  readonly id: number;
  readonly host: string;
  readonly port: number;
}

export interface TopicView {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
}

export interface ClusterView {
  readonly clusterId: string;
  readonly controllerId: number;
  readonly brokers: readonly BrokerView[];
  readonly topics: readonly TopicView[];
}

export interface KafkaAdmin {
  describeCluster(): Promise<ClusterView>;
  /** 'exists' when the broker already has it (Kafka error TOPIC_ALREADY_EXISTS). */
  createTopic(topic: ResolvedTopic): Promise<'created' | 'exists'>;
  close(): Promise<void>;
}

export interface AdminOptions {
  /** Per request; readiness probes keep it short so a dead broker is noticed quickly. */
  timeoutMs?: number;
  /**
   * Retries of retriable broker answers (e.g. NOT_CONTROLLER while a fresh cluster settles its
   * controller). Default 0: probes must report what they see at once.
   */
  retries?: number;
}

export function connectAdmin(bootstrapServers: readonly string[], { timeoutMs = 5000, retries = 0 }: AdminOptions = {}): KafkaAdmin {
  const admin = new Admin({
    clientId: 'kafka-dev',
    bootstrapBrokers: [...bootstrapServers],
    connectTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    timeout: timeoutMs,
    retries,
    retryDelay: 500,
  });
  return {
    async describeCluster() {
      // A metadata request names its topics; listTopics asks the broker for all of them.
      const topicNames = await admin.listTopics();
      const metadata = await admin.metadata({ topics: topicNames, forceUpdate: true });
      return {
        clusterId: metadata.id,
        controllerId: metadata.controllerId,
        brokers: [...metadata.brokers.entries()]
          .map(([id, broker]) => ({ id, host: broker.host, port: broker.port }))
          .sort((a, b) => a.id - b.id),
        topics: topicNames.sort().map((name) => {
          const topic = metadata.topics.get(name)!;
          return { name, partitions: topic.partitionsCount, replicationFactor: topic.partitions[0]?.replicas.length ?? 0 };
        }),
      };
    },
    async createTopic(topic) {
      try {
        await admin.createTopics({
          topics: [topic.name],
          partitions: topic.partitions,
          replicas: topic.replicationFactor,
          configs: Object.entries(topic.config).map(([name, value]) => ({ name, value: String(value) })),
        });
        return 'created';
      } catch (error) {
        if (hasKafkaErrorCode(error, topicAlreadyExists)) return 'exists';
        throw error;
      }
    },
    async close() {
      await admin.close();
    },
  };
}

/** Runs `work` with a short-lived admin client and always closes it. */
export async function withAdmin<T>(
  bootstrapServers: readonly string[],
  work: (admin: KafkaAdmin) => Promise<T>,
  options?: AdminOptions,
): Promise<T> {
  const admin = connectAdmin(bootstrapServers, options);
  try {
    return await work(admin);
  } finally {
    await admin.close().catch(() => undefined);
  }
}

const topicAlreadyExists = 36;

/** The client nests the broker's error codes inside aggregate errors. */
function hasKafkaErrorCode(error: unknown, code: number): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { apiCode, errors } = error as { apiCode?: number; errors?: unknown[] };
  return apiCode === code || (Array.isArray(errors) && errors.some((inner) => hasKafkaErrorCode(inner, code)));
}
