import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { configIssues } from '../config-issues.js';
import { parseConfig } from '../../../src/config/parse.js';
import { passwordBreakers } from '../../../src/config/security.js';
import { loadFlavor } from '../../../src/model/flavor.js';
import { brokerSecretFiles } from '../../../src/model/security-files.js';
import { buildStackModel } from '../../../src/model/stack.js';

const parse = (raw: Record<string, unknown>) => parseConfig(raw, { source: 'kafka-dev.config.ts', defaultName: 'shop', env: { HOME: '/home/dev' } });

const issuesOf = (raw: Record<string, unknown>) => configIssues(() => parse(raw));

const sasl = (password: string, mechanism = 'PLAIN') => ({ security: { outside: 'SASL_PLAINTEXT', sasl: { mechanism }, users: [{ name: 'app', password }] } });

describe('security config', () => {
  test('defaults: PLAINTEXT everywhere, SCRAM-SHA-512, no client certificates, one user app with a generated password, no ACLs', () => {
    expect(parse({}).security).toEqual({
      outside: 'PLAINTEXT',
      inside: 'PLAINTEXT',
      sasl: { mechanism: 'SCRAM-SHA-512' },
      tls: { clientAuth: 'none' },
      users: [{ name: 'app' }],
      acls: [],
      directory: '/home/dev/.local/state/kafka-dev/shop/security',
    });
  });

  test('a password that would break the JAAS line or the SCRAM syntax is refused by field, and the message never shows it', () => {
    const withBreaker = fc
      .tuple(fc.string(), fc.constantFrom('"', '\\', '\n', '\r', '\u0000', ',', '[', ']'), fc.string())
      .map(([before, breaker, after]) => `${before}${breaker}${after}`)
      .filter((password) => password.length <= 256);
    fc.assert(
      fc.property(withBreaker, (password) => {
        const issues = issuesOf(sasl(password));
        expect(issues).toHaveLength(1);
        expect(issues[0]!.path).toBe('security.users[0].password');
        expect(issues[0]!.message).toMatch(/^got a password with .+ at position \d+; expected no double quotes, backslashes, commas, square brackets or control characters/);
        if (password.length > 3) expect(issues[0]!.message).not.toContain(password);
      }),
    );
  });

  test('every other password is written into the JAAS file between quotes exactly as given', () => {
    const safe = fc.string({ minLength: 1, maxLength: 256 }).filter((password) => !passwordBreakers.test(password));
    fc.assert(
      fc.property(safe, (password) => {
        const config = parse(sasl(password));
        const model = buildStackModel(config);
        const files = brokerSecretFiles(config.security, config.mode, loadFlavor(config.images.flavor), model.services, {
          adminPassword: 'admin-secret',
          users: [{ name: 'app', password }],
        }, undefined);
        const line = files['kafka_server_jaas.conf']!.split('\n').find((text) => text.trim().startsWith('user_app='))!;
        expect(line.trim()).toBe(`user_app="${password}"`);
      }),
    );
  });

  test('ACLs must name declared users, one resource each, and need a listener that tells users apart', () => {
    expect(issuesOf({ security: { outside: 'SASL_SSL', acls: [{ user: 'bob', topic: 'orders', operations: ['read'] }] } })).toEqual([
      { path: 'security.acls[0].user', message: "got 'bob', expected one of the users in security.users ('app')" },
    ]);
    expect(issuesOf({ security: { outside: 'SASL_SSL', acls: [{ user: 'app', topic: 'orders', group: 'g', operations: ['read'] }] } })).toEqual([
      { path: 'security.acls[0]', message: expect.stringContaining("expected exactly one of 'topic' or 'group'") },
    ]);
    expect(issuesOf({ security: { outside: 'SSL', acls: [{ user: 'app', topic: 'orders', operations: ['read'] }] } })).toEqual([
      { path: 'security.acls', message: expect.stringContaining('no listener tells users apart') },
    ]);
  });

  test("mTLS without a TLS listener, and kafka-dev's own user name, are refused", () => {
    expect(issuesOf({ security: { outside: 'SASL_PLAINTEXT', tls: { clientAuth: 'required' } } })).toEqual([
      { path: 'security.tls.clientAuth', message: expect.stringContaining('no listener speaks TLS') },
    ]);
    expect(issuesOf({ security: { users: [{ name: 'kafka-dev' }] } })[0]).toMatchObject({ path: 'security.users[0].name' });
  });

  test('SCRAM in KRaft mode needs an image whose Kafka can create SCRAM users (3.5+)', () => {
    const issues = issuesOf({ mode: 'kraft', images: { kafka: 'apache/kafka:3.4.0' }, security: { outside: 'SASL_SSL' } });
    expect(issues).toEqual([{ path: 'security.sasl.mechanism', message: expect.stringContaining('runs Kafka 3.4, which cannot create SCRAM users in KRaft mode') }]);
    expect(() => parse({ mode: 'kraft', images: { kafka: 'apache/kafka:3.4.0' }, security: { outside: 'SASL_SSL', sasl: { mechanism: 'PLAIN' } } })).not.toThrow();
  });

  test('a TLS listener whose host a certificate cannot name is refused', () => {
    const host = `${'a'.repeat(64)}.example`;
    expect(issuesOf({ listeners: { outside: { host } }, security: { outside: 'SSL' } })).toEqual([
      { path: 'listeners.outside.host', message: expect.stringContaining('which a TLS certificate cannot name') },
    ]);
  });
});
