/**
 * Numeric kernels: classification losses, with the semantics of `torch.nn.functional`
 * (cross_entropy, nll_loss, binary_cross_entropy(_with_logits), the margin losses) and
 * reference implementations of focal, poly-1, balanced and logistic losses.
 *
 * Class-index losses take input (C), (N, C) or (N, C, d1): the class axis is 0 for a
 * 1-D input and 1 otherwise. Every kernel is one pass over the input into
 * preallocated Float64Arrays.
 */
import { finiteFastPath, finiteFastValue, pointwiseFused, pointwiseLoss, type PointwiseKernel } from './elementwise';
import { LossInputError } from './errors';
import { defineMemoized, readReduction, sum, wantsEagerGradient, withScaledContributions, type Reduction } from './reduction';
import { simdBceLogitsSum, simdLogSumExpRows, simdRowsPerCall } from './simd/pointwise-simd';
import { expNeg, log1pUnit, logSigmoid, logSumExpNeg, sigmoid, softmaxInto, softplus } from './softmax';
import { broadcastShapes, broadcastTo, sameShape, shapeText, toNested } from './tensor';
import type { LossImplementation, LossResult, TypedTensor } from './types';
import { expectInRange, expectIndices, expectNotNaN, expectParamRange, expectRank, expectSameShape, type ChecksNaN } from './validate';

// Local bindings: a hot loop calling an import directly reads it through the module loader's
// export getter when run from TypeScript (tsx, mocha, the benchmark); a getter shared by several
// names goes megamorphic and the call is then neither inlined nor cheap (measured: 3 → 11 ns).
const expNegAt = expNeg;
const log1pAt = log1pUnit;
const softmaxRow = softmaxInto;

/** How a class-index input is laid out: `outer` samples × `C` classes × `inner` positions. */
export interface ClassLayout {
  outer: number;
  C: number;
  inner: number;
  /** Shape of the per-element loss (the input's shape without the class axis). */
  elemShape: number[];
}

export function classLayout(input: TypedTensor, name = 'input'): ClassLayout {
  expectRank(input, name, [1, 2, 3], '(C), (N, C) or (N, C, d1)');
  const s = input.shape;
  if (s.length === 1) return { outer: 1, C: s[0], inner: 1, elemShape: [] };
  if (s.length === 2) return { outer: s[0], C: s[1], inner: 1, elemShape: [s[0]] };
  return { outer: s[0], C: s[1], inner: s[2], elemShape: [s[0], s[2]] };
}

function expectIndexTarget(target: TypedTensor, input: TypedTensor, L: ClassLayout, probabilitiesToo: boolean): void {
  if (sameShape(target.shape, L.elemShape)) return;
  const alt = probabilitiesToo ? ` or class probabilities of the input's shape ${shapeText(input.shape)}` : '';
  throw new LossInputError(
    `target: expected class indices of shape ${shapeText(L.elemShape)}${alt}, found shape ${shapeText(target.shape)}`,
    'target',
  );
}

/** A per-class weight parameter: null, or a 1-D tensor of C values. */
export function readClassWeight(w: unknown, C: number, name = 'weight'): Float64Array | null {
  if (w === null || w === undefined) return null;
  const t = w as TypedTensor;
  if (t.shape.length !== 1 || t.shape[0] !== C) {
    throw new LossInputError(`${name}: expected one weight per class, shape (${C},), found shape ${shapeText(t.shape)}`, name);
  }
  return t.data;
}

/** An elementwise weight parameter broadcast to `shape` (null when absent). */
function readBroadcastWeight(w: unknown, shape: number[], name: string): Float64Array | null {
  if (w === null || w === undefined) return null;
  const t = w as TypedTensor;
  const b = broadcastShapes(shape, t.shape, 'input', name);
  if (!sameShape(b, shape)) {
    throw new LossInputError(
      `${name}: shape ${shapeText(t.shape)} must broadcast to the input's shape ${shapeText(shape)}`,
      name,
    );
  }
  return broadcastTo(t, shape).data;
}

/**
 * Builds the result when the kernel already scaled the gradient: value = Σ elements / denom
 * ('mean'), Σ elements ('sum') or the elements themselves ('none').
 */
