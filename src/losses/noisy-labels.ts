/**
 * Numeric kernels: losses for imbalanced multi-label data and for noisy labels, each as its
 * authors' reference code computes it (none ships in torch):
 *
 * - asymmetric-loss (ASL, Ridnik et al. 2021): Alibaba-MIIL/ASL `AsymmetricLoss`, sigmoid
 *   logits and multi-hot targets, returning `-loss.sum()` (no reduction argument);
 * - symmetric-cross-entropy (SCE, Wang et al. 2019): α·CE + β·RCE, where RCE is the cross-entropy
 *   with prediction and label swapped and log 0 replaced by A;
 * - generalized-cross-entropy (GCE / L_q, Zhang & Sabuncu 2018): (1 − p_y^q)/q.
 *
 * SCE and GCE take class-index targets with input (C), (N, C) or (N, C, d1), like cross_entropy.
 */
import { classLayout, finishReduction, softmaxIndexRows, type SoftmaxRowLoss } from './classification';
import { LossInputError } from './errors';
import { readReduction, type Reduction } from './reduction';
import { sigmoid } from './softmax';
import { sameShape, shapeText } from './tensor';
import type { LossImplementation, LossResult, TypedTensor } from './types';
import { expectFinite, expectInRange, expectParamRange, expectSameShape } from './validate';

/** A class-index loss computed row by row from the softmax of the logits (finite logits only). */
export function softmaxIndexLoss(input: TypedTensor, target: TypedTensor, reduction: Reduction, row: SoftmaxRowLoss): LossResult {
  const L = classLayout(input);
  if (!sameShape(target.shape, L.elemShape)) {
    throw new LossInputError(
      `target: expected class indices of shape ${shapeText(L.elemShape)} for input ${shapeText(input.shape)}, found shape ${shapeText(target.shape)}`,
      'target',
    );
  }
  expectFinite(input, 'input');
  return softmaxIndexRows(input, target, L, reduction, row);
}

/** The reference's floor on the predicted probabilities inside RCE (`pred.clamp(min=1e-7)`). */
const SCE_PROB_FLOOR = 1e-7;

/**
 * SCE: α·CE + β·RCE per sample, RCE = −Σ_k max(p_k, 1e-7)·log q_k with log q_k = A for k ≠ y and
 * 0 for the true class, i.e. −A·Σ_{k≠y} max(p_k, 1e-7). The CE term is the exact cross-entropy.
 */
const symmetricCrossEntropy: LossImplementation = {
  id: 'symmetric-cross-entropy',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const alpha = params.alpha as number;
    const beta = params.beta as number;
    const A = params.A as number;
    expectParamRange(alpha, 'alpha', 0, Infinity);
    expectParamRange(beta, 'beta', 0, Infinity);
    if (!(A < 0) || !Number.isFinite(A)) throw new LossInputError(`A: expected a finite negative number (log 0 replaced by A), found ${A}`, 'A');
    return softmaxIndexLoss(input, target, readReduction(params), (g, base, end, inner, py, c, s) => {
      // Σ over the unclamped wrong classes (they carry the gradient) and the count of clamped ones
      let kept = 0;
      let floored = 0;
      for (let p = base; p < end; p += inner) {
        if (p === py) continue;
        if (g[p] >= SCE_PROB_FLOOR) kept += g[p];
        else floored++;
      }
      const rce = -A * (kept + floored * SCE_PROB_FLOOR);
      // d CE/dx_j = p_j − δ_jy;  d RCE/dx_j = −A·(p_j·[j kept] − p_j·kept)
      const a = alpha * s;
      const b = -beta * A * s;
      for (let p = base; p < end; p += inner) {
        const pj = g[p];
        const inKept = p !== py && pj >= SCE_PROB_FLOOR ? 1 : 0;
        g[p] = a * pj + b * pj * (inKept - kept);
      }
      g[py] -= a;
      return alpha * c + beta * rce;
    });
  },
};

/** GCE / L_q: (1 − p_y^q)/q, with p_y^q = exp(−q·c) so that tiny p_y neither underflows nor gives 0·∞. */
const generalizedCrossEntropy: LossImplementation = {
  id: 'generalized-cross-entropy',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const q = params.q as number;
    expectParamRange(q, 'q', 0, 1, true);
    return softmaxIndexLoss(input, target, readReduction(params), (g, base, end, inner, py, c, s) => {
      const pq = Math.exp(-q * c);
      // d/dx_j (1 − p_y^q)/q = −p_y^q·(δ_jy − p_j)
      const k = pq * s;
      for (let p = base; p < end; p += inner) g[p] *= k;
      g[py] -= k;
      return -Math.expm1(-q * c) / q;
    });
  },
};

/**
 * ASL as Alibaba-MIIL/ASL `AsymmetricLoss.forward`: p = σ(x); p_neg = min(1 − p + clip, 1);
 * loss = −Σ w·[y·log max(p, eps) + (1 − y)·log max(p_neg, eps)], w = (1 − p_t)^(γ₊y + γ₋(1 − y)),
 * p_t = p·y + p_neg·(1 − y). With disable_torch_grad_focal_loss (the default) w is computed without
 * autograd, so the gradient treats it as a constant; otherwise it also flows through w.
 */
const asymmetricLoss: LossImplementation = {
  id: 'asymmetric-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const gammaNeg = params.gamma_neg as number;
    const gammaPos = params.gamma_pos as number;
    const clip = params.clip as number;
    const eps = params.eps as number;
    const detach = params.disable_torch_grad_focal_loss as boolean;
    expectParamRange(gammaNeg, 'gamma_neg', 0, Infinity);
    expectParamRange(gammaPos, 'gamma_pos', 0, Infinity);
    expectParamRange(clip, 'clip', 0, 1);
    expectParamRange(eps, 'eps', 0, 1, true);
    expectSameShape(input, target, 'input', 'target');
    expectFinite(input, 'input');
    expectInRange(target, 'target', 0, 1);
    const clipOn = clip > 0;
    const focus = gammaNeg > 0 || gammaPos > 0;
    const xd = input.data;
    const yd = target.data;
    const n = xd.length;
    const elems = new Float64Array(n);
    const g = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const y = yd[i];
      const p = sigmoid(xd[i]);
      const dp = p * (1 - p); // dσ/dx
      // 1 − p as the reference computes it (not σ(−x)), then the probability shift
      let pn = 1 - p;
      let dpn = -dp;
      if (clipOn) {
        pn += clip;
        if (pn > 1) {
          pn = 1;
          dpn = 0;
        }
      }
      const posOk = p >= eps;
      const negOk = pn >= eps;
      const ce = y * Math.log(posOk ? p : eps) + (1 - y) * Math.log(negOk ? pn : eps);
      const dce = y * (posOk ? 1 - p : 0) + (1 - y) * (negOk ? dpn / pn : 0);
      let w = 1;
      let dw = 0;
      if (focus) {
        const base = 1 - (p * y + pn * (1 - y));
        const gamma = gammaPos * y + gammaNeg * (1 - y);
        w = Math.pow(base, gamma);
        if (!detach && gamma !== 0) {
          const dbase = -(y * dp + (1 - y) * dpn);
          if (dbase !== 0) dw = gamma * Math.pow(base, gamma - 1) * dbase;
        }
      }
      elems[i] = -ce * w;
      g[i] = -(dce * w + ce * dw);
    }
    return finishReduction(input.shape, elems, g, input.shape, 'sum', 1, 'input');
  },
};

export const NOISY_LABELS_KERNELS: readonly LossImplementation[] = [asymmetricLoss, symmetricCrossEntropy, generalizedCrossEntropy];
