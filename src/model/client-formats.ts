import { KafkaDevError } from '../base/errors.js';
import { quoteText } from '../base/text.js';
import type { ClientSettings } from './client-settings.js';

/**
 * The client settings of one listener and user, written for the clients people use: a Java
 * properties file (Java clients, Kafka's own tools), a librdkafka properties file (kcat `-F`,
 * confluent-kafka-go, other librdkafka clients), a Node module (@platformatic/kafka, kafkajs),
 * a Python dict (confluent-kafka) and a dotenv file. Pure: every value is escaped for its
 * format, and a value a format cannot hold is refused rather than written wrong.
 */

export const clientFormats = ['properties', 'librdkafka', 'node', 'python', 'dotenv'] as const;
export type ClientFormat = (typeof clientFormats)[number];

type Entries = [key: string, value: string][];

/**
 * PEM text for Java clients to take inline rather than as file paths: the client certificate and
 * its key (a PEM keystore needs both in one place), and the CA where the client has no file of it.
 */
export interface ClientPem {
  readonly cert?: string;
  readonly key?: string;
  readonly ca?: string;
}

/** Java client properties: the JAAS line carries the credentials; PEM needs no keystore file. */
export function javaClientEntries({ bootstrap, protocol, sasl, tls }: ClientSettings, pem?: ClientPem): Entries {
  const entries: Entries = [
    ['bootstrap.servers', bootstrap.join(',')],
    ['security.protocol', protocol],
  ];
  if (sasl) {
    const loginModule = sasl.mechanism === 'PLAIN' ? 'org.apache.kafka.common.security.plain.PlainLoginModule' : 'org.apache.kafka.common.security.scram.ScramLoginModule';
    entries.push(['sasl.mechanism', sasl.mechanism]);
    entries.push(['sasl.jaas.config', `${loginModule} required username=${jaasQuoted(sasl.username)} password=${jaasQuoted(sasl.password)};`]);
  }
  if (tls) entries.push(['ssl.truststore.type', 'PEM'], pem?.ca ? ['ssl.truststore.certificates', pem.ca] : ['ssl.truststore.location', tls.caFile]);
  if (tls?.certFile && pem?.cert && pem.key) entries.push(['ssl.keystore.type', 'PEM'], ['ssl.keystore.certificate.chain', pem.cert], ['ssl.keystore.key', pem.key]);
  return entries;
}

/** librdkafka's names for the same settings (`sasl.mechanisms`, PEM file locations). */
export function librdkafkaEntries({ bootstrap, protocol, sasl, tls }: ClientSettings): Entries {
  const entries: Entries = [
    ['bootstrap.servers', bootstrap.join(',')],
    ['security.protocol', protocol],
  ];
  if (sasl) entries.push(['sasl.mechanisms', sasl.mechanism], ['sasl.username', sasl.username], ['sasl.password', sasl.password]);
  if (tls) entries.push(['ssl.ca.location', tls.caFile]);
  if (tls?.certFile && tls.keyFile) entries.push(['ssl.certificate.location', tls.certFile], ['ssl.key.location', tls.keyFile]);
  return entries;
}

/** The same settings as environment variables: `KAFKA_` and the librdkafka name in capitals. */
export function environmentEntries(settings: ClientSettings): Entries {
  return librdkafkaEntries(settings).map(([key, value]) => [`KAFKA_${key.toUpperCase().replace(/\./g, '_')}`, value]);
}

/**
 * The settings in one format; `pem` gives Java clients the client certificate under mTLS. A
 * Schema Registry's URL follows the Kafka settings, in the form that format's serializers read.
 */
export function renderClientSettings(settings: ClientSettings, format: ClientFormat, pem?: ClientPem): string {
  const registry = settings.schemaRegistryUrl === undefined ? '' : schemaRegistryRenderers[format](settings.schemaRegistryUrl);
  return renderers[format](settings, pem) + registry;
}

const schemaRegistryRenderers: Record<ClientFormat, (url: string) => string> = {
  // Confluent's serializers read schema.registry.url beside the Kafka settings.
  properties: (url) => `schema.registry.url=${propertiesEscaped(url, 'value')}\n`,
  // librdkafka refuses settings it does not know, so the URL is only a comment there.
  librdkafka: (url) => `# Schema Registry (for serializers, not a librdkafka setting): ${url}\n`,
  python: (url) => `# confluent-kafka: SchemaRegistryClient(schema_registry_conf)\nschema_registry_conf = {"url": ${JSON.stringify(url)}}\n`,
  dotenv: (url) => `SCHEMA_REGISTRY_URL=${dotenvQuoted('SCHEMA_REGISTRY_URL', url)}\n`,
  node: (url) => `\n// @kafkajs/confluent-schema-registry: new SchemaRegistry({ host: schemaRegistryUrl })\nexport const schemaRegistryUrl = ${JSON.stringify(url)};\n`,
};

