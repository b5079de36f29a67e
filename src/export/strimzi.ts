/**
 * The resolved config as Kubernetes manifests for the Strimzi operator (`kafka.strimzi.io/v1`):
 * a `Kafka` in KRaft mode with an internal and an external listener secured as the config's
 * INSIDE and OUTSIDE are, its `KafkaNodePool`s, a `KafkaTopic` per declared topic and a
 * `KafkaUser` per user with its ACLs. Pure and deterministic: the same config gives the same text.
 * Passwords never go into the manifests; Strimzi's user operator generates them into Secrets.
 */
import { createHash } from 'node:crypto';
import { Document } from 'yaml';
import { ConfigError } from '../base/errors.js';
import { quoteText } from '../base/text.js';
import { authorizerOn, usesSasl, usesTls, type ResolvedAcl, type ResolvedSecurity, type ResolvedUser } from '../model/security.js';
import { internalReplication } from '../model/stack.js';
import type { AclOperation, KafkaSettings, ResolvedConfig, ResolvedTopic, SecurityProtocol } from '../model/types.js';

export const strimziApiVersion = 'kafka.strimzi.io/v1';

export interface StrimziManifest {
  readonly kind: 'Kafka' | 'KafkaNodePool' | 'KafkaTopic' | 'KafkaUser';
  readonly apiVersion: typeof strimziApiVersion;
  readonly metadata: { readonly name: string; readonly labels?: Readonly<Record<string, string>> };
  readonly spec: Readonly<Record<string, unknown>>;
}

/** Strimzi's listener ports for clients inside Kubernetes and outside it (its examples' convention). */
const internalPort = 9092;
const externalPort = 9094;

/** Every manifest, in the order `kubectl apply` should create them: the cluster, its pools, topics, users. */
export function strimziManifests(config: ResolvedConfig): StrimziManifest[] {
  const users = authenticates(config.security) ? config.security.users : [];
  refuseRenamedUsers(users, config.source);
  const cluster = kubernetesName(config.name);
  const owned = (name: string) => ({ name, labels: { 'strimzi.io/cluster': cluster } });
  const resource = (kind: StrimziManifest['kind'], metadata: StrimziManifest['metadata'], spec: StrimziManifest['spec']): StrimziManifest => ({
    apiVersion: strimziApiVersion,
    kind,
    metadata,
    spec,
  });
  return [
    resource('Kafka', { name: cluster }, kafkaSpec(config)),
    ...nodePools(config).map((pool) => resource('KafkaNodePool', owned(pool.name), pool.spec)),
    ...config.topics.map((topic) => resource('KafkaTopic', owned(kubernetesName(topic.name)), topicSpec(topic))),
    ...users.map((user) => resource('KafkaUser', owned(user.name), userSpec(user.name, config.security))),
  ];
}

/**
 * A KafkaUser's object name is its Kafka user name (Strimzi has no other field for it), so a user
 * name Kubernetes cannot hold is refused rather than exported as another name the app would not log in with.
 */
function refuseRenamedUsers(users: readonly ResolvedUser[], source: string): void {
  const issues = users.flatMap((user, index) =>
    kubernetesName(user.name) === user.name
      ? []
      : [{ path: `security.users[${index}].name`, message: `got ${quoteText(user.name)}; Strimzi names a KafkaUser by its user name, expected lower case letters, digits, '-' and '.', beginning and ending with a letter or digit` }],
  );
  if (issues.length > 0) throw new ConfigError(source, issues, { hint: 'Rename the user (and its ACLs) to export it to Strimzi.' });
}

/** The manifests as one multi-document YAML stream, as `kubectl apply -f -` reads it. */
export function renderStrimzi(config: ResolvedConfig): string {
  return manifestsYaml(strimziManifests(config));
}

export function manifestsYaml(manifests: readonly StrimziManifest[]): string {
  return manifests.map(manifestYaml).join('---\n');
}

export function manifestYaml(manifest: StrimziManifest): string {
  return new Document(manifest).toString({ lineWidth: 0 });
}

function kafkaSpec(config: ResolvedConfig): Record<string, unknown> {
  const { security } = config;
  return {
    kafka: {
      listeners: [listener('internal', internalPort, 'internal', security.inside, security), listener('external', externalPort, 'nodeport', security.outside, security)],
      ...(authorizerOn(security) && { authorization: { type: 'simple' } }),
      config: { ...replicationSettings(config.brokers), ...config.brokerConfig },
    },
    // The topic and user operators turn the KafkaTopic and KafkaUser resources into topics, users and ACLs.
    entityOperator: { topicOperator: {}, userOperator: {} },
  };
}

