import { describe, expect, test } from 'vitest';
import { configIssues } from '../config-issues.js';
import { parseConfig } from '../../../src/config/parse.js';
import { buildStackModel } from '../../../src/model/stack.js';
import { expandReferences } from '../../../src/model/companions/references.js';
import { companionTopics } from '../../../src/model/companions/registry.js';

const parse = (raw: unknown, env: Record<string, string> = {}) =>
  parseConfig(raw, { source: '/project/kafka-dev.config.ts', defaultName: 'app', env });

const issuesOf = (raw: unknown) => configIssues(() => parse(raw));

const companions = (raw: unknown) => buildStackModel(parse(raw)).services.filter((service) => service.role === 'companion');

describe('generic services', () => {
  test('resolve references, ports on 127.0.0.1, volumes, dependsOn and readiness into the stack model', () => {
    const app = companions({
      brokers: 2,
      schemaRegistry: {},
      services: {
        myapp: {
          image: 'my/app:dev',
          environment: { BOOTSTRAP: '${kafka.inside.bootstrap}', HOST_BOOTSTRAP: '${kafka.outside.bootstrap}', REGISTRY: '${schemaRegistry.inside.url}', PRICE: '$$5' },
          ports: ['8080:80', '0.0.0.0:9000:9000'],
          volumes: ['data:/data', './files:/files:ro'],
          dependsOn: ['kafka', 'schema-registry'],
          ready: { tcp: 80 },
        },
      },
    }).find((service) => service.name === 'myapp');
    expect(app).toMatchObject({
      name: 'myapp',
      hostname: 'myapp',
      image: 'my/app:dev',
      environment: { BOOTSTRAP: 'kafka-1:9093,kafka-2:9093', HOST_BOOTSTRAP: 'localhost:9092,localhost:9093', REGISTRY: 'http://schema-registry:8081', PRICE: '$5' },
      ports: [{ bind: '127.0.0.1', host: 8080, container: 80 }, { bind: '0.0.0.0', host: 9000, container: 9000 }],
      volumes: [{ volume: 'data', target: '/data' }],
      binds: [{ source: '/project/files', target: '/files', readOnly: true }],
      dependsOn: ['kafka-1', 'kafka-2', 'schema-registry'],
      companion: { kind: 'service', ready: { kind: 'tcp', host: '127.0.0.1', port: 8080 } },
    });
  });

  test('an unknown reference is an error naming the variable, the value and the known references', () => {
    const issues = issuesOf({ services: { app: { image: 'a', environment: { B: '${kafka.insde.bootstrap}' } } } });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('services.app.environment.B');
    expect(issues[0]!.message).toContain("'${kafka.insde.bootstrap}'");
    expect(issues[0]!.message).toContain('did you mean ${kafka.inside.bootstrap}?');
  });

  test('a Schema Registry reference without a schemaRegistry says what to add', () => {
    const [issue] = issuesOf({ services: { app: { image: 'a', environment: { R: '${schemaRegistry.outside.url}' } } } });
    expect(issue).toMatchObject({ path: 'services.app.environment.R' });
    expect(issue!.message).toContain("only when 'schemaRegistry' is configured");
  });

  test('dependsOn names only services of the stack, without cycles', () => {
    expect(issuesOf({ services: { app: { image: 'a', dependsOn: ['kafak'] } } })).toEqual([
      { path: 'services.app.dependsOn[0]', message: "got 'kafak', which is no service of this stack; expected one of kafka, zookeeper" },
    ]);
    const cycle = issuesOf({ services: { a: { image: 'x', dependsOn: ['b'] }, b: { image: 'x', dependsOn: ['a'] } } });
    expect(cycle.map((issue) => issue.path)).toEqual(['services.a.dependsOn', 'services.b.dependsOn']);
    expect(cycle[0]!.message).toContain('a -> b -> a');
  });

  test("a port Kafka publishes is refused on the service's ports field", () => {
    const issues = issuesOf({ services: { app: { image: 'a', ports: ['9092:9092'] } } });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('services.app.ports');
    expect(issues[0]!.message).toContain('host port 9092');
  });

  test('a service may not take a Kafka service name', () => {
    const [issue] = issuesOf({ services: { zookeeper: { image: 'a' } } });
    expect(issue!.path).toBe('services.zookeeper');
  });

  test.each([
    [{ ready: { http: 'localhost:8080' } }, 'services.app.ready.http'],
    [{ ready: { log: '([' } }, 'services.app.ready.log'],
    [{ ready: {} }, 'services.app.ready'],
    [{ ready: { log: 'a', tcp: 80 } }, 'services.app.ready'],
    [{ ready: { tcp: 8080 } }, 'services.app.ready.tcp'],
    [{ ports: ['8080'] }, 'services.app.ports[0]'],
    [{ ports: ['localhost:8080:80'] }, 'services.app.ports[0]'],
    [{ volumes: ['data'] }, 'services.app.volumes[0]'],
    [{ command: [] }, 'services.app.command'],
  ])('a bad field %j is named', (fields, path) => {
    const issues = issuesOf({ services: { app: { image: 'a', ...fields } } });
    expect(issues.map((issue) => issue.path)).toEqual([path]);
    expect(issues[0]!.message).toMatch(/expected/);
  });
});

