/**
 * The waits of `up`. ZooKeeper is waited for on its own (its answer names the problem best);
 * dedicated KRaft controllers are proved by the brokers registering.
 */

import { NotReadyError } from '../../base/errors.js';
import { containerName } from '../../engine/labels.js';
import type { UpPlan } from '../../engine/plan.js';
import { reachableHost } from '../../model/cluster.js';
import { runDefaults } from '../../model/defaults.js';
import type { ServiceRole } from '../../model/stack.js';
import { restartOnStaleBrokerSession, waitForContainers, type RestartPolicy } from '../../wait/wait-for-containers.js';
import type { WaitStrategy } from '../../wait/wait-strategy.js';
import type { UpContext } from './context.js';
import { explainWaitFailure } from './wait-failure.js';

const defaultTimeoutMs = runDefaults.timeoutSeconds * 1000;

export async function awaitZookeeper(context: UpContext, plan: UpPlan, signal: AbortSignal): Promise<string> {
  const { zookeeper } = context.config;
  const host = reachableHost(zookeeper.bind);
  await awaitServices(context, plan, 'zookeeper', context.dependencies.zookeeperReady(host, zookeeper.port), signal);
  return `answers on ${host}:${zookeeper.port}`;
}

/** Brokers that were killed may need a restart once their stale ZooKeeper session expired; the wait does that. */
export async function awaitBrokers(context: UpContext, plan: UpPlan, signal: AbortSignal): Promise<string> {
  const expected = plan.services
    .filter(({ spec }) => spec.role === 'broker')
    .map(({ spec }) => {
      const { outside } = spec.node!.broker!;
      return { id: spec.node!.id, address: `${outside.host}:${outside.port}` };
    });
  await awaitServices(context, plan, 'broker', context.dependencies.brokersRegistered(expected), signal, restartOnStaleBrokerSession);
  return `${expected.length} of ${expected.length} answer and are registered, at ${context.bootstrap.host.join(',')}`;
}

/** Waits on the containers of one role; a failed wait comes back with their log tails. */
async function awaitServices(
  { runtime, options }: UpContext,
  plan: UpPlan,
  role: ServiceRole,
  strategy: WaitStrategy,
  signal: AbortSignal,
  restart?: RestartPolicy,
): Promise<void> {
  const containers = plan.services.filter(({ spec }) => spec.role === role).map(({ spec }) => containerName(plan.project, spec.name));
  try {
    await waitForContainers(strategy, { runtime, containers, timeoutMs: options.timeoutMs ?? defaultTimeoutMs, restart, signal });
  } catch (error) {
    if (!(error instanceof NotReadyError)) throw error;
    throw await explainWaitFailure(error, runtime, containers);
  }
}
