// `npm run bench [suite...]`: bundles bench/run.ts with esbuild, as scripts/build.mjs bundles the
// extension, and runs the bundle with `--expose-gc` (so the suites can measure memory); tsx is only
// there to load the TensorFlow.js packages, which stay outside the bundle.
//
// Bundled, not run through tsx: tsx compiles each module to CommonJS on its own, and every imported
// binding is then read through a getter on the exporting module's object (`tokens.K_NAME`, a call per
// read). The extension ships as one esbuild bundle, where such a binding is a plain variable; the loss
// lint's inner loops, which read imported constants per token, ran about twice as slow under tsx.
// The bundle sits beside the suites (bench/run.bundle.cjs, not committed) so their `__dirname` paths hold;
// so does the lint worker's (bench/lint-worker.bundle.cjs).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorker } from './gen-assets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'bench/run.bundle.cjs');
await esbuild.build({
  entryPoints: [join(root, 'bench/run.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  // esbuild runs the vscode suite's builds, Playwright drives the browser, and TensorFlow.js (the core
  // suite's reference) must be one copy that its CPU backend registers into: they stay packages,
  // loaded as under `npm test` (through tsx, which resolves tfjs-core's extensionless ES modules).
  external: ['esbuild', 'playwright', 'playwright-core', '@tensorflow/*'],
  logLevel: 'error',
});
// The desktop's lint thread (bench/lint-thread.ts), bundled from the source as the build bundles it.
const lintWorker = join(root, 'bench/lint-worker.bundle.cjs');
writeFileSync(lintWorker, await buildWorker('lint-worker'));
try {
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', outfile, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, LOSS_ATLAS_LINT_WORKER: lintWorker },
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(outfile, { force: true });
  rmSync(lintWorker, { force: true });
}
