import type { ContainerRuntime } from '../../engine/runtime.js';

/** A graceful stop first, so a broker deregisters from ZooKeeper instead of leaving a stale session. */
export async function stopAndRemove(runtime: ContainerRuntime, id: string, timeoutSeconds: number): Promise<void> {
  await runtime.stopContainer(id, timeoutSeconds);
  await runtime.removeContainer(id);
}
