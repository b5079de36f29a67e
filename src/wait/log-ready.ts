import type { ContainerRuntime } from '../engine/runtime.js';
import type { WaitStrategy } from './wait-strategy.js';

/** Lines of the log searched for the pattern: enough for a chatty JVM's start-up. */
const linesSearched = 5000;

/** A companion is ready when a line of its container's log matches a regular expression. */
export class LogReady implements WaitStrategy {
  readonly description: string;
  readonly #pattern: RegExp;

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly container: string,
    pattern: string,
  ) {
    this.#pattern = new RegExp(pattern, 'm');
    this.description = `the log of ${container} has a line matching /${pattern}/`;
  }

  async check(): Promise<void> {
    const log = await this.runtime.containerLogs(this.container, linesSearched);
    if (!log.split('\n').some((line) => this.#pattern.test(line))) throw new Error('no matching line yet');
  }
}
