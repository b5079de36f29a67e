import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import { InvalidArgumentsError, type ConfigIssue } from '../base/errors.js';
import { quoteText, shortText } from '../base/text.js';

/**
 * The command line as declared commands and flags. Every flag value stays the text the user
 * typed (Node's parseArgs never converts it); each command judges its own values, config fields
 * through the config's schema. Unknown commands and flags are echoed as typed, with a did-you-mean.
 */

export interface FlagSpec {
  /** The long name as typed, without the dashes: `project-name`; `no-smoke` sets `smoke` to false. */
  readonly name: string;
  readonly short?: string;
  /** The value's name in the help (`file`); without it the flag is a switch. */
  readonly value?: string;
  /** May be given more than once; the value is then a list. */
  readonly repeatable?: boolean;
  readonly description: string;
  /** Shown in the help; the API applies it. */
  readonly default?: string | number;
}

export type FlagValues = Readonly<Record<string, string | readonly string[] | boolean | undefined>>;

export interface CommandSpec {
  readonly name: string;
  readonly args: readonly { readonly name: string; readonly required?: boolean }[];
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
  readonly examples: readonly string[];
  /** Has cleanup to do when interrupted (containers, a consumer group): Ctrl-C waits for it. */
  readonly cleansUp?: boolean;
  /** Talks to the container engine: its first progress line names the engine. */
  readonly usesEngine?: boolean;
  /** Resolves to the exit code (default 0); throws a KafkaDevError for a failure. */
  run(args: readonly (string | undefined)[], flags: FlagValues, signal: AbortSignal): Promise<number | void>;
}

export type CommandLine =
  | { readonly kind: 'help'; readonly command?: CommandSpec }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly command: CommandSpec; readonly args: readonly (string | undefined)[]; readonly flags: FlagValues };

export const helpFlag: FlagSpec = { name: 'help', short: 'h', description: 'Display this message' };
export const versionFlag: FlagSpec = { name: 'version', short: 'v', description: 'Display the version number' };

/** `project-name` -> `projectName`, the key commands read; `no-smoke` -> `smoke`. */
export const flagKey = (name: string) => name.replace(/^no-/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Splits argv (without node and the script) into the command, its arguments and flags; refuses what the command does not take. */
export function parseCommandLine(argv: readonly string[], commands: readonly CommandSpec[], globalFlags: readonly FlagSpec[]): CommandLine {
  const first = tokenize(argv, [...globalFlags, helpFlag, versionFlag]);
  const name = first.positionals[0];
  if (name === undefined) {
    refuseUnknown('kafka-dev', first, [...globalFlags, helpFlag, versionFlag]);
    if (first.values.help || first.tokens.length === 0) return { kind: 'help' };
    if (first.values.version) return { kind: 'version' };
    // Flags without a command would do nothing: say so rather than print help and exit 0.
    throw new InvalidArgumentsError('kafka-dev', [{ path: '', message: `missing command; expected one of: ${commands.map((command) => command.name).join(', ')}` }], {
      hint: "Run 'kafka-dev --help' to see the commands.",
    });
  }
  if (name === 'help') return { kind: 'help', command: commands.find((command) => command.name === first.positionals[1]) };
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const suggestion = suggest(name, commands.map((candidate) => candidate.name));
    throw new InvalidArgumentsError('kafka-dev', [{ path: '', message: `unknown command ${quoteText(name)}${suggestion ? `; did you mean '${suggestion}'?` : ''}` }], {
      hint: "Run 'kafka-dev --help' to see the commands.",
    });
  }
  const flags = [...flagsOf(command, globalFlags), helpFlag];
  const parsed = tokenize(argv, flags);
  if (parsed.values.help) return { kind: 'help', command };
  const flagProblems = flagIssues(parsed, flags);
  // After an unknown flag, the next word is likely its value, not a stray argument: name the flag only.
  const unknownFlag = flagProblems.some((issue) => issue.message.startsWith('Unknown option'));
  const issues = [...flagProblems, ...(unknownFlag ? [] : argumentIssues(command, parsed.positionals.slice(1)))];
  if (issues.length > 0) {
    throw new InvalidArgumentsError(`kafka-dev ${command.name}`, issues, { hint: `Run 'kafka-dev ${command.name} --help' for the options.` });
  }
  const values = Object.fromEntries(
    flags.flatMap((flag) => {
      const given = parsed.values[flag.name];
      if (given === undefined) return [];
      const value = flag.repeatable ? given : given[0];
      return [[flagKey(flag.name), flag.name.startsWith('no-') ? !value : value]];
    }),
  ) as FlagValues;
  return { kind: 'run', command, args: command.args.map((_, index) => parsed.positionals[index + 1]), flags: values };
}

