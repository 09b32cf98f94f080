// Builds the bundles: the extension host (CommonJS, `vscode` external) for Node
// (`dist/extension.js`) and for the web extension host (`dist/web/extension.js`), and
// the playground webview (browser). `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { genAssets } from './gen-assets.mjs';
import { slimCatalogPlugin } from './catalog-split.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
// Snippets, formula images, the catalog's text and the selection worker, generated from the catalog
// (`--watch` does not regenerate them: rerun the build after editing the catalog).
const { structure } = await genAssets();
// The host bundles and the playground's worker carry the catalog's structure only (its text is read from
// dist/catalog-text.json); `--watch` bundles the source catalog whole, so catalog edits show up at once.
const slimCatalog = watch ? { name: 'whole-catalog', setup() {} } : slimCatalogPlugin(root, structure);
const production = process.argv.includes('--production');

mkdirSync(join(root, 'dist'), { recursive: true });

// Playground: KaTeX's and uPlot's CSS (and KaTeX's fonts) are served from dist/ under the webview's CSP.
cpSync(join(root, 'node_modules/katex/dist/katex.min.css'), join(root, 'dist/katex/katex.min.css'));
// Only the .woff2 fonts: every webview (Chromium) takes the first format of KaTeX's @font-face lists, woff2;
// the .woff and .ttf copies were 0.6 MB of the .vsix.
rmSync(join(root, 'dist/katex/fonts'), { recursive: true, force: true });
cpSync(join(root, 'node_modules/katex/dist/fonts'), join(root, 'dist/katex/fonts'), { recursive: true, filter: (src) => !/\.(woff|ttf)$/.test(src) });
cpSync(join(root, 'node_modules/uplot/dist/uPlot.min.css'), join(root, 'dist/uPlot.min.css'));

// Playground: the compute worker is bundled separately and inlined into webview.js as a string
// (started from a blob, so the CSP needs only `worker-src blob:`), replacing src/webview/worker-source.ts.
const workerSourcePlugin = {
  name: 'worker-source',
  setup(build) {
    build.onLoad({ filter: /src[\\/]webview[\\/]worker-source\.ts$/ }, async () => {
      const out = await esbuild.build({
        entryPoints: [join(root, 'src/webview/worker.ts')],
        bundle: true,
        write: false,
        minify: production,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        absWorkingDir: root,
        metafile: true,
        // The worker only computes: it never shows the catalog's text.
        plugins: [slimCatalog],
      });
      return {
        contents: `export const WORKER_SOURCE = ${JSON.stringify(out.outputFiles[0].text)};`,
        loader: 'ts',
        watchFiles: Object.keys(out.metafile.inputs).map((f) => join(root, f)),
      };
    });
  },
};

// Web extension (package.json `browser`): src/extension/platform (the Node-only layer) is
// swapped for its web variant; platform 'browser' makes any other Node import fail the build.
const webPlatformPlugin = {
  name: 'web-platform',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/(\.\.\/)*platform$/ }, (args) => {
      const target = join(args.resolveDir, args.path);
      if (target !== join(root, 'src/extension/platform')) return undefined;
      return { path: join(root, 'src/extension/platform/web.ts') };
    });
  },
};

// Node host: the activation layer (dist/extension.js) loads the features (dist/features.js) on first use;
// src/extension/load-features.ts's `require('./features')` is left for Node to resolve at run time.
const lazyFeaturesPlugin = {
  name: 'lazy-features',
  setup(build) {
    build.onResolve({ filter: /^\.\/features$/ }, (args) => {
      if (args.importer !== join(root, 'src/extension/load-features.ts')) return undefined;
      return { path: './features.js', external: true };
    });
  },
};

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
    plugins: [lazyFeaturesPlugin],
  },
  {
    ...common,
    entryPoints: ['src/extension/features.ts'],
    outfile: 'dist/features.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [slimCatalog],
    // Chinese text as UTF-8, not \uXXXX escapes (Node reads bundles as UTF-8; so do Web Workers).
    charset: 'utf8',
  },
  {
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    plugins: [webPlatformPlugin, slimCatalog],
    charset: 'utf8',
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    plugins: [workerSourcePlugin],
    format: 'iife',
    target: 'es2022',
  },
];


// `--metafile=DIR` writes esbuild's metafile of each bundle to DIR/<bundle>.json (what `npm run bench vscode` reports).
const metafileDir = process.argv.find((a) => a.startsWith('--metafile='))?.slice('--metafile='.length);

if (watch) {
  for (const c of configs) await (await esbuild.context(c)).watch();
  console.log('watching for changes…');
} else {
  const results = await Promise.all(configs.map((c) => esbuild.build({ ...c, metafile: !!metafileDir })));
  if (metafileDir) {
    mkdirSync(metafileDir, { recursive: true });
    results.forEach((r, i) => writeFileSync(join(metafileDir, configs[i].outfile.replace(/[\\/]/g, '_') + '.json'), JSON.stringify(r.metafile)));
  }
}
