import { describe, expect, test } from 'vitest';
import { parseComposeDocument } from '../../../src/compose/document.js';
import { lintCompose } from '../../../src/lint/lint.js';

const findings = (image: string, environment: Record<string, string>) => {
  const variables = Object.entries(environment).map(([name, value]) => `      ${name}: "${value}"`).join('\n');
  const report = lintCompose(parseComposeDocument(`services:\n  kafka:\n    image: "${image}"\n    environment:\n${variables}\n`, 'compose.yml'));
  return report.findings.filter((finding) => finding.rule === 'setting-removed-in-kafka-version');
};

describe('setting-removed-in-kafka-version', () => {
  test('a setting Kafka 4 removed is an error on a 4.x image, naming the setting, the version and where it last was', () => {
    const [finding, ...rest] = findings('apache/kafka:4.4.0', { KAFKA_PROCESS_ROLES: 'broker,controller', KAFKA_LOG_MESSAGE_FORMAT_VERSION: '3.0' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', service: 'kafka', line: 6 });
    expect(finding!.problem).toBe("sets log.message.format.version (3.0), which Kafka 4.4 (apache/kafka:4.4.0) no longer has; Kafka 3.9 did");
  });

  test.each<{ name: string; image: string; environment: Record<string, string> }>([
    { name: 'the same setting on Kafka 3.9', image: 'confluentinc/cp-kafka:7.9.11', environment: { KAFKA_ZOOKEEPER_CONNECT: 'zookeeper:2181', KAFKA_LOG_MESSAGE_FORMAT_VERSION: '3.0' } },
    { name: 'a setting no Kafka version knows (a plugin’s)', image: 'apache/kafka:4.4.0', environment: { KAFKA_MY_PLUGIN_SETTING: 'x' } },
    { name: 'a setting 4.4 has', image: 'apache/kafka:4.4.0', environment: { KAFKA_LOG_RETENTION_HOURS: '1' } },
    { name: 'an image whose tag tells no version', image: `apache/kafka@sha256:${'a'.repeat(64)}`, environment: { KAFKA_LOG_MESSAGE_FORMAT_VERSION: '3.0' } },
  ])('no finding for $name', ({ image, environment }) => {
    expect(findings(image, environment)).toEqual([]);
  });
});
