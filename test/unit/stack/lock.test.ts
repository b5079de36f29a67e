import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { withProjectLock } from '../../../src/stack/lock.js';

const lockModule = new URL('../../../src/stack/lock.ts', import.meta.url).href;
const uniqueProject = (purpose: string) => `lock-${purpose}`;

/** Another process that takes the project's lock, says `held`, and keeps it until killed. */
async function holderProcess(project: string) {
  const script = `
    import { withProjectLock } from ${JSON.stringify(lockModule)};
    await withProjectLock(${JSON.stringify(project)}, () => {
      console.log('held');
      setInterval(() => {}, 60_000);
      return new Promise(() => {});
    });`;
  const child = spawn(process.execPath, ['--input-type=module', '--no-warnings', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [first] = (await once(child.stdout, 'data')) as [Buffer];
  expect(first.toString()).toBe('held\n');
  return child;
}

describe('withProjectLock', () => {
  // The locks of these tests (and of the holder processes, which inherit it) in a folder of their own.
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kafka-dev-lock-test-'));
    vi.stubEnv('TMPDIR', folder);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await rm(folder, { recursive: true, force: true });
  });

  test('a second run on the same project waits for the first, and says so', async () => {
    const project = uniqueProject('wait');
    const events: string[] = [];
    let releaseFirst!: () => void;
    const first = withProjectLock(project, async () => {
      events.push('first started');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      events.push('first done');
    });
    await expect.poll(() => events).toEqual(['first started']);
    const second = withProjectLock(project, async () => void events.push('second started'), (message) => events.push(message));
    await expect.poll(() => events).toContain(`another kafka-dev up/down is running for project ${project}; waiting for it to finish`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(events).not.toContain('second started');
    releaseFirst();
    await Promise.all([first, second]);
    expect(events.at(-2)).toBe('first done');
    expect(events.at(-1)).toBe('second started');
  });

  test('a lock whose holder was killed with SIGKILL is taken over within seconds', async () => {
    const project = uniqueProject('killed');
    const holder = await holderProcess(project);
    const messages: string[] = [];
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    const killedAt = Date.now();
    await withProjectLock(project, async () => undefined, (message) => messages.push(message));
    expect(Date.now() - killedAt).toBeLessThan(7_000);
    expect(messages).toEqual([`another kafka-dev up/down is running for project ${project}; waiting for it to finish`]);
  }, 15_000);

  test('many runs in one process (the library API) leave no exit handlers behind', async () => {
    await withProjectLock(uniqueProject('first'), async () => undefined);
    const before = process.listenerCount('exit');
    for (let run = 0; run < 20; run++) await withProjectLock(uniqueProject(`many-${run}`), async () => undefined);
    expect(process.listenerCount('exit')).toBe(before);
  });

  test('a failure of the work itself is passed on, not taken for a held lock', async () => {
    await expect(withProjectLock(uniqueProject('fails'), () => Promise.reject(new Error('Lock file is already being held')))).rejects.toThrow(
      'Lock file is already being held',
    );
  });
});
