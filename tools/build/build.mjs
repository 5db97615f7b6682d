// Builds dist/: the server bundle (webpack + esbuild-loader + gas-webpack-plugin), the inlined sidebar, and the manifest.
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import GasPlugin from 'gas-webpack-plugin';
import webpack from 'webpack';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist');
// Everything is built into a scratch folder and renamed into dist/, so a test never reads a half-written file.
const scratch = join(dist, `.build-${process.pid}`);

function buildServer() {
  const config = {
    mode: 'production',
    // Eval-based devtools hide the code from gas-webpack-plugin, so no devtool at all.
    devtool: false,
    context: root,
    entry: './src/main.ts',
    target: ['web', 'es2020'],
    resolve: { extensions: ['.ts', '.js'] },
    output: {
      path: scratch,
      filename: 'Code.js',
      // Without a library, webpack drops __webpack_exports__ and the bundle throws at load.
      library: { type: 'var', name: 'LeverForSheets' },
    },
    module: { rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { target: 'es2020' } }] },
    // Readable stack traces in the Apps Script executions log.
    optimization: { minimize: false },
    performance: { hints: false },
    plugins: [new GasPlugin({ autoGlobalExportsFiles: ['src/main.ts'], include: ['src/**'] })],
  };
  return new Promise((resolvePromise, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolvePromise();
    });
  });
}

async function buildSidebar() {
  const result = await esbuild.build({
    entryPoints: [join(root, 'sidebar/main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    write: false,
    outdir: join(root, 'out'),
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  const template = readFileSync(join(root, 'sidebar/index.html'), 'utf8');
  // Function replacers: no `$&` surprises from minified code.
  const html = template.replace('/*INLINE_CSS*/', () => css).replace('/*INLINE_JS*/', () => js);
  if (html.includes('<?')) throw new Error('Sidebar.html must not contain "<?": HtmlService templates would parse it.');
  writeFileSync(join(scratch, 'Sidebar.html'), html);
}

mkdirSync(scratch, { recursive: true });
try {
  await buildServer();
  await buildSidebar();
  copyFileSync(join(root, 'appsscript.json'), join(scratch, 'appsscript.json'));
  for (const file of ['Code.js', 'Sidebar.html', 'appsscript.json']) renameSync(join(scratch, file), join(dist, file));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log('built dist/Code.js, dist/Sidebar.html, dist/appsscript.json');
