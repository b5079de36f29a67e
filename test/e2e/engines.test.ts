import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SmokeReport } from '../../src/smoke/smoke.js';
import { docker, kafkaDev, projectDir, repoRoot, requireDocker, testImages, uniqueProject } from './helpers.js';

/**
 * The default stack on engines found the other ways the docker CLI finds them: a second dockerd
 * (its own socket, data root and address pool, test/engines/second-engine.sh) selected through a
 * real Docker context that `docker context create` wrote, through DOCKER_HOST, and over TLS on
 * tcp://127.0.0.1 with DOCKER_HOST + DOCKER_TLS_VERIFY + DOCKER_CERT_PATH (certificates made by
 * the script); and Podman's Docker-compatible API (test/engines/podman-engine.sh). The main
 * engine must stay untouched.
 */
const engineDir = '/var/tmp/kdt-second-engine';
const socket = `unix://${engineDir}/docker.sock`;
const context = 'kdt-second-engine';
const second = new Docker({ socketPath: `${engineDir}/docker.sock` });
const podmanDir = '/var/tmp/kdt-podman-engine';
const podmanSocket = `unix://${podmanDir}/podman.sock`;
const podman = new Docker({ socketPath: `${podmanDir}/podman.sock` });
const script = (name: string) => join(repoRoot, 'test/engines', name);
// Variables of the outer environment that would otherwise choose the engine ('' counts as unset).
const noSelection = { DOCKER_HOST: '', DOCKER_CONTEXT: '', DOCKER_TLS_VERIFY: '', DOCKER_CERT_PATH: '' };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** How each engine is chosen; smoke and down choose it the same way as up unless said otherwise. */
interface Setup {
  name: string;
  /** The first progress line's start; default: Docker Engine. */
  kind?: RegExp;
  /** The engine the containers must be on; default: the second dockerd. */
  runs?: Docker;
  env: () => Record<string, string>;
  smokeArgs?: string[];
  downEnv?: () => Record<string, string>;
  /** How the first progress line names the address, the context and why. */
  engine: () => string;
}

const projectContainers = (engine: Docker, project: string) =>
  engine.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } });

