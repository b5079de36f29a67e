import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseComposeDocument } from '../../../src/compose/document.js';
import { lintCompose, lintRules } from '../../../src/lint/lint.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = `${repoRoot}test/fixtures/compose/`;
const goldens = `${repoRoot}test/unit/compose/golden/`;

async function lintFile(path: string) {
  return lintCompose(parseComposeDocument(await readFile(path, 'utf8'), path.split('/').pop()!));
}

/** Each fixture with what kafka-dev lint must find: `rule@line service`, in file order. */
const expectations: { fixture: string; findings: string[] }[] = [
  {
    fixture: 'wurstmeister-quick-start.yml',
    findings: [
      'obsolete-version-key@2',
      'missing-data-volume@4 zookeeper',
      'port-on-all-interfaces@7 zookeeper',
      'missing-data-volume@8 kafka',
      'port-on-all-interfaces@11 kafka',
      'docker-socket-mounted@17 kafka',
    ],
  },
  {
    fixture: 'bitnami-zookeeper-latest.yml',
    findings: [
      'obsolete-version-key@2',
      'port-on-all-interfaces@8 zookeeper',
      'port-on-all-interfaces@16 kafka',
      'zookeeper-mode-on-kafka-4@20 kafka',
      'advertised-host-unresolvable@22 kafka',
    ],
  },
  {
    fixture: 'bitnami-kraft-cluster.yml',
    findings: [
      'port-on-all-interfaces@6 kafka-0',
      'advertised-host-unresolvable@15 kafka-0',
      'port-on-all-interfaces@28 kafka-1',
      'advertised-host-unresolvable@37 kafka-1',
      'port-on-all-interfaces@50 kafka-2',
      'advertised-host-unresolvable@59 kafka-2',
    ],
  },
  {
    fixture: 'confluent-cp-all-in-one.yml',
    findings: [
      'obsolete-version-key@3',
      'missing-data-volume@5 zookeeper',
      'port-on-all-interfaces@10 zookeeper',
      'missing-data-volume@15 broker',
      'port-on-all-interfaces@22 broker',
      'port-on-all-interfaces@23 broker',
      'port-on-all-interfaces@24 broker',
      'advertised-host-unresolvable@29 broker',
      'port-on-all-interfaces@44 schema-registry',
      'port-on-all-interfaces@56 rest-proxy',
    ],
  },
  {
    fixture: 'apache-kafka-kraft.yml',
    findings: ['missing-data-volume@3 broker', 'port-on-all-interfaces@8 broker'],
  },
  {
    fixture: 'kafka-4-with-3x-settings.yml',
    findings: ['setting-removed-in-kafka-version@21 broker', 'setting-removed-in-kafka-version@22 broker'],
  },
  {
    fixture: 'blog-post-mistakes.yml',
    findings: [
      'obsolete-version-key@2',
      'port-on-all-interfaces@17 kafka',
      'zookeeper-mode-on-kafka-4@22 kafka',
      'listeners-share-port@23 kafka',
      'advertised-host-unresolvable@24 kafka',
      'advertised-port-mismatch@24 kafka',
      'advertised-port-mismatch@24 kafka',
      'docker-socket-mounted@29 kafka',
    ],
  },
  {
    fixture: 'localhost-only.yml',
    findings: ['no-listener-for-containers@13 kafka'],
  },
  { fixture: 'three-brokers-anchors.yml', findings: [] },
];

describe('lintCompose', () => {
  test.each(expectations)('finds in $fixture what it should, at the right lines', async ({ fixture, findings }) => {
    const report = await lintFile(`${fixtures}${fixture}`);
    expect(report.findings.map((finding) => `${finding.rule}@${finding.line}${finding.service ? ` ${finding.service}` : ''}`)).toEqual(findings);
    expect(report.errors).toBe(report.findings.filter((finding) => lintRules.find((rule) => rule.id === finding.rule)!.severity === 'error').length);
  });

  test('every rule is shown at work by at least one fixture', () => {
    const exercised = new Set(expectations.flatMap(({ findings }) => findings.map((finding) => finding.split('@')[0])));
    expect(lintRules.map((rule) => rule.id).filter((id) => !exercised.has(id))).toEqual([]);
  });

  test("kafka-dev's own compose/docker-compose.yml lints clean", async () => {
    const report = await lintFile(`${repoRoot}compose/docker-compose.yml`);
    expect(report).toMatchObject({ kafkaServices: ['kafka'], zookeeperServices: ['zookeeper'], findings: [] });
  });

  test.each(['default.yml', 'three-brokers.yml', 'kraft-single.yml', 'kraft-three-combined.yml', 'kraft-dedicated-controllers.yml', 'kraft-confluent.yml'])(
    'the %s render lints clean',
    async (golden) => {
      expect((await lintFile(`${goldens}${golden}`)).findings).toEqual([]);
    },
  );

  test('a render published on 0.0.0.0 on purpose gets only that warning', async () => {
    const report = await lintFile(`${goldens}custom-listeners.yml`);
    expect(report.findings.map((finding) => [finding.rule, finding.severity])).toEqual([['port-on-all-interfaces', 'warning']]);
  });

  test('each finding says what is wrong, why it bites and the fix, naming the values involved', async () => {
    const report = await lintFile(`${fixtures}confluent-cp-all-in-one.yml`);
    expect(report.findings.find((finding) => finding.rule === 'advertised-host-unresolvable')).toMatchObject({
      file: 'confluent-cp-all-in-one.yml',
      severity: 'error',
      problem: "listener PLAINTEXT is published to the host (29092:29092) but advertises 'broker', a name only Docker's DNS on the compose network resolves",
      why: expect.stringContaining("told to connect to 'broker:29092'"),
      fix: expect.stringContaining('advertise localhost:29092 on PLAINTEXT'),
    });
  });

  test("the README's rule table lists every rule with its severity", async () => {
    const readme = await readFile(`${repoRoot}README.md`, 'utf8');
    const documented = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning) \|/gm)].map(([, id, severity]) => `${id} ${severity}`);
    expect(documented).toEqual(lintRules.map((rule) => `${rule.id} ${rule.severity}`));
  });

  test.each([
    { image: 'bitnamilegacy/kafka', variable: 'KAFKA_CFG_ZOOKEEPER_CONNECT', kafka4: true },
    // bitnami reads only KAFKA_CFG_*: this broker sets no zookeeper.connect.
    { image: 'bitnamilegacy/kafka', kafka4: false },
    { image: 'confluentinc/cp-server:8.0.0', kafka4: true },
    { image: 'registry.local:5000/mirror/apache/kafka:4.1.1', kafka4: true },
    { image: 'confluentinc/cp-kafka:7.9.1', kafka4: false },
    { image: `confluentinc/cp-kafka@sha256:8${'a'.repeat(63)}`, kafka4: false },
    { image: 'wurstmeister/kafka', kafka4: false },
  ])('ZooKeeper mode on $image ($variable): Kafka 4 is $kafka4, by the flavor registry', ({ image, variable = 'KAFKA_ZOOKEEPER_CONNECT', kafka4 }) => {
    const yaml = `services:\n  kafka:\n    image: "${image}"\n    environment:\n      ${variable}: zookeeper:2181\n`;
    const report = lintCompose(parseComposeDocument(yaml, 'compose.yml'));
    expect(report.findings.some((finding) => finding.rule === 'zookeeper-mode-on-kafka-4')).toBe(kafka4);
  });

  test('the fixtures cover every file in the fixture folder', async () => {
    expect((await readdir(fixtures)).sort()).toEqual(expectations.map(({ fixture }) => fixture).sort());
  });
});
