/**
 * Numeric kernels: segmentation losses (overlap, Lovász, boundary and compound losses).
 *
 * Each follows the library or reference code its catalog entry names first:
 * segmentation_models_pytorch (Dice, Jaccard, Tversky, MCC, SoftBCE, SoftCE), MONAI
 * (generalized Dice), Berman's lovasz_losses.py, Kervadec's SurfaceLoss and the Keras
 * reference code of focal Tversky, combo and log-cosh Dice. Gradients are analytic and
 * taken with respect to the prediction (logits or probabilities, as the entry says).
 */
import { LossInputError } from './errors';
import { readReduction, reduceByMean, sum } from './reduction';
import { sigmoid, softplus } from './softmax';
import { broadcastShapes, broadcastTo, numel, shapeText } from './tensor';
import type { LossImplementation, LossResult, TypedTensor } from './types';
import { expectFinite, expectInRange, expectParamRange } from './validate';

function num(params: Readonly<Record<string, unknown>>, name: string): number {
  return params[name] as number;
}

/** Integer list from a tensor parameter (`classes`, `idc`), or null. */
function intList(v: unknown, name: string, hi: number): number[] | null {
  if (v === null || v === undefined) return null;
  const t = v as TypedTensor;
  const out: number[] = [];
  for (let i = 0; i < t.data.length; i++) {
    const c = t.data[i];
    if (!Number.isInteger(c) || c < 0 || c >= hi) {
      throw new LossInputError(`${name}: expected class indices in [0, ${hi}), found ${c}`, name);
    }
    out.push(c);
  }
  if (out.length === 0) throw new LossInputError(`${name}: expected at least one class index, found an empty list`, name);
  return out;
}

function expectSameNumel(a: TypedTensor, nameA: string, b: TypedTensor, nameB: string): void {
  if (a.data.length !== b.data.length || a.shape[0] !== b.shape[0]) {
    throw new LossInputError(
      `${nameB}: expected the same batch size and number of elements as ${nameA} ${shapeText(a.shape)}, found ${shapeText(b.shape)}`,
      nameB,
    );
  }
}

function expectBinaryOr(t: TypedTensor, name: string, ignore: number | null): void {
  for (let i = 0; i < t.data.length; i++) {
    const v = t.data[i];
    if (v === ignore) continue;
    if (!(v >= 0 && v <= 1)) {
      throw new LossInputError(`${name}: expected values in [0, 1]${ignore === null ? '' : ` or ignore_index ${ignore}`}, found ${v} at flat index ${i}`, name);
    }
  }
}

/** A scalar-valued result; `elements` are the parts it is built from, `contributions` their shares. */
function scalarResult(value: number, elements: Float64Array, shares: Float64Array, grad: Float64Array, predShape: number[], gradInput: string): LossResult {
  return {
    value,
    elements: { shape: [elements.length], data: elements },
    contributions: { shape: [shares.length], data: shares },
    gradInput,
    grad: { shape: predShape, data: grad },
  };
}

// ---------------------------------------------------------------------------------------------
// segmentation_models_pytorch: DiceLoss, JaccardLoss, TverskyLoss
// ---------------------------------------------------------------------------------------------

interface Overlap {
  alpha: number;
  beta: number;
  gamma: number;
}

/**
 * SMP's soft Tversky family. Probabilities o (after the activation when from_logits) and
 * targets t are laid out as (N, K, P); per class k over batch and pixels:
 * I = (Σo + Σt − Σ|o − t|) / 2, FP = Σo − I, FN = Σt − I,
 * score = (I + smooth) / max(I + α FP + β FN + smooth, eps).
 */
