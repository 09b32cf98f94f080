/**
 * Regression losses: pointwise distances between a prediction and a real target.
 * Semantics follow `torch.nn.functional` (broadcasting, reductions, defaults).
 */
import { pointwiseBulk } from './elementwise';
import type { LossImplementation } from './types';
import { expectParamRange } from './validate';

/** `F.mse_loss`: (input - target)^2. */
const mse: LossImplementation = {
  id: 'mse-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) =>
    pointwiseBulk(input, target, params, (x, y, loss, grad) => {
      for (let i = 0; i < x.length; i++) {
        const d = x[i] - y[i];
        loss[i] = d * d;
        grad[i] = 2 * d;
      }
    }),
};

/** `F.l1_loss`: |input - target|; the gradient at 0 is 0, as in PyTorch. */
const l1: LossImplementation = {
  id: 'l1-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) =>
    pointwiseBulk(input, target, params, (x, y, loss, grad) => {
      for (let i = 0; i < x.length; i++) {
        const d = x[i] - y[i];
        loss[i] = Math.abs(d);
        grad[i] = d > 0 ? 1 : d < 0 ? -1 : 0;
      }
    }),
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

/** `F.huber_loss`: quadratic within `delta`, linear beyond it (delta > 0). */
const huber: LossImplementation = {
  id: 'huber-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const delta = params.delta as number;
    expectParamRange(delta, 'delta', 0, Infinity, true);
    return pointwiseBulk(input, target, params, (x, y, loss, grad) => {
      // Branch-free (random residuals defeat the branch predictor): with c = min(|d|, δ),
      // c·(|d| − c/2) is ½d² inside δ and δ(|d| − δ/2) beyond; the gradient clamps d to [−δ, δ].
      for (let i = 0; i < x.length; i++) {
        const d = x[i] - y[i];
        const a = Math.abs(d);
        const c = Math.min(a, delta);
        loss[i] = c * (a - 0.5 * c);
        grad[i] = Math.max(-delta, Math.min(delta, d));
      }
    });
  },
};

/**
 * `F.smooth_l1_loss`: quadratic (divided by beta) within `beta`, linear beyond it.
 * beta = 0 gives |input - target|; PyTorch's backward then puts -1 (not 0) at a zero
 * residual (`x <= -beta` is tested first), which is mirrored here.
 */
const smoothL1: LossImplementation = {
  id: 'smooth-l1-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const beta = params.beta as number;
    expectParamRange(beta, 'beta', 0, Infinity);
    return pointwiseBulk(input, target, params, (x, y, loss, grad) => {
      for (let i = 0; i < x.length; i++) {
        const d = x[i] - y[i];
        const a = Math.abs(d);
        loss[i] = a < beta ? (0.5 * a * a) / beta : a - 0.5 * beta;
        grad[i] = d <= -beta ? -1 : d >= beta ? 1 : d / beta;
      }
    });
  },
};

export const REGRESSION_KERNELS: readonly LossImplementation[] = [mse, l1, huber, smoothL1];
