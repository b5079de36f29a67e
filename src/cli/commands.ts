import { runDefaults } from '../model/defaults.js';
import type { CommandSpec, FlagSpec } from './command-line.js';

/** Every command and flag of the CLI; each command's module is loaded only when it runs. */

export const globalFlags: readonly FlagSpec[] = [
  { name: 'config', short: 'c', value: 'file', description: 'Config file (default: nearest kafka-dev.config.{ts,mts,js,mjs,json,yaml,yml}, else built-in defaults)' },
  { name: 'project-name', short: 'p', value: 'name', description: 'Compose project name (default: config name, else the folder name)' },
  { name: 'mode', value: 'mode', description: "Override the config's mode: zookeeper or kraft" },
  { name: 'brokers', value: 'n', description: "Override the config's number of brokers (1-9)" },
  { name: 'controllers', value: 'n', description: 'KRaft: override the number of dedicated controllers (0 = combined nodes)' },
];

const json: FlagSpec = { name: 'json', description: 'Print JSON' };

export const commands: readonly CommandSpec[] = [
  {
    name: 'up',
    args: [],
    summary: 'Create and start the stack, wait until every broker answers, reconcile the declared topics, smoke-check both listeners',
    flags: [
      { name: 'timeout', value: 'seconds', description: 'How long to wait for ZooKeeper and for the brokers', default: runDefaults.timeoutSeconds },
      { name: 'keep-on-failure', description: 'Keep what this run created when it fails, for inspection' },
      { name: 'force-recreate', description: 'Recreate every container, also replacing containers that only share their names' },
      { name: 'force', description: "Go on with a broker change that would take partitions offline or hide a removed broker's data" },
      { name: 'verbose', description: 'Also list the topics in the cluster that the config does not declare' },
      { name: 'prune', description: 'Delete the topics in the cluster that the config does not declare' },
      { name: 'no-smoke', description: 'Skip the final smoke check (messages over OUTSIDE and INSIDE)' },
      { ...json, description: 'Print the result as JSON (progress stays on stderr)' },
    ],
    examples: [
      'kafka-dev up',
      'kafka-dev up --config ./kafka-dev.config.ts -p my-app',
      'kafka-dev up --mode kraft --brokers 3      # a quick try; pass the same flags to status and down',
    ],
    cleansUp: true,
    run: async (_, flags, signal) => (await import('./commands/up.js')).upCommand(flags, signal),
  },
  {
    name: 'down',
    args: [],
    summary: 'Stop and remove the containers and network; data volumes stay',
    flags: [
      { name: 'volumes', description: 'Also delete the volumes, and all Kafka and ZooKeeper data in them' },
      { name: 'timeout', value: 'seconds', description: 'Time each container gets to shut down cleanly', default: runDefaults.stopTimeoutSeconds },
      { ...json, description: 'Print the result as JSON (progress stays on stderr)' },
    ],
    examples: ['kafka-dev down', 'kafka-dev down --volumes'],
    cleansUp: true,
    run: async (_, flags, signal) => (await import('./commands/down.js')).downCommand(flags, signal),
  },
  {
    name: 'status',
    args: [],
    summary: 'Show services, state, health and endpoints (exit 1 unless all healthy)',
    flags: [json],
    examples: ['kafka-dev status --json'],
    run: async (_, flags) => (await import('./commands/status.js')).statusCommand(flags),
  },
  {
    name: 'render',
    args: [],
    summary: 'Write the stack as a plain docker-compose.yml',
    flags: [
      { name: 'output', short: 'o', value: 'file', description: 'Where to write it', default: runDefaults.composeFile },
      { name: 'stdout', description: 'Print it instead of writing a file' },
      { ...json, description: 'Print JSON: the file written, or with --stdout the compose text' },
    ],
    examples: [`kafka-dev render && docker compose -p my-app -f ${runDefaults.composeFile} up -d`],
    run: async (_, flags) => (await import('./commands/render.js')).renderCommand(flags),
  },
  {
    name: 'topic',
    args: [{ name: 'action', required: true }, { name: 'name' }],
    summary: 'Topics in the running cluster: add | list | describe | delete',
    flags: [
      { name: 'partitions', value: 'n', description: 'add: number of partitions', default: runDefaults.topicPartitions },
      { name: 'replication-factor', value: 'n', description: 'add: replicas of each partition, at most the broker count', default: runDefaults.topicReplicationFactor },
      {
        name: 'config',
        short: 'c',
        value: 'key=value',
        repeatable: true,
        description: "add: a topic setting, repeatable (a value without '=' is the config file, as for every command)",
      },
      { name: 'save', description: 'add: also declare the topic in the config file, keeping its formatting and comments' },
      { name: 'yes', description: 'delete: do not ask for confirmation' },
      json,
    ],
    examples: [
      'kafka-dev topic add orders --partitions 3 --config cleanup.policy=compact --save',
      'kafka-dev topic list --json',
      'kafka-dev topic describe orders',
      'kafka-dev topic delete orders --yes',
    ],
    run: async ([action, name], flags) => (await import('./commands/topic.js')).topicCommand(action, name, flags),
  },
  {
    name: 'smoke',
    args: [],
    summary: 'Send numbered messages over OUTSIDE (from the host) and INSIDE (from a container); check each comes back once and in order',
    flags: [
      { name: 'messages', value: 'n', description: 'Messages per path', default: runDefaults.smokeMessages },
      { name: 'timeout', value: 'seconds', description: 'Longest time each path may take', default: runDefaults.smokeTimeoutSeconds },
      json,
    ],
    examples: ['kafka-dev smoke', 'kafka-dev smoke --messages 100000 --json'],
    cleansUp: true,
    run: async (_, flags, signal) => (await import('./commands/smoke.js')).smokeCommand(flags, signal),
  },
  {
    name: 'produce',
    args: [{ name: 'topic', required: true }],
    summary: 'Send stdin to a topic, one message per line, from the host (no JVM needed)',
    flags: [
      { name: 'key-separator', value: 'text', description: 'Split each line into key and value at this text' },
      { ...json, description: 'Print the number of messages sent as JSON' },
    ],
    examples: ['echo hello | kafka-dev produce test', "printf 'user-1:signed up\\n' | kafka-dev produce events --key-separator :"],
    run: async ([topic], flags) => (await import('./commands/console.js')).produceCommand(topic!, flags),
  },
  {
    name: 'consume',
    args: [{ name: 'topic', required: true }],
    summary: 'Print the messages of a topic, one per line (key<TAB>value), as they arrive',
    flags: [
      { name: 'from-beginning', description: 'Start with the oldest message instead of new ones' },
      { name: 'group', value: 'id', description: 'Consumer group (committed offsets); default: a new one each run' },
      { name: 'max-messages', value: 'n', description: 'Stop after this many messages' },
      { name: 'idle', value: 'seconds', description: 'Stop after this long without a new message' },
      { ...json, description: 'One JSON object per message (topic, partition, offset, timestamp, key, value)' },
    ],
    examples: ['kafka-dev consume test --from-beginning', 'kafka-dev consume events --from-beginning --max-messages 10 --json'],
    cleansUp: true,
    run: async ([topic], flags, signal) => (await import('./commands/console.js')).consumeCommand(topic!, flags, signal),
  },
  {
    name: 'doctor',
    args: [],
    summary: 'Check Docker, ports, images, volumes and, for a running stack, both listeners; print the fix for each problem',
    flags: [json],
    examples: ['kafka-dev doctor'],
    run: async (_, flags) => (await import('./commands/doctor.js')).doctorCommand(flags),
  },
  {
    name: 'init',
    args: [],
    summary: 'Write a commented kafka-dev.config.ts: asks on a terminal, else takes the flags; --from-compose converts a compose file',
    flags: [
      { name: 'topic', value: 'name[:partitions[:replicas]]', repeatable: true, description: 'A topic to declare, repeatable' },
      { name: 'port', value: 'n', description: 'Host port of the first broker (OUTSIDE; default 9092)' },
      { name: 'zookeeper-port', value: 'n', description: 'ZooKeeper mode: ZooKeeper client port (default 2181)' },
      { name: 'from-compose', value: 'file', description: 'Convert this docker-compose file instead of asking; prints what it could not carry over' },
      { name: 'format', value: 'format', description: 'ts, json or yaml', default: runDefaults.initFormat },
      { name: 'yes', description: 'Ask nothing: flags and defaults only (what happens without a terminal)' },
      { name: 'force', description: 'Replace an existing config file' },
      { ...json, description: 'Print the file written and its config as JSON' },
    ],
    examples: [
      'kafka-dev init',
      'kafka-dev init --mode kraft --brokers 3 --topic orders:6:3 --topic payments --yes',
      'kafka-dev init --from-compose docker-compose.yml',
    ],
    run: async (_, flags) => (await import('./commands/init.js')).initCommand(flags),
  },
  {
    name: 'lint',
    args: [{ name: 'compose-file' }],
    summary: 'Check a docker-compose file with Kafka for the classic mistakes (default: compose.yaml / docker-compose.yml here); exit 1 on errors',
    flags: [json],
    examples: ['kafka-dev lint', 'kafka-dev lint path/to/docker-compose.yml --json'],
    run: async ([file], flags) => (await import('./commands/lint.js')).lintCommand(file, flags),
  },
  {
    name: 'logs',
    args: [{ name: 'service' }],
    summary: "The stack's logs, merged and prefixed by service, like docker compose logs",
    flags: [
      { name: 'follow', short: 'f', description: 'Keep printing new lines until Ctrl-C' },
      { name: 'since', value: 'time', description: 'Only lines since a duration ago (90s, 5m, 1h30m) or a date (2026-01-31T12:00:00Z)' },
      { name: 'tail', value: 'n', description: "Only the last n lines of each container, or 'all'", default: runDefaults.logsTail },
      { name: 'timestamps', short: 't', description: "Show Docker's timestamp of each line" },
      { ...json, description: 'One JSON object per line (service, timestamp, text)' },
    ],
    examples: ['kafka-dev logs', 'kafka-dev logs kafka -f --tail 20', 'kafka-dev logs --since 5m'],
    cleansUp: true,
    run: async ([service], flags, signal) => (await import('./commands/logs.js')).logsCommand(service, flags, signal),
  },
];
