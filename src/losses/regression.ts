/**
 * Regression losses: pointwise distances between a prediction and a real target.
 * Semantics follow `torch.nn.functional` (broadcasting, reductions, defaults).
 */
import { finiteFastPath, pointwiseFused, type PointwiseKernel } from './elementwise';
import { simdOr } from './simd/pointwise-simd';
import type { LossImplementation } from './types';
import { expectParamRange, type ChecksNaN } from './validate';

// Each loss gives pointwiseFused two loops (module-level, so V8 compiles each once):
// `valueGrad` (the sum and the scaled gradient, the only pass of a 'mean'/'sum' call) and
// `values` (the unreduced loss, run when it is read).
// Every loss_i is NaN when x_i or y_i is, so computeLoss need not scan for NaN (`checksNaN`).
//
// Random residuals defeat the branch predictor, and in V8 on x64 a ternary, Math.min/max and
// Math.sign all compile to branches; `+(a < b)` does not. So where the loss has two pieces, the
// hot loop selects with k = +(inside) ∈ {0, 1} and j = 1 − k: k·p + j·q is exactly p or q when
// both are finite, since the unselected term is ±0 and adding ±0 changes nothing but a −0 sum.
// No loss value is −0; where the gradient may be −0 (a −0 residual) the zero term keeps it
// (huber adds −0 there, smooth L1 subtracts +0). An infinite or NaN piece makes the sum NaN
// (0·∞), so such data (an ∞ residual, δ = ∞, β = 0) takes the plain loop instead
// (finiteFastPath): results are bit for bit those of the plain formulas, which `values` uses.
// k is made as 2·(0 or ½) so that V8, which types operations from the values it has seen,
// multiplies in floating point: with an integer k and an integer δ (the default 1), (1 − k)·δ is
// an integer product whose −0 check branches on k again (measured: 8 ns/element instead of 3).

/**
 * (x − y)². The loop is so short that one running sum would make it wait on each addition's
 * latency; four sums (elements i mod 4), added at the end, let the additions overlap.
 */
const MSE: PointwiseKernel = {
  valueGrad(x, y, grad, scale) {
    const n = x.length;
    const end4 = n - (n % 4);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    for (; i < end4; i += 4) {
      const d0 = x[i] - y[i];
      const d1 = x[i + 1] - y[i + 1];
      const d2 = x[i + 2] - y[i + 2];
      const d3 = x[i + 3] - y[i + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
      grad[i] = 2 * d0 * scale;
      grad[i + 1] = 2 * d1 * scale;
      grad[i + 2] = 2 * d2 * scale;
      grad[i + 3] = 2 * d3 * scale;
    }
    for (; i < n; i++) {
      const d = x[i] - y[i];
      s0 += d * d;
      grad[i] = 2 * d * scale;
    }
    return s0 + s1 + (s2 + s3);
  },
  // valueGrad's loop without the gradient writes (the forward pass of a result whose gradient is lazy).
  value(x, y) {
    const n = x.length;
    const end4 = n - (n % 4);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    for (; i < end4; i += 4) {
      const d0 = x[i] - y[i];
      const d1 = x[i + 1] - y[i + 1];
      const d2 = x[i + 2] - y[i + 2];
      const d3 = x[i + 3] - y[i + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; i < n; i++) {
      const d = x[i] - y[i];
      s0 += d * d;
    }
    return s0 + s1 + (s2 + s3);
  },
  values(x, y, out) {
    for (let i = 0; i < x.length; i++) {
      const d = x[i] - y[i];
      out[i] = d * d;
    }
  },
};

/** `F.mse_loss`: (input - target)^2. */
const mse: LossImplementation & ChecksNaN = {
  id: 'mse-loss',
  gradInput: 'input',
  checksNaN: true,
  kernel: ({ input, target }, params) => pointwiseFused(input, target, params, MSE),
};

/** |x − y|, with gradient sign(x − y) (0 at a zero residual). */
const L1: PointwiseKernel = {
  valueGrad(x, y, grad, scale) {
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      const d = x[i] - y[i];
      s += Math.abs(d);
      grad[i] = (+(d > 0) - +(d < 0)) * scale; // 0 at ±0 (and at a NaN residual)
    }
    return s;
  },
  value(x, y) {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += Math.abs(x[i] - y[i]);
    return s;
  },
  values(x, y, out) {
    for (let i = 0; i < x.length; i++) out[i] = Math.abs(x[i] - y[i]);
  },
};

/** `F.l1_loss`: |input - target|; the gradient at 0 is 0, as in PyTorch. */
const l1: LossImplementation & ChecksNaN = {
  id: 'l1-loss',
  gradInput: 'input',
  checksNaN: true,
  kernel: ({ input, target }, params) => pointwiseFused(input, target, params, L1),
};

/** Huber of a residual `d` with threshold `delta`: writes the value to out[0], d(value)/d(d) to out[1]. */
export function huberOfResidual(d: number, delta: number, out: Float64Array): void {
  const a = Math.abs(d);
  if (a < delta) {
    out[0] = 0.5 * d * d;
    out[1] = d;
  } else {
    out[0] = delta * (a - 0.5 * delta);
    out[1] = d > 0 ? delta : -delta;
  }
}

/** Huber at |d| = a: with c = min(a, δ), c·(a − c/2) is ½d² inside δ and δ(a − δ/2) beyond. */
function huberAt(a: number, delta: number): number {
  const c = Math.min(a, delta);
  return c * (a - 0.5 * c);
}

/** Huber with threshold δ = p; the gradient clamps the residual to [−δ, δ]. */
const HUBER: PointwiseKernel = {
  valueGrad: finiteFastPath(
    simdOr('huber', (x, y, grad, scale, delta) => {
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        const d = x[i] - y[i];
        const a = Math.abs(d);
        const h = +(a < delta) * 0.5; // k = 2h: see the note at the top
        const k = h + h;
        const j = 1 - k;
        // g = clamp(d, −δ, δ): d inside, δ·(±1) beyond, with −1 for d ≤ 0 so that inside the
        // unselected term is −0 where d may be −0 (−0 + −0 = −0); c = |g| = min(a, δ).
        const g = k * d + j * (delta * (+(d > 0) * 2 - 1));
        const c = Math.abs(g);
        s += c * (a - 0.5 * c);
        grad[i] = g * scale;
      }
      return s;
    }),
    (x, y, grad, scale, delta) => {
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        const d = x[i] - y[i];
        s += huberAt(Math.abs(d), delta);
        grad[i] = Math.max(-delta, Math.min(delta, d)) * scale;
      }
      return s;
    },
  ),
  values(x, y, out, delta) {
    for (let i = 0; i < x.length; i++) out[i] = huberAt(Math.abs(x[i] - y[i]), delta);
  },
};

