import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliPath, kafkaDev, projectDir, removeProject, repoRoot, requireDocker, testImages, uniqueProject } from './helpers.js';

/** The quick start's console round trip, from the host without a JVM. */
describe('kafka-dev produce and consume', () => {
  const project = uniqueProject('console');
  let cwd: string;

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({ topics: [{ name: 'events' }, { name: 'orders' }] });
    expect((await kafkaDev(['up', '--no-smoke', '-p', project], { cwd })).exitCode).toBe(0);
  });
  afterAll(async () => {
    await kafkaDev(['down', '--volumes', '-p', project], { cwd });
    await removeProject(project);
  });

  test('lines on stdin become messages, keys split at --key-separator; consume prints them back', async () => {
    const produced = await execa(process.execPath, [cliPath, 'produce', 'events', '--key-separator', ':', '-p', project], {
      cwd,
      input: 'user-1:signed up\nuser-2:paid\n\nno key at all\n',
      reject: false,
    });
    expect(produced.exitCode, produced.stderr).toBe(0);
    expect(produced.stderr).toContain('3 messages sent to events');

    const consumed = await kafkaDev(['consume', 'events', '--from-beginning', '--max-messages', '3', '-p', project], { cwd });
    expect(consumed.exitCode, consumed.stderr).toBe(0);
    expect(consumed.stdout.split('\n').filter(Boolean)).toEqual(['user-1\tsigned up', 'user-2\tpaid', 'no key at all']);
  });

  test('--json prints one object per message, and --idle stops when nothing more comes', async () => {
    const consumed = await kafkaDev(['consume', 'events', '--from-beginning', '--idle', '3', '--json', '-p', project], { cwd });
    expect(consumed.exitCode, consumed.stderr).toBe(0);
    const messages = consumed.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    expect(messages.map((m: { key: string | null; value: string }) => [m.key, m.value])).toEqual([
      ['user-1', 'signed up'],
      ['user-2', 'paid'],
      [null, 'no key at all'],
    ]);
    expect(messages[0]).toMatchObject({ topic: 'events', partition: 0, offset: '0' });
  });

  test('--group resumes from the group\'s committed offsets, commits what it printed, and leaves the group', () => resumesFromCommits(project, cwd));

  test('Ctrl-C ends consume --group with 130 after committing what it printed and leaving the group', async () => {
    const tail = execa(process.execPath, [cliPath, 'consume', 'orders', '--group', 'tail', '--from-beginning', '-p', project], { cwd, env: { NO_COLOR: '1' }, reject: false });
    let output = '';
    tail.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // The five orders of the test before.
    await expect.poll(() => output.split('\n').filter(Boolean).length, { timeout: 60_000 }).toBe(5);
    expect(tail.exitCode, 'still consuming').toBeNull();
    tail.kill('SIGINT');
    expect((await tail).exitCode).toBe(130);
    expect((await groupsOf(project, cwd)).find((group) => group.groupId === 'tail')).toMatchObject({ members: [], offsets: [{ topic: 'orders', partition: 0, committed: 5 }] });
  });
});

/** The stack's consumer groups, read through the API. */
async function groupsOf(project: string, cwd: string, env: Record<string, string> = {}) {
  const { consumerGroups } = (await import(join(repoRoot, 'dist/api.js'))) as typeof import('../../src/api.js');
  return consumerGroups({ cwd, env: { ...process.env, ...env }, overrides: { name: project } });
}

/**
 * Five orders; a group that printed three gets the other two next time, a second group reads all
 * five, a group without commits starts at the end; no member is left in any group afterwards.
 */
async function resumesFromCommits(project: string, cwd: string, env: Record<string, string> = {}): Promise<void> {
  const orders = ['order-1', 'order-2', 'order-3', 'order-4', 'order-5'];
  const produced = await execa(process.execPath, [cliPath, 'produce', 'orders', '-p', project], { cwd, env, input: orders.join('\n'), reject: false });
  expect(produced.exitCode, produced.stderr).toBe(0);
  const consumeAs = async (group: string, flags: string[]) => {
    const consumed = await kafkaDev(['consume', 'orders', '--group', group, ...flags, '-p', project], { cwd, env });
    expect(consumed.exitCode, consumed.stderr).toBe(0);
    return consumed.stdout.split('\n').filter(Boolean);
  };

  expect(await consumeAs('billing', ['--from-beginning', '--max-messages', '3'])).toEqual(orders.slice(0, 3));
  // The commit wins over --from-beginning; --idle only stops a regression from waiting forever.
  expect(await consumeAs('billing', ['--from-beginning', '--max-messages', '2', '--idle', '20'])).toEqual(orders.slice(3));
  expect(await consumeAs('audit', ['--from-beginning', '--idle', '3'])).toEqual(orders);
  // A group without commits starts with new messages unless --from-beginning says otherwise.
  expect(await consumeAs('latecomer', ['--idle', '3'])).toEqual([]);

  const groups = await groupsOf(project, cwd, env);
  for (const groupId of ['billing', 'audit']) {
    expect(groups.find((group) => group.groupId === groupId)).toMatchObject({ members: [], offsets: [{ topic: 'orders', partition: 0, committed: 5 }] });
  }
  expect(groups.find((group) => group.groupId === 'latecomer')?.members ?? []).toEqual([]);
}

describe('kafka-dev consume --group on KRaft (Kafka 4.x)', () => {
  const project = uniqueProject('console-kraft');
  const env = { KAFKA_DEV_KAFKA_IMAGE: testImages.apacheKafka };
  let cwd: string;

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({ mode: 'kraft', topics: [{ name: 'orders' }] });
    const up = await kafkaDev(['up', '--no-smoke', '-p', project], { cwd, env });
    expect(up.exitCode, up.stderr).toBe(0);
  });
  afterAll(async () => {
    await kafkaDev(['down', '--volumes', '-p', project], { cwd, env });
    await removeProject(project);
  });

  test('--group resumes from the group\'s committed offsets, commits what it printed, and leaves the group', () => resumesFromCommits(project, cwd, env));
});
