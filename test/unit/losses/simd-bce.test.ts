/**
 * The SIMD forward pass of bce_with_logits (src/losses/simd): its log(1 + e) is softmax.ts'
 * `log1pUnit` bit for bit, each element's loss is the JavaScript one (the unreduced `elements`)
 * bit for bit, and the losses are added in index order, so that bce_with_logits' value, elements,
 * gradient and errors are the same with SIMD on and off, exactly, with every parameter.
 */
import { strict as assert } from 'node:assert';
import { computeLoss, setSimdEnabled, type LossResult } from '../../../src/losses';
import { SIMD_CHUNK, SIMD_MIN_LENGTH, simdBceLogitsSum, simdLog1pUnit } from '../../../src/losses/simd/pointwise-simd';
import { log1pUnit } from '../../../src/losses/softmax';
import { sameBits } from './same-numbers';
import { lcg, messagesOnAndOff, sameAsScalar } from './simd-helpers';

/** Doubles in [0, 1] of every kind log1pUnit meets: ordinary, tiny, subnormal, near the table's steps j/256, 1. */
function unitArguments(n: number, seed: number): Float64Array {
  const next = lcg(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = next();
    switch (i % 4) {
      case 0:
        out[i] = u;
        break;
      case 1:
        out[i] = u * 2 ** -Math.floor(next() * 1080); // tiny, down into the subnormals (and 0)
        break;
      case 2: {
        // within a few ulps of a step j/256, where the rounding to the nearest step turns
        const j = Math.floor(u * 257) / 256;
        out[i] = Math.min(1, Math.max(0, j + (Math.floor(next() * 9) - 4) * 2 ** -53));
        break;
      }
      default:
        out[i] = (Math.floor(u * 512) + 0.5) / 512 + (next() - 0.5) * 2 ** -40; // around the midpoints (j + 1/2)/256
    }
  }
  return out;
}

/** The boundaries: ±0, the least subnormal, the least normal, tiny, the steps and midpoints near 0 and 1, 1, NaN. */
const EDGES = [0, -0, 5e-324, 1e-320, 2 ** -1022, 1e-300, 1e-17, 2 ** -53, 1 / 512, 1 / 256, 3 / 512, 0.5, 255 / 256, 511 / 512, 1 - 2 ** -53, 1, NaN];

/** Logits of every kind (ordinary, ±0, tiny, subnormal, huge, past exp's range, ±∞, NaN) and finite targets (0, 1, in between, outside). */
function bceData(n: number, seed: number): [Float64Array, Float64Array] {
  const next = lcg(seed);
  const xs = [0, -0, 5e-324, -5e-324, 1e-310, -1e-17, 36.7, -36.7, 700, -745.2, 760.5, -1e4, 1e300, -Number.MAX_VALUE, Infinity, -Infinity, NaN];
  const ys = [0, 1, 0.25, -0, -2, 3.5, 1e-300];
  const x = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? xs[Math.floor(next() * xs.length)] : (next() - 0.5) * (i % 3 === 1 ? 16 : 1600)));
  const y = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? ys[Math.floor(next() * ys.length)] : next()));
  return [x, y];
}

function bce(x: Float64Array, y: Float64Array, params: Record<string, unknown>, simd: boolean, eager = false): LossResult {
  setSimdEnabled(simd);
  try {
    const shape = [x.length];
    return computeLoss('bce-with-logits', { input: { shape, data: x }, target: { shape, data: y } }, params, eager ? { gradient: 'eager' } : undefined);
  } finally {
    setSimdEnabled(true);
  }
}

/** SIMD on and off give the same value (Object.is), elements and gradient, bit for bit; and the eager pass the same value. */
function assertSame(x: Float64Array, y: Float64Array, params: Record<string, unknown>, what: string): void {
  const a = bce(x, y, params, true);
  const b = bce(x, y, params, false);
  // ('none': the value is the elements, nested; the forward pass alone runs only for 'mean' and 'sum')
  if (typeof b.value === 'number') {
    assert.ok(Object.is(a.value, b.value), `${what}: value ${String(a.value)} vs ${b.value}`);
    const eager = bce(x, y, params, true, true);
    assert.ok(Object.is(a.value, eager.value), `${what}: value ${String(a.value)} vs the eager pass's ${String(eager.value)}`);
  }
  sameBits(a.elements.data, b.elements.data, `${what} elements`);
  sameBits(a.grad.data, b.grad.data, `${what} grad`);
}

/** Logits in [−8, 8] (as N(0, 3) mostly are) and 0/1 targets, as the benchmark's. */
function ordinary(n: number, seed: number): [Float64Array, Float64Array] {
  const next = lcg(seed);
  const x = Float64Array.from({ length: n }, () => (next() - 0.5) * 16);
  const y = Float64Array.from({ length: n }, () => (next() < 0.5 ? 0 : 1));
  return [x, y];
}

