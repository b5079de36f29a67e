/**
 * An in-memory ContainerRuntime for unit tests: containers, networks, volumes, images and logs as
 * plain data, knobs for the ways an engine fails, and a record of every call that changes something.
 */

import { DockerUnavailableError, ImageUnavailableError } from '../../src/base/errors.js';
import type {
  ContainerCreateRequest,
  ContainerDetails,
  ContainerRuntime,
  ContainerState,
  ContainerSummary,
  EngineInfo,
  LogLine,
  NamedResource,
  RunRequest,
  RunResult,
} from '../../src/engine/runtime.js';

export interface FakeContainer {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  state: ContainerState;
  exitCode: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly ports: ContainerSummary['ports'];
  /** What the container printed so far. */
  logs: string;
}

/** How a container behaves once started, e.g. a broker that exits at once with an error in its log. */
export interface StartBehaviour {
  readonly exitCode: number;
  readonly logs: string;
  /** How many starts exit, after which the container runs; every start when not given. */
  readonly times?: number;
}

export class FakeRuntime implements ContainerRuntime {
  readonly containers = new Map<string, FakeContainer>();
  /** Calls that change something, as "method name", e.g. "createContainer demo-kafka-1", in the order they were made. */
  readonly calls: string[] = [];
  readonly networks = new FakeResources('Network', this.calls);
  readonly volumes = new FakeResources('Volume', this.calls);
  readonly images = new Set<string>();

  /** Knob: no engine answers. */
  engineDown = false;
  /** Knob: images that a pull cannot fetch (every other missing image is "pulled"). */
  readonly unpullable = new Set<string>();
  /** Knob: container names whose start makes them exit with this log. */
  readonly exitOnStart = new Map<string, StartBehaviour>();
  /** Knob: container names whose create throws this error. */
  readonly failCreate = new Map<string, Error>();
  /** Knob: what a throwaway container prints (`runContainer`). */
  runResult: (request: RunRequest) => RunResult = () => ({ exitCode: 0, stdout: '', stderr: '', timedOut: false });
  /** Knob: what a command run in a container answers (`execInContainer`). */
  execResult: (command: readonly string[]) => { exitCode: number; output: string } = () => ({ exitCode: 0, output: '' });

  #nextId = 1;

  constructor(images: Iterable<string> = []) {
    for (const image of images) this.images.add(image);
  }

  /** Puts a container in place as if made earlier (by kafka-dev, Compose or by hand). */
  addContainer(container: Partial<FakeContainer> & Pick<FakeContainer, 'name'>): FakeContainer {
    const added: FakeContainer = { id: `id-${this.#nextId++}`, image: 'busybox', state: 'running', exitCode: 0, labels: {}, ports: [], logs: '', ...container };
    this.containers.set(added.id, added);
    return added;
  }

  /** The container with this id or name, as Docker resolves either. */
  container(idOrName: string): FakeContainer | undefined {
    return this.containers.get(idOrName) ?? [...this.containers.values()].find((container) => container.name === idOrName);
  }

  /** Names of the calls of one method, in order. */
  callsOf(method: keyof ContainerRuntime): string[] {
    return this.calls.filter((call) => call.startsWith(`${method} `)).map((call) => call.slice(method.length + 1));
  }

  async info(): Promise<EngineInfo> {
    if (this.engineDown) throw new DockerUnavailableError('Cannot reach the Docker engine at unix:///var/run/docker.sock: connect ENOENT');
    return { version: '28.0.0-fake', apiVersion: '1.48' };
  }

  async dataRoot(): Promise<string> {
    return '/';
  }

  async listContainers(labels: Readonly<Record<string, string>> = {}): Promise<ContainerSummary[]> {
    return [...this.containers.values()]
      .filter((container) => carries(container, labels))
      .map(({ id, name, image, state, labels: own, ports }) => ({ id, name, image, state, status: state === 'running' ? 'Up 1 second' : `Exited`, labels: own, ports }));
  }

  async inspectContainer(id: string): Promise<ContainerDetails | null> {
    const container = this.container(id);
    return container ? { state: container.state, exitCode: container.exitCode, startedAt: '2026-01-01T00:00:00Z' } : null;
  }

