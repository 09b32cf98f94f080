/**
 * Numeric kernels: probabilistic and divergence losses (kl_div, poisson_nll_loss,
 * gaussian_nll_loss), with the semantics of `torch.nn.functional`.
 */
import { pointwiseFused, pointwiseLoss, type PointwiseKernel } from './elementwise';
import { simdOr } from './simd/pointwise-simd';
import { LossInputError } from './errors';
import { defineMemoized, readReduction, reduceByMean } from './reduction';
import { broadcastShapes, broadcastTo, reduceToShape, sameShape, shapeText } from './tensor';
import type { LossImplementation, LossResult, TypedTensor } from './types';
import { expectInRange, expectNonNegative, expectParamRange, type ChecksNaN } from './validate';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * kl_div's pointwise loss t·(log t − x), with 0·log 0 = 0 (xlogy), and gradient −t. The fast loop
 * takes log(t + [t = 0]), so a zero target gives t·log 1 = ±0 with no branch (zeros are frequent
 * and irregular in one-hot or sparse targets); a nonzero one is the plain formula. The loss of a
 * ±0 target may then differ from `values` in the sign of a zero, which no sum sees. The sum is NaN
 * whenever x or t is NaN, or t < 0 (log of a negative number). Long inputs take the SIMD loop
 * (src/losses/simd), whose logarithm is Math.log's bit for bit; the lanes it leaves (a negative,
 * subnormal, infinite or NaN target) make its sum NaN, and this loop reruns.
 */
const KL: PointwiseKernel = {
  valueGrad: simdOr(
    'klDiv',
    (x, t, grad, scale) => {
      let s = 0;
      for (let i = 0; i < x.length; i++) {
        const ti = t[i];
        s += ti * Math.log(ti + +(ti === 0)) - ti * x[i];
        grad[i] = -ti * scale;
      }
      return s;
    },
    true,
  ),
  values(x, t, out) {
    for (let i = 0; i < x.length; i++) {
      const ti = t[i];
      out[i] = (ti === 0 ? 0 : ti * Math.log(ti)) - ti * x[i];
    }
  },
};

/** kl_div with log_target: e^t·(t − x), gradient −e^t. NaN whenever x or t is. */
const KL_LOG_TARGET: PointwiseKernel = {
  valueGrad(x, t, grad, scale) {
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      const et = Math.exp(t[i]);
      s += et * (t[i] - x[i]);
      grad[i] = -et * scale;
    }
    return s;
  },
  values(x, t, out) {
    for (let i = 0; i < x.length; i++) out[i] = Math.exp(t[i]) * (t[i] - x[i]);
  },
};

/**
 * F.kl_div: pointwise target·(log target − input), reduced by 'mean', 'batchmean', 'sum' or 'none'.
 * One pass (`pointwiseFused`); the check that probabilities are ≥ 0 runs only when the sum is NaN.
 */
const klDiv: LossImplementation & ChecksNaN = {
  id: 'kl-div',
  gradInput: 'input',
  checksNaN: true,
  kernel: ({ input, target }, params) => {
    const reduction = params.reduction ?? 'mean';
    if (reduction !== 'mean' && reduction !== 'batchmean' && reduction !== 'sum' && reduction !== 'none') {
      throw new LossInputError(
        `reduction: expected 'mean', 'batchmean', 'sum' or 'none', found ${JSON.stringify(reduction)}`,
        'reduction',
      );
    }
    const logTarget = params.log_target as boolean;
    const inner = reduction === 'batchmean' ? 'sum' : reduction;
    let r: LossResult;
    if (logTarget) r = pointwiseFused(input, target, { reduction: inner }, KL_LOG_TARGET);
    else {
      const checkTarget = () => expectNonNegative(target, 'target', 'probabilities >= 0 (pass log_target=True for log-probabilities)');
      try {
        r = pointwiseFused(input, target, { reduction: inner }, KL, 0, ['input', 'target'], checkTarget);
      } catch (e) {
        checkTarget(); // a negative probability is reported before a shape error, as when it was checked first
        throw e;
      }
    }
    if (reduction !== 'batchmean' || input.shape.length === 0) return r;
    const b = input.shape[0];
    const g = r.grad.data;
    for (let i = 0; i < g.length; i++) g[i] /= b;
    r.value = (r.value as number) / b;
    defineMemoized(r, 'contributions', () => {
      const el = r.elements.data;
      const c = new Float64Array(el.length);
      for (let i = 0; i < c.length; i++) c[i] = el[i] / b;
      return { shape: r.elements.shape, data: c };
    });
    return r;
  },
};

/**
 * Jensen–Shannon divergence between distributions along the last axis:
 * ½·KL(p‖m) + ½·KL(q‖m) with m = (p + q)/2, natural log, 0·log 0 = 0.
 * d/dp_i = ½·log(p_i / m_i) (−∞ where p_i = 0 < q_i).
 */
