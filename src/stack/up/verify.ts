/** The last steps of `up`, on a cluster that answers: the declared topics, then the smoke check. */

import { whileClusterSettles } from '../../kafka/admin.js';
import { reconcileTopics, summarizeReconciled } from '../../kafka/reconcile-topics.js';
import { describePlan, type UpPlan } from '../../engine/plan.js';
import { smokeFailure, summarizeSmoke } from '../../smoke/smoke.js';
import type { Handoff } from '../pipeline.js';
import type { UpContext } from './context.js';
import type { UpResult } from './options.js';

/** Hands on the result of `up` as it stands without a smoke check. */
export async function reconcileTopicsStep({ config, options, dependencies, bootstrap }: UpContext, plan: UpPlan): Promise<Handoff<UpResult>> {
  const topics = await dependencies.withAdmin(
    bootstrap.host,
    (admin) => reconcileTopics(admin, config.topics, { prune: options.prune }),
    whileClusterSettles,
  );
  return {
    value: { project: plan.project, plan: describePlan(plan), topics, smoke: null, bootstrapServers: bootstrap },
    summary: summarizeReconciled(topics, Boolean(options.verbose)),
  };
}

export async function smokeStep({ config, runtime, options, dependencies }: UpContext, result: UpResult, signal: AbortSignal): Promise<Handoff<UpResult>> {
  const smoke = await dependencies.runSmoke(config, runtime, { messages: options.smokeMessages, signal });
  if (!smoke.passed) throw smokeFailure(smoke);
  return { value: { ...result, smoke }, summary: summarizeSmoke(smoke) };
}
