import { execa, type ResultPromise } from 'execa';
import { chromium, type Browser } from 'playwright-core';
import { cliPath } from './helpers.js';

/** The console's browser tests: Debian's chromium (no browser download), and the CLI that serves the console. */

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.KAFKA_DEV_TEST_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
}

export interface ConsoleProcess {
  readonly child: ResultPromise<{ reject: false }>;
  /** The URL with its token, as the command printed it on stdout. */
  readonly url: Promise<string>;
}

/**
 * Starts a command that serves the console (`ui`, `up --ui`) and reads the URL from its stdout;
 * a command that ends before printing one fails with what it said.
 */
export function serveConsole(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): ConsoleProcess {
  const child = execa(process.execPath, [cliPath, ...args], { cwd: options.cwd, env: { NO_COLOR: '1', CI: '1', ...options.env }, reject: false });
  const url = new Promise<string>((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const found = /^http:\/\/\S+$/m.exec(printed);
      if (found) resolve(found[0]);
    });
    void child.then((result) => reject(new Error(`kafka-dev ${args.join(' ')} ended (exit ${result.exitCode}) without a URL:\n${result.stderr}\n${result.stdout}`)));
  });
  return { child, url };
}
