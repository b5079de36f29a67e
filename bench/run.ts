/**
 * Time to a ready Kafka: kafka-dev against the manual way (compose + polling + console tools)
 * and against the broker's own floor, measured in one invocation on this machine.
 *
 *   npm run bench -- [--runs 3] [--stacks zookeeper-1,zookeeper-3,kraft-1,kraft-3] [--messages 100] [--floor]
 *
 * A stack name may end in a security protocol for OUTSIDE (`kraft-1-ssl`, `kraft-1-sasl_plaintext`,
 * `kraft-1-sasl_ssl`; SASL is SCRAM-SHA-512): such a stack runs kafka-dev's rows only, and its
 * cold up is compared with the plain stack of the same mode and size from the same run.
 * `kraft-3-controller` is a KRaft stack whose brokers have one dedicated controller instead of each being a voter.
 *
 * Every row is printed with its ratio to the manual way of the same stack in the same run, and
 * the targets of the speed work are judged at the end. `--floor` adds two more cold starts per
 * run: the broker's own floor and how late `up` notices the brokers answer.
 *
 * Uses the images kafka-dev would use (KAFKA_DEV_KAFKA_IMAGE / KAFKA_DEV_ZOOKEEPER_IMAGE apply;
 * KAFKA_DEV_BENCH_KRAFT_IMAGE picks the KRaft image). Prints a table and writes bench/results/*.json.
 * Only loopback and containers on networks the benchmark creates are contacted.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir, release } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { stringify } from 'yaml';
import { loadConfig } from '../dist/config/load.js';
import { canListen } from '../dist/engine/ports.js';
import { describeEachBroker } from '../dist/kafka/probe.js';
import { flavorTemplates, loadFlavor } from '../dist/model/flavor.js';

const repoRoot = new URL('../', import.meta.url).pathname;
const cli = join(repoRoot, 'dist/cli-bundle/main.js');

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    stacks: { type: 'string', default: 'zookeeper-1,zookeeper-3,kraft-1,kraft-3' },
    messages: { type: 'string', default: '100' },
    floor: { type: 'boolean', default: false },
  },
});
const runs = Number(flags.runs);
const securedProtocols = { ssl: 'SSL', sasl_plaintext: 'SASL_PLAINTEXT', sasl_ssl: 'SASL_SSL' } as const;
const stacks = flags.stacks!.split(',').map((name) => {
  const [mode, brokers, variant] = name.split('-') as ['zookeeper' | 'kraft', string, keyof typeof securedProtocols | 'controller' | undefined];
  const controllers = variant === 'controller' ? 1 : 0;
  const secured = variant === 'controller' ? undefined : variant;
  if (secured !== undefined && !(secured in securedProtocols)) throw new Error(`--stacks: ${name} ends in '${secured}'; expected 'controller' or one of ${Object.keys(securedProtocols).join(', ')}`);
  return { name, mode, brokers: Number(brokers), controllers, plain: `${mode}-${brokers}`, outside: secured && securedProtocols[secured] };
});
type Stack = (typeof stacks)[number];
const stackWidth = Math.max(12, ...stacks.map((stack) => stack.name.length));

interface Row {
  stack: string;
  row: string;
  samplesMs: number[];
}
const rows: Row[] = [];

function record(stack: string, row: string, ms: number): void {
  let entry = rows.find((candidate) => candidate.stack === stack && candidate.row === row);
  if (!entry) rows.push((entry = { stack, row, samplesMs: [] }));
  entry.samplesMs.push(ms);
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

function env(stack: Stack): Record<string, string> {
  const kraftImage = process.env.KAFKA_DEV_BENCH_KRAFT_IMAGE;
  return { CI: '1', NO_COLOR: '1', KAFKA_DEV_STATE_DIR: stateDir, ...(stack.mode === 'kraft' && kraftImage ? { KAFKA_DEV_KAFKA_IMAGE: kraftImage } : {}) };
}

async function kafkaDev(stack: Stack, cwd: string, args: string[]): Promise<number> {
  const [result, ms] = await timed(() => execa(process.execPath, [cli, ...args], { cwd, env: env(stack), reject: false }));
  if (result.exitCode !== 0) throw new Error(`kafka-dev ${args.join(' ')} failed:\n${result.stderr}\n${result.stdout}`);
  return ms;
}

/** Secured stacks' TLS material and passwords stay in the benchmark's own folder. */
const stateDir = await mkdtemp(join(tmpdir(), 'kafka-dev-bench-state-'));

/** Ports of their own, so the benchmark can run beside the end-to-end suite (which uses 9092 and 2181). */
const ports = { broker: 49092, zookeeper: 42181 };
const hostBootstrap = (stack: Stack) => Array.from({ length: stack.brokers }, (_, index) => `localhost:${ports.broker + index}`);

