import { randomBytes } from 'node:crypto';
import type { ResolvedConfig } from '../model/types.js';
import type { ContainerRuntime } from '../engine/runtime.js';
import { networkName } from '../engine/labels.js';
import { SmokeCheckError } from '../base/errors.js';
import { bootstrapServers } from '../model/cluster.js';
import { runDefaults } from '../model/defaults.js';
import { attempt, whileClusterSettles, withAdmin } from '../kafka/admin.js';
import { kafkaErrorMessage } from '../kafka/errors.js';
import { diagnoseOutside, type PathProblem } from '../kafka/diagnose.js';
import { insideMeasures, insidePath } from './inside.js';
import { smokeTopicPrefix } from './message.js';
import { outsideMeasures, outsidePath } from './outside.js';
import type { PathResult, SmokeRun } from './path.js';
import { deliveredExactlyOnceInOrder, type DeliveryStats } from './stats.js';

/**
 * The smoke check: N numbered messages of one run, spread over every partition of a topic made
 * for this run, must each come back exactly once and in order per partition, over OUTSIDE (a
 * Node client on the host) and INSIDE (the image's console tools in containers on the network).
 */
export interface SmokeOptions {
  /** Messages per path. Default: `runDefaults.smokeMessages`. */
  messages?: number;
  /** Longest time each path may take. Default: `runDefaults.smokeTimeoutSeconds`. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type SmokePath = 'outside' | 'inside';

export interface PathReport {
  readonly path: SmokePath;
  readonly bootstrap: string;
  /** Made for this run and path, deleted afterwards. */
  readonly topic: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly stats: DeliveryStats | null;
  readonly problems: readonly PathProblem[];
  /** What the latency and throughput figures include. */
  readonly measured: string;
}

export interface SmokeReport {
  readonly project: string;
  /** Of each path's topic. */
  readonly partitions: number;
  readonly messages: number;
  readonly passed: boolean;
  readonly paths: readonly PathReport[];
}

const smokePartitions = 3;

/** The network and Kafka work of the smoke check; unit tests pass fakes. */
export interface SmokeDependencies {
  readonly diagnoseOutside: typeof diagnoseOutside;
  readonly withAdmin: typeof withAdmin;
  readonly outsidePath: typeof outsidePath;
  readonly insidePath: typeof insidePath;
}

const liveDependencies: SmokeDependencies = { diagnoseOutside, withAdmin, outsidePath, insidePath };

export async function runSmoke(
  config: ResolvedConfig,
  runtime: ContainerRuntime,
  options: SmokeOptions = {},
  dependencies: SmokeDependencies = liveDependencies,
): Promise<SmokeReport> {
  // The INSIDE path runs containers: without an engine, say so before anything else.
  await runtime.info();
  const bootstrap = bootstrapServers(config);
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const messages = options.messages ?? runDefaults.smokeMessages;
  // A topic per path, so neither consumer ever sees the other path's messages.
  const runOf = (path: SmokePath): SmokeRun => ({
    runId,
    topic: `${smokeTopicPrefix}${runId}-${path}`,
    partitions: smokePartitions,
    messages,
    timeoutMs: options.timeoutMs ?? runDefaults.smokeTimeoutSeconds * 1000,
    idleMs: 15_000,
    signal: options.signal,
  });
  const outside = { path: 'outside', bootstrap: bootstrap.host.join(','), run: runOf('outside'), measured: outsideMeasures } as const;
  const inside = {
    path: 'inside',
    bootstrap: bootstrap.containers.join(','),
    run: runOf('inside'),
    measured: insideMeasures(networkName(config.name)),
  } as const;
  const report = (paths: PathReport[]): SmokeReport => ({
    project: config.name,
    messages,
    partitions: smokePartitions,
    passed: paths.every((path) => path.status === 'passed'),
    paths,
  });

  const problems = await dependencies.diagnoseOutside(bootstrap.host);
  if (problems.length > 0) {
    const notRun = { problem: 'not run: kafka-dev creates the smoke topics from the host, over OUTSIDE', hint: 'Fix OUTSIDE first.' };
    return report([
      { ...describePath(outside), status: 'failed', stats: null, problems },
      { ...describePath(inside), status: 'skipped', stats: null, problems: [notRun] },
    ]);
  }

  return dependencies.withAdmin(bootstrap.host, async (admin) => {
    const topics = [outside.run.topic, inside.run.topic];
    try {
      // Replicated over the brokers alive now, so a cluster with one broker down still passes (acks=all).
      const { brokers } = await admin.describeCluster();
      for (const topic of topics) {
        await attempt(`create the smoke topic ${topic}`, () =>
          admin.createTopic({ name: topic, partitions: smokePartitions, replicationFactor: Math.min(brokers.length, 3), config: {} }),
        );
      }
      // Side by side: the INSIDE tools' JVMs take seconds to start, the host client a fraction of one.
      const [outsideReport, insideReport] = await Promise.all([
        judgePath(outside, async () => {
          const result = await dependencies.outsidePath(bootstrap.host, outside.run);
          // Nothing came back: say why, if the path from the host explains it.
          return result.stats.received === 0 ? { ...result, problems: await dependencies.diagnoseOutside(bootstrap.host) } : result;
        }),
        judgePath(inside, () => dependencies.insidePath(inside.run, { runtime, config, admin, bootstrap: inside.bootstrap })),
      ]);
      return report([outsideReport, insideReport]);
    } finally {
      await admin.deleteTopics(topics).catch(() => undefined);
    }
  }, whileClusterSettles);
}

