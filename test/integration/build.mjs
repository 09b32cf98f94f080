// Compiles the integration suites and the test-runner extension with esbuild:
//   test/integration/suite/*.ts  -> out/test/integration/suite/*.js  (CommonJS, vscode and mocha external)
//   test/integration/runner/     -> out/test/integration/runner/     (a packageable extension)
// Usage: node test/integration/build.mjs  (also imported by the drivers)
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './harness/code-server.mjs';

export const OUT_DIR = join(ROOT, 'out/test/integration');
export const SUITE_INDEX = join(OUT_DIR, 'suite/index.js');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
  absWorkingDir: ROOT,
  external: ['vscode', 'mocha', 'mocha/*'],
};

/**
 * Builds into `outDir` (default out/test/integration). The drivers pass a
 * directory of their own so that runs in the same tree do not race.
 */
export async function buildIntegration(outDir = OUT_DIR) {
  const suiteOut = join(outDir, 'suite');
  const runnerOut = join(outDir, 'runner');
  rmSync(outDir, { recursive: true, force: true });
  const suiteDir = join(ROOT, 'test/integration/suite');
  const entries = readdirSync(suiteDir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => join(suiteDir, f));
  await esbuild.build({ ...common, entryPoints: entries, outdir: suiteOut });

  const runnerSrc = join(ROOT, 'test/integration/runner');
  mkdirSync(runnerOut, { recursive: true });
  await esbuild.build({ ...common, sourcemap: false, entryPoints: [join(runnerSrc, 'extension.ts')], outfile: join(runnerOut, 'extension.js') });
  for (const f of ['package.json', 'README.md']) copyFileSync(join(runnerSrc, f), join(runnerOut, f));
  copyFileSync(join(ROOT, 'LICENSE'), join(runnerOut, 'LICENSE'));
  writeFileSync(join(runnerOut, '.vscodeignore'), '*.vsix\n**/*.map\n');
  return { suiteIndex: join(suiteOut, 'index.js'), runnerDir: runnerOut };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildIntegration();
  console.log(`built ${OUT_DIR}`);
}
