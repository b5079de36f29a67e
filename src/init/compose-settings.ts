import { managedBrokerSettings } from '../config/rules.js';
import type { ImageFlavor, KafkaSettings, TopicConfig } from '../model/types.js';
import { typedSettingValue } from '../base/typed-setting-value.js';
import type { ComposeService, Located } from '../compose/document.js';
import { settingOfVariable, type KafkaNodeService } from '../compose/stack.js';
import { problemAt } from './choices.js';
import { parseTopicSpec } from './topic-spec.js';

/** Variables that become config fields other than `brokerConfig` (heap, topics, listeners, cluster id). */
const carriedVariables: ReadonlySet<string> = new Set([
  'KAFKA_HEAP_OPTS',
  'KAFKA_CREATE_TOPICS',
  'KAFKA_ADVERTISED_HOST_NAME',
  'KAFKA_ADVERTISED_PORT',
  'KAFKA_PORT',
  'CLUSTER_ID',
  'KAFKA_KRAFT_CLUSTER_ID',
  'ZOOKEEPER_CLIENT_PORT',
  'ZOO_PORT_NUMBER',
]);

/**
 * The first broker's settings that kafka-dev would not render by itself: those become
 * `brokerConfig`. Settings kafka-dev derives (listeners, ids, log.dirs …) and values equal to what
 * it renders anyway are dropped, so a kafka-dev render converts back to an empty brokerConfig.
 */
export function brokerConfigFromCompose(brokers: readonly KafkaNodeService[], rendered: ReadonlyMap<string, string>, notes: string[]): KafkaSettings {
  const [first, ...others] = brokers;
  const ownSettings = (node: KafkaNodeService) => [...node.settings].filter(([key]) => !(key in managedBrokerSettings));
  const brokerConfig: KafkaSettings = {};
  for (const [key, { value }] of ownSettings(first!)) {
    if (rendered.get(key) === value) continue;
    const typed = typedSettingValue(value);
    const problem = problemAt({ brokerConfig: { [key]: typed } }, 'brokerConfig');
    if (problem) notes.push(`${first!.service.name}: setting ${key}=${value} (${problem})`);
    else brokerConfig[key] = typed;
  }
  const differing = new Set(others.flatMap((node) => ownSettings(node).filter(([key, { value }]) => first!.settings.get(key)?.value !== value).map(([key]) => key)));
  for (const key of differing) {
    notes.push(`${key} differs between brokers; kafka-dev gives every broker the value of ${first!.service.name} (${first!.settings.get(key)?.value ?? 'its default'})`);
  }
  return brokerConfig;
}

/** Environment variables of a service that neither name a setting, nor become a field, nor equal what kafka-dev renders. */
export function uncarriedVariables(service: ComposeService, contract: ImageFlavor | undefined, rendered: Readonly<Record<string, string>>): string[] {
  return [...service.environment]
    .filter(([variable, { value }]) => !carriedVariables.has(variable) && !settingOfVariable(variable, contract) && rendered[variable] !== value)
    .map(([variable, { value }]) => `${service.name}: ${variable}=${value} has no kafka-dev field`);
}

/** Topics from wurstmeister's KAFKA_CREATE_TOPICS, with replication factors the cluster can hold. */
export function topicsFromCompose(brokers: readonly KafkaNodeService[], brokerCount: number, notes: string[]): TopicConfig[] {
  const variable = brokers.map((broker) => broker.service.environment.get('KAFKA_CREATE_TOPICS')).find((found) => found !== undefined);
  const specs = (variable?.value ?? '').split(',').map((spec) => spec.trim()).filter(Boolean);
  return specs.flatMap((spec) => {
    const topic = parseTopicSpec(spec);
    if (typeof topic.replicationFactor === 'number' && topic.replicationFactor > brokerCount) {
      notes.push(`topic ${String(topic.name)}: replication factor ${topic.replicationFactor} lowered to ${brokerCount}, the number of brokers`);
      topic.replicationFactor = brokerCount;
    }
    const problem = problemAt({ brokers: brokerCount, topics: [topic] }, 'topics');
    if (!problem) return [topic as TopicConfig];
    notes.push(`topic '${spec}' left out (${problem})`);
    return [];
  });
}

/** `-Xms512m -Xmx1g` -> `1g`. */
export function maxHeapOf(environment: ReadonlyMap<string, Located<string>>): string | undefined {
  return /-Xmx(\d+[kmg])\b/i.exec(environment.get('KAFKA_HEAP_OPTS')?.value ?? '')?.[1];
}