export function finishReduction(
  elemShape: number[],
  elements: Float64Array,
  grad: Float64Array,
  predShape: number[],
  reduction: Reduction,
  denom: number,
  gradInput: string,
): LossResult {
  const el: TypedTensor = { shape: elemShape, data: elements };
  const g: TypedTensor = { shape: predShape, data: grad };
  if (reduction === 'none') return { value: toNested(el), elements: el, contributions: el, gradInput, grad: g };
  const d = reduction === 'mean' ? denom : 1;
  return withScaledContributions({ value: sum(elements) / d, elements: el, gradInput, grad: g }, 1 / d);
}

/** Σ of the weights (or count) of the targets that are not ignored: the 'mean' denominator of nll_loss. */
function indexDenominator(t: Float64Array, w: Float64Array | null, ignore: number): number {
  let d = 0;
  for (let e = 0; e < t.length; e++) {
    const y = t[e];
    if (y !== ignore) d += w ? w[y] : 1;
  }
  return d;
}

/**
 * The row loop of `crossEntropyIndices`: fills the scaled gradient `g` and `elems`, returns the sum
 * of the losses, and rejects NaN logits (see there). A function of its own so that V8 optimizes the
 * loop once: compiled on the stack inside its caller, it was dropped with the caller's code at
 * collections and re-entered unoptimized (11–28 ns/element from one call to the next).
 * With `g` null it is the forward pass alone (the log-sum-exp without writing the softmax): the
 * same losses and sum, bit for bit, for a result whose gradient is computed when first read. On a
 * long input with contiguous rows (inner = 1) the forward pass takes the log-sum-exps of a chunk of
 * rows at a time from the SIMD loop (simd/pointwise-simd.ts), which are logSumExpNeg's bit for bit;
 * everything else (ignore_index, weights, label smoothing, the NaN checks) is this loop's as ever.
 */
function crossEntropyRows(
  x: TypedTensor,
  td: Float64Array,
  w: Float64Array | null,
  ignore: number,
  L: ClassLayout,
  s: number,
  W: number,
  eps: number,
  g: Float64Array | null,
  elems: Float64Array,
): number {
  const { outer, C, inner } = L;
  const xd = x.data;
  const a0 = 1 - eps;
  const b0 = eps / C;
  const rowStride = C * inner;
  // the forward pass over contiguous rows: their log-sum-exps by the SIMD loop, a chunk of rows at a time
  const perCall = g === null && inner === 1 ? simdRowsPerCall(C, xd.length) : 0;
  const rowsAtOnce = perCall || outer;
  let total = 0;
  let unchecked = 0; // NaN (or ±inf) when some row the total does not vouch for holds a NaN
  for (let o0 = 0; o0 < outer; o0 += rowsAtOnce) {
    const o1 = Math.min(outer, o0 + rowsAtOnce);
    const lses = perCall ? simdLogSumExpRows(xd, o0, o1 - o0, C) : null; // logSumExpNeg's, bit for bit
    for (let o = o0; o < o1; o++) {
      for (let i = 0; i < inner; i++) {
        const e = o * inner + i;
        const y = td[e];
        const base = o * rowStride + i;
        const end = base + rowStride;
        if (y === ignore) {
          // loss 0, gradient 0; the row is not read otherwise, so look at it for NaN
          for (let p = base; p < end; p += inner) unchecked += xd[p] - xd[p];
          continue;
        }
        const wy = w ? w[y] : 1;
        const a = a0 * wy * s;
        const b = b0 * s;
        // softmax scaled by a (+ b·W with smoothing): the gradient is then one more pass at most
        const lse = g
          ? softmaxRow(xd, g, base, C, inner, eps !== 0 ? a + b * W : a, true)
          : lses
            ? lses[o - o0]
            : logSumExpNeg(xd, base, C, inner);
        if (lse - lse !== 0) unchecked = NaN; // an infinite max: a NaN in the row would not show
        const py = base + y * inner;
        let loss = a0 * wy * (lse - xd[py]);
        if (eps !== 0) {
          let sm = 0;
          if (w) {
            for (let p = base, c = 0; p < end; p += inner, c++) {
              sm += w[c] * (lse - xd[p]);
              if (g) g[p] -= b * w[c];
            }
          } else {
            for (let p = base; p < end; p += inner) {
              sm += lse - xd[p];
              if (g) g[p] -= b;
            }
          }
          loss += b0 * sm;
        }
        if (g) g[py] -= a;
        elems[e] = loss;
        total += loss; // in index order, as a sum of `elems` would (ignored rows add +0: no change)
      }
    }
  }
  if (total !== total || unchecked !== 0) expectNotNaN(x, 'input');
  return total;
}

