/**
 * Numeric kernels: Keras-only losses and Keras variants.
 *
 * Semantics follow Keras 3 with its TensorFlow backend (what `tf.keras` is since TF 2.16):
 * `keras/src/losses/losses.py` for the loss functions and `keras/src/backend/tensorflow/nn.py`
 * for the cross-entropies. Each per-sample loss reduces the class/feature axis (the last axis
 * unless `axis` says otherwise); the loss class then reduces the per-sample losses with
 * `reduction` ('sum_over_batch_size' by default: their sum divided by their count).
 *
 * Gradients are d(value)/d(y_pred), computed as TensorFlow differentiates the same graph:
 * `clip_by_value` passes the gradient where min <= x <= max and gives 0 elsewhere;
 * `maximum(x, c)` passes it to x where x >= c; `reduce_max` shares it evenly among ties.
 */
import type { PointwiseLoss } from './elementwise';
import { LossInputError } from './errors';
import { reduceByMean, reduceByWeightedMean, type Reduction } from './reduction';
import { sigmoid, softmaxInto, softplus } from './softmax';
import { sameShape, shapeText } from './tensor';
import type { LossImplementation, LossResult, TypedTensor } from './types';
import { expectFinite, expectIndices, expectInRange, expectNonNegative, expectParamRange, expectSameShape } from './validate';

/** `keras.config.epsilon()`, the fuzz factor Keras clips with. */
export const KERAS_EPSILON = 1e-7;
const EPS = KERAS_EPSILON;
const LOG2 = Math.LN2;

/** Keras' `reduction` to the shared reduction helper's names. */
export function readKerasReduction(params: Readonly<Record<string, unknown>>): Reduction {
  const r = params.reduction ?? 'sum_over_batch_size';
  if (r === 'sum_over_batch_size' || r === 'mean') return 'mean';
  if (r === 'sum' || r === 'none') return r;
  throw new LossInputError(
    `reduction: expected 'sum_over_batch_size', 'sum' or 'none', found ${JSON.stringify(r)}`,
    'reduction',
  );
}

/** A tensor seen as (outer, len, inner) around one axis: flat index = (o * len + k) * inner + i. */
export interface AxisLayout {
  axis: number;
  outer: number;
  len: number;
  inner: number;
  /** The shape with the axis removed: the shape of the per-sample losses. */
  reducedShape: number[];
}

/** Resolves `axis` (negative counts from the end) against `shape`; rejects empty reductions. */
export function axisLayout(shape: readonly number[], axis: number, name: string, param = 'axis'): AxisLayout {
  const rank = shape.length;
  if (rank === 0) throw new LossInputError(`${name}: expected at least 1-D (batch, ..., features), found a scalar`, name);
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(axis) || a < 0 || a >= rank) {
    throw new LossInputError(`${param}: expected an axis in [${-rank}, ${rank - 1}] for ${name} of shape ${shapeText(shape)}, found ${axis}`, param);
  }
  let outer = 1;
  for (let i = 0; i < a; i++) outer *= shape[i];
  let inner = 1;
  for (let i = a + 1; i < rank; i++) inner *= shape[i];
  const len = shape[a];
  if (len === 0) throw new LossInputError(`${name}: expected a non-empty axis ${axis}, found shape ${shapeText(shape)}`, name);
  if (outer * inner === 0) throw new LossInputError(`${name}: expected at least one sample, found shape ${shapeText(shape)}`, name);
  return { axis: a, outer, len, inner, reducedShape: shape.filter((_, i) => i !== a) };
}

function finish(perSample: Float64Array, layout: AxisLayout, grad: Float64Array, predShape: number[], params: Readonly<Record<string, unknown>>): LossResult {
  return reduceByMean({ shape: layout.reducedShape, data: perSample }, grad, predShape, readKerasReduction(params), 'y_pred');
}

