/**
 * Numeric kernels: task-specific losses (multi-bin angle regression, Re-ID
 * verification, face-landmark wing losses, sequence-level objectives, knowledge
 * distillation). Each follows the formula in its catalog entry; the fixture script
 * writes the same formula in torch and autograd checks the gradients.
 */
import { LossInputError } from './errors';
import { pointwiseLoss } from './elementwise';
import { expectPerSample } from './generative';
import { readReduction, reduceByMean, reduceByWeightedMean } from './reduction';
import { softmaxInto } from './softmax';
import { shapeText } from './tensor';
import type { LossImplementation, TypedTensor } from './types';
import { expectFinite, expectIndices, expectInRange, expectParamRange, expectRank, expectSameShape } from './validate';

const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** Wraps an angle to (−π, π]. */
function wrapAngle(x: number): number {
  const twoPi = 2 * Math.PI;
  let y = x - twoPi * Math.round(x / twoPi);
  if (y <= -Math.PI) y += twoPi;
  return y;
}

/**
 * Multi-bin orientation loss (Mousavian et al. 2017). input (N, B, 3) holds per bin
 * [confidence logit, cos Δ, sin Δ]; target θ (N) in radians. Bin i is centred at 2πi/B and
 * covers θ when |wrap(θ − c_i)| ≤ (1 + overlap)·π/B. Loss per sample:
 * CE(logits, nearest bin) + w·mean over covering bins of (1 − cos(θ − c_i − atan2(sin, cos))).
 */
const multiBin: LossImplementation = {
  id: 'multi-bin-angle-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const reduction = readReduction(params);
    const overlap = params.overlap as number;
    const w = params.w as number;
    expectParamRange(overlap, 'overlap', 0, 1);
    expectParamRange(w, 'w', 0, Infinity);
    expectRank(input, 'input', [3], '3-D (N, B, 3): per bin [logit, cos, sin]');
    const [n, b, k] = input.shape;
    if (k !== 3) throw new LossInputError(`input: expected last dimension 3 ([logit, cos, sin]), found ${shapeText(input.shape)}`, 'input');
    if (b < 1) throw new LossInputError(`input: expected at least one bin, found ${shapeText(input.shape)}`, 'input');
    expectPerSample(target, 'target', n, 'input');
    expectFinite(target, 'target');
    const x = input.data;
    const half = ((1 + overlap) * Math.PI) / b;
    const logits = new Float64Array(b);
    const probs = new Float64Array(b);
    const loss = new Float64Array(n);
    const grad = new Float64Array(x.length);
    for (let s = 0; s < n; s++) {
      const theta = target.data[s];
      const base = s * b * 3;
      for (let i = 0; i < b; i++) logits[i] = x[base + 3 * i];
      const lse = softmaxInto(logits, probs, 0, b, 1);
      let nearest = 0;
      let best = Infinity;
      let covering = 0;
      for (let i = 0; i < b; i++) {
        const dist = Math.abs(wrapAngle(theta - (2 * Math.PI * i) / b));
        if (dist < best) {
          best = dist;
          nearest = i;
        }
        if (dist <= half) covering++;
      }
      let l = lse - logits[nearest];
      for (let i = 0; i < b; i++) grad[base + 3 * i] = probs[i] - (i === nearest ? 1 : 0);
      const scale = w / covering;
      for (let i = 0; i < b; i++) {
        const ci = (2 * Math.PI * i) / b;
        if (Math.abs(wrapAngle(theta - ci)) > half) continue;
        const c = x[base + 3 * i + 1];
        const sn = x[base + 3 * i + 2];
        const r2 = c * c + sn * sn;
        if (r2 === 0) {
          throw new LossInputError(`input: (cos, sin) of bin ${i} in sample ${s} is (0, 0), which has no angle`, 'input');
        }
        const u = theta - ci - Math.atan2(sn, c);
        l += scale * (1 - Math.cos(u));
        const su = Math.sin(u);
        grad[base + 3 * i + 1] = (scale * su * sn) / r2;
        grad[base + 3 * i + 2] = (-scale * su * c) / r2;
      }
      loss[s] = l;
    }
    return reduceByMean({ shape: [n], data: loss }, grad, [...input.shape], reduction, 'input');
  },
};