const renderers: Record<ClientFormat, (settings: ClientSettings, pem?: ClientPem) => string> = {
  properties: (settings, pem) => javaClientEntries(settings, pem).map(([key, value]) => `${propertiesEscaped(key, 'key')}=${propertiesEscaped(value, 'value')}\n`).join(''),
  librdkafka: (settings) => librdkafkaEntries(settings).map(([key, value]) => `${key}=${librdkafkaValue(key, value)}\n`).join(''),
  python: (settings) =>
    `# confluent-kafka: Producer(config), Consumer({**config, "group.id": "my-group"})\nconfig = {\n${librdkafkaEntries(settings)
      .map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`)
      .join('')}}\n`,
  dotenv: (settings) => environmentEntries(settings).map(([key, value]) => `${key}=${dotenvQuoted(key, value)}\n`).join(''),
  node: renderNode,
};

/**
 * An ES module with one options object per client. Certificates are read when the module loads,
 * so the printed text holds paths, never key material.
 */
function renderNode({ bootstrap, sasl, tls }: ClientSettings): string {
  const tlsFiles = Object.entries({ ca: tls?.caFile, cert: tls?.certFile, key: tls?.keyFile })
    .filter(([, file]) => file !== undefined)
    .map(([option, file]) => `${option}: readFileSync(${JSON.stringify(file)}, 'utf8')`);
  const object = (fields: (string | undefined)[]) => `{\n${fields.filter((field) => field !== undefined).map((field) => `  ${field},\n`).join('')}}`;
  const saslOf = (mechanism: string) => sasl && `sasl: { mechanism: ${JSON.stringify(mechanism)}, username: ${JSON.stringify(sasl.username)}, password: ${JSON.stringify(sasl.password)} }`;
  const tlsOf = (option: string) => (tlsFiles.length > 0 ? `${option}: { ${tlsFiles.join(', ')} }` : undefined);
  const brokers = JSON.stringify(bootstrap);
  // kafkajs names its mechanisms in lower case.
  const platformatic = object([`bootstrapBrokers: ${brokers}`, saslOf(sasl?.mechanism ?? ''), tlsOf('tls')]);
  const kafkajs = object([`brokers: ${brokers}`, saslOf(sasl?.mechanism.toLowerCase() ?? ''), tlsOf('ssl')]);
  return [
    ...(tlsFiles.length > 0 ? ["import { readFileSync } from 'node:fs';", ''] : []),
    "// @platformatic/kafka: new Producer({ clientId: 'my-app', ...platformaticKafka })",
    `export const platformaticKafka = ${platformatic};`,
    '',
    "// kafkajs: new Kafka({ clientId: 'my-app', ...kafkajs })",
    `export const kafkajs = ${kafkajs};`,
    '',
  ].join('\n');
}

/** Inside a JAAS quoted string, `"` and `\` are escaped with a backslash. */
function jaasQuoted(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * `java.util.Properties` escaping: backslash escapes for separators, comment marks and
 * whitespace, and `\uXXXX` for everything outside printable ASCII, since Kafka's tools read the
 * file as ISO-8859-1.
 */
function propertiesEscaped(text: string, part: 'key' | 'value'): string {
  let escaped = '';
  for (const [index, char] of [...text].entries()) {
    if (char === ' ') escaped += part === 'key' || index === 0 ? '\\ ' : ' ';
    else if ('\\=:#!'.includes(char)) escaped += `\\${char}`;
    else if (char === '\t') escaped += '\\t';
    else if (char === '\n') escaped += '\\n';
    else if (char === '\r') escaped += '\\r';
    else if (char === '\f') escaped += '\\f';
    else if (char < ' ' || char > '~') escaped += [...char].map(unicodeEscape).join('');
    else escaped += char;
  }
  return escaped;
}

const unicodeEscape = (char: string) =>
  Array.from({ length: char.length }, (_, unit) => `\\u${char.charCodeAt(unit).toString(16).padStart(4, '0')}`).join('');

/**
 * librdkafka property files have no escapes: kcat trims each line and splits it at the first `=`,
 * and treats `\#` as `#`. A value those rules would change is refused.
 */
function librdkafkaValue(key: string, value: string): string {
  if (/[\r\n]/.test(value) || value.trim() !== value || value.includes('\\#')) {
    throw new KafkaDevError(
      `Cannot write ${key} as a librdkafka property: its value ${quoteText(value)} has a line break, surrounding spaces or '\\#', which librdkafka property files cannot hold`,
      { hint: 'Use --format json, or choose a value without them.' },
    );
  }
  return value;
}

/**
 * dotenv quoting: single quotes keep everything literal but a single quote; backticks everything
 * but a backtick; double quotes everything but `"` and the `\n`/`\r` sequences dotenv expands.
 */
function dotenvQuoted(key: string, value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('`')) return `\`${value}\``;
  if (!value.includes('"') && !/\\[nr]/.test(value)) return `"${value}"`;
  throw new KafkaDevError(`Cannot write ${key} to a dotenv file: its value ${quoteText(value)} holds all three quote characters (' " \`), which no dotenv quoting can hold`, {
    hint: 'Use --format json, or choose a value without one of them.',
  });
}