/** Polls every broker's own address until all answer; returns when, in ms since `since`. */
async function firstAnswer(stack: Stack, since: number, timeoutMs = 180_000): Promise<number> {
  const addresses = hostBootstrap(stack);
  while (performance.now() - since < timeoutMs) {
    const views = await describeEachBroker(addresses, 500);
    if (views.every((view) => view !== null && view.brokers.length === stack.brokers)) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${stack.name}: brokers did not answer within ${timeoutMs / 1000} s`);
}

/** Docker releases published ports a moment after a container goes: each row starts once they are free. */
async function portsFree(stack: Stack): Promise<void> {
  const used = [ports.zookeeper, ...Array.from({ length: stack.brokers }, (_, index) => ports.broker + index)];
  for (let attempt = 0; attempt < 150; attempt++) {
    const free = await Promise.all(used.map((port) => canListen('127.0.0.1', port)));
    if (free.every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`ports ${used.join(', ')} are still taken`);
}

const row = {
  up: '1 up (cold, with smoke)',
  repeat: '2 up again (healthy, unchanged)',
  noSmoke: '3 up --no-smoke again',
  fullSmoke: '4 up --full-smoke again',
  smoke: '5 smoke',
  status: '6 status',
  help: '7 --help',
  down: '8 down',
  manual: '9 manual (compose + loop + console)',
  floor: 'a floor (start to first metadata answer)',
  readiness: 'b readiness detection latency',
} as const;

async function kafkaDevRows(stack: Stack, cwd: string, project: string): Promise<void> {
  const args = (...rest: string[]) => [...rest, '-p', project];
  // From nothing (images present): until topics exist and the smoke check passed.
  record(stack.name, row.up, await kafkaDev(stack, cwd, args('up')));
  await recordMemory(stack, project);
  // On the running stack: up proves it answers; then without any check; then with messages over both listeners.
  record(stack.name, row.repeat, await kafkaDev(stack, cwd, args('up')));
  record(stack.name, row.noSmoke, await kafkaDev(stack, cwd, args('up', '--no-smoke')));
  record(stack.name, row.fullSmoke, await kafkaDev(stack, cwd, args('up', '--full-smoke')));
  record(stack.name, row.smoke, await kafkaDev(stack, cwd, args('smoke', '--messages', flags.messages!)));
  record(stack.name, row.status, await kafkaDev(stack, cwd, args('status')));
  record(stack.name, row.help, await kafkaDev(stack, cwd, ['--help']));
  // Volumes kept; which containers ended killed (137) is read from the engine's die events.
  const deaths = containerDeaths(project);
  record(stack.name, row.down, await kafkaDev(stack, cwd, args('down')));
  recordKilled(stack, await deaths.stop());
  await kafkaDev(stack, cwd, args('down', '--volumes'));
}

/** Exit codes of the project's containers as they die, from `docker events`, until stopped. */
function containerDeaths(project: string) {
  const events = execa('docker', [
    'events',
    ...['--filter', 'type=container', '--filter', 'event=die', '--filter', `label=com.docker.compose.project=${project}`],
    ...['--format', '{{.Actor.Attributes.name}} {{.Actor.Attributes.exitCode}}'],
  ], { reject: false });
  return {
    async stop(): Promise<{ container: string; exitCode: number }[]> {
      // The last die event reaches the stream a moment after the container is gone.
      await new Promise((resolve) => setTimeout(resolve, 500));
      events.kill();
      const { stdout } = await events;
      return String(stdout)
        .split('\n')
        .filter(Boolean)
        .map((line) => ({ container: line.split(' ')[0]!, exitCode: Number(line.split(' ')[1]) }));
    },
  };
}

/** Killed containers (137: SIGKILL after the stop timeout) per stack and run. */
const killed: { stack: string; containers: string[] }[] = [];
function recordKilled(stack: Stack, deaths: { container: string; exitCode: number }[]): void {
  killed.push({ stack: stack.name, containers: deaths.filter((death) => death.exitCode === 137).map((death) => death.container) });
}

/** Memory (RSS as `docker stats` reports it) of each container of a running stack. */
const memory: { stack: string; container: string; memory: string }[] = [];
async function recordMemory(stack: Stack, project: string): Promise<void> {
  const { stdout } = await execa('docker', ['stats', '--no-stream', '--format', '{{.Name}} {{.MemUsage}}']);
  for (const line of stdout.split('\n').filter((row) => row.startsWith(`${project}-`))) {
    const [container, ...usage] = line.split(' ');
    memory.push({ stack: stack.name, container: container!.slice(project.length + 1), memory: usage.join(' ') });
  }
}

/** 6. The manual way: compose up, a topic-tool loop until the topic can be created, a console round trip. */
async function manualRow(stack: Stack, cwd: string, project: string): Promise<void> {
  const file = join(cwd, 'compose/docker-compose.yml');
  await kafkaDev(stack, cwd, ['render', '-p', project]);
  const compose = (...args: string[]) => execa('docker-compose', ['-p', project, '-f', file, ...args]);
  const config = await loadConfig({ cwd, env: { ...process.env, ...env(stack) } });
  const { tools } = flavorTemplates(loadFlavor(config.images.flavor)).kafka;
  const broker = `${project}_${stack.brokers === 1 ? 'kafka' : 'kafka-1'}_1`;
  const inside = stack.brokers === 1 ? 'kafka:9093' : 'kafka-1:9093';
  const exec = (command: string) => execa('docker', ['exec', '-i', broker, 'bash', '-c', command], { reject: false });
  const [, ms] = await timed(async () => {
    await compose('up', '-d');
    for (;;) {
      const created = await exec(`${tools.topics} --bootstrap-server ${inside} --create --if-not-exists --topic manual --partitions 1 --replication-factor 1`);
      if (created.exitCode === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await exec(`echo hello | ${tools.consoleProducer} --bootstrap-server ${inside} --topic manual`);
    const consumed = await exec(`${tools.consoleConsumer} --bootstrap-server ${inside} --topic manual --from-beginning --max-messages 1 --timeout-ms 30000`);
    if (!consumed.stdout.includes('hello')) throw new Error(`manual round trip failed: ${consumed.stderr}`);
  });
  record(stack.name, row.manual, ms);
  await compose('down', '-v');
}

/** 7. The floor: compose starts the containers; time until every broker first answers a metadata request. */
async function floorRow(stack: Stack, cwd: string, project: string): Promise<void> {
  const file = join(cwd, 'compose/docker-compose.yml');
  await kafkaDev(stack, cwd, ['render', '-p', project]);
  const compose = (...args: string[]) => execa('docker-compose', ['-p', project, '-f', file, ...args]);
  const since = performance.now();
  await compose('up', '-d');
  record(stack.name, row.floor, await firstAnswer(stack, since));
  await compose('down', '-v');
}

/** How long after the brokers first answer kafka-dev notices: a side poller against the API's step events. */
async function readinessLatencyRow(stack: Stack, cwd: string, project: string): Promise<void> {
  const { up, down } = await import('../dist/index.js');
  const since = performance.now();
  let ready = 0;
  const answered = firstAnswer(stack, since);
  await up({
    cwd,
    overrides: { name: project },
    smoke: false,
    onStep: ({ step }) => {
      if (step.title === 'Wait for brokers') ready = performance.now() - since;
    },
  });
  record(stack.name, row.readiness, ready - (await answered));
  await down({ cwd, overrides: { name: project }, volumes: true });
}

async function machine() {
  const docker = await execa('docker', ['version', '--format', '{{.Server.Version}}'], { reject: false });
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 1024 ** 3), kernel: release(), node: process.version, docker: docker.stdout };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const seconds = (ms: number) => (Number.isNaN(ms) ? '-' : `${(ms / 1000).toFixed(2)} s`);

for (const stack of stacks) {
  const cwd = await mkdtemp(join(tmpdir(), `kafka-dev-bench-${stack.name}-`));
  await writeFile(
    join(cwd, 'kafka-dev.config.yaml'),
    stringify({
      mode: stack.mode,
      brokers: stack.brokers,
      ...(stack.controllers > 0 && { controllers: stack.controllers }),
      listeners: { outside: { port: ports.broker } },
      zookeeper: { port: ports.zookeeper },
      ...(stack.outside && { security: { outside: stack.outside, sasl: { mechanism: 'SCRAM-SHA-512' } } }),
    }),
  );
  for (let run = 0; run < runs; run++) {
    const project = `kdbench-${stack.name}-${run}`;
    process.stderr.write(`[bench] ${stack.name} run ${run + 1}/${runs}\n`);
    // The manual way and the floor poll a plain listener, so a secured stack runs kafka-dev's rows only.
    const ways = stack.outside ? [kafkaDevRows] : [kafkaDevRows, manualRow, ...(flags.floor ? [floorRow, readinessLatencyRow] : [])];
    for (const rows of ways) {
      await portsFree(stack);
      await rows(stack, cwd, `${project}${rows === kafkaDevRows ? '' : rows.name[0]}`);
    }
  }
}

const summary = rows.map((entry) => ({
  ...entry,
  medianMs: median(entry.samplesMs),
  minMs: Math.min(...entry.samplesMs),
  maxMs: Math.max(...entry.samplesMs),
}));
const medianOf = (stack: string, name: string) => summary.find((entry) => entry.stack === stack && entry.row === name)?.medianMs ?? Number.NaN;
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : '-');

console.log(`\n${'stack'.padEnd(stackWidth)} ${'row'.padEnd(42)} ${'median'.padStart(9)}  ${'min'.padStart(9)}  ${'max'.padStart(9)}  vs manual`);
for (const entry of summary) {
  const versusManual = entry.row === row.readiness ? '' : ratio(entry.medianMs / medianOf(entry.stack, row.manual));
  console.log(
    `${entry.stack.padEnd(stackWidth)} ${entry.row.padEnd(42)} ${seconds(entry.medianMs).padStart(9)}  ${seconds(entry.minMs).padStart(9)}  ${seconds(entry.maxMs).padStart(9)}  ${versusManual.padStart(9)}`,
  );
}

const killedIn = (stack: string) => [...new Set(killed.filter((entry) => entry.stack === stack).flatMap((entry) => entry.containers))];
const names = stacks.filter((stack) => !stack.outside).map((stack) => stack.name);
const threeOverOne = (mode: string) => medianOf(`${mode}-3`, row.up) / medianOf(`${mode}-1`, row.up);
const comparisons = {
  upToManual: Object.fromEntries(names.map((name) => [name, medianOf(name, row.up) / medianOf(name, row.manual)])),
  repeatUpMs: Object.fromEntries(names.map((name) => [name, medianOf(name, row.repeat)])),
  threeOverOneBroker: { zookeeper: threeOverOne('zookeeper'), kraft: threeOverOne('kraft') },
  downMs: Object.fromEntries(names.map((name) => [name, medianOf(name, row.down)])),
  killedOnDown: Object.fromEntries(names.map((name) => [name, killedIn(name)])),
  helpMs: Object.fromEntries(names.map((name) => [name, medianOf(name, row.help)])),
  securedUpExtraMs: Object.fromEntries(stacks.filter((stack) => stack.outside).map((stack) => [stack.name, medianOf(stack.name, row.up) - medianOf(stack.plain, row.up)])),
};

/** The targets of the speed work, each judged on this run's medians (NaN when its stacks were not run). */
const verdict = (met: boolean, value: number) => (Number.isNaN(value) ? 'not run' : met ? 'met' : 'NOT met');
console.log('\ntargets');
for (const name of names) {
  const value = comparisons.upToManual[name]!;
  console.log(`  ${name.padEnd(stackWidth)} cold up <= 0.5x manual: ${ratio(value)} ${verdict(value <= 0.5, value)}`);
}
for (const name of names) {
  const value = comparisons.repeatUpMs[name]!;
  console.log(`  ${name.padEnd(stackWidth)} repeated up < 0.5 s: ${seconds(value)} ${verdict(value < 500, value)}`);
}
for (const [mode, value] of Object.entries(comparisons.threeOverOneBroker)) {
  console.log(`  ${mode.padEnd(stackWidth)} 3-broker up <= 1.5x 1-broker up: ${ratio(value)} ${verdict(value <= 1.5, value)}`);
}
for (const name of ['kraft-3', ...names.filter((name) => name.startsWith('kraft-3-'))]) {
  const value = comparisons.downMs[name] ?? Number.NaN;
  const killedNodes = comparisons.killedOnDown[name] ?? [];
  console.log(`  ${name.padEnd(stackWidth)} down < 3 s, no broker killed: ${seconds(value)}, killed: ${killedNodes.join(', ') || 'none'} ${verdict(value < 3000 && killedNodes.length === 0, value)}`);
}
for (const name of names) console.log(`  ${name.padEnd(stackWidth)} down killed (exit 137): ${killedIn(name).join(', ') || 'none'}`);

console.log('\nsecured listeners: cold up over the plain stack of the same run');
for (const [name, extra] of Object.entries(comparisons.securedUpExtraMs)) console.log(`  ${name.padEnd(24)} ${Number.isNaN(extra) ? '- (its plain stack was not run)' : `+${seconds(extra)}`}`);

console.log('\nmemory right after up (docker stats)');
for (const entry of memory) console.log(`${entry.stack.padEnd(stackWidth)} ${entry.container.padEnd(22)} ${entry.memory}`);

const resultsDir = join(repoRoot, 'bench/results');
await mkdir(resultsDir, { recursive: true });
const file = join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), machine: await machine(), runs, rows: summary, comparisons, killed, memory }, null, 2)}\n`);
console.log(`\nwrote ${file}`);
