import { setTimeout as sleep } from 'node:timers/promises';
import type { ResolvedConfig } from '../model/types.js';
import type { ContainerRuntime, RunResult } from '../engine/runtime.js';
import { composeLabel, networkName, projectLabels, roleLabel } from '../engine/labels.js';
import { flavorTemplates, loadFlavor } from '../model/flavor.js';
import type { KafkaAdmin } from '../kafka/admin.js';
import type { PathProblem } from '../kafka/diagnose.js';
import type { PathResult, SmokeRun } from './path.js';
import { lineSplitter, parseConsoleRecord, smokeSeq } from './message.js';
import { deliveryStats, type Receipt } from './stats.js';

export interface InsideContext {
  readonly runtime: ContainerRuntime;
  readonly config: ResolvedConfig;
  /** Over OUTSIDE, only to see when the console consumer has joined its group. */
  readonly admin: KafkaAdmin;
  /** The INSIDE bootstrap list, e.g. `kafka:9093`. */
  readonly bootstrap: string;
}

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
  ' --property parse.key=true --property key.separator=: --request-required-acks -1 --timeout 5';

/** The INSIDE path: console consumer and producer in throwaway containers on the project network, the way another container would. */
export async function insidePath(run: SmokeRun, context: InsideContext): Promise<PathResult> {
  const { runtime, config, admin, bootstrap } = context;
  const flavor = loadFlavor(config.images.flavor);
  const { tools } = flavorTemplates(flavor).kafka;
  const network = networkName(config.name);
  const group = run.topic;
  const receipts: Receipt[] = [];
  let firstSent = Number.POSITIVE_INFINITY;
  let lastReceipt = 0;

  const onLine = (line: string) => {
    const record = parseConsoleRecord(line);
    const seq = record && smokeSeq(record.value, run.runId);
    if (!record || seq === undefined) return;
    // Epoch milliseconds, like the CreateTime the producer stamped: containers share the host's clock.
    lastReceipt = performance.timeOrigin + performance.now();
    firstSent = Math.min(firstSent, record.createTime);
    receipts.push({ seq, partition: record.partition, latencyMs: lastReceipt - record.createTime });
  };
  const containerOf = (role: string) => `${config.name}-smoke-${role}-${run.runId}`;
  const runTool = (
    role: string,
    command: string[],
    extra: { environment?: Record<string, string>; onStdout?: (text: string) => void; stdin?: Promise<string> },
  ) =>
    runtime.runContainer({
      name: containerOf(role),
      image: config.images.kafka,
      command,
      network,
      labels: { ...projectLabels(config.name), [composeLabel.oneoff]: 'True', [roleLabel]: `smoke-${role}` },
      environment: { ...flavor.kafka.toolEnvironment, ...extra.environment },
      onStdout: extra.onStdout,
      stdin: extra.stdin,
      timeoutMs: run.timeoutMs,
      signal: run.signal,
    });

  const consumer = runTool(
    'consumer',
    [
      tools.consoleConsumer,
      ...['--bootstrap-server', bootstrap, '--topic', run.topic, '--group', group, '--from-beginning'],
      ...['--max-messages', String(run.messages), '--timeout-ms', String(run.idleMs)],
      ...['--property', 'print.timestamp=true', '--property', 'print.partition=true'],
    ],
    { onStdout: lineSplitter(onLine) },
  );
  let consumerDone = false;
  consumer.then(
    () => (consumerDone = true),
    () => (consumerDone = true),
  );
  // Started beside the consumer; it produces only on the go signal, so the consumer's start-up is not counted as latency.
  const go = Promise.withResolvers<string>();
  const producer = runTool('producer', ['sh', '-c', producerScript], {
    environment: {
      SMOKE_MESSAGES: String(run.messages),
      SMOKE_RUN: run.runId,
      SMOKE_PRODUCER: tools.consoleProducer,
      SMOKE_BOOTSTRAP: bootstrap,
      SMOKE_TOPIC: run.topic,
    },
    stdin: go.promise,
  });
  const problems: PathProblem[] = [];
  try {
    if (await joined(admin, group, () => consumerDone, run)) {
      go.resolve('go\n');
      problems.push(...toolProblems(tools.consoleProducer, await producer, config.name));
      problems.push(...toolProblems(tools.consoleConsumer, await consumer, config.name));
    } else {
      const ended = consumerDone;
      // Stopped rather than left to its time limit; what it wrote to stderr says why it could not join.
      if (!ended) await runtime.stopContainer(containerOf('consumer'), 0).catch(() => undefined);
      await runtime.stopContainer(containerOf('producer'), 0).catch(() => undefined);
      const said = saidOnStderr(await consumer);
      const what = ended ? 'ended before it joined its consumer group' : `did not join its consumer group within ${joinTimeoutMs(run) / 1000} s`;
      problems.push({ problem: `${tools.consoleConsumer} ${what}${said}`, hint: insideHint(config.name) });
    }
  } finally {
    go.reject(new Error('smoke check over'));
    await Promise.allSettled([producer, consumer]);
    await admin.deleteGroup(group).catch(() => undefined);
  }
  return { stats: deliveryStats(run.messages, receipts, lastReceipt - firstSent), problems };
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

function insideHint(project: string): string {
  return `Containers reach the brokers over INSIDE on ${networkName(project)}; 'kafka-dev status' shows the services and 'docker compose -p ${project} logs' the brokers' side.`;
}