function smpOverlap(inputs: Readonly<Record<string, TypedTensor>>, params: Readonly<Record<string, unknown>>, ov: Overlap): LossResult {
  const { y_pred, y_true } = inputs;
  const mode = params.mode as string;
  const fromLogits = params.from_logits as boolean;
  const smooth = num(params, 'smooth');
  const eps = num(params, 'eps');
  const logLoss = params.log_loss as boolean;
  const ignore = params.ignore_index as number | null;
  expectParamRange(eps, 'eps', 0, Infinity);
  if (y_pred.shape.length < 2) throw new LossInputError(`y_pred: expected shape (N, C, ...), found ${shapeText(y_pred.shape)}`, 'y_pred');
  expectFinite(y_pred, 'y_pred');
  if (!fromLogits) expectInRange(y_pred, 'y_pred', 0, 1);
  const n = y_pred.shape[0];
  const c = y_pred.shape[1];
  const total = y_pred.data.length;
  if (mode === 'binary' && (params.classes !== null || params.class_weights !== null)) {
    const name = params.classes !== null ? 'classes' : 'class_weights';
    throw new LossInputError(`${name}: not supported with mode='binary' (SMP rejects it too)`, name);
  }
  // probabilities
  const prob = new Float64Array(total);
  const spatial = total / (n * c);
  if (fromLogits && mode === 'multiclass') {
    for (let b = 0; b < n; b++) {
      for (let p = 0; p < spatial; p++) {
        const base = b * c * spatial + p;
        let m = -Infinity;
        for (let k = 0; k < c; k++) m = Math.max(m, y_pred.data[base + k * spatial]);
        let s = 0;
        for (let k = 0; k < c; k++) s += (prob[base + k * spatial] = Math.exp(y_pred.data[base + k * spatial] - m));
        for (let k = 0; k < c; k++) prob[base + k * spatial] /= s;
      }
    }
  } else if (fromLogits) {
    for (let i = 0; i < total; i++) prob[i] = sigmoid(y_pred.data[i]);
  } else prob.set(y_pred.data);

  // layout (N, K, P) over the flat index of y_pred; tgt and keep in the same layout
  const K = mode === 'binary' ? 1 : c;
  const P = mode === 'binary' ? total / n : spatial;
  const tgt = new Float64Array(total);
  const keep = new Float64Array(total).fill(1);
  if (mode === 'multiclass') {
    if (y_true.data.length !== n * spatial || y_true.shape[0] !== n) {
      throw new LossInputError(`y_true: expected class indices of shape (N, ...) with ${n * spatial} values for y_pred ${shapeText(y_pred.shape)}, found ${shapeText(y_true.shape)}`, 'y_true');
    }
    for (let b = 0; b < n; b++) {
      for (let p = 0; p < spatial; p++) {
        const v = y_true.data[b * spatial + p];
        if (ignore !== null && v === ignore) {
          for (let k = 0; k < c; k++) keep[b * c * spatial + k * spatial + p] = 0;
          continue;
        }
        if (!Number.isInteger(v) || v < 0 || v >= c) {
          throw new LossInputError(`y_true: class index ${v} at flat index ${b * spatial + p} is out of range [0, ${c})`, 'y_true');
        }
        tgt[b * c * spatial + v * spatial + p] = 1;
      }
    }
  } else {
    if (mode === 'multilabel' && (y_true.shape.length !== y_pred.shape.length || y_true.shape.some((d, i) => d !== y_pred.shape[i]))) {
      throw new LossInputError(`y_true: expected the same shape as y_pred ${shapeText(y_pred.shape)} in multilabel mode, found ${shapeText(y_true.shape)}`, 'y_true');
    }
    expectSameNumel(y_pred, 'y_pred', y_true, 'y_true');
    expectBinaryOr(y_true, 'y_true', ignore);
    for (let i = 0; i < total; i++) {
      const v = y_true.data[i];
      if (ignore !== null && v === ignore) keep[i] = 0;
      else tgt[i] = v;
    }
  }
  // per-class sums (the layout index of element (b, k, p) is b*K*P + k*P + p = its flat index)
  const so = new Float64Array(K);
  const st = new Float64Array(K);
  const sd = new Float64Array(K);
  for (let b = 0; b < n; b++) {
    for (let k = 0; k < K; k++) {
      for (let p = 0; p < P; p++) {
        const i = b * K * P + k * P + p;
        const o = prob[i] * keep[i];
        so[k] += o;
        st[k] += tgt[i];
        sd[k] += Math.abs(o - tgt[i]);
      }
    }
  }
  const loss = new Float64Array(K);
  const dI = new Float64Array(K); // d loss_k / d I, d FP, d FN folded below
  const dFP = new Float64Array(K);
  const dFN = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const I = (so[k] + st[k] - sd[k]) / 2;
    const fp = so[k] - I;
    const fn = st[k] - I;
    const raw = I + ov.alpha * fp + ov.beta * fn + smooth;
    const den = Math.max(raw, eps);
    const score = (I + smooth) / den;
    if (!(st[k] > 0)) continue; // SMP zeroes classes without true pixels
    let dScore: number;
    if (logLoss) {
      loss[k] = -Math.log(Math.max(score, eps));
      dScore = score > eps ? -1 / score : 0;
    } else {
      loss[k] = 1 - score;
      dScore = -1;
    }
    const live = raw > eps ? 1 : 0;
    // score = (I + s) / den: d/dI = 1/den − (I+s)/den² · live; d/dFP = −(I+s) α / den² · live; ...
    dI[k] = dScore * (1 / den - ((I + smooth) / (den * den)) * live);
    dFP[k] = dScore * (-((I + smooth) * ov.alpha) / (den * den)) * live;
    dFN[k] = dScore * (-((I + smooth) * ov.beta) / (den * den)) * live;
  }
  // aggregation over (selected) classes
  const classes = intList(params.classes, 'classes', K);
  const weights = params.class_weights as TypedTensor | null;
  if (weights !== null && weights.data.length !== K) {
    throw new LossInputError(`class_weights: expected ${K} weights (one per class), found ${weights.data.length}`, 'class_weights');
  }
  const sel = classes ?? Array.from({ length: K }, (_, k) => k);
  const coef = new Float64Array(K); // d A / d loss_k, A the aggregated loss before gamma
  let wsum = 0;
  for (const k of sel) wsum += weights ? weights.data[k] : 1;
  if (!(wsum > 0)) throw new LossInputError(`class_weights: expected a positive sum over the selected classes, found ${wsum}`, 'class_weights');
  let A = 0;
  const elements = new Float64Array(sel.length);
  const shares = new Float64Array(sel.length);
  sel.forEach((k, r) => {
    const w = (weights ? weights.data[k] : 1) / wsum;
    coef[k] += w;
    A += w * loss[k];
    elements[r] = loss[k];
    shares[r] = w * loss[k];
  });
  const value = ov.gamma === 1 ? A : A ** ov.gamma;
  const outer = ov.gamma === 1 ? 1 : A > 0 ? ov.gamma * A ** (ov.gamma - 1) : 0;
  if (ov.gamma !== 1 && A > 0) for (let r = 0; r < shares.length; r++) shares[r] *= value / A;
  // d value / d o for each element, then through the ignore mask and the activation
  const go = new Float64Array(total);
  for (let b = 0; b < n; b++) {
    for (let k = 0; k < K; k++) {
      const ck = outer * coef[k];
      if (ck === 0) continue;
      for (let p = 0; p < P; p++) {
        const i = b * K * P + k * P + p;
        const o = prob[i] * keep[i];
        const diff = o - tgt[i];
        const dIdo = (1 - (diff > 0 ? 1 : diff < 0 ? -1 : 0)) / 2;
        // FP = Σo − I and FN = Σt − I
        go[i] = ck * (dI[k] * dIdo + dFP[k] * (1 - dIdo) - dFN[k] * dIdo) * keep[i];
      }
    }
  }
  const grad = new Float64Array(total);
  if (fromLogits && mode === 'multiclass') {
    for (let b = 0; b < n; b++) {
      for (let p = 0; p < spatial; p++) {
        const base = b * c * spatial + p;
        let dot = 0;
        for (let k = 0; k < c; k++) dot += go[base + k * spatial] * prob[base + k * spatial];
        for (let k = 0; k < c; k++) grad[base + k * spatial] = prob[base + k * spatial] * (go[base + k * spatial] - dot);
      }
    }
  } else if (fromLogits) {
    for (let i = 0; i < total; i++) grad[i] = go[i] * prob[i] * (1 - prob[i]);
  } else grad.set(go);
  return scalarResult(value, elements, shares, grad, y_pred.shape, 'y_pred');
}