/** Same-shape `y_true`/`y_pred` of finite numbers (the shapes Keras' loss wrappers accept without broadcasting). */
function expectPair(yTrue: TypedTensor, yPred: TypedTensor): void {
  expectSameShape(yPred, yTrue, 'y_pred', 'y_true');
  expectFinite(yPred, 'y_pred');
  expectFinite(yTrue, 'y_true');
}

/**
 * `mean(f(y_pred, y_true), axis)`: Keras' pointwise losses. `f` writes the element loss and
 * d(loss)/d(y_pred); the per-sample loss is their mean over `axis`.
 */
export function meanOverAxis(
  yTrue: TypedTensor,
  yPred: TypedTensor,
  params: Readonly<Record<string, unknown>>,
  f: PointwiseLoss,
  axis = -1,
): LossResult {
  const L = axisLayout(yPred.shape, axis, 'y_pred');
  const p = yPred.data;
  const t = yTrue.data;
  const per = new Float64Array(L.outer * L.inner);
  const grad = new Float64Array(p.length);
  const pair = new Float64Array(2);
  const inv = 1 / L.len;
  for (let o = 0; o < L.outer; o++) {
    for (let i = 0; i < L.inner; i++) {
      let s = 0;
      for (let k = 0, idx = o * L.len * L.inner + i; k < L.len; k++, idx += L.inner) {
        f(p[idx], t[idx], pair);
        s += pair[0];
        grad[idx] = pair[1] * inv;
      }
      per[o * L.inner + i] = s / L.len;
    }
  }
  return finish(per, L, grad, yPred.shape, params);
}

/** A pointwise Keras loss over the last axis, on same-shape finite inputs. */
function pointwiseEntry(id: string, f: PointwiseLoss, check?: (yTrue: TypedTensor, yPred: TypedTensor) => void): LossImplementation {
  return {
    id,
    gradInput: 'y_pred',
    kernel: ({ y_true, y_pred }, params) => {
      expectPair(y_true, y_pred);
      check?.(y_true, y_pred);
      return meanOverAxis(y_true, y_pred, params, f);
    },
  };
}

/** `keras.losses.log_cosh`: x + softplus(-2x) - log 2 with x = y_pred - y_true; d/dx = tanh x. */
const logCosh = pointwiseEntry('log-cosh', (p, t, out) => {
  const x = p - t;
  out[0] = x + softplus(-2 * x) - LOG2;
  out[1] = Math.tanh(x);
});

/** `keras.losses.mean_absolute_percentage_error`: 100 |y_true - y_pred| / max(|y_true|, eps). */
const mape = pointwiseEntry('mean-absolute-percentage-error', (p, t, out) => {
  const d = Math.max(Math.abs(t), EPS);
  const e = (t - p) / d;
  out[0] = 100 * Math.abs(e);
  out[1] = e < 0 ? 100 / d : e > 0 ? -100 / d : 0;
});

/** `keras.losses.mean_squared_logarithmic_error`: (log(max(y_pred, eps) + 1) - log(max(y_true, eps) + 1))^2. */
const msle = pointwiseEntry('mean-squared-logarithmic-error', (p, t, out) => {
  const pc = Math.max(p, EPS);
  const d = Math.log(pc + 1) - Math.log(Math.max(t, EPS) + 1);
  out[0] = d * d;
  out[1] = p >= EPS ? (2 * d) / (pc + 1) : 0;
});

/** `keras.losses.poisson`: y_pred - y_true log(y_pred + eps), for rates y_pred >= 0 and counts y_true >= 0. */
const poisson = pointwiseEntry(
  'poisson',
  (p, t, out) => {
    const q = p + EPS;
    out[0] = p - t * Math.log(q);
    out[1] = 1 - t / q;
  },
  (yTrue, yPred) => {
    expectNonNegative(yPred, 'y_pred', 'a non-negative predicted rate');
    expectNonNegative(yTrue, 'y_true', 'non-negative counts');
  },
);