const jsDivergence: LossImplementation = {
  id: 'js-divergence',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const reduction = readReduction(params);
    if (!sameShape(input.shape, target.shape)) {
      throw new LossInputError(`target: expected the shape of input ${shapeText(input.shape)}, found ${shapeText(target.shape)}`, 'target');
    }
    expectInRange(input, 'input', 0, 1);
    expectInRange(target, 'target', 0, 1);
    const C = input.shape.length === 0 ? 1 : input.shape[input.shape.length - 1];
    // One row per position of the leading dimensions (C = 0 leaves rows of nothing: JS = 0).
    let rows = 1;
    for (let d = 0; d < input.shape.length - 1; d++) rows *= input.shape[d];
    const elems = new Float64Array(rows);
    const grad = new Float64Array(input.data.length);
    const p = input.data;
    const q = target.data;
    for (let r = 0; r < rows; r++) {
      let acc = 0;
      for (let k = r * C, end = k + C; k < end; k++) {
        const m = 0.5 * (p[k] + q[k]);
        if (p[k] > 0) acc += p[k] * Math.log(p[k] / m);
        if (q[k] > 0) acc += q[k] * Math.log(q[k] / m);
        grad[k] = m > 0 ? 0.5 * Math.log(p[k] / m) : 0;
      }
      elems[r] = 0.5 * acc;
    }
    return reduceByMean({ shape: input.shape.slice(0, -1), data: elems }, grad, input.shape, reduction, 'input');
  },
};

/** F.poisson_nll_loss: exp(x) − t·x (log_input) or x − t·log(x + eps), plus Stirling's term where t > 1 (full). */
const poissonNll: LossImplementation = {
  id: 'poisson-nll-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const logInput = params.log_input as boolean;
    const full = params.full as boolean;
    const eps = params.eps as number;
    expectParamRange(eps, 'eps', 0, Infinity);
    expectNonNegative(target, 'target', 'non-negative counts');
    if (!logInput) expectNonNegative(input, 'input', 'non-negative rates (log_input=False)');
    return pointwiseLoss(input, target, params, (x, t, out) => {
      let l: number;
      if (logInput) {
        const ex = Math.exp(x);
        l = ex - t * x;
        out[1] = ex - t;
      } else {
        l = x - t * Math.log(x + eps);
        out[1] = 1 - t / (x + eps);
      }
      if (full && t > 1) l += t * Math.log(t) - t + 0.5 * Math.log(2 * Math.PI * t);
      out[0] = l;
    });
  },
};

/**
 * The shape `var` takes in F.gaussian_nll_loss: the input's shape, the input's shape
 * without its last dimension (unsqueezed), or that with a last dimension of 1.
 */
function gaussianVarShape(input: TypedTensor, v: TypedTensor): number[] {
  const s = input.shape;
  if (sameShape(v.shape, s)) return v.shape;
  const lead = s.slice(0, -1);
  if (s.length > 0 && sameShape(v.shape, lead)) return [...lead, 1];
  if (s.length > 0 && v.shape.length === s.length && sameShape(v.shape.slice(0, -1), lead) && v.shape[v.shape.length - 1] === 1) {
    return v.shape;
  }
  throw new LossInputError(
    `var: expected the input's shape ${shapeText(s)}, ${shapeText(lead)} (one variance per sample) or ${shapeText([...lead, 1])}, found shape ${shapeText(v.shape)}`,
    'var',
  );
}

/** F.gaussian_nll_loss: ½(log max(var, eps) + (x − t)² / max(var, eps)) [+ ½ log 2π]. */
const gaussianNll: LossImplementation = {
  id: 'gaussian-nll-loss',
  gradInput: 'input',
  kernel: ({ input, target, var: variance }, params): LossResult => {
    const reduction = readReduction(params);
    const full = params.full as boolean;
    const eps = params.eps as number;
    expectParamRange(eps, 'eps', 0, Infinity, true);
    const vShape = gaussianVarShape(input, variance);
    expectNonNegative(variance, 'var', 'non-negative variances');
    const v: TypedTensor = { shape: vShape, data: variance.data };
    const shape = broadcastShapes(broadcastShapes(input.shape, target.shape, 'input', 'target'), vShape, 'input', 'var');
    const x = broadcastTo(input, shape).data;
    const t = broadcastTo(target, shape).data;
    const vd = broadcastTo(v, shape).data;
    const n = x.length;
    const loss = new Float64Array(n);
    const grad = new Float64Array(n);
    const c = full ? HALF_LOG_2PI : 0;
    for (let i = 0; i < n; i++) {
      const vi = Math.max(vd[i], eps);
      const d = x[i] - t[i];
      loss[i] = 0.5 * (Math.log(vi) + (d * d) / vi) + c;
      grad[i] = d / vi;
    }
    const r = reduceByMean({ shape, data: loss }, grad, shape, reduction, 'input');
    if (!sameShape(shape, input.shape)) r.grad = reduceToShape(r.grad, input.shape);
    return r;
  },
};

export const DIVERGENCE_KERNELS: readonly LossImplementation[] = [klDiv, jsDivergence, poissonNll, gaussianNll];