const dice: LossImplementation = {
  id: 'dice-loss',
  gradInput: 'y_pred',
  kernel: (inputs, params) => smpOverlap(inputs, params, { alpha: 0.5, beta: 0.5, gamma: 1 }),
};

const jaccard: LossImplementation = {
  id: 'jaccard-loss',
  gradInput: 'y_pred',
  kernel: (inputs, params) => smpOverlap(inputs, params, { alpha: 1, beta: 1, gamma: 1 }),
};

const tversky: LossImplementation = {
  id: 'tversky-loss',
  gradInput: 'y_pred',
  kernel: (inputs, params) => {
    const alpha = num(params, 'alpha');
    const beta = num(params, 'beta');
    const gamma = num(params, 'gamma');
    expectParamRange(alpha, 'alpha', 0, Infinity);
    expectParamRange(beta, 'beta', 0, Infinity);
    expectParamRange(gamma, 'gamma', 0, Infinity, true);
    return smpOverlap(inputs, params, { alpha, beta, gamma });
  },
};

// ---------------------------------------------------------------------------------------------
// Keras reference code: focal Tversky, combo, log-cosh Dice, V-Net Dice (whole-tensor sums)
// ---------------------------------------------------------------------------------------------

/** y_true / y_pred of the same shape, y_pred probabilities in [0, 1]. */
function probPair(y_true: TypedTensor, y_pred: TypedTensor): void {
  if (y_true.shape.length !== y_pred.shape.length || y_true.shape.some((d, i) => d !== y_pred.shape[i])) {
    throw new LossInputError(`y_true: expected the same shape as y_pred ${shapeText(y_pred.shape)}, found ${shapeText(y_true.shape)}`, 'y_true');
  }
  if (y_pred.data.length === 0) throw new LossInputError('y_pred: expected at least one element, found none', 'y_pred');
  expectInRange(y_pred, 'y_pred', 0, 1);
  expectInRange(y_true, 'y_true', 0, 1);
}

/** Soft Dice (2Σtp + s) / (Σt + Σp + s) over every element, with d/dp written into `g`. */
function flatDice(t: Float64Array, p: Float64Array, smooth: number, g: Float64Array): number {
  let I = 0;
  let den = smooth;
  for (let i = 0; i < p.length; i++) {
    I += t[i] * p[i];
    den += t[i] + p[i];
  }
  if (den === 0) throw new LossInputError('y_pred: Dice is 0/0 when prediction and target are all zero and smooth is 0; use smooth > 0', 'y_pred');
  const numr = 2 * I + smooth;
  for (let i = 0; i < p.length; i++) g[i] = (2 * t[i] * den - numr) / (den * den);
  return numr / den;
}

/** Focal Tversky (Abraham & Khan 2019), as the authors' Keras code: (1 − TI)^gamma over the whole tensor. */
const focalTversky: LossImplementation = {
  id: 'focal-tversky-loss',
  gradInput: 'y_pred',
  kernel: ({ y_true, y_pred }, params) => {
    probPair(y_true, y_pred);
    const alpha = num(params, 'alpha');
    const gamma = num(params, 'gamma');
    const smooth = num(params, 'smooth');
    expectParamRange(alpha, 'alpha', 0, 1);
    expectParamRange(gamma, 'gamma', 0, Infinity, true);
    const t = y_true.data;
    const p = y_pred.data;
    let tp = 0;
    let fn = 0;
    let fp = 0;
    for (let i = 0; i < p.length; i++) {
      tp += t[i] * p[i];
      fn += t[i] * (1 - p[i]);
      fp += (1 - t[i]) * p[i];
    }
    const den = tp + alpha * fn + (1 - alpha) * fp + smooth;
    if (den === 0) throw new LossInputError('y_pred: the Tversky index is 0/0 (empty prediction and target, smooth 0); use smooth > 0', 'y_pred');
    const ti = (tp + smooth) / den;
    const base = 1 - ti;
    const value = Math.max(base, 0) ** gamma;
    const outer = base > 0 ? gamma * base ** (gamma - 1) : 0;
    const grad = new Float64Array(p.length);
    for (let i = 0; i < p.length; i++) {
      // d tp = t, d fn = −t, d fp = 1 − t
      const dden = t[i] - alpha * t[i] + (1 - alpha) * (1 - t[i]);
      const dti = (t[i] * den - (tp + smooth) * dden) / (den * den);
      grad[i] = -outer * dti;
    }
    return scalarResult(value, Float64Array.of(value), Float64Array.of(value), grad, y_pred.shape, 'y_pred');
  },
};

/** Combo loss (Taghanaki et al. 2019): alpha · weighted BCE − (1 − alpha) · Dice. */
const combo: LossImplementation = {
  id: 'combo-loss',
  gradInput: 'y_pred',
  kernel: ({ y_true, y_pred }, params) => {
    probPair(y_true, y_pred);
    const alpha = num(params, 'alpha');
    const beta = num(params, 'beta');
    const smooth = num(params, 'smooth');
    const eps = num(params, 'eps');
    expectParamRange(alpha, 'alpha', 0, 1);
    expectParamRange(beta, 'beta', 0, 1);
    expectParamRange(eps, 'eps', 0, 0.5);
    const t = y_true.data;
    const p = y_pred.data;
    const n = p.length;
    const grad = new Float64Array(n);
    const dsc = flatDice(t, p, smooth, grad);
    let ce = 0;
    for (let i = 0; i < n; i++) {
      const inside = p[i] >= eps && p[i] <= 1 - eps;
      const q = Math.min(Math.max(p[i], eps), 1 - eps);
      ce -= beta * t[i] * Math.log(q) + (1 - beta) * (1 - t[i]) * Math.log(1 - q);
      const dce = inside ? -(beta * t[i]) / q + ((1 - beta) * (1 - t[i])) / (1 - q) : 0;
      grad[i] = (alpha * dce) / n - (1 - alpha) * grad[i];
    }
    ce /= n;
    const elements = Float64Array.of(alpha * ce, -(1 - alpha) * dsc);
    return scalarResult(elements[0] + elements[1], elements, elements.slice(), grad, y_pred.shape, 'y_pred');
  },
};

