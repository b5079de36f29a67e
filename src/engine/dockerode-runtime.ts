/** The only module that talks to dockerode. Which engine it connects to comes from the discovery (`discovery.ts`). */
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { PassThrough } from 'node:stream';
import Docker from 'dockerode';
import { DockerUnavailableError, ImageUnavailableError, KafkaDevError } from '../base/errors.js';
import type {
  ContainerCreateRequest,
  ContainerDetails,
  ContainerRuntime,
  ContainerState,
  ContainerSummary,
  EngineInfo,
  LogLine,
  LogRequest,
  NamedResource,
  RunRequest,
  RunResult,
} from './runtime.js';
import { LogLineDecoder } from './log-lines.js';
import { imageEnv } from '../model/defaults.js';
import { describeEndpoint, type EngineEndpoint } from './discovery.js';
import { engineKind } from './discovery-kind.js';

export class DockerodeRuntime implements ContainerRuntime {
  private readonly docker: Docker;

  constructor(readonly endpoint: EngineEndpoint) {
    this.docker = new Docker(dockerodeOptions(endpoint));
  }

  async info(): Promise<EngineInfo> {
    try {
      const [version, info] = await Promise.all([this.docker.version(), this.docker.info().catch(() => ({})) as Promise<Record<string, unknown>>]);
      return { version: version.Version, apiVersion: version.ApiVersion, kind: engineKind(version, info), endpoint: this.endpoint };
    } catch (error) {
      const { url, tried } = this.endpoint;
      throw new DockerUnavailableError(`Cannot reach the Docker engine at ${url} (${describeEndpoint(this.endpoint)}): ${messageOf(error)}; looked at: ${tried.join('; ')}`, {
        hint: 'Start Docker (Docker Desktop, Colima, OrbStack, Podman, or `sudo dockerd &` / `sudo systemctl start docker` on Linux) and try again; choose another engine with --context, DOCKER_CONTEXT or DOCKER_HOST.',
        cause: error,
      });
    }
  }

  async dataRoot(): Promise<string> {
    const info = (await this.docker.info()) as { DockerRootDir: string };
    return info.DockerRootDir;
  }