/** `F.huber_loss`: quadratic within `delta`, linear beyond it (delta > 0). */
const huber: LossImplementation & ChecksNaN = {
  id: 'huber-loss',
  gradInput: 'input',
  checksNaN: true,
  kernel: ({ input, target }, params) => {
    const delta = params.delta as number;
    expectParamRange(delta, 'delta', 0, Infinity, true);
    return pointwiseFused(input, target, params, HUBER, delta);
  },
};

/** Smooth L1 at |d| = a: ½a²/β within β, a − β/2 beyond. */
function smoothL1At(a: number, beta: number): number {
  return a < beta ? (0.5 * a * a) / beta : a - 0.5 * beta;
}

/** Smooth L1 with β = p; gradient d/β inside, sign(d) beyond (−1 at d = 0 when β = 0, as PyTorch). */
const SMOOTH_L1: PointwiseKernel = {
  valueGrad: finiteFastPath(
    simdOr('smoothL1', (x, y, grad, scale, beta) => {
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        const d = x[i] - y[i];
        const a = Math.abs(d);
        const h = +(a < beta) * 0.5; // k = 2h: see the note at the top
        const k = h + h;
        const j = 1 - k;
        // k multiplies before dividing, so an unselected d/β (which overflows for a tiny β) is never
        // formed; β = 0 gives 0/0 = NaN, the plain loop.
        s += (k * (0.5 * a * a)) / beta + j * (a - 0.5 * beta);
        const ns = +(d < 0) - +(d > 0); // −sign(d)
        grad[i] = ((k * d) / beta - j * ns) * scale;
      }
      return s;
    }),
    (x, y, grad, scale, beta) => {
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        const d = x[i] - y[i];
        s += smoothL1At(Math.abs(d), beta);
        grad[i] = (d <= -beta ? -1 : d >= beta ? 1 : d / beta) * scale;
      }
      return s;
    },
  ),
  values(x, y, out, beta) {
    for (let i = 0; i < x.length; i++) out[i] = smoothL1At(Math.abs(x[i] - y[i]), beta);
  },
};

/**
 * `F.smooth_l1_loss`: quadratic (divided by beta) within `beta`, linear beyond it.
 * beta = 0 gives |input - target|; PyTorch's backward then puts -1 (not 0) at a zero
 * residual (`x <= -beta` is tested first), which is mirrored here.
 */
const smoothL1: LossImplementation & ChecksNaN = {
  id: 'smooth-l1-loss',
  gradInput: 'input',
  checksNaN: true,
  kernel: ({ input, target }, params) => {
    const beta = params.beta as number;
    expectParamRange(beta, 'beta', 0, Infinity);
    return pointwiseFused(input, target, params, SMOOTH_L1, beta);
  },
};

export const REGRESSION_KERNELS: readonly LossImplementation[] = [mse, l1, huber, smoothL1];
