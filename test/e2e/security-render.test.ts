import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';
import { kafkaDev, kcatRoundTrip, projectDir, removeProject, requireDocker, testImages, uniqueProject } from './helpers.js';

/**
 * A rendered secured stack runs without kafka-dev: `render` writes the broker files beside the
 * compose file, plain `docker compose up -d` starts a 1-broker KRaft SASL_SSL + SCRAM-SHA-512
 * cluster from it, and kcat round-trips with nothing but `kafka-dev env --format librdkafka`.
 */
describe('a rendered SASL_SSL + SCRAM-SHA-512 compose file', () => {
  const project = uniqueProject('secure-render');
  const password = 'render-secret-7Q';
  const config: UserConfig = {
    mode: 'kraft',
    security: { outside: 'SASL_SSL', sasl: { mechanism: 'SCRAM-SHA-512' }, users: [{ name: 'app', password }] },
  };
  // Kafka 3.9: Debian's kcat (librdkafka 2.0) cannot log in with SCRAM on Kafka 4.
  const env = { KAFKA_DEV_KAFKA_IMAGE: testImages.confluentKafka };
  let cwd: string;
  let file: string;
  const compose = (args: string[]) => execa('docker', ['compose', '-p', project, '-f', file, ...args], { reject: false });

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir(config);
    file = join(cwd, 'docker-compose.yml');
  });
  afterAll(async () => {
    if (file) await compose(['down', '-v']);
    await removeProject(project);
  });

  test('starts with docker compose alone and kcat round-trips with the env output', async () => {
    const rendered = await kafkaDev(['render', '-o', 'docker-compose.yml', '-p', project], { cwd, env });
    expect(rendered.exitCode, rendered.stderr).toBe(0);
    expect(rendered.stdout + rendered.stderr).not.toContain(password);
    await expect(readFile(join(cwd, 'kafka-dev-secrets', '.gitignore'), 'utf8')).resolves.toMatch(/^\*$/m);

    const up = await compose(['up', '-d']);
    expect(up.exitCode, up.stderr).toBe(0);

    // INSIDE speaks PLAINTEXT: the broker's own tool makes the topic there once the broker answers.
    const kafka = (parse(await readFile(file, 'utf8')) as { services: Record<string, { environment: Record<string, string> }> }).services.kafka!;
    const inside = /INSIDE:\/\/([^,]+)/.exec(kafka.environment.KAFKA_ADVERTISED_LISTENERS!)![1]!;
    let created = await compose(['exec', '-T', 'kafka', 'kafka-topics', '--bootstrap-server', inside, '--create', '--if-not-exists', '--topic', 'orders']);
    for (let attempt = 0; created.exitCode !== 0 && attempt < 60; attempt++) {
      await sleep(2000);
      created = await compose(['exec', '-T', 'kafka', 'kafka-topics', '--bootstrap-server', inside, '--create', '--if-not-exists', '--topic', 'orders']);
    }
    expect(created.exitCode, `${created.stderr}\n${(await compose(['logs', '--tail', '40'])).stdout}`).toBe(0);

    const printed = await kafkaDev(['env', '--format', 'librdkafka', '--user', 'app', '-p', project], { cwd, env });
    expect(printed.exitCode, printed.stderr).toBe(0);
    expect(printed.stdout).toContain('security.protocol=SASL_SSL');
    const clientFile = join(cwd, 'client.conf');
    await writeFile(clientFile, printed.stdout);
    expect(await kcatRoundTrip(clientFile, 'orders', ['rendered-1', 'rendered-2'])).toEqual(['rendered-1', 'rendered-2']);
  });
});