/**
 * Verification loss (Re-ID): z = W·(f_i − f_j)² + b, two-way softmax cross-entropy on the
 * same/different label. Gradient w.r.t. the first embedding.
 */
const verification: LossImplementation = {
  id: 'verification-loss',
  gradInput: 'input',
  kernel: ({ input, other, classifier_weight: weight, classifier_bias: bias, target }, params) => {
    const reduction = readReduction(params);
    expectRank(input, 'input', [2], '2-D (N, D) embeddings');
    expectSameShape(input, other, 'input', 'other');
    const [n, d] = input.shape;
    if (weight.shape.length !== 2 || weight.shape[0] !== 2 || weight.shape[1] !== d) {
      throw new LossInputError(`classifier_weight: expected shape (2, ${d}), found ${shapeText(weight.shape)}`, 'classifier_weight');
    }
    if (bias && (bias.shape.length !== 1 || bias.shape[0] !== 2)) {
      throw new LossInputError(`classifier_bias: expected shape (2,), found ${shapeText(bias.shape)}`, 'classifier_bias');
    }
    expectPerSample(target, 'target', n, 'input');
    expectIndices(target, 'target', 0, 2);
    const loss = new Float64Array(n);
    const grad = new Float64Array(n * d);
    const z = new Float64Array(2);
    const p = new Float64Array(2);
    for (let s = 0; s < n; s++) {
      z[0] = bias ? bias.data[0] : 0;
      z[1] = bias ? bias.data[1] : 0;
      for (let j = 0; j < d; j++) {
        const diff = input.data[s * d + j] - other.data[s * d + j];
        const sq = diff * diff;
        z[0] += weight.data[j] * sq;
        z[1] += weight.data[d + j] * sq;
      }
      const lse = softmaxInto(z, p, 0, 2, 1);
      const y = target.data[s];
      loss[s] = lse - z[y];
      const g0 = p[0] - (y === 0 ? 1 : 0);
      const g1 = p[1] - (y === 1 ? 1 : 0);
      for (let j = 0; j < d; j++) {
        const diff = input.data[s * d + j] - other.data[s * d + j];
        grad[s * d + j] = 2 * diff * (g0 * weight.data[j] + g1 * weight.data[d + j]);
      }
    }
    return reduceByMean({ shape: [n], data: loss }, grad, [n, d], reduction, 'input');
  },
};

/** Wing loss: w·ln(1 + |x|/ε) for |x| < w, |x| − C beyond, C = w − w·ln(1 + w/ε). */
const wing: LossImplementation = {
  id: 'wing-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const w = params.w as number;
    const eps = params.epsilon as number;
    expectParamRange(w, 'w', 0, Infinity, true);
    expectParamRange(eps, 'epsilon', 0, Infinity, true);
    const c = w - w * Math.log1p(w / eps);
    return pointwiseLoss(input, target, params, (p, t, out) => {
      const x = p - t;
      const a = Math.abs(x);
      if (a < w) {
        out[0] = w * Math.log1p(a / eps);
        out[1] = (w * sign(x)) / (eps + a);
      } else {
        out[0] = a - c;
        out[1] = sign(x);
      }
    });
  },
};

/**
 * Adaptive wing loss (Wang et al. 2019) on heatmaps with targets y in [0, 1]:
 * ω·ln(1 + (|y − ŷ|/ε)^(α − y)) below θ, A·|y − ŷ| − C above.
 */
