import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InvalidArgumentsError } from '../../../src/base/errors.js';
import { parseCommandConfig, parseJaas } from '../../../src/config/command-config.js';

const source = { file: 'client.properties', cwd: '/work/app', bootstrap: ['b1:9093', 'b2:9093'] };
const parse = (text: string) => parseCommandConfig(text, source);

function refusal(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentsError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

const scram = (user: string, password: string) => `org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="${password}";`;

describe('--command-config', () => {
  test('an empty file is PLAINTEXT to the given bootstrap servers', () => {
    expect(parse('# nothing\n')).toEqual({ bootstrap: ['b1:9093', 'b2:9093'], protocol: 'PLAINTEXT' });
  });

  test('SASL_SSL with SCRAM, a PEM trust store (relative to the working folder) and a PEM key store for mutual TLS', () => {
    const text = [
      'security.protocol=SASL_SSL',
      'sasl.mechanism=SCRAM-SHA-512',
      `sasl.jaas.config=${scram('alice', 'p a;ss"word')}`.replace('p a;ss"word', 'p a;ss\\\\"word'),
      'ssl.truststore.type=PEM',
      'ssl.truststore.location=certs/ca.pem',
      'ssl.keystore.type=PEM',
      'ssl.keystore.location=/etc/kafka/alice.pem',
      'ssl.endpoint.identification.algorithm=https',
    ].join('\n');
    expect(parse(text)).toEqual({
      bootstrap: ['b1:9093', 'b2:9093'],
      protocol: 'SASL_SSL',
      sasl: { mechanism: 'SCRAM-SHA-512', username: 'alice', password: 'p a;ss"word' },
      tls: { caFile: '/work/app/certs/ca.pem', certFile: '/etc/kafka/alice.pem', keyFile: '/etc/kafka/alice.pem' },
    });
  });

  test('PLAIN over SASL_PLAINTEXT, with the JAAS line continued over lines as properties files allow', () => {
    const text = 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\\n    username="bob" \\\n    password="pw";\n';
    expect(parse(text).sasl).toEqual({ mechanism: 'PLAIN', username: 'bob', password: 'pw' });
  });

  test.each([
    ['security.protocol=TLS', "security.protocol: got 'TLS'; expected one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL"],
    [`security.protocol=SASL_PLAINTEXT\nsasl.jaas.config=${scram('a', 'b')}`, 'sasl.mechanism: missing; Kafka\'s default GSSAPI (Kerberos) is not supported'],
    ['security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-256', 'sasl.jaas.config: missing'],
    [`security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=${scram('a', 'b')}`, 'expects org.apache.kafka.common.security.plain.PlainLoginModule'],
    ['security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="a";', 'lacks password'],
    ['security.protocol=SSL\nssl.truststore.location=/x/truststore.jks\nssl.truststore.password=changeit', "ssl.truststore.type: got 'JKS' (Kafka's default); kafka-dev reads PEM only"],
    ['security.protocol=SSL', 'ssl.truststore.location: missing'],
    ['security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location=/ca.pem\nssl.keystore.type=PKCS12\nssl.keystore.location=/k.p12', "ssl.keystore.type: got 'PKCS12'"],
    ['security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location=/ca.pem\nssl.key.password=x', 'ssl.key.password: is not supported'],
  ])('%j is refused naming the property: %s', (text, expected) => {
    const message = refusal(text);
    expect(message).toContain('client.properties: ');
    expect(message).toContain(expected);
  });

  test('no refusal ever shows the password', () => {
    // The '~7' ending keeps a secret from being a word the message happens to hold ('required', 'Kerberos').
    const password = fc.stringMatching(/^[A-Za-z0-9!@#%^&*()_+=-]{8,30}$/).map((secret) => `${secret}~7`);
    const broken = fc.constantFrom('security.protocol=SASL_SSL', 'security.protocol=SASL_SSL\nsasl.mechanism=GSSAPI', 'security.protocol=SASL_SSL\nsasl.mechanism=PLAIN', 'security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nssl.truststore.location=/t.jks');
    fc.assert(
      fc.property(password, broken, (secret, rest) => {
        expect(refusal(`${rest}\nsasl.jaas.config=${scram('app', secret)}`)).not.toContain(secret);
      }),
    );
  });

  test('any username and password written in a JAAS line, escaped as Kafka reads it, comes back as written', () => {
    const escape = (value: string) => value.replace(/[\\"]/g, (char) => `\\${char}`);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((value) => !/[\n\r]/.test(value)), fc.string().filter((value) => !/[\n\r]/.test(value)), (username, password) => {
        expect(parseJaas(`org.apache.kafka.common.security.scram.ScramLoginModule required username="${escape(username)}" password="${escape(password)}";`)).toEqual({
          module: 'org.apache.kafka.common.security.scram.ScramLoginModule',
          options: { username, password },
        });
      }),
    );
    expect(parseJaas('not a login line')).toBeUndefined();
    expect(parseJaas('org.Module required username="a"')).toBeUndefined();
  });
});
