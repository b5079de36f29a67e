#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import module from 'node:module';
import { constants } from 'node:os';
import { commandHelp, generalHelp } from './help.js';
import { parseCommandLine, type CommandSpec } from './command-line.js';
import { commands, globalFlags } from './commands.js';
import { progress } from './output.js';
import { reportError } from './exit.js';
import { packageFile } from '../base/package-files.js';

/**
 * Entry point: parses the command line, runs the command, and owns the exit code. The process
 * ends when the command is done (a timer a config file started does not keep it alive), on a
 * closed stdout (`| head`), and on Ctrl-C or SIGTERM, after the command's cleanup if it has one.
 */
// Node keeps the compiled code of kafka-dev and its dependencies on disk: later runs start faster.
module.enableCompileCache?.();
const { version } = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
const abort = new AbortController();
let running: CommandSpec | undefined;
let interruptedBy: 'SIGINT' | 'SIGTERM' | undefined;

/** 130 for Ctrl-C, 143 for SIGTERM: 128 + the signal's number, as shells report it. */
const signalExitCode = (signal: 'SIGINT' | 'SIGTERM') => 128 + constants.signals[signal];

/** Ends the process once stdout has taken what was written. */
function exit(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}

// The reader of stdout went away (`kafka-dev lint --json | head -c 10`): nothing more to say.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`✖ cannot write to stdout: ${error.message}\n`);
  process.exit(1);
});

// `on`, not `once`: signal-exit (used by dependencies) re-raises a signal nobody else listens to.
for (const [signal, reason] of [['SIGINT', 'Ctrl-C'], ['SIGTERM', 'SIGTERM']] as const) {
  process.on(signal, () => {
    // Nothing to clean up, or a second signal: end at once.
    if (interruptedBy || !running?.cleansUp) process.exit(signalExitCode(signal));
    interruptedBy = signal;
    process.stderr.write(`\n${reason}: stopping after cleaning up (press again to quit at once)\n`);
    abort.abort(new Error(reason));
  });
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const line = parseCommandLine(argv, commands, globalFlags);
    if (line.kind === 'version') {
      process.stdout.write(`${version}\n`);
    } else if (line.kind === 'help') {
      process.stdout.write(line.command ? commandHelp(version, line.command, globalFlags) : generalHelp(version, commands, globalFlags));
    } else {
      running = line.command;
      // Loaded only here: options.js brings in the whole API, which --help and --version never need.
      if (line.command.usesEngine) await (await import('./options.js')).announceEngine(line.flags, progress);
      const code = await line.command.run(line.args, line.flags, abort.signal);
      // A command that returns a code after an interrupt ended as asked (`up --ui`: Ctrl-C stops the console, not the stack).
      return code ?? (interruptedBy ? signalExitCode(interruptedBy) : 0);
    }
    return 0;
  } catch (error) {
    const code = reportError(error);
    return interruptedBy ? signalExitCode(interruptedBy) : code;
  }
}

exit(await main(process.argv.slice(2)));
