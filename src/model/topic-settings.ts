import { closest } from 'fastest-levenshtein';
import type { KafkaSettingValue } from './types.js';
import type { ConfigIssue } from '../base/errors.js';

type SettingType = 'boolean' | 'int' | 'long' | 'double' | 'string' | 'list';

interface SettingSpec {
  readonly type: SettingType;
  /** For settings that take one of a few words (or, for lists, several of them). */
  readonly oneOf?: readonly string[];
}

/**
 * Every topic-level setting of Kafka 3.9, as a 3.9 broker lists them for a topic (DescribeConfigs),
 * with the broker's own type for each. Data, not logic: an end-to-end test compares it with the
 * running broker, so a new Kafka version shows up as a failing test rather than a wrong refusal.
 */
export const kafka39TopicSettings: Readonly<Record<string, SettingSpec>> = {
  'cleanup.policy': { type: 'list', oneOf: ['compact', 'delete'] },
  'compression.gzip.level': { type: 'int' },
  'compression.lz4.level': { type: 'int' },
  'compression.type': { type: 'string', oneOf: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'] },
  'compression.zstd.level': { type: 'int' },
  'delete.retention.ms': { type: 'long' },
  'file.delete.delay.ms': { type: 'long' },
  'flush.messages': { type: 'long' },
  'flush.ms': { type: 'long' },
  'follower.replication.throttled.replicas': { type: 'list' },
  'index.interval.bytes': { type: 'int' },
  'leader.replication.throttled.replicas': { type: 'list' },
  'local.retention.bytes': { type: 'long' },
  'local.retention.ms': { type: 'long' },
  'max.compaction.lag.ms': { type: 'long' },
  'max.message.bytes': { type: 'int' },
  'message.downconversion.enable': { type: 'boolean' },
  'message.format.version': { type: 'string' },
  'message.timestamp.after.max.ms': { type: 'long' },
  'message.timestamp.before.max.ms': { type: 'long' },
  'message.timestamp.difference.max.ms': { type: 'long' },
  'message.timestamp.type': { type: 'string', oneOf: ['CreateTime', 'LogAppendTime'] },
  'min.cleanable.dirty.ratio': { type: 'double' },
  'min.compaction.lag.ms': { type: 'long' },
  'min.insync.replicas': { type: 'int' },
  preallocate: { type: 'boolean' },
  'remote.log.copy.disable': { type: 'boolean' },
  'remote.log.delete.on.disable': { type: 'boolean' },
  'remote.storage.enable': { type: 'boolean' },
  'retention.bytes': { type: 'long' },
  'retention.ms': { type: 'long' },
  'segment.bytes': { type: 'int' },
  'segment.index.bytes': { type: 'int' },
  'segment.jitter.ms': { type: 'long' },
  'segment.ms': { type: 'long' },
  'unclean.leader.election.enable': { type: 'boolean' },
};

const wholeNumberRange: Partial<Record<SettingType, readonly [bigint, bigint]>> = {
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** Problems with topic settings, one issue per setting, with the setting's name as path. */
export function checkTopicSettings(settings: Readonly<Record<string, KafkaSettingValue>>): ConfigIssue[] {
  const known = Object.keys(kafka39TopicSettings);
  return Object.entries(settings).flatMap(([key, value]): ConfigIssue[] => {
    const spec = kafka39TopicSettings[key];
    if (!spec) {
      return [{ path: key, message: `unknown topic setting; did you mean '${closest(key, known)}'? (Kafka 3.9 topic settings)` }];
    }
    const problem = valueProblem(spec, String(value).trim());
    return problem ? [{ path: key, message: `got '${String(value)}', ${problem}` }] : [];
  });
}

function valueProblem(spec: SettingSpec, text: string): string | undefined {
  const range = wholeNumberRange[spec.type];
  if (range) {
    const [min, max] = range;
    if (!/^-?\d+$/.test(text)) return `expected a whole number`;
    return BigInt(text) < min || BigInt(text) > max ? `expected a whole number from ${min} to ${max}` : undefined;
  }
  if (spec.type === 'double') return text !== '' && Number.isFinite(Number(text)) ? undefined : 'expected a number';
  if (spec.type === 'boolean') return text === 'true' || text === 'false' ? undefined : 'expected true or false';
  if (!spec.oneOf) return undefined;
  const words = spec.type === 'list' ? text.split(',').map((word) => word.trim()) : [text];
  const wrong = words.find((word) => !spec.oneOf!.includes(word));
  if (wrong === undefined) return undefined;
  return `expected ${spec.type === 'list' ? 'a comma-separated list of' : 'one of'}: ${spec.oneOf.join(', ')}`;
}

/**
 * A setting's value as the broker stores it, so a declared `1` or `true` compares equal to the
 * broker's "1" or "true", and "compact, delete" to "compact,delete".
 */
export function settingText(key: string, value: KafkaSettingValue): string {
  const text = String(value).trim();
  return kafka39TopicSettings[key]?.type === 'list' ? text.split(',').map((word) => word.trim()).join(',') : text;
}
