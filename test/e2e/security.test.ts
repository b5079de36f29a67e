import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin } from '@platformatic/kafka';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { stringify } from 'yaml';
import { cliPath, kafkaDev, kcatRoundTrip, projectDir, removeProject, requireDocker, testImages, uniqueProject } from './helpers.js';

/**
 * The secured cluster itself: one `kafka-dev up` brings up brokers that speak SASL and TLS in
 * both modes and image flavors, brokers reach each other over a secured INSIDE, SCRAM users exist
 * before the first client, and mTLS turns away a client without a certificate. Each stack is
 * reached from the host with a real Kafka client, given only the files in the state folder.
 */
interface Login {
  readonly protocol: 'SSL' | 'SASL_SSL' | 'SASL_PLAINTEXT';
  readonly sasl?: { mechanism: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512'; username: string; password: string };
  /** `ca`: trust the development CA; `cert`: also present this user's client certificate. */
  readonly tls?: { cert?: string };
}

/**
 * `kcat`: also round-trip with kcat given only `env --format librdkafka` (Debian's kcat, librdkafka 2.0, cannot log in with SCRAM to Kafka 4).
 * `userChanges`: a user added and a password changed after the first up are applied by the next.
 */
const cases: { name: string; config: UserConfig; image: string; smoke: boolean; login: Login; brokers: number; kcat?: boolean; userChanges?: boolean }[] = [
  {
    name: 'KRaft 3 brokers, SASL_SSL SCRAM-SHA-512',
    image: testImages.apacheKafka,
    // A cluster id that begins with '-' (one project name in 64 hashes to one) must reach the storage tool as a value, not an option.
    config: { mode: 'kraft', brokers: 3, clusterId: '-kafka-dev-e2e-id----A', security: { outside: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512' }, users: [{ name: 'app', password: 'app-secret' }] } },
    smoke: true,
    login: { protocol: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512', username: 'app', password: 'app-secret' }, tls: {} },
    brokers: 3,
    userChanges: true,
  },
  {
    name: 'ZooKeeper 1 broker, SASL_SSL SCRAM-SHA-512',
    image: testImages.confluentKafka,
    config: { mode: 'zookeeper', security: { outside: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512' }, users: [{ name: 'app', password: 'app-secret' }] } },
    smoke: true,
    login: { protocol: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512', username: 'app', password: 'app-secret' }, tls: {} },
    brokers: 1,
    kcat: true,
    userChanges: true,
  },
  {
    name: 'ZooKeeper 2 brokers, SASL_PLAINTEXT PLAIN',
    image: testImages.confluentKafka,
    config: { mode: 'zookeeper', brokers: 2, security: { outside: 'SASL_PLAINTEXT', inside: 'SASL_PLAINTEXT', sasl: { mechanism: 'PLAIN' }, users: [{ name: 'app', password: 'p l a i n' }] } },
    smoke: false,
    login: { protocol: 'SASL_PLAINTEXT', sasl: { mechanism: 'PLAIN', username: 'app', password: 'p l a i n' } },
    brokers: 2,
  },
  {
    name: 'KRaft 2 brokers, mTLS on both',
    image: testImages.apacheKafka,
    config: { mode: 'kraft', brokers: 2, security: { outside: 'SSL', inside: 'SSL', tls: { clientAuth: 'required' }, users: [{ name: 'app' }] } },
    smoke: false,
    login: { protocol: 'SSL', tls: { cert: 'app' } },
    brokers: 2,
  },
];

/** Names stay short: vitest cuts a longer `$name` in the title. Flavor by mode: ZooKeeper cp-kafka, KRaft apache/kafka; INSIDE secured where both listeners are named. */
describe.each(cases)('$name', ({ config, image, smoke, login, brokers, kcat, userChanges }) => {
  const project = uniqueProject('secure');
  let cwd: string;
  let stateDir: string;
  let up: Awaited<ReturnType<typeof kafkaDev>>;
  const env = () => ({ KAFKA_DEV_KAFKA_IMAGE: image, KAFKA_DEV_STATE_DIR: stateDir });
  const securityDir = () => join(stateDir, project, 'security');

  const describeCluster = async (override: Partial<Login> = {}) => {
    const { sasl, tls } = { ...login, ...override };
    const ca = tls && (await readFile(join(securityDir(), 'ca.pem'), 'utf8'));
    const cert = tls?.cert && {
      cert: await readFile(join(securityDir(), 'users', `${tls.cert}.pem`), 'utf8'),
      key: await readFile(join(securityDir(), 'users', `${tls.cert}-key.pem`), 'utf8'),
    };
    const admin = new Admin({
      clientId: 'e2e-security',
      bootstrapBrokers: ['localhost:9092'],
      ...(sasl && { sasl }),
      ...(ca && { tls: { ca, ...cert } }),
      timeout: 10_000,
      retries: 0,
    });
    try {
      return await admin.metadata({ topics: [] });
    } finally {
      await admin.close();
    }
  };

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir(config);
    stateDir = await mkdtemp(join(tmpdir(), 'kafka-dev-state-'));
    up = await kafkaDev(['up', ...(smoke ? [] : ['--no-smoke']), '-p', project], { cwd, env: env() });
  });
  afterAll(async () => {
    await kafkaDev(['down', '--volumes', '-p', project], { cwd, env: env() });
    await removeProject(project);
  });

  test(`one up brings it up${smoke ? ' and passes the smoke check' : ''}`, () => {
    expect(up.exitCode, up.stderr + up.stdout).toBe(0);
    expect(up.stderr).toContain('Prepare TLS and SASL material');
    if (smoke) expect(up.stderr).toMatch(/Smoke check: .*passed|✔ Smoke check/);
  });

  test('a user of the config connects and sees every broker', async () => {
    const metadata = await describeCluster();
    expect([...metadata.brokers.keys()].sort()).toEqual(Array.from({ length: brokers }, (_, index) => index + 1));
  });

  test('the wrong credentials are refused', async () => {
    const wrong: Partial<Login> = login.sasl ? { sasl: { ...login.sasl, password: 'wrong' } } : { tls: {} };
    await expect(describeCluster(wrong)).rejects.toThrow();
  });

  if (kcat) {
    test('kcat round-trips with only `env --format librdkafka`', async () => {
      const printed = await kafkaDev(['env', '--format', 'librdkafka', '-p', project], { cwd, env: env() });
      expect(printed.exitCode, printed.stderr).toBe(0);
      const file = join(cwd, 'kcat.conf');
      await writeFile(file, printed.stdout);
      expect(await kcatRoundTrip(file, 'kcat-round-trip', ['one', 'two'])).toEqual(['one', 'two']);
    });
  }

  test('up again reuses the material: same passwords and certificates, nothing recreated', async () => {
    const material = () => Promise.all(['state.json', 'broker/kafka_server_jaas.conf', 'broker/broker.pem'].map((file) => readFile(join(securityDir(), file), 'utf8').catch(() => 'none')));
    const before = await material();
    const again = await kafkaDev(['up', '--no-smoke', '-p', project], { cwd, env: env() });
    expect(again.exitCode, again.stderr + again.stdout).toBe(0);
    expect(again.stdout).not.toMatch(/recreate/);
    expect(await material()).toEqual(before);
  });

  if (userChanges) {
    test('a user added and a password changed after the first up: the next up sets both, and the one after changes nothing', async () => {
      const sasl = login.sasl!;
      const changed = { ...config, topics: [{ name: 'scram-users', partitions: 1, replicationFactor: 1 }], security: { ...config.security, users: [{ name: 'app', password: 'app-secret-2' }, { name: 'added', password: 'added-secret' }] } };
      await writeFile(join(cwd, 'kafka-dev.config.yaml'), stringify(changed));
      const again = await kafkaDev(['up', '--no-smoke', '-p', project], { cwd, env: env() });
      expect(again.exitCode, again.stderr + again.stdout).toBe(0);
      expect(again.stderr).toContain("+ user 'added' (SCRAM-SHA-512)");
      expect(again.stderr).toContain("~ user 'app': password updated (SCRAM-SHA-512)");
      expect(again.stderr + again.stdout).not.toMatch(/app-secret|added-secret/);

      const produced = await execa(process.execPath, [cliPath, 'produce', 'scram-users', '--user', 'added', '-p', project], { cwd, env: { NO_COLOR: '1', CI: '1', ...env() }, input: 'from-added\n', reject: false, timeout: 120_000 });
      expect(produced.exitCode, produced.stderr).toBe(0);
      await expect(describeCluster({ sasl: { ...sasl, username: 'added', password: 'added-secret' } })).resolves.toBeDefined();
      await expect(describeCluster({ sasl: { ...sasl, password: 'app-secret' } })).rejects.toThrow();
      await expect(describeCluster({ sasl: { ...sasl, password: 'app-secret-2' } })).resolves.toBeDefined();

      const once = await kafkaDev(['up', '--no-smoke', '-p', project], { cwd, env: env() });
      expect(once.exitCode, once.stderr + once.stdout).toBe(0);
      expect(once.stderr).toContain('Reconcile SCRAM users: 0 created, 0 with a new password, 2 users unchanged');
      expect(once.stderr).not.toMatch(/[+~-] user '/);
    });
  }
});
