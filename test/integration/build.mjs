// Compiles the integration suites and the test-runner extension with esbuild:
//   test/integration/suite/*.ts  -> out/test/integration/suite/*.js  (CommonJS, vscode and mocha external)
//   test/integration/runner/     -> out/test/integration/runner/     (a packageable extension)
// Usage: node test/integration/build.mjs  (also imported by the drivers)
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './harness/code-server.mjs';

export const OUT_DIR = join(ROOT, 'out/test/integration');
export const SUITE_OUT = join(OUT_DIR, 'suite');
export const SUITE_INDEX = join(SUITE_OUT, 'index.js');
export const RUNNER_OUT = join(OUT_DIR, 'runner');

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

export async function buildIntegration() {
  rmSync(OUT_DIR, { recursive: true, force: true });
  const suiteDir = join(ROOT, 'test/integration/suite');
  const entries = readdirSync(suiteDir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => join(suiteDir, f));
  await esbuild.build({ ...common, entryPoints: entries, outdir: SUITE_OUT });

  const runnerSrc = join(ROOT, 'test/integration/runner');
  mkdirSync(RUNNER_OUT, { recursive: true });
  await esbuild.build({ ...common, sourcemap: false, entryPoints: [join(runnerSrc, 'extension.ts')], outfile: join(RUNNER_OUT, 'extension.js') });
  for (const f of ['package.json', 'README.md']) copyFileSync(join(runnerSrc, f), join(RUNNER_OUT, f));
  copyFileSync(join(ROOT, 'LICENSE'), join(RUNNER_OUT, 'LICENSE'));
  return { suiteIndex: SUITE_INDEX, runnerDir: RUNNER_OUT };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildIntegration();
  console.log(`built ${SUITE_OUT} and ${RUNNER_OUT}`);
}
