import { closest } from 'fastest-levenshtein';
import { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { defaults, imageEnv } from './defaults.js';
import { checkRules } from './rules.js';
import { userConfigSchema } from './schema.js';
import type { ResolvedConfig, UserConfig } from './types.js';

export interface ParseOptions {
  /** Where the config came from, for messages: a file path or `built-in defaults`. */
  source: string;
  /** Project name when the config has none (normally the config file's folder). */
  defaultName: string;
  /** Environment consulted for image overrides; pass `{}` for a result that depends on the file alone. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Validates a config as written and fills in every default. Pure: collects all problems and
 * throws one ConfigError naming each field, the value found and what is expected.
 */
export function parseConfig(raw: unknown, options: ParseOptions): ResolvedConfig {
  const parsed = userConfigSchema.safeParse(raw ?? {}, { reportInput: true });
  if (!parsed.success) {
    throw new ConfigError(options.source, parsed.error.issues.map(describeIssue));
  }
  const resolved = resolve(parsed.data, options);
  const issues = checkRules(resolved);
  if (issues.length > 0) throw new ConfigError(options.source, issues);
  return resolved;
}

function resolve(user: UserConfig, { source, defaultName, env = {} }: ParseOptions): ResolvedConfig {
  const brokers = user.brokers ?? defaults.brokers;
  return {
    source,
    name: user.name ?? projectNameFrom(defaultName),
    mode: user.mode ?? defaults.mode,
    brokers,
    listeners: {
      inside: { ...defaults.listeners.inside, ...user.listeners?.inside },
      outside: { ...defaults.listeners.outside, ...user.listeners?.outside },
    },
    zookeeper: { ...defaults.zookeeper, ...user.zookeeper },
    images: {
      kafka: env[imageEnv.kafka] || user.images?.kafka || defaults.images.kafka,
      zookeeper: env[imageEnv.zookeeper] || user.images?.zookeeper || defaults.images.zookeeper,
      flavor: user.images?.flavor ?? defaults.images.flavor,
    },
    topics: (user.topics ?? defaults.topics).map((topic) => ({
      name: topic.name,
      partitions: topic.partitions ?? 1,
      replicationFactor: topic.replicationFactor ?? 1,
      config: topic.config ?? {},
    })),
    brokerConfig: user.brokerConfig ?? {},
    heap: { ...defaults.heap, ...user.heap },
  };
}

/** Compose's own normalisation of a folder name into a project name. */
export function projectNameFrom(folderName: string): string {
  const name = folderName.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[_-]+/, '');
  return name || 'kafka-dev';
}

function describeIssue(issue: z.core.$ZodIssue): ConfigIssue {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(issue.path);
    const messages = issue.keys.map((key) => {
      const suggestion = known.length > 0 ? closest(key, known) : undefined;
      const hint = suggestion ? `; did you mean '${suggestion}'?` : '';
      return `unknown key '${key}'${hint} Expected one of: ${known.join(', ')}`;
    });
    return { path, message: messages.join('. ') };
  }
  // A bad record key carries the key's own problem one level down.
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  const got = 'input' in issue ? `got ${formatValue(issue.input)}, ` : '';
  return { path, message: `${got}${message}` };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

function formatValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}

/** Keys the schema accepts at a path, for did-you-mean suggestions. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let schema: z.core.$ZodType | undefined = userConfigSchema;
  for (const key of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodArray) schema = schema.element;
    else if (schema instanceof z.ZodObject) schema = schema.shape[key as string];
    else return [];
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  return schema instanceof z.ZodOptional ? schema.unwrap() : schema;
}
