import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import { ConfigError } from '../base/errors.js';
import { jsLiteral, type LiteralStyle } from '../base/js-literal.js';
import { builtInSource } from './load.js';
import type { ResolvedConfig, ResolvedTopic, TopicConfig } from '../model/types.js';

/** An edit of the config file, prepared (and so checked) before the topic is created, written after. */
export interface TopicSave {
  readonly file: string;
  write(): Promise<void>;
}

/**
 * Adds a topic to the `topics` list of the config file, keeping the rest of the file as written:
 * TS/JS located through its AST (magicast), YAML through the yaml Document API (comments stay),
 * JSON as JSON with its indentation. A file without `topics` gets the topics it declared implicitly (the
 * defaults) as well, so the declared set only grows by the new topic.
 */
export async function prepareTopicSave(config: ResolvedConfig, topic: ResolvedTopic): Promise<TopicSave> {
  const file = config.source;
  const refuse = (message: string, hint?: string) => new ConfigError(file, [{ path: 'topics', message }], { hint });
  if (file === builtInSource) {
    throw new ConfigError(file, [{ path: '', message: 'there is no config file to save the topic to' }], {
      hint: 'Create kafka-dev.config.ts (or .yaml/.json) in this folder, or name one with --config FILE.',
    });
  }
  if (config.topics.some((declared) => declared.name === topic.name)) {
    throw refuse(`already declares '${topic.name}'`, 'Change its entry in the file instead.');
  }
  const entry = topicEntry(topic);
  const whenMissing = [...config.topics.map(topicEntry), entry];
  const text = await readFile(file, 'utf8');
  const extension = extname(file);
  let edited: string;
  try {
    if (extension === '.json') edited = addToJson(text, entry, whenMissing);
    else if (extension === '.yaml' || extension === '.yml') edited = addToYaml(text, entry, whenMissing);
    else edited = addToModule(text, entry, whenMissing, await import('magicast'), await import('magicast/helpers'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw refuse(`cannot be edited automatically (${reason})`, `Add { name: '${topic.name}', ... } to its topics list by hand.`);
  }
  return { file, write: () => writeFile(file, edited) };
}

/** The topic as a config entry: settings only when there are some. */
function topicEntry(topic: ResolvedTopic): TopicConfig {
  const { name, partitions, replicationFactor, config } = topic;
  return Object.keys(config).length > 0 ? { name, partitions, replicationFactor, config: { ...config } } : { name, partitions, replicationFactor };
}

/**
 * The AST (magicast) finds where the topics list, or the config object, ends; the new entry is
 * spliced into the text there, so every other byte of the file (comments included) stays as it was.
 */
// magicast (and the Babel parser behind it) is loaded only to edit a TS/JS config file.
function addToModule(
  text: string,
  entry: TopicConfig,
  whenMissing: TopicConfig[],
  { detectCodeFormat, parseModule }: typeof import('magicast'),
  { getDefaultExportOptions }: typeof import('magicast/helpers'),
): string {
  const options = getDefaultExportOptions(parseModule(text));
  if (options.$type !== 'object') throw new Error('the default export is not defineConfig({ ... }) or an object literal');
  // One line, as the file's own items are spliced in whole.
  const style: LiteralStyle = { quote: detectCodeFormat(text).quote === 'double' ? '"' : "'", maxInlineLength: Infinity };
  const topics = options.topics as { $type?: string; $ast: ListNode } | undefined;
  if (topics === undefined) return insertItem(text, options.$ast as ListNode, `topics: ${jsLiteral(whenMissing, style)}`);
  if (topics.$type !== 'array') throw new Error('its topics are not a list written out in the file');
  return insertItem(text, topics.$ast, jsLiteral(entry, style));
}

/** An array or object literal as the parser gives it: character offsets of itself and its items. */
interface ListNode {
  readonly start: number;
  readonly end: number;
  readonly elements?: readonly { start: number; end: number }[];
  readonly properties?: readonly { start: number; end: number }[];
}

/** Adds an item as the last of a list literal, on a line of its own when the list has one item a line. */
function insertItem(text: string, node: ListNode, item: string): string {
  const close = node.end - 1;
  const last = (node.elements ?? node.properties ?? []).at(-1);
  if (!last) return `${text.slice(0, close)}${item}${text.slice(close)}`;
  const closeLine = text.lastIndexOf('\n', close) + 1;
  const oneItemPerLine = closeLine > last.end && text.slice(closeLine, close).trim() === '';
  if (!oneItemPerLine) return `${text.slice(0, last.end)}, ${item}${text.slice(last.end)}`;
  const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', last.start) + 1))![0];
  const comma = /^\s*,/.test(text.slice(last.end, closeLine)) ? '' : ',';
  return `${text.slice(0, last.end)}${comma}${text.slice(last.end, closeLine)}${indent}${item},\n${text.slice(closeLine)}`;
}

function addToYaml(text: string, entry: TopicConfig, whenMissing: TopicConfig[]): string {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw document.errors[0]!;
  const topics = document.get('topics');
  if (isSeq(topics)) topics.add(document.createNode(entry));
  else document.set('topics', document.createNode(whenMissing));
  return document.toString();
}

function addToJson(text: string, entry: TopicConfig, whenMissing: TopicConfig[]): string {
  const data = JSON.parse(text) as { topics?: TopicConfig[] };
  if (Array.isArray(data.topics)) data.topics.push(entry);
  else data.topics = whenMissing;
  const indent = /^[ \t]+/m.exec(text)?.[0] ?? '  ';
  return `${JSON.stringify(data, null, indent)}\n`;
}
