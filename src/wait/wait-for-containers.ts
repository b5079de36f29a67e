/**
 * Waiting on a check that containers must pass: waiting stops as soon as one of them is gone or
 * has stopped, unless a restart policy recognises the stop as one a restart repairs.
 */

import type { ContainerRuntime } from '../engine/runtime.js';
import { waitFor, type WaitStrategy } from './wait-strategy.js';

/**
 * Waiting on a check that containers must pass: waiting stops as soon as one of them is gone or
 * has stopped, unless a restart policy recognises the stop as one a restart repairs.
 */
export interface RestartPolicy {
  /** Found in the stopped container's log when a restart is the repair. */
  readonly logPattern: RegExp;
  /** Log lines read for the pattern. */
  readonly logLines: number;
  /** Restarts over all the watched containers, before a stop counts as a failure again. */
  readonly maxRestarts: number;
}

/**
 * A broker that was killed (not stopped) leaves its ZooKeeper session, and the node
 * /brokers/ids/N, alive until the session times out (zookeeper.session.timeout.ms); a new broker with that id
 * exits at once. Starting it again once the session expired is the repair.
 */
export const restartOnStaleBrokerSession: RestartPolicy = {
  logPattern: /Error while creating ephemeral at \/brokers\/ids\/\d+, node already exists/,
  logLines: 200,
  maxRestarts: 20,
};

export interface ContainerWaitOptions {
  readonly runtime: ContainerRuntime;
  /** Names of the containers that must keep running. */
  readonly containers: readonly string[];
  readonly timeoutMs: number;
  readonly restart?: RestartPolicy;
  readonly signal?: AbortSignal;
}

/** Polls the strategy until it passes; a NotReadyError when it times out or a container stops for good. */
export async function waitForContainers(strategy: WaitStrategy, options: ContainerWaitOptions): Promise<void> {
  const { timeoutMs, signal } = options;
  await waitFor(strategy, { timeoutMs, signal, gaveUp: stoppedContainer(options) });
}

/** The give-up check: why one of the containers cannot become ready, or null while all run (after any repairing restart). */
function stoppedContainer({ runtime, containers, restart }: ContainerWaitOptions): () => Promise<string | null> {
  let restarts = 0;
  const repairable = async (name: string) =>
    restart !== undefined && restarts < restart.maxRestarts && restart.logPattern.test(await runtime.containerLogs(name, restart.logLines));
  return async () => {
    for (const name of containers) {
      const details = await runtime.inspectContainer(name);
      if (!details) return `container ${name} was removed`;
      if (details.state === 'running' || details.state === 'restarting') continue;
      if (await repairable(name)) {
        restarts += 1;
        await runtime.startContainer(name);
        continue;
      }
      return `container ${name} stopped (${details.state}, exit code ${details.exitCode})`;
    }
    return null;
  };
}
