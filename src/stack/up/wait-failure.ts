import { NotReadyError } from '../../base/errors.js';
import type { ContainerRuntime } from '../../engine/runtime.js';
import { likelyCause } from '../../health/log-diagnosis.js';

const logLinesOnFailure = 40;
const logLinesScanned = 400;

/**
 * A failed wait in words a developer can act on: the wait's reason, the last log lines of each
 * container concerned, and the likely cause when a log shows a known failure.
 */
export async function explainWaitFailure(error: NotReadyError, runtime: ContainerRuntime, containers: readonly string[]): Promise<NotReadyError> {
  const logs = await Promise.all(containers.map((name) => runtime.containerLogs(name, logLinesScanned).catch(() => '')));
  const shown = containers.map((name, index) => {
    const tail = logs[index]!.trimEnd().split('\n').slice(-logLinesOnFailure).join('\n');
    return `--- last ${logLinesOnFailure} log lines of ${name} ---\n${tail || '(no logs)'}`;
  });
  const cause = logs.map(likelyCause).find((found) => found !== null);
  return new NotReadyError(`${error.message}\n${shown.join('\n')}${cause ? `\nLikely cause: ${cause}.` : ''}`, {
    hint: `Read the log above for the cause; 'kafka-dev logs' shows more. Run 'kafka-dev up --keep-on-failure' to keep the containers for inspection.`,
    cause: error,
  });
}
