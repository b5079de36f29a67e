/**
 * Companions start once the brokers answer, in the order their `dependsOn` gives: each wave
 * starts together, and the next one starts when every service of the wave passed its readiness
 * check. A failed check comes back with the service's last log lines.
 */
import { containerName } from '../../engine/labels.js';
import type { ServicePlan, UpPlan } from '../../engine/plan.js';
import { awaitServices } from './await-ready.js';
import { startService } from './apply.js';
import type { CreatedResources } from './cleanup.js';
import type { UpContext } from './context.js';

export async function startCompanions(context: UpContext, plan: UpPlan, created: CreatedResources, signal: AbortSignal): Promise<string> {
  const done: string[] = [];
  for (const wave of startWaves(plan.services.filter((service) => service.spec.companion))) {
    const started = await Promise.all(wave.map((service) => startService(context, plan, service, created)));
    await Promise.all(wave.map((service) => awaitCompanion(context, plan, service, signal)));
    done.push(...wave.map((service, index) => `${service.spec.name} ${started[index] ? 'started and ' : ''}ready`));
  }
  return done.join(', ');
}

function awaitCompanion(context: UpContext, plan: UpPlan, service: ServicePlan, signal: AbortSignal): Promise<void> {
  const container = containerName(plan.project, service.spec.name);
  const strategy = context.dependencies.companionReady(service.spec.companion!.ready, context.runtime, container);
  return awaitServices(context, plan, [service], strategy, signal);
}

/** Services whose companion dependencies are all in earlier waves; the config rules refuse cycles. */
export function startWaves(companions: readonly ServicePlan[]): ServicePlan[][] {
  const names = new Set(companions.map(({ spec }) => spec.name));
  const waves: ServicePlan[][] = [];
  const placed = new Set<string>();
  let remaining = [...companions];
  while (remaining.length > 0) {
    const ready = remaining.filter(({ spec }) => spec.dependsOn.every((name) => !names.has(name) || placed.has(name)));
    if (ready.length === 0) throw new Error(`internal: a dependsOn cycle among ${remaining.map(({ spec }) => spec.name).join(', ')}`);
    waves.push(ready);
    for (const { spec } of ready) placed.add(spec.name);
    remaining = remaining.filter((service) => !ready.includes(service));
  }
  return waves;
}
