import pc from 'picocolors';
import { topicShape, type TopicDescription, type TopicListEntry } from '../../api.js';
import { formatTable } from '../table.js';

export function formatTopicList(topics: readonly TopicListEntry[]): string {
  if (topics.length === 0) return 'No topics.\n';
  const rows = topics.map((topic) => [
    topic.name,
    topic.partitions === null ? '-' : String(topic.partitions),
    topic.replicationFactor === null ? '-' : String(topic.replicationFactor),
    !topic.exists ? pc.yellow('declared, missing (run up)') : topic.declared ? 'declared' : pc.dim('not declared'),
  ]);
  return `${formatTable(['TOPIC', 'PARTITIONS', 'RF', 'CONFIG'], rows).join('\n')}\n`;
}

export function formatTopic(topic: TopicDescription, declared: boolean): string {
  const ids = (values: readonly number[]) => values.join(',') || '-';
  const partitions = topic.partitionDetails.map((partition) => [
    String(partition.partition),
    partition.leader < 0 ? pc.red('none') : String(partition.leader),
    ids(partition.replicas),
    partition.isr.length < partition.replicas.length ? pc.yellow(ids(partition.isr)) : ids(partition.isr),
  ]);
  const settings = Object.entries(topic.config);
  return [
    `Topic ${topic.name} (${declared ? 'declared in the config' : 'not declared in the config'}): ${topicShape({ partitions: topic.partitions, replicationFactor: topic.replicationFactor })}`,
    ...formatTable(['PARTITION', 'LEADER', 'REPLICAS', 'ISR'], partitions),
    settings.length > 0 ? 'Settings of its own (the rest are broker defaults):' : 'Settings: all broker defaults',
    ...settings.map(([key, value]) => `  ${key}=${value}`),
    '',
  ].join('\n');
}
