import { setTimeout as sleep } from 'node:timers/promises';
import type { ResolvedConfig } from '../model/types.js';
import type { ContainerRuntime, RunRequest, RunResult } from '../engine/runtime.js';
import { composeLabel, networkName, projectLabels, roleLabel } from '../engine/labels.js';
import { flavorTemplates, loadFlavor } from '../model/flavor.js';
import type { KafkaAdmin } from '../kafka/admin.js';
import type { PathProblem } from '../kafka/diagnose.js';
import type { PathResult, SmokeRun } from './path.js';
import { lineSplitter, parseConsoleRecord, smokeSeq } from './message.js';
import { deliveryStats, type DeliveryStats } from './stats.js';

export interface InsideContext {
  readonly runtime: ContainerRuntime;
  readonly config: ResolvedConfig;
  /** Over OUTSIDE, only to see when the console consumer has joined its group. */
  readonly admin: KafkaAdmin;
  /** The INSIDE bootstrap list, e.g. `kafka:9093`. */
  readonly bootstrap: string;
  /** On a secured INSIDE: the tools' client properties (login, CA inline), written in their containers. */
  readonly clientProperties?: string;
}

/** Where a tool's container holds the client properties: the tools get no mount, so the text comes in through the environment. */
const clientFile = '/tmp/kafka-dev-client.properties';

export const insideMeasures = (network: string) =>
  `latency: from the record's CreateTime (stamped by kafka-console-producer as it sends, in a container on ${network}) to kafka-console-consumer's output line for it reaching kafka-dev through Docker's output stream; throughput: messages received per second from the first CreateTime to the last receipt; the tools' JVM start-up is not included`;

/**
 * Feeds `key:value` lines to the console producer once a line arrives on stdin (the go signal); a
 * shell loop so 100,000 messages need no input from outside the container. The producer's JVM
 * starts at once, beside the consumer's, and waits for its first line. Values come in through the
 * environment, not the script text.
 */
const producerScript =
  '{ read -r go && i=0 && while [ "$i" -lt "$SMOKE_MESSAGES" ]; do printf \'%s:%s:%s\\n\' "$i" "$SMOKE_RUN" "$i"; i=$((i+1)); done; }' +
  ' | "$SMOKE_PRODUCER" --bootstrap-server "$SMOKE_BOOTSTRAP" --topic "$SMOKE_TOPIC"' +
  ' --property parse.key=true --property key.separator=: --request-required-acks -1 --timeout 5 $SMOKE_PRODUCER_OPTIONS';

/** A record of this run on the console consumer's output, with when its line reached kafka-dev. */
interface Arrival {
  readonly seq: number;
  readonly partition: number;
  /** Epoch milliseconds, as the producer stamped the record. */
  readonly createTime: number;
  readonly receivedAt: number;
}

/** The console tools under way: the two containers, and the go signal the producer waits for. */
interface ToolRuns {
  readonly consumer: Promise<RunResult>;
  readonly producer: Promise<RunResult>;
  readonly go: PromiseWithResolvers<string>;
}

/** The INSIDE path: console consumer and producer in throwaway containers on the project network, the way another container would. */
export async function insidePath(run: SmokeRun, context: InsideContext): Promise<PathResult> {
  const arrivals: Arrival[] = [];
  const consumer = startConsumer(run, context, (arrival) => arrivals.push(arrival));
  // Started beside the consumer; it produces only on the go signal, so the consumer's start-up is not counted as latency.
  const go = Promise.withResolvers<string>();
  const producer = startProducer(run, context, go.promise);
  const problems = await toolProblemsOnceJoined(run, context, { consumer, producer, go }).finally(async () => {
    go.reject(new Error('smoke check over'));
    await Promise.allSettled([producer, consumer]);
    await context.admin.deleteGroup(consumerGroup(run)).catch(() => undefined);
  });
  return { stats: insideStats(run.messages, arrivals), problems };
}

/** One group per run, named like its topic. */
const consumerGroup = (run: SmokeRun) => run.topic;

const consoleTools = (config: ResolvedConfig) => flavorTemplates(loadFlavor(config.images.flavor)).kafka.tools;

const toolContainer = (project: string, run: SmokeRun, role: string) => `${project}-smoke-${role}-${run.runId}`;

function startConsumer(run: SmokeRun, context: InsideContext, onArrival: (arrival: Arrival) => void): Promise<RunResult> {
  const command = [
    consoleTools(context.config).consoleConsumer,
    ...['--bootstrap-server', context.bootstrap, '--topic', run.topic, '--group', consumerGroup(run), '--from-beginning'],
    ...['--max-messages', String(run.messages), '--timeout-ms', String(run.idleMs)],
    ...['--property', 'print.timestamp=true', '--property', 'print.partition=true'],
    ...(context.clientProperties ? ['--consumer.config', clientFile] : []),
  ];
  const onLine = (line: string) => {
    const arrival = arrivalOf(line, run.runId);
    if (arrival) onArrival(arrival);
  };
  return runTool(run, context, 'consumer', command, { onStdout: lineSplitter(onLine) });
}

function startProducer(run: SmokeRun, context: InsideContext, go: Promise<string>): Promise<RunResult> {
  const environment = {
    SMOKE_MESSAGES: String(run.messages),
    SMOKE_RUN: run.runId,
    SMOKE_PRODUCER: consoleTools(context.config).consoleProducer,
    SMOKE_BOOTSTRAP: context.bootstrap,
    SMOKE_TOPIC: run.topic,
    SMOKE_PRODUCER_OPTIONS: context.clientProperties ? `--producer.config ${clientFile}` : '',
  };
  return runTool(run, context, 'producer', ['sh', '-c', producerScript], { environment, stdin: go });
}

