import { topicNamePattern } from './schema.js';
import type { KafkaSettingValue, ResolvedTopic } from '../model/types.js';
import type { ConfigIssue } from '../base/errors.js';
import { checkTopicSettings } from '../model/topic-settings.js';

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
    return `got '${name}', expected 1 to 249 characters from a-z, A-Z, 0-9, '.', '_' and '-'`;
  }
  return undefined;
}

/**
 * Checks a topic before any request is sent: name, counts, replication factor against the
 * broker count, and every setting (known name, value of the right type). Returns the topic with
 * defaults filled in, or every problem found.
 */
export function checkTopicRequest(
  request: TopicRequest,
  brokers: number,
): { topic: ResolvedTopic; issues: [] } | { topic?: undefined; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const nameProblem = topicNameProblem(request.name);
  if (nameProblem) issues.push({ path: 'name', message: nameProblem });

  const count = (path: string, value: unknown) => {
    if (value === undefined) return 1;
    // Text counts only as decimal digits: '0x3' or '1e0' is what was typed, not 3 or 1.
    const number = typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : Number.NaN;
    if (!Number.isInteger(number) || number < 1) issues.push({ path, message: `got '${String(value)}', expected a whole number of at least 1` });
    return number;
  };
  const partitions = count('--partitions', request.partitions);
  const replicationFactor = count('--replication-factor', request.replicationFactor);
  if (Number.isInteger(replicationFactor) && replicationFactor > brokers) {
    issues.push({
      path: '--replication-factor',
      message: `got ${replicationFactor}, but the cluster has ${brokers} broker${brokers === 1 ? '' : 's'}; expected at most ${brokers}`,
    });
  }
  const config = request.config ?? {};
  issues.push(...checkTopicSettings(config).map((issue) => ({ ...issue, path: `--config ${issue.path}` })));
  if (issues.length > 0) return { issues };
  return { topic: { name: request.name, partitions, replicationFactor, config }, issues: [] };
}

