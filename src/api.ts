import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { builtInSource, configFileNames as readableConfigFiles, configFileOf, findConfigFile, loadConfig as loadConfigFile, type LoadConfigOptions } from './config/load.js';
import { describeIssue, parseConfig } from './config/parse.js';
import { userConfigSchema } from './config/schema.js';
import { checkTopicRequest, type TopicRequest } from './config/check-topic.js';
import { ConfigError, InterruptedError, InvalidArgumentsError, KafkaDevError, type ConfigIssue } from './base/errors.js';
import { integer } from './base/integer.js';
import { plural } from './base/plural.js';
import { quoteText, shortText } from './base/text.js';
import { runDefaults } from './model/defaults.js';
import type { ResolvedConfig, ResolvedTopic, UserConfig } from './model/types.js';
import { bootstrapServers } from './model/cluster.js';
import type { ContainerRuntime, EngineInfo } from './engine/runtime.js';
// Below, modules only some commands need are imported where those commands run: `up` loads about 40 fewer.
import { DockerodeRuntime } from './engine/dockerode-runtime.js';
import { discoverEngine, refuseRemoteEngine } from './engine/discovery.js';
import { machineDiscoveryInputs } from './engine/discovery-inputs.js';
import { describeEngine } from './engine/discovery-kind.js';
import type { StackLogs, StackLogsOptions } from './engine/logs.js';
import { attempt, whileClusterSettles, withAdmin, type ConsumerGroupView, type KafkaAdmin, type TopicDescription } from './kafka/admin.js';
import type { ConsumeLinesOptions, ProduceLinesOptions } from './kafka/console.js';
import type { BrowseRequest, KafkaRecord, OutgoingMessage } from './kafka/messages.js';
import type { TopicLogSize } from './kafka/log-sizes.js';
import { adminClientSettings, copyMountedFiles, ensureStackMaterial, readSecurityMaterial } from './secrets/material.js';
import { schemaRegistryUrls } from './model/companions/schema-registry.js';
import { chosenUser, userClientSettings, withExistingFiles } from './secrets/user-client.js';
import type { ClientPem } from './model/client-formats.js';
import type { ClientSettings } from './model/client-settings.js';
import { renderCompose } from './compose/render.js';
import { buildStackModel } from './model/stack.js';
import type { ApplyPlan } from './stack/apply.js';
import type { LintReport } from './lint/lint.js';
import { configFromChoices, problemAt, type InitChoices } from './init/choices.js';
import type { ConfigFormat } from './init/config-file.js';
import { runSmoke, type SmokeOptions, type SmokeReport } from './smoke/smoke.js';
import type { DoctorReport } from './health/doctor.js';
import { stackStatus, type StackStatus } from './health/status.js';
import { downOperation, type DownOptions, type DownResult } from './stack/down.js';
import { upOperation, type UpOptions, type UpResult } from './stack/up.js';
import { runLocked, runOperation, type Operation, type Step, type StepListener } from './stack/steps.js';

/**
 * The programmatic API, and the only door into kafka-dev: the CLI is a thin layer over these
 * functions, and the container runtime is created here and nowhere else.
 */

export type { Operation, Step, StepListener } from './stack/steps.js';
export type { UpOptions, UpResult } from './stack/up.js';
export type { DownOptions, DownResult } from './stack/down.js';
export type { StackStatus, ServiceStatus, Health } from './health/status.js';
export type { DoctorReport } from './health/doctor.js';
export type { CheckResult, Verdict } from './health/doctor-checks.js';
export type { SmokeOptions, SmokeReport, PathReport } from './smoke/smoke.js';
export { smokeFailure } from './smoke/smoke.js';
export type { LintReport } from './lint/lint.js';
export type { ServiceLogLine, StackLogs } from './engine/logs.js';
export type { ConsumerGroupView, TopicDescription } from './kafka/admin.js';
export { consoleGroupPrefix, type BrowseRequest, type BrowseStart, type KafkaRecord, type OutgoingMessage } from './kafka/messages.js';
export type { TopicLogSize } from './kafka/log-sizes.js';
export type { TopicRequest } from './config/check-topic.js';
export type { InitChoices } from './init/choices.js';
export { configFormats, type ConfigFormat } from './init/config-file.js';
export { describeReconciled, type TopicsReconciled } from './kafka/reconcile-topics.js';
export { checkTopicRequest, topicNameProblem } from './config/check-topic.js';
export { checkWarnings as configWarnings } from './config/rules.js';
export { networkName } from './engine/labels.js';
export { bootstrapServers } from './model/cluster.js';
export { clientFormats, renderClientSettings, type ClientFormat, type ClientPem } from './model/client-formats.js';
export type { ClientSettings } from './model/client-settings.js';
export { topicShape } from './model/topic-shape.js';
export { findConfigFile, type LoadConfigOptions } from './config/load.js';

