import { flagsOf, helpFlag, usageOf, versionFlag, type CommandSpec, type FlagSpec } from './command-line.js';

/** The help texts, built from the same declarations the parser reads (defaults included). */

export function generalHelp(version: string, commands: readonly CommandSpec[], globalFlags: readonly FlagSpec[]): string {
  const rows = commands.map((command) => [[command.name, ...command.args.map((arg) => (arg.required ? `<${arg.name}>` : `[${arg.name}]`))].join(' '), command.summary]);
  return [
    `kafka-dev/${version}`,
    '',
    'Usage:',
    '  $ kafka-dev <command> [options]',
    '',
    'Commands:',
    ...columns(rows),
    '',
    'For more info, run any command with the `--help` flag:',
    ...commands.slice(0, 2).map((command) => `  $ kafka-dev ${command.name} --help`),
    '',
    'Options:',
    ...columns([...globalFlags, helpFlag, versionFlag].map(flagRow)),
    '',
  ].join('\n');
}

export function commandHelp(version: string, command: CommandSpec, globalFlags: readonly FlagSpec[]): string {
  return [
    `kafka-dev/${version}`,
    '',
    'Usage:',
    `  $ ${usageOf(command)}`,
    '',
    command.summary,
    '',
    'Options:',
    ...columns([...flagsOf(command, globalFlags), helpFlag].map(flagRow)),
    '',
    'Examples:',
    ...command.examples.map((example) => `  ${example}`),
    '',
  ].join('\n');
}

function flagRow(flag: FlagSpec): [string, string] {
  const spelled = `${flag.short ? `-${flag.short}, ` : ''}--${flag.name}${flag.value ? ` <${flag.value}>` : ''}`;
  return [spelled, `${flag.description}${flag.default === undefined ? '' : ` (default: ${flag.default})`}`];
}

function columns(rows: readonly (readonly string[])[]): string[] {
  const width = Math.max(...rows.map(([first]) => first!.length));
  return rows.map(([first, second]) => `  ${first!.padEnd(width)}  ${second}`);
}
