import pc from 'picocolors';
import { quoteText } from '../../base/text.js';
import { logs, type ServiceLogLine } from '../../api.js';
import { InvalidArgumentsError } from '../../base/errors.js';
import { wholeNumber } from '../../base/whole-number.js';
import { loadOptions, type GlobalFlags } from '../options.js';
import { sinceFlag } from '../since-flag.js';

export interface LogsFlags extends GlobalFlags {
  follow?: boolean;
  since?: string;
  tail?: string;
  timestamps?: boolean;
  json?: boolean;
}

/** Prints the stack's logs, each line behind its service's coloured name; `-f` follows until Ctrl-C. */
export async function logsCommand(service: string | undefined, flags: LogsFlags, signal: AbortSignal): Promise<void> {
  const tail = tailFlag(flags.tail);
  const { services, lines } = await logs({
    ...loadOptions('logs', flags),
    follow: Boolean(flags.follow),
    ...(flags.since !== undefined && { since: sinceFlag(flags.since, Date.now()) }),
    ...(tail !== undefined && { tail }),
    ...(service !== undefined && { service }),
    signal,
  });
  const prefixes = logPrefixes(services);
  for await (const line of lines) {
    process.stdout.write(flags.json ? `${JSON.stringify(line)}\n` : formatLogLine(line, prefixes, Boolean(flags.timestamps)));
  }
}

function tailFlag(value: string | undefined): number | undefined {
  if (value === undefined || value === 'all') return undefined;
  const lines = wholeNumber(value);
  if (lines !== undefined) return lines;
  throw new InvalidArgumentsError('logs', [{ path: '--tail', message: `got ${quoteText(value)}, expected a number of lines or 'all'` }]);
}

/** Colours in the order `docker compose logs` uses them; picocolors drops them under NO_COLOR, and off a terminal outside CI. */
const palette = [pc.cyan, pc.yellow, pc.green, pc.magenta, pc.blue, pc.cyanBright, pc.yellowBright, pc.greenBright, pc.magentaBright, pc.blueBright];

/** `kafka-1    |` per service: padded to the longest name, one colour each. */
export function logPrefixes(services: readonly string[]): Map<string, string> {
  const width = Math.max(...services.map((service) => service.length));
  return new Map(services.map((service, index) => [service, palette[index % palette.length]!(`${service.padEnd(width)} |`)]));
}

export function formatLogLine(line: ServiceLogLine, prefixes: ReadonlyMap<string, string>, timestamps: boolean): string {
  return `${prefixes.get(line.service) ?? line.service} ${timestamps ? `${line.timestamp} ` : ''}${line.text}\n`;
}
