import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthenticationError } from '@platformatic/kafka';
import { describe, expect, test } from 'vitest';
import type { ClientSettings } from '../../../src/model/client-settings.js';
import { connectionOptions, kafkajsOptions, retarget, securityFailure } from '../../../src/kafka/client-options.js';

const settings: ClientSettings = {
  bootstrap: ['localhost:9092'],
  protocol: 'SASL_SSL',
  sasl: { mechanism: 'SCRAM-SHA-512', username: 'app', password: 'secret' },
  tls: { caFile: '/nowhere/ca.pem' },
};

describe("kafka-dev's clients on a secured listener", () => {
  test('SASL and TLS options for @platformatic/kafka and kafkajs, the CA read from its file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kafka-dev-client-options-'));
    await writeFile(join(folder, 'ca.pem'), 'CA PEM');
    const withCa = { ...settings, tls: { caFile: join(folder, 'ca.pem') } };
    expect(connectionOptions(withCa)).toEqual({ bootstrapBrokers: ['localhost:9092'], sasl: { mechanism: 'SCRAM-SHA-512', username: 'app', password: 'secret' }, tls: { ca: 'CA PEM' } });
    expect(kafkajsOptions(withCa)).toEqual({ brokers: ['localhost:9092'], ssl: { ca: 'CA PEM' }, sasl: { mechanism: 'scram-sha-512', username: 'app', password: 'secret' } });
    expect(connectionOptions(['localhost:9092'])).toEqual({ bootstrapBrokers: ['localhost:9092'] });
    expect(retarget(withCa, ['localhost:9093'])).toMatchObject({ bootstrap: ['localhost:9093'], sasl: withCa.sasl });
  });

  test('a missing CA file is named, with what makes it again', () => {
    expect(() => connectionOptions(settings)).toThrow(/Cannot read the CA certificate \/nowhere\/ca\.pem: ENOENT/);
  });

  test('refusals are said naming the user, the mechanism and the listener, however deep the client nests them', () => {
    const nested = (inner: unknown) => Object.assign(new AggregateError([inner], 'Request failed'), { errors: [inner] });
    expect(securityFailure(nested(new AuthenticationError('SASL authentication failed.')), settings)?.message).toBe(
      "SASL authentication failed for user 'app' (SCRAM-SHA-512) on localhost:9092 (SASL_SSL)",
    );
    const denied = Object.assign(new Error('Not authorized to access topics: [orders]'), { apiCode: 29 });
    expect(securityFailure(nested(denied), settings)).toMatchObject({
      message: "Not authorized: user 'app' (SCRAM-SHA-512) may not use the topic on localhost:9092 (SASL_SSL) (Not authorized to access topics: [orders])",
      hint: expect.stringContaining('security.acls'),
    });
    const untrusted = new Error('Connection failed', { cause: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) });
    expect(securityFailure(untrusted, settings)?.message).toBe('TLS handshake with localhost:9092 (SASL_SSL) failed: DEPTH_ZERO_SELF_SIGNED_CERT (self-signed certificate)');
    expect(securityFailure(new Error('connect ECONNREFUSED'), settings)).toBeUndefined();
  });
});