function runTool(
  run: SmokeRun,
  { runtime, config, clientProperties }: InsideContext,
  role: string,
  command: string[],
  extra: Pick<RunRequest, 'environment' | 'onStdout' | 'stdin'>,
): Promise<RunResult> {
  const withClientFile = ['sh', '-c', `printf '%s' "$SMOKE_CLIENT_PROPERTIES" > ${clientFile} && exec "$@"`, 'sh', ...command];
  return runtime.runContainer({
    name: toolContainer(config.name, run, role),
    image: config.images.kafka,
    command: clientProperties ? withClientFile : command,
    network: networkName(config.name),
    labels: { ...projectLabels(config.name), [composeLabel.oneoff]: 'True', [roleLabel]: `smoke-${role}` },
    environment: { ...loadFlavor(config.images.flavor).kafka.toolEnvironment, ...extra.environment, ...(clientProperties && { SMOKE_CLIENT_PROPERTIES: clientProperties }) },
    onStdout: extra.onStdout,
    stdin: extra.stdin,
    timeoutMs: run.timeoutMs,
    signal: run.signal,
  });
}

function arrivalOf(line: string, runId: string): Arrival | undefined {
  const record = parseConsoleRecord(line);
  const seq = record && smokeSeq(record.value, runId);
  if (!record || seq === undefined) return undefined;
  // Epoch milliseconds, like the CreateTime the producer stamped: containers share the host's clock.
  return { seq, partition: record.partition, createTime: record.createTime, receivedAt: performance.timeOrigin + performance.now() };
}

/** Throughput runs from the first CreateTime to the last receipt. */
function insideStats(messages: number, arrivals: readonly Arrival[]): DeliveryStats {
  const receipts = arrivals.map(({ seq, partition, createTime, receivedAt }) => ({ seq, partition, latencyMs: receivedAt - createTime }));
  const firstSent = arrivals.reduce((first, arrival) => Math.min(first, arrival.createTime), Number.POSITIVE_INFINITY);
  const lastReceipt = arrivals.at(-1)?.receivedAt ?? 0;
  return deliveryStats(messages, receipts, lastReceipt - firstSent);
}

/** Once the consumer has joined its group: the go signal, then what either tool got wrong. Else why it could not join. */
async function toolProblemsOnceJoined(run: SmokeRun, context: InsideContext, { consumer, producer, go }: ToolRuns): Promise<PathProblem[]> {
  const consumerEnded = settledCheck(consumer);
  if (!(await joined(context.admin, consumerGroup(run), consumerEnded, run))) return notJoinedProblems(run, context, consumer, consumerEnded());
  go.resolve('go\n');
  const { consoleProducer, consoleConsumer } = consoleTools(context.config);
  const project = context.config.name;
  return [...toolProblems(consoleProducer, await producer, project), ...toolProblems(consoleConsumer, await consumer, project)];
}

/** Whether `promise` has settled yet, either way, as a check to poll. */
function settledCheck(promise: Promise<unknown>): () => boolean {
  let settled = false;
  const settle = () => (settled = true);
  promise.then(settle, settle);
  return () => settled;
}

async function notJoinedProblems(run: SmokeRun, { runtime, config }: InsideContext, consumer: Promise<RunResult>, ended: boolean): Promise<PathProblem[]> {
  // Stopped rather than left to its time limit; what it wrote to stderr says why it could not join.
  if (!ended) await runtime.stopContainer(toolContainer(config.name, run, 'consumer'), 0).catch(() => undefined);
  await runtime.stopContainer(toolContainer(config.name, run, 'producer'), 0).catch(() => undefined);
  const said = saidOnStderr(await consumer);
  const what = ended ? 'ended before it joined its consumer group' : `did not join its consumer group within ${joinTimeoutMs(run) / 1000} s`;
  return [{ problem: `${consoleTools(config).consoleConsumer} ${what}${said}`, hint: insideHint(config.name) }];
}

/** Long enough for a JVM to start on a busy machine and join; a consumer that cannot reach the broker never will. */
const joinTimeoutMs = (run: SmokeRun) => Math.min(run.timeoutMs, 60_000);

async function joined(admin: KafkaAdmin, group: string, consumerDone: () => boolean, run: SmokeRun): Promise<boolean> {
  const deadline = Date.now() + joinTimeoutMs(run);
  while (!consumerDone() && Date.now() < deadline) {
    run.signal?.throwIfAborted();
    if (await admin.groupIsStable(group).catch(() => false)) return true;
    await sleep(200);
  }
  return false;
}

/** A tool that failed, timed out or complained, with the last lines it wrote to stderr. */
function toolProblems(tool: string, result: RunResult, project: string): PathProblem[] {
  const said = saidOnStderr(result);
  if (result.timedOut) return [{ problem: `${tool} was stopped after the time limit${said}`, hint: insideHint(project) }];
  if (result.exitCode !== 0) return [{ problem: `${tool} exited with code ${result.exitCode}${said}`, hint: insideHint(project) }];
  return [];
}

/**
 * The last distinct lines a tool wrote to stderr, as `: line | line`, or nothing. Stack frames and
 * log timestamps are left out, so a warning repeated on every retry shows once.
 */
function saidOnStderr(result: RunResult): string {
  const lines = result.stderr
    .split('\n')
    .filter((line) => line.trim() && !/^\s+(at |\.\.\. \d+ more)/.test(line))
    .map((line) => line.replace(/^\[[^\]]*\] /, '').trim());
  const tail = [...new Set(lines)].slice(-5).join(' | ');
  return tail ? `: ${tail}` : '';
}

export function insideHint(project: string): string {
  return `Containers reach the brokers over INSIDE on ${networkName(project)}; 'kafka-dev status' shows the services and 'docker compose -p ${project} logs' the brokers' side.`;
}