/** Runs the steps of `up` or `down` in order, e.g. behind a progress display; the API holds the project lock around it and cleans up after a failure. */
export type StepRunner = (steps: readonly Step[], signal: AbortSignal) => Promise<void>;

export interface CommonOptions extends LoadConfigOptions {
  /** An already resolved config; skips loading. */
  config?: ResolvedConfig;
  runtime?: ContainerRuntime;
  /** A Docker context that wins over DOCKER_HOST, DOCKER_CONTEXT and the Docker config, like `docker --context`. */
  context?: string;
  onStep?: StepListener;
  signal?: AbortSignal;
  /** How `up` and `down` run their steps; default: quietly, telling `onStep` about each. */
  runSteps?: StepRunner;
  /** Told when another `up`/`down` holds the project and this one waits. */
  onWait?: (message: string) => void;
}

const configOf = (options: CommonOptions) => options.config ?? loadConfig(options);
const runtimeOf = (options: Pick<CommonOptions, 'runtime' | 'context'>) =>
  options.runtime ?? new DockerodeRuntime(discoverEngine(machineDiscoveryInputs(options.context)));

/** The engine the other functions talk to: its kind, version, address, context and why it was chosen, also in one line. */
export async function engine(options: Pick<CommonOptions, 'runtime' | 'context'> = {}): Promise<EngineInfo & { description: string }> {
  const info = await runtimeOf(options).info();
  return { ...info, description: describeEngine(info) };
}

function runSteps<Result>(operation: Operation<Result>, options: CommonOptions): Promise<Result> {
  const { runSteps: run, signal = new AbortController().signal } = options;
  if (!run) return runOperation(operation, options);
  return runLocked(operation, signal, () => run(operation.steps, signal), options.onWait);
}

/**
 * Loads, validates and resolves the config (the file given, the nearest one, or the built-in
 * defaults). A config that never finishes loading, such as one whose top-level await never
 * settles, is refused after a while instead of holding the caller forever.
 */