const adaptiveWing: LossImplementation = {
  id: 'adaptive-wing-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const omega = params.omega as number;
    const theta = params.theta as number;
    const eps = params.epsilon as number;
    const alpha = params.alpha as number;
    expectParamRange(omega, 'omega', 0, Infinity, true);
    expectParamRange(theta, 'theta', 0, Infinity, true);
    expectParamRange(eps, 'epsilon', 0, Infinity, true);
    expectInRange(target, 'target', 0, 1);
    if (!(alpha > 1)) {
      throw new LossInputError(`alpha: expected a number greater than 1 (so that α − y > 0 for y in [0, 1]), found ${alpha}`, 'alpha');
    }
    return pointwiseLoss(input, target, params, (p, y, out) => {
      const d = p - y;
      const a = Math.abs(d);
      const e = alpha - y;
      if (a < theta) {
        const r = a / eps;
        const re = Math.pow(r, e);
        out[0] = omega * Math.log1p(re);
        out[1] = r === 0 ? 0 : ((omega * e * (re / r)) / (1 + re) / eps) * sign(d);
      } else {
        const te = Math.pow(theta / eps, e);
        const A = ((omega * e * Math.pow(theta / eps, e - 1)) / (1 + te)) / eps;
        const C = theta * A - omega * Math.log1p(te);
        out[0] = A * a - C;
        out[1] = A * sign(d);
      }
    });
  },
};

/**
 * Minimum risk training: expected cost under Q = softmax(α·log p(y|x)) over K candidates,
 * per source sentence. Gradient w.r.t. the candidates' sequence log-probabilities.
 */
const mrt: LossImplementation = {
  id: 'minimum-risk-training',
  gradInput: 'input',
  kernel: ({ input, cost }, params) => {
    const reduction = readReduction(params);
    const alpha = params.alpha as number;
    expectParamRange(alpha, 'alpha', 0, Infinity, true);
    expectRank(input, 'input', [1, 2], '1-D (K) or 2-D (N, K) candidate log-probabilities');
    expectSameShape(input, cost, 'input', 'cost');
    expectFinite(input, 'input');
    const batched = input.shape.length === 2;
    const n = batched ? input.shape[0] : 1;
    const k = input.shape[batched ? 1 : 0];
    const scaled = new Float64Array(input.data.length);
    for (let i = 0; i < scaled.length; i++) scaled[i] = alpha * input.data[i];
    const q = new Float64Array(scaled.length);
    const loss = new Float64Array(n);
    const grad = new Float64Array(scaled.length);
    for (let s = 0; s < n; s++) {
      softmaxInto(scaled, q, s * k, k, 1);
      let risk = 0;
      for (let j = s * k; j < (s + 1) * k; j++) risk += q[j] * cost.data[j];
      loss[s] = risk;
      for (let j = s * k; j < (s + 1) * k; j++) grad[j] = alpha * q[j] * (cost.data[j] - risk);
    }
    return reduceByMean({ shape: batched ? [n] : [], data: loss }, grad, [...input.shape], reduction, 'input');
  },
};

/**
 * fairseq's label-smoothed NLL on log-probabilities: (1 − ε − ε/(V−1))·nll + ε/(V−1)·Σ_v (−log p_v),
 * padding (ignore_index) excluded; 'mean' divides by the number of non-padding tokens.
 */
