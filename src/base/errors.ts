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
  smokeFailed: 7,
  /** 128 + SIGINT, as shells report a command ended by Ctrl-C. */
  interrupted: 130,
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
    super(`Invalid config (${source}):\n${formatIssues(issues)}`, options);
  }
}

/** Command-line arguments that cannot work, refused before any request is sent; exits like a bad config. */
export class InvalidArgumentsError extends KafkaDevError {
  override readonly exitCode = ExitCode.config;

  constructor(command: string, readonly issues: readonly ConfigIssue[], options: KafkaDevErrorOptions = {}) {
    super(`Invalid arguments for '${command}':\n${formatIssues(issues)}`, options);
  }
}

function formatIssues(issues: readonly ConfigIssue[]): string {
  return issues.map((issue) => `  - ${issue.path ? `${issue.path}: ` : ''}${issue.message}`).join('\n');
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

/** Messages did not make the round trip over a listener; the message says which path failed and why. */
export class SmokeCheckError extends KafkaDevError {
  override readonly exitCode = ExitCode.smokeFailed;
}

/** Ctrl-C or SIGTERM ended the run; what it had created was removed. */
export class InterruptedError extends KafkaDevError {
  override readonly exitCode = ExitCode.interrupted;
}

/** A docker-compose file given to `lint` or `init --from-compose` that cannot be read or is not a compose file; exits like a bad config. */
export class ComposeFileError extends KafkaDevError {
  override readonly exitCode = ExitCode.config;
}
