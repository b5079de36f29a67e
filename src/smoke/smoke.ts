import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { ResolvedConfig } from '../model/types.js';
import type { ContainerRuntime } from '../engine/runtime.js';
import { networkName } from '../engine/labels.js';
import { SmokeCheckError } from '../base/errors.js';
import { bootstrapServers } from '../model/cluster.js';
import { runDefaults } from '../model/defaults.js';
import { attempt, whileClusterSettles, withAdmin, type KafkaAdmin } from '../kafka/admin.js';
import { kafkaErrorMessage } from '../kafka/errors.js';
import { diagnoseOutside, type PathProblem } from '../kafka/diagnose.js';
import type { KafkaTarget } from '../kafka/client-options.js';
import type { ClientSettings } from '../model/client-settings.js';
import { renderClientSettings } from '../model/client-formats.js';
import { isSecured } from '../model/security.js';
import { adminClientSettings, readSecurityMaterial } from '../secrets/material.js';
import { userClientSettings } from '../secrets/user-client.js';
import { securityRefusals } from './security-refusals.js';
import { insideMeasures, insidePath } from './inside.js';
import { insideReach, reachMeasures } from './inside-reach.js';
import { insideAnswersMeasures, listenerAnswers, outsideAnswersMeasures, type ListenerAnswers } from './listener-answers.js';
import { smokeTopicPrefix } from './message.js';
import { outsideMeasures, outsidePath } from './outside.js';
import type { PathResult, SmokeRun } from './path.js';
import { deliveredExactlyOnceInOrder, type DeliveryStats } from './stats.js';

/**
 * The smoke check: N numbered messages of one run, spread over every partition of a topic made
 * for this run, must each come back exactly once and in order per partition, over OUTSIDE (a
 * Node client on the host) and INSIDE (the image's console tools in containers on the network).
 * The quick form keeps the messages on OUTSIDE and only asks every INSIDE address, from a
 * container on the network, for the brokers it advertises (no JVM to start).
 */

export interface SmokeOptions {
  /** Messages per path. Default: `runDefaults.smokeMessages`. */
  messages?: number;
  /** Longest time each path may take. Default: `runDefaults.smokeTimeoutSeconds`. */
  timeoutMs?: number;
  /** How much to prove; default `full`. */
  depth?: SmokeDepth;
  signal?: AbortSignal;
}

/**
 * - `full`: messages over both paths (INSIDE through the image's console tools, seconds of JVM start).
 * - `quick`: messages over OUTSIDE; INSIDE answers a Metadata request from a container on the network.
 * - `answers`: both listeners answer a Metadata request from the host (INSIDE at the containers'
 *   network addresses), listing every broker; for a stack that has not changed since it was checked.
 */
export type SmokeDepth = 'full' | 'quick' | 'answers';

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
  /** Without messages (`quick` INSIDE, `answers`): the addresses whose reply listed every broker. */
  readonly answered?: readonly string[];
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
  readonly securityRefusals: typeof securityRefusals;
  readonly clientsOf: typeof smokeClients;
  readonly withAdmin: typeof withAdmin;
  readonly outsidePath: typeof outsidePath;
  readonly insidePath: typeof insidePath;
  readonly insideReach: typeof insideReach;
  readonly listenerAnswers: typeof listenerAnswers;
}

const liveDependencies: SmokeDependencies = { diagnoseOutside, securityRefusals, clientsOf: smokeClients, withAdmin, outsidePath, insidePath, insideReach, listenerAnswers };

export async function runSmoke(
  config: ResolvedConfig,
  runtime: ContainerRuntime,
  options: SmokeOptions = {},
  dependencies: SmokeDependencies = liveDependencies,
): Promise<SmokeReport> {
  // The INSIDE path runs containers: without an engine, say so before anything else.
  await runtime.info();
  const bootstrap = bootstrapServers(config);
  const messages = options.messages ?? runDefaults.smokeMessages;
  const depth = possibleDepth(config, options.depth ?? 'full');
  const { host, user, insideProperties } = await dependencies.clientsOf(config);
  const check: SmokeCheck = {
    config,
    runtime,
    dependencies,
    hostBootstrap: host,
    ...(user && { user }),
    ...(insideProperties && { insideProperties }),
    insideAddresses: bootstrap.containers,
    depth,
    ...pathPlans(config, bootstrap, messages, depth, options),
  };
  const report = (paths: PathReport[]) => smokeReport(config.name, messages, paths);
  if (check.depth === 'answers') return report(await answerPaths(check));

  const problems = await dependencies.diagnoseOutside(host);
  if (problems.length > 0) return report(notRunPaths(check, problems));
  return dependencies.withAdmin(host, async (admin) => report(await runPaths(admin, check)), whileClusterSettles);
}

