import { describe, expect, test } from 'vitest';
import { ConfigError, ExitCode, ImageUnavailableError, InterruptedError, KafkaDevError, NotReadyError } from '../../../src/base/errors.js';
import { parseConfig } from '../../../src/config/parse.js';
import { clusterLabel, projectLabels } from '../../../src/engine/labels.js';
import type { UserConfig } from '../../../src/model/types.js';
import { downOperation } from '../../../src/stack/down.js';
import { upOperation, type UpOptions } from '../../../src/stack/up.js';
import { runOperation } from '../../../src/stack/steps.js';
import type { WaitStrategy } from '../../../src/wait/wait-strategy.js';
import { fakeUpDependencies, passedSmoke } from '../../fakes/fake-up.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';

// A project name of its own, so the project lock is never one an e2e run holds.
const project = 'unit-up';
const configOf = (user: UserConfig = {}) => parseConfig(user, { source: 'test', defaultName: project, env: {} });
const config = configOf();
const imagesOf = (resolved = config) => [resolved.images.kafka, resolved.images.zookeeper];

/** An engine with the images present and nothing else. */
const freshEngine = () => new FakeRuntime(imagesOf());

/** Runs `up` in memory; `steps` collects "title: summary" lines as the CLI would show them. */
async function up(runtime: FakeRuntime, options: UpOptions = {}, overrides = {}, signal?: AbortSignal, resolved = config) {
  const steps: string[] = [];
  const dependencies = fakeUpDependencies(runtime, overrides);
  const result = await runOperation(upOperation(resolved, runtime, options, dependencies), {
    signal,
    onStep: ({ step, summary }) => steps.push(`${step.title}: ${summary}`),
  });
  return { result, steps, admin: dependencies.admin };
}

const neverReady: WaitStrategy = {
  description: 'the brokers answer',
  check: async () => {
    throw new Error('no answer yet');
  },
};

const names = (runtime: FakeRuntime) => ({
  containers: [...runtime.containers.values()].map((container) => container.name).sort(),
  networks: [...runtime.networks.keys()],
  volumes: [...runtime.volumes.keys()].sort(),
});

describe('up on a fresh engine', () => {
  test('creates the network, then the volumes, then every container, and starts them', async () => {
    const runtime = freshEngine();
    await up(runtime);
    expect(runtime.calls).toEqual([
      `createNetwork ${project}_default`,
      ...[...runtime.volumes.keys()].map((volume) => `createVolume ${volume}`),
      `createContainer ${project}-zookeeper-1`,
      `createContainer ${project}-kafka-1`,
      `startContainer ${project}-zookeeper-1`,
      `startContainer ${project}-kafka-1`,
    ]);
    expect(runtime.volumes.size).toBe(3);
  });

  test('shows each step with what it did, and returns the plan, the topics, the smoke report and the addresses', async () => {
    const { result, steps } = await up(freshEngine(), { smokeMessages: 10 });
    expect(steps).toEqual([
      'Connect to the Docker engine: Docker 28.0.0-fake (API 1.48)',
      `Plan: create zookeeper, create kafka, create network ${project}_default, create 3 volumes`,
      `Check images: present: ${config.images.zookeeper}, ${config.images.kafka}`,
      'Check brokers and their data: every volume belongs to a node of this config',
      'Migrate volumes: no volumes of earlier versions',
      `Create network and volumes: network ${project}_default, 3 new volumes, 0 kept`,
      'Start containers: zookeeper created, kafka created',
      'Wait for ZooKeeper: answers on 127.0.0.1:2181',
      'Wait for brokers: 1 of 1 answer and are registered, at localhost:9092',
      expect.stringMatching(/^Reconcile topics: /),
      expect.stringMatching(/^Smoke check: /),
    ]);
    expect(result).toMatchObject({
      project,
      plan: `create zookeeper, create kafka, create network ${project}_default, create 3 volumes`,
      smoke: { passed: true },
      bootstrapServers: { host: ['localhost:9092'], containers: ['kafka:9093'] },
    });
  });

  test('pulls an image that is not on the machine', async () => {
    const runtime = new FakeRuntime([config.images.zookeeper]);
    const { steps } = await up(runtime, { smoke: false });
    expect(steps).toContain(`Check images: pulled ${config.images.kafka}`);
    expect(runtime.callsOf('pullImage')).toEqual([config.images.kafka]);
  });

  test("without the smoke check there is no smoke step and the result's smoke is null", async () => {
    const { result, steps } = await up(freshEngine(), { smoke: false });
    expect(steps.at(-1)).toMatch(/^Reconcile topics: /);
    expect(result.smoke).toBeNull();
  });

  test('creates the declared topics', async () => {
    const resolved = configOf({ topics: [{ name: 'orders', partitions: 2 }] });
    const { admin, result } = await up(freshEngine(), { smoke: false }, {}, undefined, resolved);
    expect(admin.calls).toEqual(['createTopic orders']);
    expect(result.topics.topics.map((topic) => topic.name)).toEqual(['orders']);
  });
});

