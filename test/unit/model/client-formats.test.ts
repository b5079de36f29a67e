import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execa } from 'execa';
import { parse as parseDotenv } from 'dotenv';
import { getProperties } from 'properties-file';
import type { ClientSettings } from '../../../src/model/client-settings.js';
import { environmentEntries, javaClientEntries, librdkafkaEntries, renderClientSettings } from '../../../src/model/client-formats.js';

const saslSsl: ClientSettings = {
  bootstrap: ['localhost:9092', 'localhost:9093'],
  protocol: 'SASL_SSL',
  sasl: { mechanism: 'SCRAM-SHA-512', username: 'app', password: 'app-secret' },
  tls: { caFile: '/work/project/.kafka-dev/tls/ca.pem' },
};
const plaintext: ClientSettings = { bootstrap: ['localhost:9092'], protocol: 'PLAINTEXT' };
const mtls: ClientSettings = {
  bootstrap: ['localhost:9092'],
  protocol: 'SSL',
  tls: { caFile: '/p/ca.pem', certFile: '/p/app.pem', keyFile: '/p/app-key.pem' },
};

/** kcat's reader of `-F` files: trimmed lines, `#` comments, `\#` for `#`, split at the first `=`. */
function readLibrdkafka(text: string): Record<string, string> {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.replace('\\#', '#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

/** The Python dict as data: its keys and values are JSON strings, which Python reads the same way. */
function readPython(text: string): Record<string, string> {
  const dict = text.slice(text.indexOf('config = {') + 'config = '.length, text.lastIndexOf('}') + 1).replace(/,\n\}$/, '\n}');
  return JSON.parse(dict) as Record<string, string>;
}

async function importNode(text: string): Promise<{ platformaticKafka: Record<string, unknown>; kafkajs: Record<string, unknown> }> {
  return import(`data:text/javascript,${encodeURIComponent(text)}`);
}

describe('client settings formats', () => {
  it('properties: Java names, the JAAS line and a PEM truststore', () => {
    expect(renderClientSettings(saslSsl, 'properties')).toBe(
      [
        'bootstrap.servers=localhost\\:9092,localhost\\:9093',
        'security.protocol=SASL_SSL',
        'sasl.mechanism=SCRAM-SHA-512',
        'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username\\="app" password\\="app-secret";',
        'ssl.truststore.type=PEM',
        'ssl.truststore.location=/work/project/.kafka-dev/tls/ca.pem',
        '',
      ].join('\n'),
    );
  });

  it('properties: PLAIN logs in with the plain login module; mTLS carries the certificate inline', () => {
    const plain = { ...saslSsl, sasl: { ...saslSsl.sasl!, mechanism: 'PLAIN' as const } };
    expect(getProperties(renderClientSettings(plain, 'properties'))['sasl.jaas.config']).toMatch(/^org\.apache\.kafka\.common\.security\.plain\.PlainLoginModule required/);
    const pem = { cert: '-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n', key: '-----BEGIN PRIVATE KEY-----\nBBB\n-----END PRIVATE KEY-----\n' };
    const properties = getProperties(renderClientSettings(mtls, 'properties', pem));
    expect(properties).toMatchObject({ 'ssl.keystore.type': 'PEM', 'ssl.keystore.certificate.chain': pem.cert, 'ssl.keystore.key': pem.key });
    // A container without the CA file gets it inline.
    const inline = getProperties(renderClientSettings(mtls, 'properties', { ca: pem.cert }));
    expect(inline).toMatchObject({ 'ssl.truststore.certificates': pem.cert });
    expect(inline).not.toHaveProperty('ssl.truststore.location');
  });

  it('librdkafka: the names kcat and confluent-kafka-go read', () => {
    expect(renderClientSettings(saslSsl, 'librdkafka')).toBe(
      [
        'bootstrap.servers=localhost:9092,localhost:9093',
        'security.protocol=SASL_SSL',
        'sasl.mechanisms=SCRAM-SHA-512',
        'sasl.username=app',
        'sasl.password=app-secret',
        'ssl.ca.location=/work/project/.kafka-dev/tls/ca.pem',
        '',
      ].join('\n'),
    );
    expect(readLibrdkafka(renderClientSettings(mtls, 'librdkafka'))).toMatchObject({ 'ssl.certificate.location': '/p/app.pem', 'ssl.key.location': '/p/app-key.pem' });
  });

  it('plaintext: only the bootstrap servers and the protocol, in every format', () => {
    expect(renderClientSettings(plaintext, 'librdkafka')).toBe('bootstrap.servers=localhost:9092\nsecurity.protocol=PLAINTEXT\n');
    expect(renderClientSettings(plaintext, 'dotenv')).toBe("KAFKA_BOOTSTRAP_SERVERS='localhost:9092'\nKAFKA_SECURITY_PROTOCOL='PLAINTEXT'\n");
    expect(renderClientSettings(plaintext, 'node')).not.toContain('readFileSync');
  });

  it('python: a confluent-kafka config dict', () => {
    const text = renderClientSettings(saslSsl, 'python');
    expect(text).toContain('config = {\n    "bootstrap.servers": "localhost:9092,localhost:9093",\n');
    expect(readPython(text)).toEqual(Object.fromEntries(librdkafkaEntries(saslSsl)));
  });

  it('dotenv: KAFKA_ and the librdkafka name in capitals', () => {
    expect(parseDotenv(renderClientSettings(saslSsl, 'dotenv'))).toMatchObject({
      KAFKA_BOOTSTRAP_SERVERS: 'localhost:9092,localhost:9093',
      KAFKA_SASL_MECHANISMS: 'SCRAM-SHA-512',
      KAFKA_SASL_PASSWORD: 'app-secret',
      KAFKA_SSL_CA_LOCATION: '/work/project/.kafka-dev/tls/ca.pem',
    });
  });

  it('node: a module with @platformatic/kafka and kafkajs options that read the certificates', async () => {
    const text = renderClientSettings(mtls, 'node');
    expect(text).toContain("import { readFileSync } from 'node:fs';");
    expect(text).toContain(`tls: { ca: readFileSync("/p/ca.pem", 'utf8'), cert: readFileSync("/p/app.pem", 'utf8'), key: readFileSync("/p/app-key.pem", 'utf8') }`);
    const { platformaticKafka, kafkajs } = await importNode(renderClientSettings({ ...saslSsl, tls: undefined, protocol: 'SASL_PLAINTEXT' }, 'node'));
    expect(platformaticKafka).toEqual({ bootstrapBrokers: saslSsl.bootstrap, sasl: { mechanism: 'SCRAM-SHA-512', username: 'app', password: 'app-secret' } });
    expect(kafkajs).toEqual({ brokers: saslSsl.bootstrap, sasl: { mechanism: 'scram-sha-512', username: 'app', password: 'app-secret' } });
  });

  it("a Schema Registry's URL follows, as each format's serializers read it, and kcat's reader skips it", async () => {
    const url = 'http://localhost:8081/apis/ccompat/v7';
    const withRegistry = { ...saslSsl, schemaRegistryUrl: url };
    expect(getProperties(renderClientSettings(withRegistry, 'properties'))['schema.registry.url']).toBe(url);
    expect(parseDotenv(renderClientSettings(withRegistry, 'dotenv')).SCHEMA_REGISTRY_URL).toBe(url);
    expect(readLibrdkafka(renderClientSettings(withRegistry, 'librdkafka'))).toEqual(Object.fromEntries(librdkafkaEntries(saslSsl)));
    expect(renderClientSettings(withRegistry, 'librdkafka')).toContain(url);
    const module = (await import(`data:text/javascript,${encodeURIComponent(renderClientSettings({ ...plaintext, schemaRegistryUrl: url }, 'node'))}`)) as { schemaRegistryUrl: string };
    expect(module.schemaRegistryUrl).toBe(url);
    const script = 'import sys\nscope = {}\nexec(sys.stdin.read(), scope)\nprint(scope["schema_registry_conf"]["url"])';
    const { stdout } = await execa('python3', ['-c', script], { input: renderClientSettings(withRegistry, 'python') });
    expect(stdout).toBe(url);
  });

  it('refuses a value librdkafka files cannot hold, naming the setting', () => {
    const spaced = { ...saslSsl, sasl: { ...saslSsl.sasl!, password: ' secret' } };
    expect(() => renderClientSettings(spaced, 'librdkafka')).toThrow(/sasl\.password.*' secret'.*librdkafka/);
    const quotes = { ...saslSsl, sasl: { ...saslSsl.sasl!, password: `a'b"c\`d` } };
    expect(() => renderClientSettings(quotes, 'dotenv')).toThrow(/KAFKA_SASL_PASSWORD.*quote/);
  });

  // Any user name, password and path a format accepts comes back unchanged from that format's own reader.
  describe('every value round-trips through its format', () => {
    const anyText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });
    const settingsFrom = (text: string): ClientSettings => ({
      bootstrap: [`${text}:9092`],
      protocol: 'SASL_SSL',
      sasl: { mechanism: 'SCRAM-SHA-256', username: text, password: text },
      tls: { caFile: `/tmp/${text}` },
    });
    const roundTrips = (format: 'librdkafka' | 'dotenv' | 'python' | 'properties', read: (text: string) => Record<string, string>, expected: (settings: ClientSettings) => [string, string][]) =>
      fc.assert(
        fc.property(anyText, (text) => {
          const settings = settingsFrom(text);
          let rendered: string;
          try {
            rendered = renderClientSettings(settings, format);
          } catch (error) {
            // Refusing is allowed only with a message that names the value.
            expect((error as Error).message).toMatch(/Cannot write/);
            return;
          }
          expect(read(rendered)).toEqual(Object.fromEntries(expected(settings)));
        }),
        { numRuns: 300 },
      );

    it('properties (properties-file, as java.util.Properties reads it)', () => roundTrips('properties', getProperties, javaClientEntries));
    it('librdkafka (as kcat -F reads it)', () => roundTrips('librdkafka', readLibrdkafka, librdkafkaEntries));
    it('dotenv (dotenv.parse)', () => roundTrips('dotenv', parseDotenv, environmentEntries));
    it('python (string literals)', () => roundTrips('python', readPython, librdkafkaEntries));

    it('python (python3 itself runs the files)', async () => {
      const samples = fc.sample(anyText, 200).map((text) => renderClientSettings(settingsFrom(text), 'python'));
      const script = 'import json,sys\nfor text in json.load(sys.stdin):\n    scope = {}\n    exec(text, scope)\n    print(json.dumps(scope["config"]))';
      const { stdout } = await execa('python3', ['-c', script], { input: JSON.stringify(samples) });
      expect(stdout.split('\n').map((line) => JSON.parse(line) as unknown)).toEqual(samples.map(readPython));
    });

    it('node (the module, imported)', async () => {
      await fc.assert(
        fc.asyncProperty(anyText, async (text) => {
          const settings = { ...settingsFrom(text), tls: undefined, protocol: 'SASL_PLAINTEXT' as const };
          const { platformaticKafka } = await importNode(renderClientSettings(settings, 'node'));
          expect(platformaticKafka).toEqual({ bootstrapBrokers: settings.bootstrap, sasl: settings.sasl });
        }),
        { numRuns: 100 },
      );
    });

    it('librdkafka refuses only what its files cannot hold; most values are written', () => {
      expect(() => renderClientSettings(settingsFrom('p@ss=w#rd!'), 'librdkafka')).not.toThrow();
    });
  });
});
