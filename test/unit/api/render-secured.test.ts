import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readSecurityMaterial } from '../../../src/secrets/material.js';
import { render, renderedSecretsFolder } from '../../../src/api.js';
import { parseConfig } from '../../../src/config/parse.js';

const userPassword = 'app-secret-9f3';

async function securedConfig() {
  const stateDir = await mkdtemp(join(tmpdir(), 'kdt-render-secured-state-'));
  const user = { mode: 'kraft' as const, security: { outside: 'SASL_SSL' as const, sasl: { mechanism: 'SCRAM-SHA-512' as const }, users: [{ name: 'app', password: userPassword }] } };
  return parseConfig(user, { source: '/somewhere/kafka-dev.config.ts', defaultName: 'unit-render-secured', env: { KAFKA_DEV_STATE_DIR: stateDir } });
}

describe('render of a secured config', () => {
  test('writes the broker files beside the compose file with a .gitignore, mounts them by relative path, and prints no secret', async () => {
    const config = await securedConfig();
    const cwd = await mkdtemp(join(tmpdir(), 'kdt-render-secured-'));
    const text = await render({ config, cwd, output: 'out/docker-compose.yml' });
    await expect(text).toMatchFileSnapshot('golden/secured-kraft-sasl-ssl-scram.yml');

    const kafka = (parseYaml(text) as { services: Record<string, { volumes: string[]; command?: string[] }> }).services.kafka!;
    expect(kafka.volumes).toContain(`./${renderedSecretsFolder}:/etc/kafka/secrets:ro`);
    expect(kafka.command).toEqual(['bash', '/etc/kafka/secrets/kafka-dev-start.sh']);

    const written = join(cwd, 'out', renderedSecretsFolder);
    const mounted = join(config.security.directory, 'broker');
    const names = await readdir(mounted);
    expect((await readdir(written)).sort()).toEqual(['.gitignore', ...names].sort());
    expect((await readFile(join(written, '.gitignore'), 'utf8')).split('\n')).toContain('*');
    for (const name of names) expect(await readFile(join(written, name), 'utf8')).toBe(await readFile(join(mounted, name), 'utf8'));

    const material = (await readSecurityMaterial(config))!;
    for (const secret of [userPassword, material.admin.password]) expect(text).not.toContain(secret);
    // The same material as `up` and `env` use: a second render changes no file.
    const before = await readFile(join(written, 'broker.pem'), 'utf8');
    await render({ config, cwd, output: 'out/docker-compose.yml' });
    expect(await readFile(join(written, 'broker.pem'), 'utf8')).toBe(before);
  });

  test('to stdout, the compose file mounts the stack state folder, whose material now exists', async () => {
    const config = await securedConfig();
    const text = await render({ config });
    expect(text).toContain(`${join(config.security.directory, 'broker')}:/etc/kafka/secrets:ro`);
    expect(await readSecurityMaterial(config)).toBeDefined();
  });
});
