/**
 * The SIMD forward pass of cross_entropy (src/losses/simd): its exponential is softmax.ts'
 * `expNeg` bit for bit, its row log-sum-exps are `logSumExpNeg`'s bit for bit (each row is summed
 * in one lane, in the JavaScript loop's order), so cross_entropy's value, elements and errors are
 * the same with SIMD on and off, exactly, with every parameter.
 */
import { strict as assert } from 'node:assert';
import { computeLoss, setSimdEnabled, type LossResult } from '../../../src/losses';
import { SIMD_CHUNK, SIMD_MIN_LENGTH, simdExpNeg, simdLogSumExpRows, simdRowsPerCall } from '../../../src/losses/simd/pointwise-simd';
import { expNeg, logSumExpNeg } from '../../../src/losses/softmax';
import { sameBits } from './same-numbers';
import { lcg, messagesOnAndOff, sameAsScalar } from './simd-helpers';

/** Non-negative doubles of every kind expNeg meets: 0, tiny, subnormal, ordinary, past 708 and 760, ∞, NaN, raw bits. */
function expArguments(n: number, seed: number): Float64Array {
  const next = lcg(seed);
  const out = new Float64Array(n);
  const bits = new Uint32Array(out.buffer);
  for (let i = 0; i < n; i++) {
    const u = next();
    switch (i % 5) {
      case 0:
        out[i] = u * 40; // where softmax rows live
        break;
      case 1:
        out[i] = 700 + u * 80; // subnormal results, then 0, both sides of the clamp at 760
        break;
      case 2:
        out[i] = u * 2 ** -Math.floor(next() * 1080); // tiny, down into the subnormals
        break;
      case 3:
        bits[2 * i] = Math.floor(next() * 2 ** 32); // any non-negative double: huge, ∞, NaN payloads
        bits[2 * i + 1] = Math.floor(u * 2 ** 31);
        break;
      default:
        out[i] = u * 800;
    }
  }
  return out;
}

/** The boundaries: ±0, the least subnormal, where k and the tables change, 708/745/760, ∞, NaN. */
const EDGES = [0, -0, 5e-324, 2 ** -1022, 1e-300, 1e-17, Math.LN2 / 64, Math.LN2 / 32, 1, Math.LN2 * 31, 708.39, 709.78, 744.44, 745.13, 745.14, 759.99, 760, 760.01, 761, 1e4, 1e300, Number.MAX_VALUE, Infinity, NaN];

function crossEntropy(x: Float64Array, shape: number[], t: Float64Array, params: Record<string, unknown>, simd: boolean): LossResult {
  setSimdEnabled(simd);
  try {
    return computeLoss('cross-entropy', { input: { shape, data: x }, target: { shape: [t.length], data: t } }, params);
  } finally {
    setSimdEnabled(true);
  }
}

/** Logits (n rows of c, in [−8, 8]) and class indices, with `specials` written over some logits. */
function rows(n: number, c: number, seed: number, specials: ReadonlyArray<readonly [number, number]> = []): [Float64Array, Float64Array] {
  const next = lcg(seed);
  const x = Float64Array.from({ length: n * c }, () => (next() - 0.5) * 16);
  const t = Float64Array.from({ length: n }, () => Math.floor(next() * c));
  for (const [at, v] of specials) x[at % x.length] = v;
  return [x, t];
}

/** SIMD on and off give the same value (Object.is), elements and gradient, bit for bit. */
function assertSame(x: Float64Array, c: number, t: Float64Array, params: Record<string, unknown>, what: string): void {
  const shape = [t.length, c];
  const a = crossEntropy(x, shape, t, params, true);
  const b = crossEntropy(x, shape, t, params, false);
  // ('none': the value is the elements, nested; the forward pass alone runs only for 'mean' and 'sum')
  if (typeof b.value === 'number') assert.ok(Object.is(a.value, b.value), `${what}: value ${String(a.value)} vs ${b.value}`);
  sameBits(a.elements.data, b.elements.data, `${what} elements`);
  sameBits(a.contributions.data, b.contributions.data, `${what} contributions`);
  sameBits(a.grad.data, b.grad.data, `${what} grad`);
}