/**
 * cross_entropy with class-index targets (weight, ignore_index, label_smoothing), in one pass over
 * the logits: each row's softmax (scaled) is the gradient, and the loss is summed as it goes.
 *
 * NaN logits are found here, not by an up-front scan (`checksNaN`): a row whose log-sum-exp is
 * finite has a finite max, so a NaN in it makes the sum of exponentials, hence the row's loss and
 * the total, NaN. Rows the loop cannot vouch for (ignored rows, which it does not read, and rows
 * with an infinite max) are flagged instead, and the input is then scanned. NaN targets fail
 * `expectIndices`.
 */
function crossEntropyIndices(
  x: TypedTensor,
  t: TypedTensor,
  L: ClassLayout,
  w: Float64Array | null,
  ignore: number,
  eps: number,
  reduction: Reduction,
  eagerGradient = false,
): LossResult {
  const { outer, C, inner } = L;
  expectIndices(t, 'target', 0, C, ignore);
  const td = t.data;
  const xd = x.data;
  const denom = indexDenominator(td, w, ignore);
  const s = reduction === 'mean' ? 1 / denom : 1;
  let W = C;
  if (w) {
    W = 0;
    for (let c = 0; c < C; c++) W += w[c];
  }
  const elems = new Float64Array(outer * inner);
  const el: TypedTensor = { shape: L.elemShape, data: elems };
  const gradPass = (losses: Float64Array): { grad: TypedTensor; total: number } => {
    const g = new Float64Array(xd.length);
    const total = crossEntropyRows(x, td, w, ignore, L, s, W, eps, g, losses);
    return { grad: { shape: x.shape, data: g }, total };
  };
  if (reduction === 'none' || eagerGradient) {
    // One fused pass: the softmax rows are the gradient, the losses are summed as they go.
    const { grad, total } = gradPass(elems);
    if (reduction === 'none') return { value: toNested(el), elements: el, contributions: el, gradInput: 'input', grad };
    const d = reduction === 'mean' ? denom : 1;
    return withScaledContributions({ value: total / d, elements: el, gradInput: 'input', grad }, 1 / d);
  }
  // The forward pass only; the gradient (softmax minus one-hot, scaled) when `grad` is first read.
  const total = crossEntropyRows(x, td, w, ignore, L, s, W, eps, null, elems);
  const d = reduction === 'mean' ? denom : 1;
  const result = { value: total / d, elements: el, gradInput: 'input' } as Omit<LossResult, 'contributions'>;
  defineMemoized(result, 'grad', () => gradPass(new Float64Array(elems.length)).grad);
  return withScaledContributions(result, 1 / d);
}

/** cross_entropy with class-probability targets of the input's shape. */
function crossEntropyProbabilities(
  x: TypedTensor,
  t: TypedTensor,
  L: ClassLayout,
  w: Float64Array | null,
  eps: number,
  reduction: Reduction,
): LossResult {
  const { outer, C, inner } = L;
  const xd = x.data;
  const td = t.data;
  const n = outer * inner;
  const s = reduction === 'mean' ? 1 / n : 1;
  const a0 = 1 - eps;
  const b0 = eps / C;
  const elems = new Float64Array(n);
  const g = new Float64Array(xd.length);
  const rowStride = C * inner;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * rowStride + i;
      const end = base + rowStride;
      const lse = softmaxInto(xd, g, base, C, inner);
      let loss = 0;
      let tw = 0;
      for (let p = base, c = 0; p < end; p += inner, c++) {
        const wt = (w ? w[c] : 1) * (td[p] * a0 + b0);
        loss += wt * (lse - xd[p]);
        tw += wt;
      }
      for (let p = base, c = 0; p < end; p += inner, c++) {
        const wt = (w ? w[c] : 1) * (td[p] * a0 + b0);
        g[p] = s * (g[p] * tw - wt);
      }
      elems[o * inner + i] = loss;
    }
  }
  return finishReduction(L.elemShape, elems, g, x.shape, reduction, n, 'input');
}

