import { applyTo, deletesSomething, describeApplyPlan, describeApplyTarget, loadConfig, pendingChanges, planApplyTo } from '../../api.js';
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
  const header = `Plan for ${describeApplyTarget(plan)} from ${config.source}:`;
  const nothingToDo = pendingChanges(plan) === 0;
  const planText = `${header}${changes.map((line) => `\n  ${line}`).join('')}${nothingToDo ? `${changes.length > 0 ? '\n' : ' '}nothing to do.` : ''}\n`;
  if (flags.dryRun || nothingToDo) {
    printResult(flags, { source: config.source, plan: changes, applied: [], dryRun: Boolean(flags.dryRun) }, () => planText + (nothingToDo ? '' : 'Dry run: nothing was changed.\n'));
    return;
  }
  if (!flags.json) process.stdout.write(planText);
  if (deletesSomething(plan) && !flags.yes) await confirm('Apply this plan, deleting what it lists?');
  progress('Applying the plan');
  const applied = await applyTo(plan, target);
  printResult(flags, { source: config.source, plan: changes, applied, dryRun: false }, () => `Applied ${applied.length} of ${applied.length} changes.\n`);
}
