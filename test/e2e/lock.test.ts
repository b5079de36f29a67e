import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliPath, kafkaDev, projectDir, removeProject, requireDocker, resourcesOf, uniqueProject } from './helpers.js';

/** The per-project lock when its holder cannot clean up: an `up` killed with SIGKILL must not block the next run. */
describe('project lock', () => {
  const project = uniqueProject('killed-lock');

  beforeAll(requireDocker);
  afterAll(() => removeProject(project));

  test('a down after an up killed with SIGKILL takes the lock over within seconds and removes what the up made', async () => {
    const cwd = await projectDir({});
    const up = execa(process.execPath, [cliPath, 'up', '-p', project], { cwd, env: { CI: '1', NO_COLOR: '1' }, reject: false, all: true });
    // Killed once it is waiting for the brokers: it holds the lock and has made containers by then.
    await new Promise<void>((resolve, reject) => {
      let output = '';
      up.all!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Wait for brokers')) resolve();
      });
      void up.then((result) => reject(new Error(`up ended before waiting for the brokers:\n${result.all}`)));
    });
    up.kill('SIGKILL');
    await up;
    const killedAt = Date.now();
    const down = await kafkaDev(['down', '--volumes', '-p', project], { cwd });
    expect(down.exitCode, down.stderr).toBe(0);
    expect(down.stderr).toContain(`another kafka-dev up/down is running for project ${project}; waiting for it to finish`);
    // 5 s for the lock to go stale, then stopping one broker and ZooKeeper.
    expect(Date.now() - killedAt).toBeLessThan(45_000);
    expect(await resourcesOf(project)).toEqual({ containers: [], networks: [], volumes: [] });
  });
});
