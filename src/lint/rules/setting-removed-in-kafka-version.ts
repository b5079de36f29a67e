import { kafkaVersionOf } from '../../model/images.js';
import { settingsCatalogFor, settingsCatalogs } from '../../model/kafka-settings/catalog-for.js';
import type { LintRule } from '../rule.js';

/**
 * A broker setting the image's Kafka version no longer has, though an older one did
 * (`KAFKA_LOG_MESSAGE_FORMAT_VERSION` on Kafka 4): the broker refuses to start or drops it.
 * Settings no version knows (a plugin's) are left alone; zookeeper.connect on Kafka 4 has its own rule.
 */
export const settingRemovedInKafkaVersion: LintRule = {
  id: 'setting-removed-in-kafka-version',
  severity: 'error',
  check: (stack) =>
    stack.kafka.flatMap((node) => {
      const image = node.service.image;
      if (!image || !node.flavor || !kafkaVersionOf(image.value, node.flavor)) return [];
      const catalog = settingsCatalogFor({ mode: node.settings.has('zookeeper.connect') ? 'zookeeper' : 'kraft', images: { kafka: image.value, zookeeper: '', flavor: node.flavor } });
      return [...node.settings].flatMap(([name, setting]) => {
        if (name in catalog.broker || name === 'zookeeper.connect') return [];
        const versions = Object.values(settingsCatalogs).filter((other) => name in other.broker).map((other) => other.version);
        if (versions.length === 0) return [];
        return [
          {
            line: setting.line,
            service: node.service.name,
            problem: `sets ${name} (${setting.value}), which Kafka ${catalog.version} (${image.value}) no longer has; Kafka ${versions.join(', ')} did`,
            why: `Kafka ${catalog.version} does not know the setting: the broker ignores it or refuses to start`,
            fix: `remove it, or pin an image of Kafka ${versions.at(-1)}`,
          },
        ];
      });
    }),
};
