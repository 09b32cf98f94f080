/**
 * The SIMD loops (src/losses/simd): the compiled module matches its source, it really runs in
 * Node (so the comparisons below test it, not the fallback), and on every length, chunk edge
 * and awkward residual it gives the JavaScript loops' elements and gradients bit for bit, with
 * the sum within the bound of a different summation order.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { computeLoss, LossInputError, setSimdEnabled, simdAvailable, type LossResult } from '../../../src/losses';
import { SIMD_CHUNK, SIMD_MIN_LENGTH } from '../../../src/losses/simd/pointwise-simd';

type Id = 'huber-loss' | 'smooth-l1-loss';
const PARAM: Record<Id, string> = { 'huber-loss': 'delta', 'smooth-l1-loss': 'beta' };

function compute(id: Id, x: Float64Array, y: Float64Array, p: number, reduction: string, simd: boolean): LossResult {
  setSimdEnabled(simd);
  try {
    return computeLoss(id, { input: { shape: [x.length], data: x }, target: { shape: [y.length], data: y } }, { [PARAM[id]]: p, reduction });
  } finally {
    setSimdEnabled(true);
  }
}

function show(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

function sameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) assert.fail(`${what}[${i}]: ${show(actual[i])} vs ${show(expected[i])}`);
  }
}

/** SIMD and JavaScript runs of the same call agree: elements and gradient bit for bit, the value within the reordering bound. */
function assertSame(id: Id, x: Float64Array, y: Float64Array, p: number, reduction: 'mean' | 'sum'): void {
  const simd = compute(id, x, y, p, reduction, true);
  const js = compute(id, x, y, p, reduction, false);
  const what = `${id} ${PARAM[id]}=${p} n=${x.length} ${reduction}`;
  sameBits(simd.grad.data, js.grad.data, `${what} grad`);
  sameBits(simd.elements.data, js.elements.data, `${what} elements`);
  const a = simd.value as number;
  const b = js.value as number;
  if (!Number.isFinite(b)) {
    assert.ok(Object.is(a, b), `${what} value: ${a} vs ${b}`);
    return;
  }
  let abs = 0;
  for (const e of js.elements.data) abs += e;
  const bound = (2 * x.length * 2 ** -53 * abs) / (reduction === 'mean' ? x.length : 1);
  assert.ok(Math.abs(a - b) <= bound, `${what} value: ${a} vs ${b}, bound ${bound}`);
}

/** n residuals in [−4, 4] from a seed, with `specials` written over some of them. */
function data(n: number, seed: number, specials: ReadonlyArray<readonly [number, number]> = []): [Float64Array, Float64Array] {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let s = seed >>> 0 || 1;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 8 - 4;
  for (let i = 0; i < n; i++) {
    x[i] = next();
    y[i] = next() / 2;
  }
  for (const [i, v] of specials) {
    x[i % n] = v;
    y[i % n] = 0;
  }
  return [x, y];
}

describe('SIMD loops (src/losses/simd)', () => {
  it('the committed module is the compiled pointwise.wat (else run `npm run gen:wasm`)', async () => {
    const gen = await import('../../../scripts/gen-wasm.mjs');
    const modules = await gen.generatedModules();
    assert.ok(modules.length >= 1, 'at least one .wat');
    for (const { path, source } of modules) assert.equal(readFileSync(path, 'utf8'), source, `${path} is stale: run \`npm run gen:wasm\``);
  });

  it('run in Node (WebAssembly with SIMD), so the comparisons below exercise them', () => {
    assert.equal(simdAvailable(), true);
  });

  it('setSimdEnabled(false) turns them off, and back on', () => {
    setSimdEnabled(false);
    try {
      assert.equal(simdAvailable(), false);
    } finally {
      setSimdEnabled(true);
    }
    assert.equal(simdAvailable(), true);
  });

  for (const id of ['huber-loss', 'smooth-l1-loss'] as const) {
    describe(id, () => {
      it('every length around the threshold and the chunk edges, odd and even, mean and sum', () => {
        const lengths = [SIMD_MIN_LENGTH - 1, SIMD_MIN_LENGTH, SIMD_MIN_LENGTH + 1, 3 * SIMD_CHUNK - 1, 3 * SIMD_CHUNK + 1, 3 * SIMD_CHUNK + 2, 5 * SIMD_CHUNK + 3];
        for (const n of lengths) {
          const [x, y] = data(n, n);
          for (const reduction of ['mean', 'sum'] as const) assertSame(id, x, y, 1, reduction);
        }
      });

      it('awkward residuals (±0, on the threshold, subnormal, huge) and parameters, anywhere in a chunk', () => {
        const special = (p: number) => fc.constantFrom(0, -0, p, -p, p * (1 + 2 ** -52), -p * (1 - 2 ** -53), 5e-324, -1e-310, 1e154, -1e200, 1e308, -1e308);
        fc.assert(
          fc.property(
            fc.constantFrom(1, 0.5, 2.5, 1e-300, 1e300, ...(id === 'smooth-l1-loss' ? [0, 5e-324] : [])),
            fc.integer({ min: SIMD_MIN_LENGTH, max: 3 * SIMD_CHUNK }),
            fc.integer(),
            fc.array(fc.tuple(fc.nat(), fc.constant(0)), { maxLength: 30 }),
            fc.constantFrom<'mean' | 'sum'>('mean', 'sum'),
            (p, n, seed, at, reduction) => {
              const specials = fc.sample(special(p), { numRuns: at.length, seed }).map((v, k) => [at[k][0], v] as const);
              const [x, y] = data(n, seed, specials);
              assertSame(id, x, y, p, reduction);
            },
          ),
          { numRuns: 40 },
        );
      });

      it('an infinite residual, or δ/β = ∞: the plain loop reruns, with the same results', () => {
        for (const [p, v] of [
          [1, Infinity],
          [1, -Infinity],
          [Infinity, 2],
        ] as const) {
          const [x, y] = data(SIMD_MIN_LENGTH + 5, 7, [[SIMD_CHUNK + 3, v]]);
          for (const reduction of ['mean', 'sum'] as const) assertSame(id, x, y, p, reduction);
        }
      });

      it('a NaN anywhere in a long input: the same message, with its position', () => {
        const n = 2 * SIMD_CHUNK + 9;
        for (const [name, at] of [
          ['input', 5],
          ['target', 2 * SIMD_CHUNK + 8],
        ] as const) {
          const [x, y] = data(n, 3);
          (name === 'input' ? x : y)[at] = NaN;
          const messages = [true, false].map((simd) => {
            try {
              compute(id, x, y, 1, 'mean', simd);
              return 'no error';
            } catch (e) {
              assert.ok(e instanceof LossInputError, String(e));
              return e.message;
            }
          });
          assert.equal(messages[0], messages[1]);
          assert.match(messages[0], new RegExp(`^${name}: .*NaN at \\[${at}\\]`));
        }
      });
    });
  }
});
