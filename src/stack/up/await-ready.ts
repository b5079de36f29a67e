/**
 * The waits of `up`. ZooKeeper is waited for on its own (its answer names the problem best);
 * dedicated KRaft controllers are proved by the brokers registering.
 */

import { adminTarget } from './admin-target.js';
import { NotReadyError } from '../../base/errors.js';
import { containerName } from '../../engine/labels.js';
import type { ServicePlan, UpPlan } from '../../engine/plan.js';
import { reachableHost } from '../../model/cluster.js';
import { runDefaults } from '../../model/defaults.js';
import type { ServiceRole, ServiceSpec } from '../../model/stack.js';
import { restartOnStaleBrokerSession, waitForContainers, type RestartPolicy } from '../../wait/wait-for-containers.js';
import type { WaitStrategy } from '../../wait/wait-strategy.js';
import type { UpContext } from './context.js';
import { explainWaitFailure } from './wait-failure.js';

const defaultTimeoutMs = runDefaults.timeoutSeconds * 1000;

export async function awaitZookeeper(context: UpContext, plan: UpPlan, signal: AbortSignal): Promise<string> {
  const { zookeeper } = context.config;
  const host = reachableHost(zookeeper.bind);
  await awaitServices(context, plan, ofRole(plan, 'zookeeper'), context.dependencies.zookeeperReady(host, zookeeper.port), signal);
  return `answers on ${host}:${zookeeper.port}`;
}

/** Brokers that were killed may need a restart once their stale ZooKeeper session expired; the wait does that. */
export async function awaitBrokers(context: UpContext, plan: UpPlan, signal: AbortSignal): Promise<string> {
  const brokers = ofRole(plan, 'broker');
  const expected = brokers.map(({ spec }) => ({ id: spec.node!.id, address: outsideAddress(spec) }));
  const target = await adminTarget(context);
  await awaitServices(context, plan, brokers, context.dependencies.brokersRegistered(expected, target), signal, restartOnStaleBrokerSession);
  return `${expected.length} of ${expected.length} answer and are registered, at ${context.bootstrap.host.join(',')}`;
}

/** Between the start stages of a growing KRaft quorum: the voters started so far have a leader and its metadata log. */
export async function awaitQuorum(context: UpContext, plan: UpPlan, started: readonly ServicePlan[], signal: AbortSignal): Promise<string> {
  const voters = started.filter(({ spec }) => spec.node?.controller).map(({ spec }) => spec.node!.id);
  const brokers = started.filter(({ spec }) => spec.node?.broker).map(({ spec }) => outsideAddress(spec));
  await awaitServices(context, plan, started, context.dependencies.quorumCaughtUp(brokers, voters), signal);
  return `controllers ${voters.join(', ')} caught up`;
}

const ofRole = (plan: UpPlan, role: ServiceRole) => plan.services.filter(({ spec }) => spec.role === role);

/** The broker's OUTSIDE address as the host reaches it. */
const outsideAddress = (spec: ServiceSpec) => {
  const { outside } = spec.node!.broker!;
  return `${outside.host}:${outside.port}`;
};

/** Waits on the containers of these services; a failed wait comes back with their log tails. */
export async function awaitServices(
  { runtime, options }: UpContext,
  plan: UpPlan,
  services: readonly ServicePlan[],
  strategy: WaitStrategy,
  signal: AbortSignal,
  restart?: RestartPolicy,
): Promise<void> {
  const containers = services.map(({ spec }) => containerName(plan.project, spec.name));
  try {
    await waitForContainers(strategy, { runtime, containers, timeoutMs: options.timeoutMs ?? defaultTimeoutMs, restart, signal });
  } catch (error) {
    if (!(error instanceof NotReadyError)) throw error;
    throw await explainWaitFailure(error, runtime, containers);
  }
}