/** `keras.losses.huber`: 0.5 e^2 where |e| <= delta, else delta |e| - 0.5 delta^2 (e = y_pred - y_true). */
const huber: LossImplementation = {
  id: 'keras-huber',
  gradInput: 'y_pred',
  kernel: ({ y_true, y_pred }, params) => {
    const delta = params.delta as number;
    expectParamRange(delta, 'delta', 0, Infinity);
    expectPair(y_true, y_pred);
    const halfDelta2 = 0.5 * (delta * delta);
    return meanOverAxis(y_true, y_pred, params, (p, t, out) => {
      const e = p - t;
      const a = Math.abs(e);
      if (a <= delta) {
        out[0] = 0.5 * (e * e);
        out[1] = e;
      } else {
        out[0] = delta * a - halfDelta2;
        out[1] = e > 0 ? delta : -delta;
      }
    });
  },
};

/**
 * Keras' `convert_binary_labels_to_hinge`: when every label is 0 or 1, labels become 2y - 1;
 * any other labels (-1/1, or a mix such as -1/0) are used as given.
 */
export function hingeLabels(yTrue: TypedTensor): Float64Array {
  const t = yTrue.data;
  for (let i = 0; i < t.length; i++) if (t[i] !== 0 && t[i] !== 1) return t;
  const out = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) out[i] = 2 * t[i] - 1;
  return out;
}

function hingeEntry(id: string, squared: boolean): LossImplementation {
  return {
    id,
    gradInput: 'y_pred',
    kernel: ({ y_true, y_pred }, params) => {
      expectPair(y_true, y_pred);
      const labels: TypedTensor = { shape: y_true.shape, data: hingeLabels(y_true) };
      return meanOverAxis(labels, y_pred, params, (p, t, out) => {
        const m = 1 - t * p;
        if (m >= 0) {
          out[0] = squared ? m * m : m;
          out[1] = squared ? -2 * m * t : -t;
        } else {
          out[0] = 0;
          out[1] = 0;
        }
      });
    },
  };
}

/** `keras.losses.categorical_hinge`: max(max_k (1 - y_k) p_k - sum_k y_k p_k + 1, 0) per sample. */
const categoricalHinge: LossImplementation = {
  id: 'categorical-hinge',
  gradInput: 'y_pred',
  kernel: ({ y_true, y_pred }, params) => {
    expectPair(y_true, y_pred);
    const L = axisLayout(y_pred.shape, -1, 'y_pred');
    const p = y_pred.data;
    const t = y_true.data;
    const C = L.len;
    const per = new Float64Array(L.outer);
    const grad = new Float64Array(p.length);
    for (let o = 0, base = 0; o < L.outer; o++, base += C) {
      let pos = 0;
      let neg = -Infinity;
      for (let k = 0; k < C; k++) {
        pos += t[base + k] * p[base + k];
        const w = (1 - t[base + k]) * p[base + k];
        if (w > neg) neg = w;
      }
      const v = neg - pos + 1;
      per[o] = Math.max(v, 0);
      if (v >= 0) {
        let ties = 0;
        for (let k = 0; k < C; k++) if ((1 - t[base + k]) * p[base + k] === neg) ties++;
        for (let k = 0; k < C; k++) {
          const w = (1 - t[base + k]) * p[base + k];
          grad[base + k] = (w === neg ? (1 - t[base + k]) / ties : 0) - t[base + k];
        }
      }
    }
    return finish(per, L, grad, y_pred.shape, params);
  },
};

/**
 * `keras.losses.cosine_similarity`: -sum(l2_normalize(y_true) * l2_normalize(y_pred), axis),
 * where l2_normalize(x) = x * rsqrt(max(sum x^2, eps^2)).
 */
