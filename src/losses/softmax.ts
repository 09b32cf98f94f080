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
 * One max pass, one exp pass, one scaling pass; no allocation.
 */
export function softmaxInto(
  x: Float64Array,
  out: Float64Array,
  base: number,
  count: number,
  stride: number,
  scale = 1,
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
    const e = Math.exp(x[p] - m);
    out[p] = e;
    s += e;
  }
  const inv = scale / s;
  for (let p = base; p < end; p += stride) out[p] *= inv;
  return m + Math.log(s);
}
