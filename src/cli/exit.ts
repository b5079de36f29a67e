import pc from 'picocolors';
import { ExitCode, KafkaDevError } from '../base/errors.js';

/** The only place that turns an error into words on stderr and an exit code. */
export function reportError(error: unknown): number {
  if (error instanceof KafkaDevError) {
    process.stderr.write(`${pc.red('✖')} ${error.message}\n`);
    if (error.hint) process.stderr.write(`${pc.dim('→')} ${error.hint}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : String(error);
  process.stderr.write(`${pc.red('✖')} ${message}\n`);
  return ExitCode.failure;
}
