/**
 * Bundles the CLI (dist/cli/main.js, written by tsc) into dist/cli-bundle/, the file `bin` runs.
 * A command loads about 560 modules unbundled; resolving and reading them was about a fifth of a
 * repeated `up` (0.39-0.46 s against 0.32-0.35 s bundled, by hand). The library (`exports`) stays
 * tsc's output. Code loaded only by some commands becomes chunks of its own, loaded as before.
 *
 *   node scripts/bundle-cli.ts   (part of `npm run build`)
 */
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'dist/cli/main.js' },
  outdir: 'dist/cli-bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Loaded from node_modules at run time: native add-ons (ssh2's and cpu-features' optional
  // bindings), jiti (it loads the user's kafka-dev.config.ts with its own module system), an
  // optional dependency that may be missing (proper-lockfile), and the Kafka client, which only
  // some commands load and which is larger than all the rest.
  external: ['ssh2', 'cpu-features', 'jiti', 'proper-lockfile', '@platformatic/kafka'],
  // The CommonJS dependencies (dockerode) call require() for Node's own modules.
  banner: { js: "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);" },
  logLevel: 'warning',
});