/** The command's own flags win over a global flag of the same name (topic's repeatable --config). */
export function flagsOf(command: CommandSpec, globalFlags: readonly FlagSpec[]): FlagSpec[] {
  return [...command.flags, ...globalFlags.filter((global) => !command.flags.some((own) => own.name === global.name))];
}

type Tokenized = ReturnType<typeof tokenize>;

function tokenize(argv: readonly string[], flags: readonly FlagSpec[]) {
  const options: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
    flags.map((flag) => [flag.name, { type: flag.value ? 'string' : 'boolean', multiple: true, ...(flag.short && { short: flag.short }) }] as const),
  );
  // Not strict: its complaints are Node's words and camel-case nothing, but a flag's value may then
  // start with '-' (`--brokers -1`), and the tokens let every problem below be said in our words.
  const { values, positionals, tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  return { values: values as Record<string, (string | boolean)[] | undefined>, positionals, tokens };
}

function flagIssues(parsed: Tokenized, flags: readonly FlagSpec[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const spelled = (flag: FlagSpec) => `--${flag.name}`;
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    const flag = flags.find((candidate) => candidate.name === token.name);
    if (!flag) {
      const suggestion = suggest(token.rawName, flags.map(spelled));
      issues.push({ path: '', message: `Unknown option \`${shortText(token.rawName)}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}` });
    } else if (flag.value && (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))) {
      const next = token.value === undefined ? '' : ` (got the flag ${quoteText(token.value)}; a value that starts with '--' is written ${spelled(flag)}=${shortText(token.value)})`;
      issues.push({ path: spelled(flag), message: `value is missing; expected <${flag.value}>${next}` });
    } else if (!flag.value && token.inlineValue) {
      issues.push({ path: spelled(flag), message: `got ${quoteText(String(token.value))}, but the flag takes no value` });
    }
  }
  for (const flag of flags) {
    const given = parsed.values[flag.name];
    // A switch given twice means the same; a second value would silently win or lose.
    if (!flag.repeatable && flag.value && given && given.length > 1) {
      const shown = given.map((value) => quoteText(String(value))).join(', ');
      issues.push({ path: spelled(flag), message: `given ${given.length} times (${shown}); expected once` });
    }
  }
  return issues;
}

function argumentIssues(command: CommandSpec, given: readonly string[]): ConfigIssue[] {
  const missing = command.args.filter((arg, index) => arg.required && given[index] === undefined);
  const extra = given.slice(command.args.length);
  return [
    ...missing.map((arg) => ({ path: arg.name, message: `missing; expected ${usageOf(command)}` })),
    ...extra.map((value) => ({ path: '', message: `unexpected argument ${quoteText(value)}; expected ${usageOf(command)}` })),
  ];
}

function refuseUnknown(command: string, parsed: Tokenized, flags: readonly FlagSpec[]): void {
  const issues = flagIssues(parsed, flags);
  if (issues.length > 0) throw new InvalidArgumentsError(command, issues, { hint: "Run 'kafka-dev --help' to see the commands and options." });
}

export function usageOf(command: CommandSpec): string {
  const args = command.args.map((arg) => (arg.required ? `<${arg.name}>` : `[${arg.name}]`));
  return ['kafka-dev', command.name, ...args, '[options]'].join(' ');
}

/** The closest known spelling, when it is close enough to be what was meant. */
function suggest(typed: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const candidate = closest(typed, [...known]);
  return distance(typed, candidate) <= Math.max(2, Math.floor(candidate.length / 3)) ? candidate : undefined;
}

/** The values of a repeatable flag, as a list; a flag given once is a list of one. */
export const listOf = (value: FlagValues[string]): string[] =>
  value === undefined || typeof value === 'boolean' ? [] : typeof value === 'string' ? [value] : [...value];
