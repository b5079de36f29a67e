import { relative } from 'node:path';
import { defaultComposeFile, render } from '../../api.js';
import { loadConfig } from '../../config/load.js';
import { loadOptions, type GlobalFlags } from '../options.js';

export interface RenderFlags extends GlobalFlags {
  output?: string;
  stdout?: boolean;
}

export async function renderCommand(flags: RenderFlags): Promise<void> {
  const config = await loadConfig(loadOptions(flags));
  if (flags.stdout) {
    process.stdout.write(await render({ config }));
    return;
  }
  const output = flags.output ?? defaultComposeFile;
  await render({ config, output });
  process.stdout.write(
    `Wrote ${relative(process.cwd(), output) || output} from ${config.source}.\n` +
      `Run it without kafka-dev: docker compose -p ${config.name} -f ${output} up -d\n`,
  );
}
