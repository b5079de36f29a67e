import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consume, kafkaDev, produce, projectDir, removeProject, requireDocker, resourcesOf, uniqueProject } from './helpers.js';

/** Nothing lost: data in the volumes survives down + up, and only down --volumes deletes it. */
describe('data in volumes', () => {
  const project = uniqueProject('data');
  const bootstrap = 'localhost:9092';
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '--project-name', project], { cwd });
  const values = Array.from({ length: 50 }, (_, index) => `kept-${index}`);

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({ topics: [{ name: 'orders', partitions: 1 }] });
  });
  afterAll(() => removeProject(project));

  test('messages produced with acks=all are still there after down and up', async () => {
    expect((await run('up')).exitCode).toBe(0);
    await produce(bootstrap, 'orders', values);
    expect((await run('down')).exitCode).toBe(0);
    expect((await resourcesOf(project)).containers).toEqual([]);

    const again = await run('up');
    expect(again.exitCode, again.stderr + again.stdout).toBe(0);
    expect(again.stdout).toContain('orders: unchanged');
    expect(await consume(bootstrap, 'orders', values.length)).toEqual(values);
  });

  test('after down --volumes, the next up starts empty', async () => {
    expect((await run('down', '--volumes')).exitCode).toBe(0);
    expect((await resourcesOf(project)).volumes).toEqual([]);
    const fresh = await run('up');
    expect(fresh.exitCode, fresh.stderr + fresh.stdout).toBe(0);
    expect(fresh.stdout).toContain('orders: created');
    expect(await consume(bootstrap, 'orders', 1, 5000)).toEqual([]);
    expect((await run('down', '--volumes')).exitCode).toBe(0);
  });
});