/** `checksNaN`: the index path finds NaN logits in its own pass; the probability path scans first. */
const crossEntropy: LossImplementation & ChecksNaN = {
  id: 'cross-entropy',
  gradInput: 'input',
  checksNaN: true,
  kernel: ({ input, target }, params) => {
    const reduction = readReduction(params);
    const L = classLayout(input);
    const w = readClassWeight(params.weight, L.C);
    const eps = params.label_smoothing as number;
    expectParamRange(eps, 'label_smoothing', 0, 1);
    const ignore = params.ignore_index as number;
    if (sameShape(target.shape, input.shape)) {
      if (ignore >= 0) {
        throw new LossInputError(
          `ignore_index: only applies to class-index targets; with class-probability targets expected a negative value, found ${ignore}`,
          'ignore_index',
        );
      }
      expectNotNaN(input, 'input');
      expectNotNaN(target, 'target');
      return crossEntropyProbabilities(input, target, L, w, eps, reduction);
    }
    expectIndexTarget(target, input, L, true);
    return crossEntropyIndices(input, target, L, w, ignore, eps, reduction, wantsEagerGradient(params));
  },
};

/** nll_loss: the input already holds log-probabilities. */
const nllLoss: LossImplementation = {
  id: 'nll-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const reduction = readReduction(params);
    const L = classLayout(input);
    expectIndexTarget(target, input, L, false);
    const w = readClassWeight(params.weight, L.C);
    const ignore = params.ignore_index as number;
    const { outer, C, inner } = L;
    expectIndices(target, 'target', 0, C, ignore);
    const td = target.data;
    const xd = input.data;
    const denom = indexDenominator(td, w, ignore);
    const s = reduction === 'mean' ? 1 / denom : 1;
    const elems = new Float64Array(outer * inner);
    const g = new Float64Array(xd.length);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const e = o * inner + i;
        const y = td[e];
        if (y === ignore) continue;
        const wy = w ? w[y] : 1;
        const py = o * C * inner + y * inner + i;
        elems[e] = -wy * xd[py];
        g[py] = -wy * s;
      }
    }
    return finishReduction(L.elemShape, elems, g, input.shape, reduction, denom, 'input');
  },
};

/**
 * One row's loss from its softmax: `g` holds softmax(x) over the row (positions base, base +
 * inner, ... < end); the function returns the row's loss and overwrites `g` there with
 * d(loss)/dx times `s` (the reduction's scale). `c` = −log p_y = lse − x_y.
 */
export type SoftmaxRowLoss = (g: Float64Array, base: number, end: number, inner: number, py: number, c: number, s: number) => number;

/**
 * The loop shared by class-index losses computed row by row from the softmax of the logits
 * (classes on dim 1, as `cross_entropy`). The caller has validated `target` against `L`.
 */
export function softmaxIndexRows(input: TypedTensor, target: TypedTensor, L: ClassLayout, reduction: Reduction, row: SoftmaxRowLoss): LossResult {
  const { outer, C, inner } = L;
  expectIndices(target, 'target', 0, C);
  const xd = input.data;
  const td = target.data;
  const n = outer * inner;
  const s = reduction === 'mean' ? 1 / n : 1;
  const elems = new Float64Array(n);
  const g = new Float64Array(xd.length);
  const rowStride = C * inner;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const e = o * inner + i;
      const base = o * rowStride + i;
      const lse = softmaxInto(xd, g, base, C, inner);
      const py = base + td[e] * inner;
      elems[e] = row(g, base, base + rowStride, inner, py, lse - xd[py], s);
    }
  }
  return finishReduction(L.elemShape, elems, g, input.shape, reduction, n, 'input');
}

/**
 * Softmax losses that depend on a row only through c = −log p_y: `f` writes the loss into
 * out[0] and dloss/dc into out[1] (the gradient is then dloss/dc · (softmax − onehot)).
 */
function softmaxTargetLoss(
  input: TypedTensor,
  target: TypedTensor,
  reduction: Reduction,
  f: (c: number, out: Float64Array) => void,
): LossResult {
  const L = classLayout(input);
  expectIndexTarget(target, input, L, false);
  const pair = new Float64Array(2);
  return softmaxIndexRows(input, target, L, reduction, (g, base, end, inner, py, c, s) => {
    f(c, pair);
    const k = pair[1] * s;
    for (let p = base; p < end; p += inner) g[p] *= k;
    g[py] -= k;
    return pair[0];
  });
}

