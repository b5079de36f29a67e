import { brokersOf, listenerExposure } from '../../compose/stack.js';
import type { LintRule } from '../rule.js';

/** Why a host client cannot use an advertised host, or undefined when it can. */
function unreachableBecause(host: string, networkNames: ReadonlySet<string>): string | undefined {
  if (host === '') return "no host, so Kafka advertises the container's own host name, which only Docker's network knows";
  if (host === '0.0.0.0') return "0.0.0.0, which is a bind address, not one a client can connect to (Kafka refuses to start with it)";
  if (networkNames.has(host)) return `'${host}', a name only Docker's DNS on the compose network resolves`;
  return undefined;
}

export const advertisedHostUnresolvable: LintRule = {
  id: 'advertised-host-unresolvable',
  severity: 'error',
  check: (stack) =>
    brokersOf(stack).flatMap((node) =>
      listenerExposure(node).flatMap(({ listener, published }) => {
        const reason = published && unreachableBecause(listener.host, stack.networkNames);
        if (!published || !reason) return [];
        const hostPort = published.published ?? listener.port;
        return [
          {
            line: listener.line,
            service: node.service.name,
            problem: `listener ${listener.name} is published to the host (${published.text}) but advertises ${reason}`,
            why: `a client on the host bootstraps, is then told to connect to '${listener.host || '<container id>'}:${listener.port}', and fails with "Name or service not known" or a timeout`,
            fix: `advertise localhost:${hostPort} on ${listener.name}, and give containers a second listener that advertises ${node.service.name}:<another port> (kafka-dev's OUTSIDE and INSIDE); or drop the port mapping if only containers use ${listener.name}`,
          },
        ];
      }),
    ),
};
