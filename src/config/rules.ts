import type { ConfigIssue } from '../errors.js';
import { brokerServices } from '../render/listeners.js';
import type { ResolvedConfig } from './types.js';

/** Settings kafka-dev derives from `listeners`, `brokers` and `mode`; a user override would break the stack. */
const managedBrokerSettings: Record<string, string> = {
  'broker.id': 'brokers',
  'node.id': 'brokers',
  listeners: 'listeners',
  'advertised.listeners': 'listeners',
  'listener.security.protocol.map': 'listeners',
  'inter.broker.listener.name': 'listeners',
  'zookeeper.connect': 'zookeeper.port',
  'log.dirs': 'volumes (data lives in a named volume)',
  'process.roles': 'mode',
};

/** Rules that need the whole config at once. Returns every problem found, in field order. */
export function checkRules(config: ResolvedConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { inside, outside } = config.listeners;

  if (config.mode === 'kraft') {
    issues.push({
      path: 'mode',
      message: "got 'kraft', which this version cannot start yet; expected 'zookeeper' (KRaft support is planned)",
    });
  }

  if (inside.host === 'localhost') {
    issues.push({
      path: 'listeners.inside.host',
      message:
        "got 'localhost', which inside a container is that container itself; expected the broker's service name such as 'kafka'",
    });
  }
  if (inside.host === 'zookeeper') {
    issues.push({ path: 'listeners.inside.host', message: "got 'zookeeper', which is the ZooKeeper service's name; expected another name such as 'kafka'" });
  }

  const services = brokerServices(config);
  const lastPort = services.at(-1)!.outside.port;
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
  for (const broker of services) {
    if (broker.outside.port === config.zookeeper.port) {
      issues.push({
        path: 'zookeeper.port',
        message: `got ${config.zookeeper.port}, which broker ${broker.id} publishes as its OUTSIDE port; expected a port no broker uses`,
      });
    }
  }

  const seen = new Set<string>();
  config.topics.forEach((topic, index) => {
    if (seen.has(topic.name)) {
      issues.push({ path: `topics[${index}].name`, message: `got '${topic.name}' a second time; expected each topic once` });
    }
    seen.add(topic.name);
    if (topic.replicationFactor > config.brokers) {
      issues.push({
        path: `topics[${index}].replicationFactor`,
        message: `got ${topic.replicationFactor}, but the cluster has ${config.brokers} broker${config.brokers === 1 ? '' : 's'}; expected at most ${config.brokers} (or raise 'brokers')`,
      });
    }
  });

  for (const key of Object.keys(config.brokerConfig)) {
    const owner = managedBrokerSettings[key];
    if (owner) {
      issues.push({ path: `brokerConfig.${key}`, message: `is set by kafka-dev from '${owner}'; set that instead` });
    }
  }
  return issues;
}
