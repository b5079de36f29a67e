import { InvalidArgumentsError } from '../../base/errors.js';
import { startUi, type RunningUi } from '../../index.js';
import { loadOptions, uiPortFlag, type GlobalFlags } from '../options.js';

export interface UiFlags extends GlobalFlags {
  port?: string;
  host?: string;
  open?: boolean;
}

/** Serves the web console until Ctrl-C; the URL (with its token) is the command's data, on stdout. */
export async function uiCommand(flags: UiFlags, signal: AbortSignal): Promise<void> {
  if (flags.host === '') throw new InvalidArgumentsError('kafka-dev ui', [{ path: '--host', message: "got '', expected an address to listen on, e.g. 127.0.0.1" }]);
  const ui = await startUi({ ...loadOptions('ui', flags), port: uiPortFlag('ui', '--port', flags.port), host: flags.host });
  await serveUntilStopped(ui, signal, flags.open);
}

/** Prints the console's URL (the data, on stdout) and serves it until Ctrl-C or SIGTERM; `up --ui` ends the same way. */
export async function serveUntilStopped(ui: RunningUi, signal: AbortSignal, open = false): Promise<void> {
  process.stdout.write(`${ui.url}\n`);
  process.stderr.write('kafka-dev ui is running; press Ctrl-C to stop it\n');
  if (open) await openInBrowser(ui.url);
  if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  await ui.close();
}

/** The desktop's own opener; without one the printed URL is still there to click. */
async function openInBrowser(url: string): Promise<void> {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const { execa } = await import('execa');
  const opened = await execa(opener, [url], { reject: false, stdio: 'ignore', detached: true });
  if (opened.failed) process.stderr.write(`could not open a browser (${opener}); open the URL above\n`);
}