/**
 * Sensitivity-specificity loss (Brosch et al. 2015): squared errors on the foreground, normalized
 * by its size and weighted by r, plus squared errors on the background normalized by its size.
 */
const sensitivitySpecificity: LossImplementation = {
  id: 'sensitivity-specificity-loss',
  gradInput: 'y_pred',
  kernel: ({ y_true, y_pred }, params) => {
    probPair(y_true, y_pred);
    const r = num(params, 'r');
    const smooth = num(params, 'smooth');
    expectParamRange(r, 'r', 0, 1);
    expectParamRange(smooth, 'smooth', 0, Infinity);
    const t = y_true.data;
    const p = y_pred.data;
    let fg = smooth;
    let bg = smooth;
    let efg = 0;
    let ebg = 0;
    for (let i = 0; i < p.length; i++) {
      const e = (t[i] - p[i]) ** 2;
      fg += t[i];
      bg += 1 - t[i];
      efg += e * t[i];
      ebg += e * (1 - t[i]);
    }
    if (fg === 0 || bg === 0) {
      throw new LossInputError(`y_true: the ${fg === 0 ? 'foreground' : 'background'} is empty and smooth is 0, so its term is 0/0; use smooth > 0`, 'y_true');
    }
    const elements = Float64Array.of((r * efg) / fg, ((1 - r) * ebg) / bg);
    const grad = new Float64Array(p.length);
    for (let i = 0; i < p.length; i++) {
      const de = -2 * (t[i] - p[i]);
      grad[i] = de * ((r * t[i]) / fg + ((1 - r) * (1 - t[i])) / bg);
    }
    return scalarResult(elements[0] + elements[1], elements, elements.slice(), grad, y_pred.shape, 'y_pred');
  },
};

/** log(cosh(x)) without overflow. */
function logCosh(x: number): number {
  const a = Math.abs(x);
  return a + Math.log1p(Math.exp(-2 * a)) - Math.LN2;
}

/** Log-cosh Dice (Jadon 2020): log cosh(1 − Dice), Dice with smooth over the whole tensor. */
const logCoshDice: LossImplementation = {
  id: 'log-cosh-dice-loss',
  gradInput: 'y_pred',
  kernel: ({ y_true, y_pred }, params) => {
    probPair(y_true, y_pred);
    const smooth = num(params, 'smooth');
    const grad = new Float64Array(y_pred.data.length);
    const x = 1 - flatDice(y_true.data, y_pred.data, smooth, grad);
    const th = Math.tanh(x);
    for (let i = 0; i < grad.length; i++) grad[i] *= -th;
    const value = logCosh(x);
    return scalarResult(value, Float64Array.of(value), Float64Array.of(value), grad, y_pred.shape, 'y_pred');
  },
};

/** V-Net Dice (Milletari et al. 2016): 1 − 2Σpg / (Σp² + Σg²), squared terms in the denominator. */
const vnetDice: LossImplementation = {
  id: 'vnet-dice-loss',
  gradInput: 'y_pred',
  kernel: ({ y_true, y_pred }, params) => {
    probPair(y_true, y_pred);
    const smooth = num(params, 'smooth');
    expectParamRange(smooth, 'smooth', 0, Infinity);
    const t = y_true.data;
    const p = y_pred.data;
    let I = 0;
    let den = smooth;
    for (let i = 0; i < p.length; i++) {
      I += p[i] * t[i];
      den += p[i] * p[i] + t[i] * t[i];
    }
    if (den === 0) throw new LossInputError('y_pred: V-Net Dice is 0/0 when prediction and target are all zero and smooth is 0; use smooth > 0', 'y_pred');
    const numr = 2 * I + smooth;
    const value = 1 - numr / den;
    const grad = new Float64Array(p.length);
    for (let i = 0; i < p.length; i++) grad[i] = -((2 * t[i] * den - numr * 2 * p[i]) / (den * den));
    return scalarResult(value, Float64Array.of(value), Float64Array.of(value), grad, y_pred.shape, 'y_pred');
  },
};

// ---------------------------------------------------------------------------------------------
// MONAI GeneralizedDiceLoss
// ---------------------------------------------------------------------------------------------

