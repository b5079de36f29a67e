import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml, parseDocument } from 'yaml';
import { ConfigError } from '../base/errors.js';
import { parseConfig } from './parse.js';
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

/** Loads, validates and resolves the config: the file given, the nearest one, or the built-in defaults. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const env = options.env ?? process.env;
  const file =
    options.configFile === false ? null : options.configFile ? resolve(cwd, options.configFile) : findConfigFile(cwd);
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

/** Reads a config file's export as plain data; any load failure becomes a ConfigError naming the file. */
export async function readConfigFile(file: string): Promise<unknown> {
  if (!existsSync(file)) {
    throw new ConfigError(file, [{ path: '', message: 'file not found' }], {
      hint: `Check the --config path, or run 'kafka-dev init' to write one.`,
    });
  }
  const extension = extname(file);
  try {
    if (extension === '.json') return parseJson(file, await readFile(file, 'utf8'));
    if (extension === '.yaml' || extension === '.yml') return parseYaml(await readFile(file, 'utf8'), { prettyErrors: true });
    const exported = await importDefault(file);
    if (exported === undefined) throw new Error('the default export is missing; expected export default defineConfig({ ... })');
    return exported;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ConfigError(file, [{ path: '', message: `cannot be loaded: ${message}` }], { cause: error });
  }
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
    const loaded = (await import(`${pathToFileURL(file).href}?loaded=${Date.now()}`)) as { default?: unknown };
    return loaded.default;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (!(error instanceof SyntaxError) && !(typeof code === 'string' && needsTranspiler.has(code))) throw error;
  }
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false, interopDefault: false });
  return (await jiti.import<{ default?: unknown }>(file)).default;
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
