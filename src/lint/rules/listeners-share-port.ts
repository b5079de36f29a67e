import type { LintRule } from '../rule.js';

export const listenersSharePort: LintRule = {
  id: 'listeners-share-port',
  severity: 'error',
  check: (stack) =>
    stack.kafka.flatMap((node) =>
      node.bound.flatMap((listener, index) => {
        const earlier = node.bound.slice(0, index).find((other) => other.port === listener.port);
        if (!earlier) return [];
        return [
          {
            line: listener.line,
            service: node.service.name,
            problem: `listeners ${earlier.name} and ${listener.name} both bind port ${listener.port}`,
            why: 'a broker serves each listener on its own port: Kafka refuses to start ("Each listener must have a different port"), and the container exits',
            fix: `give ${listener.name} its own port (kafka-dev uses 9092 for OUTSIDE and 9093 for INSIDE) and update the advertised listeners and port mappings to match`,
          },
        ];
      }),
    ),
};
