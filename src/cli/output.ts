import pc from 'picocolors';

/**
 * Output hygiene in one place: what a command was asked for (data, JSON) goes to stdout,
 * progress and warnings to stderr, so `kafka-dev ... --json | jq` always reads clean JSON.
 */

/** The command's result: JSON with `--json`, else the text. */
export function printResult(flags: { json?: boolean }, json: unknown, text: () => string): void {
  process.stdout.write(flags.json ? `${JSON.stringify(json, null, 2)}\n` : text());
}

export function warn(message: string): void {
  process.stderr.write(`${pc.yellow('!')} ${message}\n`);
}

export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}