function listener(name: string, port: number, type: string, protocol: SecurityProtocol, security: ResolvedSecurity): Record<string, unknown> {
  const authentication = listenerAuthentication(protocol, security);
  return { name, port, type, tls: usesTls(protocol), ...(authentication && { authentication }) };
}

/**
 * Strimzi's built-in SASL is SCRAM-SHA-512 (its users are SCRAM-SHA-512 users), so any SASL
 * listener becomes one; a TLS listener that requires client certificates becomes `tls`.
 */
function listenerAuthentication(protocol: SecurityProtocol, security: ResolvedSecurity): { type: string } | undefined {
  if (usesSasl(protocol)) return { type: 'scram-sha-512' };
  if (usesTls(protocol) && security.tls.clientAuth === 'required') return { type: 'tls' };
  return undefined;
}

/** Internal topics sized as `up` sizes them; the config's own broker settings win over these. */
function replicationSettings(brokers: number): KafkaSettings {
  const { replicas, minInSync } = internalReplication(brokers);
  return {
    'offsets.topic.replication.factor': replicas,
    'transaction.state.log.replication.factor': replicas,
    'transaction.state.log.min.isr': minInSync,
    'default.replication.factor': replicas,
    'min.insync.replicas': minInSync,
  };
}

const storage = { type: 'jbod', volumes: [{ id: 0, type: 'persistent-claim', size: '10Gi', deleteClaim: false, kraftMetadata: 'shared' }] };

/**
 * Strimzi runs KRaft only, so a ZooKeeper-mode config becomes combined nodes, as KRaft without
 * dedicated controllers is: one pool of broker+controller nodes; dedicated controllers get their own pool.
 */
function nodePools(config: ResolvedConfig): { name: string; spec: Record<string, unknown> }[] {
  const dedicated = config.mode === 'kraft' && config.controllers > 0;
  if (!dedicated) return [{ name: 'kafka', spec: { replicas: config.brokers, roles: ['controller', 'broker'], storage } }];
  return [
    { name: 'controllers', spec: { replicas: config.controllers, roles: ['controller'], storage } },
    { name: 'brokers', spec: { replicas: config.brokers, roles: ['broker'], storage } },
  ];
}

function topicSpec(topic: ResolvedTopic): Record<string, unknown> {
  return {
    ...(kubernetesName(topic.name) !== topic.name && { topicName: topic.name }),
    partitions: topic.partitions,
    replicas: topic.replicationFactor,
    ...(Object.keys(topic.config).length > 0 && { config: { ...topic.config } }),
  };
}

function userSpec(name: string, security: ResolvedSecurity): Record<string, unknown> {
  const acls = security.acls.filter((acl) => acl.user === name);
  return {
    authentication: { type: userAuthentication(security) },
    ...(authorizerOn(security) && { authorization: { type: 'simple', acls: acls.map(strimziAcl) } }),
  };
}

/** Users exist only where a listener asks who connects: SASL, or TLS with client certificates. */
function authenticates(security: ResolvedSecurity): boolean {
  return [security.inside, security.outside].some((protocol) => listenerAuthentication(protocol, security) !== undefined);
}

/** SCRAM when any listener speaks SASL; else a client certificate (the only other way Strimzi knows a user). */
function userAuthentication(security: ResolvedSecurity): 'scram-sha-512' | 'tls' {
  return usesSasl(security.outside) || usesSasl(security.inside) ? 'scram-sha-512' : 'tls';
}

const operationNames: Record<AclOperation, string> = {
  all: 'All',
  read: 'Read',
  write: 'Write',
  create: 'Create',
  delete: 'Delete',
  alter: 'Alter',
  describe: 'Describe',
  describe_configs: 'DescribeConfigs',
  alter_configs: 'AlterConfigs',
};

function strimziAcl(acl: ResolvedAcl): Record<string, unknown> {
  return {
    resource: { type: acl.resource.type, name: acl.resource.name, patternType: 'literal' },
    operations: acl.operations.map((operation) => operationNames[operation]),
    host: '*',
  };
}

const dnsLabel = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/**
 * A Kubernetes object name (DNS-1123 subdomain: dot-separated labels of lower case, digits and
 * `-`, at most 253 characters) for a Kafka name. A name that is one already stays; any other is
 * lowered, its other characters become `-`, and a short hash of the original keeps two such names apart.
 */
export function kubernetesName(name: string): string {
  if (name.length <= 253 && name.split('.').every((label) => dnsLabel.test(label))) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const labels = name
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .split('.')
    .map((label) => label.replace(/^-+|-+$/g, ''))
    .filter((label) => label !== '');
  const base = labels.join('.').slice(0, 240).replace(/[.-]+$/, '');
  return base ? `${base}-${hash}` : hash;
}
