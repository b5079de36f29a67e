import type { PublishedPort } from '../render/model.js';

/**
 * The thin slice of the Docker Engine API kafka-dev uses. Only `dockerode-client.ts` implements
 * it against a real engine; everything else receives it as a parameter.
 */
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
  /** Docker volume name (project-prefixed) mounted at target. */
  readonly mounts: readonly { readonly source: string; readonly target: string }[];
  readonly network: string;
  readonly aliases: readonly string[];
}

export interface NamedResource {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface EngineInfo {
  readonly version: string;
  readonly apiVersion: string;
}

export interface ContainerRuntime {
  /** Throws DockerUnavailableError when no engine answers. */
  info(): Promise<EngineInfo>;
  /** All containers (running or not), optionally only those carrying every given label. */
  listContainers(labels?: Readonly<Record<string, string>>): Promise<ContainerSummary[]>;
  inspectContainer(id: string): Promise<ContainerDetails | null>;
  createContainer(request: ContainerCreateRequest): Promise<string>;
  startContainer(id: string): Promise<void>;
  stopContainer(id: string, timeoutSeconds: number): Promise<void>;
  removeContainer(id: string): Promise<void>;
  containerLogs(id: string, tail: number): Promise<string>;

  imageExists(reference: string): Promise<boolean>;
  pullImage(reference: string): Promise<void>;

  listNetworks(labels: Readonly<Record<string, string>>): Promise<NamedResource[]>;
  createNetwork(name: string, labels: Readonly<Record<string, string>>): Promise<void>;
  removeNetwork(name: string): Promise<void>;

  listVolumes(labels: Readonly<Record<string, string>>): Promise<NamedResource[]>;
  createVolume(name: string, labels: Readonly<Record<string, string>>): Promise<void>;
  removeVolume(name: string): Promise<void>;
}
