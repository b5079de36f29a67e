/** Whether each running companion passes its readiness check now (one try, no waiting). */
import { containerName } from '../engine/labels.js';
import type { ContainerRuntime } from '../engine/runtime.js';
import type { StackModel } from '../model/stack.js';
import { companionReady } from '../wait/companion-ready.js';

export async function companionHealth(model: StackModel, runtime: ContainerRuntime, running: ReadonlySet<string>): Promise<Map<string, boolean>> {
  const companions = model.services.filter((spec) => spec.companion && running.has(spec.name));
  const answers = await Promise.all(
    companions.map((spec) =>
      companionReady(spec.companion!.ready, runtime, containerName(model.project, spec.name))
        .check()
        .then(
          () => true,
          () => false,
        ),
    ),
  );
  return new Map(companions.map((spec, index) => [spec.name, answers[index]!]));
}
