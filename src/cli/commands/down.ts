import { down, loadConfig } from '../../api.js';
import { runDefaults } from '../../model/defaults.js';
import { loadOptions, secondsFlag, type GlobalFlags } from '../options.js';
import { printResult, progress } from '../output.js';
import { runWithProgress } from '../tasks.js';

export interface DownFlags extends GlobalFlags {
  volumes?: boolean;
  timeout?: string;
  json?: boolean;
}

export async function downCommand(flags: DownFlags, signal: AbortSignal): Promise<void> {
  const stopTimeoutSeconds = secondsFlag('timeout', flags.timeout, runDefaults.stopTimeoutSeconds) / 1000;
  const config = await loadConfig({ ...loadOptions('down', flags), signal });
  const result = await down({ config, context: flags.context, signal, runSteps: runWithProgress, onWait: progress, volumes: flags.volumes, stopTimeoutSeconds });
  const list = (names: readonly string[]) => names.join(', ') || 'none';
  printResult(flags, result, () =>
    [
      `Project ${result.project} is down: stopped and removed ${list(result.containersRemoved)}; network ${list(result.networksRemoved)}`,
      result.volumesRemoved.length > 0 ? `  deleted volumes ${list(result.volumesRemoved)}` : undefined,
      result.securityRemoved ? `  deleted its passwords and certificates (${result.securityRemoved}); the next up makes new ones` : undefined,
      result.volumesKept.length > 0 ? `  kept volumes ${list(result.volumesKept)} (down --volumes deletes the data)` : undefined,
      '',
    ]
      .filter((line) => line !== undefined)
      .join('\n'),
  );
}
