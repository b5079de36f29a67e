/** The last steps of `up`, on a cluster that answers: the declared topics, then the smoke check. */

import { companionTopics } from '../../model/companions/registry.js';
import { whileClusterSettles } from '../../kafka/admin.js';
import { reconcileTopics, summarizeReconciled } from '../../kafka/reconcile-topics.js';
import { describePlan, isNoop, type UpPlan } from '../../engine/plan.js';
import { smokeFailure, summarizeSmoke, type SmokeDepth } from '../../smoke/smoke.js';
import type { Handoff } from '../pipeline.js';
import { adminTarget } from './admin-target.js';
import type { UpContext } from './context.js';
import type { UpOptions, UpResult } from './options.js';

/** Hands on the result of `up` as it stands without a smoke check. */
export async function reconcileTopicsStep(context: UpContext, plan: UpPlan): Promise<Handoff<UpResult>> {
  const { config, options, dependencies, bootstrap } = context;
  const topics = await dependencies.withAdmin(
    await adminTarget(context),
    (admin) => reconcileTopics(admin, config.topics, { prune: options.prune, owned: companionTopics(config) }),
    whileClusterSettles,
  );
  return {
    value: { project: plan.project, plan: describePlan(plan), unchanged: isNoop(plan), topics, smoke: null, bootstrapServers: bootstrap },
    summary: summarizeReconciled(topics, Boolean(options.verbose)),
  };
}

export async function smokeStep({ config, runtime, options, dependencies }: UpContext, result: UpResult, signal: AbortSignal): Promise<Handoff<UpResult>> {
  const smoke = await dependencies.runSmoke(config, runtime, { messages: options.smokeMessages, depth: smokeDepth(options, result), signal });
  if (!smoke.passed) throw smokeFailure(smoke);
  return { value: { ...result, smoke }, summary: summarizeSmoke(smoke) };
}

/**
 * A stack this run changed gets messages over OUTSIDE and Metadata from a container over INSIDE;
 * one it found running and unchanged only has to show that both listeners still answer with every
 * broker (milliseconds). `--full-smoke` sends messages over both either way.
 */
function smokeDepth(options: UpOptions, result: UpResult): SmokeDepth {
  if (options.fullSmoke) return 'full';
  return result.unchanged ? 'answers' : 'quick';
}
