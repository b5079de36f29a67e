import pRetry, { AbortError } from 'p-retry';
import { NotReadyError } from '../base/errors.js';

/** One readiness check. `check` throws, with the reason, while the thing is not ready yet. */
export interface WaitStrategy {
  /** What is awaited, as the end of "waiting until …". */
  readonly description: string;
  check(): Promise<void>;
}

export interface WaitOptions {
  timeoutMs: number;
  /** Pause between checks. Short, so readiness is seen soon after it happens. */
  intervalMs?: number;
  /** Returns why waiting is pointless (e.g. the container exited), or null to go on. */
  gaveUp?: () => Promise<string | null>;
  signal?: AbortSignal;
}

/** Polls until the strategy passes; a timeout or a give-up reason becomes a NotReadyError saying what was awaited. */
export async function waitFor(strategy: WaitStrategy, options: WaitOptions): Promise<void> {
  const { timeoutMs, intervalMs = 100, gaveUp, signal } = options;
  const started = Date.now();
  let lastReason = 'no answer yet';
  try {
    await pRetry(
      async () => {
        try {
          await strategy.check();
        } catch (error) {
          lastReason = error instanceof Error ? error.message : String(error);
          const reason = gaveUp ? await gaveUp() : null;
          if (reason) throw new AbortError(reason);
          if (Date.now() - started >= timeoutMs) {
            throw new AbortError(`timed out after ${Math.round(timeoutMs / 1000)} s (last check: ${lastReason})`);
          }
          throw error;
        }
      },
      { retries: Number.POSITIVE_INFINITY, factor: 1, minTimeout: intervalMs, maxTimeout: intervalMs, randomize: false, signal },
    );
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new NotReadyError(`Gave up waiting until ${strategy.description}: ${reason}`, { cause: error });
  }
}
