#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { cac } from 'cac';
import { reportError } from './exit.js';

/** Entry point: declares commands and flags, lazily loads each command, and owns the exit code. */
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const cli = cac('kafka-dev');
const abort = new AbortController();

cli
  .option('-c, --config <file>', 'Config file (default: nearest kafka-dev.config.{ts,mts,js,mjs,json,yaml,yml}, else built-in defaults)')
  .option('-p, --project-name <name>', 'Compose project name (default: config name, else the folder name)')
  .option('--mode <mode>', "Override the config's mode: zookeeper or kraft")
  .option('--brokers <n>', "Override the config's number of brokers (1-9)")
  .option('--controllers <n>', 'KRaft: override the number of dedicated controllers (0 = combined nodes)');

cli
  .command('up', 'Create and start the stack, wait until every broker answers, create declared topics')
  .option('--timeout <seconds>', 'How long to wait for ZooKeeper and for the brokers', { default: 120 })
  .option('--keep-on-failure', 'Keep what this run created when it fails, for inspection')
  .example('kafka-dev up')
  .example('kafka-dev up --config ./kafka-dev.config.ts -p my-app')
  .example('kafka-dev up --mode kraft --brokers 3      # a quick try; pass the same flags to status and down')
  .action(async (flags) => (await import('./commands/up.js')).upCommand(flags, abort.signal));

cli
  .command('down', 'Stop and remove the containers and network; data volumes stay')
  .option('--volumes', 'Also delete the volumes, and all Kafka and ZooKeeper data in them')
  .option('--timeout <seconds>', 'Time each container gets to shut down cleanly', { default: 10 })
  .example('kafka-dev down')
  .example('kafka-dev down --volumes')
  .action(async (flags) => (await import('./commands/down.js')).downCommand(flags, abort.signal));

cli
  .command('status', 'Show services, state, health and endpoints (exit 1 unless all healthy)')
  .option('--json', 'Print JSON')
  .example('kafka-dev status --json')
  .action(async (flags) => {
    process.exitCode = await (await import('./commands/status.js')).statusCommand(flags);
  });

cli
  .command('render', 'Write the stack as a plain docker-compose.yml')
  .option('-o, --output <file>', 'Where to write it', { default: 'compose/docker-compose.yml' })
  .option('--stdout', 'Print it instead of writing a file')
  .example('kafka-dev render && docker compose -p my-app -f compose/docker-compose.yml up -d')
  .action(async (flags) => (await import('./commands/render.js')).renderCommand(flags));

cli.help();
cli.version(version);

process.once('SIGINT', () => abort.abort(new Error('interrupted')));
process.once('SIGTERM', () => abort.abort(new Error('terminated')));

try {
  cli.parse(process.argv, { run: false });
  if (!cli.matchedCommand && !cli.options.help && !cli.options.version) {
    if (cli.args.length > 0) throw new TypeError(`Unknown command '${cli.args[0]}'. Run 'kafka-dev --help' to see the commands.`);
    cli.outputHelp();
  } else {
    await cli.runMatchedCommand();
  }
} catch (error) {
  process.exitCode = reportError(error);
}
