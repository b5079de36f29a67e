import {
  AclOperations,
  AclPermissionTypes,
  Admin,
  ConfigResourceTypes,
  ConfigSources,
  IncrementalAlterConfigOperationTypes,
  ResourcePatternTypes,
  ResourceTypes,
  ScramMechanisms,
  alterUserScramCredentialsV0,
  describeUserScramCredentialsV0,
} from '@platformatic/kafka';
import type { Acl, ClusterMetadata, ClusterTopicMetadata, ConfigDescription } from '@platformatic/kafka';
import type { ResolvedTopic } from '../model/types.js';
import { aclOperations } from '../model/security.js';
import { KafkaDevError } from '../base/errors.js';
import { hasKafkaErrorCode, kafkaErrorCodes } from './errors.js';
import { clusterMetadataOf, leaderlessAnswer, topicNamesOf } from './leaderless-metadata.js';
import { connectionOptions, type KafkaTarget } from './client-options.js';
import type { AclEntry, AclResourceType, KafkaAclOperation } from './acl-plan.js';
import type { ApiVersionRange } from './kafka-release.js';
import type { ScramCredential } from './scram-credential.js';
import type { ScramMechanismName, ScramUserView } from './scram-plan.js';

import { adminDefaults, type AdminOptions, type ClusterView, type ConsumerGroupView, type KafkaAdmin, type PartitionView, type ScramDeletion, type ScramUpsertion, type TopicConfigUpdate, type TopicDescription, type TopicView } from './admin-port.js';

/**
 * KafkaAdmin over the client library (@platformatic/kafka: maintained, pure JavaScript, Kafka
 * 3.5-4.x). admin.ts loads this module on the first request that needs the client.
 */

/** An admin client for a bootstrap list, or for a secured listener's client settings. */
export function connectClientAdmin(target: KafkaTarget, { timeoutMs = adminDefaults.timeoutMs, retries = adminDefaults.retries }: AdminOptions = {}): KafkaAdmin {
  const client = new Admin({
    clientId: 'kafka-dev',
    ...connectionOptions(target),
    connectTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    timeout: timeoutMs,
    retries,
    retryDelay: 500,
  });
  // A SASL handshake cut short (a broker still starting behind Docker's port proxy) makes a connection emit
  // 'error' twice, and the pool listens once: the second would end the process. The request still fails.
  client.connections.on('connecting', ({ connection }: { connection: { on(event: 'error', listener: () => void): unknown } }) => connection.on('error', () => undefined));
  return new ClientAdmin(client);
}

/** KafkaAdmin over one client: each method is a request or two, and nothing is kept between calls. */
class ClientAdmin implements KafkaAdmin {
  constructor(private readonly client: Admin) {}

  async describeCluster(): Promise<ClusterView> {
    const { topics, metadata } = await this.topicMetadata((existing) => existing);
    return {
      clusterId: metadata.id,
      controllerId: metadata.controllerId,
      brokers: [...metadata.brokers.entries()].map(([id, { host, port }]) => ({ id, host, port })).sort((a, b) => a.id - b.id),
      topics: topics.sort().map((name) => topicView(name, metadata.topics.get(name)!)),
    };
  }

  async apiVersions(): Promise<ApiVersionRange[]> {
    return (await this.client.listApis()).map(({ apiKey, maxVersion }) => ({ apiKey, maxVersion }));
  }

  async describeTopics(names?: readonly string[]): Promise<TopicDescription[]> {
    const { topics, metadata } = await this.topicMetadata((existing) =>
      names ? names.filter((name) => existing.includes(name)) : existing.sort(),
    );
    if (topics.length === 0) return [];
    const configs = await this.topicConfigs(topics);
    return topics.map((name) => {
      const topic = metadata.topics.get(name)!;
      return { ...topicView(name, topic), partitionDetails: partitionViews(topic), config: configs.get(name) ?? {} };
    });
  }

