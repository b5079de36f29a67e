/**
 * The layers of src/, lowest first (ARCHITECTURE.md draws them). A module may import its own
 * layer's folder and any layer below; folders on one layer do not import each other; nothing
 * imports upwards and there are no cycles. `test/unit/architecture.test.ts` runs these rules.
 */
const layers = [
  ['base'],
  ['model'],
  ['config', 'compose', 'engine', 'kafka', 'secrets', 'export'],
  ['lint', 'init', 'smoke', 'wait'],
  ['health'],
  ['stack'],
  ['api'],
  ['ui'],
  ['index'],
  ['cli'],
];

/** The API layer is two files at the root of src/, not a folder; index.ts, the package's entry, also exports the console above it. */
const rootFiles = { api: '^src/(api|start-kafka)\\.ts$', index: '^src/index\\.ts$' };
const pathOf = (folder) => rootFiles[folder] ?? `^src/${folder}/`;

const layerRules = layers.flatMap((siblings, level) =>
  siblings.flatMap((folder) => {
    const allowed = new Set([folder, ...layers.slice(0, level).flat()]);
    const forbidden = layers.flat().filter((other) => !allowed.has(other));
    if (forbidden.length === 0) return [];
    return {
      name: `${folder}-imports-only-below`,
      comment: `${folder} (layer ${level}) may import ${[...allowed].join(', ')}; not ${forbidden.join(', ')}`,
      severity: 'error',
      from: { path: pathOf(folder) },
      to: { path: forbidden.map(pathOf) },
    };
  }),
);

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'cli-only-through-the-api',
      comment: 'Commands call the exported API; only its types, defaults and shared helpers are read directly.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: ['^src/cli/', '^src/(api|index)\\.ts$', '^src/base/', '^src/model/(types|defaults)\\.ts$'] },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
