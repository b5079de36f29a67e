import type { LintRule } from '../rule.js';

const everyInterface = new Set(['0.0.0.0', '::']);

export const portOnAllInterfaces: LintRule = {
  id: 'port-on-all-interfaces',
  severity: 'warning',
  check: (stack) =>
    stack.document.services.flatMap((service) =>
      service.ports
        .filter((mapping) => mapping.hostIp === undefined || everyInterface.has(mapping.hostIp))
        .map((mapping) => ({
          line: mapping.line,
          service: service.name,
          problem: `publishes ${mapping.text} on every network interface`,
          why: `anyone on your network (café Wi-Fi included) can reach port ${mapping.published ?? mapping.target} without a password: Kafka and ZooKeeper here speak PLAINTEXT; Docker's rules also bypass host firewalls such as ufw`,
          fix: `publish it on loopback only: "127.0.0.1:${mapping.published ?? ''}:${mapping.target}"`,
        })),
    ),
};