const generalizedDice: LossImplementation = {
  id: 'generalized-dice-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    if (input.shape.length < 2) throw new LossInputError(`input: expected shape (B, C, ...), found ${shapeText(input.shape)}`, 'input');
    if (target.shape.length !== input.shape.length || target.shape.some((d, i) => d !== input.shape[i])) {
      throw new LossInputError(`target: expected the same shape as input ${shapeText(input.shape)} (one-hot), found ${shapeText(target.shape)}`, 'target');
    }
    expectFinite(input, 'input');
    expectFinite(target, 'target');
    const useSigmoid = params.sigmoid as boolean;
    const useSoftmax = params.softmax as boolean;
    if (useSigmoid && useSoftmax) throw new LossInputError('softmax: sigmoid=True and softmax=True are not compatible', 'softmax');
    const includeBg = params.include_background as boolean;
    const wType = params.w_type as string;
    const snr = num(params, 'smooth_nr');
    const sdr = num(params, 'smooth_dr');
    const batch = params.batch as boolean;
    const reduction = readReduction(params);
    const [B, C] = input.shape;
    const S = input.data.length / (B * C);
    const prob = new Float64Array(input.data.length);
    if (useSigmoid) for (let i = 0; i < prob.length; i++) prob[i] = sigmoid(input.data[i]);
    else if (useSoftmax && C > 1) {
      for (let b = 0; b < B; b++) for (let s = 0; s < S; s++) {
        const base = b * C * S + s;
        let m = -Infinity;
        for (let k = 0; k < C; k++) m = Math.max(m, input.data[base + k * S]);
        let z = 0;
        for (let k = 0; k < C; k++) z += (prob[base + k * S] = Math.exp(input.data[base + k * S] - m));
        for (let k = 0; k < C; k++) prob[base + k * S] /= z;
      }
    } else prob.set(input.data);
    const k0 = !includeBg && C > 1 ? 1 : 0;
    const G = batch ? 1 : B; // groups the score is computed over
    const inter = new Float64Array(G * C);
    const gsum = new Float64Array(G * C);
    const psum = new Float64Array(G * C);
    for (let b = 0; b < B; b++) for (let k = k0; k < C; k++) for (let s = 0; s < S; s++) {
      const i = b * C * S + k * S + s;
      const g = (batch ? 0 : b) * C + k;
      inter[g] += target.data[i] * prob[i];
      gsum[g] += target.data[i];
      psum[g] += prob[i];
    }
    const w = new Float64Array(G * C);
    for (let g = 0; g < G; g++) {
      let max = 0;
      const infs: number[] = [];
      for (let k = k0; k < C; k++) {
        const v = gsum[g * C + k];
        const wv = wType === 'square' ? 1 / (v * v) : wType === 'simple' ? 1 / v : 1;
        if (!Number.isFinite(wv)) infs.push(k);
        else {
          w[g * C + k] = wv;
          max = Math.max(max, wv);
        }
      }
      for (const k of infs) w[g * C + k] = max;
    }
    const f = new Float64Array(G);
    const dnum = new Float64Array(G); // d f / d numer
    const dden = new Float64Array(G);
    for (let g = 0; g < G; g++) {
      let numr = snr;
      let den = sdr;
      for (let k = k0; k < C; k++) {
        numr += 2 * inter[g * C + k] * w[g * C + k];
        den += (gsum[g * C + k] + psum[g * C + k]) * w[g * C + k];
      }
      if (den === 0) {
        throw new LossInputError('target: the generalized Dice is 0/0 (every class empty and smooth_dr = 0); use smooth_dr > 0', 'target');
      }
      f[g] = 1 - numr / den;
      dnum[g] = -1 / den;
      dden[g] = numr / (den * den);
    }
    const scale = reduction === 'mean' ? 1 / G : 1;
    const go = new Float64Array(prob.length);
    for (let b = 0; b < B; b++) for (let k = k0; k < C; k++) for (let s = 0; s < S; s++) {
      const i = b * C * S + k * S + s;
      const g = batch ? 0 : b;
      const wk = w[g * C + k];
      go[i] = scale * (dnum[g] * 2 * wk * target.data[i] + dden[g] * wk);
    }
    const grad = new Float64Array(prob.length);
    if (useSigmoid) for (let i = 0; i < grad.length; i++) grad[i] = go[i] * prob[i] * (1 - prob[i]);
    else if (useSoftmax && C > 1) {
      for (let b = 0; b < B; b++) for (let s = 0; s < S; s++) {
        const base = b * C * S + s;
        let dot = 0;
        for (let k = 0; k < C; k++) dot += go[base + k * S] * prob[base + k * S];
        for (let k = 0; k < C; k++) grad[base + k * S] = prob[base + k * S] * (go[base + k * S] - dot);
      }
    } else grad.set(go);
    const noneShape = batch ? [1, ...new Array<number>(input.shape.length - 2).fill(1)] : [B, 1, ...new Array<number>(input.shape.length - 2).fill(1)];
    const elements: TypedTensor = { shape: noneShape, data: f };
    if (reduction === 'none') {
      return reduceByMean(elements, grad, input.shape, 'none', 'input');
    }
    const total = sum(f);
    return {
      value: total * scale,
      elements,
      contributions: { shape: noneShape, data: f.map((v) => v * scale) },
      gradInput: 'input',
      grad: { shape: input.shape, data: grad },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Lovász losses (Berman, Rannen Triki & Blaschko 2018), as the authors' lovasz_losses.py
// ---------------------------------------------------------------------------------------------

/**
 * The Lovász extension of the Jaccard loss on sorted errors: `gtSorted` are the ground-truth
 * labels in order of decreasing error; returns g with g_i = Δ({π1..πi}) − Δ({π1..πi−1}).
 */
export function lovaszGrad(gtSorted: Float64Array): Float64Array {
  const p = gtSorted.length;
  let gts = 0;
  for (let i = 0; i < p; i++) gts += gtSorted[i];
  const out = new Float64Array(p);
  let cumGt = 0;
  let cumNeg = 0;
  let prev = 0;
  for (let i = 0; i < p; i++) {
    cumGt += gtSorted[i];
    cumNeg += 1 - gtSorted[i];
    const jac = 1 - (gts - cumGt) / (gts + cumNeg);
    out[i] = i === 0 ? jac : jac - prev;
    prev = jac;
  }
  return out;
}

/** Sorts `errors` decreasingly (stable) and returns the order. */
function sortDesc(errors: Float64Array): Int32Array {
  const idx = Array.from({ length: errors.length }, (_, i) => i);
  idx.sort((a, b) => errors[b] - errors[a] || a - b);
  return Int32Array.from(idx);
}

const lovaszHinge: LossImplementation = {
  id: 'lovasz-hinge-loss',
  gradInput: 'logits',
  kernel: ({ logits, labels }, params) => {
    if (logits.shape.length < 2) throw new LossInputError(`logits: expected shape (B, H, W) or (B, ...), found ${shapeText(logits.shape)}`, 'logits');
    if (labels.shape.length !== logits.shape.length || labels.shape.some((d, i) => d !== logits.shape[i])) {
      throw new LossInputError(`labels: expected the same shape as logits ${shapeText(logits.shape)}, found ${shapeText(labels.shape)}`, 'labels');
    }
    expectFinite(logits, 'logits');
    const ignore = params.ignore as number | null;
    const perImage = params.per_image as boolean;
    for (let i = 0; i < labels.data.length; i++) {
      const v = labels.data[i];
      if (v !== ignore && v !== 0 && v !== 1) throw new LossInputError(`labels: expected 0 or 1${ignore === null ? '' : ` or ignore ${ignore}`}, found ${v} at flat index ${i}`, 'labels');
    }
    const B = logits.shape[0];
    const groups = perImage ? B : 1;
    const size = logits.data.length / groups;
    const grad = new Float64Array(logits.data.length);
    const losses = new Float64Array(groups);
    for (let g = 0; g < groups; g++) {
      const pos: number[] = [];
      for (let i = g * size; i < (g + 1) * size; i++) if (labels.data[i] !== ignore) pos.push(i);
      const m = pos.length;
      if (m === 0) continue;
      const err = new Float64Array(m);
      for (let r = 0; r < m; r++) err[r] = 1 - logits.data[pos[r]] * (2 * labels.data[pos[r]] - 1);
      const order = sortDesc(err);
      const gt = new Float64Array(m);
      for (let r = 0; r < m; r++) gt[r] = labels.data[pos[order[r]]];
      const gvec = lovaszGrad(gt);
      for (let r = 0; r < m; r++) {
        const e = err[order[r]];
        if (e > 0) {
          losses[g] += e * gvec[r];
          const i = pos[order[r]];
          grad[i] = (-(2 * labels.data[i] - 1) * gvec[r]) / groups;
        }
      }
    }
    return scalarResult(sum(losses) / groups, losses, losses.map((v) => v / groups), grad, logits.shape, 'logits');
  },
};

const lovaszSoftmax: LossImplementation = {
  id: 'lovasz-softmax-loss',
  gradInput: 'probas',
  kernel: ({ probas, labels }, params) => {
    if (probas.shape.length !== 4 || probas.shape[1] < 2) {
      throw new LossInputError(`probas: expected shape (B, C, H, W) with C >= 2, found ${shapeText(probas.shape)}`, 'probas');
    }
    const [B, C, H, W] = probas.shape;
    if (labels.shape.length !== 3 || labels.shape[0] !== B || labels.shape[1] !== H || labels.shape[2] !== W) {
      throw new LossInputError(`labels: expected shape (${B}, ${H}, ${W}), found ${shapeText(labels.shape)}`, 'labels');
    }
    expectInRange(probas, 'probas', 0, 1);
    const ignore = params.ignore as number | null;
    const which = params.classes as string;
    const perImage = params.per_image as boolean;
    for (let i = 0; i < labels.data.length; i++) {
      const v = labels.data[i];
      if (v === ignore) continue;
      if (!Number.isInteger(v) || v < 0 || v >= C) throw new LossInputError(`labels: class index ${v} at flat index ${i} is out of range [0, ${C})`, 'labels');
    }
    const S = H * W;
    const groups = perImage ? B : 1;
    const grad = new Float64Array(probas.data.length);
    const losses = new Float64Array(groups);
    for (let g = 0; g < groups; g++) {
      const pix: number[] = []; // (b, s) pairs as b * S + s
      const b0 = perImage ? g : 0;
      const b1 = perImage ? g + 1 : B;
      for (let b = b0; b < b1; b++) for (let s = 0; s < S; s++) if (labels.data[b * S + s] !== ignore) pix.push(b * S + s);
      const m = pix.length;
      if (m === 0) continue;
      const classLoss: number[] = [];
      const classGrads: Array<[number, Float64Array, Int32Array]> = [];
      for (let c = 0; c < C; c++) {
        const fg = new Float64Array(m);
        let any = 0;
        for (let r = 0; r < m; r++) any += fg[r] = labels.data[pix[r]] === c ? 1 : 0;
        if (which === 'present' && any === 0) continue;
        const err = new Float64Array(m);
        for (let r = 0; r < m; r++) {
          const bs = pix[r];
          const p = probas.data[Math.floor(bs / S) * C * S + c * S + (bs % S)];
          err[r] = Math.abs(fg[r] - p);
        }
        const order = sortDesc(err);
        const gt = new Float64Array(m);
        for (let r = 0; r < m; r++) gt[r] = fg[order[r]];
        const gvec = lovaszGrad(gt);
        let l = 0;
        for (let r = 0; r < m; r++) l += err[order[r]] * gvec[r];
        classLoss.push(l);
        classGrads.push([c, gvec, order]);
      }
      const K = classLoss.length;
      if (K === 0) continue;
      losses[g] = classLoss.reduce((a, v) => a + v, 0) / K;
      for (const [c, gvec, order] of classGrads) {
        for (let r = 0; r < m; r++) {
          const bs = pix[order[r]];
          const i = Math.floor(bs / S) * C * S + c * S + (bs % S);
          const fg = labels.data[bs] === c ? 1 : 0;
          const diff = probas.data[i] - fg;
          const sign = diff > 0 ? 1 : diff < 0 ? -1 : 0;
          grad[i] += (sign * gvec[r]) / K / groups;
        }
      }
    }
    return scalarResult(sum(losses) / groups, losses, losses.map((v) => v / groups), grad, probas.shape, 'probas');
  },
};

// ---------------------------------------------------------------------------------------------
// Boundary loss (Kervadec et al. 2019), as the authors' SurfaceLoss
// ---------------------------------------------------------------------------------------------

const boundary: LossImplementation = {
  id: 'boundary-loss',
  gradInput: 'probs',
  kernel: ({ probs, dist_maps }, params) => {
    if (probs.shape.length < 2) throw new LossInputError(`probs: expected shape (B, K, ...), found ${shapeText(probs.shape)}`, 'probs');
    if (dist_maps.shape.length !== probs.shape.length || dist_maps.shape.some((d, i) => d !== probs.shape[i])) {
      throw new LossInputError(`dist_maps: expected the same shape as probs ${shapeText(probs.shape)}, found ${shapeText(dist_maps.shape)}`, 'dist_maps');
    }
    expectInRange(probs, 'probs', 0, 1);
    expectFinite(dist_maps, 'dist_maps');
    const [B, K] = probs.shape;
    const S = probs.data.length / (B * K);
    for (let b = 0; b < B; b++) for (let s = 0; s < S; s++) {
      let z = 0;
      for (let k = 0; k < K; k++) z += probs.data[b * K * S + k * S + s];
      if (!(Math.abs(z - 1) <= 1e-8 + 1e-5)) {
        throw new LossInputError(`probs: expected class probabilities summing to 1 over dim 1 (softmax output), found a sum of ${z} at batch ${b}, position ${s}`, 'probs');
      }
    }
    const idc = intList(params.idc, 'idc', K) ?? Array.from({ length: K }, (_, k) => k);
    const count = B * idc.length * S;
    const elements = new Float64Array(count);
    const grad = new Float64Array(probs.data.length);
    let r = 0;
    for (let b = 0; b < B; b++) for (const k of idc) for (let s = 0; s < S; s++) {
      const i = b * K * S + k * S + s;
      elements[r++] = probs.data[i] * dist_maps.data[i];
      grad[i] += dist_maps.data[i] / count;
    }
    const value = sum(elements) / count;
    return scalarResult(value, elements, elements.map((v) => v / count), grad, probs.shape, 'probs');
  },
};

// ---------------------------------------------------------------------------------------------
// Hausdorff-distance loss (Karimi & Salcudean 2019), distance-transform form
// ---------------------------------------------------------------------------------------------

/**
 * For a binary mask over a grid of shape `dims`, each pixel's Euclidean distance to the nearest
 * pixel of the other class (scipy's distance_transform_edt of the mask plus that of its
 * complement). All zeros when the mask is empty, as the reference leaves it.
 */
export function twoSidedDistance(mask: Uint8Array, dims: readonly number[]): Float64Array {
  const n = mask.length;
  const out = new Float64Array(n);
  let any = false;
  for (let i = 0; i < n; i++) if (mask[i]) any = true;
  if (!any) return out;
  const coords = (i: number, c: number[]): void => {
    let rest = i;
    for (let k = dims.length - 1; k >= 0; k--) {
      c[k] = rest % dims[k];
      rest = Math.floor(rest / dims[k]);
    }
  };
  const ci: number[] = new Array<number>(dims.length).fill(0);
  const cj: number[] = new Array<number>(dims.length).fill(0);
  for (let i = 0; i < n; i++) {
    coords(i, ci);
    let best = Infinity;
    for (let j = 0; j < n; j++) {
      if (mask[j] === mask[i]) continue;
      coords(j, cj);
      let d2 = 0;
      for (let k = 0; k < dims.length; k++) d2 += (ci[k] - cj[k]) ** 2;
      if (d2 < best) best = d2;
    }
    out[i] = Math.sqrt(best);
  }
  return out;
}

const hausdorffDt: LossImplementation = {
  id: 'hausdorff-dt-loss',
  gradInput: 'pred',
  kernel: ({ pred, target }, params) => {
    if (pred.shape.length < 3 || pred.shape[1] !== 1) {
      throw new LossInputError(`pred: expected shape (B, 1, H, W) or (B, 1, D, H, W) (binary, one channel), found ${shapeText(pred.shape)}`, 'pred');
    }
    if (target.shape.length !== pred.shape.length || target.shape.some((d, i) => d !== pred.shape[i])) {
      throw new LossInputError(`target: expected the same shape as pred ${shapeText(pred.shape)}, found ${shapeText(target.shape)}`, 'target');
    }
    expectInRange(pred, 'pred', 0, 1);
    expectInRange(target, 'target', 0, 1);
    const alpha = num(params, 'alpha');
    expectParamRange(alpha, 'alpha', 0, Infinity);
    const B = pred.shape[0];
    const dims = pred.shape.slice(2);
    const S = numel(dims);
    if (S > 16384) {
      throw new LossInputError(`pred: the brute-force distance transform is limited to 16384 pixels per image, found ${S}; downsample the example`, 'pred');
    }
    const n = pred.data.length;
    const field = new Float64Array(n);
    for (let b = 0; b < B; b++) {
      for (const [t, name] of [[pred, 'pred'], [target, 'target']] as const) {
        const m = new Uint8Array(S);
        let all = true;
        for (let s = 0; s < S; s++) {
          m[s] = t.data[b * S + s] > 0.5 ? 1 : 0;
          if (!m[s]) all = false;
        }
        if (all) throw new LossInputError(`${name}: image ${b} is foreground everywhere, so its distance transform has no background to measure to`, name);
        const dt = twoSidedDistance(m, dims);
        for (let s = 0; s < S; s++) field[b * S + s] += dt[s] ** alpha;
      }
    }
    const elements = new Float64Array(n);
    const grad = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const e = pred.data[i] - target.data[i];
      elements[i] = e * e * field[i];
      grad[i] = 2 * e * field[i];
    }
    return reduceByMean({ shape: pred.shape, data: elements }, grad, pred.shape, 'mean', 'pred');
  },
};

// ---------------------------------------------------------------------------------------------
// segmentation_models_pytorch: MCCLoss, SoftBCEWithLogitsLoss, SoftCrossEntropyLoss
// ---------------------------------------------------------------------------------------------

const mcc: LossImplementation = {
  id: 'mcc-loss',
  gradInput: 'y_pred',
  kernel: ({ y_pred, y_true }, params) => {
    if (y_pred.shape.length < 1) throw new LossInputError(`y_pred: expected shape (N, H, W) or (N, 1, H, W), found ${shapeText(y_pred.shape)}`, 'y_pred');
    expectSameNumel(y_pred, 'y_pred', y_true, 'y_true');
    expectInRange(y_pred, 'y_pred', 0, 1);
    expectInRange(y_true, 'y_true', 0, 1);
    const eps = num(params, 'eps');
    const p = y_pred.data;
    const t = y_true.data;
    let tp = eps;
    let tn = eps;
    let fp = eps;
    let fn = eps;
    for (let i = 0; i < p.length; i++) {
      tp += p[i] * t[i];
      tn += (1 - p[i]) * (1 - t[i]);
      fp += p[i] * (1 - t[i]);
      fn += (1 - p[i]) * t[i];
    }
    const numr = tp * tn - fp * fn;
    const A = tp + fp;
    const Bv = tp + fn;
    const Cv = tn + fp;
    const D = tn + fn;
    const den = Math.sqrt(A * Bv * Cv * D);
    if (!(den > 0)) throw new LossInputError('y_pred: the MCC denominator is 0; use eps > 0', 'y_pred');
    const value = 1 - numr / den;
    const grad = new Float64Array(p.length);
    // d tp = t, d tn = −(1 − t), d fp = 1 − t, d fn = −t; so dA = 1, dB = 0, dC = 0, dD = −1
    const dlogDen = 0.5 * (1 / A - 1 / D);
    for (let i = 0; i < p.length; i++) {
      const dn = tn * t[i] - tp * (1 - t[i]) - fn * (1 - t[i]) + fp * t[i];
      grad[i] = -(dn / den - (numr / den) * dlogDen);
    }
    return scalarResult(value, Float64Array.of(value), Float64Array.of(value), grad, y_pred.shape, 'y_pred');
  },
};

/** Expands an optional tensor parameter to `shape` as torch broadcasting does. */
function broadcastParam(v: unknown, name: string, shape: number[], predName: string): Float64Array | null {
  if (v === null || v === undefined) return null;
  const t = v as TypedTensor;
  const out = broadcastShapes(shape, t.shape, predName, name);
  if (out.length !== shape.length || out.some((d, i) => d !== shape[i])) {
    throw new LossInputError(`${name}: shape ${shapeText(t.shape)} must broadcast to ${predName} ${shapeText(shape)} without growing it`, name);
  }
  return broadcastTo(t, shape).data;
}

const softBce: LossImplementation = {
  id: 'soft-bce-with-logits-loss',
  gradInput: 'y_pred',
  kernel: ({ y_pred, y_true }, params) => {
    if (y_true.shape.length !== y_pred.shape.length || y_true.shape.some((d, i) => d !== y_pred.shape[i])) {
      throw new LossInputError(`y_true: expected the same shape as y_pred ${shapeText(y_pred.shape)}, found ${shapeText(y_true.shape)}`, 'y_true');
    }
    expectFinite(y_pred, 'y_pred');
    const ignore = params.ignore_index as number | null;
    expectBinaryOr(y_true, 'y_true', ignore);
    const sf = params.smooth_factor as number | null;
    if (sf !== null) expectParamRange(sf, 'smooth_factor', 0, 1);
    const reduction = readReduction(params);
    const w = broadcastParam(params.weight, 'weight', y_pred.shape, 'y_pred');
    const pw = broadcastParam(params.pos_weight, 'pos_weight', y_pred.shape, 'y_pred');
    const n = y_pred.data.length;
    const loss = new Float64Array(n);
    const grad = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const raw = y_true.data[i];
      if (ignore !== null && raw === ignore) continue;
      const t = sf === null ? raw : (1 - raw) * sf + raw * (1 - sf);
      const x = y_pred.data[i];
      const pwi = pw ? pw[i] : 1;
      const wi = w ? w[i] : 1;
      const lw = 1 + (pwi - 1) * t;
      loss[i] = wi * ((1 - t) * x + lw * softplus(-x));
      grad[i] = wi * (lw * sigmoid(x) - pwi * t);
    }
    return reduceByMean({ shape: y_pred.shape, data: loss }, grad, y_pred.shape, reduction, 'y_pred');
  },
};