describe('the default stack on other engines', () => {
  let cwd: string;
  let configDir: string;
  let tlsPort: number;

  beforeAll(async () => {
    await requireDocker();
    cwd = await projectDir({});
    // The images the default stack uses here, as kafka-dev renders them; the second engine gets copies.
    const rendered = await kafkaDev(['render', '--stdout'], { cwd });
    expect(rendered.exitCode, rendered.stderr).toBe(0);
    const images = [...new Set([...rendered.stdout.matchAll(/^\s+image: (\S+)$/gm)].map((match) => match[1]!))];
    tlsPort = await freePort();
    await execa('bash', [script('second-engine.sh'), 'start', engineDir, String(tlsPort), ...images], { stdio: 'inherit', timeout: 280_000 });
    await execa('bash', [script('podman-engine.sh'), 'start', podmanDir, ...images], { stdio: 'inherit', timeout: 280_000 });
    configDir = await mkdtemp(join(tmpdir(), 'kafka-dev-e2e-docker-config-'));
    const cli = (...args: string[]) => execa('docker', args, { env: { DOCKER_CONFIG: configDir, ...noSelection } });
    await cli('context', 'create', context, '--docker', `host=${socket}`);
    await cli('context', 'use', context);
  });

  afterAll(async () => {
    await execa('bash', [script('second-engine.sh'), 'stop', engineDir], { stdio: 'inherit', reject: false });
    await execa('bash', [script('podman-engine.sh'), 'stop', podmanDir], { stdio: 'inherit', reject: false });
  });

  const setups: Setup[] = [
    {
      name: 'a Docker context: the current one in config.json for up, --context for smoke, DOCKER_CONTEXT for down',
      env: () => ({ DOCKER_CONFIG: configDir }),
      smokeArgs: ['--context', context],
      downEnv: () => ({ DOCKER_CONFIG: configDir, DOCKER_CONTEXT: context }),
      engine: () => `at ${socket} (context ${context}: it is the current context in ${configDir}/config.json)`,
    },
    {
      name: 'DOCKER_HOST on the unix socket',
      env: () => ({ DOCKER_HOST: socket }),
      engine: () => `at ${socket} (context default: DOCKER_HOST is set)`,
    },
    {
      name: 'DOCKER_HOST on tcp://127.0.0.1 with TLS: DOCKER_TLS_VERIFY and DOCKER_CERT_PATH',
      env: () => ({ DOCKER_HOST: `tcp://127.0.0.1:${tlsPort}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: `${engineDir}/client` }),
      engine: () => `at tcp://127.0.0.1:${tlsPort} (context default: DOCKER_HOST is set, with TLS from ${engineDir}/client)`,
    },
    {
      name: 'Podman, through DOCKER_HOST on its socket',
      kind: /^Engine: Podman \d+\.\d+\S* \(API \d+\.\d+\) /,
      runs: podman,
      env: () => ({ DOCKER_HOST: podmanSocket }),
      engine: () => `at ${podmanSocket} (context default: DOCKER_HOST is set)`,
    },
  ];

  test.each(setups)('up, smoke and down through $name', async (setup) => {
    const engine = setup.runs ?? second;
    const project = uniqueProject('engines');
    const run = (args: string[], env: Record<string, string>) => kafkaDev([...args, '-p', project], { cwd, env: { ...noSelection, ...env } });

    const up = await run(['up'], setup.env());
    expect(up.exitCode, up.stderr + up.stdout).toBe(0);
    // The first progress line names the engine, its version, where it is and why it was chosen.
    expect(up.stderr.split('\n')[0]).toMatch(setup.kind ?? /^Engine: Docker Engine \d+\.\d+\S* \(API \d+\.\d+\) /);
    expect(up.stderr.split('\n')[0]).toContain(setup.engine());
    const running = await projectContainers(engine, project);
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((container) => container.State === 'running')).toBe(true);
    expect(await projectContainers(docker, project)).toEqual([]);

    const smoke = await run(['smoke', '--json', ...(setup.smokeArgs ?? [])], setup.env());
    expect(smoke.exitCode, smoke.stderr).toBe(0);
    expect((JSON.parse(smoke.stdout) as SmokeReport).passed).toBe(true);

    const down = await run(['down', '--volumes'], (setup.downEnv ?? setup.env)());
    expect(down.exitCode, down.stderr).toBe(0);
    expect(await projectContainers(engine, project)).toEqual([]);
    const { Volumes } = await engine.listVolumes({ filters: { label: [`com.docker.compose.project=${project}`] } });
    expect(Volumes ?? []).toEqual([]);
  });

  test("the other engines leave the main engine's default bridge alone: a container still runs on it", async () => {
    const run = await execa('docker', ['run', '--rm', '--entrypoint', 'true', testImages.confluentKafka], { reject: false, env: noSelection });
    expect(run.exitCode, run.stderr).toBe(0);
  });

  test('without the certificates, or with TLS missing, the TLS engine is refused naming what is wrong', async () => {
    const tcp = `tcp://127.0.0.1:${tlsPort}`;
    const noCerts = await kafkaDev(['status'], { cwd, env: { ...noSelection, DOCKER_HOST: tcp, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: `${engineDir}/none` } });
    expect(noCerts.exitCode).toBe(2);
    expect(noCerts.stderr).toContain(`DOCKER_CERT_PATH: got '${engineDir}/none', expected a folder with ca.pem, cert.pem and key.pem`);
    const plain = await kafkaDev(['status'], { cwd, env: { ...noSelection, DOCKER_HOST: tcp } });
    expect(plain.exitCode).toBe(3);
    expect(plain.stderr).toContain(`Cannot reach the Docker engine at ${tcp} (context default: DOCKER_HOST is set): `);
    expect(plain.stderr).toContain('HTTPS');
  });
});