const labelSmoothedNll: LossImplementation = {
  id: 'label-smoothed-sequence-nll',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const reduction = readReduction(params);
    const eps = params.epsilon as number;
    const ignore = params.ignore_index as number;
    expectParamRange(eps, 'epsilon', 0, 1);
    expectRank(input, 'input', [2, 3], '2-D (M, V) or 3-D (N, T, V) log-probabilities');
    const v = input.shape[input.shape.length - 1];
    const lead = input.shape.slice(0, -1);
    if (target.shape.length !== lead.length || target.shape.some((d, i) => d !== lead[i])) {
      throw new LossInputError(`target: expected shape ${shapeText(lead)} (input without its vocabulary axis), found ${shapeText(target.shape)}`, 'target');
    }
    if (v < 2) throw new LossInputError(`input: expected a vocabulary of at least 2, found ${v}`, 'input');
    expectIndices(target, 'target', 0, v, ignore);
    const epsI = eps / (v - 1);
    const m = target.data.length;
    const loss = new Float64Array(m);
    const grad = new Float64Array(input.data.length);
    let count = 0;
    for (let t = 0; t < m; t++) {
      const y = target.data[t];
      if (y === ignore) continue;
      count++;
      let smooth = 0;
      for (let j = t * v; j < (t + 1) * v; j++) {
        smooth -= input.data[j];
        grad[j] = -epsI;
      }
      const nll = -input.data[t * v + y];
      loss[t] = (1 - eps - epsI) * nll + epsI * smooth;
      grad[t * v + y] -= 1 - eps - epsI;
    }
    return reduceByWeightedMean({ shape: [...target.shape], data: loss }, count, grad, [...input.shape], reduction, 'input');
  },
};

/**
 * Knowledge distillation (Hinton et al. 2015): α·T²·KL(softmax(t/T) ‖ softmax(s/T)) + (1 − α)·CE(s, y)
 * per sample; without a target, T²·KL alone. Gradient w.r.t. the student logits.
 */
const distillation: LossImplementation = {
  id: 'knowledge-distillation-loss',
  gradInput: 'input',
  kernel: ({ input, teacher_logits: teacher, target }, params) => {
    const reduction = readReduction(params);
    const temp = params.temperature as number;
    const alphaParam = params.alpha as number;
    expectParamRange(temp, 'temperature', 0, Infinity, true);
    expectParamRange(alphaParam, 'alpha', 0, 1);
    expectRank(input, 'input', [2], '2-D (N, C) student logits');
    expectSameShape(input, teacher, 'input', 'teacher_logits');
    const [n, c] = input.shape;
    let labels: TypedTensor | undefined;
    if (target) {
      expectPerSample(target, 'target', n, 'input');
      expectIndices(target, 'target', 0, c);
      labels = target;
    }
    const alpha = labels ? alphaParam : 1;
    const sT = new Float64Array(input.data.length);
    const tT = new Float64Array(input.data.length);
    for (let i = 0; i < sT.length; i++) {
      sT[i] = input.data[i] / temp;
      tT[i] = teacher.data[i] / temp;
    }
    const ps = new Float64Array(sT.length);
    const pt = new Float64Array(sT.length);
    const p1 = new Float64Array(sT.length);
    const loss = new Float64Array(n);
    const grad = new Float64Array(sT.length);
    for (let s = 0; s < n; s++) {
      const lseS = softmaxInto(sT, ps, s * c, c, 1);
      const lseT = softmaxInto(tT, pt, s * c, c, 1);
      let kl = 0;
      for (let j = s * c; j < (s + 1) * c; j++) {
        if (pt[j] > 0) kl += pt[j] * (tT[j] - lseT - (sT[j] - lseS));
      }
      let l = alpha * temp * temp * kl;
      for (let j = s * c; j < (s + 1) * c; j++) grad[j] = alpha * temp * (ps[j] - pt[j]);
      if (labels && alpha < 1) {
        const lse = softmaxInto(input.data, p1, s * c, c, 1);
        const y = labels.data[s];
        l += (1 - alpha) * (lse - input.data[s * c + y]);
        for (let j = s * c; j < (s + 1) * c; j++) grad[j] += (1 - alpha) * (p1[j] - (j === s * c + y ? 1 : 0));
      }
      loss[s] = l;
    }
    return reduceByMean({ shape: [n], data: loss }, grad, [n, c], reduction, 'input');
  },
};

export const TASK_SPECIFIC_KERNELS: readonly LossImplementation[] = [
  multiBin,
  verification,
  wing,
  adaptiveWing,
  mrt,
  labelSmoothedNll,
  distillation,
];
