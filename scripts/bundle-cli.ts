/**
 * Bundles the CLI (dist/cli/main.js, written by tsc) into dist/cli-bundle/, the file `bin` runs.
 * A command loads about 560 modules unbundled; resolving and reading them was about a fifth of a
 * repeated `up` (by hand, 12 runs each: 0.32-0.43 s, mean 0.37, against 0.26-0.32 s, mean 0.30,
 * bundled). The library (`exports`) stays tsc's output. Code loaded only by some commands becomes
 * chunks of its own, loaded as before.
 *
 *   node scripts/bundle-cli.ts   (part of `npm run build`)
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { metafile } = await build({
  entryPoints: { main: 'dist/cli/main.js' },
  outdir: 'dist/cli-bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Loaded from node_modules at run time: native add-ons (ssh2's and cpu-features' optional
  // bindings), jiti (it loads the user's kafka-dev.config.ts with its own module system), an
  // optional dependency that may be missing (proper-lockfile), the Kafka client, which only some
  // commands load and which is larger than all the rest, and docker-modem (see the check below).
  external: ['ssh2', 'cpu-features', 'jiti', 'proper-lockfile', '@platformatic/kafka', 'docker-modem'],
  // The CommonJS dependencies (dockerode) call require() for Node's own modules.
  banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
});

// Node warns about `url.parse()` (DEP0169) only when it is called from code outside node_modules:
// bundled, a dependency that calls it prints the warning on every run (docker-modem did, for each
// request to a TCP engine). Such packages stay external; this names any that is bundled.
// (DEP0005, `new Buffer()`, is the other warning of that kind; the bundled copies are fallbacks for
// Node 4, never reached.)
const warnedOutsideNodeModules = /\burl\.parse\(/;
const offenders = Object.keys(metafile.inputs).filter((file) => file.includes('node_modules/') && warnedOutsideNodeModules.test(readFileSync(file, 'utf8')));
if (offenders.length > 0) {
  console.error(`bundle-cli: these bundled files call url.parse(), which Node warns about outside node_modules; add their packages to \`external\`:\n  ${offenders.join('\n  ')}`);
  process.exit(1);
}
