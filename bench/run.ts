/**
 * `npm run bench [suite...]`: runs the benchmark suites and prints one table.
 * `npm run bench:core` runs only the core throughput suite; `npm run bench editor hostile` any
 * selection, by name. Suites live beside this file and are registered in SUITES; a benchmark, not a test: it never fails on a slow figure.
 *
 * `npm run bench` bundles this file with esbuild and runs the bundle under `node --expose-gc`, so
 * memory can be measured and the code runs as shipped (scripts/bench.mjs says why).
 */
import { cpus, loadavg } from 'node:os';
import { coreSuite } from './core';
import { editorSuite } from './editor';
import { hostileSuite } from './hostile';
import { playgroundSuite } from './playground';
import { formatTable, type Row, type Suite } from './table';
import { vscodeSuite } from './vscode';

const SUITES: Record<string, () => Suite> = {
  core: () => coreSuite(),
  editor: () => editorSuite(),
  hostile: () => hostileSuite(),
  vscode: () => vscodeSuite(),
  playground: () => playgroundSuite(),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !(w in SUITES));
  if (unknown.length) {
    console.error(`unknown suite(s): ${unknown.join(', ')}; available: ${Object.keys(SUITES).join(', ')}`);
    process.exit(2);
  }
  const suites = (wanted.length ? wanted : Object.keys(SUITES)).map((name) => SUITES[name]());
  const loadBefore = loadavg()[0];
  const rows: Row[] = [];
  for (const s of suites) {
    process.stderr.write(`running ${s.name}…\n`);
    rows.push(...(await s.run()));
  }
  console.log(`Loss Atlas benchmark — node ${process.version}, ${process.arch}, ${new Date().toISOString()}\n`);
  console.log(formatTable(rows, suites));
  for (const s of suites) for (const n of s.notes) console.log(`- [${s.name}] ${n}`);
  const loadAfter = loadavg()[0];
  const busy = Math.max(loadBefore, loadAfter) > cpus().length * 0.75;
  console.log(
    `- 1-minute load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${cpus().length} CPUs` +
      (busy ? ': the machine was busy, so the timings are noisy; rerun on an idle machine.' : '.'),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