describe('up again', () => {
  test('with nothing to change, it creates and starts nothing', async () => {
    const runtime = freshEngine();
    await up(runtime);
    runtime.calls.length = 0;
    const { result, steps } = await up(runtime);
    expect(runtime.calls).toEqual([]);
    expect(result.plan).toBe('nothing to change');
    expect(steps).toContain('Start containers: already running');
  });

  test('after a config change, it recreates only the changed service', async () => {
    const runtime = freshEngine();
    await up(runtime);
    runtime.calls.length = 0;
    const changed = configOf({ brokerConfig: { 'log.retention.hours': 1 } });
    const { result } = await up(runtime, {}, {}, undefined, changed);
    expect(result.plan).toBe('recreate kafka');
    expect(runtime.calls).toEqual([
      `stopContainer ${project}-kafka-1 30s`,
      `removeContainer ${project}-kafka-1`,
      `createContainer ${project}-kafka-1`,
      `startContainer ${project}-kafka-1`,
    ]);
  });

  test('starts a stopped container instead of recreating it', async () => {
    const runtime = freshEngine();
    await up(runtime);
    runtime.container(`${project}-kafka-1`)!.state = 'exited';
    runtime.calls.length = 0;
    const { steps } = await up(runtime);
    expect(runtime.calls).toEqual([`startContainer ${project}-kafka-1`]);
    expect(steps).toContain('Start containers: kafka started');
  });
});

describe('up that fails', () => {
  /** Volumes left by an earlier up and down, a broker that dies at start with a known cause in its log. */
  async function engineWithDyingBroker() {
    const runtime = freshEngine();
    await up(runtime);
    await runOperation(downOperation(project, runtime));
    runtime.exitOnStart.set(`${project}-kafka-1`, { exitCode: 1, logs: 'Starting\njava.lang.OutOfMemoryError: Java heap space\n' });
    const before = names(runtime);
    runtime.calls.length = 0;
    return { runtime, before };
  }

  test('removes what this run created and keeps what existed', async () => {
    const { runtime, before } = await engineWithDyingBroker();
    const error = await up(runtime).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotReadyError);
    expect(names(runtime)).toEqual({ containers: [], networks: [], volumes: before.volumes });
    expect(runtime.callsOf('removeVolume')).toEqual([]);
    // Brokers go first, so they can deregister while ZooKeeper still runs.
    expect(runtime.callsOf('stopContainer')).toEqual([`${project}-kafka-1 10s`, `${project}-zookeeper-1 10s`]);
  });

  test('says which container stopped, shows its last log lines and the likely cause', async () => {
    const { runtime } = await engineWithDyingBroker();
    const error = (await up(runtime).catch((caught: unknown) => caught)) as NotReadyError;
    expect(error.exitCode).toBe(ExitCode.notReady);
    expect(error.message).toBe(
      `Gave up waiting until every broker runs: container ${project}-kafka-1 stopped (exited, exit code 1)\n` +
        `--- last 40 log lines of ${project}-kafka-1 ---\nStarting\njava.lang.OutOfMemoryError: Java heap space\n` +
        "Likely cause: the JVM heap is too small for Kafka; raise 'heap.kafka' (e.g. '512m').",
    );
    expect(error.hint).toMatch(/--keep-on-failure/);
  });

  test('with keepOnFailure, leaves everything in place for inspection', async () => {
    const { runtime } = await engineWithDyingBroker();
    await expect(up(runtime, { keepOnFailure: true })).rejects.toBeInstanceOf(NotReadyError);
    expect(names(runtime).containers).toEqual([`${project}-kafka-1`, `${project}-zookeeper-1`]);
    expect(runtime.callsOf('removeContainer')).toEqual([]);
  });

  test('restarts a broker that exited on a stale ZooKeeper session, and goes on', async () => {
    const runtime = freshEngine();
    const broker = `${project}-kafka-1`;
    // The old session expires after the broker's first two starts.
    const staleSession = 'Error while creating ephemeral at /brokers/ids/1, node already exists\n';
    runtime.exitOnStart.set(broker, { exitCode: 1, logs: staleSession, times: 2 });
    await up(runtime, { smoke: false });
    expect(runtime.callsOf('startContainer').filter((name) => name === broker)).toHaveLength(3);
  });

  test('a create that throws removes what was made before it', async () => {
    const runtime = freshEngine();
    runtime.failCreate.set(`${project}-kafka-1`, new Error('no space left on device'));
    await expect(up(runtime)).rejects.toThrow('no space left on device');
    expect(names(runtime)).toEqual({ containers: [], networks: [], volumes: [] });
  });

  test('an image that cannot be pulled stops up before anything is created', async () => {
    const runtime = new FakeRuntime([config.images.zookeeper]);
    runtime.unpullable.add(config.images.kafka);
    await expect(up(runtime)).rejects.toBeInstanceOf(ImageUnavailableError);
    expect(runtime.calls).toEqual([`pullImage ${config.images.kafka}`]);
  });

  test('a failed smoke check fails up with the smoke error', async () => {
    const runSmoke = async () => ({
      project,
      partitions: 3,
      messages: 100,
      passed: false,
      paths: [{ path: 'outside', bootstrap: 'localhost:9092', topic: 't', status: 'failed', stats: null, problems: [{ problem: 'broker gone', hint: 'Start it.' }], measured: '' }],
    } as const);
    const error = (await up(freshEngine(), {}, { runSmoke }).catch((caught: unknown) => caught)) as KafkaDevError;
    expect(error.exitCode).toBe(ExitCode.smokeFailed);
    expect(error.message).toBe(`Smoke check failed (project ${project}):\n  outside (localhost:9092): broker gone`);
  });
});

