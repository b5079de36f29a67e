import { describe, expect, test } from 'vitest';
import { ConfigError, ExitCode } from '../../../src/base/errors.js';
import { parseConfig } from '../../../src/config/parse.js';
import type { RunRequest } from '../../../src/engine/runtime.js';
import type { TopicDescription } from '../../../src/kafka/admin.js';
import { downOperation } from '../../../src/stack/down.js';
import { runOperation } from '../../../src/stack/steps.js';
import { upOperation, type UpOptions } from '../../../src/stack/up.js';
import { fakeUpDependencies, runningStack } from '../../fakes/fake-up.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';

/**
 * The "Check brokers and their data" step of `up`, in memory: a smaller broker set that would hide
 * partitions is refused before anything changes (asked of the running cluster, or read from the
 * volumes when the stack is down), `force` goes on and says what is offline, scaling up never stops.
 */
const project = 'unit-topology';
const configOf = (brokers: number, mode: 'zookeeper' | 'kraft' = 'zookeeper') => parseConfig({ brokers, mode }, { source: 'test', defaultName: project, env: {} });

// One replica per partition, on brokers 1, 2 and 3.
const spread: TopicDescription = {
  name: 'spread',
  partitions: 3,
  replicationFactor: 1,
  config: {},
  partitionDetails: [1, 2, 3].map((broker, partition) => ({ partition, leader: broker, replicas: [broker], isr: [broker] })),
};

/** What the volume-reading container prints: each broker volume holds its `spread` partition. */
const volumeListing = (request: RunRequest) => ({
  exitCode: 0,
  stderr: '',
  timedOut: false,
  stdout: (request.mounts ?? [])
    .map(({ source }) => {
      const id = /_broker-(\d+)-data$/.exec(source)?.[1];
      return `== ${source}\n${id ? `broker.id=${id}\n--\nspread-${Number(id) - 1}` : '--'}\n`;
    })
    .join(''),
});

async function up(runtime: FakeRuntime, brokers: number, options: UpOptions = {}, mode: 'zookeeper' | 'kraft' = 'zookeeper') {
  const dependencies = fakeUpDependencies(runtime);
  dependencies.admin.topics.set(spread.name, spread);
  const steps: string[] = [];
  const run = runOperation(upOperation(configOf(brokers, mode), runtime, { smoke: false, ...options }, dependencies), {
    onStep: ({ step, summary }) => steps.push(`${step.title}: ${summary}`),
  });
  return { run, steps };
}

const brokerContainers = (runtime: FakeRuntime) =>
  [...runtime.containers.values()].filter((container) => container.labels['dev.kafka-dev.role'] === 'broker').map((container) => `${container.name} ${container.state}`).sort();

describe('a smaller broker set', () => {
  test('while the cluster runs: refused naming each partition that would go offline, and nothing is stopped', async () => {
    const runtime = await runningStack(configOf(3));
    const before = brokerContainers(runtime);
    const { run } = await up(runtime, 1);
    const error = await run.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(ExitCode.config);
    const text = String((error as ConfigError).message);
    expect(text).toContain('spread-1 (replicas on broker 2): no replica would remain');
    expect(text).toContain('spread-2 (replicas on broker 3): no replica would remain');
    expect(text).not.toContain('spread-0');
    expect((error as ConfigError).hint).toMatch(/^Nothing was changed\. keep 'brokers: 3'; .*'kafka-dev up --force'/);
    expect(runtime.calls.filter((call) => /^(stop|remove|create)/.test(call))).toEqual([]);
    expect(brokerContainers(runtime)).toEqual(before);
  });

  test('with force: goes on, says which partitions are offline until which brokers are back, and keeps their volumes', async () => {
    const runtime = await runningStack(configOf(3));
    const { run, steps } = await up(runtime, 1, { force: true });
    await run;
    expect(steps).toContain(
      'Check brokers and their data: forced: spread-1 (replicas on broker 2), spread-2 (replicas on broker 3) offline until brokers 2, 3 are back (the data stays in their volumes)',
    );
    expect(brokerContainers(runtime)).toEqual([`${project}-kafka-1 running`]);
    expect([...runtime.volumes.keys()].filter((volume) => volume.includes('broker-'))).toEqual([1, 2, 3].map((id) => `${project}_broker-${id}-data`));
  });

  test('the brokers that leave stop first and the one that stays last, so it is still in every ISR when it comes back alone', async () => {
    const runtime = await runningStack(configOf(3));
    const { run } = await up(runtime, 1, { force: true });
    await run;
    const stops = runtime.calls.filter((call) => call.startsWith('stopContainer')).map((call) => call.split(' ')[1]);
    expect(stops).toEqual([2, 3, 1].map((id) => `${project}-kafka-${id}-1`));
  });

  test('with the stack down: the partitions are read from the volumes, the start is refused and nothing is created', async () => {
    const runtime = await runningStack(configOf(3));
    await runOperation(downOperation(project, runtime));
    runtime.runResult = volumeListing;
    runtime.calls.length = 0;
    const { run } = await up(runtime, 1);
    const error = await run.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as ConfigError).message)).toMatch(/spread-1 \(replicas on broker 2\).*spread-2 \(replicas on broker 3\)/s);
    expect(runtime.calls.filter((call) => !call.startsWith('runContainer kafka-dev-read-volumes-'))).toEqual([]);
    expect(runtime.containers.size).toBe(0);
  });
});

describe('a larger broker set', () => {
  test('is never refused, whatever the partitions', async () => {
    const runtime = await runningStack(configOf(1));
    const { run, steps } = await up(runtime, 3);
    await run;
    expect(steps).toContain('Check brokers and their data: every volume belongs to a node of this config');
    expect(brokerContainers(runtime)).toHaveLength(3);
  });
});

describe('a growing KRaft quorum', () => {
  const containerCalls = (runtime: FakeRuntime) => runtime.calls.filter((call) => /^(create|start)Container /.test(call));

  test('1 -> 3 combined nodes: the third starts only once node 1 and the second have a leader and its log', async () => {
    const runtime = await runningStack(configOf(1, 'kraft'));
    const { run, steps } = await up(runtime, 3, {}, 'kraft');
    await run;
    const [one, two, three] = [1, 2, 3].map((id) => `${project}-kafka-${id}-1`);
    expect(containerCalls(runtime)).toEqual([
      `createContainer ${one}`,
      `createContainer ${two}`,
      `startContainer ${one}`,
      `startContainer ${two}`,
      `createContainer ${three}`,
      `startContainer ${three}`,
    ]);
    expect(steps.find((step) => step.startsWith('Start containers'))).toMatch(/kafka-2 created, then, once controllers 1, 2 caught up, kafka-3 created$/);
  });

  test('3 -> 1 -> 3: the returning nodes old logs do not count, so they cannot out-vote the node that kept running', async () => {
    const runtime = await runningStack(configOf(3, 'kraft'));
    await (await up(runtime, 1, { force: true }, 'kraft')).run;
    runtime.calls.length = 0;
    const { run, steps } = await up(runtime, 3, {}, 'kraft');
    await run;
    expect(steps.find((step) => step.startsWith('Start containers'))).toMatch(/then, once controllers 1, 2 caught up, kafka-3 created$/);
  });

  test('a fresh quorum starts every node at once', async () => {
    const runtime = new FakeRuntime([configOf(3, 'kraft').images.kafka]);
    const { run, steps } = await up(runtime, 3, {}, 'kraft');
    await run;
    expect(steps.find((step) => step.startsWith('Start containers'))).not.toContain('caught up');
  });
});
