// Builds the two bundles: the extension host (CommonJS, `vscode` external) and
// the playground webview (browser). `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { genAssets } from './gen-assets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

mkdirSync(join(root, 'dist'), { recursive: true });

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  absWorkingDir: root,
};

const configs = [
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

// Snippets, formula images and the selection worker, generated from the catalog.
await genAssets();

if (watch) {
  for (const c of configs) await (await esbuild.context(c)).watch();
  console.log('watching for changes…');
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
}
