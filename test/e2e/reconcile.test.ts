import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { kafkaDev, projectDir, removeProject, requireDocker, resourcesOf, uniqueProject } from './helpers.js';

/** A changed config recreates only the services whose config hash changed. */
describe('up after a config change', () => {
  const project = uniqueProject('change');
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '--project-name', project], { cwd });
  const idsByService = async () =>
    Object.fromEntries((await resourcesOf(project)).containers.map((c) => [c.Labels['com.docker.compose.service'], c.Id]));

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({});
  });
  afterAll(() => removeProject(project));

  test('a broker setting change recreates the broker only, and a new topic is created', async () => {
    expect((await run('up')).exitCode).toBe(0);
    const before = await idsByService();

    await writeFile(
      join(cwd, 'kafka-dev.config.yaml'),
      stringify({ brokerConfig: { 'log.retention.hours': 1 }, topics: [{ name: 'test' }, { name: 'payments', partitions: 2 }] }),
    );
    const result = await run('up');
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain('recreate kafka');
    expect(result.stdout).toContain('payments: created');

    const after = await idsByService();
    expect(after.zookeeper).toBe(before.zookeeper);
    expect(after.kafka).not.toBe(before.kafka);
    expect((await run('down', '--volumes')).exitCode).toBe(0);
  });
});
