import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments, parseDocument, type Document } from 'yaml';
import { ConfigError } from '../base/errors.js';
import { parseConfig } from './parse.js';
import { plainData } from './plain-data.js';
import { describeThrown, describeValue, quoteText } from '../base/text.js';
import type { ResolvedConfig, UserConfig } from '../model/types.js';

export const configFileNames = [
  'kafka-dev.config.ts',
  'kafka-dev.config.mts',
  'kafka-dev.config.js',
  'kafka-dev.config.mjs',
  'kafka-dev.config.json',
  'kafka-dev.config.yaml',
  'kafka-dev.config.yml',
] as const;

export const builtInSource = 'built-in defaults';

export interface LoadConfigOptions {
  /** Folder to start looking from. Default: the working directory. */
  cwd?: string;
  /** An explicit config file (`--config`), or `false` for the built-in defaults. */
  configFile?: string | false;
  env?: Readonly<Record<string, string | undefined>>;
  /** Fields that win over the file (command-line flags); validated with it. */
  overrides?: UserConfig;
}

/** Finds the nearest config file from `cwd` upward; `null` when there is none. */
export function findConfigFile(cwd: string): string | null {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    for (const name of configFileNames) {
      const candidate = join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(folder) === folder) return null;
  }
}

/** The config file these options name (`--config`), else the nearest one; null for the built-in defaults. */
export function configFileOf(options: Pick<LoadConfigOptions, 'cwd' | 'configFile'>): string | null {
  const cwd = resolve(options.cwd ?? process.cwd());
  if (options.configFile === false) return null;
  return options.configFile ? resolve(cwd, options.configFile) : findConfigFile(cwd);
}

/** Loads, validates and resolves the config: the file given, the nearest one, or the built-in defaults. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const env = options.env ?? process.env;
  if (options.configFile === '') {
    throw new ConfigError('--config', [{ path: '', message: "got '', expected the path of a config file" }], {
      hint: 'Leave --config out to use the nearest kafka-dev.config.* file.',
    });
  }
  const file = configFileOf(options);
  const overrides = options.overrides ?? {};
  return blameOverrides(overrides, async () => {
    if (!file) return parseConfig(overrides, { source: builtInSource, defaultName: basename(cwd), env });
    const raw = await readConfigFile(file);
    const merged = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? { ...raw, ...overrides } : raw;
    return parseConfig(merged, { source: file, defaultName: basename(dirname(file)), env });
  });
}

/** A problem in a field the command line set is the flag's fault, not the file's: say so. */
async function blameOverrides(overrides: UserConfig, load: () => Promise<ResolvedConfig>): Promise<ResolvedConfig> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const fromFlags = new Set(Object.keys(overrides));
    const issues = error.issues.map((issue) =>
      fromFlags.has(issue.path.split(/[.[]/)[0]!) ? { ...issue, message: `${issue.message} (set on the command line)` } : issue,
    );
    throw new ConfigError(error.source, issues, { hint: error.hint, cause: error.cause });
  }
}

/** Extensions `--config` accepts, by how the file is read. */
const dataExtensions = new Set(['.json', '.yaml', '.yml']);
const moduleExtensions = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/**
 * Reads a config file's export as plain data. Anything but a config object (no export, an empty
 * CommonJS module, a list, null, a Map, a class instance, code, a file that is not a config file)
 * is a ConfigError naming the file, what it held and what is expected.
 */
