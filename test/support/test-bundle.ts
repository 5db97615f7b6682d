// Builds a test-only Apps Script bundle from real src/ modules, exposing the entry's exports as top-level globals.
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * `entry` is TypeScript resolved from src/; each name in `globals` becomes `function name() {…}` forwarding to
 * the export, as gas-webpack-plugin does for the product bundle.
 */
export function buildTestBundle(entry: string, globals: readonly string[]): string {
  const result = buildSync({
    stdin: { contents: entry, resolveDir: join(__dirname, '../../src'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: 'TestBundle',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  const wrappers = globals.map((name) => `function ${name}() { return TestBundle.${name}.apply(null, arguments); }`);
  return `${result.outputFiles[0].text}\n${wrappers.join('\n')}\n`;
}
