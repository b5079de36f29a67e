import { loadConfig } from '../../config/load.js';
import { DockerodeRuntime } from '../../engine/dockerode-runtime.js';
import { defaultStopTimeoutSeconds, downOperation } from '../../stack/down.js';
import { loadOptions, secondsFlag, type GlobalFlags } from '../options.js';
import { runWithProgress } from '../tasks.js';

export interface DownFlags extends GlobalFlags {
  volumes?: boolean;
  timeout?: string;
}

export async function downCommand(flags: DownFlags, signal: AbortSignal): Promise<void> {
  const config = await loadConfig(loadOptions(flags));
  const stopTimeoutSeconds = secondsFlag('timeout', flags.timeout, defaultStopTimeoutSeconds) / 1000;
  await runWithProgress(
    downOperation(config.name, new DockerodeRuntime(), { volumes: flags.volumes, stopTimeoutSeconds }),
    signal,
  );
}