interface PathPlan {
  readonly path: SmokePath;
  readonly bootstrap: string;
  readonly run: SmokeRun;
  readonly measured: string;
}

function describePath({ path, bootstrap, run, measured }: PathPlan) {
  return { path, bootstrap, topic: run.topic, measured };
}

/** Passed only when every message came back once and in order and nothing went wrong on the way. */
async function judgePath(plan: PathPlan, work: () => Promise<PathResult>): Promise<PathReport> {
  try {
    const result = await work();
    const passed = result.problems.length === 0 && deliveredExactlyOnceInOrder(result.stats);
    return { ...describePath(plan), status: passed ? 'passed' : 'failed', ...result };
  } catch (error) {
    plan.run.signal?.throwIfAborted();
    const problem = { problem: `failed: ${kafkaErrorMessage(error)}`, hint: "Run 'kafka-dev status' to see whether every service is healthy." };
    return { ...describePath(plan), status: 'failed', stats: null, problems: [problem] };
  }
}

/** Words for a failed check, path by path, with the most useful next step as the hint. */
export function smokeFailure(report: SmokeReport): SmokeCheckError {
  const lines = report.paths
    .filter((path) => path.status !== 'passed')
    .map((path) => `  ${path.path} (${path.bootstrap}): ${pathFailureWords(path)}`);
  const hint = report.paths.flatMap((path) => path.problems).find((problem) => problem.hint)?.hint;
  return new SmokeCheckError(`Smoke check failed (project ${report.project}):\n${lines.join('\n')}`, { hint });
}

function pathFailureWords(path: PathReport): string {
  const words = path.problems.map((problem) => problem.problem);
  const { stats } = path;
  if (stats && !deliveredExactlyOnceInOrder(stats)) {
    words.push(
      `${stats.received} of ${stats.sent} messages came back; ${stats.lost} lost, ${stats.duplicated} duplicated, ${stats.outOfOrder} out of order`,
    );
  }
  return words.join('; ');
}

/** One line for a passed check, e.g. `outside 100/100 back once and in order, p50 3.1 ms, p99 4.0 ms; inside ...`. */
export function summarizeSmoke(report: SmokeReport): string {
  return report.paths
    .map(({ path, stats }) => {
      const latency = stats?.latencyMs ? `, p50 ${stats.latencyMs.p50.toFixed(1)} ms, p99 ${stats.latencyMs.p99.toFixed(1)} ms` : '';
      return `${path} ${stats?.received ?? 0}/${report.messages} back once and in order${latency}`;
    })
    .join('; ');
}
