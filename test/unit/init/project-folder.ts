import { mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** An empty project folder where kafka-dev is installed (linked), so a written kafka-dev.config.ts can import it. */
export async function projectFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'kafka-dev-init-'));
  await mkdir(join(folder, 'node_modules'));
  await symlink(repoRoot, join(folder, 'node_modules/kafka-dev'), 'dir');
  return folder;
}
