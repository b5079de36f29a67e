import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../../config/load.js';
import { prepareTopicSave } from '../../config/save-topic.js';
import type { KafkaSettingValue, ResolvedConfig, ResolvedTopic } from '../../model/types.js';
import { InvalidArgumentsError, KafkaDevError, type ConfigIssue } from '../../base/errors.js';
import { attempt, whileClusterSettles, withAdmin, type KafkaAdmin } from '../../kafka/admin.js';
import { checkTopicRequest, topicNameProblem } from '../../config/check-topic.js';
import { bootstrapServers } from '../../model/cluster.js';
import { loadOptions, type GlobalFlags } from '../options.js';
import { formatTopic, formatTopicList, type TopicListEntry } from './topic-format.js';

export interface TopicFlags extends Omit<GlobalFlags, 'config'> {
  /** The config file, and/or topic settings `key=value` (repeatable): told apart by the '='. */
  config?: string | string[];
  partitions?: unknown;
  replicationFactor?: unknown;
  save?: boolean;
  yes?: boolean;
  json?: boolean;
}

export const topicActions = ['add', 'list', 'describe', 'delete'] as const;
type TopicAction = (typeof topicActions)[number];

/** `kafka-dev topic <add|list|describe|delete> [name]`: every argument is checked before a request is sent. */
export async function topicCommand(action: string | undefined, name: unknown, flags: TopicFlags): Promise<void> {
  const { configFile, settings, issues } = splitConfigFlag(flags.config);
  const config = await loadConfig(loadOptions({ ...flags, config: configFile }));
  const topicName = name === undefined ? '' : String(name);
  const request = { name: topicName, partitions: flags.partitions, replicationFactor: flags.replicationFactor, config: settings };
  const checked = action === 'add' ? checkTopicRequest(request, config.brokers) : undefined;
  if (!topicActions.includes(action as TopicAction)) {
    issues.unshift({ path: 'action', message: `got '${action ?? ''}', expected one of: ${topicActions.join(', ')}` });
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

  const print = (json: unknown, text: string) => void process.stdout.write(flags.json ? `${JSON.stringify(json, null, 2)}\n` : text);
  const admin = <T>(work: (client: KafkaAdmin) => Promise<T>) => withAdmin(bootstrapServers(config).host, work, whileClusterSettles);

  if (action === 'list') {
    const topics = listEntries(config, await admin((client) => attempt('list topics', () => client.describeCluster())));
    return print(topics, formatTopicList(topics));
  }
  if (checked?.topic) return addTopic(config, checked.topic, Boolean(flags.save), admin, print);

  const declared = config.topics.some((topic) => topic.name === topicName);
  const [topic] = await admin((client) => attempt(`describe topic '${topicName}'`, () => client.describeTopics([topicName])));
  if (!topic) {
    throw new KafkaDevError(`Topic '${topicName}' does not exist in project ${config.name}`, { hint: "'kafka-dev topic list' shows the topics." });
  }
  if (action === 'describe') return print({ ...topic, declared }, formatTopic(topic, declared));

  if (!flags.yes) await confirm(`Delete topic '${topicName}' and all its messages?`);
  await admin((client) => attempt(`delete topic '${topicName}'`, () => client.deleteTopics([topicName])));
  const again = declared ? `\nIt is declared in ${config.source}, so the next 'kafka-dev up' creates it again (empty).` : '';
  print({ name: topicName, deleted: true, declared }, `Deleted topic ${topicName}.${again}\n`);
}

async function addTopic(
  config: ResolvedConfig,
  topic: ResolvedTopic,
  save: boolean,
  admin: <T>(work: (client: KafkaAdmin) => Promise<T>) => Promise<T>,
  print: (json: unknown, text: string) => void,
): Promise<void> {
  // Prepared first: a config file that cannot take the topic is refused before the cluster changes.
  const edit = save ? await prepareTopicSave(config, topic) : undefined;
  const outcome = await admin((client) => attempt(`create topic '${topic.name}'`, () => client.createTopic(topic)));
  if (outcome === 'exists') {
    throw new KafkaDevError(`Topic '${topic.name}' already exists in project ${config.name}`, {
      hint: `'kafka-dev topic describe ${topic.name}' shows it; add it to the config file by hand to declare it.`,
    });
  }
  await edit?.write();
  const { partitions, replicationFactor } = topic;
  const settings = Object.entries(topic.config).map(([key, value]) => `, ${key}=${String(value)}`).join('');
  print(
    { ...topic, savedTo: edit?.file ?? null },
    `Created topic ${topic.name} (${partitions} partition${partitions === 1 ? '' : 's'}, replication factor ${replicationFactor}${settings}).\n` +
      (edit ? `Saved it to ${edit.file}; 'kafka-dev up' keeps it as declared.\n` : ''),
  );
}

/**
 * `--config` is both the global config-file flag and, as Kafka's own tools spell it, a topic
 * setting: `--config cleanup.policy=compact`. A value with '=' is a setting; one without is the file.
 */
export function splitConfigFlag(value: string | string[] | undefined): {
  configFile?: string;
  settings: Record<string, KafkaSettingValue>;
  issues: ConfigIssue[];
} {
  const values = value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String);
  const files = values.filter((item) => !item.includes('='));
  const settings = Object.fromEntries(
    values
      .filter((item) => item.includes('='))
      .map((item) => {
        const separator = item.indexOf('=');
        return [item.slice(0, separator).trim(), settingValue(item.slice(separator + 1).trim())];
      }),
  );
  const issues = files.length > 1 ? [{ path: '--config', message: `got several config files (${files.join(', ')}); expected at most one` }] : [];
  return { configFile: files[0], settings, issues };
}

/** Whole numbers and booleans as such, so a saved config reads `retention.ms: 3600000`, not a string. */
function settingValue(text: string): KafkaSettingValue {
  if (text === 'true' || text === 'false') return text === 'true';
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}

function listEntries(config: ResolvedConfig, cluster: { topics: readonly { name: string; partitions: number; replicationFactor: number }[] }) {
  const declared = new Set(config.topics.map((topic) => topic.name));
  const existing = cluster.topics.map((topic): TopicListEntry => ({ ...topic, declared: declared.has(topic.name), exists: true }));
  const missing = config.topics
    .filter((topic) => !cluster.topics.some((actual) => actual.name === topic.name))
    .map((topic): TopicListEntry => ({ name: topic.name, partitions: null, replicationFactor: null, declared: true, exists: false }));
  return [...existing, ...missing].sort((a, b) => a.name.localeCompare(b.name));
}

/** Asks on the terminal; without one, refuses rather than deleting unasked. */
async function confirm(question: string): Promise<void> {
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
