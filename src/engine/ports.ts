import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createServer } from 'node:net';
import { PortInUseError } from '../base/errors.js';
import type { PublishedPort } from '../model/stack.js';
import type { ContainerSummary } from './runtime.js';
import type { UpPlan } from './plan.js';

/** A port `up` is about to publish, and the config field that chose it (for the error message). */
export interface PortRequest extends PublishedPort {
  readonly service: string;
  readonly field: string;
}

export interface PortHolder {
  readonly port: PortRequest;
  /** e.g. "container 'other-kafka-1'" or "process java (pid 4242)". */
  readonly holder: string;
}

const wildcard = new Set(['0.0.0.0', '::', '']);

function sameSocket(a: PublishedPort, b: PublishedPort): boolean {
  return a.host === b.host && (a.bind === b.bind || wildcard.has(a.bind) || wildcard.has(b.bind));
}

/** Ports the plan publishes on containers it creates or starts. */
export function requestedPorts(plan: UpPlan): PortRequest[] {
  return plan.services
    .filter((service) => service.action !== 'keep')
    .flatMap((service) =>
      service.spec.ports.map((port) => ({
        ...port,
        service: service.spec.name,
        field: service.spec.companion?.portsField ?? (service.spec.role === 'broker' ? 'listeners.outside.port' : 'zookeeper.port'),
      })),
    );
}

/** Pure: which requested ports are held by running containers other than those the plan replaces. */
export function containerConflicts(
  requests: readonly PortRequest[],
  running: readonly ContainerSummary[],
  replaced: ReadonlySet<string>,
): PortHolder[] {
  return requests.flatMap((port) => {
    const holder = running.find(
      (container) => container.state === 'running' && !replaced.has(container.id) && container.ports.some((held) => sameSocket(held, port)),
    );
    return holder ? [{ port, holder: `container '${holder.name}'` }] : [];
  });
}

export interface HostProbe {
  isFree(port: PublishedPort): Promise<boolean>;
  /** Best effort: the listening process, or null when it cannot be told. */
  processOn(port: number): Promise<string | null>;
}

export const hostProbe: HostProbe = {
  isFree: ({ bind, host }) => canListen(bind, host),
  async processOn(port) {
    try {
      const { execa } = await import('execa');
      const { stdout } = await execa('ss', ['-Hltnp', `sport = :${port}`], { timeout: 2000 });
      const match = /users:\(\("([^"]+)",pid=(\d+)/.exec(stdout);
      if (!match) return null;
      const [, threadName, pid] = match;
      // ss names the thread (node's is "MainThread"); the command line names the program.
      const argv0 = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0')[0];
      return `process ${argv0 ? basename(argv0) : threadName} (pid ${pid})`;
    } catch {
      return null;
    }
  },
};

/**
 * Who holds each requested port: a running container that is not excused, or a host process.
 * Ports published by excused containers (this project's, or those a plan replaces) are not probed:
 * they are busy now but are this stack's own.
 */
export async function findPortHolders(
  requests: readonly PortRequest[],
  allContainers: readonly ContainerSummary[],
  excused: ReadonlySet<string>,
  probe: HostProbe = hostProbe,
): Promise<PortHolder[]> {
  const holders = containerConflicts(requests, allContainers, excused);
  const heldByExcused = (port: PortRequest) =>
    allContainers.some((container) => excused.has(container.id) && container.ports.some((held) => sameSocket(held, port)));
  for (const port of requests) {
    if (holders.some((holder) => holder.port === port) || heldByExcused(port)) continue;
    if (!(await probe.isFree(port))) holders.push({ port, holder: (await probe.processOn(port.host)) ?? 'another process' });
  }
  return holders;
}

/**
 * Fails before anything is created when a port the plan publishes is taken, naming the port,
 * the holder and the config field that moves it.
 */
export async function assertPortsFree(
  plan: UpPlan,
  allContainers: readonly ContainerSummary[],
  probe: HostProbe = hostProbe,
): Promise<void> {
  const requests = requestedPorts(plan);
  const replaced = new Set(
    [...plan.services.map((service) => service.existing?.id), ...plan.orphans.map((orphan) => orphan.id)].filter(
      (id): id is string => id !== undefined,
    ),
  );
  const conflicts = await findPortHolders(requests, allContainers, replaced, probe);
  if (conflicts.length === 0) return;
  const lines = conflicts.map(
    ({ port, holder }) => `port ${port.host} on ${port.bind} (for ${port.service}, set by '${port.field}') is taken by ${holder}`,
  );
  throw new PortInUseError(`Cannot start: ${lines.join('; ')}. Nothing was created.`, {
    hint: `Stop what holds the port, or choose another one in the config (${[...new Set(conflicts.map((c) => c.port.field))].join(', ')}).`,
  });
}

/**
 * Whether a server could listen on this address and port now. (get-port is not used: it reserves
 * the ports it reports for a while in this process, so a second check would see them taken.)
 */
export function canListen(bind: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: bind, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
