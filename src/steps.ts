/**
 * A long operation as a list of titled steps, so the CLI can show progress (listr2) and the API
 * can run the same steps quietly. A step returns a one-line summary of what it did.
 */
export interface Step {
  readonly title: string;
  run(signal: AbortSignal): Promise<string | void>;
}

export interface Operation<Result> {
  readonly steps: readonly Step[];
  /** Called once when a step fails or the run is aborted, before the error is rethrown. */
  onFailure(error: unknown): Promise<void>;
  result(): Result;
}

export type StepListener = (event: { step: Step; summary?: string; durationMs: number }) => void;

/** Runs the steps in order, without any UI. */
export async function runOperation<Result>(
  operation: Operation<Result>,
  options: { signal?: AbortSignal; onStep?: StepListener } = {},
): Promise<Result> {
  const signal = options.signal ?? new AbortController().signal;
  try {
    for (const step of operation.steps) {
      signal.throwIfAborted();
      const started = performance.now();
      const summary = await step.run(signal);
      options.onStep?.({ step, summary: summary ?? undefined, durationMs: performance.now() - started });
    }
  } catch (error) {
    await operation.onFailure(error);
    throw error;
  }
  return operation.result();
}
