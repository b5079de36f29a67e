/**
 * Steps that hand values on: each step receives what the step before it returned, so no state is
 * shared between them and a step cannot read a value before it exists. The value of the last step
 * is the result.
 */

import type { Step } from './steps.js';

/** What a step hands to the next one, and what it tells the progress display. */
export interface Handoff<Value> {
  readonly value: Value;
  /** One line for the progress display. */
  readonly summary: string;
}

export class Pipeline<Value> {
  private constructor(
    readonly steps: readonly Step[],
    private readonly output: Promise<Value>,
  ) {}

  static from<Value>(initial: Value): Pipeline<Value> {
    return new Pipeline([], Promise.resolve(initial));
  }

  /** A step that runs on the value before it and hands on its own. */
  step<Next>(title: string, run: (input: Value, signal: AbortSignal) => Promise<Handoff<Next>>): Pipeline<Next> {
    const { promise, resolve } = Promise.withResolvers<Next>();
    const step: Step = {
      title,
      run: async (signal) => {
        const { value, summary } = await run(await this.output, signal);
        resolve(value);
        return summary;
      },
    };
    return new Pipeline([...this.steps, step], promise);
  }

  /** A step that only looks at the value (waits, checks) and hands it on unchanged. */
  check(title: string, run: (input: Value, signal: AbortSignal) => Promise<string>): Pipeline<Value> {
    return this.step(title, async (input, signal) => ({ value: input, summary: await run(input, signal) }));
  }

  /** The last step's value, once every step has run. */
  result(): Promise<Value> {
    return this.output;
  }
}