export async function loadConfig(options: LoadConfigOptions & { signal?: AbortSignal } = {}): Promise<ResolvedConfig> {
  let timer: NodeJS.Timeout | undefined;
  const seconds = runDefaults.configLoadTimeoutSeconds;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const file = configFileOf(options) ?? builtInSource;
      const problem = `did not finish loading within ${seconds} s; expected a config whose top-level code (an await, a promise) settles`;
      reject(new ConfigError(file, [{ path: '', message: problem }], { hint: 'Look for an await in the config file that waits for something that never comes.' }));
    }, seconds * 1000);
    options.signal?.addEventListener('abort', () => reject(new InterruptedError(`Interrupted (${String((options.signal!.reason as Error)?.message ?? options.signal!.reason)}) while loading the config; nothing was changed.`)), { once: true });
  });
  try {
    return await Promise.race([loadConfigFile(options), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Config fields a command-line flag can set. */
export type OverridableField = 'name' | 'mode' | 'brokers' | 'controllers' | 'kafkaVersion';

/**
 * The text of command-line flags as config overrides, judged by the config file's own schema, so
 * a flag and a file field get the same verdict. Text that is a whole number, negative too, is tried
 * as one where the field holds numbers (`--brokers 3`; `--brokers -1` hears "at least 1"); nothing
 * else is converted (`0x3`, `1e0`, `' 3'` stay text).
 * Every bad value is reported at once, under its flag's name.
 */
export function configOverrides(
  command: string,
  texts: Readonly<Partial<Record<OverridableField, string>>>,
  flagOf: (field: OverridableField) => string,
): UserConfig {
  const overrides: Record<string, unknown> = {};
  const issues: ConfigIssue[] = [];
  for (const [field, text] of Object.entries(texts) as [OverridableField, string | undefined][]) {
    if (text === undefined) continue;
    const schema = userConfigSchema.shape[field].unwrap();
    const number = integer(text);
    const candidates: unknown[] = number === undefined ? [text] : [text, number];
    const results = candidates.map((candidate) => schema.safeParse(candidate, { reportInput: true }));
    const passed = results.find((result) => result.success);
    if (passed) {
      overrides[field] = passed.data;
      continue;
    }
    const issue = results.at(-1)!.error!.issues[0]!;
    issues.push({ path: flagOf(field), message: `${describeIssue(issue).message} (set on the command line)` });
  }
  if (issues.length > 0) throw new InvalidArgumentsError(command, issues);
  return overrides as UserConfig;
}

export async function up(options: CommonOptions & UpOptions = {}): Promise<UpResult> {
  const runtime = runtimeOf(options);
  if (runtime instanceof DockerodeRuntime) refuseRemoteEngine(runtime.endpoint);
  const operation = upOperation(await configOf(options), runtime, {
    timeoutMs: runDefaults.timeoutSeconds * 1000,
    smokeMessages: runDefaults.smokeMessages,
    ...options,
  });
  return runSteps(operation, options);
}

export async function down(options: CommonOptions & DownOptions = {}): Promise<DownResult> {
  const config = await configOf(options);
  const operation = downOperation(config.name, runtimeOf(options), {
    stopTimeoutSeconds: runDefaults.stopTimeoutSeconds,
    securityDirectory: config.security.directory,
    ...options,
  });
  return runSteps(operation, options);
}

export async function status(options: CommonOptions = {}): Promise<StackStatus> {
  return stackStatus(await configOf(options), runtimeOf(options));
}

/** A pass/warn/fail verdict per check (engine, images, ports, volumes, both listeners), each with its fix. */
export async function doctor(options: CommonOptions = {}): Promise<DoctorReport> {
  return (await import('./health/doctor.js')).runDoctor(await configOf(options), runtimeOf(options));
}

/** Sends numbered messages over both listeners and reports what came back; `passed` says whether all did, once and in order. */
export async function smoke(options: CommonOptions & SmokeOptions = {}): Promise<SmokeReport> {
  return runSmoke(await configOf(options), runtimeOf(options), {
    messages: runDefaults.smokeMessages,
    timeoutMs: runDefaults.smokeTimeoutSeconds * 1000,
    ...options,
  });
}

/** The logs of the stack's containers, in time order; with `follow`, as they arrive until the stack stops or the signal aborts. */
export async function logs(options: CommonOptions & Omit<StackLogsOptions, 'signal'>): Promise<StackLogs> {
  return (await import('./engine/logs.js')).stackLogs((await configOf(options)).name, runtimeOf(options), options);
}

/** Sends the input to the topic over OUTSIDE, one message per line; returns how many were sent. */
export async function produce(topic: string, input: Readable, options: CommonOptions & ProduceLinesOptions & ActingUser = {}): Promise<number> {
  return (await import('./kafka/console.js')).produceLines(await actingClient(await configOf(options), 'produce', options.user), topic, input, options);
}

/** Writes the topic's messages to the output as they arrive, until the signal, `maxMessages` or `idleMs`; returns how many. */
export async function consume(topic: string, output: Writable, options: CommonOptions & Omit<ConsumeLinesOptions, 'signal'> & ActingUser = {}): Promise<number> {
  return (await import('./kafka/console.js')).consumeLines(await actingClient(await configOf(options), 'consume', options.user), topic, output, options);
}

/** One partition's messages as bytes, with headers: from an offset, a timestamp, the beginning, or the newest ones (newest first). */
export async function browseMessages(topic: string, request: BrowseRequest, options: CommonOptions & ActingUser = {}): Promise<KafkaRecord[]> {
  return (await import('./kafka/messages.js')).browsePartition(await actingClient(await configOf(options), 'consume', options.user), topic, request);
}

/** Calls `onRecord` for each message that arrives on the topic after the call, until the signal aborts. */
export async function tailMessages(topic: string, onRecord: (record: KafkaRecord) => void, options: CommonOptions & ActingUser & { signal: AbortSignal }): Promise<void> {
  return (await import('./kafka/messages.js')).tailTopic(await actingClient(await configOf(options), 'consume', options.user), topic, onRecord, options.signal);
}

/** Sends one message with its key and headers over OUTSIDE. */
export async function produceMessage(topic: string, message: OutgoingMessage, options: CommonOptions & ActingUser = {}): Promise<void> {
  return (await import('./kafka/messages.js')).sendMessage(await actingClient(await configOf(options), 'produce', options.user), topic, message);
}

export const defaultComposeFile = runDefaults.composeFile;

/** The folder beside a rendered compose file that holds a secured stack's broker files. */
export const renderedSecretsFolder = 'kafka-dev-secrets';

/**
 * Renders the compose file; writes it when `output` is given (relative to `cwd`) and returns the
 * text. An output that is a folder, or cannot be written, is refused naming the path. A secured
 * stack's material is made (or reused) as `up` makes it; with `output` its broker files are copied
 * to `kafka-dev-secrets/` beside the file, which mounts them by relative path, so plain
 * `docker compose up` runs the secured stack.
 */
export async function render(options: CommonOptions & { output?: string } = {}): Promise<string> {
  const config = await configOf(options);
  const material = await ensureStackMaterial(config, buildStackModel(config));
  if (!options.output) return renderCompose(config);
  const file = resolve(options.cwd ?? process.cwd(), options.output);
  const text = renderCompose(config, material && { secretsSource: `./${renderedSecretsFolder}` });
  await writeOutput(file, text);
  if (material) await copyMountedFiles(material, join(dirname(file), renderedSecretsFolder));
  return text;
}

async function writeOutput(file: string, text: string, hint = 'Choose a path in a folder you can write to, with -o FILE.'): Promise<void> {
  const isFolder = await stat(file).then((found) => found.isDirectory(), () => false);
  if (isFolder) {
    throw new InvalidArgumentsError('render', [{ path: '--output', message: `got ${quoteText(file)}, which is a folder; expected a file path such as ${shortText(join(file, 'docker-compose.yml'))}` }]);
  }
  try {
    // Folder by folder: mkdir's own `recursive` never returns for some paths (e.g. under /proc).
    const missing: string[] = [];
    for (let folder = dirname(file); !existsSync(folder); folder = dirname(folder)) missing.unshift(folder);
    for (const folder of missing) await mkdir(folder);
    await writeFile(file, text);
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    throw new KafkaDevError(`Cannot write ${shortText(file)}: ${code ?? (error as Error).message} on ${shortText(path ?? file)}; nothing was written`, {
      hint,
      cause: error,
    });
  }
}

/**
 * The config as Strimzi manifests (`Kafka`, `KafkaNodePool`s, `KafkaTopic`s, `KafkaUser`s). With
 * `outDir` (relative to `cwd`) each manifest is written to its own file `<kind>-<name>.yaml` there;
 * returns the files written and the whole multi-document text.
 */
export async function exportStrimzi(options: CommonOptions & { outDir?: string } = {}): Promise<{ text: string; files: string[] }> {
  const { strimziManifests, manifestsYaml, manifestYaml } = await import('./export/strimzi.js');
  const manifests = strimziManifests(await configOf(options));
  const text = manifestsYaml(manifests);
  if (!options.outDir) return { text, files: [] };
  const folder = resolve(options.cwd ?? process.cwd(), options.outDir);
  const files: string[] = [];
  for (const manifest of manifests) {
    const file = join(folder, `${manifest.kind.toLowerCase()}-${manifest.metadata.name}.yaml`);
    await writeOutput(file, manifestYaml(manifest), 'Choose a folder you can write to, with --out DIR (or --out - to print).');
    files.push(file);
  }
  return { text, files };
}

export interface ApplyTargetOptions extends CommonOptions {
  /** `host:port[,host:port]` of the cluster, as Kafka's tools take it. */
  bootstrapServer: string;
  /** The Kafka tools' client settings file (`--command-config`), relative to `cwd`. */
  commandConfig?: string;
  /** Also delete the topics (and ACLs) the config does not declare. */
  prune?: boolean;
}

/**
 * Plans the config's topics and ACLs against a cluster kafka-dev did not start; changes nothing.
 * Returns the plan and the connection to hand to `applyTo`.
 */
export async function planApplyTo(options: ApplyTargetOptions): Promise<{ plan: ApplyPlan; target: ClientSettings }> {
  const cwd = options.cwd ?? process.cwd();
  const bootstrap = options.bootstrapServer.split(',').map((server) => server.trim());
  const badServer = bootstrap.find((server) => !/^[^\s:]+:\d{1,5}$/.test(server));
  if (badServer !== undefined) {
    throw new InvalidArgumentsError('kafka-dev apply', [{ path: '--bootstrap-server', message: `got ${quoteText(options.bootstrapServer)}; expected host:port[,host:port]` }]);
  }
  const file = options.commandConfig;
  const text = file === undefined ? '' : await readFile(resolve(cwd, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InvalidArgumentsError('kafka-dev apply', [{ path: '--command-config', message: `got ${quoteText(file)}: ${error.code ?? error.message}; expected a readable client properties file` }]);
  });
  const target = (await import('./config/command-config.js')).parseCommandConfig(text, { file: file ?? '--command-config', cwd, bootstrap });
  return { plan: await (await import('./stack/apply.js')).planApply(await configOf(options), target, Boolean(options.prune)), target };
}

/** Carries out a plan from `planApplyTo`, and only it; returns a line per change applied. */
export async function applyTo(plan: ApplyPlan, target: ClientSettings): Promise<string[]> {
  return (await import('./stack/apply.js')).applyPlan(plan, target);
}

export { deletesSomething, describeApplyPlan, describeApplyTarget, pendingChanges, type ApplyPlan } from './stack/apply.js';

/** Checks a docker-compose file with Kafka for the classic mistakes; without a file, the compose file in `cwd`. */
export async function lint(file?: string, options: { cwd?: string } = {}): Promise<LintReport> {
  return (await import('./lint/lint.js')).lintCompose(await (await import('./compose/read.js')).readComposeFile(file, options.cwd ?? process.cwd()));
}

/** A row of `topic list`: a topic in the cluster, or a declared one `up` has not created yet. */
export interface TopicListEntry {
  readonly name: string;
  readonly partitions: number | null;
  readonly replicationFactor: number | null;
  readonly declared: boolean;
  readonly exists: boolean;
}

const adminFor = async <T>(options: CommonOptions, work: (admin: KafkaAdmin) => Promise<T>) =>
  withAdmin(await actingClient(await configOf(options), 'topic', undefined), work, whileClusterSettles);

export interface ActingUser {
  /** On a secured stack, connect as this user of `security.users` (its ACLs apply) instead of kafka-dev's own. */
  user?: string;
}

/** kafka-dev's own user over OUTSIDE, or the named one, with what an earlier `up` made for a secured stack. */
async function actingClient(config: ResolvedConfig, command: string, user: string | undefined): Promise<ClientSettings> {
  if (user !== undefined) chosenUser(config, user, command);
  const material = await readSecurityMaterial(config);
  return user === undefined ? adminClientSettings(config, material, 'outside') : userClientSettings(config, material, 'outside', user, command);
}

export interface ClientEnvOptions {
  /** For containers on the stack's network (INSIDE) instead of programs on the host (OUTSIDE). */
  inside?: boolean;
  /** A user of `security.users`; default the first. */
  user?: string;
}

export interface ClientEnv {
  readonly listener: 'outside' | 'inside';
  readonly settings: ClientSettings;
  /** Under mTLS, the user's certificate and key as text, for clients that take them inline (Java). */
  readonly pem?: ClientPem;
}

/** What a client needs to connect to the stack: bootstrap servers, protocol, SASL login, CA and certificate files. */
export async function clientEnv(options: CommonOptions & ClientEnvOptions = {}): Promise<ClientEnv> {
  const listener = options.inside ? 'inside' : 'outside';
  const config = await configOf(options);
  // A bad --user is refused before anything is read.
  chosenUser(config, options.user, 'env');
  const chosen = userClientSettings(config, await readSecurityMaterial(config), listener, options.user);
  const registry = config.schemaRegistry && schemaRegistryUrls(config.schemaRegistry);
  const settings = {
    ...(listener === 'outside' ? withExistingFiles(chosen) : chosen),
    ...(registry && { schemaRegistryUrl: listener === 'outside' ? registry.host : registry.containers }),
  };
  const { certFile, keyFile } = settings.tls ?? {};
  const pem = certFile && keyFile ? { cert: await readFile(certFile, 'utf8'), key: await readFile(keyFile, 'utf8') } : undefined;
  return { listener, settings, ...(pem && { pem }) };
}

/** Every topic in the cluster, and the declared ones that do not exist yet, by name. */
export async function listTopics(options: CommonOptions = {}): Promise<TopicListEntry[]> {
  const config = await configOf(options);
  const cluster = await adminFor({ ...options, config }, (admin) => attempt('list topics', () => admin.describeCluster()));
  return topicListEntries(config, cluster.topics);
}

export function topicListEntries(config: ResolvedConfig, inCluster: readonly { name: string; partitions: number; replicationFactor: number }[]): TopicListEntry[] {
  const declared = new Set(config.topics.map((topic) => topic.name));
  const existing = inCluster.map((topic): TopicListEntry => ({ ...topic, declared: declared.has(topic.name), exists: true }));
  const missing = config.topics
    .filter((topic) => !inCluster.some((actual) => actual.name === topic.name))
    .map((topic): TopicListEntry => ({ name: topic.name, partitions: null, replicationFactor: null, declared: true, exists: false }));
  return [...existing, ...missing].sort((a, b) => a.name.localeCompare(b.name));
}

/** Each existing topic's bytes on disk (one copy) and end offsets per partition. */
export async function topicSizes(options: CommonOptions = {}): Promise<Map<string, TopicLogSize>> {
  const config = await configOf(options);
  const cluster = await adminFor({ ...options, config }, (admin) => attempt('list topics', () => admin.describeCluster()));
  return (await import('./kafka/log-sizes.js')).topicLogSizes(await actingClient(config, 'topic', undefined), cluster.topics);
}

/** Every consumer group: members, assignment, committed offsets and lag per partition. */
export async function consumerGroups(options: CommonOptions = {}): Promise<ConsumerGroupView[]> {
  return adminFor(options, (admin) => attempt('describe consumer groups', () => admin.describeConsumerGroups()));
}

/** Partitions, replicas and the topic's own settings; refused when the topic does not exist. */
export async function describeTopic(name: string, options: CommonOptions = {}): Promise<TopicDescription & { declared: boolean }> {
  const config = await configOf(options);
  const [topic] = await adminFor({ ...options, config }, (admin) => attempt(`describe topic '${name}'`, () => admin.describeTopics([name])));
  if (!topic) throw new KafkaDevError(`Topic '${name}' does not exist in project ${config.name}`, { hint: "'kafka-dev topic list' shows the topics." });
  return { ...topic, declared: config.topics.some((declared) => declared.name === name) };
}

/**
 * Creates the topic after checking it like the config would; with `save`, also declares it in the
 * config file. A file that cannot take the topic is refused before the cluster changes.
 */
export async function addTopic(request: TopicRequest, options: CommonOptions & { save?: boolean } = {}): Promise<ResolvedTopic & { savedTo: string | null }> {
  const config = await configOf(options);
  const checked = checkTopicRequest(request, config.brokers, config);
  if (!checked.topic) throw new InvalidArgumentsError('topic add', checked.issues);
  const { topic } = checked;
  const edit = options.save ? await (await import('./config/save-topic.js')).prepareTopicSave(config, topic) : undefined;
  const outcome = await adminFor({ ...options, config }, (admin) => attempt(`create topic '${topic.name}'`, () => admin.createTopic(topic)));
  if (outcome === 'exists') {
    throw new KafkaDevError(`Topic '${topic.name}' already exists in project ${config.name}`, {
      hint: `'kafka-dev topic describe ${topic.name}' shows it; add it to the config file by hand to declare it.`,
    });
  }
  await edit?.write();
  return { ...topic, savedTo: edit?.file ?? null };
}

/** Deletes the topic and its messages; a declared topic comes back, empty, on the next `up`. */
export async function deleteTopic(name: string, options: CommonOptions = {}): Promise<{ name: string; deleted: true; declared: boolean }> {
  const config = await configOf(options);
  await adminFor({ ...options, config }, (admin) => attempt(`delete topic '${name}'`, () => admin.deleteTopics([name])));
  return { name, deleted: true, declared: config.topics.some((topic) => topic.name === name) };
}

export interface InitOptions {
  cwd?: string;
  format?: ConfigFormat;
  /** Replace an existing config file. */
  force?: boolean;
  projectName?: string;
  /** Convert this docker-compose file instead of taking choices. */
  fromCompose?: string;
  choices?: InitChoices;
  /** Asks for what `choices` leaves open (a terminal prompt); default: the defaults. */
  ask?: (given: InitChoices) => Promise<InitChoices>;
  onWarning?: (message: string) => void;
}

export interface InitResult {
  readonly fileName: string;
  readonly config: ResolvedConfig;
  /** What the compose file had that the config cannot say. */
  readonly notCarried: readonly string[];
  /** A TypeScript config imports kafka-dev, which does not resolve from `cwd` yet. */
  readonly needsInstall: boolean;
}

/** Writes a commented config for the choices, or converts a compose file; never overwrites without `force`. */
export async function init(options: InitOptions = {}): Promise<InitResult> {
  const cwd = options.cwd ?? process.cwd();
  const format = options.format ?? runDefaults.initFormat;
  const { configFileNames, configFileText, spelledOut } = await import('./init/config-file.js');
  const fileName = configFileNames[format];
  refuseToOverwrite(cwd, fileName, options);
  const draft = options.fromCompose ? await draftFromCompose(options.fromCompose, cwd, options.projectName) : await draftFromChoices(options);
  const config = parseConfig(draft.config, { source: 'kafka-dev init', defaultName: basename(cwd), env: {} });
  await writeFile(join(cwd, fileName), configFileText(spelledOut(config, { clusterId: 'clusterId' in draft.config }), format, draft.header(config)));
  return { fileName, config, notCarried: draft.notCarried, needsInstall: format === 'ts' && !installedIn(cwd) };
}

/** The first problem the config's own validation finds at `path` for these choices, for answering a prompt on the spot. */
export function choiceProblem(choices: InitChoices, path: string): string | undefined {
  return problemAt(configFromChoices(choices), path);
}

interface Draft {
  /** Validated when resolved. */
  readonly config: UserConfig | Record<string, unknown>;
  /** Opening comment lines of the written file. */
  readonly header: (config: ResolvedConfig) => string[];
  readonly notCarried: readonly string[];
}

/** Any config file here would be read instead of, or beside, the new one: refuse unless `force`. */
function refuseToOverwrite(cwd: string, fileName: string, options: InitOptions): void {
  const existing = readableConfigFiles.filter((name) => existsSync(join(cwd, name)));
  if (existing.length === 0) return;
  if (!options.force) {
    throw new KafkaDevError(`${existing.join(', ')} already exists in ${cwd}; nothing was written`, {
      hint: `Edit it, or run 'kafka-dev init --force' to replace ${fileName}.`,
    });
  }
  const winner = readableConfigFiles.find((name) => name === fileName || existing.includes(name));
  if (winner !== fileName) options.onWarning?.(`${winner} is also here and is read first; delete it to use ${fileName}`);
}

async function draftFromChoices(options: InitOptions): Promise<Draft> {
  const given = options.choices ?? {};
  const choices = options.ask ? await options.ask(given) : given;
  return {
    config: configFromChoices(choices),
    header: (config) => [`Written by 'kafka-dev init': ${config.mode} mode, ${plural(config.brokers, 'broker')}.`],
    notCarried: [],
  };
}

async function draftFromCompose(file: string, cwd: string, projectName: string | undefined): Promise<Draft> {
  const document = await (await import('./compose/read.js')).readComposeFile(file, cwd);
  const { config, notCarried } = (await import('./init/from-compose.js')).configFromCompose(document);
  return {
    config: projectName ? { ...config, name: projectName } : config,
    header: () => [
      `Converted from ${document.file} by 'kafka-dev init --from-compose'.`,
      ...(notCarried.length > 0 ? ['Not carried over:', ...notCarried.map((note) => `- ${note}`)] : []),
    ],
    notCarried,
  };
}

/** Whether `import ... from 'kafka-dev'` resolves from the folder, as a written TypeScript config needs. */
function installedIn(folder: string): boolean {
  try {
    createRequire(join(folder, 'noop.js')).resolve('kafka-dev');
    return true;
  } catch {
    return false;
  }
}
