import { exposesEngineSocket } from '../../model/engine-socket.js';
import type { LintRule } from '../rule.js';

export const dockerSocketMounted: LintRule = {
  id: 'docker-socket-mounted',
  severity: 'error',
  check: (stack) =>
    stack.document.services.flatMap((service) =>
      service.volumes
        .filter((mount) => mount.source !== undefined && mount.source.startsWith('/') && exposesEngineSocket(mount.source))
        .map((mount) => ({
          line: mount.line,
          service: service.name,
          problem: `mounts the Docker socket (${mount.source}:${mount.target})`,
          why: 'whoever controls the container controls the Docker engine, which is root on the host; Kafka does not need it (wurstmeister used it only to compute advertised names)',
          fix: 'remove the mount and set the advertised listeners explicitly (e.g. OUTSIDE://localhost:9092 and INSIDE://kafka:9093)',
        })),
    ),
};
