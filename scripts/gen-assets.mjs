// Build-time assets generated from the catalog (never maintained by hand):
//  - dist/snippets/python.json   contributed Python snippets, `loss-<id>-<torch|tf|jax|scratch>`
//  - dist/formulas.json   each entry's formula rendered by MathJax, for hovers: one file, glyphs shared
//                          (`packFormulas`; unpacked by src/extension/editor/formula-pack.ts)
//  - dist/selection-worker.js    the selection parser in a worker thread (large selections)
//  - dist/lint-worker.js         the loss lint in a worker thread (the desktop extension)
//  - dist/catalog-text.json   the catalog's text, read lazily by the host bundles (src/losses/catalog-text.ts);
//                          `genAssets` returns the catalog's packed structure for scripts/catalog-split.mjs
// Called by scripts/build.mjs; also runnable alone: `node scripts/gen-assets.mjs`.
import * as esbuild from 'esbuild';
import { slimCatalogPlugin } from './catalog-split.mjs';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Ink per theme kind: `light` is for light themes (dark ink), `dark` for dark and high-contrast themes. */
export const FORMULA_INK = { light: '#1f1f1f', dark: '#e8e8e8' };
/** Pixels per MathJax `ex`, so formulas match a 13px hover font. */
const EX_PX = 7;

/**
 * Writes a file only when its content changes, through a rename, so a build
 * running beside another (a test packaging the extension) never sees it missing or half written.
 */
function writeIfChanged(path, content) {
  const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
  if (existsSync(path) && readFileSync(path).equals(buf)) return;
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, buf);
  renameSync(tmp, path);
}

