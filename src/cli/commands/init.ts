import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import pc from 'picocolors';
import { configFileNames as readableConfigFiles } from '../../config/load.js';
import { parseConfig } from '../../config/parse.js';
import type { ResolvedConfig, UserConfig } from '../../model/types.js';
import { InvalidArgumentsError, KafkaDevError, type ConfigIssue } from '../../base/errors.js';
import { configFromChoices, type InitChoices } from '../../init/choices.js';
import { configFileNames, configFileText, configFormats, spelledOut, type ConfigFormat } from '../../init/config-file.js';
import { configFromCompose } from '../../init/from-compose.js';
import { readComposeFile } from '../../compose/read.js';
import { bootstrapServers } from '../../model/cluster.js';
import { askChoices, clackPrompter } from '../init-prompts.js';
import type { GlobalFlags } from '../options.js';
import { plural } from '../../base/plural.js';

export interface InitFlags extends GlobalFlags {
  topic?: string | number | (string | number)[];
  port?: string | number;
  zookeeperPort?: string | number;
  yes?: boolean;
  force?: boolean;
  format?: string;
  fromCompose?: string;
}

interface Draft {
  /** Validated when resolved. */
  readonly config: UserConfig | Record<string, unknown>;
  /** Opening comment lines of the written file. */
  readonly header: (config: ResolvedConfig) => string[];
  readonly notCarried: readonly string[];
}

/** Writes a commented config for the chosen stack (asking on a terminal), or converts a compose file; never overwrites without --force. */
export async function initCommand(flags: InitFlags): Promise<void> {
  const cwd = process.cwd();
  const format = formatOf(flags.format);
  const fileName = configFileNames[format];
  refuseToOverwrite(cwd, fileName, flags.force);
  const draft = flags.fromCompose ? await fromCompose(flags.fromCompose, flags, cwd) : await fromChoices(flags);
  const config = parseConfig(draft.config, { source: 'kafka-dev init', defaultName: basename(cwd), env: {} });
  await writeFile(join(cwd, fileName), configFileText(spelledOut(config, { clusterId: 'clusterId' in draft.config }), format, draft.header(config)));
  process.stdout.write(nextSteps(config, fileName, draft.notCarried));
  if (format === 'ts' && !installedIn(cwd)) {
    process.stdout.write(`${pc.yellow('!')} ${fileName} imports kafka-dev: install it in this project first (npm install --save-dev kafka-dev), or write --format yaml\n`);
  }
}

/** Whether `import ... from 'kafka-dev'` resolves from the folder, as the written config needs. */
function installedIn(folder: string): boolean {
  try {
    createRequire(join(folder, 'noop.js')).resolve('kafka-dev');
    return true;
  } catch {
    return false;
  }
}

function formatOf(format: string | undefined): ConfigFormat {
  if (format === undefined) return 'ts';
  if ((configFormats as readonly string[]).includes(format)) return format as ConfigFormat;
  throw new InvalidArgumentsError('init', [{ path: '--format', message: `got '${format}', expected ${configFormats.join(', ')}` }]);
}

/** Any config file here would be read instead of, or beside, the new one: refuse unless --force. */
function refuseToOverwrite(cwd: string, fileName: string, force: boolean | undefined): void {
  const existing = readableConfigFiles.filter((name) => existsSync(join(cwd, name)));
  if (existing.length === 0) return;
  if (!force) {
    throw new KafkaDevError(`${existing.join(', ')} already exists in ${cwd}; nothing was written`, {
      hint: `Edit it, or run 'kafka-dev init --force' to replace ${fileName}.`,
    });
  }
  const winner = readableConfigFiles.find((name) => name === fileName || existing.includes(name));
  if (winner !== fileName) process.stderr.write(`${pc.yellow('!')} ${winner} is also here and is read first; delete it to use ${fileName}\n`);
}

async function fromChoices(flags: InitFlags): Promise<Draft> {
  const given: InitChoices = {
    name: flags.projectName,
    mode: flags.mode,
    brokers: flags.brokers,
    controllers: flags.controllers,
    port: flags.port,
    zookeeperPort: flags.zookeeperPort,
    topics: flags.topic === undefined ? undefined : [flags.topic].flat().map(String),
  };
  const interactive = !flags.yes && process.stdin.isTTY && process.stdout.isTTY;
  const choices = interactive ? await askChoices(clackPrompter(), given) : given;
  return {
    config: configFromChoices(choices),
    header: (config) => [`Written by 'kafka-dev init': ${config.mode} mode, ${plural(config.brokers, 'broker')}.`],
    notCarried: [],
  };
}

async function fromCompose(file: string, flags: InitFlags, cwd: string): Promise<Draft> {
  const conflicting: ConfigIssue[] = (['mode', 'brokers', 'controllers', 'port', 'zookeeperPort', 'topic'] as const)
    .filter((flag) => flags[flag] !== undefined)
    .map((flag) => ({ path: `--${flag.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`, message: 'comes from the compose file with --from-compose; edit the written config instead' }));
  if (conflicting.length > 0) throw new InvalidArgumentsError('init', conflicting);
  const document = await readComposeFile(file, cwd);
  const { config, notCarried } = configFromCompose(document);
  return {
    config: flags.projectName ? { ...config, name: flags.projectName } : config,
    header: () => [
      `Converted from ${document.file} by 'kafka-dev init --from-compose'.`,
      ...(notCarried.length > 0 ? ['Not carried over:', ...notCarried.map((note) => `- ${note}`)] : []),
    ],
    notCarried,
  };
}

function nextSteps(config: ResolvedConfig, fileName: string, notCarried: readonly string[]): string {
  const bootstrap = bootstrapServers(config);
  const topics = config.topics.map((topic) => topic.name).join(', ') || 'none';
  return [
    `${pc.green('✔')} Wrote ${fileName}: ${config.mode} mode, ${plural(config.brokers, 'broker')}, topics: ${topics}`,
    ...(notCarried.length > 0 ? ['', 'Not carried over (also listed at the top of the file):', ...notCarried.map((note) => `  - ${note}`)] : []),
    '',
    'Next steps:',
    `  npx kafka-dev up       start the stack; it returns once every broker answers and the topics exist`,
    `  npx kafka-dev status   health, and the bootstrap servers: ${bootstrap.host.join(',')} from this machine, ${bootstrap.containers.join(',')} from containers`,
    `  npx kafka-dev render   write compose/docker-compose.yml, the same stack as a plain compose file: commit it, and`,
    `                         teammates without kafka-dev run: docker compose -p ${config.name} -f compose/docker-compose.yml up -d`,
    `  npx kafka-dev down     stop it; the data stays until 'kafka-dev down --volumes'`,
    '',
  ].join('\n');
}
