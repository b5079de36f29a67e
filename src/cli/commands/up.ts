import pc from 'picocolors';
import { loadConfig } from '../../config/load.js';
import { checkWarnings } from '../../config/rules.js';
import { DockerodeRuntime } from '../../engine/dockerode-runtime.js';
import { upOperation } from '../../stack/up.js';
import { describeReconciled } from '../../kafka/reconcile-topics.js';
import { loadOptions, secondsFlag, type GlobalFlags } from '../options.js';
import { runWithProgress } from '../tasks.js';

export interface UpFlags extends GlobalFlags {
  timeout?: string;
  keepOnFailure?: boolean;
  forceRecreate?: boolean;
  verbose?: boolean;
  prune?: boolean;
  /** False with --no-smoke. */
  smoke?: boolean;
}

export async function upCommand(flags: UpFlags, signal: AbortSignal): Promise<void> {
  const config = await loadConfig(loadOptions(flags));
  for (const warning of checkWarnings(config)) process.stderr.write(`${pc.yellow('!')} ${warning}\n`);
  const operation = upOperation(config, new DockerodeRuntime(), {
    timeoutMs: secondsFlag('timeout', flags.timeout, 120),
    keepOnFailure: flags.keepOnFailure,
    forceRecreate: flags.forceRecreate,
    verbose: flags.verbose,
    prune: flags.prune,
    smoke: flags.smoke,
  });
  const result = await runWithProgress(operation, signal);
  process.stdout.write(
    [
      '',
      `${pc.green('Kafka is ready')} (project ${result.project}, config: ${config.source})`,
      `  from the host:      ${result.bootstrapServers.host.join(',')}`,
      `  from containers:    ${result.bootstrapServers.containers.join(',')}  (network ${result.project}_default)`,
      `  topics:             ${describeReconciled(result.topics, Boolean(flags.verbose)).join('\n                      ') || 'none declared'}`,
      '',
    ].join('\n'),
  );
}