/** Loads the catalog (TypeScript) and its splitter by bundling them in memory. */
async function loadCatalog() {
  const out = await esbuild.build({
    stdin: {
      contents: "export * from './index'; export { packStructure, splitCatalog } from './catalog-text';",
      resolveDir: join(root, 'src/losses'),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    absWorkingDir: root,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  return import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
}

/** VS Code snippet file content: one snippet per entry and framework. */
export function snippetsFor(losses) {
  const out = {};
  for (const e of losses) {
    for (const fw of ['torch', 'tf', 'jax', 'scratch']) {
      const body = e.snippets?.[fw];
      if (!body) continue;
      const label = { torch: 'PyTorch', tf: 'TensorFlow / Keras', jax: 'JAX / optax', scratch: 'from scratch' }[fw];
      out[`loss-${e.id}-${fw}`] = {
        prefix: [`loss-${e.id}-${fw}`],
        body: body.split('\n'),
        description: `${e.names.en} (${label}) · ${e.names.zh} — ${e.summary.en}`,
      };
    }
  }
  return out;
}

export function mathjaxRenderer() {
  const { mathjax } = require('mathjax-full/js/mathjax.js');
  const { TeX } = require('mathjax-full/js/input/tex.js');
  const { SVG } = require('mathjax-full/js/output/svg.js');
  const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js');
  const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js');
  const { AllPackages } = require('mathjax-full/js/input/tex/AllPackages.js');
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const doc = mathjax.document('', {
    InputJax: new TeX({ packages: AllPackages.filter((p) => p !== 'bussproofs') }),
    OutputJax: new SVG({ fontCache: 'local' }),
  });
  return (tex) => {
    const node = doc.convert(tex, { display: true, em: 16, ex: 8, containerWidth: 1280 });
    const svg = adaptor.innerHTML(node);
    if (svg.includes('data-mjx-error') || svg.includes('merror')) {
      const m = /data-mjx-error="([^"]*)"/.exec(svg);
      throw new Error(m ? m[1] : 'MathJax could not render it');
    }
    return svg;
  };
}

/** Makes a MathJax SVG stand alone in an <img>: pixel size, explicit ink, xlink namespace. */
export function standalone(svg, ink) {
  let s = svg
    .replace(/ style="[^"]*"/, '')
    .replace(/ (width|height)="([\d.]+)ex"/g, (_, k, v) => ` ${k}="${(parseFloat(v) * EX_PX).toFixed(1)}"`)
    .replace(/currentColor/g, ink);
  if (!s.includes('xmlns:xlink')) s = s.replace('<svg ', '<svg xmlns:xlink="http://www.w3.org/1999/xlink" ');
  if (!s.includes('xmlns="')) s = s.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ');
  return s;
}

/**
 * One JSON for every formula image: each SVG made standalone with its ink left as
 * `currentColor`, and each glyph outline (`<path id="MJX-n-GLYPH" d="…">`) stored
 * once in `glyphs` and referenced as `d="@GLYPH"` (a glyph whose outline differs
 * between formulas stays inline). `rendered`: [id, MathJax SVG] pairs.
 */
export function packFormulas(rendered) {
  const glyphs = {};
  const clash = new Set();
  const defs = /<path id="MJX-\d+-([^"]+)" d="([^"]*)"/g;
  for (const [, svg] of rendered) {
    for (const [, g, d] of svg.matchAll(defs)) {
      if (glyphs[g] !== undefined && glyphs[g] !== d) clash.add(g);
      glyphs[g] ??= d;
    }
  }
  for (const g of clash) delete glyphs[g];
  const svg = {};
  for (const [id, raw] of rendered) {
    svg[id] = standalone(raw, 'currentColor').replace(defs, (m, g) => (g in glyphs ? m.replace(/ d="[^"]*"$/, ` d="@${g}"`) : m));
  }
  return { inks: FORMULA_INK, glyphs, svg };
}

/** The Node extension host's worker threads (src/extension/editor/<name>.ts -> dist/<name>.js). */
export const WORKERS = ['selection-worker', 'lint-worker'];

/**
 * The bundled code of worker `name` (one of WORKERS), with the catalog's structure only (`packed`:
 * packStructure of its structure, read from the catalog when not given): neither worker reads the
 * catalog's text. The build writes dist/<name>.js; the lint's tests and bench bundle it afresh.
 */
export async function buildWorker(name, packed) {
  if (!packed) {
    const { LOSSES, CONCEPTS, splitCatalog, packStructure } = await loadCatalog();
    packed = packStructure(splitCatalog(LOSSES, CONCEPTS).structure);
  }
  const out = await esbuild.build({
    entryPoints: [join(root, `src/extension/editor/${name}.ts`)],
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    // The lint's messages in Chinese as UTF-8, not \uXXXX escapes.
    charset: 'utf8',
    absWorkingDir: root,
    logLevel: 'warning',
    plugins: [slimCatalogPlugin(root, packed)],
  });
  return out.outputFiles[0].text;
}

export async function genAssets({ quiet = false } = {}) {
  const t0 = Date.now();
  const { LOSSES, CONCEPTS, splitCatalog, packStructure } = await loadCatalog();
  const { structure, text } = splitCatalog(LOSSES, CONCEPTS);

  mkdirSync(join(root, 'dist/snippets'), { recursive: true });
  writeIfChanged(join(root, 'dist/catalog-text.json'), JSON.stringify(text));
  const snippets = snippetsFor(LOSSES);
  writeIfChanged(join(root, 'dist/snippets/python.json'), JSON.stringify(snippets, null, 1) + '\n');

  const render = mathjaxRenderer();
  const failed = [];
  const rendered = [];
  for (const e of LOSSES) {
    try {
      rendered.push([e.id, render(e.formula)]);
    } catch (err) {
      failed.push(`${e.id}: ${err.message}`);
    }
  }
  const count = rendered.length;
  writeIfChanged(join(root, 'dist/formulas.json'), JSON.stringify(packFormulas(rendered)));
  // The per-file images of earlier builds (dist/formulas/<id>.<ink>.svg) would ship in the .vsix.
  rmSync(join(root, 'dist/formulas'), { recursive: true, force: true });

  const packed = packStructure(structure);
  for (const name of WORKERS) writeIfChanged(join(root, `dist/${name}.js`), Buffer.from(await buildWorker(name, packed)));

  if (!quiet) {
    console.log(
      `gen-assets: ${Object.keys(snippets).length} snippets, ${count}/${LOSSES.length} formula images, selection and lint workers (${Date.now() - t0} ms)`,
    );
  }
  for (const f of failed) console.warn(`gen-assets: formula not rendered (hover shows the text form): ${f}`);
  return { snippets: Object.keys(snippets).length, formulas: count, failed, structure: packed };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await genAssets();
}