const softCe: LossImplementation = {
  id: 'soft-cross-entropy-loss',
  gradInput: 'y_pred',
  kernel: ({ y_pred, y_true }, params) => {
    if (y_pred.shape.length < 2) throw new LossInputError(`y_pred: expected shape (N, C, ...), found ${shapeText(y_pred.shape)}`, 'y_pred');
    const [N, C] = y_pred.shape;
    const rest = y_pred.shape.slice(2);
    if (y_true.shape.length !== y_pred.shape.length - 1 || y_true.shape[0] !== N || rest.some((d, i) => d !== y_true.shape[i + 1])) {
      throw new LossInputError(`y_true: expected class indices of shape ${shapeText([N, ...rest])}, found ${shapeText(y_true.shape)}`, 'y_true');
    }
    expectFinite(y_pred, 'y_pred');
    const ignore = params.ignore_index as number | null;
    const eps = (params.smooth_factor as number | null) ?? 0;
    expectParamRange(eps, 'smooth_factor', 0, 1);
    const reduction = readReduction(params);
    const S = numel(rest);
    for (let i = 0; i < y_true.data.length; i++) {
      const v = y_true.data[i];
      if (ignore !== null && v === ignore) continue;
      if (!Number.isInteger(v) || v < 0 || v >= C) throw new LossInputError(`y_true: class index ${v} at flat index ${i} is out of range [0, ${C})`, 'y_true');
    }
    const elements = new Float64Array(N * S);
    const grad = new Float64Array(y_pred.data.length);
    for (let b = 0; b < N; b++) for (let s = 0; s < S; s++) {
      const y = y_true.data[b * S + s];
      if (ignore !== null && y === ignore) continue;
      const base = b * C * S + s;
      let m = -Infinity;
      for (let k = 0; k < C; k++) m = Math.max(m, y_pred.data[base + k * S]);
      let z = 0;
      for (let k = 0; k < C; k++) z += Math.exp(y_pred.data[base + k * S] - m);
      const lse = m + Math.log(z);
      let smoothSum = 0;
      for (let k = 0; k < C; k++) smoothSum += lse - y_pred.data[base + k * S];
      elements[b * S + s] = (1 - eps) * (lse - y_pred.data[base + y * S]) + (eps / C) * smoothSum;
      for (let k = 0; k < C; k++) {
        const p = Math.exp(y_pred.data[base + k * S] - lse);
        grad[base + k * S] = p - (k === y ? 1 - eps : 0) - eps / C;
      }
    }
    // with ignore_index set SMP keeps the class axis as size 1 in the unreduced output
    const shape = ignore !== null ? [N, 1, ...rest] : [N, ...rest];
    return reduceByMean({ shape, data: elements }, grad, y_pred.shape, reduction, 'y_pred');
  },
};

export const SEGMENTATION_KERNELS: readonly LossImplementation[] = [
  dice,
  jaccard,
  tversky,
  focalTversky,
  generalizedDice,
  lovaszHinge,
  lovaszSoftmax,
  boundary,
  hausdorffDt,
  combo,
  sensitivitySpecificity,
  logCoshDice,
  vnetDice,
  mcc,
  softBce,
  softCe,
];
