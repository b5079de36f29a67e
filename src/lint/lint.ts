import type { ComposeDocument } from '../compose/document.js';
import { composeStack } from '../compose/stack.js';
import type { Finding, LintRule } from './rule.js';
import { advertisedHostUnresolvable } from './rules/advertised-host-unresolvable.js';
import { advertisedPortMismatch } from './rules/advertised-port-mismatch.js';
import { dockerSocketMounted } from './rules/docker-socket-mounted.js';
import { listenersSharePort } from './rules/listeners-share-port.js';
import { missingDataVolume } from './rules/missing-data-volume.js';
import { noListenerForContainers } from './rules/no-listener-for-containers.js';
import { obsoleteVersionKey } from './rules/obsolete-version-key.js';
import { portOnAllInterfaces } from './rules/port-on-all-interfaces.js';
import { settingRemovedInKafkaVersion } from './rules/setting-removed-in-kafka-version.js';
import { zookeeperModeOnKafka4 } from './rules/zookeeper-mode-on-kafka-4.js';

/** Every rule, errors first: the order `--help` and the README list them in. */
export const lintRules: readonly LintRule[] = [
  advertisedHostUnresolvable,
  advertisedPortMismatch,
  listenersSharePort,
  zookeeperModeOnKafka4,
  settingRemovedInKafkaVersion,
  dockerSocketMounted,
  noListenerForContainers,
  portOnAllInterfaces,
  missingDataVolume,
  obsoleteVersionKey,
];

export interface LintReport {
  readonly file: string;
  /** Services recognised as Kafka nodes and as ZooKeeper. */
  readonly kafkaServices: readonly string[];
  readonly zookeeperServices: readonly string[];
  readonly errors: number;
  readonly warnings: number;
  /** In file order. */
  readonly findings: readonly Finding[];
}

/** Runs the rules over a parsed compose file. Pure. */
export function lintCompose(document: ComposeDocument, rules: readonly LintRule[] = lintRules): LintReport {
  const stack = composeStack(document);
  const findings = rules
    .flatMap((rule) => rule.check(stack).map((finding) => ({ rule: rule.id, severity: rule.severity, file: document.file, ...finding })))
    .sort((a, b) => a.line - b.line);
  return {
    file: document.file,
    kafkaServices: stack.kafka.map((node) => node.service.name),
    zookeeperServices: stack.zookeeper.map((node) => node.service.name),
    errors: findings.filter((finding) => finding.severity === 'error').length,
    warnings: findings.filter((finding) => finding.severity === 'warning').length,
    findings,
  };
}
