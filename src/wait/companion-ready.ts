/** The wait strategy for a companion's readiness check (see ReadyCheck in the model). */
import type { ContainerRuntime } from '../engine/runtime.js';
import type { ReadyCheck } from '../model/stack.js';
import { CommandReady } from './command-ready.js';
import { HttpReady } from './http-ready.js';
import { LogReady } from './log-ready.js';
import { TcpReady } from './tcp-ready.js';
import type { WaitStrategy } from './wait-strategy.js';

export function companionReady(check: ReadyCheck, runtime: ContainerRuntime, container: string): WaitStrategy {
  switch (check.kind) {
    case 'http':
      return new HttpReady(check.url);
    case 'tcp':
      return new TcpReady(check.host, check.port);
    case 'log':
      return new LogReady(runtime, container, check.pattern);
    case 'command':
      return new CommandReady(runtime, container, check.command);
    case 'running':
      return containerRunning(runtime, container);
  }
}

/** Without a check, a container that runs is ready (one that stopped makes the wait give up). */
function containerRunning(runtime: ContainerRuntime, container: string): WaitStrategy {
  return {
    description: `${container} runs`,
    async check() {
      const details = await runtime.inspectContainer(container);
      if (details?.state !== 'running') throw new Error(details ? `it is ${details.state}` : 'no container');
    },
  };
}
