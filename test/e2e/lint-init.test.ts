import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cliPath, kafkaDev, projectFolder, repoRoot, requireDocker } from './helpers.js';

/** `kafka-dev lint` and `kafka-dev init` through the built CLI, in fresh folders; neither touches Docker. */
const fixtures = join(repoRoot, 'test/fixtures/compose');

/** Renders the config in `cwd` with the built CLI: proof that every command can load it. */
async function rendered(cwd: string, env: Record<string, string> = {}): Promise<{ services: Record<string, { environment: Record<string, string>; ports?: string[] }> }> {
  const result = await kafkaDev(['render', '--stdout'], { cwd, env });
  expect(result.exitCode, result.stderr).toBe(0);
  return parseYaml(result.stdout);
}

beforeAll(requireDocker);

describe('kafka-dev lint', () => {
  test.each([
    { fixture: 'blog-post-mistakes.yml', exitCode: 1, errors: 6, warnings: 2 },
    { fixture: 'confluent-cp-all-in-one.yml', exitCode: 1, errors: 1, warnings: 9 },
    { fixture: 'wurstmeister-quick-start.yml', exitCode: 1, errors: 1, warnings: 5 },
    { fixture: 'apache-kafka-kraft.yml', exitCode: 0, errors: 0, warnings: 2 },
    { fixture: 'three-brokers-anchors.yml', exitCode: 0, errors: 0, warnings: 0 },
  ])('exits $exitCode on $fixture, counting $errors errors and $warnings warnings', async ({ fixture, exitCode, errors, warnings }) => {
    const result = await kafkaDev(['lint', join(fixtures, fixture), '--json'], { cwd: fixtures });
    expect(result.exitCode, result.stderr).toBe(exitCode);
    expect(JSON.parse(result.stdout)).toMatchObject({ file: fixture, errors, warnings });
    if (errors > 0) expect(result.stderr).toContain(`${fixture}: ${errors} error`);
  });

  test('prints file:line, what is wrong, why and the fix', async () => {
    const result = await kafkaDev(['lint', 'confluent-cp-all-in-one.yml'], { cwd: fixtures });
    expect(result.stdout).toContain(
      "✖ confluent-cp-all-in-one.yml:29 broker: listener PLAINTEXT is published to the host (29092:29092) but advertises 'broker', a name only Docker's DNS on the compose network resolves [advertised-host-unresolvable]",
    );
    expect(result.stdout).toMatch(/\n {4}why a client on the host bootstraps, is then told to connect to 'broker:29092'/);
    expect(result.stdout).toMatch(/\n {4}fix advertise localhost:29092 on PLAINTEXT/);
    expect(result.stdout).toContain('confluent-cp-all-in-one.yml: 1 error, 9 warnings (checked zookeeper, broker)');
  });

  test("lints the folder's compose file when none is named, and kafka-dev's own render is clean", async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'kafka-dev-e2e-lint-'));
    await copyFile(join(repoRoot, 'compose/docker-compose.yml'), join(cwd, 'docker-compose.yml'));
    const result = await kafkaDev(['lint'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe('✔ docker-compose.yml: no findings (checked zookeeper, kafka)');
  });

  test.each([
    { name: 'no compose file', files: {}, args: [], message: /No compose file in .* \(looked for compose\.yaml, compose\.yml, docker-compose\.yaml, docker-compose\.yml\)/ },
    { name: 'a YAML error', files: { 'compose.yaml': 'services:\n  kafka:\n    image: [\n' }, args: [], message: /compose\.yaml:\d: not valid YAML/ },
    { name: 'a file that is not a compose file', files: { 'other.yml': 'just: text\n' }, args: ['other.yml'], message: /other\.yml: has no services: mapping/ },
  ])('exits 2 for $name', async ({ files, args, message }) => {
    const cwd = await mkdtemp(join(tmpdir(), 'kafka-dev-e2e-lint-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(cwd, name), text);
    const result = await kafkaDev(['lint', ...args], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('kafka-dev init', () => {
  test.each([
    { name: 'the defaults', args: [], services: ['zookeeper', 'kafka'], file: 'kafka-dev.config.ts' },
    { name: 'KRaft with three brokers and a topic', args: ['--mode', 'kraft', '--brokers', '3', '--topic', 'orders:6:3'], services: ['kafka-1', 'kafka-2', 'kafka-3'], file: 'kafka-dev.config.ts' },
    { name: 'ZooKeeper with own ports', args: ['--brokers', '2', '--port', '19092', '--zookeeper-port', '12181', '-p', 'shop'], services: ['zookeeper', 'kafka-1', 'kafka-2'], file: 'kafka-dev.config.ts' },
    { name: 'KRaft with a controller, as YAML', args: ['--mode', 'kraft', '--controllers', '1', '--format', 'yaml'], services: ['controller', 'kafka'], file: 'kafka-dev.config.yaml' },
    { name: 'two topics, as JSON', args: ['--topic', 'a', '--topic', 'b:2', '--format', 'json'], services: ['zookeeper', 'kafka'], file: 'kafka-dev.config.json' },
  ])('writes a config that every command loads: $name', async ({ args, services, file }) => {
    const cwd = await projectFolder();
    const result = await kafkaDev(['init', ...args, '--yes'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(`✔ Wrote ${file}`);
    expect(result.stdout).toContain('npx kafka-dev render   write compose/docker-compose.yml');
    expect(Object.keys((await rendered(cwd)).services)).toEqual(services);
  });

  test('the written ports and topics are the ones asked for', async () => {
    const cwd = await projectFolder();
    expect((await kafkaDev(['init', '--port', '19092', '--topic', 'orders:3', '--yes'], { cwd })).exitCode).toBe(0);
    const text = await readFile(join(cwd, 'kafka-dev.config.ts'), 'utf8');
    expect(text).toContain("outside: { host: 'localhost', port: 19092, bind: '127.0.0.1' }");
    expect(text).toContain("topics: [{ name: 'orders', partitions: 3, replicationFactor: 1 }]");
    expect((await rendered(cwd)).services.kafka!.ports).toEqual(['127.0.0.1:19092:19092']);
  });

  test('refuses to overwrite a config without --force, and replaces it with it', async () => {
    const cwd = await projectFolder();
    await writeFile(join(cwd, 'kafka-dev.config.ts'), '// mine\n');
    const refused = await kafkaDev(['init', '--yes'], { cwd });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('kafka-dev.config.ts already exists in');
    expect(refused.stderr).toContain("run 'kafka-dev init --force'");
    expect(await readFile(join(cwd, 'kafka-dev.config.ts'), 'utf8')).toBe('// mine\n');

    const forced = await kafkaDev(['init', '--yes', '--force'], { cwd });
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(await readFile(join(cwd, 'kafka-dev.config.ts'), 'utf8')).toContain('export default defineConfig({');
  });

  test('refuses choices the config rules reject, writing nothing', async () => {
    const cwd = await projectFolder();
    const result = await kafkaDev(['init', '--brokers', '12', '--topic', 'bad name', '--yes'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('brokers: got 12, expected at most 9 brokers');
    expect(result.stderr).toContain("topics[0].name: got 'bad name'");
    expect(existsSync(join(cwd, 'kafka-dev.config.ts'))).toBe(false);
  });

  test('asks on a terminal, validating each answer', async () => {
    const cwd = await projectFolder();
    // `script` gives the CLI a real terminal (of a real size); keys are typed once each question is on screen.
    const command = `stty cols 120 rows 40; ${process.execPath} ${cliPath} init`;
    const session = execa('script', ['-qfec', command, '/dev/null'], { cwd, env: { NO_COLOR: '1' }, reject: false });
    let screen = '';
    session.stdout!.on('data', (chunk: Buffer) => (screen += chunk.toString()));
    const answer = async (question: string, keys: string) => {
      await expect.poll(() => screen.includes(question), { timeout: 20_000 }).toBe(true);
      screen = '';
      session.stdin!.write(keys);
    };
    await answer('Mode', '\x1b[B\r'); // arrow down to KRaft, Enter
    await answer('Brokers', '\x7f12\r');
    await answer('expected at most 9 brokers', '\x7f\x7f3\r');
    await answer('Host port of the first broker', '\r');
    await answer('Topics to create', '\x15orders:3, payments\r');
    const result = await session;
    expect(result.exitCode, result.stdout).toBe(0);
    const config = await readFile(join(cwd, 'kafka-dev.config.ts'), 'utf8');
    expect(config).toContain("mode: 'kraft'");
    expect(config).toContain('brokers: 3');
    expect(Object.keys((await rendered(cwd)).services)).toEqual(['kafka-1', 'kafka-2', 'kafka-3']);
  });
});

describe('kafka-dev init --from-compose', () => {
  test('converts a hand-written compose file and prints what it left behind', async () => {
    const cwd = await projectFolder();
    await copyFile(join(fixtures, 'confluent-cp-all-in-one.yml'), join(cwd, 'docker-compose.yml'));
    const result = await kafkaDev(['init', '--from-compose', 'docker-compose.yml'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('Not carried over (also listed at the top of the file):');
    expect(result.stdout).toContain('  - rest-proxy: port 8082:8082 was published on every interface; kafka-dev publishes it on 127.0.0.1');
    // Without the environment's image override (set where the stand-in images run), the image is the file's.
    const { services } = await rendered(cwd, { KAFKA_DEV_SCHEMA_REGISTRY_IMAGE: '' });
    expect(services.broker!.environment.KAFKA_ADVERTISED_LISTENERS).toBe('INSIDE://broker:29092,OUTSIDE://localhost:9092');
    // The Schema Registry and the REST proxy come over as companions, wired to INSIDE through references.
    expect(services['schema-registry']).toMatchObject({ image: 'confluentinc/cp-schema-registry:7.3.14', ports: ['127.0.0.1:8081:8081'] });
    expect(services['rest-proxy']!.environment).toMatchObject({ KAFKA_REST_BOOTSTRAP_SERVERS: 'broker:29092', KAFKA_REST_SCHEMA_REGISTRY_URL: 'http://schema-registry:8081' });
  });

  test("gives back the same compose file for kafka-dev's own render (config -> render -> init --from-compose -> render)", async () => {
    const original = await projectFolder();
    await writeFile(
      join(original, 'kafka-dev.config.ts'),
      "import { defineConfig } from 'kafka-dev';\nexport default defineConfig({ name: 'shop', brokers: 3, listeners: { outside: { port: 19092 } }, brokerConfig: { 'log.retention.hours': 1 } });\n",
    );
    expect((await kafkaDev(['render'], { cwd: original })).exitCode).toBe(0);
    const composeFile = join(original, 'compose/docker-compose.yml');

    const converted = await projectFolder();
    const init = await kafkaDev(['init', '--from-compose', composeFile], { cwd: converted });
    expect(init.exitCode, init.stderr).toBe(0);
    expect(init.stdout).not.toContain('Not carried over');
    expect((await kafkaDev(['render'], { cwd: converted })).exitCode).toBe(0);
    expect(await readFile(join(converted, 'compose/docker-compose.yml'), 'utf8')).toBe(await readFile(composeFile, 'utf8'));
  });

  test('flags that the compose file decides are refused', async () => {
    const cwd = await projectFolder();
    const result = await kafkaDev(['init', '--from-compose', join(fixtures, 'apache-kafka-kraft.yml'), '--brokers', '3'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--brokers: comes from the compose file with --from-compose');
  });
});
