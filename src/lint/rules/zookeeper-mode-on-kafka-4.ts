import { kafkaMajorVersion } from '../../model/images.js';
import type { ImageFamily } from '../../compose/stack.js';
import type { LintRule } from '../rule.js';

/** Families whose untagged or `latest` image has been Kafka 4 since 2025. */
const latestIsKafka4: ReadonlySet<ImageFamily> = new Set(['confluent', 'apache', 'bitnami']);

/** Kafka's major version from the image tag; `latest` (or no tag) counts as 4 for the maintained families. */
function kafkaMajor(image: string, family: ImageFamily): number | undefined {
  if (image.includes('@')) return undefined;
  const tag = /:([^/:]+)$/.exec(image)?.[1] ?? 'latest';
  if (tag === 'latest') return latestIsKafka4.has(family) ? 4 : undefined;
  if (family === 'confluent') return kafkaMajorVersion(image, 'confluent');
  // apache/kafka and bitnami/kafka tags are Kafka's own version.
  if (family === 'apache' || family === 'bitnami') return kafkaMajorVersion(image, 'apache');
  return undefined;
}

export const zookeeperModeOnKafka4: LintRule = {
  id: 'zookeeper-mode-on-kafka-4',
  severity: 'error',
  check: (stack) =>
    stack.kafka.flatMap((node) => {
      const connect = node.settings.get('zookeeper.connect');
      const image = node.service.image;
      if (!connect || !image || (kafkaMajor(image.value, node.family) ?? 0) < 4) return [];
      const tagged = /:[^/:]+$/.test(image.value) && !image.value.endsWith(':latest');
      return [
        {
          line: connect.line,
          service: node.service.name,
          problem: `sets zookeeper.connect (${connect.value}), but ${image.value} is Kafka 4${tagged ? '' : " (what 'latest' has meant since 2025)"}`,
          why: 'Kafka 4 removed ZooKeeper mode: the broker finds no KRaft settings and exits at start',
          fix: "pin a Kafka 3 image (confluentinc/cp-kafka:7.9.1, bitnami/kafka:3.9, apache/kafka:3.9.1), or move to KRaft (process.roles, controller.quorum.voters, no ZooKeeper); 'kafka-dev init --from-compose' writes a config that runs this stack on Kafka 3.9",
        },
      ];
    }),
};
