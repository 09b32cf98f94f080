/**
 * Numerically stable scalar building blocks shared by the classification,
 * divergence and other families: softplus, log-sigmoid, sigmoid, and an in-place
 * softmax / log-sum-exp over one class axis of a strided tensor.
 *
 * All finite for |x| up to 1e4 and beyond (no exp of a large positive number).
 */

/** log(1 + e^x), stable for any finite x. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** log σ(x) = −softplus(−x). */
export function logSigmoid(x: number): number {
  return -softplus(-x);
}

/** σ(x) = 1 / (1 + e^−x), without overflow. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * Softmax over `count` values of `x` starting at `base` with stride `stride`, times `scale`,
 * written into `out` at the same positions; returns log Σ exp (the log-sum-exp).
 * One max pass, one exp pass, one scaling pass; no allocation. `fastExp`: e^(x − max) by
 * `expNeg` (within 2 ulp of Math.exp, a third of the time; cross_entropy uses it).
 */
export function softmaxInto(
  x: Float64Array,
  out: Float64Array,
  base: number,
  count: number,
  stride: number,
  scale = 1,
  fastExp = false,
): number {
  const end = base + count * stride;
  let m = -Infinity;
  for (let p = base; p < end; p += stride) if (x[p] > m) m = x[p];
  if (m === -Infinity || m === Infinity) {
    // every logit -inf (or some +inf): no meaningful softmax; let the caller see it
    for (let p = base; p < end; p += stride) out[p] = NaN;
    return m;
  }
  let s = 0;
  for (let p = base; p < end; p += stride) {
    const e = fastExp ? expNeg(m - x[p]) : Math.exp(x[p] - m);
    out[p] = e;
    s += e;
  }
  const inv = scale / s;
  for (let p = base; p < end; p += stride) out[p] *= inv;
  return m + Math.log(s);
}

/**
 * The log-sum-exp `softmaxInto` returns, bit for bit (the same max, the same exponentials added in
 * the same order), without writing the softmax: for forward-only passes.
 */
export function logSumExp(x: Float64Array, base: number, count: number, stride: number, fastExp = false): number {
  const end = base + count * stride;
  let m = -Infinity;
  for (let p = base; p < end; p += stride) if (x[p] > m) m = x[p];
  if (m === -Infinity || m === Infinity) return m;
  let s = 0;
  for (let p = base; p < end; p += stride) s += fastExp ? expNeg(m - x[p]) : Math.exp(x[p] - m);
  return m + Math.log(s);
}

/**
 * `logSumExp(x, base, count, stride, true)` without the choice of exponential inside the loop (always
 * `expNeg`): the forward pass of cross_entropy, where this loop is the whole cost. The same sum, bit
 * for bit.
 */
export function logSumExpNeg(x: Float64Array, base: number, count: number, stride: number): number {
  const end = base + count * stride;
  let m = -Infinity;
  for (let p = base; p < end; p += stride) if (x[p] > m) m = x[p];
  if (m === -Infinity || m === Infinity) return m;
  let s = 0;
  for (let p = base; p < end; p += stride) s += expNeg(m - x[p]);
  return m + Math.log(s);
}

// e^−a and log(1 + e) for the hottest loops (bce_with_logits: one of each per element). V8's
// Math.exp and Math.log1p are calls into C (about 10 and 8–11 ns); these are inlined arithmetic
// with one table lookup or two (about 3 ns each), within 2 ulp of Math.exp / Math.log1p (tests).

const ROUND = 6755399441055744; // 1.5·2^52: (v + ROUND) − ROUND rounds v to an integer (|v| < 2^51)
/** ln 2 in two parts: LN2_HI has 32 significant bits, so k·LN2_HI/32 is exact for the k used here. */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
/** 2^(−j/32), j = 0..31 (exported for the SIMD module, which copies it: simd/pointwise-simd.ts). */
export const EXP2_FRAC = Float64Array.from({ length: 32 }, (_, j) => Math.pow(2, -j / 32));
/** 2^−n, n = 0..1099 (exact halvings; 0 from n = 1075 on; copied into the SIMD module too). */
export const EXP2_NEG = new Float64Array(1100);
for (let n = 0, p = 1; n < EXP2_NEG.length; n++, p /= 2) EXP2_NEG[n] = p;
/** 1/(1 + j/256), j = 0..256 (exported, with LOG1P_TABLE, for the SIMD module, which copies them). */
export const LOG1P_INV = Float64Array.from({ length: 257 }, (_, j) => 1 / (1 + j / 256));
/** log(1 + j/256), j = 0..256. */
export const LOG1P_TABLE = Float64Array.from({ length: 257 }, (_, j) => Math.log1p(j / 256));

/**
 * e^−a for a ≥ 0 (NaN gives NaN, +∞ gives 0): a = k·ln2/32 − r with |r| ≤ ln2/64, so
 * e^−a = 2^−⌊k/32⌋ · 2^−(k mod 32)/32 · e^r, e^r by its Taylor polynomial to r⁶ (the next term is
 * below 2^−57). No branch on the data but a clamp at 760 (e^−760 is 0 in float64).
 */
export function expNeg(a: number): number {
  const b = a > 760 ? 760 : a; // NaN passes through
  const kf = b * (32 / Math.LN2) + ROUND - ROUND;
  const k = kf | 0;
  const r = kf * (LN2_HI / 32) - b + kf * (LN2_LO / 32);
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))));
  return EXP2_NEG[k >> 5] * (EXP2_FRAC[k & 31] * p);
}

/**
 * log(1 + e) for e ∈ [0, 1] (NaN gives NaN), accurate relative to the result for tiny e too:
 * with c = j/256 the nearest, log(1 + e) = log(1 + c) + log1p(r), r = (e − c)/(1 + c) (e − c is
 * exact; r = e exactly when c = 0), |r| ≤ 1/512, and log1p(r) by its Taylor polynomial to r⁶
 * (the next term is below 2^−60 of r), evaluated as two halves. No division, no branch.
 */
export function log1pUnit(e: number): number {
  const jf = e * 256 + ROUND - ROUND;
  const j = jf | 0;
  const r = (e - jf * (1 / 256)) * LOG1P_INV[j];
  const r2 = r * r;
  return LOG1P_TABLE[j] + (r + (r2 * (-0.5 + r * (1 / 3)) + r2 * r2 * (-0.25 + r * 0.2 - r2 * (1 / 6))));
}
