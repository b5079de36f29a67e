import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Consumer, MessagesStreamModes, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import { execa } from 'execa';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { cliPath, kafkaDev, kcatRoundTrip, projectDir, removeProject, repoRoot, requireDocker, testImages, uniqueProject } from './helpers.js';

/**
 * Clients of a secured cluster: one 3-broker KRaft stack with OUTSIDE over SASL_SSL and SCRAM-SHA-512,
 * two users and ACLs. kcat and a Node client connect with nothing but `kafka-dev env`'s output;
 * kafka-dev's own commands work; a wrong password and a write no ACL grants are refused in
 * kafka-dev's words.
 */
describe('clients of a SASL_SSL + SCRAM-SHA-512 cluster', () => {
  const project = uniqueProject('secure-clients');
  const config: UserConfig = {
    mode: 'kraft',
    brokers: 3,
    topics: [{ name: 'orders', partitions: 2 }],
    security: {
      outside: 'SASL_SSL',
      sasl: { mechanism: 'SCRAM-SHA-512' },
      users: [{ name: 'app', password: 'app-secret' }, { name: 'reader' }],
      acls: [
        { user: 'app', topic: 'orders', operations: ['read', 'write', 'describe'] },
        { user: 'app', group: '*', operations: ['read'] },
        { user: 'reader', topic: 'orders', operations: ['read', 'describe'] },
      ],
    },
  };
  let cwd: string;
  // Kafka 3.9: Debian's kcat (librdkafka 2.0) cannot log in with SCRAM on Kafka 4 (librdkafka 2.6.1 can).
  const env = { KAFKA_DEV_KAFKA_IMAGE: testImages.confluentKafka };
  const cli = (args: string[], input?: string) =>
    execa(process.execPath, [cliPath, ...args, '-p', project], { cwd, input, reject: false, env: { NO_COLOR: '1', ...env } });

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir(config);
    const up = await kafkaDev(['up', '--no-smoke', '-p', project], { cwd, env });
    expect(up.exitCode, up.stderr).toBe(0);
  });
  afterAll(async () => {
    await kafkaDev(['down', '--volumes', '-p', project], { cwd, env });
    await removeProject(project);
  });

  test('kcat round-trips with only `env --format librdkafka`', async () => {
    const printed = await cli(['env', '--format', 'librdkafka']);
    expect(printed.exitCode, printed.stderr).toBe(0);
    expect(printed.stdout).toContain('security.protocol=SASL_SSL');
    const caFile = /ssl\.ca\.location=(.+)/.exec(printed.stdout)![1]!;
    expect(caFile.startsWith('/')).toBe(true);
    await expect(readFile(caFile, 'utf8')).resolves.toContain('BEGIN CERTIFICATE');
    const file = join(cwd, 'client.conf');
    await writeFile(file, printed.stdout);

    expect(await kcatRoundTrip(file, 'orders', ['kcat-1', 'kcat-2'])).toEqual(['kcat-1', 'kcat-2']);
  });

  test('a Node client round-trips with `env --format node`', async () => {
    const printed = await cli(['env', '--format', 'node']);
    expect(printed.exitCode, printed.stderr).toBe(0);
    const file = join(cwd, 'kafka-client.mjs');
    await writeFile(file, printed.stdout);
    const { platformaticKafka } = (await import(pathToFileURL(file).href)) as { platformaticKafka: { bootstrapBrokers: string[] } };
    const producer = new Producer({ clientId: 'e2e-node', ...platformaticKafka, serializers: stringSerializers });
    await producer.send({ messages: [{ topic: 'orders', partition: 1, value: 'node-1' }] }).finally(() => producer.close());
    const consumer = new Consumer({ clientId: 'e2e-node', groupId: `e2e-node-${Date.now()}`, ...platformaticKafka, deserializers: stringDeserializers });
    try {
      const stream = await consumer.consume({ topics: ['orders'], mode: MessagesStreamModes.EARLIEST, autocommit: false });
      const timer = setTimeout(() => void stream.close(), 30_000);
      const values: string[] = [];
      for await (const message of stream) {
        if (message.partition === 1) values.push(message.value);
        if (values.length === 1) break;
      }
      clearTimeout(timer);
      await stream.close();
      expect(values).toEqual(['node-1']);
    } finally {
      await consumer.close(true);
    }
  });

  test("kafka-dev's own commands work: topic list and describe, produce, consume, status, doctor", async () => {
    const list = await cli(['topic', 'list', '--json']);
    expect(list.exitCode, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { name: string }[]).map((topic) => topic.name)).toContain('orders');
    const describe = await cli(['topic', 'describe', 'orders', '--json']);
    expect(describe.exitCode, describe.stderr).toBe(0);
    expect(JSON.parse(describe.stdout)).toMatchObject({ name: 'orders', partitions: 2 });

    const produced = await cli(['produce', 'orders', '--user', 'app'], 'from-app\n');
    expect(produced.exitCode, produced.stderr).toBe(0);
    const consumed = await cli(['consume', 'orders', '--from-beginning', '--max-messages', '4', '--idle', '10', '--json']);
    expect(consumed.exitCode, consumed.stderr).toBe(0);
    expect(consumed.stdout).toContain('"value":"from-app"');

    const status = await cli(['status', '--json']);
    expect(status.exitCode, status.stderr).toBe(0);
    const doctor = await cli(['doctor', '--json']);
    const results = (JSON.parse(doctor.stdout) as { results: { check: string; verdict: string; detail: string }[] }).results;
    expect(results.find((result) => result.check.startsWith('TLS certificate'))).toMatchObject({ verdict: 'pass', detail: expect.stringContaining('names localhost') });
    expect(results.find((result) => result.check.startsWith('SASL mechanism'))).toMatchObject({ verdict: 'pass', detail: expect.stringContaining('SCRAM-SHA-512 offered') });
  });

  test('the smoke check passes over the secured OUTSIDE, and proves the wrong password and the missing ACL are refused', async () => {
    const smoke = await cli(['smoke', '--messages', '20', '--json']);
    expect(smoke.exitCode, smoke.stdout + smoke.stderr).toBe(0);
    const report = JSON.parse(smoke.stdout) as { passed: boolean; paths: { path: string; status: string }[] };
    expect(report.paths.map((path) => [path.path, path.status])).toEqual([
      ['outside', 'passed'],
      ['inside', 'passed'],
    ]);
  });

  test('startKafka() hands back the settings and the Node clients\' options for the secured stack', async () => {
    const { startKafka } = (await import(join(repoRoot, 'dist/index.js'))) as typeof import('../../src/index.js');
    process.env.KAFKA_DEV_KAFKA_IMAGE = testImages.confluentKafka;
    const kafka = await startKafka({ config: join(cwd, 'kafka-dev.config.yaml'), projectName: project, reuse: true });
    expect(kafka.client).toMatchObject({ protocol: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512', username: 'app' } });
    expect(kafka.kafkajs).toMatchObject({ sasl: { mechanism: 'scram-sha-512', username: 'app' }, ssl: { ca: expect.stringContaining('BEGIN CERTIFICATE') } });
    const producer = new Producer({ clientId: 'e2e-start-kafka', ...kafka.platformaticKafka, serializers: stringSerializers });
    await producer.send({ messages: [{ topic: 'orders', partition: 1, value: 'from-start-kafka' }] }).finally(() => producer.close());
    await kafka.resetTopics(['orders']);
    await kafka.stop();
  });

  test('a write no ACL grants is refused, naming the user and what to grant', async () => {
    const denied = await cli(['produce', 'orders', '--user', 'reader'], 'not allowed\n');
    expect(denied.exitCode).not.toBe(0);
    expect(denied.stderr).toMatch(/Not authorized: user 'reader' \(SCRAM-SHA-512\) may not use the topic on localhost:\d+(,localhost:\d+){2} \(SASL_SSL\)/);
    expect(denied.stderr).toContain('security.acls');
    expect(denied.stderr).not.toMatch(/\n\s+at /);
  });

  test('a wrong password is refused, naming the user, the mechanism and the listener', async () => {
    // The config now says another password than the one the cluster's SCRAM credential was made with.
    const file = join(cwd, 'kafka-dev.config.yaml');
    const changed = parse(await readFile(file, 'utf8')) as UserConfig;
    changed.security!.users![0]!.password = 'not-the-password';
    await writeFile(file, stringify(changed));
    const refused = await cli(['produce', 'orders', '--user', 'app'], 'x\n');
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toMatch(/SASL authentication failed for user 'app' \(SCRAM-SHA-512\) on localhost:\d+(,localhost:\d+){2} \(SASL_SSL\)/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });

  test("down --volumes deletes the stack's passwords and certificates with its data", async () => {
    const printed = await cli(['env', '--format', 'librdkafka']);
    const securityDir = dirname(/ssl\.ca\.location=(.+)/.exec(printed.stdout)![1]!);
    expect(existsSync(securityDir)).toBe(true);
    const down = await cli(['down', '--volumes']);
    expect(down.exitCode, down.stderr).toBe(0);
    expect(down.stdout).toContain(`deleted its passwords and certificates (${securityDir})`);
    expect(existsSync(securityDir)).toBe(false);
  });
});

/** INSIDE secured too: `up --full-smoke` sends the smoke check's messages through the image's console tools, which log in with generated client properties. */
describe('the smoke check over a SASL_SSL INSIDE', () => {
  const project = uniqueProject('secure-inside');
  const env = { KAFKA_DEV_KAFKA_IMAGE: testImages.apacheKafka };
  let cwd: string;

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({ mode: 'kraft', security: { outside: 'SASL_SSL', inside: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-256' }, users: [{ name: 'app' }] } });
  });
  afterAll(async () => {
    await kafkaDev(['down', '--volumes', '-p', project], { cwd, env });
    await removeProject(project);
  });

  test('up --full-smoke passes over both secured listeners', async () => {
    const up = await kafkaDev(['up', '--full-smoke', '--json', '-p', project], { cwd, env });
    expect(up.exitCode, up.stderr).toBe(0);
    const result = JSON.parse(up.stdout) as { smoke: { paths: { path: string; status: string; stats: { received: number } | null }[] } };
    expect(result.smoke.paths.map((path) => [path.path, path.status, path.stats?.received])).toEqual([
      ['outside', 'passed', 100],
      ['inside', 'passed', 100],
    ]);
  });
});
