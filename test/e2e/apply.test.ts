import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AclOperations, AclPermissionTypes, Admin, ConfigResourceTypes, ResourcePatternTypes, ResourceTypes } from '@platformatic/kafka';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { kafkaDev, projectDir, repoRoot, requireDocker, testImages, uniqueProject } from './helpers.js';

/**
 * `kafka-dev apply` against a cluster kafka-dev did not start: the hand-written 3-broker KRaft
 * SASL_SSL compose file of test/fixtures/apply-cluster, run with plain `docker compose`, with
 * TLS material made here by openssl. An application's config is applied to it over
 * --bootstrap-server and a Kafka tools' client properties file; what it did is read back from
 * the cluster with an admin client of its own.
 */
describe('apply to a SASL_SSL cluster kafka-dev did not start', () => {
  const project = uniqueProject('apply');
  const composeFile = join(repoRoot, 'test/fixtures/apply-cluster/docker-compose.yml');
  const bootstrap = 'localhost:39192,localhost:39193';
  // The fixture's PLAIN users: admin is a super user, nobody has no ACLs.
  const passwords = { admin: 'admin-secret', nobody: 'nobody-secret' };
  const application: UserConfig = {
    mode: 'kraft',
    brokers: 3,
    topics: [
      { name: 'orders', partitions: 3, replicationFactor: 3 },
      { name: 'audit', partitions: 1, replicationFactor: 2, config: { 'retention.ms': 3600000 } },
    ],
    security: { outside: 'SASL_SSL', users: [{ name: 'app' }], acls: [{ user: 'app', topic: 'orders', operations: ['read', 'describe'] }] },
  };
  let secretsDir: string;
  let appDir: string;
  const compose = (...args: string[]) =>
    execa('docker', ['compose', '-p', project, '-f', composeFile, ...args], { env: { KAFKA_IMAGE: testImages.apacheKafka, SECRETS_DIR: secretsDir }, reject: false });
  const apply = (dir: string, user: keyof typeof passwords, ...args: string[]) =>
    kafkaDev(['apply', '--bootstrap-server', bootstrap, '--command-config', join(secretsDir, `${user}.properties`), ...args], { cwd: dir });

  /** An admin client of the test's own, as the super user, to see what apply did. */
  async function withClusterAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = new Admin({
      clientId: 'kafka-dev-e2e',
      bootstrapBrokers: bootstrap.split(','),
      sasl: { mechanism: 'PLAIN', username: 'admin', password: passwords.admin },
      tls: { ca: await readFile(join(secretsDir, 'ca.pem'), 'utf8') },
      connectTimeout: 5000,
      requestTimeout: 10_000,
    });
    try {
      return await work(admin);
    } finally {
      await admin.close();
    }
  }
  const topicShapes = () =>
    withClusterAdmin(async (admin) => {
      const names = (await admin.listTopics()).filter((name) => !name.startsWith('__')).sort();
      const { topics } = await admin.metadata({ topics: names, forceUpdate: true });
      return Object.fromEntries(names.map((name) => [name, { partitions: topics.get(name)!.partitionsCount, replicas: topics.get(name)!.partitions[0]!.replicas.length }]));
    });
  const anyAcl = { resourceType: ResourceTypes.ANY, resourceName: null, resourcePatternType: ResourcePatternTypes.ANY, principal: null, host: null, operation: AclOperations.ANY, permissionType: AclPermissionTypes.ANY };
  const aclCount = () => withClusterAdmin(async (admin) => (await admin.describeAcls({ filter: anyAcl })).flatMap((resource) => resource.acls).length);

  beforeAll(async () => {
    await requireDocker();
    secretsDir = await mkdtemp(join(tmpdir(), 'kafka-dev-apply-cluster-'));
    await brokerCertificate(secretsDir);
    for (const [user, password] of Object.entries(passwords)) {
      const jaas = `org.apache.kafka.common.security.plain.PlainLoginModule required username="${user}" password="${password}";`;
      await writeFile(join(secretsDir, `${user}.properties`), `security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=${jaas}\nssl.truststore.type=PEM\nssl.truststore.location=${join(secretsDir, 'ca.pem')}\n`);
    }
    appDir = await projectDir(application);
    const up = await compose('up', '-d');
    expect(up.exitCode, up.stderr).toBe(0);
    await untilAllBrokersAnswer();
  }, 300_000);
  afterAll(async () => {
    await compose('down', '-v');
  }, 120_000);

  /** Readiness: the super user sees all three brokers registered over SASL_SSL. */
  async function untilAllBrokersAnswer(): Promise<void> {
    const deadline = Date.now() + 240_000;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        const brokers = await withClusterAdmin(async (admin) => (await admin.metadata({ topics: [], forceUpdate: true })).brokers.size);
        if (brokers === 3) return;
        last = `${brokers} brokers`;
      } catch (error) {
        last = error;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    const logs = await compose('logs', '--tail', '30');
    throw new Error(`The apply cluster did not come up: ${String(last)}\n${logs.stdout}`);
  }

  test('a user without permissions is refused cleanly, naming the user and what to grant, and nothing is applied', async () => {
    const result = await apply(appDir, 'nobody', '--yes');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain("'nobody'");
    expect(result.stderr).toMatch(/grant/i);
    expect(result.stderr).not.toContain('kafka-dev up');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr + result.stdout).not.toContain(passwords.nobody);
    expect(await topicShapes()).toEqual({});
    expect(await aclCount()).toBe(0);
  });

  test('--dry-run prints the plan, naming the brokers, and changes nothing', async () => {
    const result = await apply(appDir, 'admin', '--dry-run');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Plan for ${bootstrap} (3 brokers, Kafka 4.4 or later)`);
    expect(result.stdout).toContain('orders: created (3 partitions, replication factor 3)');
    expect(result.stdout).toContain("+ ACL User:app may READ topic 'orders'");
    expect(result.stdout).toContain('Dry run: nothing was changed.');
    expect(await topicShapes()).toEqual({});
    expect(await aclCount()).toBe(0);
  });

  test('a replication factor above the broker count is refused before anything is sent', async () => {
    const wide = await projectDir({ mode: 'kraft', brokers: 4, topics: [{ name: 'wide', partitions: 1, replicationFactor: 4 }, { name: 'fits', partitions: 1, replicationFactor: 1 }] });
    const result = await apply(wide, 'admin');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain("has 3 brokers; it cannot hold 'wide' (replication factor 4). Nothing was changed");
    expect(await topicShapes()).toEqual({});
  });

  test("a topic setting the cluster's Kafka lacks is refused before anything is sent", async () => {
    const legacy = await projectDir({ brokers: 3, topics: [{ name: 'legacy', config: { 'message.format.version': '3.0-IV1' } }] });
    const result = await apply(legacy, 'admin');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain("runs Kafka 4.4 or later, which has no topic setting 'message.format.version' (topic 'legacy'). Nothing was changed");
    expect(await topicShapes()).toEqual({});
  });

  test('apply creates the topics and ACLs as declared, and never prints a password', async () => {
    const result = await apply(appDir, 'admin', '--json');
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { applied: string[] };
    expect(report.applied).toEqual(['orders: created (3 partitions, replication factor 3)', 'audit: created (1 partition, replication factor 2, retention.ms=3600000)', 'ACLs: 2 added, 0 removed']);
    expect(result.stdout + result.stderr).not.toContain(passwords.admin);
    // The controller has committed both; the broker the test's client asks may learn of them a moment later.
    await expect.poll(topicShapes, { timeout: 10_000 }).toEqual({ audit: { partitions: 1, replicas: 2 }, orders: { partitions: 3, replicas: 3 } });
    const retention = await withClusterAdmin(async (admin) => {
      const [audit] = await admin.describeConfigs({ resources: [{ resourceType: ConfigResourceTypes.TOPIC, resourceName: 'audit', configurationKeys: ['retention.ms'] }] });
      return audit!.configs.find((entry) => entry.name === 'retention.ms')?.value;
    });
    expect(retention).toBe('3600000');
    expect(await aclCount()).toBe(2);
  });

  test('a second apply reports nothing to do', async () => {
    const result = await apply(appDir, 'admin');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('nothing to do');
    expect(await aclCount()).toBe(2);
  });

  test('apply creates a SCRAM user on the cluster, that user then logs in, and the next apply has nothing to do', async () => {
    const password = 'scram-app-secret';
    const withUser = await projectDir({ mode: 'kraft', brokers: 3, topics: [], security: { outside: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512' }, users: [{ name: 'scram-app', password }] } });
    const result = await apply(withUser, 'admin');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("+ user 'scram-app' (SCRAM-SHA-512)");
    expect(result.stdout + result.stderr).not.toContain(password);
    const login = new Admin({
      clientId: 'kafka-dev-e2e-scram',
      bootstrapBrokers: bootstrap.split(','),
      sasl: { mechanism: 'SCRAM-SHA-512', username: 'scram-app', password },
      tls: { ca: await readFile(join(secretsDir, 'ca.pem'), 'utf8') },
      connectTimeout: 5000,
      requestTimeout: 10_000,
      retries: 0,
    });
    try {
      expect((await login.metadata({ topics: [], forceUpdate: true })).brokers.size).toBe(3);
    } finally {
      await login.close();
    }
    const again = await apply(withUser, 'admin');
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(again.stdout).not.toContain("user 'scram-app'");
  });
});

/** A CA and the brokers' certificate for localhost, signed by it; broker.pem holds the certificate and its unencrypted key, as the brokers read it. */
async function brokerCertificate(dir: string): Promise<void> {
  const openssl = (...args: string[]) => execa('openssl', args, { cwd: dir });
  await openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=apply-test-ca');
  await openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'broker-key.pem', '-out', 'broker.csr', '-subj', '/CN=localhost');
  await writeFile(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  await openssl('x509', '-req', '-in', 'broker.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'broker-cert.pem', '-days', '1', '-extfile', 'san.ext');
  await writeFile(join(dir, 'broker.pem'), (await readFile(join(dir, 'broker-cert.pem'), 'utf8')) + (await readFile(join(dir, 'broker-key.pem'), 'utf8')));
  // The brokers run as another user (appuser) and read the folder through a bind mount.
  await chmod(dir, 0o755);
  await chmod(join(dir, 'broker.pem'), 0o644);
}
