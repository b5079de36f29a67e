import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kafkaDev, removeProject, repoRoot, requireDocker, resourcesOf } from './helpers.js';

/** The example vitest project (test/example-vitest) run as an application would run its own suite. */
describe('startKafka in a real vitest project', () => {
  const exampleRoot = join(repoRoot, 'test/example-vitest');
  const project = 'kdt-example';
  const runExample = () =>
    execa(process.execPath, [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--root', exampleRoot], {
      cwd: exampleRoot,
      env: { CI: '1', NO_COLOR: '1' },
      reject: false,
    });

  beforeAll(requireDocker);
  afterAll(() => removeProject(project));

  test('the suite passes against the stack its globalSetup starts, and the stack is kept (reuse)', async () => {
    const first = await runExample();
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/2 passed/);
    expect(first.stdout).toMatch(/kafka-dev: localhost:9092 ready in \d+ ms/);
    const running = (await resourcesOf(project)).containers.filter((container) => container.State === 'running');
    expect(running.map((container) => container.Labels['com.docker.compose.service']).sort()).toEqual(['kafka', 'zookeeper']);
  });

  test('a second run reuses the running stack: same containers, suite passes again', async () => {
    const before = (await resourcesOf(project)).containers.map((container) => container.Id).sort();
    const second = await runExample();
    expect(second.exitCode, second.stdout + second.stderr).toBe(0);
    // Logged for the record (speed is measured by the benchmark, not asserted here).
    console.log(second.stdout.match(/kafka-dev: .* ready in \d+ ms/)?.[0]);
    expect((await resourcesOf(project)).containers.map((container) => container.Id).sort()).toEqual(before);
    expect((await kafkaDev(['down', '--volumes', '-p', project], { cwd: exampleRoot })).exitCode).toBe(0);
  });
});
