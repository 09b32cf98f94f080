/**
 * Hostile selections (issue 7): how long parseSelection takes on each of the cases that
 * test/unit/hardening/selection-fuzz.test.ts checks for outcome and message. A benchmark,
 * never a test: it prints a table and never fails on a slow figure. Target: < 200 ms each.
 *
 *   npx tsx bench/hostile.ts [--runs 5] [--json bench/hostile.json]
 *   npm run bench hostile    # a summary row (and any case over the target) in the one bench table
 *
 * Each case: the text is built once (not timed), one warm-up parse, then the median
 * (and max) of --runs parses. Also the scaling of many arrays on many lines (BUG-SEL-2:
 * quadratic in the number of lines until 194919a, where 30,000 lines took ~14 s).
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseSelection } from '../src/losses/selection';
import { HOSTILE } from '../test/unit/hardening/hostile-selections';
import { COLUMNS, fmtMs, type Row as TableRow, type Suite, runAlone } from './table';

function arg(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
}

const RUNS = Number(arg('runs', '5'));
const JSON_OUT = arg('json', '');
const TARGET_MS = 200;

interface Row {
  name: string;
  chars: number;
  outcome: string;
  medianMs: number;
  maxMs: number;
}

function time(text: string, maxNumbers: number | undefined, runs: number): { median: number; max: number; outcome: string } {
  const opts = maxNumbers === undefined ? {} : { maxNumbers };
  const first = parseSelection(text, opts); // warm-up (and the outcome)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    parseSelection(text, opts);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const outcome = first.ok ? `ok ${first.arrays.map((a) => `(${a.tensor.shape.join(',')})`).join(' ')}` : `error: ${first.error.slice(0, 60)}`;
  return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1], outcome };
}

/** Times every hostile case and the many-lines scaling. */
export function measureHostile(runs: number): { rows: Row[]; scaling: Array<{ lines: number; ms: number }>; load0: number; load1: number } {
  const load0 = loadavg()[0];
  const rows: Row[] = [];
  for (const h of HOSTILE) {
    const text = h.make();
    const r = time(text, h.maxNumbers, runs);
    rows.push({ name: h.name, chars: text.length, outcome: r.outcome, medianMs: r.median, maxMs: r.max });
    process.stderr.write('.');
  }
  // BUG-SEL-2: many arrays on many lines, growing sizes (1 run each).
  const scaling: Array<{ lines: number; ms: number }> = [];
  for (const lines of [25_000, 50_000, 100_000, 200_000]) {
    const text = 'a = [1]\n'.repeat(lines);
    parseSelection(text);
    const t = performance.now();
    parseSelection(text);
    scaling.push({ lines, ms: performance.now() - t });
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  return { rows, scaling, load0, load1: loadavg()[0] };
}

/** The `hostile` suite of `npm run bench`: one summary row, plus one row per case over the target. */
export function hostileSuite(runs = 5): Suite {
  const notes: string[] = [];
  return {
    name: 'hostile',
    columns: COLUMNS,
    notes,
    async run(): Promise<TableRow[]> {
      const { rows, scaling } = measureHostile(runs);
      const over = rows.filter((r) => r.medianMs >= TARGET_MS);
      const slowest = rows.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
      const out: TableRow[] = [
        {
          suite: 'hostile',
          cells: {
            case: `${rows.length} hostile selections (10 MB, 1e5-deep brackets, NUL, lone surrogates, 1e6 commas…)`,
            ours: `slowest ${fmtMs(slowest.medianMs)}`,
            target: `< ${TARGET_MS} ms each`,
            met: over.length ? `NO (${over.length} over)` : 'yes',
          },
        },
        ...over.map((r) => ({ suite: 'hostile', cells: { case: `over: ${r.name}`, ours: fmtMs(r.medianMs), target: `< ${TARGET_MS} ms`, met: 'NO' } })),
      ];
      const ratio = scaling[scaling.length - 1].ms / scaling[scaling.length - 2].ms;
      notes.push(
        `hostile rows: parseSelection on each case of test/unit/hardening/hostile-selections.ts, median of ${runs} after a warm-up (per-case figures: npx tsx bench/hostile.ts). ` +
          `Many arrays on many lines: ${scaling.map((x) => `${x.lines.toLocaleString('en')} lines ${fmtMs(x.ms)}`).join(', ')} (doubling → ×${ratio.toFixed(1)}; 2 is linear).`,
      );
      return out;
    },
  };
}

function main(): void {
  const { rows, scaling, load0, load1 } = measureHostile(RUNS);
  const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));
  const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
  console.log(`Hostile selections — node ${process.version}, ${cpus().length} CPUs, load ${load0.toFixed(1)} → ${load1.toFixed(1)}, median of ${RUNS} after a warm-up`);
  console.log(`${pad('case', 72)} ${lpad('chars', 9)} ${lpad('median ms', 10)} ${lpad('max ms', 8)}  target  outcome`);
  for (const r of rows) {
    console.log(
      `${pad(r.name, 72)} ${lpad(String(r.chars), 9)} ${lpad(r.medianMs.toFixed(1), 10)} ${lpad(r.maxMs.toFixed(1), 8)}  ${r.medianMs < TARGET_MS ? 'ok    ' : 'OVER  '}  ${r.outcome}`,
    );
  }
  console.log(`\nMany arrays on many lines ('a = [1]' per line; BUG-SEL-2, quadratic before 194919a):`);
  for (const s of scaling) console.log(`  ${lpad(String(s.lines), 6)} lines: ${s.ms.toFixed(1)} ms`);
  const ratio = scaling[scaling.length - 1].ms / scaling[scaling.length - 2].ms;
  console.log(`  doubling the lines multiplies the time by ${ratio.toFixed(1)} (2 would be linear, 4 quadratic)`);
  if (Math.max(load0, load1) > cpus().length * 0.75) console.log('\nThe machine was busy: timings are noisy; rerun on an idle machine.');
  if (JSON_OUT) {
    writeFileSync(JSON_OUT, JSON.stringify({ node: process.version, cpus: cpus().length, load: [load0, load1], runs: RUNS, rows, scaling }, null, 1) + '\n');
    console.log(`\nwrote ${JSON_OUT}`);
  }
}

if (runAlone('hostile.ts')) main();
