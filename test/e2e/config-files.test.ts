import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { kafkaDev, projectFolder } from './helpers.js';

/**
 * Every kind of config file, loaded by the built CLI the way a user's project has it. TypeScript
 * that Node's type stripping can run is imported by Node itself; what it cannot (an enum) goes
 * through jiti. Both must give the same stack.
 */
const configs = [
  {
    kind: 'TypeScript with defineConfig and type annotations',
    file: 'kafka-dev.config.ts',
    text: "import { defineConfig } from 'kafka-dev';\nconst brokers: number = 3;\nexport default defineConfig({ brokers });\n",
  },
  {
    kind: 'TypeScript with an enum, which type stripping cannot run',
    file: 'kafka-dev.config.ts',
    text: "import { defineConfig } from 'kafka-dev';\nenum Size { Cluster = 3 }\nexport default defineConfig({ brokers: Size.Cluster });\n",
  },
  { kind: 'ES module TypeScript (.mts)', file: 'kafka-dev.config.mts', text: 'export default { brokers: 3 as const };\n' },
  { kind: 'CommonJS JavaScript', file: 'kafka-dev.config.js', text: 'module.exports = { brokers: 3 };\n' },
  { kind: 'ES module JavaScript (.mjs)', file: 'kafka-dev.config.mjs', text: 'export default { brokers: 3 };\n' },
];

describe('config files', () => {
  test.each(configs)('$kind ($file) loads', async ({ file, text }) => {
    const cwd = await projectFolder();
    await writeFile(join(cwd, file), text);

    const result = await kafkaDev(['render', '--stdout'], { cwd });

    expect(result.exitCode, result.stderr).toBe(0);
    const services = Object.keys(parseYaml(result.stdout).services);
    expect(services.filter((name) => name.startsWith('kafka'))).toEqual(['kafka-1', 'kafka-2', 'kafka-3']);
  });
});
