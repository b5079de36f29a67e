import { kafkaClientLibrary } from './client-library.js';
import { connectionOptions, securityFailure, type KafkaTarget } from './client-options.js';

/**
 * How much each topic holds: its bytes on disk (DescribeLogDirs, asked of every broker) and the
 * end offset of each partition (ListOffsets). Kept apart from the admin port because only the
 * web console asks, and a broker that is down must not hide the rest of the topics page.
 */

export interface TopicLogSize {
  /** Bytes of one copy: per partition the largest replica, summed; null when the brokers did not say. */
  readonly bytes: number | null;
  /** Index: the partition. */
  readonly endOffsets: readonly number[];
}

/** Per partition, the largest copy any broker reports, summed per topic. */
export function bytesPerTopic(reports: readonly { topics: readonly { name: string; partitions: readonly { partitionIndex: number; partitionSize: bigint; isFutureKey: boolean }[] }[] }[]): Map<string, number> {
  const largest = new Map<string, Map<number, bigint>>();
  for (const topic of reports.flatMap((report) => report.topics)) {
    const partitions = largest.get(topic.name) ?? new Map<number, bigint>();
    // A future replica is a copy being moved between a broker's log dirs, not data of its own.
    for (const { partitionIndex, partitionSize } of topic.partitions.filter((partition) => !partition.isFutureKey)) {
      if (partitionSize > (partitions.get(partitionIndex) ?? -1n)) partitions.set(partitionIndex, partitionSize);
    }
    largest.set(topic.name, partitions);
  }
  return new Map([...largest].map(([name, partitions]) => [name, Number([...partitions.values()].reduce((sum, size) => sum + size, 0n))]));
}

export async function topicLogSizes(target: KafkaTarget, topics: readonly { name: string; partitions: number }[]): Promise<Map<string, TopicLogSize>> {
  if (topics.length === 0) return new Map();
  const { Admin } = await kafkaClientLibrary();
  const admin = new Admin({ clientId: 'kafka-dev-ui', ...connectionOptions(target), timeout: 5000, requestTimeout: 5000, connectTimeout: 5000 });
  const partitionsOf = (count: number) => Array.from({ length: count }, (_, index) => index);
  try {
    const [logDirs, ends] = await Promise.all([
      admin.describeLogDirs({ topics: topics.map(({ name, partitions }) => ({ name, partitions: partitionsOf(partitions) })) }).then(
        (brokers) => bytesPerTopic(brokers.flatMap((broker) => broker.results)),
        // A stopped broker fails the whole request: the page then shows offsets without sizes.
        () => undefined,
      ),
      admin.listOffsets({ topics: topics.map(({ name, partitions }) => ({ name, partitions: partitionsOf(partitions).map((partitionIndex) => ({ partitionIndex, timestamp: -1n })) })) }),
    ]);
    return new Map(topics.map(({ name }) => {
      const listed = ends.find((topic) => topic.name === name)?.partitions ?? [];
      const endOffsets = [...listed].sort((a, b) => a.partitionIndex - b.partitionIndex).map((partition) => Number(partition.offset));
      return [name, { bytes: logDirs?.get(name) ?? null, endOffsets }];
    }));
  } catch (error) {
    throw securityFailure(error, target) ?? error;
  } finally {
    await admin.close().catch(() => undefined);
  }
}
