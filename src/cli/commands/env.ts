import { clientEnv, clientFormats, renderClientSettings, type ClientFormat } from '../../api.js';
import { InvalidArgumentsError } from '../../base/errors.js';
import { quoteText } from '../../base/text.js';
import { loadOptions, type GlobalFlags } from '../options.js';
import { printResult } from '../output.js';

export interface EnvFlags extends GlobalFlags {
  inside?: boolean;
  user?: string;
  format?: string;
  json?: boolean;
}

/** Prints what a client needs to connect, for the host or (with --inside) for containers on the network. */
export async function envCommand(flags: EnvFlags): Promise<void> {
  const format = formatFlag(flags.format);
  const env = await clientEnv({ ...loadOptions('env', flags), inside: flags.inside, user: flags.user });
  printResult(flags, env.settings, () => renderClientSettings(env.settings, format, env.pem));
}

function formatFlag(format: string | undefined): ClientFormat {
  if (format === undefined) return 'properties';
  if ((clientFormats as readonly string[]).includes(format)) return format as ClientFormat;
  throw new InvalidArgumentsError('env', [{ path: '--format', message: `got ${quoteText(format)}; expected one of ${clientFormats.join(', ')}` }]);
}
