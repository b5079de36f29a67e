import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin, ConfigResourceTypes } from '@platformatic/kafka';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import type { UserConfig } from '../../src/model/types.js';
import { kafka39TopicSettings } from '../../src/model/topic-settings.js';
import { kafkaDev, projectDir, removeProject, repoRoot, requireDocker, uniqueProject } from './helpers.js';

/** Ports of their own, so this stack runs beside one on the defaults. */
const ports = { listeners: { outside: { port: 19092 }, inside: { port: 9093 } }, zookeeper: { port: 12181 } } satisfies UserConfig;
const bootstrap = 'localhost:19092';

/** Declared topics reconciled by `up`, and the `topic` commands, against one real stack. */
describe('topics', () => {
  const project = uniqueProject('topics');
  let cwd: string;
  const run = (...args: string[]) => kafkaDev([...args, '-p', project], { cwd });
  const declare = (topics: UserConfig['topics']) => writeFile(join(cwd, 'kafka-dev.config.yaml'), stringify({ ...ports, topics }));
  const json = async (...args: string[]) => {
    const result = await run(...args, '--json');
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  };
  const upOk = async (...flags: string[]) => {
    const result = await run('up', '--no-smoke', ...flags);
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    // Step lines ('Reconcile topics: ...') are progress, on stderr; the result is on stdout.
    return result.stderr + result.stdout;
  };

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({ ...ports, topics: [{ name: 'test' }, { name: 'orders' }] });
  });
  afterAll(() => removeProject(project));

  test('up creates the declared topics and says so per topic', async () => {
    const stdout = await upOk();
    expect(stdout).toContain('Reconcile topics: 2 created');
    expect(stdout).toContain('test: created (1 partition, replication factor 1)');
    expect(stdout).toContain('orders: created (1 partition, replication factor 1)');
  });

  test('a changed config grows partitions and changes a setting; the next up reports everything unchanged', async () => {
    await declare([{ name: 'test' }, { name: 'orders', partitions: 3, config: { 'retention.ms': 3600000 } }]);
    const changed = await upOk();
    expect(changed).toContain('orders: partitions 1 -> 3; retention.ms: (default) -> 3600000');
    expect(changed).toContain('test: unchanged');

    const orders = await json('topic', 'describe', 'orders');
    expect(orders).toMatchObject({ name: 'orders', partitions: 3, replicationFactor: 1, declared: true, config: { 'retention.ms': '3600000' } });
    // An independent client (librdkafka) sees the same.
    expect((await execa('kcat', ['-b', bootstrap, '-L', '-t', 'orders'])).stdout).toContain('topic "orders" with 3 partitions');

    const again = await upOk();
    expect(again).toContain('Reconcile topics: 2 unchanged');
    expect(again).toContain('orders: unchanged');
    expect(again).toContain('test: unchanged');
  });

  test('fewer partitions than exist are reported, not applied, and a setting no longer declared goes back to the default', async () => {
    await declare([{ name: 'test' }, { name: 'orders', partitions: 2 }]);
    const stdout = await upOk();
    expect(stdout).toContain('orders: retention.ms: 3600000 -> (default); NOT APPLIED: it has 3 partitions, the config says 2');
    expect(await json('topic', 'describe', 'orders')).toMatchObject({ partitions: 3, config: {} });
    await declare([{ name: 'test' }, { name: 'orders', partitions: 3 }]);
  });

  test('topic add creates a topic; list and describe show it, as text and as JSON', async () => {
    const added = await json('topic', 'add', 'payments', '--partitions', '2', '--config', 'cleanup.policy=compact');
    expect(added).toEqual({ name: 'payments', partitions: 2, replicationFactor: 1, config: { 'cleanup.policy': 'compact' }, savedTo: null });

    expect(await json('topic', 'list')).toEqual([
      { name: 'orders', partitions: 3, replicationFactor: 1, declared: true, exists: true },
      { name: 'payments', partitions: 2, replicationFactor: 1, declared: false, exists: true },
      { name: 'test', partitions: 1, replicationFactor: 1, declared: true, exists: true },
    ]);
    const list = await run('topic', 'list');
    expect(list.stdout).toMatch(/payments\s+2\s+1\s+not declared/);

    expect(await json('topic', 'describe', 'payments')).toEqual({
      name: 'payments',
      partitions: 2,
      replicationFactor: 1,
      declared: false,
      partitionDetails: [
        { partition: 0, leader: 1, replicas: [1], isr: [1] },
        { partition: 1, leader: 1, replicas: [1], isr: [1] },
      ],
      config: { 'cleanup.policy': 'compact' },
    });
    const described = await run('topic', 'describe', 'payments');
    expect(described.stdout).toContain('Topic payments (not declared in the config): 2 partitions, replication factor 1');
    expect(described.stdout).toMatch(/PARTITION\s+LEADER\s+REPLICAS\s+ISR\n0\s+1\s+1\s+1\n1\s+1\s+1\s+1/);
    expect(described.stdout).toContain('cleanup.policy=compact');
  });

  test('undeclared topics are left alone, listed with --verbose, and deleted with --prune', async () => {
    expect(await upOk()).toContain('1 not declared (left alone; --verbose lists, --prune deletes)');
    expect(await upOk('--verbose')).toContain('payments: not declared, left alone');
    expect(await upOk('--prune')).toContain('payments: not declared, deleted');
    expect((await json('topic', 'list')).map((topic: { name: string }) => topic.name)).toEqual(['orders', 'test']);
  });

  test('bad names, unknown or mistyped settings and too many replicas are refused before any request', async () => {
    // A config whose broker does not exist: a request would fail differently (exit 1), not with exit 2.
    const nowhere = await projectDir({ listeners: { outside: { port: 19999 } }, zookeeper: { port: 12199 } });
    const result = await kafkaDev(
      ['topic', 'add', 'bad/name', '--partitions', 'x', '--replication-factor', '2', '--config', 'retention.msx=1', '--config', 'segment.ms=soon'],
      { cwd: nowhere },
    );
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("Invalid arguments for 'topic add':");
    expect(result.stderr).toContain("name: got 'bad/name', expected 1 to 249 characters from a-z, A-Z, 0-9, '.', '_' and '-'");
    expect(result.stderr).toContain("--partitions: got 'x', expected a whole number of at least 1");
    expect(result.stderr).toContain('--replication-factor: got 2, but the cluster has 1 broker; expected at most 1');
    expect(result.stderr).toContain("--config retention.msx: unknown topic setting; did you mean 'retention.ms'?");
    expect(result.stderr).toContain("--config segment.ms: got 'soon', expected a whole number");

    const reserved = await kafkaDev(['topic', 'describe', '..'], { cwd: nowhere });
    expect(reserved.exitCode).toBe(2);
    expect(reserved.stderr).toContain("name: got '..', which Kafka reserves");
    const unknownAction = await kafkaDev(['topic', 'rename', 'orders'], { cwd: nowhere });
    expect(unknownAction.exitCode).toBe(2);
    expect(unknownAction.stderr).toContain("action: got 'rename', expected one of: add, list, describe, delete");
  });

  test('topic delete asks first, and deletes with --yes', async () => {
    await json('topic', 'add', 'scratch');
    const unasked = await run('topic', 'delete', 'scratch');
    expect(unasked.exitCode).toBe(1);
    expect(unasked.stderr).toContain('Not without confirmation');
    expect(unasked.stderr).toContain('--yes');

    expect(await json('topic', 'delete', 'scratch', '--yes')).toEqual({ name: 'scratch', deleted: true, declared: false });
    expect((await json('topic', 'list')).map((topic: { name: string }) => topic.name)).not.toContain('scratch');
    const missing = await run('topic', 'describe', 'scratch');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain("Topic 'scratch' does not exist");
  });

  test('topic add --save declares the topic in a TS config, keeping its comments; that config renders and reconciles it', async () => {
    const tsDir = await mkdtemp(join(tmpdir(), 'kafka-dev-e2e-ts-'));
    const file = join(tsDir, 'kafka-dev.config.ts');
    await writeFile(
      file,
      [
        `import { defineConfig } from '${join(repoRoot, 'dist/index.js')}';`,
        '',
        '// Same stack as the YAML config of this test, written in TypeScript.',
        'export default defineConfig({',
        '  listeners: { outside: { port: 19092 }, inside: { port: 9093 } }, // beside the default stack',
        '  zookeeper: { port: 12181 },',
        "  topics: [{ name: 'test' }, { name: 'orders', partitions: 3 }],",
        '});',
        '',
      ].join('\n'),
    );
    const ts = (...args: string[]) => kafkaDev([...args, '-p', project], { cwd: tsDir });

    const saved = await ts('topic', 'add', 'audit.log', '--partitions', '2', '--config', 'retention.ms=60000', '--save');
    expect(saved.exitCode, saved.stderr).toBe(0);
    expect(saved.stdout).toContain(`Saved it to ${file}`);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('// Same stack as the YAML config of this test, written in TypeScript.');
    expect(text).toContain('// beside the default stack');
    expect(text).toContain("topics: [{ name: 'test' }, { name: 'orders', partitions: 3 }, { name: 'audit.log', partitions: 2, replicationFactor: 1, config: { 'retention.ms': 60000 } }],");

    const rendered = await ts('render', '--stdout');
    expect(rendered.exitCode, rendered.stderr).toBe(0);
    const up = await ts('up', '--no-smoke');
    expect(up.exitCode, up.stderr + up.stdout).toBe(0);
    expect(up.stdout).toContain('nothing to change');
    expect(up.stdout).toContain('audit.log: unchanged');
    expect(up.stderr).toContain('Reconcile topics: 3 unchanged');

    const again = await ts('topic', 'add', 'audit.log', '--save');
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain("topics: already declares 'audit.log'");
  });

  test("kafka-dev's list of Kafka 3.9 topic settings is exactly what the broker lists, with the broker's types", async () => {
    const admin = new Admin({ clientId: 'kafka-dev-e2e', bootstrapBrokers: [bootstrap] });
    try {
      const [described] = await admin.describeConfigs({ resources: [{ resourceType: ConfigResourceTypes.TOPIC, resourceName: 'test' }] });
      const typeNames: Record<number, string> = { 1: 'boolean', 2: 'string', 3: 'int', 5: 'long', 6: 'double', 7: 'list' };
      const broker = Object.fromEntries(described!.configs.map((entry) => [entry.name, typeNames[entry.configType]]));
      const ours = Object.fromEntries(Object.entries(kafka39TopicSettings).map(([name, spec]) => [name, spec.type]));
      expect(ours).toEqual(broker);
    } finally {
      await admin.close();
    }
  });
});