describe('SIMD bce_with_logits forward pass (src/losses/simd)', () => {
  describe('log(1 + e) (softmax.ts log1pUnit)', () => {
    it('is log1pUnit bit for bit on 1e6 arguments in [0, 1] of every kind', () => {
      const a = unitArguments(1_000_000, 20261207);
      sameAsScalar(simdLog1pUnit(a), a, log1pUnit, 'log1pUnit');
    });

    it('is log1pUnit bit for bit at the edges and their neighbours (0, subnormals, the steps j/256, 1, NaN)', () => {
      const a = Float64Array.from(EDGES.flatMap((v) => [v, Math.min(1, v * (1 + 2 ** -52)), v * (1 - 2 ** -53)]));
      const got = simdLog1pUnit(a)!;
      sameAsScalar(got, a, log1pUnit, 'log1pUnit');
      assert.ok(Object.is(got[0], 0));
      assert.ok(Object.is(got[3], 0), 'log1pUnit(-0) is +0');
      assert.equal(got[EDGES.indexOf(1) * 3], Math.log1p(1));
      assert.ok(Number.isNaN(got[got.length - 1]));
    });
  });

  describe('the losses and their sum', () => {
    it("are the unreduced elements bit for bit (logits of every kind, ±∞ and NaN included; finite targets), summed in index order", () => {
      for (const n of [SIMD_MIN_LENGTH, SIMD_MIN_LENGTH + 1, 3 * SIMD_CHUNK + 7]) {
        const [x, y] = bceData(n, n);
        const losses = new Float64Array(n);
        const s = simdBceLogitsSum(x, y, losses);
        assert.ok(s !== null, 'SIMD runs');
        // (computeLoss rejects a NaN logit, whose loss is NaN: the reference takes 0 there)
        const want = bce(x.map((v) => (v === v ? v : 0)), y, { reduction: 'none' }, false).elements.data.map((v, i) => (x[i] === x[i] ? v : NaN));
        sameBits(losses, want, `n=${n} losses`);
        // and with logits whose losses do not overflow, a finite sum: the index-order sum of the elements, bit for bit
        const xf = x.map((v) => (Math.abs(v) <= 1e4 ? v : 1.5));
        let total = 0;
        for (const e of bce(xf, y, { reduction: 'none' }, false).elements.data) total += e;
        assert.ok(Number.isFinite(total));
        assert.ok(Object.is(simdBceLogitsSum(xf, y), total), `n=${n} sum`);
      }
    });

    it('are not taken for short inputs or with SIMD off', () => {
      const [x, y] = ordinary(SIMD_MIN_LENGTH, 1);
      assert.equal(simdBceLogitsSum(x.subarray(1), y.subarray(1)), null);
      assert.notEqual(simdBceLogitsSum(x, y), null);
      setSimdEnabled(false);
      try {
        assert.equal(simdBceLogitsSum(x, y), null);
      } finally {
        setSimdEnabled(true);
      }
    });
  });

  describe('bce_with_logits with SIMD on and off', () => {
    it('the same value, elements and gradient for lengths around the chunk edges, every reduction', () => {
      for (const n of [SIMD_MIN_LENGTH - 1, SIMD_MIN_LENGTH, SIMD_MIN_LENGTH + 1, 3 * SIMD_CHUNK - 1, 3 * SIMD_CHUNK + 1, 5 * SIMD_CHUNK]) {
        const [x, y] = ordinary(n, n);
        if (n >= SIMD_MIN_LENGTH) assert.ok(Number.isFinite(simdBceLogitsSum(x, y)), `n=${n}: the SIMD sum serves`);
        for (const reduction of ['mean', 'sum', 'none']) assertSame(x, y, { reduction }, `n=${n} ${reduction}`);
      }
    });

    it('the same with soft targets and logits past exp’s range, ±0, tiny and subnormal', () => {
      const n = 2 * SIMD_CHUNK + 3;
      const [x, y] = bceData(n, 77);
      const xf = x.map((v) => (Math.abs(v) <= 1e4 ? v : -3.25));
      for (const reduction of ['mean', 'sum']) assertSame(xf, y, { reduction }, `mixed ${reduction}`);
    });

    it('the same with weight and pos_weight (the JavaScript loop), alone and together', () => {
      const n = SIMD_MIN_LENGTH + 5;
      const [x, y] = ordinary(n, 5);
      const weight = { shape: [n], data: Float64Array.from({ length: n }, (_, i) => 0.5 + (i % 4)) };
      const posWeight = { shape: [n], data: Float64Array.from({ length: n }, (_, i) => 0.25 + (i % 3)) };
      for (const params of [{ weight }, { pos_weight: posWeight }, { weight, pos_weight: posWeight, reduction: 'sum' }]) {
        assertSame(x, y, params, Object.keys(params).join(', '));
      }
    });

    it('the same value for infinite logits and targets and for a sum that overflows (the JavaScript loops redo them)', () => {
      const n = SIMD_MIN_LENGTH + 1;
      for (const [at, xv, yv] of [
        [7, Infinity, 1],
        [7, Infinity, 0.5],
        [n - 1, -Infinity, 1],
        [4096, -Infinity, 0],
        [100, 2, Infinity],
        [100, -2, -Infinity],
        [3, 1e308, -1e308],
      ] as Array<[number, number, number]>) {
        const [x, y] = ordinary(n, at);
        x[at] = xv;
        y[at] = yv;
        if (at === 3) x[4] = 1e308; // two huge losses: their sum overflows
        for (const reduction of ['mean', 'sum']) {
          const a = bce(x, y, { reduction }, true);
          const b = bce(x, y, { reduction }, false);
          assert.ok(Object.is(a.value, b.value), `x[${at}]=${xv} y=${yv} ${reduction}: ${String(a.value)} vs ${String(b.value)}`);
          assert.ok(!Number.isFinite(b.value as number), `x[${at}]=${xv} y=${yv}: a case the SIMD sum does not serve`);
        }
      }
    });

    it('the same error for a NaN logit or target', () => {
      const n = SIMD_MIN_LENGTH + 1;
      for (const [name, at] of [['input', 5], ['target', 8000]] as const) {
        const [x, y] = ordinary(n, 9);
        (name === 'input' ? x : y)[at] = NaN;
        const messages = messagesOnAndOff((simd) => bce(x, y, {}, simd));
        assert.equal(messages[0], messages[1]);
        assert.match(messages[0], new RegExp(`^${name}: .*NaN at \\[${at}\\]`));
      }
    });
  });
});
