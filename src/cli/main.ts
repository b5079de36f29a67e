#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import module from 'node:module';
import { cac } from 'cac';
import { ExitCode, InvalidArgumentsError } from '../base/errors.js';
import { reportError } from './exit.js';

/** Entry point: declares commands and flags, lazily loads each command, and owns the exit code. */
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
// Node keeps the compiled code of kafka-dev and its dependencies on disk: later runs start faster.
module.enableCompileCache?.();
const cli = cac('kafka-dev');
const abort = new AbortController();

cli
  .option('-c, --config <file>', 'Config file (default: nearest kafka-dev.config.{ts,mts,js,mjs,json,yaml,yml}, else built-in defaults)')
  .option('-p, --project-name <name>', 'Compose project name (default: config name, else the folder name)')
  .option('--mode <mode>', "Override the config's mode: zookeeper or kraft")
  .option('--brokers <n>', "Override the config's number of brokers (1-9)")
  .option('--controllers <n>', 'KRaft: override the number of dedicated controllers (0 = combined nodes)');

cli
  .command('up', 'Create and start the stack, wait until every broker answers, reconcile the declared topics, smoke-check both listeners')
  .option('--timeout <seconds>', 'How long to wait for ZooKeeper and for the brokers', { default: 120 })
  .option('--keep-on-failure', 'Keep what this run created when it fails, for inspection')
  .option('--force-recreate', 'Recreate every container, also replacing containers that only share their names')
  .option('--verbose', 'Also list the topics in the cluster that the config does not declare')
  .option('--prune', 'Delete the topics in the cluster that the config does not declare')
  .option('--no-smoke', 'Skip the final smoke check (messages over OUTSIDE and INSIDE)')
  .example('kafka-dev up')
  .example('kafka-dev up --config ./kafka-dev.config.ts -p my-app')
  .example('kafka-dev up --mode kraft --brokers 3      # a quick try; pass the same flags to status and down')
  .action(async (flags) => (await import('./commands/up.js')).upCommand(flags, abort.signal));

cli
  .command('down', 'Stop and remove the containers and network; data volumes stay')
  .option('--volumes', 'Also delete the volumes, and all Kafka and ZooKeeper data in them')
  .option('--timeout <seconds>', 'Time each container gets to shut down cleanly', { default: 30 })
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

cli
  .command('topic <action> [name]', 'Topics in the running cluster: add | list | describe | delete')
  .option('--partitions <n>', 'add: number of partitions (default 1)')
  .option('--replication-factor <n>', 'add: replicas of each partition, at most the broker count (default 1)')
  .option('--config <key=value>', "add: a topic setting, repeatable (a value without '=' is the config file, as for every command)")
  .option('--save', 'add: also declare the topic in the config file, keeping its formatting and comments')
  .option('--yes', 'delete: do not ask for confirmation')
  .option('--json', 'Print JSON')
  .example('kafka-dev topic add orders --partitions 3 --config cleanup.policy=compact --save')
  .example('kafka-dev topic list --json')
  .example('kafka-dev topic describe orders')
  .example('kafka-dev topic delete orders --yes')
  .action(async (action, name, flags) => (await import('./commands/topic.js')).topicCommand(action, name, flags));

cli
  .command('smoke', 'Send numbered messages over OUTSIDE (from the host) and INSIDE (from a container); check each comes back once and in order')
  .option('--messages <n>', 'Messages per path', { default: 100 })
  .option('--timeout <seconds>', 'Longest time each path may take', { default: 120 })
  .option('--json', 'Print JSON')
  .example('kafka-dev smoke')
  .example('kafka-dev smoke --messages 100000 --json')
  .action(async (flags) => (await import('./commands/smoke.js')).smokeCommand(flags, abort.signal));

cli
  .command('produce <topic>', 'Send stdin to a topic, one message per line, from the host (no JVM needed)')
  .option('--key-separator <text>', 'Split each line into key and value at this text')
  .example('echo hello | kafka-dev produce test')
  .example("printf 'user-1:signed up\\n' | kafka-dev produce events --key-separator :")
  .action(async (topic, flags) => (await import('./commands/console.js')).produceCommand(topic, flags));

