import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadConfig, type LoadConfigOptions } from './config/load.js';
import type { ResolvedConfig } from './model/types.js';
import type { ContainerRuntime } from './engine/runtime.js';
import { DockerodeRuntime } from './engine/dockerode-runtime.js';
import { downOperation, type DownOptions, type DownResult } from './stack/down.js';
import { stackStatus, type StackStatus } from './health/status.js';
import { upOperation, type UpOptions, type UpResult } from './stack/up.js';
import { runSmoke, type SmokeOptions, type SmokeReport } from './smoke/smoke.js';
import { renderCompose } from './compose/render.js';
import { runOperation, type StepListener } from './stack/steps.js';

/** The programmatic API; the CLI is a thin layer over it. */
export interface CommonOptions extends LoadConfigOptions {
  /** An already resolved config; skips loading. */
  config?: ResolvedConfig;
  runtime?: ContainerRuntime;
  onStep?: StepListener;
  signal?: AbortSignal;
}

const configOf = (options: CommonOptions) => options.config ?? loadConfig(options);
const runtimeOf = (options: CommonOptions) => options.runtime ?? new DockerodeRuntime();

export async function up(options: CommonOptions & UpOptions = {}): Promise<UpResult> {
  const operation = upOperation(await configOf(options), runtimeOf(options), options);
  return runOperation(operation, options);
}

export async function down(options: CommonOptions & DownOptions = {}): Promise<DownResult> {
  const config = await configOf(options);
  return runOperation(downOperation(config.name, runtimeOf(options), options), options);
}

export async function status(options: CommonOptions = {}): Promise<StackStatus> {
  return stackStatus(await configOf(options), runtimeOf(options));
}

/** Sends numbered messages over both listeners and reports what came back; `passed` says whether all did, once and in order. */
export async function smoke(options: CommonOptions & SmokeOptions = {}): Promise<SmokeReport> {
  return runSmoke(await configOf(options), runtimeOf(options), options);
}

export const defaultComposeFile = 'compose/docker-compose.yml';

/** Renders the compose file; writes it when `output` is given (relative to `cwd`) and returns the text. */
export async function render(options: CommonOptions & { output?: string } = {}): Promise<string> {
  const text = renderCompose(await configOf(options));
  if (options.output) {
    const file = resolve(options.cwd ?? process.cwd(), options.output);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return text;
}