describe('schema registry', () => {
  test('confluent: the SCHEMA_REGISTRY_* contract over INSIDE, published on 127.0.0.1, ready when /subjects answers', () => {
    const [registry] = companions({ brokers: 3, schemaRegistry: { port: 18081 } });
    expect(registry).toMatchObject({
      name: 'schema-registry',
      image: 'confluentinc/cp-schema-registry:7.9.11',
      environment: {
        SCHEMA_REGISTRY_HOST_NAME: 'schema-registry',
        SCHEMA_REGISTRY_LISTENERS: 'http://0.0.0.0:8081',
        SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS: 'PLAINTEXT://kafka-1:9093,PLAINTEXT://kafka-2:9093,PLAINTEXT://kafka-3:9093',
      },
      ports: [{ bind: '127.0.0.1', host: 18081, container: 8081 }],
      dependsOn: ['kafka-1', 'kafka-2', 'kafka-3'],
      companion: {
        ready: { kind: 'http', url: 'http://127.0.0.1:18081/subjects' },
        endpoints: [{ host: 'http://localhost:18081', containers: 'http://schema-registry:8081' }],
      },
    });
  });

  test('apicurio: kafkasql storage over INSIDE, its Confluent-compatible API path in every URL', () => {
    const [registry] = companions({ schemaRegistry: { flavor: 'apicurio' } });
    expect(registry).toMatchObject({
      image: 'apicurio/apicurio-registry:3.3.3',
      environment: { APICURIO_STORAGE_KIND: 'kafkasql', APICURIO_KAFKASQL_BOOTSTRAP_SERVERS: 'kafka:9093' },
      ports: [{ bind: '127.0.0.1', host: 8081, container: 8080 }],
      companion: {
        ready: { kind: 'http', url: 'http://127.0.0.1:8081/apis/ccompat/v7/subjects' },
        endpoints: [{ host: 'http://localhost:8081/apis/ccompat/v7', containers: 'http://schema-registry:8080/apis/ccompat/v7' }],
      },
    });
  });

  test('the image override picks the flavor from the image name', () => {
    const config = parse({ schemaRegistry: {} }, { KAFKA_DEV_SCHEMA_REGISTRY_IMAGE: 'kafka-dev-local/apicurio-registry:3' });
    expect(config.schemaRegistry).toMatchObject({ flavor: 'apicurio', image: 'kafka-dev-local/apicurio-registry:3' });
  });

  test("an Apicurio 2.x image would keep schemas in memory, so storage 'kafka' is refused with it", () => {
    const [issue] = issuesOf({ schemaRegistry: { flavor: 'apicurio', image: 'kafka-dev-local/apicurio-registry:2.4' } });
    expect(issue).toEqual({ path: 'schemaRegistry.storage', message: expect.stringMatching(/got 'kafka'.*'kafka-dev-local\/apicurio-registry:2\.4'.*2\.x.*expected 'memory'/) });
    expect(parse({ schemaRegistry: { flavor: 'apicurio', image: 'kafka-dev-local/apicurio-registry:2.4', storage: 'memory' } }).schemaRegistry?.storage).toBe('memory');
    expect(parse({ schemaRegistry: { flavor: 'apicurio', image: 'apicurio/apicurio-registry:3.3.3' } }).schemaRegistry?.storage).toBe('kafka');
  });

  test("confluent keeps schemas only in Kafka, so storage 'memory' is refused", () => {
    expect(issuesOf({ schemaRegistry: { storage: 'memory' } }).map((issue) => issue.path)).toEqual(['schemaRegistry.storage']);
  });

  test('no registry and no services add nothing to the stack', () => {
    expect(companions({})).toEqual([]);
  });
  test('the topics a registry stores its schemas in are its own, so up --prune leaves them', () => {
    expect(companionTopics(parse({ schemaRegistry: {} }))).toEqual(['_schemas']);
    expect(companionTopics(parse({ schemaRegistry: { flavor: 'apicurio' } }))).toEqual(['kafkasql-journal', 'kafkasql-snapshots']);
    expect(companionTopics(parse({ schemaRegistry: { flavor: 'apicurio', storage: 'memory' } }))).toEqual([]);
    expect(companionTopics(parse({}))).toEqual([]);
  });
});

describe('expandReferences', () => {
  test('$$ is a literal $, a lone $ stays, unknown names are reported once each occurrence', () => {
    const references = new Map([['a', 'A']]);
    expect(expandReferences('${a}-$${a}-$x-${b}', references)).toEqual({ value: 'A-${a}-$x-${b}', unknown: ['b'] });
  });
});
