/**
 * The client settings file of Kafka's own tools (`--command-config client.properties`) read into
 * the client settings every kafka-dev client is given: `security.protocol`, `sasl.mechanism`,
 * `sasl.jaas.config` (PLAIN or SCRAM login module with username and password), a PEM trust store
 * and, for mutual TLS, a PEM key store. Pure: the text comes in. What kafka-dev cannot do the
 * same way (JKS stores, Kerberos, encrypted keys) is refused naming the property; a message never
 * shows a password.
 */
import { isAbsolute, resolve } from 'node:path';
import { getProperties } from 'properties-file';
import { InvalidArgumentsError, type ConfigIssue } from '../base/errors.js';
import { quoteText } from '../base/text.js';
import type { ClientSettings } from '../model/client-settings.js';
import { saslMechanisms, securityProtocols, usesSasl, usesTls } from '../model/security.js';
import type { SaslMechanism } from '../model/types.js';

export interface CommandConfigSource {
  /** The file's path, as given, for messages. */
  readonly file: string;
  /** The folder relative store locations are read from (Kafka's tools: the working folder). */
  readonly cwd: string;
  readonly bootstrap: readonly string[];
}

const loginModules: Record<'PLAIN' | 'SCRAM', string> = {
  PLAIN: 'org.apache.kafka.common.security.plain.PlainLoginModule',
  SCRAM: 'org.apache.kafka.common.security.scram.ScramLoginModule',
};

/** Settings that need what kafka-dev's clients do not have; each refused with what to use instead. */
const unsupported: Record<string, string> = {
  'ssl.truststore.certificates': 'write the CA certificates to a PEM file and give it as ssl.truststore.location with ssl.truststore.type=PEM',
  'ssl.keystore.certificate.chain': 'write the certificate and key to a PEM file and give it as ssl.keystore.location with ssl.keystore.type=PEM',
  'ssl.keystore.key': 'write the certificate and key to a PEM file and give it as ssl.keystore.location with ssl.keystore.type=PEM',
  'ssl.key.password': 'decrypt the key first (openssl pkey -in key.pem -out plain-key.pem)',
  'ssl.keystore.password': 'use a PEM key store without a password (ssl.keystore.type=PEM)',
};

export function parseCommandConfig(text: string, source: CommandConfigSource): ClientSettings {
  const properties = getProperties(text) as Record<string, string>;
  const issues: ConfigIssue[] = [];
  const refuse = (key: string, message: string) => issues.push({ path: `${source.file}: ${key}`, message });

  for (const [key, instead] of Object.entries(unsupported)) if (properties[key] !== undefined) refuse(key, `is not supported; ${instead}`);
  const protocol = oneOf(properties['security.protocol'] ?? 'PLAINTEXT', securityProtocols, 'security.protocol', refuse);
  const sasl = protocol && usesSasl(protocol) ? saslLogin(properties, refuse) : undefined;
  const tls = protocol && usesTls(protocol) ? tlsFiles(properties, source.cwd, refuse) : undefined;

  if (issues.length > 0) throw new InvalidArgumentsError('kafka-dev apply', issues, { hint: `Fix ${source.file}; it is read as Kafka's tools read --command-config.` });
  return { bootstrap: source.bootstrap, protocol: protocol!, ...(sasl && { sasl }), ...(tls && { tls }) };
}

type Refuse = (key: string, message: string) => void;

function oneOf<T extends string>(value: string, allowed: readonly T[], key: string, refuse: Refuse): T | undefined {
  const found = allowed.find((candidate) => candidate === value.trim().toUpperCase());
  if (!found) refuse(key, `got ${quoteText(value)}; expected one of ${allowed.join(', ')}`);
  return found;
}

function saslLogin(properties: Record<string, string>, refuse: Refuse): ClientSettings['sasl'] {
  const given = properties['sasl.mechanism'];
  // Kafka's own default is GSSAPI (Kerberos), which kafka-dev's clients cannot speak.
  if (given === undefined) return void refuse('sasl.mechanism', `missing; Kafka's default GSSAPI (Kerberos) is not supported; expected one of ${saslMechanisms.join(', ')}`);
  const mechanism = oneOf<SaslMechanism>(given, saslMechanisms, 'sasl.mechanism', refuse);
  const jaas = properties['sasl.jaas.config'];
  if (jaas === undefined) return void refuse('sasl.jaas.config', 'missing; expected a login line such as org.apache.kafka.common.security.scram.ScramLoginModule required username="app" password="…";');
  const login = parseJaas(jaas);
  if (!login) return void refuse('sasl.jaas.config', 'is not a login line; expected <LoginModule> required username="…" password="…";');
  if (!mechanism) return undefined;
  const expected = loginModules[mechanism === 'PLAIN' ? 'PLAIN' : 'SCRAM'];
  if (login.module !== expected) return void refuse('sasl.jaas.config', `uses ${quoteText(login.module)}; sasl.mechanism ${mechanism} expects ${expected}`);
  const { username, password } = login.options;
  if (username === undefined || password === undefined) return void refuse('sasl.jaas.config', `lacks ${username === undefined ? 'username' : 'password'}; expected username="…" password="…"`);
  return { mechanism, username, password };
}

/**
 * `<module> <flag> key="value" key=value ...;` as Kafka's JaasConfig reads it: quoted values may
 * hold spaces, `;` and `\"`. Undefined when the text is not one such line.
 */
export function parseJaas(text: string): { module: string; options: Record<string, string> } | undefined {
  const head = /^\s*([A-Za-z_$][\w$.]*)\s+(required|requisite|sufficient|optional)\b/.exec(text);
  if (!head) return undefined;
  const options: Record<string, string> = {};
  const option = /\s*([\w.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s";]+))/y;
  // A sticky match that fails resets lastIndex, so where the options end is kept apart.
  let end = head[0].length;
  option.lastIndex = end;
  for (let match = option.exec(text); match; match = option.exec(text)) {
    options[match[1]!] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!;
    end = option.lastIndex;
  }
  return /^\s*;\s*$/.test(text.slice(end)) ? { module: head[1]!, options } : undefined;
}

function tlsFiles(properties: Record<string, string>, cwd: string, refuse: Refuse): ClientSettings['tls'] {
  const pemStore = (kind: 'truststore' | 'keystore'): string | undefined => {
    const location = properties[`ssl.${kind}.location`];
    if (location === undefined) return undefined;
    const type = properties[`ssl.${kind}.type`] ?? 'JKS';
    if (type.trim().toUpperCase() === 'PEM') return isAbsolute(location) ? location : resolve(cwd, location);
    return void refuse(
      `ssl.${kind}.type`,
      `got ${quoteText(type)}${properties[`ssl.${kind}.type`] === undefined ? " (Kafka's default)" : ''}; kafka-dev reads PEM only: ` +
        `export it (keytool -exportcert -rfc, or openssl pkcs12 -nodes) and set ssl.${kind}.type=PEM`,
    );
  };
  const caFile = pemStore('truststore');
  const keyStore = pemStore('keystore');
  if (caFile === undefined) {
    if (properties['ssl.truststore.location'] === undefined) refuse('ssl.truststore.location', 'missing; expected the PEM file of the CA that signed the brokers\' certificates, with ssl.truststore.type=PEM');
    return undefined;
  }
  // A PEM key store holds the certificate and its key in one file; the TLS client finds each in it.
  return { caFile, ...(keyStore !== undefined && { certFile: keyStore, keyFile: keyStore }) };
}
