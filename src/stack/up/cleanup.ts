import type { ServiceRole } from '../../model/stack.js';
import type { ContainerRuntime } from '../../engine/runtime.js';
import { stopAndRemove } from './stop-and-remove.js';

/**
 * What a failed or interrupted run created is removed, data and all: a broker stopped in the middle
 * of its start-up can take 30 s to act on SIGTERM, which is not worth waiting for after Ctrl-C.
 */
const cleanupStopTimeoutSeconds = 10;

/**
 * The undo log of one `up`: the steps append what they create, and only `cleanUp` reads it, so a
 * failed run removes exactly what it made and leaves what existed before.
 */
export class CreatedResources {
  readonly #containers: { readonly id: string; readonly role: ServiceRole }[] = [];
  readonly #networks: string[] = [];
  readonly #volumes: string[] = [];

  container(id: string, role: ServiceRole): void {
    this.#containers.push({ id, role });
  }

  network(name: string): void {
    this.#networks.push(name);
  }

  volume(name: string): void {
    this.#volumes.push(name);
  }

  /** Best effort, in an order that lets Kafka shut down cleanly: brokers first, while ZooKeeper or the controllers still run. */
  async cleanUp(runtime: ContainerRuntime): Promise<void> {
    const brokersFirst = [...this.#containers].sort((a, b) => Number(b.role === 'broker') - Number(a.role === 'broker'));
    for (const { id } of brokersFirst) await stopAndRemove(runtime, id, cleanupStopTimeoutSeconds).catch(() => undefined);
    for (const network of this.#networks) await runtime.removeNetwork(network).catch(() => undefined);
    for (const volume of this.#volumes) await runtime.removeVolume(volume).catch(() => undefined);
  }
}
