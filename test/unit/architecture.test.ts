import { fileURLToPath } from 'node:url';
import { cruise, type IReporterOutput } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, test } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The rules of `.dependency-cruiser.cjs` (layers that import only downwards, no cycles), run over src/. */
async function violations(): Promise<string[]> {
  process.chdir(repoRoot);
  const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
  const tsConfig = extractTSConfig('tsconfig.json');
  const result: IReporterOutput = await cruise(['src'], { ...options, validate: true }, undefined, { tsConfig });
  if (typeof result.output === 'string') throw new Error('expected a cruise result, got text');
  return result.output.summary.violations.map((violation) => {
    const cycle = violation.cycle?.map((step) => step.name).join(' -> ');
    return `${violation.rule.name}: ${violation.from} -> ${cycle ?? violation.to}`;
  });
}

describe('architecture', () => {
  test('no module imports a higher layer, a sibling folder, or itself through a cycle', { timeout: 60_000 }, async () => {
    expect(await violations()).toEqual([]);
  });
});