  async listContainers(labels: Readonly<Record<string, string>> = {}): Promise<ContainerSummary[]> {
    const containers = await this.docker.listContainers({ all: true, filters: { label: labelFilter(labels) } });
    return containers.map((container) => ({
      id: container.Id,
      name: (container.Names[0] ?? container.Id).replace(/^\//, ''),
      image: container.Image,
      state: container.State as ContainerState,
      status: container.Status,
      labels: container.Labels ?? {},
      ports: container.Ports.filter((port) => port.PublicPort !== undefined && port.Type === 'tcp').map((port) => ({
        bind: port.IP ?? '0.0.0.0',
        host: port.PublicPort,
        container: port.PrivatePort,
      })),
      addresses: Object.fromEntries(
        Object.entries(container.NetworkSettings?.Networks ?? {}).flatMap(([network, settings]) => (settings.IPAddress ? [[network, settings.IPAddress]] : [])),
      ),
    }));
  }

  async inspectContainer(id: string): Promise<ContainerDetails | null> {
    try {
      const { State } = await this.docker.getContainer(id).inspect();
      return { state: State.Status as ContainerState, exitCode: State.ExitCode, startedAt: State.StartedAt };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  async createContainer(request: ContainerCreateRequest): Promise<string> {
    const portKey = (port: number) => `${port}/tcp`;
    const container = await this.docker.createContainer({
      name: request.name,
      Image: request.image,
      Hostname: request.hostname,
      Env: Object.entries(request.environment).map(([name, value]) => `${name}=${value}`),
      Labels: { ...request.labels },
      StopTimeout: request.stopTimeoutSeconds,
      ExposedPorts: Object.fromEntries(request.ports.map((port) => [portKey(port.container), {}])),
      HostConfig: {
        PortBindings: Object.fromEntries(
          request.ports.map((port) => [portKey(port.container), [{ HostIp: port.bind, HostPort: String(port.host) }]]),
        ),
        Mounts: [...volumeMounts(request.mounts), ...(request.binds ?? []).map((bind) => ({ Type: 'bind' as const, Source: bind.source, Target: bind.target, ReadOnly: bind.readOnly }))],
        NetworkMode: request.network,
      },
      ...(request.command && { Cmd: [...request.command] }),
      NetworkingConfig: { EndpointsConfig: { [request.network]: { Aliases: [...request.aliases] } } },
    });
    return container.id;
  }

  async startContainer(id: string): Promise<void> {
    await this.docker.getContainer(id).start();
  }

  async stopContainer(id: string, timeoutSeconds: number): Promise<void> {
    await ignoreStatus(this.docker.getContainer(id).stop({ t: timeoutSeconds }), 304, 404);
  }

  async removeContainer(id: string): Promise<void> {
    await ignoreStatus(this.docker.getContainer(id).remove({ force: true, v: true }), 404);
  }

  async containerLogs(id: string, tail: number): Promise<string> {
    let text = '';
    for await (const line of this.containerLogLines(id, { follow: false, tail })) text += `${line.text}\n`;
    return text;
  }

  async runContainer(request: RunRequest): Promise<RunResult> {
    request.signal?.throwIfAborted();
    const container = await this.docker.createContainer({
      name: request.name,
      Image: request.image,
      Cmd: [...request.command],
      Env: Object.entries(request.environment ?? {}).map(([name, value]) => `${name}=${value}`),
      Labels: { ...request.labels },
      AttachStdout: true,
      AttachStderr: true,
      ...(request.stdin ? { AttachStdin: true, OpenStdin: true } : {}),
      Tty: false,
      HostConfig: { NetworkMode: request.network, Mounts: volumeMounts(request.mounts ?? []) },
    });
    let timedOut = false;
    const kill = () => void container.kill().catch(() => undefined);
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, request.timeoutMs);
    request.signal?.addEventListener('abort', kill, { once: true });
    try {
      // Attached before the start, so not a line of output is missed.
      const stream = await container.attach({ stream: true, stdout: true, stderr: true, ...(request.stdin ? { stdin: true, hijack: true } : {}) });
      request.stdin?.then((text) => stream.writable && stream.write(text), () => undefined);
      const stdout = collectText(request.onStdout);
      const stderr = collectText();
      const ended = new Promise<void>((resolve) => stream.once('end', resolve).once('close', resolve));
      this.docker.modem.demuxStream(stream, stdout.sink, stderr.sink);
      await container.start();
      const { StatusCode } = (await container.wait()) as { StatusCode: number };
      await ended;
      await Promise.all([stdout.finish(), stderr.finish()]);
      request.signal?.throwIfAborted();
      return { exitCode: StatusCode, stdout: stdout.text(), stderr: stderr.text(), timedOut };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', kill);
      await ignoreStatus(container.remove({ force: true, v: true }), 404);
    }
  }

  async execInContainer(id: string, command: readonly string[], timeoutMs: number): Promise<{ exitCode: number; output: string }> {
    const exec = await this.docker.getContainer(id).exec({ Cmd: [...command], AttachStdout: true, AttachStderr: true, Tty: false });
    const stream = await exec.start({ hijack: true, stdin: false });
    const output = collectText();
    this.docker.modem.demuxStream(stream, output.sink, output.sink);
    const ended = new Promise<void>((resolve) => stream.once('end', resolve).once('close', resolve));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no exit within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    });
    try {
      await Promise.race([ended, timedOut]);
    } finally {
      clearTimeout(timer);
      stream.destroy();
    }
    await output.finish();
    const { ExitCode } = await exec.inspect();
    return { exitCode: ExitCode ?? -1, output: output.text() };
  }

  async imageExists(reference: string): Promise<boolean> {
    try {
      await this.docker.getImage(reference).inspect();
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  async pullImage(reference: string): Promise<void> {
    try {
      const stream = await this.docker.pull(reference);
      await new Promise<void>((resolve, reject) => {
        this.docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve()));
      });
    } catch (error) {
      throw new ImageUnavailableError(`Image ${reference} is not on this machine and pulling it failed: ${messageOf(error)}`, {
        hint: `Provide it with 'docker pull ${reference}' (or 'docker load'/'docker build'), or choose another image in the config ('images') or with ${Object.values(imageEnv).join(' / ')}. Offline, 'npm run images' builds local stand-ins.`,
        cause: error,
      });
    }
  }

  async listNetworks(labels: Readonly<Record<string, string>>): Promise<NamedResource[]> {
    const networks = await this.docker.listNetworks({ filters: { label: labelFilter(labels) } });
    return networks.map((network) => ({ name: network.Name, labels: network.Labels ?? {} }));
  }

  async createNetwork(name: string, labels: Readonly<Record<string, string>>): Promise<void> {
    await ignoreStatus(this.docker.createNetwork({ Name: name, Driver: 'bridge', CheckDuplicate: true, Labels: { ...labels } }), 409);
  }

  async removeNetwork(name: string): Promise<void> {
    await ignoreStatus(this.docker.getNetwork(name).remove(), 404);
  }

