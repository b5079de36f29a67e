import { brokersOf, listenerExposure } from '../../compose/stack.js';
import type { LintRule } from '../rule.js';

/** The advertised host, unless only the compose network knows it. */
function hostForHostClients(host: string, networkNames: ReadonlySet<string>): string {
  return host === '' || networkNames.has(host) ? 'localhost' : host;
}

export const advertisedPortMismatch: LintRule = {
  id: 'advertised-port-mismatch',
  severity: 'error',
  check: (stack) =>
    brokersOf(stack).flatMap((node) =>
      listenerExposure(node).flatMap(({ listener, containerPort, published }) => {
        if (published?.published === undefined || published.published === listener.port) return [];
        return [
          {
            line: listener.line,
            service: node.service.name,
            problem: `listener ${listener.name} advertises port ${listener.port}, but its container port ${containerPort} is published on host port ${published.published} (${published.text})`,
            why: `a client on the host bootstraps on ${published.published}, is then told to reconnect to port ${listener.port}, where this broker does not answer`,
            fix: `advertise port ${published.published} on ${listener.name} (${listener.name}://${hostForHostClients(listener.host, stack.networkNames)}:${published.published}), or publish it as ${published.hostIp ? `${published.hostIp}:` : ''}${listener.port}:${containerPort}`,
          },
        ];
      }),
    ),
};
