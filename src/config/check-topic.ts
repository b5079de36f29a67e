import { topicNamePattern } from './schema.js';
import type { KafkaSettingValue, ResolvedConfig, ResolvedTopic } from '../model/types.js';
import type { ConfigIssue } from '../base/errors.js';
import { plural } from '../base/plural.js';
import { quoteText } from '../base/text.js';
import { wholeNumber } from '../base/whole-number.js';
import { defaults } from '../model/defaults.js';
import { settingsCatalogFor } from '../model/kafka-settings/catalog-for.js';
import { checkTopicSettings } from '../model/topic-settings.js';
import { minInSyncIssues } from './min-in-sync.js';

/** A topic as typed on the command line: counts may still be text. */
export interface TopicRequest {
  readonly name: string;
  readonly partitions?: unknown;
  readonly replicationFactor?: unknown;
  readonly config?: Readonly<Record<string, KafkaSettingValue>>;
}

/** Kafka's rules for a topic name, as words; undefined when the name is valid. */
export function topicNameProblem(name: string): string | undefined {
  if (name === '.' || name === '..') return `got '${name}', which Kafka reserves; expected another name`;
  if (!topicNamePattern.test(name)) {
    return `got ${quoteText(name)}, expected 1 to 249 characters from a-z, A-Z, 0-9, '.', '_' and '-'`;
  }
  return undefined;
}

/**
 * Checks a topic before any request is sent: name, counts, replication factor against the
 * broker count, and every setting (known name, value in Kafka's range) against the Kafka that
 * `kafka` runs (default: the ZooKeeper-mode image, Kafka 3.9). Returns the topic with defaults
 * filled in, or every problem found.
 */
export function checkTopicRequest(
  request: TopicRequest,
  brokers: number,
  kafka: Pick<ResolvedConfig, 'mode' | 'images'> = { mode: defaults.mode, images: { ...defaults.images.zookeeperMode } },
): { topic: ResolvedTopic; issues: [] } | { topic?: undefined; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const nameProblem = topicNameProblem(request.name);
  if (nameProblem) issues.push({ path: 'name', message: nameProblem });

  const count = (path: string, value: unknown): number | undefined => {
    if (value === undefined) return 1;
    // Text counts only as decimal digits: '0x3' or '1e0' is what was typed, not 3 or 1.
    const number = typeof value === 'number' ? value : wholeNumber(String(value));
    if (number !== undefined && Number.isInteger(number) && number >= 1) return number;
    issues.push({ path, message: `got ${quoteText(String(value))}, expected a whole number of at least 1` });
    return undefined;
  };
  const partitions = count('--partitions', request.partitions);
  const replicationFactor = count('--replication-factor', request.replicationFactor);
  if (replicationFactor !== undefined && replicationFactor > brokers) {
    issues.push({
      path: '--replication-factor',
      message: `got ${replicationFactor}, but the cluster has ${plural(brokers, 'broker')}; expected at most ${brokers}`,
    });
  }
  const config = request.config ?? {};
  const settingIssues = [...checkTopicSettings(config, settingsCatalogFor(kafka)), ...minInSyncIssues(config, brokers)];
  issues.push(...settingIssues.map((issue) => ({ ...issue, path: `--config ${issue.path}` })));
  if (partitions === undefined || replicationFactor === undefined || issues.length > 0) return { issues };
  return { topic: { name: request.name, partitions, replicationFactor, config }, issues: [] };
}