export async function readConfigFile(file: string): Promise<unknown> {
  const refuse = (message: string, hint?: string, cause?: unknown) => new ConfigError(file, [{ path: '', message }], { hint, cause });
  const stats = await stat(file).catch(() => undefined);
  if (!stats) throw refuse('file not found', `Check the --config path, or run 'kafka-dev init' to write one.`);
  if (!stats.isFile()) {
    throw refuse(`is ${stats.isDirectory() ? 'a folder' : 'not a regular file'}; expected a config file such as kafka-dev.config.ts`);
  }
  const extension = extname(file).toLowerCase();
  if (!dataExtensions.has(extension) && !moduleExtensions.has(extension)) {
    throw refuse(
      `has the extension ${extension ? quoteText(extension) : 'none'}; expected one of ${[...moduleExtensions, ...dataExtensions].join(', ')}`,
      'The extension says how the file is read: rename it, e.g. to kafka-dev.config.yaml.',
    );
  }
  let exported: unknown;
  try {
    exported = dataExtensions.has(extension) ? await readDataFile(file, extension) : await importDefault(file);
  } catch (error) {
    throw refuse(`cannot be loaded: ${describeThrown(error)}`, undefined, error);
  }
  const plain = plainData(exported);
  if (plain.issues.length > 0) throw new ConfigError(file, plain.issues);
  const { data } = plain;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw refuse(`got ${describeValue(data)}, expected the config object, as in export default defineConfig({ ... })`);
  }
  return data;
}

/** JSON or YAML text, after a leading byte-order mark (which editors on Windows add, and both parsers choke on). */
async function readDataFile(file: string, extension: string): Promise<unknown> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new Error('the file is empty; expected the config object');
  return extension === '.json' ? parseJson(file, text) : parseSingleYaml(text);
}

/** One YAML document; merge keys (`<<: *defaults`) are applied, as most YAML users expect. */
function parseSingleYaml(text: string): unknown {
  const documents = parseAllDocuments(text, { prettyErrors: true, merge: true });
  if (documents.length > 1) throw new Error(`expected one YAML document, found ${documents.length} (separated by ---)`);
  const document = documents[0] as Document.Parsed | undefined;
  if (document && document.errors.length > 0) throw document.errors[0]!;
  const value = document?.toJS({ maxAliasCount: 100 }) as unknown;
  if (value === null || value === undefined) throw new Error('the file holds no YAML value (only comments or an empty document); expected the config object');
  return value;
}

/** What Node's type stripping cannot run, or cannot point at: jiti transpiles it instead. */
const needsTranspiler = new Set([
  'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX', // enums, namespaces, parameter properties
  'ERR_INVALID_TYPESCRIPT_SYNTAX',
  'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING',
  'ERR_UNKNOWN_FILE_EXTENSION',
]);

/**
 * Node runs TypeScript configs itself by stripping the types, which spares every command loading
 * a transpiler (about 0.2 s). jiti takes over for the syntax stripping cannot run, and for syntax
 * errors, which it reports with the file's line and column.
 */
async function importDefault(file: string): Promise<unknown> {
  try {
    // A new URL per load, so a long-lived process (the test helper) sees an edited file.
    const loaded = (await import(`${pathToFileURL(file).href}?loaded=${Date.now()}`)) as Record<string, unknown>;
    return defaultExport(loaded);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (!(error instanceof SyntaxError) && !(typeof code === 'string' && needsTranspiler.has(code))) throw error;
  }
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false, interopDefault: false });
  return defaultExport(await jiti.import<Record<string, unknown>>(file));
}

/**
 * The module's default export. A CommonJS module (and a TypeScript file without ESM syntax, which
 * Node runs as one) always "exports" its `module.exports` object: empty means the file exports nothing.
 */
function defaultExport(loaded: Record<string, unknown>): unknown {
  const exported = loaded.default;
  const emptyCommonJs = 'module.exports' in loaded && isPlainObject(exported) && Object.keys(exported).length === 0;
  if (!('default' in loaded) || emptyCommonJs) throw new Error('the default export is missing; expected export default defineConfig({ ... })');
  return exported;
}

function isPlainObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/** JSON.parse, with the line and column its message lacks (found by the YAML parser, which reads JSON). */
function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = parseDocument(text).errors[0]?.linePos?.[0];
    const where = position ? ` at ${file}:${position.line}:${position.col}` : '';
    throw new Error(`${(error as Error).message}${where}`, { cause: error });
  }
}