const cosineSimilarity: LossImplementation = {
  id: 'cosine-similarity',
  gradInput: 'y_pred',
  kernel: ({ y_true, y_pred }, params) => {
    expectPair(y_true, y_pred);
    const L = axisLayout(y_pred.shape, params.axis as number, 'y_pred');
    const p = y_pred.data;
    const t = y_true.data;
    const { len, inner } = L;
    const per = new Float64Array(L.outer * inner);
    const grad = new Float64Array(p.length);
    const floor = EPS * EPS;
    for (let o = 0; o < L.outer; o++) {
      for (let i = 0; i < inner; i++) {
        const start = o * len * inner + i;
        let st = 0;
        let sp = 0;
        for (let k = 0, idx = start; k < len; k++, idx += inner) {
          st += t[idx] * t[idx];
          sp += p[idx] * p[idx];
        }
        const rt = 1 / Math.sqrt(Math.max(st, floor));
        const rp = 1 / Math.sqrt(Math.max(sp, floor));
        let dot = 0; // sum_k t̂_k p_k
        let s = 0;
        for (let k = 0, idx = start; k < len; k++, idx += inner) {
          const th = t[idx] * rt;
          dot += th * p[idx];
          s += th * (p[idx] * rp);
        }
        per[o * inner + i] = -s;
        const flows = sp >= floor;
        const r3 = rp * rp * rp;
        for (let k = 0, idx = start; k < len; k++, idx += inner) {
          const th = t[idx] * rt;
          grad[idx] = flows ? -(th * rp - dot * r3 * p[idx]) : -th * rp;
        }
      }
    }
    return finish(per, L, grad, y_pred.shape, params);
  },
};

/** `keras.losses.kl_divergence`: sum over the last axis of t log(t / p), both clipped to [eps, 1]. */
const klDivergence: LossImplementation = {
  id: 'keras-kl-divergence',
  gradInput: 'y_pred',
  kernel: ({ y_true, y_pred }, params) => {
    expectSameShape(y_pred, y_true, 'y_pred', 'y_true');
    expectInRange(y_pred, 'y_pred', 0, 1);
    expectInRange(y_true, 'y_true', 0, 1);
    const L = axisLayout(y_pred.shape, -1, 'y_pred');
    const p = y_pred.data;
    const t = y_true.data;
    const C = L.len;
    const per = new Float64Array(L.outer);
    const grad = new Float64Array(p.length);
    for (let o = 0, base = 0; o < L.outer; o++, base += C) {
      let s = 0;
      for (let k = 0; k < C; k++) {
        const tc = Math.min(Math.max(t[base + k], EPS), 1);
        const pv = p[base + k];
        const pc = Math.min(Math.max(pv, EPS), 1);
        s += tc * Math.log(tc / pc);
        grad[base + k] = pv >= EPS ? -tc / pc : 0;
      }
      per[o] = s;
    }
    return finish(per, L, grad, y_pred.shape, params);
  },
};

function readLabelSmoothing(params: Readonly<Record<string, unknown>>): number {
  const ls = params.label_smoothing as number;
  expectParamRange(ls, 'label_smoothing', 0, 1);
  return ls;
}

/** Labels in [0, 1] of y_pred's shape; y_pred finite logits or probabilities in [0, 1]. */
function expectCrossentropyInputs(y_true: TypedTensor, y_pred: TypedTensor, fromLogits: boolean): void {
  expectSameShape(y_pred, y_true, 'y_pred', 'y_true');
  expectInRange(y_true, 'y_true', 0, 1);
  if (fromLogits) expectFinite(y_pred, 'y_pred');
  else expectInRange(y_pred, 'y_pred', 0, 1);
}

/**
 * `keras.losses.binary_crossentropy`: mean over `axis` of the element-wise cross-entropy.
 * Probabilities are clipped to [eps, 1 - eps]; logits go through
 * `tf.nn.sigmoid_cross_entropy_with_logits`. Labels are smoothed towards 0.5.
 */
