import { Socket } from 'node:net';
import { splitHostPort } from '../model/cluster.js';
import type { ClusterView, TopicDescription } from './admin-port.js';
import {
  describeConfigsRequest,
  dynamicTopicConfigSource,
  metadataRequest,
  parseDescribeConfigs,
  parseMetadata,
  WireError,
  type MetadataAnswer,
  type MetadataTopic,
} from './metadata-wire.js';

/**
 * The reads every `up`, `status` and readiness probe makes (the cluster's brokers, the topics
 * with their own settings), done over a plain socket on a PLAINTEXT listener. Loading the Kafka
 * client library costs about half a second of CPU (it compiles its JSON-schema validators at
 * import), which is most of a repeated `up`; these two requests cost milliseconds. Writes, and
 * anything on a secured listener, go through the client. A reply these readers do not
 * understand throws a WireError, and the caller asks the client instead.
 */

export interface PlainReadOptions {
  readonly timeoutMs: number;
  /** Retries, half a second apart, while no broker of the list answers (a cluster still starting). */
  readonly retries: number;
}

/** Brokers sorted by id, and the topics (internal ones left out) sorted by name, as ClusterView has them. */
export async function describeClusterPlainly(bootstrap: readonly string[], options: PlainReadOptions): Promise<ClusterView> {
  const { answer } = await askAnyBroker(bootstrap, options, (id) => metadataRequest(id, 'all'), parseMetadata);
  return {
    clusterId: answer.clusterId ?? '',
    controllerId: answer.controllerId,
    brokers: answer.brokers.map(({ nodeId, host, port }) => ({ id: nodeId, host, port })).sort((a, b) => a.id - b.id),
    topics: listedTopics(answer).map(topicView),
  };
}

/** As KafkaAdmin.describeTopics: the named topics that exist (or all but internal ones), with their own settings. */
export async function describeTopicsPlainly(bootstrap: readonly string[], names: readonly string[] | undefined, options: PlainReadOptions): Promise<TopicDescription[]> {
  const { answer, address } = await askAnyBroker(bootstrap, options, (id) => metadataRequest(id, names ?? 'all'), parseMetadata);
  const listed = listedTopics(answer);
  // In the order asked for, as the client answers.
  const topics = names ? names.flatMap((name) => listed.filter((topic) => topic.name === name)) : listed;
  if (topics.length === 0) return [];
  const { answer: configs } = await askAnyBroker([address], options, (id) => describeConfigsRequest(id, topics.map((topic) => topic.name)), parseDescribeConfigs);
  const failed = configs.find((result) => result.errorCode !== 0);
  if (failed) throw new WireError(`DescribeConfigs of '${failed.resourceName}' answered error ${failed.errorCode}${failed.errorMessage ? ` (${failed.errorMessage})` : ''}`);
  const ownSettings = new Map(
    configs.map((result) => [
      result.resourceName,
      Object.fromEntries(
        result.configs
          .filter((entry) => entry.source === dynamicTopicConfigSource && entry.value !== null)
          .map((entry) => [entry.name, entry.value!])
          .sort(([a], [b]) => a!.localeCompare(b!)),
      ),
    ]),
  );
  return topics.map((topic) => ({
    ...topicView(topic),
    partitionDetails: topic.partitions.map(({ partition, leader, replicas, isr }) => ({ partition, leader, replicas, isr })),
    config: ownSettings.get(topic.name) ?? {},
  }));
}

// UNKNOWN_TOPIC_OR_PARTITION: a named topic that does not exist is left out, as the client does.
const unknownTopic = 3;
// LEADER_NOT_AVAILABLE, REPLICA_NOT_AVAILABLE: the topic is there, some replicas are not (see leaderless-metadata.ts).
const leaderlessCodes = new Set([5, 9]);

/** Topics that exist and are not internal, sorted by name with partitions by index; any other error is not understood. */
function listedTopics(answer: MetadataAnswer): MetadataTopic[] {
  const understood = (code: number) => code === 0 || leaderlessCodes.has(code);
  for (const topic of answer.topics) {
    if (!understood(topic.errorCode) && topic.errorCode !== unknownTopic) throw new WireError(`Metadata of '${topic.name}' answered error ${topic.errorCode}`);
    const partition = topic.partitions.find((each) => !understood(each.errorCode));
    if (partition) throw new WireError(`Metadata of '${topic.name}' answered error ${partition.errorCode} for partition ${partition.partition}`);
  }
  return answer.topics
    .filter((topic) => topic.errorCode !== unknownTopic && !topic.internal)
    .map((topic) => ({ ...topic, partitions: [...topic.partitions].sort((a, b) => a.partition - b.partition) }))
    // By code unit, as Array.prototype.sort orders the client's names.
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function topicView(topic: MetadataTopic) {
  return { name: topic.name, partitions: topic.partitions.length, replicationFactor: topic.partitions[0]?.replicas.length ?? 0 };
}

let nextCorrelationId = 1;

/** The first broker of the list to answer, in order, with its answer; retried while none does. */
async function askAnyBroker<T>(
  bootstrap: readonly string[],
  { timeoutMs, retries }: PlainReadOptions,
  request: (correlationId: number) => Buffer,
  parse: (response: Buffer, correlationId: number) => T,
): Promise<{ answer: T; address: string }> {
  const failures: string[] = [];
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    for (const address of bootstrap) {
      const correlationId = nextCorrelationId++;
      const { host, port } = splitHostPort(address);
      const reply = await exchange(host, port, request(correlationId), timeoutMs);
      if (reply instanceof WireError) throw reply;
      if (!(reply instanceof Error)) return { answer: parse(reply, correlationId), address };
      failures.push(`${address}: ${reply.message}`);
    }
  }
  throw new Error(`No broker answered: ${[...new Set(failures)].join('; ')}`);
}

// No Kafka reply kafka-dev asks for comes near this; a TLS record or an HTTP line read as a size does.
const largestReply = 64 * 1024 * 1024;

/**
 * One request over a plain socket: the reply without its size prefix, or why there is none. A
 * listener that answers with bytes that are not a Kafka reply, or hangs up on the request (TLS,
 * SASL), gives a WireError: it answers, just not in PLAINTEXT.
 */
export function exchange(host: string, port: number, request: Buffer, timeoutMs: number): Promise<Buffer | Error> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let received = Buffer.alloc(0);
    const finish = (result: Buffer | Error) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`no answer within ${timeoutMs} ms`)));
    socket.on('error', (error) => finish(new Error(`no answer: ${error.message}`)));
    socket.on('close', () => finish(new WireError('the connection closed before the reply')));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const size = received.readInt32BE(0);
      if (size < 4 || size > largestReply) finish(new WireError(`the reply is not Kafka's (it starts ${received.subarray(0, 4).toString('hex')})`));
      else if (received.length >= 4 + size) finish(received.subarray(4, 4 + size));
    });
    socket.connect(port, host, () => socket.write(request));
  });
}
