/**
 * Time to a ready Kafka: kafka-dev against the manual way (compose + polling + console tools)
 * and against the broker's own floor, measured in one invocation on this machine.
 *
 *   npm run bench -- [--runs 5] [--stacks zookeeper-1,zookeeper-3,kraft-1,kraft-3] [--messages 100]
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
import { loadFlavor } from '../dist/model/flavor.js';

const repoRoot = new URL('../', import.meta.url).pathname;
const cli = join(repoRoot, 'dist/cli/main.js');

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    stacks: { type: 'string', default: 'zookeeper-1,zookeeper-3,kraft-1,kraft-3' },
    messages: { type: 'string', default: '100' },
  },
});
const runs = Number(flags.runs);
const stacks = flags.stacks!.split(',').map((name) => {
  const [mode, brokers] = name.split('-') as ['zookeeper' | 'kraft', string];
  return { name, mode, brokers: Number(brokers) };
});
type Stack = (typeof stacks)[number];

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
  return { CI: '1', NO_COLOR: '1', ...(stack.mode === 'kraft' && kraftImage ? { KAFKA_DEV_KAFKA_IMAGE: kraftImage } : {}) };
}

async function kafkaDev(stack: Stack, cwd: string, args: string[]): Promise<number> {
  const [result, ms] = await timed(() => execa(process.execPath, [cli, ...args], { cwd, env: env(stack), reject: false }));
  if (result.exitCode !== 0) throw new Error(`kafka-dev ${args.join(' ')} failed:\n${result.stderr}\n${result.stdout}`);
  return ms;
}

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

async function kafkaDevRows(stack: Stack, cwd: string, project: string): Promise<void> {
  const args = (...rest: string[]) => [...rest, '-p', project];
  // 1. up from nothing (images present): until topics exist and the smoke check passed.
  record(stack.name, '1 up (cold, with smoke)', await kafkaDev(stack, cwd, args('up')));
  await recordMemory(stack, project);
  // 2. up again on a running stack: nothing to do.
  record(stack.name, '2 up (repeat)', await kafkaDev(stack, cwd, args('up', '--no-smoke')));
  // 3. smoke on a running stack.
  record(stack.name, '3 smoke', await kafkaDev(stack, cwd, args('smoke', '--messages', flags.messages!)));
  // 5. CLI start-up cost.
  record(stack.name, '5a --help', await kafkaDev(stack, cwd, ['--help']));
  record(stack.name, '5b status', await kafkaDev(stack, cwd, args('status')));
  // 4. down (volumes kept); then the volumes go too, outside the timing, for the next cold run.
  record(stack.name, '4 down', await kafkaDev(stack, cwd, args('down')));
  await kafkaDev(stack, cwd, args('down', '--volumes'));
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
  const { tools } = loadFlavor(config.images.flavor).kafka;
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
  record(stack.name, '6 manual (compose + loop + console)', ms);
  await compose('down', '-v');
}

/** 7. The floor: compose starts the containers; time until every broker first answers a metadata request. */
async function floorRow(stack: Stack, cwd: string, project: string): Promise<void> {
  const file = join(cwd, 'compose/docker-compose.yml');
  await kafkaDev(stack, cwd, ['render', '-p', project]);
  const compose = (...args: string[]) => execa('docker-compose', ['-p', project, '-f', file, ...args]);
  const since = performance.now();
  await compose('up', '-d');
  record(stack.name, '7 floor (start to first metadata answer)', await firstAnswer(stack, since));
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
  record(stack.name, '8 readiness detection latency', ready - (await answered));
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
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms: number) => `${Math.round(ms)} ms`;

for (const stack of stacks) {
  const cwd = await mkdtemp(join(tmpdir(), `kafka-dev-bench-${stack.name}-`));
  await writeFile(
    join(cwd, 'kafka-dev.config.yaml'),
    stringify({ mode: stack.mode, brokers: stack.brokers, listeners: { outside: { port: ports.broker } }, zookeeper: { port: ports.zookeeper } }),
  );
  for (let run = 0; run < runs; run++) {
    const project = `kdbench-${stack.name}-${run}`;
    process.stderr.write(`[bench] ${stack.name} run ${run + 1}/${runs}\n`);
    for (const row of [kafkaDevRows, manualRow, floorRow, readinessLatencyRow]) {
      await portsFree(stack);
      await row(stack, cwd, `${project}${row === kafkaDevRows ? '' : row.name[0]}`);
    }
  }
}

const summary = rows.map((row) => ({
  ...row,
  medianMs: median(row.samplesMs),
  minMs: Math.min(...row.samplesMs),
  maxMs: Math.max(...row.samplesMs),
}));
const medianOf = (stack: string, prefix: string) => summary.find((row) => row.stack === stack && row.row.startsWith(prefix))!.medianMs;
const comparisons = stacks.map(({ name }) => ({
  stack: name,
  upOverFloorMs: medianOf(name, '1 ') - medianOf(name, '7 '),
  upToManualRatio: medianOf(name, '1 ') / medianOf(name, '6 '),
  repeatUpMs: medianOf(name, '2 '),
  helpMs: medianOf(name, '5a'),
  downMs: medianOf(name, '4 '),
  readinessLatencyMs: medianOf(name, '8 '),
}));

console.log('\nstack        row                                        median     min        max');
for (const row of summary) {
  console.log(`${row.stack.padEnd(12)} ${row.row.padEnd(42)} ${seconds(row.medianMs).padStart(9)}  ${seconds(row.minMs).padStart(9)}  ${seconds(row.maxMs).padStart(9)}`);
}
console.log('\nstack        up-floor   up/manual  repeat-up  --help    down      readiness-latency');
for (const c of comparisons) {
  console.log(
    `${c.stack.padEnd(12)} ${seconds(c.upOverFloorMs).padStart(8)}   ${c.upToManualRatio.toFixed(2).padStart(8)}  ${seconds(c.repeatUpMs).padStart(8)}  ${seconds(c.helpMs).padStart(7)}  ${seconds(c.downMs).padStart(7)}   ${millis(c.readinessLatencyMs).padStart(8)}`,
  );
}

console.log('\nmemory right after up (docker stats)');
for (const row of memory) console.log(`${row.stack.padEnd(12)} ${row.container.padEnd(22)} ${row.memory}`);

const resultsDir = join(repoRoot, 'bench/results');
await mkdir(resultsDir, { recursive: true });
const file = join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), machine: await machine(), runs, rows: summary, comparisons, memory }, null, 2)}\n`);
console.log(`\nwrote ${file}`);
