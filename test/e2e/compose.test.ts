import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { composeConfig, composeImplementations, kafkaDev, projectDir, removeProject, repoRoot, requireDocker, uniqueProject } from './helpers.js';

const goldenDir = join(repoRoot, 'test/unit/compose/golden');
const goldenRenders = readdirSync(goldenDir).filter((name) => name.endsWith('.yml'));

/** The rendered file is checked by real Compose implementations (v1 and v2), and run by them. */
describe('the rendered docker-compose.yml', () => {
  const project = uniqueProject('compose');

  beforeAll(requireDocker);
  afterAll(() => removeProject(project));

  const renderIn = async (config: UserConfig) => {
    const cwd = await projectDir(config);
    const result = await kafkaDev(['render', '-p', project], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    return { cwd, file: join(cwd, 'compose/docker-compose.yml') };
  };

  test.each<{ name: string; config: UserConfig }>([
    { name: 'the defaults', config: {} },
    { name: 'three brokers', config: { brokers: 3, topics: [{ name: 'orders', replicationFactor: 3 }] } },
    { name: 'custom listeners and settings', config: { listeners: { inside: { host: 'broker', port: 29092 }, outside: { port: 19092 } }, brokerConfig: { 'log.retention.hours': 1 } } },
  ])('passes docker-compose config and docker compose config for $name', async ({ config }) => {
    const { file } = await renderIn(config);
    for (const { command } of composeImplementations) {
      const result = await composeConfig(command, project, file);
      expect(result.exitCode, result.stderr).toBe(0);
    }
  });

  test.each(composeImplementations.flatMap(({ compose, command }) => goldenRenders.map((golden) => ({ compose, command, golden }))))(
    '$compose config accepts the golden render $golden without a word',
    async ({ command, golden }) => {
      const result = await composeConfig(command, project, join(goldenDir, golden));
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
    },
  );

  test('docker-compose up -d starts a broker that answers on localhost:9092, and kafka-dev status sees it', async () => {
    const { cwd, file } = await renderIn({});
    const compose = (...args: string[]) => execa('docker-compose', ['-p', project, '-f', file, ...args], { reject: false });
    try {
      const started = await compose('up', '-d');
      expect(started.exitCode, started.stderr).toBe(0);
      let answer = '';
      for (let attempt = 0; attempt < 120 && !answer.includes('broker 1 at localhost:9092'); attempt++) {
        answer = (await execa('kcat', ['-b', 'localhost:9092', '-L', '-m', '2'], { reject: false })).stdout;
        if (!answer.includes('broker 1 at')) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(answer).toContain('1 brokers:');
      expect(answer).toContain('broker 1 at localhost:9092');

      const status = await kafkaDev(['status', '--json', '-p', project], { cwd });
      expect(status.exitCode, status.stdout).toBe(0);
      expect(JSON.parse(status.stdout).healthy).toBe(true);
    } finally {
      await compose('down', '-v');
    }
  });
});
