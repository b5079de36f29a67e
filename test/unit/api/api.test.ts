import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { down, render, status, topicListEntries, type Step } from '../../../src/api.js';
import { InvalidArgumentsError, KafkaDevError } from '../../../src/base/errors.js';
import { parseConfig } from '../../../src/config/parse.js';
import { runDefaults } from '../../../src/model/defaults.js';
import { runningStack } from '../../fakes/fake-up.js';

// A project name of its own, so the project lock is never one an e2e run holds.
const project = 'unit-api';
const config = parseConfig({ brokers: 1, topics: [{ name: 'orders' }, { name: 'payments' }] }, { source: 'test', defaultName: project, env: {} });

describe('api', () => {
  test('down runs its steps through the given runner, with the stop timeout of the defaults module', async () => {
    const runtime = await runningStack(config);
    const titles: string[] = [];
    const runSteps = async (steps: readonly Step[], signal: AbortSignal) => {
      for (const step of steps) {
        titles.push(step.title);
        await step.run(signal);
      }
    };
    const result = await down({ config, runtime, runSteps });
    expect(titles[0]).toBe('Connect to the Docker engine');
    expect(result.containersRemoved.length).toBeGreaterThan(0);
    expect(runtime.callsOf('stopContainer').every((call) => call.endsWith(` ${runDefaults.stopTimeoutSeconds}s`))).toBe(true);
  });

  test('status reads the runtime it is given, not a Docker engine', async () => {
    const runtime = await runningStack(config);
    const result = await status({ config, runtime });
    expect(result.project).toBe(project);
    expect(result.services.map((service) => service.container)).toContain(`${project}-zookeeper-1`);
  });

  test('topic list: topics in the cluster with whether the config declares them, then the declared ones still missing, by name', () => {
    expect(topicListEntries(config, [{ name: 'zeta', partitions: 3, replicationFactor: 1 }, { name: 'orders', partitions: 1, replicationFactor: 1 }])).toEqual([
      { name: 'orders', partitions: 1, replicationFactor: 1, declared: true, exists: true },
      { name: 'payments', partitions: null, replicationFactor: null, declared: true, exists: false },
      { name: 'zeta', partitions: 3, replicationFactor: 1, declared: false, exists: true },
    ]);
  });

  test('render writes the file, creating its folders; a folder or an unwritable path is refused naming the path', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'kdt-api-render-'));
    const text = await render({ config, cwd, output: 'deep/er/compose.yml' });
    expect(await readFile(join(cwd, 'deep/er/compose.yml'), 'utf8')).toBe(text);
    await expect(render({ config, cwd, output: '.' })).rejects.toThrow(InvalidArgumentsError);
    await expect(render({ config, cwd, output: '.' })).rejects.toThrow(`--output: got '${cwd}', which is a folder`);
    await expect(render({ config, output: '/proc/nope/x.yml' })).rejects.toThrow(KafkaDevError);
    await expect(render({ config, output: '/proc/nope/x.yml' })).rejects.toThrow('Cannot write /proc/nope/x.yml');
  });
});
