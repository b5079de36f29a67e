import { relative } from 'node:path';
import { exportStrimzi, loadConfig } from '../../api.js';
import { InvalidArgumentsError } from '../../base/errors.js';
import { quoteText } from '../../base/text.js';
import { loadOptions, type GlobalFlags } from '../options.js';
import { printResult } from '../output.js';

export interface ExportFlags extends GlobalFlags {
  out?: string;
  json?: boolean;
}

/** The engines `export` writes manifests for. */
const targets = ['strimzi'] as const;

export async function exportCommand(target: string | undefined, flags: ExportFlags): Promise<void> {
  if (target !== 'strimzi') {
    throw new InvalidArgumentsError('kafka-dev export', [{ path: 'target', message: `got ${quoteText(target ?? '')}; expected ${targets.join(', ')}` }]);
  }
  const out = flags.out ?? '-';
  if (out === '') throw new InvalidArgumentsError('kafka-dev export', [{ path: '--out', message: "got ''; expected a folder, or - to print" }]);
  const config = await loadConfig(loadOptions('export', flags));
  if (out === '-') {
    const { text } = await exportStrimzi({ config });
    printResult(flags, { project: config.name, source: config.source, manifests: text }, () => text);
    return;
  }
  const { files } = await exportStrimzi({ config, outDir: out });
  printResult(
    flags,
    { project: config.name, source: config.source, files },
    () => `Wrote ${files.length} Strimzi manifests to ${relative(process.cwd(), out) || out} from ${config.source}.\nApply them with: kubectl apply -n <namespace> -f ${out}\n`,
  );
}
