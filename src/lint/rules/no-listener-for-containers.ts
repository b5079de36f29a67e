import { brokersOf, loopbackHosts } from '../../compose/stack.js';
import type { LintRule } from '../rule.js';

export const noListenerForContainers: LintRule = {
  id: 'no-listener-for-containers',
  severity: 'warning',
  check: (stack) =>
    brokersOf(stack).flatMap((node) => {
      const [first] = node.advertised;
      if (!first || !node.advertised.every((listener) => loopbackHosts.has(listener.host))) return [];
      return [
        {
          line: first.line,
          service: node.service.name,
          problem: `every advertised listener (${node.advertised.map((listener) => `${listener.name}://${listener.host}:${listener.port}`).join(', ')}) points at localhost`,
          why: `a container that bootstraps on ${node.service.name}:${first.port} is told to connect to localhost, which inside a container is that container itself${brokersOf(stack).length > 1 ? '; brokers cannot replicate to each other either' : ''}`,
          fix: `add a listener for the compose network that advertises ${node.service.name}:<its own port> (kafka-dev's INSIDE, e.g. INSIDE://${node.service.name}:9093) and use it as inter.broker.listener.name`,
        },
      ];
    }),
};
