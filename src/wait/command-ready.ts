import { shortText } from '../base/text.js';
import type { ContainerRuntime } from '../engine/runtime.js';
import type { WaitStrategy } from './wait-strategy.js';

/** A companion is ready when a command run in its container exits 0. */
export class CommandReady implements WaitStrategy {
  readonly description: string;

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly container: string,
    private readonly command: readonly string[],
    private readonly timeoutMs = 10_000,
  ) {
    this.description = `'${command.join(' ')}' exits 0 in ${container}`;
  }

  async check(): Promise<void> {
    const { exitCode, output } = await this.runtime.execInContainer(this.container, this.command, this.timeoutMs);
    if (exitCode !== 0) throw new Error(`exit code ${exitCode}${output.trim() ? `: ${shortText(output.trim().split('\n').at(-1)!)}` : ''}`);
  }
}