/** Multi-class focal loss (Lin et al. 2017): α (1 − p_t)^γ · (−log p_t) per sample. */
const focal: LossImplementation = {
  id: 'focal-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const gamma = params.gamma as number;
    const alpha = params.alpha as number;
    expectParamRange(gamma, 'gamma', 0, Infinity);
    return softmaxTargetLoss(input, target, readReduction(params), (c, out) => {
      const pt = Math.exp(-c);
      const q = -Math.expm1(-c); // 1 − p_t without cancellation
      const mod = gamma === 0 ? 1 : Math.pow(q, gamma);
      out[0] = alpha * mod * c;
      out[1] = alpha * (mod + (c === 0 || gamma === 0 ? 0 : gamma * Math.pow(q, gamma - 1) * pt * c));
    });
  },
};

/**
 * Poly-1 (Leng et al. 2022) as optax.poly_loss_cross_entropy: classes on the last axis,
 * one-hot or soft labels, cross-entropy + ε Σ labels·(1 − softmax), one value per example.
 */
const poly1: LossImplementation = {
  id: 'poly-loss',
  gradInput: 'logits',
  kernel: ({ logits, labels }, params) => {
    const epsilon = params.epsilon as number;
    expectSameShape(logits, labels, 'logits', 'labels');
    const { rows, C, elemShape } = lastAxisRows(logits, 'logits');
    const xd = logits.data;
    const td = labels.data;
    const elems = new Float64Array(rows);
    const g = new Float64Array(xd.length);
    for (let r = 0; r < rows; r++) {
      const base = r * C;
      const end = base + C;
      const lse = softmaxInto(xd, g, base, C, 1);
      let ce = 0;
      let total = 0;
      let pt = 0;
      for (let p = base; p < end; p++) {
        const t = td[p];
        ce += t * (lse - xd[p]);
        total += t;
        pt += t * g[p];
      }
      for (let p = base; p < end; p++) {
        const t = td[p];
        g[p] = g[p] * total - t - epsilon * g[p] * (t - pt);
      }
      // optax: ε Σ labels·(1 − p) = ε (Σ labels − pt), which is ε (1 − pt) only for labels summing to 1.
      elems[r] = ce + epsilon * (total - pt);
    }
    return finishReduction(elemShape, elems, g, logits.shape, 'none', 1, 'logits');
  },
};

/** PyTorch's `static const float EPSILON = 1e-12` (a float32, so slightly below 1e-12). */
const BCE_EPSILON = Math.fround(1e-12);

/** Writes element i's loss into out[0] and d(loss)/d(input) into out[1]. */
type IndexedPointwise = (x: number, y: number, i: number, out: Float64Array) => void;

/**
 * An elementwise loss on same-shaped input and target, times an optional per-element
 * weight (already broadcast to the input's shape), reduced by a plain mean.
 */
function weightedPointwise(
  input: TypedTensor,
  target: TypedTensor,
  w: Float64Array | null,
  reduction: Reduction,
  f: IndexedPointwise,
): LossResult {
  const xd = input.data;
  const yd = target.data;
  const n = xd.length;
  const s = reduction === 'mean' ? 1 / n : 1;
  const elems = new Float64Array(n);
  const g = new Float64Array(n);
  const pair = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    f(xd[i], yd[i], i, pair);
    const wi = w ? w[i] : 1;
    elems[i] = wi * pair[0];
    g[i] = wi * s * pair[1];
  }
  return finishReduction(input.shape, elems, g, input.shape, reduction, n, 'input');
}

/**
 * binary_cross_entropy on probabilities: logs clamped at −100 and the gradient's
 * denominator at EPSILON, exactly as PyTorch does.
 */
function bceProbabilities(input: TypedTensor, target: TypedTensor, w: Float64Array | null, reduction: Reduction): LossResult {
  expectSameShape(input, target, 'input', 'target');
  expectInRange(input, 'input', 0, 1);
  return weightedPointwise(input, target, w, reduction, (x, y, _i, out) => {
    out[0] = (y - 1) * Math.max(Math.log(1 - x), -100) - y * Math.max(Math.log(x), -100);
    out[1] = (x - y) / Math.max((1 - x) * x, BCE_EPSILON);
  });
}

const bce: LossImplementation = {
  id: 'binary-cross-entropy',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const reduction = readReduction(params);
    expectSameShape(input, target, 'input', 'target');
    return bceProbabilities(input, target, readBroadcastWeight(params.weight, input.shape, 'weight'), reduction);
  },
};

