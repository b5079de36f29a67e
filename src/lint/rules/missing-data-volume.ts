import type { ComposeService } from '../../compose/document.js';
import { loadFlavor } from '../../model/flavor.js';
import type { ImageFlavor } from '../../model/types.js';
import type { LintRule, RuleFinding } from '../rule.js';

/** Where the image keeps its data when the compose file does not say (log.dirs), from the flavor registry; undefined when unknown. */
const dataDirs = (flavor: ImageFlavor | undefined, role: 'kafka' | 'zookeeper') => (flavor ? loadFlavor(flavor)[role].dataDirs : undefined);

const covers = (target: string, dir: string) => dir === target || dir.startsWith(`${target.replace(/\/$/, '')}/`);

function unmounted(service: ComposeService, dirs: readonly string[] | undefined, what: string): RuleFinding[] {
  const missing = dirs ? dirs.filter((dir) => !service.volumes.some((mount) => mount.source && covers(mount.target, dir))) : [];
  if (dirs ? missing.length === 0 : service.volumes.length > 0) return [];
  const where = missing.length > 0 ? missing.join(' and ') : `its ${what} directory`;
  return [
    {
      line: service.line,
      service: service.name,
      problem: `no named volume or bind mount holds ${where}`,
      why: `the ${what} lives in the container (or an anonymous volume) and is gone after 'docker compose down' or a recreate; a broker that keeps its id but loses its data can also confuse the cluster`,
      fix: `mount a named volume there, e.g. "${service.name}-data:${missing[0] ?? '/path/to/data'}", and declare it under the top-level volumes: key`,
    },
  ];
}

export const missingDataVolume: LintRule = {
  id: 'missing-data-volume',
  severity: 'warning',
  check: (stack) => [
    ...stack.kafka.flatMap((node) => {
      const logDirs = node.settings.get('log.dirs') ?? node.settings.get('log.dir');
      return unmounted(node.service, logDirs ? logDirs.value.split(',').map((dir) => dir.trim()) : dataDirs(node.flavor, 'kafka'), 'Kafka data');
    }),
    ...stack.zookeeper.flatMap(({ service, flavor }) => unmounted(service, dataDirs(flavor, 'zookeeper'), 'ZooKeeper data')),
  ],
};