const binaryCrossentropy: LossImplementation = {
  id: 'keras-binary-crossentropy',
  gradInput: 'y_pred',
  kernel: ({ y_true, y_pred }, params) => {
    const fromLogits = params.from_logits as boolean;
    const ls = readLabelSmoothing(params);
    expectCrossentropyInputs(y_true, y_pred, fromLogits);
    const keep = 1 - ls;
    const shift = 0.5 * ls;
    const f: PointwiseLoss = fromLogits
      ? (x, y, out) => {
          const z = ls ? y * keep + shift : y;
          out[0] = Math.max(x, 0) - x * z + Math.log1p(Math.exp(-Math.abs(x)));
          out[1] = sigmoid(x) - z;
        }
      : (pv, y, out) => {
          const z = ls ? y * keep + shift : y;
          const c = Math.min(Math.max(pv, EPS), 1 - EPS);
          out[0] = -(z * Math.log(c) + (1 - z) * Math.log(1 - c));
          out[1] = pv >= EPS && pv <= 1 - EPS ? -z / c + (1 - z) / (1 - c) : 0;
        };
    return meanOverAxis(y_true, y_pred, params, f, params.axis as number);
  },
};

/**
 * `keras.losses.categorical_crossentropy`: -sum_k y_k log q_k along `axis`, with
 * q = clip(p / sum p, eps, 1 - eps) for probabilities, or log_softmax for logits.
 */
const categoricalCrossentropy: LossImplementation = {
  id: 'keras-categorical-crossentropy',
  gradInput: 'y_pred',
  kernel: ({ y_true, y_pred }, params) => {
    const fromLogits = params.from_logits as boolean;
    const ls = readLabelSmoothing(params);
    expectCrossentropyInputs(y_true, y_pred, fromLogits);
    const L = axisLayout(y_pred.shape, params.axis as number, 'y_pred');
    const { len: C, inner } = L;
    const p = y_pred.data;
    const t = y_true.data;
    const per = new Float64Array(L.outer * inner);
    const grad = new Float64Array(p.length);
    const keep = 1 - ls;
    const shift = ls / C;
    for (let o = 0; o < L.outer; o++) {
      for (let i = 0; i < inner; i++) {
        const start = o * C * inner + i;
        const end = start + C * inner;
        let loss = 0;
        if (fromLogits) {
          // grad first holds softmax(p); dL/dp_j = softmax_j * sum(y) - y_j
          const lse = softmaxInto(p, grad, start, C, inner);
          let ysum = 0;
          for (let idx = start; idx < end; idx += inner) {
            const y = ls ? t[idx] * keep + shift : t[idx];
            ysum += y;
            loss += y * (lse - p[idx]);
          }
          for (let idx = start; idx < end; idx += inner) grad[idx] = grad[idx] * ysum - (ls ? t[idx] * keep + shift : t[idx]);
        } else {
          let S = 0;
          for (let idx = start; idx < end; idx += inner) S += p[idx];
          if (!(S > 0)) {
            throw new LossInputError(`y_pred: expected probabilities with a positive sum along axis ${params.axis}, found a sum of ${S}`, 'y_pred');
          }
          // g_k = dL/dq_k (0 where q is clipped); dL/dp_j = (g_j - sum_k g_k q_k) / S
          let gq = 0;
          for (let idx = start; idx < end; idx += inner) {
            const y = ls ? t[idx] * keep + shift : t[idx];
            const q = p[idx] / S;
            const c = Math.min(Math.max(q, EPS), 1 - EPS);
            loss -= y * Math.log(c);
            const g = q >= EPS && q <= 1 - EPS ? -y / c : 0;
            grad[idx] = g;
            gq += g * q;
          }
          for (let idx = start; idx < end; idx += inner) grad[idx] = (grad[idx] - gq) / S;
        }
        per[o * inner + i] = loss;
      }
    }
    return finish(per, L, grad, y_pred.shape, params);
  },
};

/**
 * `keras.losses.sparse_categorical_crossentropy` with the TensorFlow backend: probabilities are
 * clipped to [eps, 1 - eps] and their log passed to `sparse_softmax_cross_entropy_with_logits`
 * (so the clipped row is renormalised); `ignore_class` positions count neither in the sum nor
 * in the 'sum_over_batch_size' divisor.
 */
