// The layout rules `npm run lint` checks (dependency-cruiser): folders point one way, gas/ only from the root.

/**
 * src/ folders from the bottom up: a folder may import its own files and the folders before it, never one after.
 * This order is the picture in docs/design.md ("Layout and dependency direction"); it also rules out folder cycles.
 */
const LAYERS = [
  'shared',
  'base',
  'ports',
  'errors',
  'gas',
  'lever',
  'store',
  'sheet',
  'changes',
  'confidential',
  'schedule',
  'health',
  'import',
  'trigger',
  'diagnostics',
  'app',
];

/** A folder (or, for errors, the file that may become one) at the start of a src path. */
const under = (names) => `^src/(${names.join('|')})(/|\\.ts$)`;

const layerRules = LAYERS.slice(0, -1).map((name, index) => ({
  name: `layer-${name}`,
  comment: `src/${name} may not import the layers above it (${LAYERS.slice(index + 1).join(', ')}).`,
  severity: 'error',
  from: { path: under([name]) },
  to: { path: under(LAYERS.slice(index + 1)) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles between files (and, with the layers, none between folders).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'gas-only-from-the-root',
      comment: 'Only the composition root (src/app) and src/main.ts import the Apps Script adapters in src/gas.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(gas/|app/|main\\.ts$)' },
      to: { path: '^src/gas/' },
    },
    {
      name: 'gas-implements-ports',
      comment: 'src/gas implements the ports: it knows the ports, shared types and errors, never the domain.',
      severity: 'error',
      from: { path: '^src/gas/' },
      to: { path: '^src/', pathNot: under(['gas', 'ports', 'shared', 'errors']) },
    },
    {
      name: 'main-only-app',
      comment: 'src/main.ts is one line per global: it delegates to the composition root.',
      severity: 'error',
      from: { path: '^src/main\\.ts$' },
      to: { path: '^src/', pathNot: under(['app', 'shared']) },
    },
    {
      name: 'product-not-dev-tooling',
      comment: 'The product (src/, sidebar/) never imports tools/ or test/.',
      severity: 'error',
      from: { path: '^(src|sidebar)/' },
      to: { path: '^(tools|test)/' },
    },
    {
      name: 'sidebar-only-shared',
      comment: 'The sidebar reaches the server only through the types in src/shared.',
      severity: 'error',
      from: { path: '^sidebar/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a folder that needs another's types depends on it.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
