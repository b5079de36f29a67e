import pc from 'picocolors';
import { configWarnings, describeReconciled, loadConfig, networkName, up } from '../../api.js';
import { InvalidArgumentsError } from '../../base/errors.js';
import { quoteText } from '../../base/text.js';
import type { RunningUi } from '../../index.js';
import { runDefaults } from '../../model/defaults.js';
import { loadOptions, secondsFlag, uiPortFlag, type GlobalFlags } from '../options.js';
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
  ui?: boolean;
  uiPort?: string;
}

/** Exit 0 when --ui served until Ctrl-C or SIGTERM: that is how the console ends, and the stack stays up. */
export async function upCommand(flags: UpFlags, signal: AbortSignal): Promise<number | void> {
  const timeoutMs = secondsFlag('timeout', flags.timeout, runDefaults.timeoutSeconds);
  const uiPort = consoleFlags(flags);
  const config = await loadConfig({ ...loadOptions('up', flags), signal });
  for (const warning of configWarnings(config)) warn(warning);
  // Listening before the stack starts: a port in use is refused before anything is created.
  // The console's modules load only with --ui.
  const ui = flags.ui ? await (await import('../../index.js')).startUi({ config, context: flags.context, port: uiPort }) : undefined;
  const result = await upClosingUiOnFailure(ui, {
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
  if (!ui) return;
  await (await import('./ui.js')).serveUntilStopped(ui, signal);
  return 0;
}

/** The port of --ui-port; refuses what --ui cannot go with. */
function consoleFlags(flags: UpFlags): number | undefined {
  const refuse = (path: string, message: string) => new InvalidArgumentsError('kafka-dev up', [{ path, message }]);
  if (flags.uiPort !== undefined && !flags.ui) throw refuse('--ui-port', `got ${quoteText(flags.uiPort)}, but without --ui no console starts; expected --ui with it`);
  // --json is for scripts that read the result to its end: with --ui the output never ends.
  if (flags.ui && flags.json) throw refuse('--json', 'cannot go with --ui, whose console keeps running; expected `kafka-dev up --json` and then `kafka-dev ui`');
  return flags.ui ? uiPortFlag('up', '--ui-port', flags.uiPort) : undefined;
}

async function upClosingUiOnFailure(ui: RunningUi | undefined, options: Parameters<typeof up>[0]): ReturnType<typeof up> {
  try {
    return await up(options);
  } catch (error) {
    await ui?.close();
    throw error;
  }
}