const sparseCategoricalCrossentropy: LossImplementation = {
  id: 'keras-sparse-categorical-crossentropy',
  gradInput: 'y_pred',
  kernel: ({ y_true, y_pred }, params) => {
    const fromLogits = params.from_logits as boolean;
    const ignore = params.ignore_class as number | null;
    const axis = params.axis as number;
    const rank = y_pred.shape.length;
    if (rank === 0) throw new LossInputError('y_pred: expected at least 1-D (..., num_classes), found a scalar', 'y_pred');
    if (axis !== -1 && axis !== rank - 1) {
      throw new LossInputError(`axis: only the last axis (-1) is supported, as in Keras' TensorFlow backend, found ${axis}`, 'axis');
    }
    const lead = y_pred.shape.slice(0, -1);
    const squeezable = y_true.shape.length === rank && y_true.shape[rank - 1] === 1 && sameShape(y_true.shape.slice(0, -1), lead);
    if (!squeezable && !sameShape(y_true.shape, lead)) {
      throw new LossInputError(
        `y_true: expected shape ${shapeText(lead)} (y_pred's shape without the class axis), found ${shapeText(y_true.shape)}`,
        'y_true',
      );
    }
    if (fromLogits) expectFinite(y_pred, 'y_pred');
    else expectInRange(y_pred, 'y_pred', 0, 1);
    const L = axisLayout(y_pred.shape, -1, 'y_pred');
    const C = L.len;
    expectIndices(y_true, 'y_true', 0, C, ignore ?? undefined);
    const p = y_pred.data;
    const t = y_true.data;
    const N = L.outer;
    const per = new Float64Array(N);
    const grad = new Float64Array(p.length);
    let valid = 0;
    for (let o = 0, base = 0; o < N; o++, base += C) {
      const y = t[o];
      if (ignore !== null && y === ignore) continue;
      valid++;
      if (fromLogits) {
        const lse = softmaxInto(p, grad, base, C, 1);
        per[o] = lse - p[base + y];
        grad[base + y] -= 1;
      } else {
        // log-softmax of log(clip(p)): -log c_y + log sum_k c_k
        let S = 0;
        for (let k = 0; k < C; k++) S += Math.min(Math.max(p[base + k], EPS), 1 - EPS);
        const cy = Math.min(Math.max(p[base + y], EPS), 1 - EPS);
        per[o] = Math.log(S) - Math.log(cy);
        for (let k = 0; k < C; k++) {
          const v = p[base + k];
          if (v >= EPS && v <= 1 - EPS) grad[base + k] = 1 / S - (k === y ? 1 / v : 0);
        }
      }
    }
    const layout: AxisLayout = { ...L, reducedShape: squeezable ? lead : y_true.shape };
    const reduction = readKerasReduction(params);
    if (ignore === null || reduction !== 'mean') return finish(per, layout, grad, y_pred.shape, params);
    // Keras weights valid samples by total / valid (divide_no_nan): the mean over valid samples, 0 if none.
    if (valid > 0) return reduceByWeightedMean({ shape: layout.reducedShape, data: per }, valid, grad, y_pred.shape, 'mean', 'y_pred');
    return {
      value: 0,
      elements: { shape: layout.reducedShape, data: per },
      contributions: { shape: layout.reducedShape, data: new Float64Array(per.length) },
      gradInput: 'y_pred',
      grad: { shape: y_pred.shape, data: grad },
    };
  },
};

export const KERAS_KERNELS: readonly LossImplementation[] = [
  logCosh,
  mape,
  msle,
  hingeEntry('hinge', false),
  hingeEntry('squared-hinge', true),
  categoricalHinge,
  poisson,
  cosineSimilarity,
  binaryCrossentropy,
  categoricalCrossentropy,
  sparseCategoricalCrossentropy,
  klDivergence,
  huber,
];