describe('how much the smoke check of up proves', () => {
  const depthsOf = async (runtime: FakeRuntime, options: UpOptions = {}) => {
    const depths: unknown[] = [];
    const runSmoke = async (resolved: typeof config, _runtime: unknown, smoke: { depth?: string } = {}) => (depths.push(smoke.depth), passedSmoke(resolved.name));
    await up(runtime, options, { runSmoke });
    return depths;
  };

  test('a stack up creates or changes gets the quick check; one it finds running unchanged only has to answer; --full-smoke always sends messages over both', async () => {
    const runtime = freshEngine();
    expect(await depthsOf(runtime)).toEqual(['quick']);
    expect(await depthsOf(runtime)).toEqual(['answers']);
    expect(await depthsOf(runtime, { fullSmoke: true })).toEqual(['full']);
    expect(await depthsOf(freshEngine(), { fullSmoke: true })).toEqual(['full']);
  });

  test('the result says whether the stack was left unchanged', async () => {
    const runtime = freshEngine();
    expect((await up(runtime)).result.unchanged).toBe(false);
    expect((await up(runtime)).result.unchanged).toBe(true);
  });
});

describe('up interrupted (Ctrl-C)', () => {
  test('during the wait for the brokers, it stops with an InterruptedError (exit code 130) after removing what it made', async () => {
    const runtime = freshEngine();
    const controller = new AbortController();
    const steps: string[] = [];
    const operation = upOperation(config, runtime, {}, fakeUpDependencies(runtime, { brokersRegistered: () => neverReady }));
    const error = await runOperation(operation, {
      signal: controller.signal,
      onStep: ({ step }) => {
        steps.push(step.title);
        if (step.title === 'Wait for ZooKeeper') setTimeout(() => controller.abort(new Error('SIGINT')), 50);
      },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as InterruptedError).exitCode).toBe(130);
    expect((error as Error).message).toBe('Interrupted (SIGINT); what this run created was removed.');
    expect(steps.at(-1)).toBe('Wait for ZooKeeper');
    expect(names(runtime)).toEqual({ containers: [], networks: [], volumes: [] });
  });
});

describe('up refuses before it changes anything', () => {
  test('when a container not of this project holds a name the stack needs', async () => {
    const runtime = freshEngine();
    runtime.addContainer({ name: `${project}-kafka-1`, image: 'nginx:latest' });
    const error = (await up(runtime).catch((caught: unknown) => caught)) as KafkaDevError;
    expect(error.message).toBe(
      `Cannot start: container '${project}-kafka-1' (not made by Compose or kafka-dev, image nginx:latest) already uses a name this stack needs. Nothing was changed.`,
    );
    expect(error.hint).toBe(
      `Remove it (docker rm -f ${project}-kafka-1), choose another project name (-p), or run 'kafka-dev up --force-recreate' to replace it.`,
    );
    expect(runtime.calls).toEqual([]);
  });

  test('when a volume holds the data of another cluster', async () => {
    const runtime = freshEngine();
    const volume = `${project}_zookeeper-data`;
    runtime.volumes.set(volume, { name: volume, labels: { ...projectLabels(project), [clusterLabel]: 'kraft:abc' } });
    const error = (await up(runtime).catch((caught: unknown) => caught)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues).toEqual([
      {
        path: 'mode',
        message: `volume ${volume} holds data of cluster 'kraft:abc', but this config runs 'zookeeper'; start fresh with 'kafka-dev down --volumes' (deletes that data) or keep the data with clusterId: 'abc' in the config`,
      },
    ]);
    expect(runtime.calls).toEqual([]);
  });

  test('when a port the stack publishes is taken on the host', async () => {
    const runtime = freshEngine();
    const hostPorts = { isFree: async ({ host }: { host: number }) => host !== 9092, processOn: async () => 'process java (pid 4242)' };
    await expect(up(runtime, {}, { hostPorts })).rejects.toThrow(
      "Cannot start: port 9092 on 127.0.0.1 (for kafka, set by 'listeners.outside.port') is taken by process java (pid 4242). Nothing was created.",
    );
    expect(runtime.calls).toEqual([]);
  });
});
