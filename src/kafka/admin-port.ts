import type { ResolvedTopic } from '../model/types.js';
import type { AclEntry } from './acl-plan.js';
import type { ApiVersionRange } from './kafka-release.js';
import type { ScramCredential } from './scram-credential.js';
import type { ScramMechanismName, ScramUserView } from './scram-plan.js';

/** What kafka-dev asks of a cluster it administers, as plain data; admin.ts routes each request. */

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

/** A consumer group as the console shows it: members with their partitions, and each committed offset's lag behind the partition's end. */
export interface ConsumerGroupView {
  readonly groupId: string;
  readonly state: string;
  readonly members: readonly { readonly memberId: string; readonly clientId: string; readonly host: string; readonly assignment: readonly { readonly topic: string; readonly partitions: readonly number[] }[] }[];
  readonly offsets: readonly { readonly topic: string; readonly partition: number; readonly committed: number; readonly end: number; readonly lag: number }[];
}

export interface ScramUpsertion extends ScramCredential {
  readonly name: string;
}

export interface ScramDeletion {
  readonly name: string;
  readonly mechanism: ScramMechanismName;
}

/** A topic setting to set, or `null` to remove the topic's own value so the default applies again. */
export type TopicConfigUpdate = Readonly<Record<string, string | null>>;

export interface KafkaAdmin {
  describeCluster(): Promise<ClusterView>;
  /** The newest version of each request the broker connected to serves (its ApiVersions answer). */
  apiVersions(): Promise<ApiVersionRange[]>;
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
  /** Every consumer group with its members, committed offsets and lag. */
  describeConsumerGroups(): Promise<ConsumerGroupView[]>;
  /** The cluster's allow rules on topics and groups by literal name: the kind kafka-dev declares. */
  describeAcls(): Promise<AclEntry[]>;
  createAcls(entries: readonly AclEntry[]): Promise<void>;
  deleteAcls(entries: readonly AclEntry[]): Promise<void>;
  /** Every user with a SCRAM credential, and for which mechanisms. */
  describeScramUsers(): Promise<ScramUserView[]>;
  /** Sets these users' credentials and deletes those named in `deletions`, in one request. */
  alterScramUsers(upsertions: readonly ScramUpsertion[], deletions: readonly ScramDeletion[]): Promise<void>;
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

/** Unless told otherwise: 5 s per request and no retries, for plain reads and the client alike. */
export const adminDefaults = { timeoutMs: 5000, retries: 0 } as const satisfies Required<AdminOptions>;

/** For requests right after start-up: a fresh cluster may answer NOT_CONTROLLER until its controller settles. */
export const whileClusterSettles: AdminOptions = { retries: 10 };
