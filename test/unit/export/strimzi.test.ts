import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { loadConfig } from '../../../src/config/load.js';
import { parseConfig } from '../../../src/config/parse.js';
import { kubernetesName, renderStrimzi, strimziManifests, type StrimziManifest } from '../../../src/export/strimzi.js';
import { aclOperations, securityProtocols } from '../../../src/model/security.js';
import type { UserConfig } from '../../../src/model/types.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const crdFolder = `${repoRoot}test/fixtures/strimzi/`;
const resolved = (user: UserConfig) => parseConfig(user, { source: '/somewhere/kafka-dev.config.ts', defaultName: 'demo', env: { HOME: '/home/dev' } });

interface Crd {
  spec: { group: string; names: { kind: string }; versions: { name: string; schema: { openAPIV3Schema: object } }[] };
}

/** One validator per kind and API version, from the vendored CRDs of the pinned Strimzi release. */
const validators: Map<string, ValidateFunction> = (() => {
  // Kubernetes' own keywords (x-kubernetes-*) are not JSON Schema: strict mode would refuse them.
  const ajv = new Ajv({ strict: false, allErrors: true });
  const map = new Map<string, ValidateFunction>();
  for (const file of readdirSync(crdFolder).filter((name) => name.endsWith('.yaml'))) {
    const crd = parseYaml(readFileSync(crdFolder + file, 'utf8')) as Crd;
    for (const version of crd.spec.versions) map.set(`${crd.spec.group}/${version.name} ${crd.spec.names.kind}`, ajv.compile(version.schema.openAPIV3Schema));
  }
  return map;
})();

/** The schema problems of a manifest; a kind or API version the release does not define is one. */
function problemsOf(manifest: StrimziManifest): string[] {
  const validate = validators.get(`${manifest.apiVersion} ${manifest.kind}`);
  if (!validate) return [`no CRD for ${manifest.apiVersion} ${manifest.kind}`];
  const { kind, metadata } = manifest;
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((error) => `${kind} ${metadata.name}${error.instancePath}: ${error.message}`);
}

const kubernetesNamePattern = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

function expectValid(manifests: StrimziManifest[]): void {
  expect(manifests.flatMap(problemsOf)).toEqual([]);
  for (const manifest of manifests) expect(manifest.metadata.name).toMatch(kubernetesNamePattern);
}

const securedKraft: UserConfig = {
  name: 'shop',
  mode: 'kraft',
  brokers: 3,
  topics: [
    { name: 'orders', partitions: 6, replicationFactor: 3, config: { 'retention.ms': 86400000, 'cleanup.policy': 'compact' } },
    { name: 'Payments_v2', partitions: 3, replicationFactor: 2 },
  ],
  security: {
    outside: 'SASL_SSL',
    inside: 'SASL_SSL',
    users: [{ name: 'orders-app' }, { name: 'billing' }],
    acls: [
      { user: 'orders-app', topic: 'orders', operations: ['read', 'write', 'describe'] },
      { user: 'orders-app', group: 'orders-app', operations: ['read'] },
      { user: 'billing', topic: '*', operations: ['describe_configs', 'read'] },
    ],
  },
};

const variants: { name: string; config: UserConfig }[] = [
  { name: 'kraft-sasl-ssl-acls', config: securedKraft },
  { name: 'kraft-dedicated-mtls', config: { mode: 'kraft', brokers: 2, controllers: 3, security: { outside: 'SSL', inside: 'SSL', tls: { clientAuth: 'required' }, users: [{ name: 'app' }] } } },
];

