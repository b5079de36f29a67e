import { describe, expect, test } from 'vitest';
import { NotReadyError } from '../../../src/base/errors.js';
import { restartOnStaleBrokerSession, waitForContainers } from '../../../src/wait/wait-for-containers.js';
import type { WaitStrategy } from '../../../src/wait/wait-strategy.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';

/** Ready once the named container runs. */
const runs = (runtime: FakeRuntime, name: string): WaitStrategy => ({
  description: `${name} runs`,
  check: async () => {
    if (runtime.container(name)?.state !== 'running') throw new Error('not running');
  },
});

const staleSession = 'Error while creating ephemeral at /brokers/ids/1, node already exists\n';

describe('waitForContainers', () => {
  test('gives up at once when a container is removed', async () => {
    const runtime = new FakeRuntime();
    const error = await waitForContainers(runs(runtime, 'b'), { runtime, containers: ['b'], timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotReadyError);
    expect((error as Error).message).toBe('Gave up waiting until b runs: container b was removed');
  });

  test('gives up at once when a container stopped, naming its state and exit code', async () => {
    const runtime = new FakeRuntime();
    runtime.addContainer({ name: 'b', state: 'exited', exitCode: 137 });
    await expect(waitForContainers(runs(runtime, 'b'), { runtime, containers: ['b'], timeoutMs: 60_000 })).rejects.toThrow(
      'Gave up waiting until b runs: container b stopped (exited, exit code 137)',
    );
  });

  test('without a restart policy, a stale ZooKeeper session is a stop like any other', async () => {
    const runtime = new FakeRuntime();
    runtime.addContainer({ name: 'b', state: 'exited', exitCode: 1, logs: staleSession });
    await expect(waitForContainers(runs(runtime, 'b'), { runtime, containers: ['b'], timeoutMs: 60_000 })).rejects.toThrow(/container b stopped/);
    expect(runtime.callsOf('startContainer')).toEqual([]);
  });

  test('with the stale-session policy, a broker that exited on its old session is started again until it runs', async () => {
    const runtime = new FakeRuntime();
    runtime.addContainer({ name: 'b', state: 'exited', exitCode: 1, logs: staleSession });
    runtime.exitOnStart.set('b', { exitCode: 1, logs: staleSession, times: 2 });
    await waitForContainers(runs(runtime, 'b'), { runtime, containers: ['b'], timeoutMs: 60_000, restart: restartOnStaleBrokerSession });
    expect(runtime.callsOf('startContainer')).toEqual(['b', 'b', 'b']);
  });

  test('the policy restarts at most maxRestarts times, then the stop counts', async () => {
    const runtime = new FakeRuntime();
    runtime.addContainer({ name: 'b', state: 'exited', exitCode: 1, logs: staleSession });
    runtime.exitOnStart.set('b', { exitCode: 1, logs: staleSession });
    const restart = { ...restartOnStaleBrokerSession, maxRestarts: 3 };
    await expect(waitForContainers(runs(runtime, 'b'), { runtime, containers: ['b'], timeoutMs: 60_000, restart })).rejects.toThrow(/container b stopped/);
    expect(runtime.callsOf('startContainer')).toHaveLength(3);
  });
});
