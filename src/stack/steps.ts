import { withProjectLock } from './lock.js';
import { InterruptedError } from '../base/errors.js';

/**
 * A long operation as a list of titled steps, so the CLI can show progress (listr2) and the API
 * can run the same steps quietly. A step returns a one-line summary of what it did.
 */
export interface Step {
  readonly title: string;
  run(signal: AbortSignal): Promise<string | void>;
}

export interface Operation<Result> {
  /** Project whose lock the run holds, so two runs on one project never interleave. */
  readonly lock: string;
  readonly steps: readonly Step[];
  /** Called once when a step fails or the run is aborted, before the error is rethrown. */
  onFailure(error: unknown): Promise<void>;
  /** Read once every step has run. */
  result(): Promise<Result>;
}

export type StepListener = (event: { step: Step; summary?: string; durationMs: number }) => void;

/** Runs the steps in order, without any UI. */
export async function runOperation<Result>(
  operation: Operation<Result>,
  options: { signal?: AbortSignal; onStep?: StepListener } = {},
): Promise<Result> {
  const signal = options.signal ?? new AbortController().signal;
  return runLocked(operation, signal, async () => {
    for (const step of operation.steps) {
      signal.throwIfAborted();
      const started = performance.now();
      const summary = await step.run(signal);
      options.onStep?.({ step, summary: summary ?? undefined, durationMs: performance.now() - started });
    }
  });
}

/**
 * The part every runner shares: hold the project lock, run, and on failure or interruption let
 * the operation clean up before the error (an InterruptedError when aborted) goes on.
 */
export async function runLocked<Result>(
  operation: Operation<Result>,
  signal: AbortSignal,
  run: () => Promise<void>,
  onWait?: (message: string) => void,
): Promise<Result> {
  return withProjectLock(
    operation.lock,
    async () => {
      try {
        await run();
        signal.throwIfAborted();
      } catch (error) {
        await operation.onFailure(error);
        if (signal.aborted) {
          throw new InterruptedError(`Interrupted (${String((signal.reason as Error)?.message ?? signal.reason)}); what this run created was removed.`, {
            cause: error,
          });
        }
        throw error;
      }
      return operation.result();
    },
    onWait,
  );
}
