// Jest transformer: TypeScript to CommonJS with esbuild (no type-checking here; npm run typecheck does that).
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync, version } = require('esbuild');

// Jest runs each test file in a vm context, where every global lookup (`Math.imul`, `Number(x)`) goes through the
// context's global object, ~20x slower than a local; hot loops in the tools and src paid seconds for it. Each module
// gets module-scope vars of the same name holding the same objects, so the code and its toString() are unchanged
// (page.evaluate ships functions to a browser). Only objects nothing replaces at run time (not Date: fake timers).
const GLOBALS = ['Math', 'Number', 'String', 'JSON', 'Object', 'Array', 'Map', 'Set', 'Boolean'];
const banner = `var ${GLOBALS.map((name) => `${name} = globalThis.${name}`).join(', ')};`;

// The cache key covers this file and esbuild's version too: without it a changed transform reused stale output.
const SELF = createHash('sha1').update(readFileSync(__filename)).update(version).digest('hex');

module.exports = {
  process(source, file) {
    const { code, map } = transformSync(source, {
      loader: file.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'external',
      sourcefile: file,
      banner,
    });
    return { code, map };
  },
  getCacheKey(source, file, options) {
    return createHash('sha1').update(SELF).update(source).update(file).update(options.configString).digest('hex');
  },
};
