import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { securityDirectory } from '../model/security.js';
import { closest } from 'fastest-levenshtein';
import { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../base/errors.js';
import { defaults } from '../model/defaults.js';
import { chooseImages } from '../model/images.js';
import { checkRules } from './rules.js';
import { formatPath, plainData } from './plain-data.js';
import { describeValue, quoteText } from '../base/text.js';
import { userConfigSchema } from './schema.js';
import { resolveSecurity } from './security.js';
import { resolveSchemaRegistry, resolveServices } from './resolve-companions.js';
import { resolveConnect } from './resolve-connect.js';
import { checkConnect } from './connect-rules.js';
import type { ResolvedConfig, UserConfig } from '../model/types.js';

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
  const plain = plainData(raw === undefined ? {} : raw);
  if (plain.issues.length > 0) throw new ConfigError(options.source, plain.issues);
  const parsed = userConfigSchema.safeParse(withoutExtensionFields(plain.data), { reportInput: true });
  if (!parsed.success) {
    throw new ConfigError(options.source, parsed.error.issues.map(describeIssue));
  }
  const { images, issues: imageIssues } = chooseImages(parsed.data.images, parsed.data.mode ?? defaults.mode, options.env ?? {}, parsed.data.kafkaVersion);
  const resolved = resolve(parsed.data, options, images);
  const issues = [...imageIssues, ...checkRules(resolved), ...checkConnect(resolved.connect, parsed.data.connect?.flavor !== undefined)];
  if (issues.length > 0) throw new ConfigError(options.source, issues);
  return resolved;
}

/**
 * Top-level keys starting with `x-` are extension fields, as in Compose files: a place for YAML
 * anchors (`x-common: &common`) that `<<: *common` merges elsewhere. They configure nothing.
 */
function withoutExtensionFields(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith('x-')));
}

function resolve(user: UserConfig, { source, defaultName, env = {} }: ParseOptions, images: ResolvedConfig['images']): ResolvedConfig {
  const schemaRegistry = resolveSchemaRegistry(user.schemaRegistry, env);
  const connect = resolveConnect(user.connect, { source, env, images });
  const name = user.name ?? projectNameFrom(defaultName);
  const mode = user.mode ?? defaults.mode;
  return {
    source,
    name,
    mode,
    brokers: user.brokers ?? defaults.brokers,
    controllers: user.controllers ?? defaults.controllers,
    clusterId: user.clusterId ?? clusterIdFor(name),
    listeners: {
      inside: { ...defaults.listeners.inside, ...user.listeners?.inside },
      outside: { ...defaults.listeners.outside, ...user.listeners?.outside },
      controller: { ...defaults.listeners.controller, ...user.listeners?.controller },
    },
    zookeeper: { ...defaults.zookeeper, ...user.zookeeper },
    images,
    topics: (user.topics ?? defaults.topics).map((topic) => ({
      name: topic.name,
      partitions: topic.partitions ?? 1,
      replicationFactor: topic.replicationFactor ?? 1,
      config: topic.config ?? {},
    })),
    brokerConfig: user.brokerConfig ?? {},
    heap: { ...defaults.heap, ...user.heap },
    ...(schemaRegistry && { schemaRegistry }),
    ...(connect && { connect }),
    services: resolveServices(user.services, source),
    security: resolveSecurity(user.security, securityDirectory(name, env, env.HOME || homedir())),
  };
}

/**
 * A KRaft cluster id that never changes for a project, without storing anything: reused volumes
 * always match it, so `InconsistentClusterIdException` cannot come from kafka-dev itself.
 */
export function clusterIdFor(project: string): string {
  return createHash('sha256').update(`kafka-dev cluster ${project}`).digest().subarray(0, 16).toString('base64url');
}

/** Compose's own normalisation of a folder name into a project name. */
export function projectNameFrom(folderName: string): string {
  const name = folderName.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[_-]+/, '');
  return name || 'kafka-dev';
}

/** A zod issue as a ConfigIssue: path, the value found, what is expected (did-you-mean for unknown keys). */
export function describeIssue(issue: z.core.$ZodIssue): ConfigIssue {
  const path = formatPath(issue.path.map((key) => (typeof key === 'number' ? key : String(key))));
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(issue.path);
    const messages = issue.keys.map((key) => {
      const suggestion = known.length > 0 ? closest(key, known) : undefined;
      const hint = suggestion ? `; did you mean '${suggestion}'?` : '';
      return `unknown key ${quoteText(key)}${hint} Expected one of: ${known.join(', ')}`;
    });
    return { path, message: messages.join('. ') };
  }
  // A bad record key carries the key's own problem one level down.
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  // A password is a secret: its problem is named, its value never shown.
  const got = 'input' in issue && issue.path.at(-1) !== 'password' ? `got ${describeValue(issue.input)}, ` : '';
  return { path, message: `${got}${message}` };
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
