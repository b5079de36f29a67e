import { applyTo, deletesSomething, describeApplyPlan, loadConfig, planApplyTo } from '../../api.js';
import { InvalidArgumentsError } from '../../base/errors.js';
import { loadOptions, type GlobalFlags } from '../options.js';
import { printResult, progress } from '../output.js';
import { confirm } from './topic.js';

export interface ApplyFlags extends GlobalFlags {
  bootstrapServer?: string;
  commandConfig?: string;
  dryRun?: boolean;
  prune?: boolean;
  yes?: boolean;
  json?: boolean;
}

export async function applyCommand(flags: ApplyFlags): Promise<void> {
  if (!flags.bootstrapServer) {
    throw new InvalidArgumentsError('kafka-dev apply', [{ path: '--bootstrap-server', message: `${flags.bootstrapServer === '' ? "got ''" : 'missing'}; expected host:port[,host:port]` }]);
  }
  const config = await loadConfig(loadOptions('apply', flags));
  const { plan, target } = await planApplyTo({ config, bootstrapServer: flags.bootstrapServer, commandConfig: flags.commandConfig, prune: flags.prune });
  const changes = describeApplyPlan(plan);
  const header = `Plan for ${plan.bootstrap.join(',')} (${plan.brokers} brokers) from ${config.source}:`;
  const planText = changes.length === 0 ? `${header} nothing to do.\n` : `${header}\n${changes.map((line) => `  ${line}\n`).join('')}`;
  if (flags.dryRun || changes.length === 0) {
    printResult(flags, { source: config.source, plan: changes, applied: [], dryRun: Boolean(flags.dryRun) }, () => planText + (changes.length > 0 ? 'Dry run: nothing was changed.\n' : ''));
    return;
  }
  if (!flags.json) process.stdout.write(planText);
  if (deletesSomething(plan) && !flags.yes) await confirm('Apply this plan, deleting what it lists?');
  progress('Applying the plan');
  const applied = await applyTo(plan, target);
  printResult(flags, { source: config.source, plan: changes, applied, dryRun: false }, () => `Applied ${applied.length} of ${applied.length} changes.\n`);
}
