import { kafkaMajorVersion } from '../../model/images.js';
import type { LintRule } from '../rule.js';

export const zookeeperModeOnKafka4: LintRule = {
  id: 'zookeeper-mode-on-kafka-4',
  severity: 'error',
  check: (stack) =>
    stack.kafka.flatMap((node) => {
      const connect = node.settings.get('zookeeper.connect');
      const image = node.service.image;
      // The flavor's version line reads the tag; no tag means `latest` (Kafka 4 for the maintained families since 2025).
      if (!connect || !image || !node.flavor || (kafkaMajorVersion(image.value, node.flavor) ?? 0) < 4) return [];
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
