import type { ResolvedConfig } from '../model/types.js';
import type { ContainerRuntime } from '../engine/runtime.js';
import { projectLabels } from '../engine/labels.js';
import { describeThrown } from '../base/text.js';
import { allChecks, stackRunning, type Check, type CheckResult, type DoctorContext } from './doctor-checks.js';
import { securityChecks } from './security-checks.js';
import { connectCheck } from './connect-checks.js';

export interface DoctorReport {
  readonly project: string;
  readonly results: readonly CheckResult[];
  /** No check failed. */
  readonly ok: boolean;
}

/** Runs every check in order; each one says pass, warn, fail or skip, with the fix when it is not a pass. */
export async function runDoctor(config: ResolvedConfig, runtime: ContainerRuntime, checks: readonly Check[] = [...allChecks, ...securityChecks, connectCheck()]): Promise<DoctorReport> {
  const context = await gatherContext(config, runtime);
  const running = context.engine !== null && stackRunning(context);
  const results: CheckResult[] = [];
  for (const check of checks.filter((candidate) => candidate.appliesTo?.(config) ?? true)) {
    const skipReason =
      check.needs !== 'nothing' && !context.engine
        ? 'needs the Docker engine'
        : check.needs === 'stack' && !running
          ? "the stack is not running ('kafka-dev up' starts it)"
          : null;
    const outcome = skipReason
      ? { verdict: 'skip' as const, detail: skipReason }
      : await check.run(context).catch((error: Error) => ({ verdict: 'fail' as const, detail: `the check itself failed: ${error.message}` }));
    results.push({ check: check.name, ...outcome });
  }
  return { project: config.name, results, ok: results.every((result) => result.verdict !== 'fail') };
}

async function gatherContext(config: ResolvedConfig, runtime: ContainerRuntime): Promise<DoctorContext> {
  let engineProblem: string | undefined;
  const engine = await runtime.info().then(
    async (info) => ({ ...info, rootDir: await runtime.dataRoot().catch(() => undefined) }),
    (error: unknown) => {
      engineProblem = describeThrown(error);
      return null;
    },
  );
  if (!engine) return { config, runtime, engine, engineProblem, projectContainers: [], allContainers: [], projectVolumes: [] };
  const labels = projectLabels(config.name);
  const [projectContainers, allContainers, projectVolumes] = await Promise.all([
    runtime.listContainers(labels),
    runtime.listContainers(),
    runtime.listVolumes(labels),
  ]);
  return { config, runtime, engine, projectContainers, allContainers, projectVolumes };
}
