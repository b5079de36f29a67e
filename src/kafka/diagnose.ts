import { lookup } from 'node:dns/promises';
import { Socket } from 'node:net';
import { splitHostPort } from '../model/cluster.js';
import { withAdmin } from './admin.js';
import { bootstrapOf, retarget, type KafkaTarget } from './client-options.js';
import { kafkaErrorMessage } from './errors.js';

/** What went wrong on a smoke path, in the words a developer needs, and what to do about it. */
export interface PathProblem {
  readonly problem: string;
  readonly hint: string;
}

const stackDown =
  "Is the stack running? 'kafka-dev status' shows it and 'kafka-dev up' starts it; the port comes from listeners.outside.port.";
const advertisedWrong =
  "A host client connects to the address the broker advertises for OUTSIDE, not to the bootstrap address. kafka-dev sets it from listeners.outside (host and port), so this broker was configured outside kafka-dev: 'kafka-dev down && kafka-dev up' recreates it from the config.";

/**
 * Walks the path a host client takes: TCP to each bootstrap address, a metadata request, then
 * each broker's advertised address (resolve the name, connect). Empty when all of it works.
 * `target` logs in on a secured listener.
 */
export async function diagnoseOutside(target: KafkaTarget, timeoutMs = 3000): Promise<PathProblem[]> {
  const bootstrap = bootstrapOf(target);
  const unreachable = await Promise.all(
    bootstrap.map(async (address) => {
      const reason = await tcpProblem(address, timeoutMs);
      return reason ? { problem: `nothing answers on ${address} (${reason})`, hint: stackDown } : undefined;
    }),
  );
  // One broker down is a degraded cluster, not a broken path: clients bootstrap from any that answers.
  if (unreachable.every(Boolean)) return unreachable.filter((problem) => problem !== undefined);
  const reachable = bootstrap.filter((_, index) => !unreachable[index]);

  let brokers;
  try {
    brokers = (await withAdmin(retarget(target, reachable), (admin) => admin.describeCluster(), { timeoutMs })).brokers;
  } catch (error) {
    return [
      {
        problem: `${bootstrap.join(',')} accepts connections but did not answer a Kafka metadata request: ${kafkaErrorMessage(error)}`,
        hint: "Something other than this stack's broker may hold the port; 'kafka-dev status' shows which containers publish it.",
      },
    ];
  }
  const problems = await Promise.all(
    brokers.map(async ({ id, host, port }) => {
      const address = `${host}:${port}`;
      const who = brokers.length === 1 ? 'the broker' : `broker ${id}`;
      if (!(await resolves(host))) {
        return { problem: `${who} advertises ${address} to host clients, which cannot resolve ${host}`, hint: advertisedWrong };
      }
      const reason = await tcpProblem(address, timeoutMs);
      if (reason) {
        return { problem: `${who} advertises ${address} to host clients, but nothing answers there (${reason})`, hint: advertisedWrong };
      }
      if (!bootstrap.includes(address)) {
        return {
          problem: `${who} advertises ${address} to host clients, but this stack publishes its brokers on ${bootstrap.join(',')}; clients would talk to whatever answers on ${address}`,
          hint: advertisedWrong,
        };
      }
      return undefined;
    }),
  );
  return problems.filter((problem) => problem !== undefined);
}

async function resolves(host: string): Promise<boolean> {
  try {
    await lookup(host);
    return true;
  } catch {
    return false;
  }
}

/** Why a TCP connection to `host:port` fails, in words; undefined when it succeeds. */
export function tcpProblem(address: string, timeoutMs: number): Promise<string | undefined> {
  const { host, port } = splitHostPort(address);
  return new Promise((resolve) => {
    const socket = new Socket();
    const finish = (reason: string | undefined) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(timeoutMs, () => finish(`no answer within ${timeoutMs / 1000} s`));
    socket.once('error', (error: NodeJS.ErrnoException) => finish(socketErrorWords[error.code ?? ''] ?? error.message));
    socket.connect(port, host, () => finish(undefined));
  });
}

const socketErrorWords: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'name not found',
  EAI_AGAIN: 'name lookup failed',
};
