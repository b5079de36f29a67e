import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Consumer, MessagesStreamModes, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import Docker from 'dockerode';
import { execa } from 'execa';
import { stringify } from 'yaml';
import { expect } from 'vitest';
import type { UserConfig } from '../../src/model/types.js';

/**
 * End-to-end helpers: the built CLI as a user runs it, against the real Docker engine. Docker is
 * observed directly (never mocked) to assert what exists after each command.
 */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** What `bin` runs, as a user's `npx kafka-dev` does. */
export const cliPath = join(repoRoot, 'dist/cli-bundle/main.js');
export const docker = new Docker();

/** Fails (never skips) when no engine answers: CI must not go green without running these tests. */
export async function requireDocker(): Promise<void> {
  try {
    await docker.ping();
  } catch (error) {
    throw new Error(
      `The end-to-end tests need a running Docker engine (${(error as Error).message}). Start one ('bash .ci/docker-engine.sh' here) and build the test images ('npm run images').`,
    );
  }
}

/** A project name no earlier run used, so leftovers never collide with this run. */
export function uniqueProject(purpose: string): string {
  return `kdt-${purpose}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

/** A fresh project folder with kafka-dev installed (linked), as `npm install --save-dev kafka-dev` leaves it. */
export async function projectFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'kafka-dev-e2e-project-'));
  await mkdir(join(folder, 'node_modules'));
  await symlink(repoRoot, join(folder, 'node_modules/kafka-dev'), 'dir');
  return folder;
}

/** A fresh folder holding `kafka-dev.config.yaml` with the given config. */
export async function projectDir(config: UserConfig): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kafka-dev-e2e-'));
  await writeFile(join(dir, 'kafka-dev.config.yaml'), stringify(config));
  return dir;
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function kafkaDev(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliResult> {
  const result = await execa(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    env: { NO_COLOR: '1', CI: '1', ...options.env },
    reject: false,
    timeout: 280_000,
  });
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Both Compose implementations users have: v1 (`docker-compose`, Debian's 1.29) and v2 (the `docker compose` plugin). */
export const composeImplementations = [
  { compose: 'docker-compose', command: ['docker-compose'] },
  { compose: 'docker compose', command: ['docker', 'compose'] },
] as const;

/** `compose config -q` of a file: whether that Compose accepts it, and what it says of it on stderr. */
export async function composeConfig(command: readonly string[], project: string, file: string) {
  const [program, ...args] = command;
  return execa(program!, [...args, '-p', project, '-f', file, 'config', '-q'], { reject: false });
}

export interface ProjectResources {
  containers: Docker.ContainerInfo[];
  networks: string[];
  volumes: string[];
}

export async function resourcesOf(project: string): Promise<ProjectResources> {
  const filters = { label: [`com.docker.compose.project=${project}`] };
  const [containers, networks, volumes] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listNetworks({ filters }),
    docker.listVolumes({ filters }),
  ]);
  return {
    containers,
    networks: networks.map((network) => network.Name),
    volumes: (volumes.Volumes ?? []).map((volume) => volume.Name).sort(),
  };
}

/**
 * The exit code of each of the project's services whose container ended while `work` ran (137:
 * killed after its stop timeout), read from the engine's events; one-off containers (smoke checks) are left out.
 */
export async function exitCodesDuring(project: string, work: () => Promise<unknown>): Promise<Record<string, number>> {
  const since = Math.floor(Date.now() / 1000);
  await work();
  const until = Math.ceil(Date.now() / 1000) + 1;
  const filters = { type: ['container' as const], event: ['die'], label: [`com.docker.compose.project=${project}`] };
  // With `until`, the engine replays the past events and ends the stream.
  const stream = await docker.getEvents({ since, until, filters });
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  const events = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { Actor: { Attributes: Record<string, string> } });
  const services = events.map(({ Actor }) => Actor.Attributes).filter((attributes) => attributes['com.docker.compose.oneoff'] !== 'True');
  return Object.fromEntries(services.map((attributes) => [attributes['com.docker.compose.service']!, Number(attributes.exitCode)]));
}

/** Safety net for afterAll: removes whatever a failed test left for this project. */
export async function removeProject(project: string): Promise<void> {
  const { containers, networks, volumes } = await resourcesOf(project);
  await Promise.all(containers.map((container) => docker.getContainer(container.Id).remove({ force: true, v: true })));
  await Promise.all(networks.map((network) => docker.getNetwork(network).remove().catch(() => undefined)));
  await Promise.all(volumes.map((volume) => docker.getVolume(volume).remove().catch(() => undefined)));
}

export async function produce(bootstrap: string | string[], topic: string, values: string[]): Promise<void> {
  const producer = new Producer({
    clientId: 'kafka-dev-e2e',
    bootstrapBrokers: [bootstrap].flat(),
    serializers: stringSerializers,
    acks: -1,
    // Like an application would: ride out a broker that just died until its partitions have new leaders.
    retries: 20,
    retryDelay: 1000,
  });
  try {
    await producer.send({ messages: values.map((value, index) => ({ topic, key: String(index), value })) });
  } finally {
    await producer.close();
  }
}

/** Reads a topic from the beginning until `count` messages arrived or `timeoutMs` passed. */
export async function consume(bootstrap: string | string[], topic: string, count: number, timeoutMs = 30_000): Promise<string[]> {
  const consumer = new Consumer({
    clientId: 'kafka-dev-e2e',
    groupId: `kafka-dev-e2e-${Date.now()}-${Math.random()}`,
    bootstrapBrokers: [bootstrap].flat(),
    deserializers: stringDeserializers,
    retries: 20,
    retryDelay: 1000,
  });
  const values: string[] = [];
  try {
    const stream = await consumer.consume({ topics: [topic], mode: MessagesStreamModes.EARLIEST, autocommit: false });
    const timer = setTimeout(() => void stream.close(), timeoutMs);
    try {
      for await (const message of stream) {
        values.push(message.value as string);
        if (values.length >= count) break;
      }
    } finally {
      clearTimeout(timer);
      await stream.close();
    }
  } finally {
    await consumer.close(true);
  }
  return values;
}

/**
 * Sends `lines` to partition 0 of `topic` with kcat, given nothing but `configFile` (what
 * `kafka-dev env --format librdkafka` printed), and reads that many back from the beginning.
 */
export async function kcatRoundTrip(configFile: string, topic: string, lines: readonly string[]): Promise<string[]> {
  const input = lines.map((line) => `${line}\n`).join('');
  const produced = await execa('kcat', ['-F', configFile, '-P', '-t', topic, '-p', '0'], { input, reject: false, timeout: 60_000 });
  expect(produced.exitCode, produced.stderr).toBe(0);
  const consumed = await execa('kcat', ['-F', configFile, '-C', '-t', topic, '-p', '0', '-o', 'beginning', '-c', String(lines.length), '-e', '-q'], { reject: false, timeout: 60_000 });
  expect(consumed.exitCode, consumed.stderr).toBe(0);
  return consumed.stdout.split('\n').filter(Boolean);
}

/**
 * Polls `read` (a file in a container, a service's logs) until every expected text is in it, or
 * `timeoutMs` passed: the expected texts found, in their order.
 */
export async function linesSeen(read: () => Promise<string>, expected: readonly string[], timeoutMs = 60_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await read();
    const found = expected.filter((line) => text.includes(line));
    if (found.length === expected.length || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** GET `url` from a container on `network`, with bash alone (the Kafka image has no curl): the response body. */
export async function getFromNetwork(network: string, url: string): Promise<string> {
  const { hostname, port, pathname } = new URL(url);
  const request = `GET ${pathname} HTTP/1.0\\r\\nHost: ${hostname}\\r\\nAccept: application/json\\r\\n\\r\\n`;
  const script = `exec 3<>/dev/tcp/${hostname}/${port} && printf '${request}' >&3 && cat <&3`;
  const { stdout } = await execa('docker', ['run', '--rm', '--network', network, '--entrypoint', 'bash', testImages.confluentKafka, '-c', script]);
  return stdout.slice(stdout.indexOf('\r\n\r\n') + 4);
}

/** Images for the KRaft tests: the Kafka 4 stand-in for apache/kafka, and the cp-kafka one (Kafka 3.9). */
export const testImages = {
  apacheKafka: process.env.KAFKA_DEV_TEST_APACHE_KAFKA_IMAGE ?? 'apache/kafka:4.4.0',
  confluentKafka: process.env.KAFKA_DEV_KAFKA_IMAGE || 'confluentinc/cp-kafka:7.9.11',
};
