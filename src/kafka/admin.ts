import type { ResolvedTopic } from '../model/types.js';
import { KafkaDevError } from '../base/errors.js';
import { kafkaErrorMessage } from './errors.js';
import { bootstrapOf, isPlaintext, securityFailure, type KafkaTarget } from './client-options.js';
import type { AclEntry } from './acl-plan.js';
import { describeClusterPlainly, describeTopicsPlainly, type PlainReadOptions } from './plain-reads.js';
import { WireError } from './metadata-wire.js';
import { adminDefaults, type AdminOptions, type ClusterView, type KafkaAdmin, type ScramDeletion, type ScramUpsertion, type TopicConfigUpdate, type TopicDescription } from './admin-port.js';

export type { BrokerView, TopicView, ClusterView, PartitionView, TopicDescription, ConsumerGroupView, ScramUpsertion, ScramDeletion, TopicConfigUpdate, KafkaAdmin, AdminOptions } from './admin-port.js';
export { whileClusterSettles } from './admin-port.js';

/**
 * The port kafka-dev administers a cluster through. On a PLAINTEXT listener its two reads
 * (describeCluster, describeTopics) are plain requests (plain-reads.ts); everything else, and
 * every request on a secured listener, goes through the client library, loaded on first use
 * (client-admin.ts): a repeated `up` or a `status` then never loads it.
 */

/**
 * Runs `work` with a short-lived admin client and always closes it. A secured listener's refusal
 * (authentication, authorization, certificate) comes back saying who was refused where.
 */
export async function withAdmin<T>(target: KafkaTarget, work: (admin: KafkaAdmin) => Promise<T>, options?: AdminOptions): Promise<T> {
  const admin = new RoutedAdmin(target, options);
  try {
    return await work(admin);
  } catch (error) {
    throw securityFailure(error, target) ?? error;
  } finally {
    await admin.close().catch(() => undefined);
  }
}

/** Loads the client library ahead of the first request that needs it, e.g. while brokers boot. */
export function preloadKafkaClient(): void {
  import('./client-admin.js').catch(() => undefined);
}

type ClientRequest = Exclude<keyof KafkaAdmin, 'describeCluster' | 'describeTopics' | 'close'>;

/** Plain reads where the listener allows them, the client (connected on first use) for the rest. */
class RoutedAdmin implements KafkaAdmin {
  private client?: Promise<KafkaAdmin>;
  private readonly plain?: { bootstrap: readonly string[]; options: PlainReadOptions };

  constructor(
    private readonly target: KafkaTarget,
    private readonly options: AdminOptions = {},
  ) {
    if (isPlaintext(target)) this.plain = { bootstrap: bootstrapOf(target), options: { timeoutMs: options.timeoutMs ?? adminDefaults.timeoutMs, retries: options.retries ?? adminDefaults.retries } };
  }

  describeCluster(): Promise<ClusterView> {
    return this.readPlainly(({ bootstrap, options }) => describeClusterPlainly(bootstrap, options), (admin) => admin.describeCluster());
  }

  describeTopics(names?: readonly string[]): Promise<TopicDescription[]> {
    return this.readPlainly(({ bootstrap, options }) => describeTopicsPlainly(bootstrap, names, options), (admin) => admin.describeTopics(names));
  }

  apiVersions = () => this.request('apiVersions');
  createTopic = (topic: ResolvedTopic) => this.request('createTopic', topic);
  createPartitions = (topic: string, count: number) => this.request('createPartitions', topic, count);
  alterTopicConfig = (topic: string, update: TopicConfigUpdate) => this.request('alterTopicConfig', topic, update);
  deleteTopics = (names: readonly string[]) => this.request('deleteTopics', names);
  emptyTopics = (names: readonly string[]) => this.request('emptyTopics', names);
  groupIsStable = (groupId: string) => this.request('groupIsStable', groupId);
  deleteGroup = (groupId: string) => this.request('deleteGroup', groupId);
  describeConsumerGroups = () => this.request('describeConsumerGroups');
  describeAcls = () => this.request('describeAcls');
  createAcls = (entries: readonly AclEntry[]) => this.request('createAcls', entries);
  deleteAcls = (entries: readonly AclEntry[]) => this.request('deleteAcls', entries);
  describeScramUsers = () => this.request('describeScramUsers');
  alterScramUsers = (upsertions: readonly ScramUpsertion[], deletions: readonly ScramDeletion[]) => this.request('alterScramUsers', upsertions, deletions);

  async close(): Promise<void> {
    if (this.client) await (await this.client).close();
  }

  private connected(): Promise<KafkaAdmin> {
    return (this.client ??= import('./client-admin.js').then(({ connectClientAdmin }) => connectClientAdmin(this.target, this.options)));
  }

  private async request<Name extends ClientRequest>(name: Name, ...args: Parameters<KafkaAdmin[Name]>): Promise<Awaited<ReturnType<KafkaAdmin[Name]>>> {
    const admin = await this.connected();
    return (admin[name] as (...values: Parameters<KafkaAdmin[Name]>) => Promise<Awaited<ReturnType<KafkaAdmin[Name]>>>)(...args);
  }

  /** A reply the plain reader does not understand (a listener that is not PLAINTEXT after all, an unexpected error code) is asked again of the client. */
  private async readPlainly<T>(plainly: (plain: NonNullable<RoutedAdmin['plain']>) => Promise<T>, viaClient: (admin: KafkaAdmin) => Promise<T>): Promise<T> {
    if (this.plain) {
      try {
        return await plainly(this.plain);
      } catch (error) {
        if (!(error instanceof WireError)) throw error;
      }
    }
    return viaClient(await this.connected());
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
