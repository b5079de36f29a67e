import { Listr, ListrLogger, PRESET_TIMER, ProcessOutput } from 'listr2';
import type { Step } from '../api.js';

/**
 * Runs steps as a listr2 task list: live on a terminal, plain lines in CI or a pipe. Progress is
 * not the command's result, so all of it goes to stderr (listr2 would write to stdout).
 */
export async function runWithProgress(steps: readonly Step[], signal: AbortSignal): Promise<void> {
  const plain = !process.stderr.isTTY || Boolean(process.env.CI);
  const processOutput = new ProcessOutput(process.stderr, process.stderr);
  const list = new Listr(
    steps.map((step) => ({
      title: step.title,
      task: async (_: unknown, task: { title: string }) => {
        signal.throwIfAborted();
        const summary = await step.run(signal);
        if (summary) task.title = `${step.title}: ${summary}`;
      },
    })),
    {
      renderer: plain ? 'simple' : 'default',
      rendererOptions: { timer: PRESET_TIMER, logger: new ListrLogger({ processOutput }) },
      exitOnError: true,
      registerSignalListeners: false,
      collectErrors: false,
    },
  );
  await list.run();
}