  async listVolumes(labels: Readonly<Record<string, string>>): Promise<NamedResource[]> {
    const { Volumes } = await this.docker.listVolumes({ filters: { label: labelFilter(labels) } });
    return (Volumes ?? []).map((volume) => ({ name: volume.Name, labels: volume.Labels ?? {} }));
  }

  async createVolume(name: string, labels: Readonly<Record<string, string>>): Promise<void> {
    await this.docker.createVolume({ Name: name, Labels: { ...labels } });
  }

  async removeVolume(name: string): Promise<void> {
    await ignoreStatus(this.docker.getVolume(name).remove(), 404);
  }

  async *containerLogLines(id: string, request: LogRequest): AsyncIterable<LogLine> {
    const container = this.docker.getContainer(id);
    const options = { stdout: true, stderr: true, timestamps: true, since: request.since ?? 0, ...(request.tail !== undefined && { tail: request.tail }) };
    const decoder = new LogLineDecoder();
    if (!request.follow) {
      yield* decoder.push(await container.logs({ ...options, follow: false }));
      yield* decoder.end();
      return;
    }
    const stream = await container.logs({ ...options, follow: true, ...(request.signal && { abortSignal: request.signal }) });
    try {
      for await (const chunk of stream) yield* decoder.push(Buffer.from(chunk));
    } catch (error) {
      // Aborting is how following ends on Ctrl-C; anything else is a real failure.
      if (!request.signal?.aborted) throw error;
    }
    yield* decoder.end();
  }
}

/**
 * dockerode's connection options for the endpoint. Every connection field is set, even to
 * undefined: docker-modem merges in what DOCKER_HOST & co. say, which the endpoint may override
 * (a --context beats DOCKER_HOST).
 */
export function dockerodeOptions(endpoint: EngineEndpoint, readFile: (path: string) => Buffer = readFileSync): Docker.DockerOptions {
  const unset = { socketPath: undefined, host: undefined, port: undefined, protocol: undefined, ca: undefined, cert: undefined, key: undefined, agent: undefined };
  const { address } = endpoint;
  switch (address.protocol) {
    case 'unix':
    case 'npipe':
      return { ...unset, socketPath: address.path };
    case 'ssh':
      return { ...unset, protocol: 'ssh', host: address.host, port: address.port ?? 22, username: address.user, sshOptions: { agent: process.env.SSH_AUTH_SOCK } };
    case 'tcp': {
      const { tls } = address;
      if (!tls) return { ...unset, protocol: 'http', host: address.host, port: address.port };
      const files = { ca: tls.ca && readFile(tls.ca), cert: tls.cert && readFile(tls.cert), key: tls.key && readFile(tls.key) };
      // An agent, because docker-modem has no option of its own for "do not check the engine's certificate";
      const agent = new Agent({ ...files, rejectUnauthorized: tls.verify });
      // docker-modem passes `agent` to https.request, though its typings leave it out.
      return { ...unset, ...files, protocol: 'https', host: address.host, port: address.port, agent } as Docker.DockerOptions;
    }
  }
}

/** A stream that decodes UTF-8 across chunk boundaries, keeps the text and passes each piece on. */
function collectText(onText?: (text: string) => void) {
  const sink = new PassThrough();
  const pieces: string[] = [];
  sink.setEncoding('utf8');
  sink.on('data', (text: string) => {
    pieces.push(text);
    onText?.(text);
  });
  const drained = new Promise((resolve) => sink.once('end', resolve));
  return {
    sink,
    text: () => pieces.join(''),
    /** Resolves once every piece written so far has been passed on. */
    finish: () => {
      sink.end();
      return drained;
    },
  };
}

function volumeMounts(mounts: ContainerCreateRequest['mounts']): Docker.MountSettings[] {
  return mounts.map((mount) => ({ Type: 'volume', Source: mount.source, Target: mount.target, ...(mount.readOnly && { ReadOnly: true }) }));
}

function labelFilter(labels: Readonly<Record<string, string>>): string[] {
  return Object.entries(labels).map(([key, value]) => `${key}=${value}`);
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | null)?.statusCode;
}

function messageOf(error: unknown): string {
  const json = (error as { json?: { message?: string } } | null)?.json;
  // Engines end their messages with a newline, which would split the line of the error.
  if (json?.message) return json.message.trim();
  return (error instanceof Error ? error.message : String(error)).trim();
}

async function ignoreStatus(operation: Promise<unknown>, ...statuses: number[]): Promise<void> {
  try {
    await operation;
  } catch (error) {
    if (!statuses.includes(statusOf(error) ?? -1)) {
      throw new KafkaDevError(`Docker engine refused the request: ${messageOf(error)}`, { cause: error });
    }
  }
}
