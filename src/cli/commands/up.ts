import pc from 'picocolors';
import { configWarnings, describeReconciled, loadConfig, networkName, up } from '../../api.js';
import { runDefaults } from '../../model/defaults.js';
import { loadOptions, secondsFlag, type GlobalFlags } from '../options.js';
import { printResult, progress, warn } from '../output.js';
import { runWithProgress } from '../tasks.js';

export interface UpFlags extends GlobalFlags {
  timeout?: string;
  keepOnFailure?: boolean;
  forceRecreate?: boolean;
  force?: boolean;
  verbose?: boolean;
  prune?: boolean;
  /** False with --no-smoke. */
  smoke?: boolean;
  fullSmoke?: boolean;
  json?: boolean;
}

export async function upCommand(flags: UpFlags, signal: AbortSignal): Promise<void> {
  const timeoutMs = secondsFlag('timeout', flags.timeout, runDefaults.timeoutSeconds);
  const config = await loadConfig({ ...loadOptions('up', flags), signal });
  for (const warning of configWarnings(config)) warn(warning);
  const result = await up({
    config,
    context: flags.context,
    signal,
    runSteps: runWithProgress,
    onWait: progress,
    timeoutMs,
    keepOnFailure: flags.keepOnFailure,
    forceRecreate: flags.forceRecreate,
    force: flags.force,
    verbose: flags.verbose,
    prune: flags.prune,
    smoke: flags.smoke,
    fullSmoke: flags.fullSmoke,
  });
  printResult(flags, result, () =>
    [
      '',
      `${pc.green('Kafka is ready')} (project ${result.project}, config: ${config.source})`,
      `  changes:            ${result.plan}`,
      `  from the host:      ${result.bootstrapServers.host.join(',')}`,
      `  from containers:    ${result.bootstrapServers.containers.join(',')}  (network ${networkName(result.project)})`,
      `  topics:             ${describeReconciled(result.topics, Boolean(flags.verbose)).join('\n                      ') || 'none declared'}`,
      '',
    ].join('\n'),
  );
}
