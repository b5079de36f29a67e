import { createInterface } from 'node:readline/promises';
import { quoteText } from '../../base/text.js';
import { addTopic, checkTopicRequest, deleteTopic, describeTopic, listTopics, loadConfig, topicNameProblem, topicShape } from '../../api.js';
import { InvalidArgumentsError, KafkaDevError, type ConfigIssue } from '../../base/errors.js';
import { typedSettingValue } from '../../base/typed-setting-value.js';
import type { KafkaSettingValue } from '../../model/types.js';
import { loadOptions, type GlobalFlags } from '../options.js';
import { printResult } from '../output.js';
import { formatTopic, formatTopicList } from './topic-format.js';

export interface TopicFlags extends Omit<GlobalFlags, 'config'> {
  /** The config file, and/or topic settings `key=value` (repeatable): told apart by the '='. */
  config?: readonly string[];
  partitions?: string;
  replicationFactor?: string;
  save?: boolean;
  yes?: boolean;
  json?: boolean;
}

export const topicActions = ['add', 'list', 'describe', 'delete'] as const;
type TopicAction = (typeof topicActions)[number];

/** `kafka-dev topic <add|list|describe|delete> [name]`: every argument is checked before a request is sent. */
export async function topicCommand(action: string | undefined, name: string | undefined, flags: TopicFlags): Promise<void> {
  const { configFile, settings, issues } = splitConfigFlag(flags.config);
  const config = await loadConfig(loadOptions('topic', { ...flags, config: configFile }));
  const topicName = name ?? '';
  const request = { name: topicName, partitions: flags.partitions, replicationFactor: flags.replicationFactor, config: settings };
  const checked = action === 'add' ? checkTopicRequest(request, config.brokers) : undefined;
  if (!topicActions.includes(action as TopicAction)) {
    issues.unshift({ path: 'action', message: `got ${quoteText(action ?? '')}, expected one of: ${topicActions.join(', ')}` });
  } else if (checked) {
    issues.push(...checked.issues);
  } else if (action !== 'list') {
    const problem = name === undefined ? 'missing; expected a topic name' : topicNameProblem(topicName);
    if (problem) issues.push({ path: 'name', message: problem });
  }
  if (action !== 'add' && Object.keys(settings).length > 0) {
    issues.push({ path: '--config', message: `topic settings (key=value) only go with 'topic add'` });
  }
  if (issues.length > 0 || (checked && !checked.topic)) throw new InvalidArgumentsError(`topic ${action ?? ''}`.trim(), issues);

  if (action === 'list') {
    const topics = await listTopics({ config });
    return printResult(flags, topics, () => formatTopicList(topics));
  }
  if (action === 'add') {
    const topic = await addTopic(request, { config, save: Boolean(flags.save) });
    return printResult(flags, topic, () =>
      `Created topic ${topic.name} (${topicShape(topic)}).\n` +
      (topic.savedTo ? `Saved it to ${topic.savedTo}; 'kafka-dev up' keeps it as declared.\n` : ''),
    );
  }
  const topic = await describeTopic(topicName, { config });
  if (action === 'describe') return printResult(flags, topic, () => formatTopic(topic, topic.declared));

  if (!flags.yes) await confirm(`Delete topic '${topicName}' and all its messages?`);
  const deleted = await deleteTopic(topicName, { config });
  const again = deleted.declared ? `\nIt is declared in ${config.source}, so the next 'kafka-dev up' creates it again (empty).` : '';
  printResult(flags, deleted, () => `Deleted topic ${topicName}.${again}\n`);
}

/**
 * `--config` is both the global config-file flag and, as Kafka's own tools spell it, a topic
 * setting: `--config cleanup.policy=compact`. A value with '=' is a setting; one without is the file.
 */
export function splitConfigFlag(value: string | readonly string[] | undefined): {
  configFile?: string;
  settings: Record<string, KafkaSettingValue>;
  issues: ConfigIssue[];
} {
  const values = value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
  const files = values.filter((item) => !item.includes('='));
  const settings = Object.fromEntries(
    values
      .filter((item) => item.includes('='))
      .map((item) => {
        const separator = item.indexOf('=');
        return [item.slice(0, separator).trim(), typedSettingValue(item.slice(separator + 1).trim())];
      }),
  );
  const issues = files.length > 1 ? [{ path: '--config', message: `got several config files (${files.join(', ')}); expected at most one` }] : [];
  return { configFile: files[0], settings, issues };
}

/** Asks on the terminal; without one, refuses rather than deleting unasked. */
export async function confirm(question: string): Promise<void> {
  if (!process.stdin.isTTY) {
    throw new KafkaDevError(`${question} Not without confirmation, and there is no terminal to ask on`, { hint: 'Add --yes to delete it.' });
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) throw new KafkaDevError('Nothing deleted');
  } finally {
    prompt.close();
  }
}
