import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import type { SecurityMaterial } from '../../../src/secrets/material.js';
import { chosenUser, userClientSettings } from '../../../src/secrets/user-client.js';
import type { UserConfig } from '../../../src/model/types.js';

const configOf = (security: UserConfig['security']) => parseConfig({ security }, { source: 'test', defaultName: 'unit-user-client', env: {} });

const material: SecurityMaterial = {
  directory: '/state/security',
  caFile: '/state/security/ca.pem',
  admin: { username: 'kafka-dev', password: 'admin-secret', mechanism: 'PLAIN' },
  users: [
    { name: 'app', password: 'app-secret', certFile: '/state/security/users/app.pem', keyFile: '/state/security/users/app-key.pem' },
    { name: 'reader', password: 'generated' },
  ],
  generatedPasswords: [],
};

describe("a user's client settings", () => {
  test('the first user by default, with its password, the mechanism of the config and the CA on the host', () => {
    const config = configOf({ outside: 'SASL_SSL', users: [{ name: 'app', password: 'app-secret' }, { name: 'reader' }] });
    expect(userClientSettings(config, material, 'outside', undefined)).toEqual({
      bootstrap: ['localhost:9092'],
      protocol: 'SASL_SSL',
      sasl: { mechanism: 'SCRAM-SHA-512', username: 'app', password: 'app-secret' },
      tls: { caFile: '/state/security/ca.pem' },
    });
    expect(userClientSettings(config, material, 'outside', 'reader').sasl).toMatchObject({ username: 'reader', password: 'generated' });
  });

  test('containers find the CA where every Kafka container mounts it', () => {
    const config = configOf({ inside: 'SSL', users: [{ name: 'app' }] });
    expect(userClientSettings(config, material, 'inside', undefined)).toEqual({ bootstrap: ['kafka:9093'], protocol: 'SSL', tls: { caFile: '/etc/kafka/secrets/ca.pem' } });
  });

  test('a user the config does not list is refused naming --user and the users there are', () => {
    const config = configOf({ outside: 'SASL_PLAINTEXT', users: [{ name: 'app' }] });
    expect(() => chosenUser(config, 'bob', 'produce')).toThrow(expect.objectContaining({ issues: [{ path: '--user', message: "got 'bob'; expected one of the users in security.users ('app')" }] }));
  });

  test('--inside under mTLS is refused: the certificates are on the host only', () => {
    const config = configOf({ inside: 'SSL', tls: { clientAuth: 'required' }, users: [{ name: 'app' }] });
    expect(() => userClientSettings(config, material, 'inside', undefined)).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: '--inside' })] }));
    expect(userClientSettings(config, material, 'outside', undefined)).toMatchObject({ protocol: 'PLAINTEXT' });
  });
});
