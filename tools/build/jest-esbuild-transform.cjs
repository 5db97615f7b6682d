// Jest transformer: TypeScript to CommonJS with esbuild (no type-checking here; npm run typecheck does that).
const { transformSync } = require('esbuild');

module.exports = {
  process(source, file) {
    const { code, map } = transformSync(source, {
      loader: file.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'external',
      sourcefile: file,
    });
    return { code, map };
  },
};