/** α-balanced BCE: weight α on positives and 1 − α on negatives (α t + (1 − α)(1 − t) for soft targets). */
const balancedBce: LossImplementation = {
  id: 'balanced-cross-entropy',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const reduction = readReduction(params);
    const alpha = params.alpha as number;
    expectParamRange(alpha, 'alpha', 0, 1);
    expectSameShape(input, target, 'input', 'target');
    const yd = target.data;
    const w = new Float64Array(yd.length);
    for (let i = 0; i < yd.length; i++) w[i] = alpha * yd[i] + (1 - alpha) * (1 - yd[i]);
    return bceProbabilities(input, target, w, reduction);
  },
};

/** bce_with_logits' optional per-element weights, broadcast to the input's shape. */
interface BceWeights {
  w: Float64Array | null;
  pw: Float64Array | null;
}

/**
 * One element of bce_with_logits, the plain formula (also the reference the fast loop matches):
 * writes d(loss)/dx · scale to grad[i] and returns the loss. One exp and one log1p per element:
 * e = exp(−|x|) gives both softplus(−|x|) = log1p(e) and the sigmoid; the loss
 * (1 − y)·x + lw·softplus(−x) is arranged so that no branch cancels. The exp and log1p are
 * softmax.ts' inlined expNeg / log1pUnit (within 2 ulp of Math's; a third of the time).
 */
function bceLogitsAt(xd: Float64Array, yd: Float64Array, grad: Float64Array | null, scale: number, { w, pw }: BceWeights, i: number): number {
  const x = xd[i];
  const y = yd[i];
  const pwi = pw === null ? 1 : pw[i];
  const lw = 1 + (pwi - 1) * y;
  const e = expNegAt(Math.abs(x));
  const sp = log1pAt(e);
  const inv = 1 / (1 + e);
  let l: number;
  let sig: number;
  if (x >= 0) {
    l = (1 - y) * x + lw * sp;
    sig = inv;
  } else {
    l = -pwi * y * x + lw * sp;
    sig = e * inv;
  }
  const wi = w === null ? 1 : w[i];
  if (grad !== null) grad[i] = wi * scale * (lw * sig - pwi * y);
  return wi * l;
}

/**
 * bce_with_logits' forward pass `js` with the SIMD loop (simd/pointwise-simd.ts) in front: with no
 * weight and no pos_weight, its sum where it runs (long inputs, SIMD on) and comes out finite,
 * which is then `js`'s bit for bit (the same losses added in the same order); `js` otherwise
 * (weights, short inputs, SIMD off or missing, an element that is not finite, NaN included).
 */
function bceLogitsSimdFirst(js: NonNullable<PointwiseKernel<BceWeights>['value']>): NonNullable<PointwiseKernel<BceWeights>['value']> {
  return (xd, yd, p) => {
    if (p.w === null && p.pw === null) {
      const s = simdBceLogitsSum(xd, yd);
      if (s !== null && s - s === 0) return s; // s − s is 0 exactly when s is finite
    }
    return js(xd, yd, p);
  };
}

/**
 * bce_with_logits as one pass (see `pointwiseFused`). The sign of x is random in real data, so
 * the fast loop selects the x ≥ 0 and x < 0 pieces with k = +(x ≥ 0) ∈ {0, 1} instead of
 * branching (the idiom and why k is made as 2·(0 or ½): regression.ts). The sigmoid pieces are
 * finite and ≥ 0, so the gradient is the plain formula's bit for bit; the unselected loss piece
 * is ±0 when finite, so the sum is too (an element may differ only in the sign of a zero, which
 * no sum sees; `elements` come from the plain formula). An infinite piece (x or y infinite, an
 * infinite weight) makes the sum non-finite, and the plain loop then redoes everything.
 * The sum is NaN whenever x or y is (weights are checked for NaN as parameters).
 */
