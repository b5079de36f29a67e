import { Listr, PRESET_TIMER } from 'listr2';
import { runLocked, type Operation } from '../stack/steps.js';

/** Runs an operation's steps as a listr2 task list: live on a terminal, plain lines in CI or a pipe. */
export async function runWithProgress<Result>(operation: Operation<Result>, signal: AbortSignal): Promise<Result> {
  const plain = !process.stderr.isTTY || Boolean(process.env.CI);
  const list = new Listr(
    operation.steps.map((step) => ({
      title: step.title,
      task: async (_: unknown, task: { title: string }) => {
        signal.throwIfAborted();
        const summary = await step.run(signal);
        if (summary) task.title = `${step.title}: ${summary}`;
      },
    })),
    {
      renderer: plain ? 'simple' : 'default',
      rendererOptions: { timer: PRESET_TIMER },
      exitOnError: true,
      registerSignalListeners: false,
      collectErrors: false,
    },
  );
  return runLocked(operation, signal, () => list.run().then(() => undefined), (message) =>
    process.stderr.write(`${message}\n`),
  );
}