describe('SIMD cross_entropy forward pass (src/losses/simd)', () => {
  describe('exponential (softmax.ts expNeg)', () => {
    it('is expNeg bit for bit on 1e6 arguments of every kind', () => {
      const a = expArguments(1_000_000, 20261206);
      sameAsScalar(simdExpNeg(a), a, expNeg, 'expNeg');
    });

    it('is expNeg bit for bit at the edges and their neighbours (0, subnormals, 708, 745, 760, ∞, NaN)', () => {
      const a = Float64Array.from(EDGES.flatMap((v) => [v, v * (1 + 2 ** -52), v * (1 - 2 ** -53)]));
      const got = simdExpNeg(a)!;
      sameAsScalar(got, a, expNeg, 'expNeg');
      assert.equal(got[0], 1);
      assert.ok(Number.isNaN(got[got.length - 1]));
    });
  });

  describe('row log-sum-exps (softmax.ts logSumExpNeg)', () => {
    it('are logSumExpNeg bit for bit, for 1 to 2048 classes, odd and even row counts, with NaN, ±∞, ±0, subnormal and huge logits', () => {
      const specials = [NaN, Infinity, -Infinity, 0, -0, 5e-324, -1e-310, 800, -800, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE];
      for (const c of [1, 2, 3, 4, 5, 10, 17, 100, 1000, SIMD_CHUNK / 2]) {
        const per = simdRowsPerCall(c, SIMD_MIN_LENGTH);
        assert.ok(per >= 2 && per % 2 === 0 && per * c <= SIMD_CHUNK, `c=${c}: ${per} rows per call`);
        for (const count of [1, 2, per - 1, per]) {
          const next = lcg(c * 7919 + count);
          // rows 1..count are read; row 0 and the last two are there to be left alone
          const marks = Array.from({ length: 8 }, (_, k) => [c + Math.floor(next() * count * c), specials[(c + count + k) % specials.length]] as const);
          const [x] = rows(count + 3, c, c + count, marks);
          // a row of -∞, a row with +∞ and -∞, a row of one repeated value (the max met more than once)
          if (count > 3) {
            x.fill(-Infinity, c, 2 * c);
            x.fill(2.5, 3 * c, 4 * c);
            x[2 * c] = Infinity;
            x[3 * c - 1] = -Infinity;
          }
          const got = simdLogSumExpRows(x, 1, count, c);
          const want = Float64Array.from({ length: count }, (_, r) => logSumExpNeg(x, (1 + r) * c, c, 1));
          sameBits(got, want, `c=${c} count=${count}`);
        }
      }
    });

    it('are not taken where they would not pay or a pair of rows does not fit a chunk', () => {
      assert.equal(simdRowsPerCall(10, SIMD_MIN_LENGTH - 1), 0);
      assert.equal(simdRowsPerCall(SIMD_CHUNK / 2 + 1, 10 * SIMD_MIN_LENGTH), 0);
      assert.equal(simdRowsPerCall(0, 10 * SIMD_MIN_LENGTH), 0);
      setSimdEnabled(false);
      try {
        assert.equal(simdRowsPerCall(10, 10 * SIMD_MIN_LENGTH), 0);
      } finally {
        setSimdEnabled(true);
      }
      assert.equal(simdRowsPerCall(10, 10 * SIMD_MIN_LENGTH), 408);
    });
  });

  describe('cross_entropy with SIMD on and off', () => {
    it('the same value, elements and gradient for row counts around the chunk edges, every reduction', () => {
      for (const [n, c] of [
        [Math.floor(SIMD_MIN_LENGTH / 10), 10],
        [Math.ceil(SIMD_MIN_LENGTH / 10), 10],
        [3 * 408 + 1, 10],
        [2000, 7],
        [5, 2048],
        [SIMD_MIN_LENGTH, 1],
      ] as const) {
        const [x, t] = rows(n, c, n + c);
        for (const reduction of ['mean', 'sum', 'none']) assertSame(x, c, t, { reduction }, `n=${n} c=${c} ${reduction}`);
      }
    });

    it('the same with weight, ignore_index and label_smoothing, alone and together', () => {
      const n = 4099;
      const c = 6;
      const [x, t] = rows(n, c, 11);
      const ignored = t.map((y, i) => (i % 7 === 0 ? -100 : y)); // rows for the default ignore_index
      const weight = { shape: [c], data: Float64Array.of(0.5, 2, 1, 0, 3, 1.25) };
      for (const params of [{}, { weight }, { ignore_index: 3 }, { label_smoothing: 0.1 }, { weight, ignore_index: 3, label_smoothing: 0.3 }, { weight, label_smoothing: 1, reduction: 'sum' }]) {
        const what = JSON.stringify({ ...params, weight: 'weight' in params ? 'yes' : 'no' });
        assertSame(x, c, t, params, what);
        if (!('ignore_index' in params)) assertSame(x, c, ignored, params, `${what} with ignored rows`);
      }
    });

    it('the same for rows holding ±∞, a row of −∞, and huge logits', () => {
      for (const specials of [
        [[25, Infinity]],
        [[40, -Infinity]],
        [[5000, 1e300], [5001, -1e300]],
        [[12, -Number.MAX_VALUE], [13, Number.MAX_VALUE]],
      ] as Array<Array<[number, number]>>) {
        const [x, t] = rows(1000, 10, 5, specials);
        for (const reduction of ['mean', 'sum']) assertSame(x, 10, t, { reduction }, `${JSON.stringify(specials)} ${reduction}`);
      }
      const [x, t] = rows(1000, 10, 6);
      x.fill(-Infinity, 300, 310); // a whole row of -∞
      assertSame(x, 10, t, { reduction: 'sum' }, 'a row of -∞');
    });

    it('the same error for a NaN logit, in a counted row or an ignored one', () => {
      for (const ignored of [false, true]) {
        const [x, t] = rows(1000, 10, 9);
        x[5 * 10 + 4] = NaN;
        if (ignored) t[5] = -100;
        const messages = messagesOnAndOff((simd) => crossEntropy(x, [1000, 10], t, {}, simd));
        assert.equal(messages[0], messages[1]);
        assert.match(messages[0], /^input: .*NaN at \[5, 4\]/);
      }
    });

    it('(N, C, d) inputs (rows strided) take the JavaScript loop, with the same results', () => {
      const next = lcg(3);
      const x = Float64Array.from({ length: 50 * 10 * 20 }, () => (next() - 0.5) * 10);
      const t = Float64Array.from({ length: 50 * 20 }, () => Math.floor(next() * 10));
      const run = (simd: boolean) => {
        setSimdEnabled(simd);
        try {
          return computeLoss('cross-entropy', { input: { shape: [50, 10, 20], data: x }, target: { shape: [50, 20], data: t } });
        } finally {
          setSimdEnabled(true);
        }
      };
      assert.ok(Object.is(run(true).value, run(false).value));
    });
  });
});
