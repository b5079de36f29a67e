/** An in-memory Kafka admin client for unit tests: topics as plain data, every request recorded. */

import type { ResolvedTopic } from '../../src/model/types.js';
import type { ClusterView, ConsumerGroupView, KafkaAdmin, ScramDeletion, ScramUpsertion, TopicConfigUpdate, TopicDescription } from '../../src/kafka/admin.js';
import type { withAdmin } from '../../src/kafka/admin.js';
import type { AclEntry } from '../../src/kafka/acl-plan.js';
import type { ApiVersionRange } from '../../src/kafka/kafka-release.js';
import type { ScramUserView } from '../../src/kafka/scram-plan.js';

export class FakeAdmin implements KafkaAdmin {
  readonly topics = new Map<string, TopicDescription>();
  /** What the brokers answer to ApiVersions (the fake's Kafka release); none: older than any release kafka-dev tells apart. */
  apiVersionRanges: ApiVersionRange[] = [];
  /** The cluster's ACLs, as plain entries. */
  acls: AclEntry[] = [];
  /** The cluster's SCRAM credentials, as the last upsertion of each user and mechanism left them. */
  scramCredentials: ScramUpsertion[] = [];
  /** Requests that change something, e.g. "createTopic orders". */
  readonly calls: string[] = [];
  closed = false;

  constructor(private readonly brokerIds: readonly number[] = [1]) {}

  /** A `withAdmin` that hands out this client instead of connecting to a cluster. */
  readonly withAdmin: typeof withAdmin = async (_bootstrapServers, work) => work(this);

  async describeCluster(): Promise<ClusterView> {
    const brokers = this.brokerIds.map((id) => ({ id, host: 'localhost', port: 9091 + id }));
    const topics = [...this.topics.values()].map(({ name, partitions, replicationFactor }) => ({ name, partitions, replicationFactor }));
    return { clusterId: 'fake-cluster', controllerId: this.brokerIds[0] ?? -1, brokers, topics };
  }

  async apiVersions(): Promise<ApiVersionRange[]> {
    return this.apiVersionRanges;
  }

  async describeTopics(names?: readonly string[]): Promise<TopicDescription[]> {
    return [...this.topics.values()].filter((topic) => !names || names.includes(topic.name));
  }

  async createTopic(topic: ResolvedTopic): Promise<'created' | 'exists'> {
    this.calls.push(`createTopic ${topic.name}`);
    if (this.topics.has(topic.name)) return 'exists';
    const replicas = this.brokerIds.slice(0, topic.replicationFactor);
    const partitionDetails = Array.from({ length: topic.partitions }, (_, partition) => ({ partition, leader: replicas[0] ?? -1, replicas, isr: replicas }));
    const config = Object.fromEntries(Object.entries(topic.config).map(([key, value]) => [key, String(value)]));
    this.topics.set(topic.name, { name: topic.name, partitions: topic.partitions, replicationFactor: topic.replicationFactor, partitionDetails, config });
    return 'created';
  }

  async createPartitions(topic: string, count: number): Promise<void> {
    this.calls.push(`createPartitions ${topic} ${count}`);
  }

  async alterTopicConfig(topic: string, update: TopicConfigUpdate): Promise<void> {
    this.calls.push(`alterTopicConfig ${topic} ${JSON.stringify(update)}`);
  }

  async deleteTopics(names: readonly string[]): Promise<void> {
    this.calls.push(`deleteTopics ${names.join(',')}`);
    for (const name of names) this.topics.delete(name);
  }

  async emptyTopics(names: readonly string[]): Promise<void> {
    this.calls.push(`emptyTopics ${names.join(',')}`);
  }

  async groupIsStable(): Promise<boolean> {
    return true;
  }

  async deleteGroup(groupId: string): Promise<void> {
    this.calls.push(`deleteGroup ${groupId}`);
  }

  async describeConsumerGroups(): Promise<ConsumerGroupView[]> {
    return [];
  }

  async describeAcls(): Promise<AclEntry[]> {
    return [...this.acls];
  }

  async createAcls(entries: readonly AclEntry[]): Promise<void> {
    if (entries.length > 0) this.calls.push(`createAcls ${entries.length}`);
    this.acls.push(...entries);
  }

  async deleteAcls(entries: readonly AclEntry[]): Promise<void> {
    if (entries.length > 0) this.calls.push(`deleteAcls ${entries.length}`);
    const removed = new Set(entries.map((entry) => JSON.stringify(entry)));
    this.acls = this.acls.filter((entry) => !removed.has(JSON.stringify(entry)));
  }

  async describeScramUsers(): Promise<ScramUserView[]> {
    const names = [...new Set(this.scramCredentials.map((credential) => credential.name))];
    return names.map((name) => ({ name, mechanisms: this.scramCredentials.filter((credential) => credential.name === name).map((credential) => credential.mechanism) }));
  }

  async alterScramUsers(upsertions: readonly ScramUpsertion[], deletions: readonly ScramDeletion[]): Promise<void> {
    if (upsertions.length + deletions.length === 0) return;
    this.calls.push(`alterScramUsers +${upsertions.map((entry) => entry.name).join(',')} -${deletions.map((entry) => entry.name).join(',')}`);
    const replaced = [...upsertions, ...deletions];
    this.scramCredentials = [
      ...this.scramCredentials.filter((credential) => !replaced.some((entry) => entry.name === credential.name && entry.mechanism === credential.mechanism)),
      ...upsertions,
    ];
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