cli
  .command('consume <topic>', 'Print the messages of a topic, one per line (key<TAB>value), as they arrive')
  .option('--from-beginning', 'Start with the oldest message instead of new ones')
  .option('--group <id>', 'Consumer group (committed offsets); default: a new one each run')
  .option('--max-messages <n>', 'Stop after this many messages')
  .option('--idle <seconds>', 'Stop after this long without a new message')
  .option('--json', 'One JSON object per message (topic, partition, offset, timestamp, key, value)')
  .example('kafka-dev consume test --from-beginning')
  .example('kafka-dev consume events --from-beginning --max-messages 10 --json')
  .action(async (topic, flags) => (await import('./commands/console.js')).consumeCommand(topic, flags, abort.signal));

cli
  .command('doctor', 'Check Docker, ports, images, volumes and, for a running stack, both listeners; print the fix for each problem')
  .option('--json', 'Print JSON')
  .example('kafka-dev doctor')
  .action(async (flags) => {
    process.exitCode = await (await import('./commands/doctor.js')).doctorCommand(flags);
  });

cli
  .command('init', 'Write a commented kafka-dev.config.ts: asks on a terminal, else takes the flags; --from-compose converts a compose file')
  .option('--topic <name[:partitions[:replicas]]>', 'A topic to declare, repeatable')
  .option('--port <n>', 'Host port of the first broker (OUTSIDE; default 9092)')
  .option('--zookeeper-port <n>', 'ZooKeeper mode: ZooKeeper client port (default 2181)')
  .option('--from-compose <file>', 'Convert this docker-compose file instead of asking; prints what it could not carry over')
  .option('--format <format>', 'ts, json or yaml', { default: 'ts' })
  .option('--yes', 'Ask nothing: flags and defaults only (what happens without a terminal)')
  .option('--force', 'Replace an existing config file')
  .example('kafka-dev init')
  .example('kafka-dev init --mode kraft --brokers 3 --topic orders:6:3 --topic payments --yes')
  .example('kafka-dev init --from-compose docker-compose.yml')
  .action(async (flags) => (await import('./commands/init.js')).initCommand(flags));

cli
  .command('lint [compose-file]', 'Check a docker-compose file with Kafka for the classic mistakes (default: compose.yaml / docker-compose.yml here); exit 1 on errors')
  .option('--json', 'Print JSON')
  .example('kafka-dev lint')
  .example('kafka-dev lint path/to/docker-compose.yml --json')
  .action(async (file, flags) => (await import('./commands/lint.js')).lintCommand(file, flags));

cli
  .command('logs [service]', "The stack's logs, merged and prefixed by service, like docker compose logs")
  .option('-f, --follow', 'Keep printing new lines until Ctrl-C')
  .option('--since <time>', 'Only lines since a duration ago (90s, 5m, 1h30m) or a date (2026-01-31T12:00:00Z)')
  .option('--tail <n>', "Only the last n lines of each container, or 'all'", { default: 'all' })
  .option('-t, --timestamps', "Show Docker's timestamp of each line")
  .example('kafka-dev logs')
  .example('kafka-dev logs kafka -f --tail 20')
  .example('kafka-dev logs --since 5m')
  .action(async (service, flags) => (await import('./commands/logs.js')).logsCommand(service, flags, abort.signal));

cli.help();
cli.version(version);

// `on`, not `once`: signal-exit (used by dependencies) re-raises a signal nobody else listens to.
// The first signal asks the run to stop and clean up; a second one ends the process at once.
for (const [signal, reason] of [['SIGINT', 'Ctrl-C'], ['SIGTERM', 'SIGTERM']] as const) {
  process.on(signal, () => {
    if (abort.signal.aborted) process.exit(ExitCode.interrupted);
    process.stderr.write(`\n${reason}: stopping (press again to quit at once)\n`);
    abort.abort(new Error(reason));
  });
}

try {
  cli.parse(process.argv, { run: false });
  if (!cli.matchedCommand && !cli.options.help && !cli.options.version) {
    if (cli.args.length > 0) {
      throw new InvalidArgumentsError('kafka-dev', [{ path: '', message: `unknown command '${cli.args[0]}'` }], {
        hint: "Run 'kafka-dev --help' to see the commands.",
      });
    }
    cli.outputHelp();
  } else {
    await cli.runMatchedCommand();
  }
} catch (error) {
  process.exitCode = reportError(usageErrorOf(error));
}

/** cac's own complaints (unknown option, missing value) are usage errors: exit like a bad config, point at --help. */
function usageErrorOf(error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== 'CACError') return error;
  const command = cli.matchedCommandName ?? '';
  return new InvalidArgumentsError(`kafka-dev ${command}`.trim(), [{ path: '', message: error.message }], {
    hint: `Run 'kafka-dev ${command ? `${command} ` : ''}--help' for the options.`,
  });
}
