/**
 * The SIMD loops (src/losses/simd): the compiled module matches its source, it really runs in
 * Node (so the comparisons below test it, not the fallback), and on every length, chunk edge
 * and awkward residual it gives the JavaScript loops' elements and gradients bit for bit, with
 * the sum within the bound of a different summation order.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { computeLoss, setSimdEnabled, simdAvailable, type LossResult } from '../../../src/losses';
import { SIMD_CHUNK, SIMD_MIN_LENGTH, simdLog } from '../../../src/losses/simd/pointwise-simd';
import { sameBits, sameSum } from './same-numbers';
import { messagesOnAndOff } from './simd-helpers';

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

/** SIMD and JavaScript runs of the same call agree: elements and gradient bit for bit, the value within the reordering bound. */
function assertSame(id: Id, x: Float64Array, y: Float64Array, p: number, reduction: 'mean' | 'sum'): void {
  const simd = compute(id, x, y, p, reduction, true);
  const js = compute(id, x, y, p, reduction, false);
  const what = `${id} ${PARAM[id]}=${p} n=${x.length} ${reduction}`;
  sameBits(simd.grad.data, js.grad.data, `${what} grad`);
  sameBits(simd.elements.data, js.elements.data, `${what} elements`);
  sameSum(simd.value as number, js.value as number, js.elements.data, reduction === 'mean' ? 1 / x.length : 1, `${what} value`);
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
          const messages = messagesOnAndOff((simd) => compute(id, x, y, 1, 'mean', simd));
          assert.equal(messages[0], messages[1]);
          assert.match(messages[0], new RegExp(`^${name}: .*NaN at \\[${at}\\]`));
        }
      });
    });
  }

  describe('logarithm (fdlibm, as Math.log)', () => {
    /** Doubles from a 64-bit LCG: `kind` picks raw positive bits, near 1, (0, 1), or e^[−700, 700]. */
    function doubles(n: number, seed: bigint): Float64Array {
      const out = new Float64Array(n);
      const bits = new BigUint64Array(out.buffer);
      let s = seed;
      for (let i = 0; i < n; i++) {
        s = (s * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
        const u = Number(s >> 11n) / 2 ** 53;
        switch (i % 4) {
          case 0:
            bits[i] = s & 0x7fffffffffffffffn; // any positive double: subnormals, ∞ and NaN too
            break;
          case 1:
            out[i] = 1 + (u - 0.5) * 2 ** -Number(s & 31n); // both sides of 1, down to |f| < 2^−20
            break;
          case 2:
            out[i] = u;
            break;
          default:
            out[i] = Math.exp((u - 0.5) * 1400);
        }
      }
      return out;
    }

    it('is Math.log bit for bit on every normal positive number (1e6 of them, every formula of e_log.c)', () => {
      const x = doubles(1_000_000, 20261123n);
      const got = simdLog(x);
      assert.ok(got, 'SIMD runs');
      let normals = 0;
      for (let i = 0; i < x.length; i++) {
        if (!(x[i] >= 2 ** -1022 && x[i] < Infinity)) continue;
        normals++;
        if (!Object.is(got[i], Math.log(x[i]))) assert.fail(`log(${x[i]}): ${got[i]} vs Math.log ${Math.log(x[i])}`);
      }
      assert.ok(normals > 990_000, `${normals} normal inputs`);
    });

    it('exact at the edges: 1, powers of two, √½ and √2 and their neighbours, the least and greatest normals', () => {
      const edges = [1, 2, 0.5, 2 ** -1022, 2 ** 1023, Number.MAX_VALUE, Math.SQRT1_2, Math.SQRT2, 1 + 2 ** -52, 1 - 2 ** -53, 1 + 2 ** -20, 1 - 2 ** -21, 3, 10, Math.E];
      const x = Float64Array.from(edges.flatMap((v) => [v, v * (1 + 2 ** -52), v * (1 - 2 ** -53)]).filter((v) => v < Infinity));
      const got = simdLog(x)!;
      x.forEach((v, i) => assert.ok(Object.is(got[i], Math.log(v)), `log(${v}): ${got[i]} vs ${Math.log(v)}`));
    });

    it('NaN where the input is not a normal positive number (the loops then leave it to JavaScript)', () => {
      const x = Float64Array.of(0, -0, 5e-324, 2 ** -1023, -1, -Infinity, Infinity, NaN);
      for (const v of simdLog(x)!) assert.ok(Number.isNaN(v));
    });
  });

  describe('kl-div (log_target False)', () => {
    function kl(x: Float64Array, t: Float64Array, reduction: string, simd: boolean): LossResult {
      setSimdEnabled(simd);
      try {
        return computeLoss('kl-div', { input: { shape: [x.length / 4, 4], data: x }, target: { shape: [t.length / 4, 4], data: t } }, { reduction });
      } finally {
        setSimdEnabled(true);
      }
    }
    /** Log-probabilities and probabilities (rows of 4), with zero targets where `zeros` says. */
    function rows(n: number, seed: number, zeros: (i: number) => boolean): [Float64Array, Float64Array] {
      const [a, b] = data(n, seed);
      const x = a.map((v) => -Math.abs(v) - 0.1);
      const t = b.map((v, i) => (zeros(i) ? (i % 2 ? -0 : 0) : Math.abs(v) / 2));
      return [x, t];
    }

    it('SIMD and JavaScript agree: gradient bit for bit, value within the reordering bound, every reduction', () => {
      for (const n of [SIMD_MIN_LENGTH, 3 * SIMD_CHUNK + 4, 5 * SIMD_CHUNK + 12]) {
        const [x, t] = rows(n, n, (i) => i % 5 === 0);
        for (const reduction of ['mean', 'sum', 'batchmean'] as const) {
          const a = kl(x, t, reduction, true);
          const b = kl(x, t, reduction, false);
          sameBits(a.grad.data, b.grad.data, `n=${n} ${reduction} grad`);
          const scale = reduction === 'sum' ? 1 : reduction === 'mean' ? 1 / n : 4 / n;
          sameSum(a.value as number, b.value as number, b.elements.data, scale, `n=${n} ${reduction} value`);
        }
      }
    });

    it('a subnormal or infinite target: JavaScript reruns, so the result is exactly its result', () => {
      for (const v of [5e-324, 1e-310, Infinity]) {
        const [x, t] = rows(SIMD_MIN_LENGTH + 4, 9, () => false);
        t[SIMD_CHUNK + 1] = v;
        const a = kl(x, t, 'sum', true);
        const b = kl(x, t, 'sum', false);
        assert.ok(Object.is(a.value, b.value), `target ${v}: ${a.value} vs ${b.value}`);
        sameBits(a.grad.data, b.grad.data, `target ${v} grad`);
      }
    });

    it('a negative target in a long input: the same message as without SIMD', () => {
      const [x, t] = rows(2 * SIMD_CHUNK + 8, 4, () => false);
      t[2 * SIMD_CHUNK + 5] = -0.25;
      const messages = messagesOnAndOff((simd) => kl(x, t, 'mean', simd));
      assert.equal(messages[0], messages[1]);
      assert.match(messages[0], /^target: /);
    });
  });
});