interface SmokeClients {
  readonly host: KafkaTarget;
  readonly user?: ClientSettings;
  /** The INSIDE console tools' client properties, when INSIDE is secured. */
  readonly insideProperties?: string;
}

/**
 * On a secured stack kafka-dev logs in as itself (the tools on INSIDE too, with the CA inline),
 * and the refusals are shown with the first user.
 */
async function smokeClients(config: ResolvedConfig): Promise<SmokeClients> {
  const material = await readSecurityMaterial(config);
  const host = adminClientSettings(config, material, 'outside');
  if (!isSecured(config.security)) return { host };
  const user = userClientSettings(config, material, 'outside', undefined);
  if (config.security.inside === 'PLAINTEXT') return { host, user };
  const inside = adminClientSettings(config, material, 'inside');
  const text = (file: string | undefined) => (file === undefined ? undefined : readFile(file, 'utf8'));
  const [ca, cert, key] = await Promise.all([text(inside.tls?.caFile), text(inside.tls?.certFile), text(inside.tls?.keyFile)]);
  return { host, user, insideProperties: renderClientSettings(inside, 'properties', { ca, cert, key }) };
}

/** The Metadata checks speak plain Kafka: a listener behind TLS or SASL is proven with messages, by clients that log in. */
function possibleDepth({ security }: ResolvedConfig, depth: SmokeDepth): SmokeDepth {
  return security.inside === 'PLAINTEXT' && security.outside === 'PLAINTEXT' ? depth : 'full';
}

interface PathPlan {
  readonly path: SmokePath;
  readonly bootstrap: string;
  readonly run: SmokeRun;
  readonly measured: string;
}

/** What every step of one smoke check works with, fixed for the run. */
interface SmokeCheck {
  readonly config: ResolvedConfig;
  readonly runtime: ContainerRuntime;
  readonly dependencies: SmokeDependencies;
  /** How kafka-dev reaches OUTSIDE: the bootstrap list, with its login on a secured stack. */
  readonly hostBootstrap: KafkaTarget;
  /** On a secured stack, the user whose wrong password and missing ACLs must be refused. */
  readonly user?: ClientSettings;
  readonly insideProperties?: string;
  readonly insideAddresses: readonly string[];
  readonly depth: SmokeDepth;
  readonly outside: PathPlan;
  readonly inside: PathPlan;
}

/** A topic per path, so neither consumer ever sees the other path's messages. */
function pathPlans(
  config: ResolvedConfig,
  bootstrap: ReturnType<typeof bootstrapServers>,
  messages: number,
  depth: SmokeDepth,
  options: SmokeOptions,
): Pick<SmokeCheck, 'outside' | 'inside'> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const runOf = (path: SmokePath): SmokeRun => ({
    runId,
    topic: `${smokeTopicPrefix}${runId}-${path}`,
    partitions: smokePartitions,
    messages,
    timeoutMs: options.timeoutMs ?? runDefaults.smokeTimeoutSeconds * 1000,
    idleMs: 15_000,
    signal: options.signal,
  });
  return {
    outside: { path: 'outside', bootstrap: bootstrap.host.join(','), run: runOf('outside'), measured: outsideMeasures },
    inside: {
      path: 'inside',
      bootstrap: bootstrap.containers.join(','),
      run: runOf('inside'),
      measured: (depth === 'quick' ? reachMeasures : insideMeasures)(networkName(config.name)),
    },
  };
}

function smokeReport(project: string, messages: number, paths: PathReport[]): SmokeReport {
  return { project, messages, partitions: smokePartitions, passed: paths.every((path) => path.status === 'passed'), paths };
}

/** OUTSIDE is broken: the smoke topics cannot be made, so INSIDE is not run either. */
function notRunPaths({ outside, inside }: SmokeCheck, problems: PathProblem[]): PathReport[] {
  const notRun = { problem: 'not run: kafka-dev creates the smoke topics from the host, over OUTSIDE', hint: 'Fix OUTSIDE first.' };
  return [
    { ...describePath(outside), status: 'failed', stats: null, problems },
    { ...describePath(inside), status: 'skipped', stats: null, problems: [notRun] },
  ];
}

