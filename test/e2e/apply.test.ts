import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { kafkaDev, projectDir, removeProject, requireDocker, testImages, uniqueProject } from './helpers.js';

/**
 * `kafka-dev apply` against a secured cluster it is pointed at, not one it runs for this config:
 * a 3-broker KRaft SASL_SSL cluster (brought up by `kafka-dev up` from a config of its own that
 * declares no topics), then an application's config applied to it over --bootstrap-server and a
 * Kafka tools' client properties file: the dry run changes nothing, apply creates the topics and
 * ACLs, a second apply has nothing to do, and a user without permissions is refused cleanly.
 */
describe('apply to an existing SASL_SSL cluster', () => {
  const project = uniqueProject('apply');
  const cluster: UserConfig = {
    mode: 'kraft',
    brokers: 3,
    topics: [],
    security: { outside: 'SASL_SSL', inside: 'SASL_SSL', users: [{ name: 'reader', password: 'reader-secret-1' }], acls: [{ user: 'reader', topic: 'elsewhere', operations: ['describe'] }] },
  };
  // The application's config is read as a stack too (its rules check replication factors against its brokers).
  const application: UserConfig = {
    mode: 'kraft',
    brokers: 3,
    topics: [
      { name: 'orders', partitions: 3, replicationFactor: 3 },
      { name: 'audit', partitions: 1, replicationFactor: 2, config: { 'retention.ms': 3600000 } },
    ],
    security: { outside: 'SASL_SSL', users: [{ name: 'reader' }], acls: [{ user: 'reader', topic: 'orders', operations: ['read', 'describe'] }] },
  };
  let clusterDir: string;
  let appDir: string;
  let stateDir: string;
  const env = () => ({ KAFKA_DEV_KAFKA_IMAGE: testImages.apacheKafka, KAFKA_DEV_STATE_DIR: stateDir });
  const apply = (...args: string[]) => kafkaDev(['apply', '--bootstrap-server', 'localhost:9092', ...args], { cwd: appDir, env: env() });
  const login = async (file: string, mechanism: string, jaas: string) => {
    const ca = join(stateDir, project, 'security', 'ca.pem');
    await writeFile(join(appDir, file), `security.protocol=SASL_SSL\nsasl.mechanism=${mechanism}\nsasl.jaas.config=${jaas}\nssl.truststore.type=PEM\nssl.truststore.location=${ca}\n`);
  };
  const topicNames = async () => JSON.parse((await kafkaDev(['topic', 'list', '--json', '-p', project], { cwd: clusterDir, env: env() })).stdout).map((topic: { name: string }) => topic.name);

  beforeAll(async () => {
    await requireDocker();
    clusterDir = await projectDir(cluster);
    appDir = await projectDir(application);
    stateDir = await mkdtemp(join(tmpdir(), 'kafka-dev-state-'));
    const up = await kafkaDev(['up', '--no-smoke', '-p', project], { cwd: clusterDir, env: env() });
    expect(up.exitCode, up.stderr).toBe(0);
    const { adminPassword } = JSON.parse(await readFile(join(stateDir, project, 'security', 'state.json'), 'utf8')) as { adminPassword: string };
    await login('admin.properties', 'PLAIN', `org.apache.kafka.common.security.plain.PlainLoginModule required username="kafka-dev" password="${adminPassword}";`);
    await login('reader.properties', 'SCRAM-SHA-512', 'org.apache.kafka.common.security.scram.ScramLoginModule required username="reader" password="reader-secret-1";');
  }, 300_000);
  afterAll(async () => {
    await kafkaDev(['down', '--volumes', '-p', project], { cwd: clusterDir, env: env() });
    await removeProject(project);
  });

  test('--dry-run prints the plan and changes nothing', async () => {
    const result = await apply('--command-config', 'admin.properties', '--dry-run');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('(3 brokers)');
    expect(result.stdout).toContain('orders: created (3 partitions, replication factor 3)');
    expect(result.stdout).toContain("+ ACL User:reader may READ topic 'orders'");
    expect(result.stdout).toContain('Dry run: nothing was changed.');
    expect(await topicNames()).not.toContain('orders');
  });

  test('apply creates the topics and ACLs, and never prints a password', async () => {
    const result = await apply('--command-config', 'admin.properties', '--json');
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { applied: string[] };
    expect(report.applied).toEqual(['orders: created (3 partitions, replication factor 3)', 'audit: created (1 partition, replication factor 2, retention.ms=3600000)', 'ACLs: 2 added, 0 removed']);
    expect(await topicNames()).toEqual(expect.arrayContaining(['orders', 'audit']));
    const adminProperties = await readFile(join(appDir, 'admin.properties'), 'utf8');
    const password = /password="([^"]+)"/.exec(adminProperties)![1]!;
    expect(result.stdout + result.stderr).not.toContain(password);
  });

  test('a second apply reports nothing to do', async () => {
    const result = await apply('--command-config', 'admin.properties');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('nothing to do');
  });

  test('a user without the permissions is refused cleanly, and nothing changes', async () => {
    const result = await apply('--command-config', 'reader.properties', '--prune', '--yes');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/author/i);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain('reader-secret-1');
    expect(await topicNames()).toEqual(expect.arrayContaining(['orders', 'audit']));
  });
});