  async createContainer(request: ContainerCreateRequest): Promise<string> {
    this.calls.push(`createContainer ${request.name}`);
    const failure = this.failCreate.get(request.name);
    if (failure) throw failure;
    if (this.container(request.name)) throw new Error(`Conflict. The container name "/${request.name}" is already in use`);
    if (!this.networks.has(request.network)) throw new Error(`network ${request.network} not found`);
    if (!this.images.has(request.image)) throw new Error(`No such image: ${request.image}`);
    const { name, image, labels, ports } = request;
    return this.addContainer({ name, image, labels, ports, state: 'created' }).id;
  }

  async startContainer(id: string): Promise<void> {
    const container = this.#existing(id);
    this.calls.push(`startContainer ${container.name}`);
    const exits = this.exitOnStart.get(container.name);
    if (exits?.times !== undefined) {
      if (exits.times > 1) this.exitOnStart.set(container.name, { ...exits, times: exits.times - 1 });
      else this.exitOnStart.delete(container.name);
    }
    container.state = exits ? 'exited' : 'running';
    container.exitCode = exits?.exitCode ?? 0;
    if (exits) container.logs += exits.logs;
  }

  async stopContainer(id: string, timeoutSeconds: number): Promise<void> {
    const container = this.container(id);
    this.calls.push(`stopContainer ${container?.name ?? id} ${timeoutSeconds}s`);
    if (container?.state === 'running') Object.assign(container, { state: 'exited', exitCode: 143 });
  }

  async removeContainer(id: string): Promise<void> {
    const container = this.container(id);
    this.calls.push(`removeContainer ${container?.name ?? id}`);
    if (container) this.containers.delete(container.id);
  }

  async containerLogs(id: string, tail: number): Promise<string> {
    return this.#existing(id).logs.split('\n').slice(-tail).join('\n');
  }

  async runContainer(request: RunRequest): Promise<RunResult> {
    this.calls.push(`runContainer ${request.name}`);
    return this.runResult(request);
  }

  async execInContainer(id: string, command: readonly string[]): Promise<{ exitCode: number; output: string }> {
    this.#existing(id);
    return this.execResult(command);
  }

  async imageExists(reference: string): Promise<boolean> {
    return this.images.has(reference);
  }

  async pullImage(reference: string): Promise<void> {
    this.calls.push(`pullImage ${reference}`);
    if (this.unpullable.has(reference)) {
      throw new ImageUnavailableError(`Image ${reference} is not on this machine and could not be pulled: no registry is reachable`);
    }
    this.images.add(reference);
  }

  listNetworks = async (labels: Readonly<Record<string, string>>) => this.networks.carrying(labels);
  createNetwork = async (name: string, labels: Readonly<Record<string, string>>) => this.networks.create(name, labels);
  removeNetwork = async (name: string) => this.networks.remove(name);

  listVolumes = async (labels: Readonly<Record<string, string>>) => this.volumes.carrying(labels);
  createVolume = async (name: string, labels: Readonly<Record<string, string>>) => this.volumes.create(name, labels);
  removeVolume = async (name: string) => this.volumes.remove(name);

  async *containerLogLines(id: string): AsyncIterable<LogLine> {
    for (const text of this.#existing(id).logs.split('\n').filter(Boolean)) {
      yield { stream: 'stdout', timestamp: '2026-01-01T00:00:00Z', text };
    }
  }

  #existing(id: string): FakeContainer {
    const container = this.container(id);
    if (!container) throw new Error(`No such container: ${id}`);
    return container;
  }
}

/** Networks or volumes by name; creating and removing them is recorded as a call. */
class FakeResources extends Map<string, NamedResource> {
  constructor(
    private readonly kind: 'Network' | 'Volume',
    private readonly calls: string[],
  ) {
    super();
  }

  carrying(labels: Readonly<Record<string, string>>): NamedResource[] {
    return [...this.values()].filter((resource) => carries(resource, labels));
  }

  create(name: string, labels: Readonly<Record<string, string>>): void {
    this.calls.push(`create${this.kind} ${name}`);
    this.set(name, { name, labels });
  }

  remove(name: string): void {
    this.calls.push(`remove${this.kind} ${name}`);
    this.delete(name);
  }
}

function carries(resource: { readonly labels: Readonly<Record<string, string>> }, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(labels).every(([key, value]) => resource.labels[key] === value);
}