const BCE_LOGITS: PointwiseKernel<BceWeights> = {
  valueGrad: finiteFastPath<BceWeights>(
    (xd, yd, grad, scale, { w, pw }) => {
      let s = 0;
      for (let i = 0; i < xd.length; i++) {
        const x = xd[i];
        const y = yd[i];
        const pwi = pw === null ? 1 : pw[i];
        const lw = 1 + (pwi - 1) * y;
        const e = expNegAt(Math.abs(x));
        const sp = log1pAt(e);
        const inv = 1 / (1 + e);
        const h = +(x >= 0) * 0.5;
        const k = h + h;
        const j = 1 - k;
        const l = k * ((1 - y) * x) + j * (-pwi * y * x) + lw * sp;
        const sig = k * inv + j * (e * inv);
        const wi = w === null ? 1 : w[i];
        s += wi * l;
        grad[i] = wi * scale * (lw * sig - pwi * y);
      }
      return s;
    },
    (xd, yd, grad, scale, p) => {
      let s = 0;
      for (let i = 0; i < xd.length; i++) s += bceLogitsAt(xd, yd, grad, scale, p, i);
      return s;
    },
  ),
  // valueGrad's loops without the gradient (the sigmoid is not needed): the same sum, bit for bit;
  // the SIMD loop's first where it serves (see bceLogitsSimdFirst).
  value: bceLogitsSimdFirst(finiteFastValue<BceWeights>(
    (xd, yd, { w, pw }) => {
      let s = 0;
      for (let i = 0; i < xd.length; i++) {
        const x = xd[i];
        const y = yd[i];
        const pwi = pw === null ? 1 : pw[i];
        const lw = 1 + (pwi - 1) * y;
        const sp = log1pAt(expNegAt(Math.abs(x)));
        const h = +(x >= 0) * 0.5;
        const k = h + h;
        const j = 1 - k;
        const l = k * ((1 - y) * x) + j * (-pwi * y * x) + lw * sp;
        s += (w === null ? 1 : w[i]) * l;
      }
      return s;
    },
    (xd, yd, p) => {
      let s = 0;
      for (let i = 0; i < xd.length; i++) s += bceLogitsAt(xd, yd, null, 1, p, i);
      return s;
    },
  )),
  values(xd, yd, out, p) {
    for (let i = 0; i < xd.length; i++) out[i] = bceLogitsAt(xd, yd, null, 1, p, i);
  },
};

const bceWithLogits: LossImplementation & ChecksNaN = {
  id: 'bce-with-logits',
  gradInput: 'input',
  checksNaN: true,
  kernel: ({ input, target }, params) => {
    readReduction(params);
    expectSameShape(input, target, 'input', 'target');
    const w = readBroadcastWeight(params.weight, input.shape, 'weight');
    const pw = readBroadcastWeight(params.pos_weight, input.shape, 'pos_weight');
    return pointwiseFused(input, target, params, BCE_LOGITS, { w, pw });
  },
};

/** log(1 + exp(−y·x)) elementwise, stable for any |y·x|. */
function softMarginPointwise(input: TypedTensor, target: TypedTensor, params: Readonly<Record<string, unknown>>): LossResult {
  return pointwiseLoss(input, target, params, (x, y, out) => {
    const z = -y * x;
    out[0] = softplus(z);
    out[1] = -y * sigmoid(z);
  });
}

const softMargin: LossImplementation = {
  id: 'soft-margin-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => softMarginPointwise(input, target, params),
};

/** The logistic loss of a score f and a label y ∈ {−1, +1} (the labels are checked). */
const logistic: LossImplementation = {
  id: 'logistic-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const d = target.data;
    for (let i = 0; i < d.length; i++) {
      if (d[i] !== 1 && d[i] !== -1) {
        throw new LossInputError(`target: expected labels −1 or +1, found ${d[i]} at flat index ${i}`, 'target');
      }
    }
    return softMarginPointwise(input, target, params);
  },
};

/** Rows over the last axis: `rows` of `C`; elements have the shape without the last axis. */
function lastAxisRows(input: TypedTensor, name = 'input'): { rows: number; C: number; elemShape: number[] } {
  expectRank(input, name, [1, 2, 3], '(C), (N, C) or (N, d1, C)');
  const C = input.shape[input.shape.length - 1];
  const elemShape = input.shape.slice(0, -1);
  // One row per position of the leading dimensions, also when C = 0 (rows of no classes).
  let rows = 1;
  for (const d of elemShape) rows *= d;
  return { rows, C, elemShape };
}

