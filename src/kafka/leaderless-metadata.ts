import type { ClusterMetadata, metadataV12 } from '@platformatic/kafka';

/**
 * A partition whose every replica sits on a broker that is gone (after `up --force` took
 * brokers away) has no leader, and the broker marks it so in its metadata answer; the client
 * then fails the whole answer. Describing the cluster must still work and show that partition
 * with leader -1, so the answer is taken from the error when nothing else in it went wrong.
 */

type MetadataResponse = metadataV12.MetadataResponse;

// LEADER_NOT_AVAILABLE, REPLICA_NOT_AVAILABLE: the topic is there, some of its replicas are not.
const leaderlessCodes = new Set([5, 9]);

interface AnswerError {
  readonly response?: unknown;
  readonly errors?: readonly AnswerError[];
  readonly apiCode?: number;
  readonly path?: string;
}

/**
 * The broker's answer inside a failed metadata request, when every error in it is a partition
 * without a leader. The client wraps it ("Listing topics failed." around "metadata failed 3
 * times." around each attempt's answer): the last attempt's answer counts.
 */
export function leaderlessAnswer(error: unknown): MetadataResponse | undefined {
  const { response, errors = [] } = (error ?? {}) as AnswerError;
  if (response === undefined) return errors.length > 0 ? leaderlessAnswer(errors.at(-1)) : undefined;
  const onlyLeaderless =
    errors.length > 0 &&
    errors.every(({ apiCode, path }) => leaderlessCodes.has(apiCode ?? 0) && /^\/topics\/\d+\/partitions\/\d+$/.test(path ?? ''));
  return onlyLeaderless ? (response as MetadataResponse) : undefined;
}

/** The names of the topics in an answer, internal ones left out, as the client's `listTopics` gives them. */
export function topicNamesOf(answer: MetadataResponse): string[] {
  return answer.topics.filter((topic) => !topic.isInternal && topic.name !== null).map((topic) => topic.name!);
}

/** An answer in the shape of the client's own `metadata()` result, for the topics asked for. */
export function clusterMetadataOf(answer: MetadataResponse, topics: readonly string[]): ClusterMetadata {
  const lastUpdate = Date.now();
  const byName = new Map(answer.topics.map((topic) => [topic.name, topic]));
  return {
    id: answer.clusterId ?? '',
    controllerId: answer.controllerId,
    lastUpdate,
    brokers: new Map(answer.brokers.map(({ nodeId, host, port, rack }) => [nodeId, { host, port, rack }])),
    topics: new Map(
      topics.flatMap((name) => {
        const topic = byName.get(name);
        if (!topic) return [];
        const partitions = [...topic.partitions]
          .sort((a, b) => a.partitionIndex - b.partitionIndex)
          .map(({ leaderId, leaderEpoch, replicaNodes, isrNodes, offlineReplicas }) => ({
            leader: leaderId,
            leaderEpoch,
            replicas: replicaNodes,
            isr: isrNodes,
            offlineReplicas,
          }));
        // Answers before v9 carry no topic id; the client then uses the name, and so does this.
        return [[name, { id: topic.topicId ?? name, partitions, partitionsCount: partitions.length, lastUpdate }]];
      }),
    ),
  };
}
