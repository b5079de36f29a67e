/**
 * The small error vocabulary of kafka-dev. Every error a user can meet names what failed,
 * on what, and what to do next (`hint`). Only `cli/exit.ts` turns them into exit codes.
 */

export const ExitCode = {
  failure: 1,
  config: 2,
  dockerUnavailable: 3,
  portInUse: 4,
  imageUnavailable: 5,
  notReady: 6,
} as const;

export interface KafkaDevErrorOptions {
  hint?: string;
  cause?: unknown;
}

export class KafkaDevError extends Error {
  readonly exitCode: number = ExitCode.failure;
  readonly hint: string | undefined;

  constructor(message: string, options: KafkaDevErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

export interface ConfigIssue {
  /** Dotted path of the field, e.g. `listeners.outside.port`; empty for the whole file. */
  path: string;
  message: string;
}

/** All problems found in one config, reported together. */
export class ConfigError extends KafkaDevError {
  override readonly exitCode = ExitCode.config;

  constructor(
    readonly source: string,
    readonly issues: readonly ConfigIssue[],
    options: KafkaDevErrorOptions = {},
  ) {
    const lines = issues.map((issue) => `  - ${issue.path ? `${issue.path}: ` : ''}${issue.message}`);
    super(`Invalid config (${source}):\n${lines.join('\n')}`, options);
  }
}

export class DockerUnavailableError extends KafkaDevError {
  override readonly exitCode = ExitCode.dockerUnavailable;
}

export class PortInUseError extends KafkaDevError {
  override readonly exitCode = ExitCode.portInUse;
}

export class ImageUnavailableError extends KafkaDevError {
  override readonly exitCode = ExitCode.imageUnavailable;
}

export class NotReadyError extends KafkaDevError {
  override readonly exitCode = ExitCode.notReady;
}
