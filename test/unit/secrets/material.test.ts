import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import { loadFlavor } from '../../../src/model/flavor.js';
import { buildStackModel } from '../../../src/model/stack.js';
import { ensureSecurityMaterial } from '../../../src/secrets/material.js';

const configIn = (stateDir: string, brokers: number) =>
  parseConfig({ mode: 'kraft', brokers, security: { outside: 'SASL_SSL' } }, { source: 'test', defaultName: 'shop', env: { KAFKA_DEV_STATE_DIR: stateDir } });

async function prepare(stateDir: string, brokers: number) {
  const config = configIn(stateDir, brokers);
  const material = await ensureSecurityMaterial(config, loadFlavor(config.images.flavor), buildStackModel(config).services.filter((service) => service.node));
  const keyStore = await readFile(join(stateDir, 'shop', 'security', 'broker', 'broker.pem'), 'utf8');
  const certificate = forge.pki.certificateFromPem(keyStore.slice(keyStore.indexOf('-----BEGIN CERTIFICATE-----')));
  const names = (certificate.getExtension('subjectAltName') as { altNames: { value?: string; ip?: string }[] }).altNames.map((name) => name.ip ?? name.value);
  return { material: material!, keyStore, names, ca: await readFile(material!.caFile, 'utf8') };
}

describe('security material', () => {
  test('made once, reused by the next up, and the broker certificate issued again when the broker names change', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'kafka-dev-material-'));
    const first = await prepare(stateDir, 1);
    expect(first.names).toEqual(['localhost', '127.0.0.1', 'kafka']);
    expect(first.material.generatedPasswords.map((entry) => entry.name)).toEqual(['app']);

    const again = await prepare(stateDir, 1);
    expect(again.keyStore).toBe(first.keyStore);
    expect(again.material.users).toEqual(first.material.users);
    expect(again.material.admin).toEqual(first.material.admin);
    expect(again.material.generatedPasswords).toEqual([]);

    const grown = await prepare(stateDir, 3);
    expect(grown.names).toEqual(['localhost', '127.0.0.1', 'kafka-1', 'kafka-2', 'kafka-3']);
    expect(grown.ca).toBe(first.ca);
    expect(grown.material.users).toEqual(first.material.users);
  });
});
