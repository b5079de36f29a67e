import { closest } from 'fastest-levenshtein';
import type { KafkaSettingValue } from './types.js';
import type { ConfigIssue } from '../base/errors.js';
import { describeValue } from '../base/text.js';
import type { KafkaSettingsCatalog } from './kafka-settings/catalog.js';
import { settingsCatalogs } from './kafka-settings/catalog-for.js';
import { settingValueProblem } from './setting-value.js';

/**
 * Kafka 3.9's topic-level settings, as a 3.9 broker lists them for a topic (DescribeConfigs), with
 * the broker's own type for each; an end-to-end test compares it with the running broker.
 */
export const kafka39TopicSettings = settingsCatalogs['3.9'].topic;

/** Problems with topic settings, one issue per setting, with the setting's name as path. */
export function checkTopicSettings(
  settings: Readonly<Record<string, KafkaSettingValue>>,
  catalog: KafkaSettingsCatalog = settingsCatalogs['3.9'],
): ConfigIssue[] {
  return Object.entries(settings).flatMap(([key, value]): ConfigIssue[] => {
    const spec = catalog.topic[key];
    if (!spec) return [{ path: key, message: unknownSettingMessage(key, 'topic', catalog) }];
    const problem = settingValueProblem(spec, value);
    return problem ? [{ path: key, message: `got ${describeValue(value)}, ${problem}` }] : [];
  });
}

/** "unknown topic setting; did you mean 'retention.ms'?", or the Kafka versions that do have it. */
export function unknownSettingMessage(key: string, kind: 'topic' | 'broker', catalog: KafkaSettingsCatalog): string {
  const versions = Object.values(settingsCatalogs).filter((other) => key in other[kind]).map((other) => other.version);
  if (versions.length > 0) {
    return `exists in Kafka ${versions.join(', ')} but not in ${catalog.version}, which this config runs (see images.kafka, kafkaVersion and mode); remove it, or run a Kafka version that has it`;
  }
  return `unknown ${kind} setting; did you mean '${closest(key, Object.keys(catalog[kind]))}'? (Kafka ${catalog.version} ${kind} settings)`;
}

/**
 * A setting's value as the broker stores it, so a declared `1` or `true` compares equal to the
 * broker's "1" or "true", and "compact, delete" to "compact,delete".
 */
export function settingText(key: string, value: KafkaSettingValue): string {
  const text = String(value).trim();
  return kafka39TopicSettings[key]?.type === 'list' ? text.split(',').map((word) => word.trim()).join(',') : text;
}
