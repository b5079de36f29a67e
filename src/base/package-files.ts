import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * kafka-dev's own files (templates, ui-assets, package.json), found from the running code: the
 * nearest folder up that holds both `package.json` and `templates/`. The compiled modules
 * (`dist/<layer>/...`), the CLI's bundle (`dist/cli-bundle/`) and the sources under test sit at
 * different depths, so no fixed `../..` fits them all.
 */
function findPackageRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json')) && existsSync(join(folder, 'templates'))) return folder;
    if (dirname(folder) === folder) throw new Error(`internal: kafka-dev's package folder (with package.json and templates/) was not found above ${from}`);
  }
}

const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside kafka-dev's package: `packageFile('templates', 'flavors', 'base.yaml')`. */
export const packageFile = (...parts: string[]): string => join(packageRoot, ...parts);
