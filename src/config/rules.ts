import { isIP } from 'node:net';
import type { ConfigIssue } from '../base/errors.js';
import { plural } from '../base/plural.js';
import { quoteText } from '../base/text.js';
import { checkTopicSettings } from '../model/topic-settings.js';
import { settingsCatalogFor } from '../model/kafka-settings/catalog-for.js';
import type { KafkaSettingsCatalog } from '../model/kafka-settings/catalog.js';
import { checkBrokerSettings } from './check-broker-settings.js';
import { generatedNameIssues } from './generated-names.js';
import { minInSyncIssues } from './min-in-sync.js';
import { securityIssues } from './security-rules.js';
import { companionIssues } from './companion-rules.js';
import { loadFlavor } from '../model/flavor.js';
import { brokerNodes } from '../model/cluster.js';
import { kafkaMajorVersion } from '../model/images.js';
import type { ResolvedConfig } from '../model/types.js';

export { managedBrokerSettings } from './check-broker-settings.js';

/** Rules that need the whole config at once. Returns every problem found, in field order. */
export function checkRules(config: ResolvedConfig): ConfigIssue[] {
  const catalog = settingsCatalogFor(config);
  const issues = [
    ...modeIssues(config),
    ...insideHostIssues(config),
    ...outsidePortIssues(config),
    ...outsideAddressIssues(config),
    ...controllerPortIssues(config),
    ...zookeeperPortIssues(config),
    ...config.topics.flatMap((topic, index) => topicIssues(config, catalog, index)),
    ...brokerConfigIssues(config, catalog),
    ...securityIssues(config),
    ...companionIssues(config),
  ];
  // Names and ports are judged on the stack itself once the fields make sense, so no rule about a field can miss a clash.
  return issues.length === 0 ? generatedNameIssues(config) : issues;
}

function insideHostIssues({ listeners: { inside } }: ResolvedConfig): ConfigIssue[] {
  if (inside.host !== 'localhost') return [];
  return [
    {
      path: 'listeners.inside.host',
      message:
        "got 'localhost', which inside a container is that container itself; expected the broker's service name such as 'kafka'",
    },
  ];
}

/** Each broker publishes its own OUTSIDE port, counting up from the configured one. */
function outsidePortIssues(config: ResolvedConfig): ConfigIssue[] {
  const { inside, outside } = config.listeners;
  const issues: ConfigIssue[] = [];
  const lastPort = brokerNodes(config).at(-1)!.broker.outside.port;
  if (lastPort > 65535) {
    issues.push({
      path: 'listeners.outside.port',
      message: `got ${outside.port}, but with ${config.brokers} brokers the last one would need port ${lastPort}; expected at most ${65536 - config.brokers}`,
    });
  }
  if (outside.port === inside.port) {
    issues.push({
      path: 'listeners.outside.port',
      message: `got ${outside.port}, which is also the INSIDE port (listeners.inside.port); a broker cannot serve two listeners on one port, expected two different ports`,
    });
  }
  return issues;
}

function controllerPortIssues({ mode, listeners: { inside, outside, controller } }: ResolvedConfig): ConfigIssue[] {
  if (mode !== 'kraft' || (controller.port !== inside.port && controller.port !== outside.port)) return [];
  return [
    {
      path: 'listeners.controller.port',
      message: `got ${controller.port}, which a broker listener already uses; expected a port other than ${inside.port} (INSIDE) and ${outside.port} (OUTSIDE)`,
    },
  ];
}

function zookeeperPortIssues(config: ResolvedConfig): ConfigIssue[] {
  if (config.mode !== 'zookeeper') return [];
  return brokerNodes(config)
    .filter((node) => node.broker.outside.port === config.zookeeper.port)
    .map((node) => ({
      path: 'zookeeper.port',
      message: `got ${config.zookeeper.port}, which broker ${node.id} publishes as its OUTSIDE port; expected a port no broker uses`,
    }));
}

