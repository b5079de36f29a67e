import { relative } from 'node:path';
import { loadConfig, render } from '../../api.js';
import { InvalidArgumentsError } from '../../base/errors.js';
import { runDefaults } from '../../model/defaults.js';
import { loadOptions, type GlobalFlags } from '../options.js';
import { printResult } from '../output.js';

export interface RenderFlags extends GlobalFlags {
  output?: string;
  stdout?: boolean;
  json?: boolean;
}

export async function renderCommand(flags: RenderFlags): Promise<void> {
  const config = await loadConfig(loadOptions('render', flags));
  if (flags.stdout) {
    const compose = await render({ config });
    printResult(flags, { project: config.name, source: config.source, compose }, () => compose);
    return;
  }
  const output = flags.output ?? runDefaults.composeFile;
  if (output === '') throw new InvalidArgumentsError('kafka-dev render', [{ path: '--output', message: "got '', expected a file path" }]);
  await render({ config, output });
  printResult(
    flags,
    { project: config.name, source: config.source, file: output },
    () =>
      `Wrote ${relative(process.cwd(), output) || output} from ${config.source}.\n` +
      `Run it without kafka-dev: docker compose -p ${config.name} -f ${output} up -d\n`,
  );
}
