/**
 * The files a secured stack mounts into every Kafka container (at `secretsMount`), as text: the
 * development CA, the broker's PEM key store, the JAAS file with the PLAIN users, and for SCRAM a
 * start script that creates the SCRAM users with the broker's own tools before Kafka starts
 * (KRaft: `kafka-storage format --add-scram`; ZooKeeper: `kafka-configs --zookeeper`). Pure: the
 * passwords and certificates come in, file names and contents go out.
 */
import { envToSetting, flavorTemplates, type Flavor } from './flavor.js';
import { adminUserName, anySasl, anyTls, isScram, type ResolvedSecurity } from './security.js';
import { secretFiles, secretsMount } from './security-settings.js';
import type { KafkaNode } from './cluster.js';
import type { Mode } from './types.js';

export interface SecurityCredentials {
  /** kafka-dev's own password (brokers and the admin client log in with it). */
  readonly adminPassword: string;
  /** Every user of `security.users`, generated passwords filled in. */
  readonly users: readonly { readonly name: string; readonly password: string }[];
}

export interface BrokerTlsMaterial {
  readonly caCertificate: string;
  /** PKCS#8 private key, then the certificate chain, PEM. */
  readonly brokerKeyStore: string;
}

/** A Kafka node's service as far as its files need it: the node, and the environment the image turns into its settings. */
export interface KafkaNodeEnvironment {
  readonly node?: KafkaNode;
  readonly environment: Readonly<Record<string, string>>;
}

/** File name (in the mounted folder) to content. */
export type SecretFiles = Record<string, string>;

export function brokerSecretFiles(
  security: ResolvedSecurity,
  mode: Mode,
  flavor: Flavor,
  kafkaServices: readonly KafkaNodeEnvironment[],
  credentials: SecurityCredentials,
  tls: BrokerTlsMaterial | undefined,
): SecretFiles {
  const files: SecretFiles = {};
  if (anyTls(security)) {
    if (!tls) throw new Error('internal: TLS listeners without TLS material');
    files[secretFiles.ca] = tls.caCertificate;
    files[secretFiles.brokerKeyStore] = tls.brokerKeyStore;
  }
  if (anySasl(security)) {
    files[secretFiles.jaas] = jaasFile(security, credentials);
    if (isScram(security.sasl.mechanism)) {
      files[secretFiles.start] = startScript(security, mode, flavor, credentials);
      if (mode === 'kraft') {
        for (const service of kafkaServices) files[secretFiles.format(service.node!.id)] = formatProperties(flavor, service);
      }
    }
  }
  return files;
}

/** The container command of a Kafka node: the start script when SCRAM users must be made, else the image's own. */
export function securedCommand(security: ResolvedSecurity): readonly string[] | undefined {
  return anySasl(security) && isScram(security.sasl.mechanism) ? ['bash', `${secretsMount}/${secretFiles.start}`] : undefined;
}

/** A JAAS option value: double-quoted; the config refuses passwords with quotes, backslashes or control characters. */
export const jaasQuoted = (value: string): string => `"${value}"`;

function jaasFile(security: ResolvedSecurity, { adminPassword, users }: SecurityCredentials): string {
  // PLAIN checks passwords against these user_<name> options; SCRAM checks them against the cluster's credentials.
  const plainUsers = [{ name: adminUserName, password: adminPassword }, ...(security.sasl.mechanism === 'PLAIN' ? users : [])];
  const lines = [
    '// Written by kafka-dev: the brokers\' SASL logins. Holds passwords; never commit it.',
    'KafkaServer {',
    '  org.apache.kafka.common.security.plain.PlainLoginModule required',
    `    username=${jaasQuoted(adminUserName)}`,
    `    password=${jaasQuoted(adminPassword)}`,
    ...plainUsers.map(({ name, password }) => `    user_${name}=${jaasQuoted(password)}`),
    '  ;',
    ...(isScram(security.sasl.mechanism) ? ['  org.apache.kafka.common.security.scram.ScramLoginModule required;'] : []),
    '};',
  ];
  return `${lines.join('\n')}\n`;
}

/** A word for bash: single-quoted, a single quote written as '\''. */
export const shellQuoted = (value: string): string => `'${value.replace(/'/g, "'\\''")}'`;

function startScript(security: ResolvedSecurity, mode: Mode, flavor: Flavor, { users }: SecurityCredentials): string {
  const { security: contract } = flavorTemplates(flavor).kafka;
  const mechanism = security.sasl.mechanism;
  const body =
    mode === 'kraft'
      ? [
          '# KRaft: the credentials go into the bootstrap metadata when the storage is first formatted,',
          '# so they exist before any client connects; the image then finds the storage formatted.',
          `if [[ ! -e ${shellQuoted(`${dataDir(flavor)}/meta.properties`)} ]]; then`,
          // `--cluster-id=`: a base64url id may begin with '-', which the tool would take for an option.
          `  ${contract.storageTool} format --ignore-formatted --cluster-id="$CLUSTER_ID" --config "${secretsMount}/format-$KAFKA_NODE_ID.properties" \\`,
          ...users.map(({ name, password }) => `    --add-scram ${shellQuoted(`${mechanism}=[name=${name},password=${password}]`)} \\`),
          '    >/dev/null',
          'fi',
        ]
      : [
          '# ZooKeeper: the credentials are written to ZooKeeper before this broker starts (retried until it answers).',
          'add_scram_user() {',
          '  for attempt in $(seq 1 60); do',
          `    ${contract.configsTool} --zookeeper "$KAFKA_ZOOKEEPER_CONNECT" --alter --entity-type users --entity-name "$1" --add-config "$2" >/dev/null && return 0`,
          '    sleep 1',
          '  done',
          '  echo "kafka-dev: could not create the SCRAM user $1 in ZooKeeper" >&2',
          '  return 1',
          '}',
          ...users.map(({ name, password }) => `add_scram_user ${shellQuoted(name)} ${shellQuoted(`${mechanism}=[password=${password}]`)}`),
        ];
  return ['#!/usr/bin/env bash', '# Written by kafka-dev: creates the SCRAM users with the broker\'s own tools, then runs the image.', 'set -euo pipefail', ...body, `exec ${contract.run}`, ''].join('\n');
}

/** The node's settings as the image will write them, for the storage tool (which validates the whole config). */
function formatProperties(flavor: Flavor, service: KafkaNodeEnvironment): string {
  const settings = new Map<string, string>([['log.dirs', dataDir(flavor)]]);
  for (const [variable, value] of Object.entries(service.environment)) {
    const setting = envToSetting(flavor, variable);
    if (setting !== undefined) settings.set(setting, value);
  }
  return [...settings].map(([key, value]) => `${key}=${value.replace(/\\/g, '\\\\')}`).join('\n') + '\n';
}

/** Where the rendered images keep a node's log (the `data` volume): log.dirs of the format config, and where meta.properties appears. */
function dataDir(flavor: Flavor): string {
  const dir = flavorTemplates(flavor).kafka.dataVolumes.data;
  if (!dir) throw new Error(`internal: flavor ${flavor.name} has no data volume`);
  return dir;
}
