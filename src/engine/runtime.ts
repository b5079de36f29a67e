/**
 * The thin slice of the Docker Engine API kafka-dev uses. Only `dockerode-runtime.ts` implements
 * it against a real engine; everything else receives it as a parameter.
 */
import type { PublishedPort } from '../model/stack.js';
import type { EngineEndpoint } from './discovery.js';
import type { EngineKind } from './discovery-kind.js';

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerSummary {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly state: ContainerState;
  /** Docker's own words, e.g. "Up 3 minutes". */
  readonly status: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly ports: readonly PublishedPort[];
  /** The container's IPv4 address on each network it is attached to, by network name. */
  readonly addresses?: Readonly<Record<string, string>>;
}

export interface ContainerDetails {
  readonly state: ContainerState;
  readonly exitCode: number;
  readonly startedAt: string;
}

export interface ContainerCreateRequest {
  readonly name: string;
  readonly image: string;
  readonly hostname: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly ports: readonly PublishedPort[];
  /** Docker volume name (project-prefixed) mounted at target, read-only when asked. */
  readonly mounts: readonly { readonly source: string; readonly target: string; readonly readOnly?: boolean }[];
  /** Host folders (absolute paths) mounted at target. */
  readonly binds?: readonly { readonly source: string; readonly target: string; readonly readOnly: boolean }[];
  /** Replaces the image's command. */
  readonly command?: readonly string[];
  readonly network: string;
  readonly aliases: readonly string[];
  /** What a stop without its own timeout (`docker stop`, `docker compose down`) gives the container before SIGKILL. */
  readonly stopTimeoutSeconds: number;
}

/** A throwaway container that runs one command to completion, e.g. a Kafka console tool on the project network. */
export interface RunRequest {
  readonly name: string;
  readonly image: string;
  readonly command: readonly string[];
  readonly network: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly environment?: Readonly<Record<string, string>>;
  /** Docker volumes (project-prefixed names) mounted at their targets, e.g. to read or copy a broker's data. */
  readonly mounts?: readonly { readonly source: string; readonly target: string }[];
  /** Receives standard output as it arrives, so a caller can time what the container prints. */
  readonly onStdout?: (text: string) => void;
  /**
   * Written to the container's standard input once it settles, e.g. a go signal: the command can
   * start (and boot a JVM) at once and wait for its input.
   */
  readonly stdin?: Promise<string>;
  /** The container is killed after this long; the result then says `timedOut`. */
  readonly timeoutMs: number;
  /** Aborting kills the container; the call then rejects with the abort reason. */
  readonly signal?: AbortSignal;
}

export interface RunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface NamedResource {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface EngineInfo {
  readonly version: string;
  readonly apiVersion: string;
  /** Docker Engine, Docker Desktop, Podman, Colima, OrbStack, Rancher Desktop; absent when unknown. */
  readonly kind?: EngineKind;
  /** Where the engine is and why it was chosen; absent for a runtime that is not a real engine. */
  readonly endpoint?: EngineEndpoint;
}

/** What `containerLogLines` reads. */
export interface LogRequest {
  /** Keep reading until the container stops or `signal` aborts. */
  readonly follow: boolean;
  /** Only lines written since this Unix time, in seconds. */
  readonly since?: number;
  /** Only the last N lines (before following). */
  readonly tail?: number;
  readonly signal?: AbortSignal;
}

/** One line of a container's output. */
export interface LogLine {
  readonly stream: 'stdout' | 'stderr';
  /** Docker's RFC 3339 time of the line (nanoseconds, trailing zeros trimmed). */
  readonly timestamp: string;
  readonly text: string;
}

export interface ContainerRuntime {
  /** Throws DockerUnavailableError when no engine answers. */
  info(): Promise<EngineInfo>;
  /** Where the engine keeps its data (volumes), e.g. /var/lib/docker. */
  dataRoot(): Promise<string>;
  /** All containers (running or not), optionally only those carrying every given label. */
  listContainers(labels?: Readonly<Record<string, string>>): Promise<ContainerSummary[]>;
  inspectContainer(id: string): Promise<ContainerDetails | null>;
  createContainer(request: ContainerCreateRequest): Promise<string>;
  startContainer(id: string): Promise<void>;
  stopContainer(id: string, timeoutSeconds: number): Promise<void>;
  removeContainer(id: string): Promise<void>;
  /** The last `tail` lines of stdout and stderr as one text, a newline after each line. */
  containerLogs(id: string, tail: number): Promise<string>;
  /** Creates, starts and waits for a container, then removes it; its output comes back whatever the exit code. */
  runContainer(request: RunRequest): Promise<RunResult>;
  /** Runs a command in a running container and waits for it (a readiness check); stdout and stderr come back as one text. */
  execInContainer(id: string, command: readonly string[], timeoutMs: number): Promise<{ readonly exitCode: number; readonly output: string }>;

  imageExists(reference: string): Promise<boolean>;
  pullImage(reference: string): Promise<void>;

  listNetworks(labels: Readonly<Record<string, string>>): Promise<NamedResource[]>;
  createNetwork(name: string, labels: Readonly<Record<string, string>>): Promise<void>;
  removeNetwork(name: string): Promise<void>;

  listVolumes(labels: Readonly<Record<string, string>>): Promise<NamedResource[]>;
  createVolume(name: string, labels: Readonly<Record<string, string>>): Promise<void>;
  removeVolume(name: string): Promise<void>;

  /** A container's output line by line, stdout and stderr as Docker interleaved them (`kafka-dev logs`). */
  containerLogLines(id: string, request: LogRequest): AsyncIterable<LogLine>;
}
