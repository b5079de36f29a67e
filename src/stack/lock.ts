/**
 * One `up` or `down` at a time per project on this machine: a second run waits for the first
 * instead of interleaving container changes with it. The holder touches its lock every second, so
 * a lock whose holder died (even by SIGKILL, which runs no clean-up) goes stale within seconds and
 * is taken over.
 */
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setLockProvider, withLock, type MutexOption } from '@ster5/global-mutex';

// The mkdir-based provider, whatever else is installed, so the timings below hold. Once: each
// call makes a new provider with an exit handler of its own.
setLockProvider('native');

/** A lock untouched this long belongs to a run that no longer exists. */
const staleMs = 5_000;
const touchEveryMs = 1_000;
const retryEveryMs = 250;

export async function withProjectLock<T>(project: string, work: () => Promise<T>, onWait?: (message: string) => void): Promise<T> {
  const folder = join(tmpdir(), 'kafka-dev-locks');
  await mkdir(folder, { recursive: true });
  const options: MutexOption = { fileToLock: join(folder, project), stale: staleMs, update: touchEveryMs };
  let started = false;
  try {
    return await withLock({ ...options, retries: 0 }, () => {
      started = true;
      return work();
    });
  } catch (error) {
    if (started || !isHeldElsewhere(error)) throw error;
  }
  onWait?.(`another kafka-dev up/down is running for project ${project}; waiting for it to finish`);
  return withLock({ ...options, retries: { forever: true, minTimeout: retryEveryMs, maxTimeout: retryEveryMs } }, work);
}

/** The library's one way of saying that a live holder has the lock. */
function isHeldElsewhere(error: unknown): boolean {
  return error instanceof Error && error.message === 'Lock file is already being held';
}
