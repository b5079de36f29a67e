import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import { downOperation, type DownOptions } from '../../../src/stack/down.js';
import { runOperation } from '../../../src/stack/steps.js';
import { runningStack } from '../../fakes/fake-up.js';
import { FakeRuntime } from '../../fakes/fake-runtime.js';

// A project name of its own, so the project lock is never one an e2e run holds.
const project = 'unit-down';
const config = parseConfig({ brokers: 2 }, { source: 'test', defaultName: project, env: {} });

const down = (runtime: FakeRuntime, options: DownOptions = {}) => runOperation(downOperation(project, runtime, options));

describe('down', () => {
  test('stops the brokers before ZooKeeper, so their controlled shutdown can reach it, then removes containers and network', async () => {
    const runtime = await runningStack(config);
    const result = await down(runtime);
    const stops = runtime.callsOf('stopContainer');
    expect(stops.slice(0, 2).sort()).toEqual([`${project}-kafka-1-1 30s`, `${project}-kafka-2-1 30s`]);
    expect(stops[2]).toBe(`${project}-zookeeper-1 30s`);
    expect(result.containersRemoved.toSorted()).toEqual([`${project}-kafka-1-1`, `${project}-kafka-2-1`, `${project}-zookeeper-1`]);
    expect(result.networksRemoved).toEqual([`${project}_default`]);
    expect(runtime.containers.size + runtime.networks.size).toBe(0);
  });

  test('stops each service while what it needs still runs: companions, then brokers, then dedicated controllers', async () => {
    const kraft = parseConfig(
      { mode: 'kraft', brokers: 2, controllers: 1, connect: {} },
      { source: 'test', defaultName: project, env: { KAFKA_DEV_CONNECT_IMAGE: 'kafka-dev-local/cp-kafka-connect:7.9' } },
    );
    const runtime = await runningStack(kraft);
    const summaries: string[] = [];
    await runOperation(downOperation(project, runtime), { onStep: ({ step, summary }) => summaries.push(`${step.title}: ${summary}`) });
    expect(summaries).toContain(`Stop containers: stopped ${project}-connect-1-1, then ${project}-kafka-1-1, ${project}-kafka-2-1, then ${project}-controller-1`);
    const stops = runtime.callsOf('stopContainer').map((call) => call.replace(`${project}-`, '').replace(' 30s', ''));
    expect(stops[0]).toBe('connect-1-1');
    expect(stops.slice(1, 3).sort()).toEqual(['kafka-1-1', 'kafka-2-1']);
    expect(stops.slice(3)).toEqual(['controller-1']);
  });

  test('keeps the volumes, and with them the data, unless asked', async () => {
    const runtime = await runningStack(config);
    const volumes = [...runtime.volumes.keys()];
    const result = await down(runtime);
    expect(result.volumesKept).toEqual(volumes);
    expect(result.volumesRemoved).toEqual([]);
    expect(runtime.callsOf('removeVolume')).toEqual([]);
  });

  test('with volumes: true, deletes the volumes too', async () => {
    const runtime = await runningStack(config);
    const volumes = [...runtime.volumes.keys()];
    const result = await down(runtime, { volumes: true });
    expect(result.volumesRemoved).toEqual(volumes);
    expect(runtime.volumes.size).toBe(0);
  });

  test("with volumes: true, the stack's passwords and certificates go too, and its state folder when nothing else is in it; without, they stay", async () => {
    const state = await mkdtemp(join(tmpdir(), 'kafka-dev-unit-down-'));
    const securityDirectory = join(state, project, 'security');
    await mkdir(join(securityDirectory, 'broker'), { recursive: true });
    await writeFile(join(securityDirectory, 'state.json'), '{}');

    const kept = await down(await runningStack(config), { securityDirectory });
    expect(kept.securityRemoved).toBeUndefined();
    expect(existsSync(join(securityDirectory, 'state.json'))).toBe(true);

    const removed = await down(await runningStack(config), { volumes: true, securityDirectory });
    expect(removed.securityRemoved).toBe(securityDirectory);
    expect(existsSync(join(state, project))).toBe(false);

    const again = await down(await runningStack(config), { volumes: true, securityDirectory });
    expect(again.securityRemoved).toBeUndefined();
    await rm(state, { recursive: true, force: true });
  });

  test('gives each container the stop timeout asked for', async () => {
    const runtime = await runningStack(config);
    await down(runtime, { stopTimeoutSeconds: 5 });
    expect(runtime.callsOf('stopContainer').every((call) => call.endsWith(' 5s'))).toBe(true);
  });

  test('with nothing there, it removes nothing and says so', async () => {
    const runtime = new FakeRuntime();
    const steps: string[] = [];
    await runOperation(downOperation(project, runtime), { onStep: ({ step, summary }) => steps.push(`${step.title}: ${summary}`) });
    expect(steps).toEqual([
      `Connect to the Docker engine: Docker 28.0.0-fake; 0 containers in project ${project}`,
      'Stop containers: none running',
      'Remove containers and network: 0 containers, 0 networks',
      'Keep volumes: no volumes',
    ]);
  });
});