  async createTopic(topic: ResolvedTopic): Promise<'created' | 'exists'> {
    try {
      await this.client.createTopics({
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
  }

  async createPartitions(topic: string, count: number): Promise<void> {
    await this.client.createPartitions({ topics: [{ name: topic, count }] });
  }

  async alterTopicConfig(topic: string, update: TopicConfigUpdate): Promise<void> {
    await this.client.incrementalAlterConfigs({
      resources: [{ resourceType: ConfigResourceTypes.TOPIC, resourceName: topic, configs: configOperations(update) }],
    });
  }

  async deleteTopics(names: readonly string[]): Promise<void> {
    if (names.length > 0) await this.client.deleteTopics({ topics: [...names] });
  }

  async emptyTopics(names: readonly string[]): Promise<void> {
    const { topics } = await this.client.metadata({ topics: [...names], forceUpdate: true });
    // Offset -1 asks each partition's leader to delete up to its high watermark.
    const toHighWatermark = names.map((name) => ({
      name,
      partitions: Array.from({ length: topics.get(name)?.partitionsCount ?? 0 }, (_, partition) => ({ partition, offset: -1n })),
    }));
    await this.client.deleteRecords({ topics: toHighWatermark });
  }

  async groupIsStable(groupId: string): Promise<boolean> {
    const group = (await this.client.describeGroups({ groups: [groupId] })).get(groupId);
    return group !== undefined && group.state.toLowerCase() === 'stable' && group.members.size > 0;
  }

  async deleteGroup(groupId: string): Promise<void> {
    await this.client.deleteGroups({ groups: [groupId] });
  }

  async describeConsumerGroups(): Promise<ConsumerGroupView[]> {
    // A group that only has committed offsets (no member ever joined) has no protocol type.
    const ids = [...(await this.client.listGroups()).values()].filter((group) => ['consumer', ''].includes(group.protocolType)).map((group) => group.id);
    if (ids.length === 0) return [];
    const [groups, committed] = await Promise.all([this.client.describeGroups({ groups: ids }), this.client.listConsumerGroupOffsets({ groups: ids })]);
    const committedTopics = committed.flatMap((group) => group.topics);
    const topicNames = [...new Set(committedTopics.map((topic) => topic.name))];
    // timestamp -1: the partition's end (the high watermark).
    const ends = topicNames.length === 0 ? [] : await this.client.listOffsets({
      topics: topicNames.map((name) => ({ name, partitions: [...new Set(committedTopics.filter((topic) => topic.name === name).flatMap((topic) => topic.partitions.map((partition) => partition.partitionIndex)))].map((partitionIndex) => ({ partitionIndex, timestamp: -1n })) })),
    });
    const endOf = (topic: string, partition: number) => Number(ends.find((listed) => listed.name === topic)?.partitions.find((listed) => listed.partitionIndex === partition)?.offset ?? 0n);
    return ids.map((groupId): ConsumerGroupView => {
      const group = groups.get(groupId);
      const offsets = (committed.find((entry) => entry.groupId === groupId)?.topics ?? []).flatMap((topic) =>
        topic.partitions
          .filter((partition) => partition.committedOffset >= 0n)
          .map((partition) => {
            const end = endOf(topic.name, partition.partitionIndex);
            return { topic: topic.name, partition: partition.partitionIndex, committed: Number(partition.committedOffset), end, lag: Math.max(0, end - Number(partition.committedOffset)) };
          }),
      );
      const members = [...(group?.members.values() ?? [])].map((member) => ({
        memberId: member.id,
        clientId: member.clientId,
        host: member.clientHost,
        assignment: [...(member.assignments?.values() ?? [])].map(({ topic, partitions }) => ({ topic, partitions })),
      }));
      return { groupId, state: group?.state ?? 'unknown', members, offsets };
    });
  }

  async describeAcls(): Promise<AclEntry[]> {
    const entries = await Promise.all(
      (['topic', 'group'] as const).map(async (resourceType) => {
        const filter = { ...aclTarget(resourceType, null), principal: null, host: null, operation: AclOperations.ANY, permissionType: AclPermissionTypes.ALLOW };
        const resources = await this.client.describeAcls({ filter });
        return resources.flatMap((resource) =>
          resource.acls.flatMap(({ principal, operation }) => {
            const name = kafkaOperationName(operation);
            return name ? [{ principal, resourceType, resourceName: resource.resourceName, operation: name }] : [];
          }),
        );
      }),
    );
    return entries.flat();
  }

  async createAcls(entries: readonly AclEntry[]): Promise<void> {
    if (entries.length > 0) await this.client.createAcls({ creations: entries.map(kafkaAcl) });
  }

  async deleteAcls(entries: readonly AclEntry[]): Promise<void> {
    if (entries.length > 0) await this.client.deleteAcls({ filters: entries.map(kafkaAcl) });
  }

  async describeScramUsers(): Promise<ScramUserView[]> {
    const { results } = await describeUserScramCredentialsV0.api.async(await this.controllerConnection(), null);
    return results.map(({ user, credentialInfos }) => ({
      name: user,
      mechanisms: credentialInfos.flatMap(({ mechanism }) => {
        const name = scramMechanismName(mechanism);
        return name ? [name] : [];
      }),
    }));
  }

  async alterScramUsers(upsertions: readonly ScramUpsertion[], deletions: readonly ScramDeletion[]): Promise<void> {
    if (upsertions.length === 0 && deletions.length === 0) return;
    await alterUserScramCredentialsV0.api.async(
      await this.controllerConnection(),
      deletions.map(({ name, mechanism }) => ({ name, mechanism: scramMechanismCodes[mechanism] })),
      upsertions.map(({ name, mechanism, iterations, salt, saltedPassword }) => ({ name, mechanism: scramMechanismCodes[mechanism], iterations, salt, saltedPassword })),
    );
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /**
   * A connection to the controller: the client library has no SCRAM methods, so these requests go
   * out raw, where Kafka's admin client sends them (a ZooKeeper cluster's controller alone may
   * alter credentials; a KRaft broker forwards them).
   */
  private async controllerConnection() {
    const metadata = await this.client.metadata({ topics: [], forceUpdate: true });
    const controller = metadata.brokers.get(metadata.controllerId);
    if (!controller) throw new KafkaDevError(`The cluster names controller ${metadata.controllerId}, which is not among its brokers`);
    return this.client.connections.get(controller);
  }

  /**
   * The topics `pick` chooses from those that exist, with their metadata. A metadata request names
   * its topics; listTopics asks the broker for all of them. Partitions without a leader (their
   * brokers are gone) are described with leader -1 instead of failing the answer.
   */
  private async topicMetadata(pick: (existing: string[]) => string[]): Promise<{ topics: string[]; metadata: ClusterMetadata }> {
    try {
      const topics = pick(await this.client.listTopics());
      return { topics, metadata: await this.client.metadata({ topics, forceUpdate: true }) };
    } catch (error) {
      const answer = leaderlessAnswer(error);
      if (!answer) throw error;
      const topics = pick(topicNamesOf(answer));
      return { topics, metadata: clusterMetadataOf(answer, topics) };
    }
  }

  /** Each topic's own settings, by topic name. */
  private async topicConfigs(names: readonly string[]): Promise<Map<string, Record<string, string>>> {
    const described = await this.client.describeConfigs({
      resources: names.map((name) => ({ resourceType: ConfigResourceTypes.TOPIC, resourceName: name })),
    });
    return new Map(described.map((resource) => [resource.resourceName, ownSettings(resource.configs)]));
  }
}

function topicView(name: string, topic: ClusterTopicMetadata): TopicView {
  return { name, partitions: topic.partitionsCount, replicationFactor: topic.partitions[0]?.replicas.length ?? 0 };
}

function partitionViews(topic: ClusterTopicMetadata): PartitionView[] {
  return topic.partitions.map(({ leader, replicas, isr }, partition) => ({ partition, leader, replicas, isr }));
}

/** Settings set on the topic itself, sorted by name; broker and built-in defaults are left out. */
function ownSettings(configs: ConfigDescription['configs']): Record<string, string> {
  return Object.fromEntries(
    configs
      .filter((entry) => entry.configSource === ConfigSources.DYNAMIC_TOPIC_CONFIG && entry.value !== null)
      .map((entry) => [entry.name, entry.value as string])
      .sort(([a], [b]) => a!.localeCompare(b!)),
  );
}

const aclResourceTypes = { topic: ResourceTypes.TOPIC, group: ResourceTypes.GROUP } as const;

function aclTarget<Name extends string | null>(resourceType: AclResourceType, resourceName: Name) {
  return { resourceType: aclResourceTypes[resourceType], resourceName, resourcePatternType: ResourcePatternTypes.LITERAL };
}

function kafkaAcl(entry: AclEntry): Acl {
  return {
    ...aclTarget(entry.resourceType, entry.resourceName),
    principal: entry.principal,
    host: '*',
    operation: AclOperations[entry.operation],
    permissionType: AclPermissionTypes.ALLOW,
  };
}

/** The operation's name, when it is one a config can declare. */
function kafkaOperationName(operation: number): KafkaAclOperation | undefined {
  const found = Object.entries(AclOperations).find(([, code]) => code === operation)?.[0];
  return aclOperations.find((declarable) => declarable.toUpperCase() === found)?.toUpperCase() as KafkaAclOperation | undefined;
}

const scramMechanismCodes = { 'SCRAM-SHA-256': ScramMechanisms.SCRAM_SHA_256, 'SCRAM-SHA-512': ScramMechanisms.SCRAM_SHA_512 } as const satisfies Record<ScramMechanismName, number>;

const scramMechanismName = (code: number): ScramMechanismName | undefined =>
  (Object.keys(scramMechanismCodes) as ScramMechanismName[]).find((name) => scramMechanismCodes[name] === code);

/** A `null` value removes the topic's own setting, any other sets it. */
function configOperations(update: TopicConfigUpdate) {
  return Object.entries(update).map(([name, value]) =>
    value === null
      ? { name, configOperation: IncrementalAlterConfigOperationTypes.DELETE }
      : { name, configOperation: IncrementalAlterConfigOperationTypes.SET, value },
  );
}
