import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * One `up` or `down` at a time per project on this machine: a second run waits for the first
 * instead of interleaving container changes with it. A lock left by a killed run goes stale.
 */
export async function withProjectLock<T>(project: string, work: () => Promise<T>, onWait?: (message: string) => void): Promise<T> {
  const folder = join(tmpdir(), 'kafka-dev-locks');
  await mkdir(folder, { recursive: true });
  const file = join(folder, project);
  await writeFile(file, '', { flag: 'a' });
  const options = { stale: 15_000, update: 5_000 };
  const release = await lockfile.lock(file, options).catch(async (error: { code?: string }) => {
    if (error.code !== 'ELOCKED') throw error;
    onWait?.(`another kafka-dev up/down is running for project ${project}; waiting for it to finish`);
    return lockfile.lock(file, { ...options, retries: { retries: 1200, minTimeout: 250, maxTimeout: 250 } });
  });
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
