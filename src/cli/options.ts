import { configOverrides, engine, type LoadConfigOptions, type OverridableField } from '../api.js';
import { decimalNumber } from '../base/decimal-number.js';
import { InvalidArgumentsError } from '../base/errors.js';
import { quoteText } from '../base/text.js';
import { wholeNumber } from '../base/whole-number.js';

/** Flags every command accepts, as typed; the CLI wins over the config file. */
export interface GlobalFlags {
  config?: string;
  projectName?: string;
  mode?: string;
  brokers?: string;
  controllers?: string;
  kafkaVersion?: string;
  context?: string;
}

const flagOf: Readonly<Record<OverridableField, string>> = {
  name: '--project-name',
  mode: '--mode',
  brokers: '--brokers',
  controllers: '--controllers',
  kafkaVersion: '--kafka-version',
};

/** Flags become config fields, judged by the config's own schema; a bad value is refused naming its flag. */
export function loadOptions(command: string, flags: GlobalFlags): LoadConfigOptions & { context?: string } {
  if (flags.config === '') {
    throw new InvalidArgumentsError(`kafka-dev ${command}`, [{ path: '--config', message: "got '', expected the path of a config file" }]);
  }
  const texts = { name: flags.projectName, mode: flags.mode, brokers: flags.brokers, controllers: flags.controllers, kafkaVersion: flags.kafkaVersion };
  return { configFile: flags.config, overrides: configOverrides(`kafka-dev ${command}`, texts, (field) => flagOf[field]), context: flags.context };
}

/**
 * The first progress line of a command that talks to the engine names it. An engine that cannot
 * be chosen or reached says nothing here: the command then fails with the full story.
 */
export async function announceEngine(flags: GlobalFlags, say: (line: string) => void): Promise<void> {
  const found = await engine({ context: flags.context }).catch(() => undefined);
  if (found) say(`Engine: ${found.description}`);
}

/** Seconds from a flag (`90`, `2.5`), in milliseconds; the default when the flag is absent. */
export function secondsFlag(name: string, value: string | undefined, fallbackSeconds: number): number {
  if (value === undefined) return fallbackSeconds * 1000;
  const seconds = decimalNumber(value);
  if (seconds === undefined || seconds <= 0) {
    throw new InvalidArgumentsError(`--${name}`, [{ path: '', message: `got ${quoteText(value)}, expected a number of seconds greater than 0` }]);
  }
  return seconds * 1000;
}

/** A whole number of at least 1 from a flag, written in decimal digits; the default when absent. */
export function countFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const count = wholeNumber(value);
  if (count === undefined || count < 1) {
    throw new InvalidArgumentsError(`--${name}`, [{ path: '', message: `got ${quoteText(value)}, expected a whole number of at least 1` }]);
  }
  return count;
}

/** A console's port flag (`ui --port`, `up --ui-port`): 0 for any free port. */
export function uiPortFlag(command: string, flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = wholeNumber(value);
  if (port === undefined || port > 65_535) {
    throw new InvalidArgumentsError(`kafka-dev ${command}`, [{ path: flag, message: `got ${quoteText(value)}, expected a port number from 0 (any free port) to 65535` }]);
  }
  return port;
}
