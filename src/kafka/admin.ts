import { Admin, ConfigResourceTypes, ConfigSources, IncrementalAlterConfigOperationTypes } from '@platformatic/kafka';
import type { ResolvedTopic } from '../model/types.js';
import { KafkaDevError } from '../base/errors.js';
import { hasKafkaErrorCode, kafkaErrorCodes, kafkaErrorMessage } from './errors.js';
import { clusterMetadataOf, leaderlessAnswer, topicNamesOf } from './leaderless-metadata.js';

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

export interface PartitionView {
  readonly partition: number;
  /** Broker id of the leader; -1 while there is none. */
  readonly leader: number;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
}

export interface TopicDescription extends TopicView {
  readonly partitionDetails: readonly PartitionView[];
  /** Settings set on the topic itself (not broker or built-in defaults), as the broker reports them. */
  readonly config: Readonly<Record<string, string>>;
}

/** A topic setting to set, or `null` to remove the topic's own value so the default applies again. */
export type TopicConfigUpdate = Readonly<Record<string, string | null>>;

export interface KafkaAdmin {
  describeCluster(): Promise<ClusterView>;
  /** Topics (all but internal ones when no names are given) with partitions, leaders, replicas, ISR and their own settings; unknown names are left out. */
  describeTopics(names?: readonly string[]): Promise<TopicDescription[]>;
  /** 'exists' when the broker already has it (Kafka error TOPIC_ALREADY_EXISTS). */
  createTopic(topic: ResolvedTopic): Promise<'created' | 'exists'>;
  /** Raises the topic's partition count to `count` (Kafka cannot lower it). */
  createPartitions(topic: string, count: number): Promise<void>;
  alterTopicConfig(topic: string, update: TopicConfigUpdate): Promise<void>;
  deleteTopics(names: readonly string[]): Promise<void>;
  /** Deletes every record of these topics (up to each partition's high watermark); the topics stay. */
  emptyTopics(names: readonly string[]): Promise<void>;
  /** True once the consumer group has settled with at least one member holding partitions. */
  groupIsStable(groupId: string): Promise<boolean>;
  deleteGroup(groupId: string): Promise<void>;
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

/** For requests right after start-up: a fresh cluster may answer NOT_CONTROLLER until its controller settles. */
export const whileClusterSettles: AdminOptions = { retries: 10 };

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

  const topicConfigs = async (names: readonly string[]) => {
    if (names.length === 0) return new Map<string, Record<string, string>>();
    const described = await admin.describeConfigs({
      resources: names.map((name) => ({ resourceType: ConfigResourceTypes.TOPIC, resourceName: name })),
    });
    return new Map(
      described.map((resource) => [
        resource.resourceName,
        Object.fromEntries(
          resource.configs
            .filter((entry) => entry.configSource === ConfigSources.DYNAMIC_TOPIC_CONFIG && entry.value !== null)
            .map((entry) => [entry.name, entry.value as string])
            .sort(([a], [b]) => a!.localeCompare(b!)),
        ),
      ]),
    );
  };

  /**
   * The topics `pick` chooses from those that exist, with their metadata. A metadata request names
   * its topics; listTopics asks the broker for all of them. Partitions without a leader (their
   * brokers are gone) are described with leader -1 instead of failing the answer.
   */
  const topicMetadata = async (pick: (existing: string[]) => string[]) => {
    try {
      const topics = pick(await admin.listTopics());
      return { topics, metadata: await admin.metadata({ topics, forceUpdate: true }) };
    } catch (error) {
      const answer = leaderlessAnswer(error);
      if (!answer) throw error;
      const topics = pick(topicNamesOf(answer));
      return { topics, metadata: clusterMetadataOf(answer, topics) };
    }
  };

  return {
    async describeCluster() {
      const { topics: topicNames, metadata } = await topicMetadata((existing) => existing);
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
    async describeTopics(names) {
      const { topics: known, metadata } = await topicMetadata((existing) =>
        names ? names.filter((name) => existing.includes(name)) : existing.sort(),
      );
      if (known.length === 0) return [];
      const configs = await topicConfigs(known);
      return known.map((name) => {
        const topic = metadata.topics.get(name)!;
        const partitionDetails = topic.partitions.map((partition, index) => ({
          partition: index,
          leader: partition.leader,
          replicas: partition.replicas,
          isr: partition.isr,
        }));
        return {
          name,
          partitions: topic.partitionsCount,
          replicationFactor: partitionDetails[0]?.replicas.length ?? 0,
          partitionDetails,
          config: configs.get(name) ?? {},
        };
      });
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
        if (hasKafkaErrorCode(error, kafkaErrorCodes.topicAlreadyExists)) return 'exists';
        throw error;
      }
    },
    async createPartitions(topic, count) {
      await admin.createPartitions({ topics: [{ name: topic, count }] });
    },
    async alterTopicConfig(topic, update) {
      await admin.incrementalAlterConfigs({
        resources: [
          {
            resourceType: ConfigResourceTypes.TOPIC,
            resourceName: topic,
            configs: Object.entries(update).map(([name, value]) =>
              value === null
                ? { name, configOperation: IncrementalAlterConfigOperationTypes.DELETE }
                : { name, configOperation: IncrementalAlterConfigOperationTypes.SET, value },
            ),
          },
        ],
      });
    },
    async deleteTopics(names) {
      if (names.length > 0) await admin.deleteTopics({ topics: [...names] });
    },
    async emptyTopics(names) {
      const partitionCounts = new Map(
        [...(await admin.metadata({ topics: [...names], forceUpdate: true })).topics].map(([name, topic]) => [name, topic.partitionsCount]),
      );
      // Offset -1 asks each partition's leader to delete up to its high watermark.
      const topics = names.map((name) => ({
        name,
        partitions: Array.from({ length: partitionCounts.get(name) ?? 0 }, (_, partition) => ({ partition, offset: -1n })),
      }));
      await admin.deleteRecords({ topics });
    },
    async groupIsStable(groupId) {
      const group = (await admin.describeGroups({ groups: [groupId] })).get(groupId);
      return group !== undefined && group.state.toLowerCase() === 'stable' && group.members.size > 0;
    },
    async deleteGroup(groupId) {
      await admin.deleteGroups({ groups: [groupId] });
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

/** Runs one admin request; a failure becomes an error that says what was attempted and the broker's reason. */
export async function attempt<T>(what: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw new KafkaDevError(`Could not ${what}: ${kafkaErrorMessage(error)}`, { cause: error });
  }
}
