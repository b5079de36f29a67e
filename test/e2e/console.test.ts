import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliPath, kafkaDev, projectDir, removeProject, requireDocker, uniqueProject } from './helpers.js';

/** The quick start's console round trip, from the host without a JVM. */
describe('kafka-dev produce and consume', () => {
  const project = uniqueProject('console');
  let cwd: string;

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({ topics: [{ name: 'events' }] });
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
});