describe('export strimzi', () => {
  test("the repository's own config validates against the pinned Strimzi CRDs", async () => {
    expectValid(strimziManifests(await loadConfig({ cwd: repoRoot, env: { HOME: '/home/dev' } })));
  }, 30_000); // loading a .ts config compiles it: seconds on a busy machine

  test('a 3-broker KRaft config with SASL_SSL users and ACLs validates against the pinned Strimzi CRDs', () => {
    expectValid(strimziManifests(resolved(securedKraft)));
  });

  test.each(variants)('renders the $name variant as in its golden file', async ({ name, config }) => {
    await expect(renderStrimzi(resolved(config))).toMatchFileSnapshot(`golden/${name}.yaml`);
  });

  test('the same config renders byte-identical output, one YAML document per manifest', () => {
    const text = renderStrimzi(resolved(securedKraft));
    expect(renderStrimzi(resolved(securedKraft))).toBe(text);
    expect(parseAllDocuments(text).map((document) => document.toJS().kind)).toEqual(['Kafka', 'KafkaNodePool', 'KafkaTopic', 'KafkaTopic', 'KafkaUser', 'KafkaUser']);
  });

  test('listeners carry the config security: SCRAM over SASL, certificates over mutual TLS, the simple authorizer with ACLs', () => {
    const [kafka, , , , ordersApp] = strimziManifests(resolved(securedKraft));
    expect(kafka!.spec).toMatchObject({
      kafka: {
        listeners: [
          { name: 'internal', tls: true, authentication: { type: 'scram-sha-512' } },
          { name: 'external', tls: true, authentication: { type: 'scram-sha-512' } },
        ],
        authorization: { type: 'simple' },
      },
    });
    expect(ordersApp!.spec).toEqual({
      authentication: { type: 'scram-sha-512' },
      authorization: {
        type: 'simple',
        acls: [
          { resource: { type: 'topic', name: 'orders', patternType: 'literal' }, operations: ['Read', 'Write', 'Describe'], host: '*' },
          { resource: { type: 'group', name: 'orders-app', patternType: 'literal' }, operations: ['Read'], host: '*' },
        ],
      },
    });
    const mtls = strimziManifests(resolved(variants[1]!.config));
    expect(mtls.filter((manifest) => manifest.kind === 'KafkaNodePool').map((pool) => [pool.metadata.name, pool.spec.replicas, pool.spec.roles])).toEqual([
      ['controllers', 3, ['controller']],
      ['brokers', 2, ['broker']],
    ]);
    expect(mtls.find((manifest) => manifest.kind === 'KafkaUser')!.spec).toEqual({ authentication: { type: 'tls' } });
  });

  test('no password reaches the manifests, and an unsecured config exports no users', () => {
    const text = renderStrimzi(resolved({ ...securedKraft, security: { ...securedKraft.security, users: [{ name: 'orders-app', password: 'sekret-pass' }, { name: 'billing' }] } }));
    expect(text).not.toContain('sekret-pass');
    expect(strimziManifests(resolved({})).map((manifest) => manifest.kind)).toEqual(['Kafka', 'KafkaNodePool', 'KafkaTopic']);
  });

  test('the validator refuses what the CRDs do not allow: an unknown listener type, a missing pool role, an unknown ACL operation', () => {
    const [kafka, pool, , , user] = strimziManifests(resolved(securedKraft));
    const broken = (manifest: StrimziManifest, spec: Record<string, unknown>): StrimziManifest => ({ ...manifest, spec: { ...manifest.spec, ...spec } });
    expect(problemsOf(broken(kafka!, { kafka: { listeners: [{ name: 'x', port: 9092, type: 'wormhole', tls: false }] } }))).not.toEqual([]);
    expect(problemsOf(broken(pool!, { roles: undefined }))).not.toEqual([]);
    expect(problemsOf(broken(user!, { authorization: { type: 'simple', acls: [{ resource: { type: 'topic', name: 'a' }, operations: ['Fly'] }] } }))).not.toEqual([]);
    expect(problemsOf({ ...kafka!, apiVersion: 'kafka.strimzi.io/v1beta2' as never })).toEqual(['no CRD for kafka.strimzi.io/v1beta2 Kafka']);
  });

  test('a user name Kubernetes cannot hold is refused naming the field, since Strimzi logs the user in by that name', () => {
    const config = resolved({ security: { outside: 'SASL_PLAINTEXT', users: [{ name: 'ok' }, { name: 'Billing_App' }] } });
    expect(() => strimziManifests(config)).toThrow(/security\.users\[1\]\.name: got 'Billing_App'; Strimzi names a KafkaUser by its user name/);
  });

  test('a topic name Kubernetes cannot hold keeps its Kafka name in topicName, and two such names stay apart', () => {
    const topics = strimziManifests(resolved(securedKraft)).filter((manifest) => manifest.kind === 'KafkaTopic');
    expect(topics[1]!.spec.topicName).toBe('Payments_v2');
    expect(topics[0]!.spec).not.toHaveProperty('topicName');
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9._-]{1,249}$/), fc.stringMatching(/^[a-zA-Z0-9._-]{1,249}$/), (one, other) => {
        expect(kubernetesName(one)).toMatch(kubernetesNamePattern);
        expect(kubernetesName(one).length).toBeLessThanOrEqual(253);
        if (one !== other) expect(kubernetesName(one)).not.toBe(kubernetesName(other));
      }),
    );
  });

  test('every export of a valid config validates against the pinned Strimzi CRDs', () => {
    const topicName = fc.stringMatching(/^[a-zA-Z0-9._-]{1,40}$/).filter((name) => name !== '.' && name !== '..');
    const userName = fc.stringMatching(/^[a-z]([a-z0-9-]{0,14}[a-z0-9])?$/);
    const config = fc
      .record({
        mode: fc.constantFrom('zookeeper' as const, 'kraft' as const),
        brokers: fc.integer({ min: 1, max: 9 }),
        controllers: fc.integer({ min: 0, max: 5 }),
        topics: fc.uniqueArray(fc.record({ name: topicName, partitions: fc.integer({ min: 1, max: 64 }), replication: fc.integer({ min: 1, max: 9 }) }), { selector: (topic) => topic.name, maxLength: 4 }),
        outside: fc.constantFrom(...securityProtocols),
        inside: fc.constantFrom(...securityProtocols),
        clientAuth: fc.constantFrom('none' as const, 'required' as const),
        users: fc.uniqueArray(userName, { minLength: 1, maxLength: 3 }),
        operations: fc.subarray([...aclOperations], { minLength: 1 }),
        withAcls: fc.boolean(),
      })
      .map(
        (drawn): UserConfig => ({
          mode: drawn.mode,
          brokers: drawn.brokers,
          ...(drawn.mode === 'kraft' && { controllers: drawn.controllers }),
          topics: drawn.topics.map((topic) => ({ name: topic.name, partitions: topic.partitions, replicationFactor: Math.min(topic.replication, drawn.brokers) })),
          security: {
            outside: drawn.outside,
            inside: drawn.inside,
            ...(drawn.clientAuth === 'required' && { tls: { clientAuth: 'required' } }),
            users: drawn.users.map((name) => ({ name })),
            ...(drawn.withAcls && { acls: drawn.users.map((user) => ({ user, topic: '*', operations: drawn.operations })) }),
          },
        }),
      );
    let exported = 0;
    fc.assert(
      fc.property(config, (user) => {
        let parsed;
        try {
          parsed = resolved(user);
        } catch {
          return; // a combination the config rules refuse (e.g. client certificates without TLS) has nothing to export
        }
        exported += 1;
        expectValid(strimziManifests(parsed));
      }),
      { numRuns: 150 },
    );
    expect(exported).toBeGreaterThan(50);
  });
});
