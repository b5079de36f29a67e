import type { ConfigIssue } from '../base/errors.js';
import { describeValue } from '../base/text.js';
import type { KafkaSettingsCatalog } from '../model/kafka-settings/catalog.js';
import { settingsCatalogs } from '../model/kafka-settings/catalog-for.js';
import { loadFlavor, settingToEnv } from '../model/flavor.js';
import { settingValueProblem } from '../model/setting-value.js';
import { unknownSettingMessage } from '../model/topic-settings.js';
import type { KafkaSettings, ResolvedConfig } from '../model/types.js';

/** Settings kafka-dev derives from `listeners`, `brokers` and `mode`; a user override would break the stack. */
export const managedBrokerSettings: Readonly<Record<string, string>> = {
  'broker.id': 'brokers',
  'node.id': 'brokers',
  listeners: 'listeners',
  'advertised.listeners': 'listeners',
  'listener.security.protocol.map': 'listeners',
  'inter.broker.listener.name': 'listeners',
  'zookeeper.connect': 'zookeeper.port',
  'log.dirs': 'volumes (data lives in a named volume)',
  'process.roles': 'mode',
  'controller.quorum.voters': 'controllers',
  'controller.listener.names': 'listeners.controller',
};

/**
 * Settings that exist in one mode only (Kafka's ZkConfigs; KRaftConfigs and QuorumConfig): a
 * broker of the other mode ignores them or refuses to start.
 */
const zookeeperOnly = [/^zookeeper\./];
const kraftOnly = [/^controller\.quorum\./, /^controller\.listener\.names$/, /^metadata\./, /^process\.roles$/, /^broker\.(heartbeat|session)\./, /^initial\.broker\.registration\./];

/** Every KAFKA_* variable an image reads for itself, in any Kafka version kafka-dev knows. */
const imageEnv = new Set(Object.values(settingsCatalogs).flatMap((catalog) => catalog.imageEnv));

/** `listener.name.inside.ssl.keystore.location` is `ssl.keystore.location` for one listener. */
const listenerPrefix = /^listener\.name\.[a-z0-9_-]+\./;

/**
 * Checks `brokerConfig` against the Kafka the config runs: a setting kafka-dev manages, one of the
 * other mode, one whose environment variable the image reads for itself, an unknown name
 * (with did-you-mean), or a value Kafka's own validator refuses. One issue per setting, the
 * setting's name as path.
 */
export function checkBrokerSettings(
  settings: Readonly<KafkaSettings>,
  config: Pick<ResolvedConfig, 'mode' | 'images'>,
  catalog: KafkaSettingsCatalog,
): ConfigIssue[] {
  const flavor = loadFlavor(config.images.flavor);
  return Object.entries(settings).flatMap(([key, value]): ConfigIssue[] => {
    const problem = (message: string): ConfigIssue[] => [{ path: key, message }];
    const owner = managedBrokerSettings[key];
    if (owner) return problem(`is set by kafka-dev from '${owner}'; set that instead`);
    const env = settingToEnv(flavor, key);
    if (env === 'KAFKA_HEAP_OPTS') return problem(`becomes ${env}, the JVM heap of the broker; set heap.kafka (e.g. '1g') instead`);
    if (imageEnv.has(env)) return problem(`becomes ${env}, which the image reads itself (JVM or logging options), not as a broker setting; expected a Kafka broker setting`);
    if (config.mode === 'kraft' && zookeeperOnly.some((pattern) => pattern.test(key))) {
      return problem("exists only in ZooKeeper mode, and this config runs mode 'kraft'; remove it or use mode 'zookeeper'");
    }
    if (config.mode === 'zookeeper' && kraftOnly.some((pattern) => pattern.test(key))) {
      return problem("exists only in KRaft mode, and this config runs mode 'zookeeper'; remove it or use mode 'kraft'");
    }
    const spec = catalog.broker[key] ?? catalog.broker[key.replace(listenerPrefix, '')];
    if (!spec) return problem(unknownSettingMessage(key, 'broker', catalog));
    const valueProblem = settingValueProblem(spec, value);
    return valueProblem ? problem(`got ${describeValue(value)}, ${valueProblem}`) : [];
  });
}
