import pc from 'picocolors';
import { quoteText } from '../../base/text.js';
import { bootstrapServers, configFormats, init, type ConfigFormat, type InitChoices, type InitResult } from '../../api.js';
import { InvalidArgumentsError, type ConfigIssue } from '../../base/errors.js';
import { plural } from '../../base/plural.js';
import { runDefaults } from '../../model/defaults.js';
import { askChoices, clackPrompter } from '../init-prompts.js';
import type { GlobalFlags } from '../options.js';
import { printResult, warn } from '../output.js';

export interface InitFlags extends GlobalFlags {
  topic?: readonly string[];
  port?: string;
  zookeeperPort?: string;
  yes?: boolean;
  force?: boolean;
  format?: string;
  fromCompose?: string;
  json?: boolean;
}

/** Writes a commented config for the chosen stack (asking on a terminal), or converts a compose file; never overwrites without --force. */
export async function initCommand(flags: InitFlags): Promise<void> {
  const format = formatOf(flags.format);
  if (flags.fromCompose !== undefined) refuseChoiceFlags(flags);
  const given: InitChoices = {
    name: flags.projectName,
    mode: flags.mode,
    brokers: flags.brokers,
    controllers: flags.controllers,
    port: flags.port,
    zookeeperPort: flags.zookeeperPort,
    topics: flags.topic,
  };
  const interactive = !flags.yes && !flags.json && process.stdin.isTTY && process.stdout.isTTY;
  const result = await init({
    format,
    force: flags.force,
    projectName: flags.projectName,
    fromCompose: flags.fromCompose,
    choices: given,
    ...(interactive && { ask: (choices: InitChoices) => askChoices(clackPrompter(), choices) }),
    onWarning: warn,
  });
  printResult(flags, { file: result.fileName, config: result.config, notCarried: result.notCarried }, () => nextSteps(result));
  if (result.needsInstall) {
    warn(`${result.fileName} imports kafka-dev: install it in this project first (npm install --save-dev kafka-dev), or write --format yaml`);
  }
}

function formatOf(format: string | undefined): ConfigFormat | undefined {
  if (format === undefined || (configFormats as readonly string[]).includes(format)) return format as ConfigFormat | undefined;
  throw new InvalidArgumentsError('init', [{ path: '--format', message: `got ${quoteText(format)}, expected ${configFormats.join(', ')}` }]);
}

/** With --from-compose the stack comes from the file: a choice flag beside it would be silently lost. */
function refuseChoiceFlags(flags: InitFlags): void {
  const conflicting: ConfigIssue[] = (['mode', 'brokers', 'controllers', 'port', 'zookeeperPort', 'topic'] as const)
    .filter((flag) => flags[flag] !== undefined)
    .map((flag) => ({ path: `--${flag.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`, message: 'comes from the compose file with --from-compose; edit the written config instead' }));
  if (conflicting.length > 0) throw new InvalidArgumentsError('init', conflicting);
}

function nextSteps({ config, fileName, notCarried }: InitResult): string {
  const bootstrap = bootstrapServers(config);
  const topics = config.topics.map((topic) => topic.name).join(', ') || 'none';
  return [
    `${pc.green('✔')} Wrote ${fileName}: ${config.mode} mode, ${plural(config.brokers, 'broker')}, topics: ${topics}`,
    ...(notCarried.length > 0 ? ['', 'Not carried over (also listed at the top of the file):', ...notCarried.map((note) => `  - ${note}`)] : []),
    '',
    'Next steps:',
    `  npx kafka-dev up       start the stack; it returns once every broker answers and the topics exist`,
    `  npx kafka-dev status   health, and the bootstrap servers: ${bootstrap.host.join(',')} from this machine, ${bootstrap.containers.join(',')} from containers`,
    `  npx kafka-dev render   write ${runDefaults.composeFile}, the same stack as a plain compose file: commit it, and`,
    `                         teammates without kafka-dev run: docker compose -p ${config.name} -f ${runDefaults.composeFile} up -d`,
    `  npx kafka-dev down     stop it; the data stays until 'kafka-dev down --volumes'`,
    '',
  ].join('\n');
}