const multilabelSoftMargin: LossImplementation = {
  id: 'multilabel-soft-margin-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const reduction = readReduction(params);
    expectSameShape(input, target, 'input', 'target');
    const { rows, C, elemShape } = lastAxisRows(input);
    const w = readBroadcastWeight(params.weight, input.shape, 'weight');
    const xd = input.data;
    const yd = target.data;
    const s = (reduction === 'mean' ? 1 / rows : 1) / C;
    const elems = new Float64Array(rows);
    const g = new Float64Array(xd.length);
    for (let r = 0; r < rows; r++) {
      let acc = 0;
      for (let p = r * C, end = p + C; p < end; p++) {
        const x = xd[p];
        const y = yd[p];
        const wi = w ? w[p] : 1;
        acc -= wi * (y * logSigmoid(x) + (1 - y) * logSigmoid(-x));
        g[p] = wi * s * (sigmoid(x) - y);
      }
      elems[r] = acc / C;
    }
    return finishReduction(elemShape, elems, g, input.shape, reduction, rows, 'input');
  },
};

const multilabelMargin: LossImplementation = {
  id: 'multilabel-margin-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const reduction = readReduction(params);
    expectRank(input, 'input', [1, 2], '(C) or (N, C)');
    expectSameShape(input, target, 'input', 'target');
    const C = input.shape[input.shape.length - 1];
    const rows = input.shape.length === 1 ? 1 : input.shape[0];
    expectIndices(target, 'target', -1, C);
    const xd = input.data;
    const td = target.data;
    const s = reduction === 'mean' ? 1 / rows : 1;
    const elems = new Float64Array(rows);
    const g = new Float64Array(xd.length);
    const isTarget = new Uint8Array(C);
    for (let r = 0; r < rows; r++) {
      const base = r * C;
      isTarget.fill(0);
      let count = 0;
      while (count < C && td[base + count] >= 0) isTarget[td[base + count++]] = 1;
      let acc = 0;
      const k = s / C;
      for (let j = 0; j < count; j++) {
        const yj = base + td[base + j];
        for (let i = 0; i < C; i++) {
          if (isTarget[i]) continue;
          const z = 1 - xd[yj] + xd[base + i];
          if (z > 0) {
            acc += z;
            g[base + i] += k;
            g[yj] -= k;
          }
        }
      }
      elems[r] = acc / C;
    }
    return finishReduction(input.shape.slice(0, -1), elems, g, input.shape, reduction, rows, 'input');
  },
};

const multiMargin: LossImplementation = {
  id: 'multi-margin-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const reduction = readReduction(params);
    const p = params.p as number;
    if (p !== 1 && p !== 2) throw new LossInputError(`p: expected 1 or 2, found ${p}`, 'p');
    const margin = params.margin as number;
    expectRank(input, 'input', [1, 2], '(C) or (N, C)');
    const C = input.shape[input.shape.length - 1];
    const rows = input.shape.length === 1 ? 1 : input.shape[0];
    const elemShape = input.shape.slice(0, -1);
    if (!sameShape(target.shape, elemShape)) {
      throw new LossInputError(`target: expected class indices of shape ${shapeText(elemShape)}, found shape ${shapeText(target.shape)}`, 'target');
    }
    expectIndices(target, 'target', 0, C);
    const w = readClassWeight(params.weight, C);
    const xd = input.data;
    const td = target.data;
    const s = reduction === 'mean' ? 1 / rows : 1;
    const elems = new Float64Array(rows);
    const g = new Float64Array(xd.length);
    for (let r = 0; r < rows; r++) {
      const base = r * C;
      const y = td[r];
      const wy = w ? w[y] : 1;
      const xy = xd[base + y];
      let acc = 0;
      for (let i = 0; i < C; i++) {
        if (i === y) continue;
        const z = margin - xy + xd[base + i];
        if (z > 0) {
          acc += (p === 1 ? z : z * z) * wy;
          const gi = ((p === 1 ? 1 : 2 * z) * wy * s) / C;
          g[base + i] += gi;
          g[base + y] -= gi;
        }
      }
      elems[r] = acc / C;
    }
    return finishReduction(elemShape, elems, g, input.shape, reduction, rows, 'input');
  },
};

export const CLASSIFICATION_KERNELS: readonly LossImplementation[] = [
  crossEntropy,
  nllLoss,
  bce,
  bceWithLogits,
  softMargin,
  multilabelSoftMargin,
  multilabelMargin,
  multiMargin,
  balancedBce,
  focal,
  logistic,
  poly1,
];