/** The topic at `index`: its name against the earlier topics', its settings, and its replication factor. */
function topicIssues(config: ResolvedConfig, catalog: KafkaSettingsCatalog, index: number): ConfigIssue[] {
  const topic = config.topics[index]!;
  const settingsIssues = [...checkTopicSettings(topic.config, catalog), ...minInSyncIssues(topic.config, config.brokers)];
  const issues = [
    ...topicNameIssues(config.topics, index),
    ...settingsIssues.map((issue) => ({ ...issue, path: `topics[${index}].config.${issue.path}` })),
  ];
  if (topic.replicationFactor > config.brokers) {
    issues.push({
      path: `topics[${index}].replicationFactor`,
      message: `got ${topic.replicationFactor}, but the cluster has ${plural(config.brokers, 'broker')}; expected at most ${config.brokers} (or raise 'brokers')`,
    });
  }
  return issues;
}

/** Kafka refuses a topic whose name equals another's once '.' is read as '_' (their metric names collide). */
function topicNameIssues(topics: ResolvedConfig['topics'], index: number): ConfigIssue[] {
  const { name } = topics[index]!;
  const metricName = (topicName: string) => topicName.replaceAll('.', '_');
  const earlier = topics.slice(0, index).find((other) => metricName(other.name) === metricName(name))?.name;
  if (earlier === name) return [{ path: `topics[${index}].name`, message: `got ${quoteText(name)} a second time; expected each topic once` }];
  if (earlier === undefined) return [];
  return [
    {
      path: `topics[${index}].name`,
      message: `got ${quoteText(name)}, which Kafka treats as the same name as ${quoteText(earlier)} ('.' and '_' collide in its metric names); expected names that differ in more than '.' and '_'`,
    },
  ];
}

function brokerConfigIssues(config: ResolvedConfig, catalog: KafkaSettingsCatalog): ConfigIssue[] {
  const issues = [...checkBrokerSettings(config.brokerConfig, config, catalog), ...minInSyncIssues(config.brokerConfig, config.brokers)];
  return issues.map((issue) => ({ ...issue, path: `brokerConfig.${issue.path}` }));
}

/**
 * An IPv6 OUTSIDE host is where clients connect, so the port must be published there: on that
 * address or on '::' (the default bind, 127.0.0.1, is IPv4 only).
 */
function outsideAddressIssues({ listeners: { outside } }: ResolvedConfig): ConfigIssue[] {
  if (isIP(outside.host) !== 6 || outside.host === outside.bind || outside.bind === '::') return [];
  return [
    {
      path: 'listeners.outside.bind',
      message: `got ${quoteText(outside.bind)}, but clients are sent to ${quoteText(outside.host)} (listeners.outside.host), where nothing would be published; expected ${quoteText(outside.host)} or '::'`,
    },
  ];
}

/** Mode against images and controllers: what the chosen images and mode can actually run. */
function modeIssues(config: ResolvedConfig): ConfigIssue[] {
  const { mode, images, controllers } = config;
  const issues: ConfigIssue[] = [];
  const flavor = loadFlavor(images.flavor);
  if (!flavor.modes.includes(mode)) {
    issues.push({
      path: 'mode',
      message: `got '${mode}', but ${quoteText(images.kafka)} follows the '${images.flavor}' image contract, which only runs ${flavor.modes.join(' or ')} mode; use mode '${flavor.modes[0]}' or a cp-kafka 7.x image`,
    });
  } else if (mode === 'zookeeper' && (kafkaMajorVersion(images.kafka, images.flavor) ?? 0) >= 4) {
    issues.push({
      path: 'images.kafka',
      message: `got ${quoteText(images.kafka)}: Kafka 4 has no ZooKeeper mode: use mode 'kraft' or a 3.x image such as confluentinc/cp-kafka:7.9.1`,
    });
  }
  if (mode === 'zookeeper' && controllers > 0) {
    issues.push({ path: 'controllers', message: `got ${controllers}, but dedicated controllers exist only in mode 'kraft'; expected 0 or mode 'kraft'` });
  }
  return issues;
}

/** Advice that does not stop a start. */
export function checkWarnings(config: ResolvedConfig): string[] {
  if (config.mode !== 'kraft') return [];
  const voters = config.controllers > 0 ? config.controllers : config.brokers;
  return voters > 1 && voters % 2 === 0
    ? [`${voters} controller voters tolerate no more failures than ${voters - 1}; an odd number (${voters - 1} or ${voters + 1}) is the usual choice`]
    : [];
}
