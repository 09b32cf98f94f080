/**
 * `npm run fuzz`: the long fuzz run (the CI runs a few thousand cases of the same
 * properties in test/unit/hardening). Targets:
 *   selection  parseSelection on grammar soup, nested lists, arbitrary UTF-16, mutations
 *   messages   parseHostMessage / parseWebviewMessage on junk, message-like records, hostile objects
 *   loss       computeLoss on every computable entry with garbage inputs and params
 *   perturbed  computeLoss on golden-fixture inputs moved around (valid shapes, finite data): no silent NaN
 *
 * Usage: npm run fuzz [-- --runs 200000] [--seed 42] [--only selection,messages]
 *        (or FUZZ_RUNS / FUZZ_SEED in the environment). `--runs` is per target.
 * Prints a summary: cases, time, slowest case, and each kind of contract violation
 * with a count and its shortest example. Known (pinned) bugs are listed apart; the
 * exit code is 1 when an unknown violation or a slow case (over --slow ms, default
 * 250, on each of three timings of the same case) was seen.
 */
import fc from 'fast-check';
import {
  checkLossCall,
  checkMessage,
  checkPerturbed,
  checkSelection,
  finiteTemplates,
  knownLossBug,
  knownMessageBug,
  knownSelectionBug,
  lossCall,
  messageLike,
  perturbedCase,
  selectionText,
  type Violation,
} from '../test/unit/hardening/fuzz-lib';

function arg(name: string, env: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  if (k >= 0 && process.argv[k + 1] !== undefined) return process.argv[k + 1];
  return process.env[env] ?? fallback;
}

const RUNS = Number(arg('runs', 'FUZZ_RUNS', '200000'));
const SEED = Number(arg('seed', 'FUZZ_SEED', String(Date.now() % 2 ** 31)));
const SLOW_MS = Number(arg('slow', 'FUZZ_SLOW_MS', '250'));
const ONLY = arg('only', 'FUZZ_ONLY', 'selection,messages,loss,perturbed').split(',');

interface Tally {
  count: number;
  example: string;
  known?: string;
}

function show(x: unknown): string {
  if (typeof x === 'function') return `[${x.name}]`;
  try {
    const s = typeof x === 'string' ? JSON.stringify(x) : JSON.stringify(x, (_k, v) => (v instanceof Float64Array ? Array.from(v) : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    return s === undefined ? String(x) : s;
  } catch {
    return Object.prototype.toString.call(x);
  }
}

interface Target<T> {
  name: string;
  arbitrary: () => fc.Arbitrary<T>;
  check: (x: T) => Violation[];
  known: (x: T, v: Violation) => string | undefined;
}

function run<T>(t: Target<T>): boolean {
  const tallies = new Map<string, Tally>();
  let slowest = 0;
  let slowestExample = '';
  let cases = 0;
  const t0 = performance.now();
  fc.assert(
    fc.property(t.arbitrary(), (x) => {
      cases++;
      let s = performance.now();
      const vs = t.check(x);
      let dt = performance.now() - s;
      // A slow case is timed again (twice at most): a GC pause or a busy machine is not a hang.
      for (let again = 0; again < 2 && dt > SLOW_MS; again++) {
        s = performance.now();
        t.check(x);
        dt = Math.min(dt, performance.now() - s);
      }
      if (dt > slowest) {
        slowest = dt;
        slowestExample = show(x).slice(0, 200);
      }
      if (dt > SLOW_MS) vs.push({ kind: 'slow', detail: `${dt.toFixed(0)} ms` });
      for (const v of vs) {
        const key = `${v.kind}: ${v.detail.slice(0, 100)}`;
        const ex = show(x);
        const cur = tallies.get(key);
        if (!cur) tallies.set(key, { count: 1, example: ex, known: t.known(x, v) });
        else {
          cur.count++;
          if (ex.length < cur.example.length) cur.example = ex;
        }
      }
      return true;
    }),
    { numRuns: RUNS, seed: SEED },
  );
  const secs = (performance.now() - t0) / 1000;
  console.log(`\n== ${t.name}: ${cases} cases in ${secs.toFixed(1)} s (${((secs * 1e6) / cases).toFixed(0)} µs/case), slowest ${slowest.toFixed(1)} ms`);
  if (slowest > 20) console.log(`   slowest case: ${slowestExample}`);
  const unknown = [...tallies].filter(([, v]) => !v.known);
  const known = [...tallies].filter(([, v]) => v.known);
  if (!tallies.size) console.log('   no contract violations');
  for (const [k, v] of unknown) console.log(`   VIOLATION ×${v.count} ${k}\n      e.g. ${v.example.slice(0, 300)}`);
  for (const [k, v] of known) console.log(`   known bug (${v.known}) ×${v.count} ${k}\n      e.g. ${v.example.slice(0, 300)}`);
  return unknown.length === 0;
}

const templates = ONLY.includes('perturbed') ? finiteTemplates() : [];
const targets: Record<string, () => boolean> = {
  selection: () =>
    run<string>({ name: 'selection parser', arbitrary: selectionText, check: (s) => checkSelection(s).violations, known: (s, v) => knownSelectionBug(s, v) }),
  messages: () => run<unknown>({ name: 'message validators', arbitrary: messageLike, check: checkMessage, known: (_x, v) => knownMessageBug(v) }),
  loss: () =>
    run({
      name: 'computeLoss on garbage',
      arbitrary: lossCall,
      check: ({ id, inputs, params }) => checkLossCall(id, inputs, params),
      known: (_x, v) => knownLossBug(v),
    }),
  perturbed: () =>
    run({
      name: `computeLoss on moved golden inputs (${templates.length} templates)`,
      arbitrary: () => perturbedCase(templates),
      check: ({ c, inputs }) => checkPerturbed(c, inputs),
      known: () => undefined,
    }),
};

console.log(`fuzz: ${RUNS} runs per target, seed ${SEED} (replay with --seed ${SEED}), slow > ${SLOW_MS} ms`);
let clean = true;
for (const name of ONLY) {
  const t = targets[name];
  if (!t) {
    console.error(`unknown target ${name}; targets: ${Object.keys(targets).join(', ')}`);
    process.exit(2);
  }
  clean = t() && clean;
}
console.log(clean ? '\nfuzz: no unknown violations' : '\nfuzz: unknown violations found (see above)');
process.exit(clean ? 0 : 1);