/** Makes both paths' topics, runs the paths side by side, and always deletes the topics again. */
async function runPaths(admin: KafkaAdmin, check: SmokeCheck): Promise<PathReport[]> {
  const { outside, inside, depth } = check;
  const topics = depth === 'full' ? [outside.run.topic, inside.run.topic] : [outside.run.topic];
  // The quick INSIDE check needs no topic: its container starts while the topic is made.
  const reached = depth === 'quick' ? insideReachReport(check) : undefined;
  try {
    await createSmokeTopics(admin, topics);
    // Side by side: the INSIDE tools' JVMs take seconds to start, the host client a fraction of one.
    return await Promise.all([judgePath(outside, () => outsideResult(check)), reached ?? insideMessagesReport(admin, check)]);
  } finally {
    await admin.deleteTopics(topics).catch(() => undefined);
  }
}

/** Replicated over the brokers alive now, so a cluster with one broker down still passes (acks=all). */
async function createSmokeTopics(admin: KafkaAdmin, topics: readonly string[]): Promise<void> {
  const { brokers } = await admin.describeCluster();
  for (const topic of topics) {
    await attempt(`create the smoke topic ${topic}`, () =>
      admin.createTopic({ name: topic, partitions: smokePartitions, replicationFactor: Math.min(brokers.length, 3), config: {} }),
    );
  }
}

function insideMessagesReport(admin: KafkaAdmin, { config, runtime, dependencies, inside, insideProperties }: SmokeCheck): Promise<PathReport> {
  return judgePath(inside, () => dependencies.insidePath(inside.run, { runtime, config, admin, bootstrap: inside.bootstrap, clientProperties: insideProperties }));
}

/** Both listeners asked from the host; INSIDE from a container where the host cannot reach the network. */
async function answerPaths(check: SmokeCheck): Promise<PathReport[]> {
  const { outside, inside } = await check.dependencies.listenerAnswers(check.config, check.runtime);
  const network = networkName(check.config.name);
  return Promise.all([
    answersReport({ ...check.outside, measured: outsideAnswersMeasures }, outside),
    inside === 'unreachable' ? insideReachReport({ ...check, inside: { ...check.inside, measured: reachMeasures(network) } }) : answersReport({ ...check.inside, measured: insideAnswersMeasures(network) }, inside),
  ]);
}

function answersReport(plan: PathPlan, { answered, problems }: ListenerAnswers): Promise<PathReport> {
  return Promise.resolve({ ...describePath(plan), status: problems.length === 0 ? 'passed' : 'failed', stats: null, problems, answered });
}

/** Passed when every INSIDE address answered a container on the network with every broker. */
function insideReachReport({ config, runtime, dependencies, insideAddresses, inside }: SmokeCheck): Promise<PathReport> {
  return reportOrFailure(inside, async () => {
    const { runId, timeoutMs, signal } = inside.run;
    const { answered, problems } = await dependencies.insideReach({ runtime, config, addresses: insideAddresses, runId, timeoutMs, signal });
    const passed = problems.length === 0 && answered.length === insideAddresses.length;
    return { ...describePath(inside), status: passed ? 'passed' : 'failed', stats: null, problems, answered };
  });
}

async function outsideResult({ config, dependencies, hostBootstrap, user, outside }: SmokeCheck): Promise<PathResult> {
  const result = await dependencies.outsidePath(hostBootstrap, outside.run);
  // Nothing came back: say why, if the path from the host explains it.
  if (result.stats.received === 0) return { ...result, problems: await dependencies.diagnoseOutside(hostBootstrap) };
  const refusals = user ? await dependencies.securityRefusals(config.security, user, outside.run.topic) : [];
  return { ...result, problems: [...result.problems, ...refusals] };
}

function describePath({ path, bootstrap, run, measured }: PathPlan) {
  return { path, bootstrap, topic: run.topic, measured };
}

/** Passed only when every message came back once and in order and nothing went wrong on the way. */
function judgePath(plan: PathPlan, work: () => Promise<PathResult>): Promise<PathReport> {
  return reportOrFailure(plan, async () => {
    const result = await work();
    const passed = result.problems.length === 0 && deliveredExactlyOnceInOrder(result.stats);
    return { ...describePath(plan), status: passed ? 'passed' : 'failed', ...result };
  });
}

/** A path that threw is a failed path, with what went wrong, unless the run was aborted. */
async function reportOrFailure(plan: PathPlan, work: () => Promise<PathReport>): Promise<PathReport> {
  try {
    return await work();
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
    .map(({ path, stats, answered }) => {
      if (answered) return `${path} ${answered.join(', ')} ${answered.length === 1 ? 'answers' : 'answer'} Metadata with every broker`;
      const latency = stats?.latencyMs ? `, p50 ${stats.latencyMs.p50.toFixed(1)} ms, p99 ${stats.latencyMs.p99.toFixed(1)} ms` : '';
      return `${path} ${stats?.received ?? 0}/${report.messages} back once and in order${latency}`;
    })
    .join('; ');
}
