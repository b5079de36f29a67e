/**
 * Everything `upOperation` talks to besides the engine, in memory: readiness that follows the fake
 * runtime's containers, the fake admin, a smoke check that passes, and host ports that are free.
 */

import type { ResolvedConfig } from '../../src/model/types.js';
import { runOperation } from '../../src/stack/steps.js';
import { upOperation, type UpDependencies } from '../../src/stack/up.js';
import type { SmokeReport } from '../../src/smoke/smoke.js';
import { roleLabel } from '../../src/engine/labels.js';
import type { ServiceRole } from '../../src/model/stack.js';
import type { WaitStrategy } from '../../src/wait/wait-strategy.js';
import { FakeAdmin } from './fake-admin.js';
import { FakeConnect } from './fake-connect.js';
import { FakeRuntime } from './fake-runtime.js';

/** Ready once every container of this role on the fake runtime runs. */
export function runningStrategy(runtime: FakeRuntime, role: ServiceRole): WaitStrategy {
  return {
    description: `every ${role} runs`,
    async check() {
      const containers = [...runtime.containers.values()].filter((container) => container.labels[roleLabel] === role);
      const stopped = containers.filter((container) => container.state !== 'running');
      if (containers.length === 0 || stopped.length > 0) throw new Error(`${stopped.map((c) => c.name).join(', ') || 'none'} not running`);
    },
  };
}

export const passedSmoke = (project: string): SmokeReport => ({ project, partitions: 3, messages: 100, passed: true, paths: [] });

export function fakeUpDependencies(runtime: FakeRuntime, overrides: Partial<UpDependencies> = {}): UpDependencies & { admin: FakeAdmin } {
  const admin = new FakeAdmin();
  return {
    admin,
    zookeeperReady: () => runningStrategy(runtime, 'zookeeper'),
    brokersRegistered: () => runningStrategy(runtime, 'broker'),
    quorumCaughtUp: () => runningStrategy(runtime, 'broker'),
    withAdmin: admin.withAdmin,
    preloadKafkaClient: () => undefined,
    runSmoke: async (config) => passedSmoke(config.name),
    hostPorts: { isFree: async () => true, processOn: async () => null },
    connectClient: () => new FakeConnect(),
    // A companion is ready once its container runs; the real checks are tested on their own.
    companionReady: (_check, _runtime, container) => ({
      description: `${container} runs`,
      async check() {
        if ((await runtime.inspectContainer(container))?.state !== 'running') throw new Error(`${container} not running`);
      },
    }),
    ...overrides,
  };
}

/** A fake engine with the config's stack up and running, as `up` made it, and no calls recorded yet. */
export async function runningStack(config: ResolvedConfig): Promise<FakeRuntime> {
  const runtime = new FakeRuntime([config.images.kafka, config.images.zookeeper, ...(config.connect ? [config.connect.image] : [])]);
  await runOperation(upOperation(config, runtime, { smoke: false }, fakeUpDependencies(runtime)));
  runtime.calls.length = 0;
  return runtime;
}
