/**
 * Numeric kernels: pairwise and embedding losses (margin ranking, hinge/cosine embedding, triplet).
 * Semantics follow `torch.nn.functional` 1.13 (ATen `Loss.cpp`), including where autograd lets the
 * gradient through a clamp at exactly zero (`clamp_min` passes it when the argument equals the bound)
 * and how `torch.min` splits the gradient between tied arguments.
 */
import { LossInputError } from './errors';
import { pointwiseLoss } from './elementwise';
import { readReduction, reduceByMean } from './reduction';
import { broadcastShapes, broadcastTo, reduceToShape, shapeText } from './tensor';
import type { LossImplementation, TypedTensor } from './types';
import { expectFinite, expectParamRange, expectRank, expectSameShape } from './validate';

/** Every value of a label tensor is 1 or -1 (what the torch docs require of `target`). */
export function expectSigns(t: TypedTensor, name: string): void {
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    if (d[i] !== 1 && d[i] !== -1) {
      throw new LossInputError(`${name}: expected labels 1 or -1, found ${d[i]} at flat index ${i}`, name);
    }
  }
}

/** `F.hinge_embedding_loss`: x where y = 1, max(0, margin − x) where y = −1. */
const hingeEmbedding: LossImplementation = {
  id: 'hinge-embedding-loss',
  gradInput: 'input',
  kernel: ({ input, target }, params) => {
    const margin = params.margin as number;
    expectSigns(target, 'target');
    return pointwiseLoss(input, target, params, (x, y, out) => {
      if (y === 1) {
        out[0] = x;
        out[1] = 1;
      } else {
        const m = margin - x;
        out[0] = m > 0 ? m : 0;
        out[1] = m >= 0 ? -1 : 0;
      }
    });
  },
};

/** `F.margin_ranking_loss`: max(0, −y·(x1 − x2) + margin), broadcast over equal-rank inputs. */
const marginRanking: LossImplementation = {
  id: 'margin-ranking-loss',
  gradInput: 'input1',
  kernel: ({ input1, input2, target }, params) => {
    const reduction = readReduction(params);
    const margin = params.margin as number;
    // torch: "All input tensors should have same dimension"
    for (const [t, name] of [[input2, 'input2'], [target, 'target']] as const) {
      if (t.shape.length !== input1.shape.length) {
        throw new LossInputError(
          `${name}: expected ${input1.shape.length}-D like input1 ${shapeText(input1.shape)}, found shape ${shapeText(t.shape)}`,
          name,
        );
      }
    }
    expectSigns(target, 'target');
    const s12 = broadcastShapes(input1.shape, input2.shape, 'input1', 'input2');
    const shape = broadcastShapes(s12, target.shape, 'input1', 'target');
    const a = broadcastTo(input1, shape).data;
    const b = broadcastTo(input2, shape).data;
    const y = broadcastTo(target, shape).data;
    const n = a.length;
    const loss = new Float64Array(n);
    const grad = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const u = -y[i] * (a[i] - b[i]) + margin;
      loss[i] = u > 0 ? u : 0;
      grad[i] = u >= 0 ? -y[i] : 0;
    }
    const result = reduceByMean({ shape, data: loss }, grad, shape, reduction, 'input1');
    result.grad = reduceToShape(result.grad, input1.shape);
    return result;
  },
};

/** torch's EPSILON in cosine_embedding_loss, added to each squared norm: a C++ `float` 1e-12 (9.99999996e-13). */
const COSINE_EPS = Math.fround(1e-12);

/**
 * `F.cosine_embedding_loss`: 1 − cos(x1, x2) where y = 1, max(0, cos − margin) where y = −1.
 * cos = ⟨x1, x2⟩ / sqrt((|x1|² + 1e-12)(|x2|² + 1e-12)), exactly as ATen computes it.
 * Inputs (D) with a 0-D target, or (N, D) with a (N) target.
 */
const cosineEmbedding: LossImplementation = {
  id: 'cosine-embedding-loss',
  gradInput: 'input1',
  kernel: ({ input1, input2, target }, params) => {
    const reduction = readReduction(params);
    const margin = params.margin as number;
    expectRank(target, 'target', [0, 1], '0-D or 1-D target (one label per pair)');
    const batched = target.shape.length === 1;
    expectRank(input1, 'input1', [batched ? 2 : 1], batched ? '2-D (N, D) with a 1-D target' : '1-D (D) with a 0-D target');
    expectSameShape(input1, input2, 'input1', 'input2');
    if (batched && target.shape[0] !== input1.shape[0]) {
      throw new LossInputError(
        `target: expected ${input1.shape[0]} labels (one per row of input1 ${shapeText(input1.shape)}), found ${target.shape[0]}`,
        'target',
      );
    }
    expectSigns(target, 'target');
    const rows = batched ? input1.shape[0] : 1;
    const D = batched ? input1.shape[1] : input1.shape[0];
    const x1 = input1.data;
    const x2 = input2.data;
    const loss = new Float64Array(rows);
    const grad = new Float64Array(x1.length);
    for (let r = 0; r < rows; r++) {
      const o = r * D;
      let dot = 0;
      let s1 = 0;
      let s2 = 0;
      for (let k = 0; k < D; k++) {
        dot += x1[o + k] * x2[o + k];
        s1 += x1[o + k] * x1[o + k];
        s2 += x2[o + k] * x2[o + k];
      }
      s1 += COSINE_EPS;
      s2 += COSINE_EPS;
      const den = Math.sqrt(s1 * s2);
      const cos = dot / den;
      // d cos / d x1 = x2 / den − cos · x1 / s1; the loss is ±cos (or clamped)
      let sign: number;
      if (target.data[r] === 1) {
        loss[r] = 1 - cos;
        sign = -1;
      } else {
        const u = cos - margin;
        loss[r] = u > 0 ? u : 0;
        sign = u >= 0 ? 1 : 0;
      }
      if (sign !== 0) {
        const inv = 1 / den;
        const c = cos / s1;
        for (let k = 0; k < D; k++) grad[o + k] = sign * (x2[o + k] * inv - c * x1[o + k]);
      }
    }
    const shape = batched ? [rows] : [];
    return reduceByMean({ shape, data: loss }, grad, input1.shape, reduction, 'input1');
  },
};

/**
 * `F.pairwise_distance(x1, x2, p, eps)` over the last axis, row `r` of length `D`:
 * ‖x1 − x2 + eps‖_p. When `g` is given, adds `scale · ∂/∂x1` of the distance into `g`
 * at the same row (torch's norm backward: 0 where the norm is 0; for p = ∞ the gradient
 * is shared among the entries that attain the maximum).
 */
export function pairwiseDistance(
  x1: Float64Array,
  x2: Float64Array,
  o: number,
  D: number,
  p: number,
  eps: number,
  g?: Float64Array,
  scale = 0,
): number {
  let norm: number;
  if (p === 2) {
    let s = 0;
    for (let k = 0; k < D; k++) {
      const d = x1[o + k] - x2[o + k] + eps;
      s += d * d;
    }
    norm = Math.sqrt(s);
  } else if (p === 1) {
    let s = 0;
    for (let k = 0; k < D; k++) s += Math.abs(x1[o + k] - x2[o + k] + eps);
    norm = s;
  } else if (p === Infinity) {
    let m = 0;
    for (let k = 0; k < D; k++) {
      const a = Math.abs(x1[o + k] - x2[o + k] + eps);
      if (a > m) m = a;
    }
    norm = m;
  } else if (p === 0) {
    let c = 0;
    for (let k = 0; k < D; k++) if (x1[o + k] - x2[o + k] + eps !== 0) c++;
    norm = c;
  } else {
    let s = 0;
    for (let k = 0; k < D; k++) s += Math.pow(Math.abs(x1[o + k] - x2[o + k] + eps), p);
    norm = Math.pow(s, 1 / p);
  }
  if (!g || scale === 0 || p === 0) return norm;
  if (p === 1) {
    for (let k = 0; k < D; k++) g[o + k] += scale * Math.sign(x1[o + k] - x2[o + k] + eps);
  } else if (p === 2) {
    if (norm === 0) return norm;
    const f = scale / norm;
    for (let k = 0; k < D; k++) g[o + k] += f * (x1[o + k] - x2[o + k] + eps);
  } else if (p === Infinity) {
    let count = 0;
    for (let k = 0; k < D; k++) if (Math.abs(x1[o + k] - x2[o + k] + eps) === norm) count++;
    if (count === 0) return norm;
    const f = scale / count;
    for (let k = 0; k < D; k++) {
      const d = x1[o + k] - x2[o + k] + eps;
      if (Math.abs(d) === norm) g[o + k] += f * Math.sign(d);
    }
  } else if (p < 1) {
    // sgn(d) |d|^(p−1) (0 where d = 0) · norm^(1−p)
    const f = scale * Math.pow(norm, 1 - p);
    for (let k = 0; k < D; k++) {
      const d = x1[o + k] - x2[o + k] + eps;
      if (d !== 0) g[o + k] += f * Math.sign(d) * Math.pow(Math.abs(d), p - 1);
    }
  } else {
    if (norm === 0) return norm;
    const f = scale / Math.pow(norm, p - 1);
    for (let k = 0; k < D; k++) {
      const d = x1[o + k] - x2[o + k] + eps;
      g[o + k] += f * Math.sign(d) * Math.pow(Math.abs(d), p - 1);
    }
  }
  return norm;
}

/**
 * The triplet hinge shared by `triplet_margin_loss` and `triplet_margin_with_distance_loss`
 * (whose default distance is `pairwise_distance` with p = 2, eps = 1e-6).
 * `torchOrder` selects the two libraries' order of additions (C++: margin + d⁺ − d⁻; Python: d⁺ − d⁻ + margin).
 */
function tripletKernel(
  inputs: Readonly<Record<string, TypedTensor>>,
  params: Readonly<Record<string, unknown>>,
  p: number,
  eps: number,
  cppOrder: boolean,
) {
  const { anchor, positive, negative } = inputs;
  const reduction = readReduction(params);
  const margin = params.margin as number;
  const swap = params.swap as boolean;
  expectRank(anchor, 'anchor', [1, 2], '1-D (D) or 2-D (N, D)');
  expectSameShape(anchor, positive, 'anchor', 'positive');
  expectSameShape(anchor, negative, 'anchor', 'negative');
  const batched = anchor.shape.length === 2;
  const rows = batched ? anchor.shape[0] : 1;
  const D = anchor.shape[anchor.shape.length - 1];
  const a = anchor.data;
  const pos = positive.data;
  const neg = negative.data;
  const loss = new Float64Array(rows);
  const grad = new Float64Array(a.length);
  for (let r = 0; r < rows; r++) {
    const o = r * D;
    const dPos = pairwiseDistance(a, pos, o, D, p, eps);
    let dNeg = pairwiseDistance(a, neg, o, D, p, eps);
    // how much of d(loss)/d(dNeg) reaches the anchor: torch.min gives half to each of two tied arguments
    let negShare = 1;
    if (swap) {
      const dSwap = pairwiseDistance(pos, neg, o, D, p, eps);
      if (dSwap < dNeg) {
        dNeg = dSwap;
        negShare = 0;
      } else if (dSwap === dNeg) {
        negShare = 0.5;
      }
    }
    const u = cppOrder ? margin + dPos - dNeg : dPos - dNeg + margin;
    loss[r] = u > 0 ? u : 0;
    if (u >= 0) {
      pairwiseDistance(a, pos, o, D, p, eps, grad, 1);
      if (negShare !== 0) pairwiseDistance(a, neg, o, D, p, eps, grad, -negShare);
    }
  }
  return reduceByMean({ shape: batched ? [rows] : [], data: loss }, grad, anchor.shape, reduction, 'anchor');
}

/** `F.triplet_margin_loss`: max(0, margin + d(a, p) − d(a, n)), d = ‖· − · + eps‖_p. */
const tripletMargin: LossImplementation = {
  id: 'triplet-margin-loss',
  gradInput: 'anchor',
  kernel: (inputs, params) => {
    const p = params.p as number;
    expectParamRange(p, 'p', 0, Infinity);
    return tripletKernel(inputs, params, p, params.eps as number, true);
  },
};

/** `F.triplet_margin_with_distance_loss` with its default distance (pairwise_distance, p = 2, eps = 1e-6). */
const tripletWithDistance: LossImplementation = {
  id: 'triplet-margin-with-distance-loss',
  gradInput: 'anchor',
  kernel: (inputs, params) => tripletKernel(inputs, params, 2, 1e-6, false),
};

/** Rejects NaN/∞ in the real-valued inputs of these kernels (torch would propagate NaN silently). */
function finiteInputs(impl: LossImplementation, names: readonly string[]): LossImplementation {
  return {
    ...impl,
    kernel: (inputs, params) => {
      for (const n of names) if (inputs[n]) expectFinite(inputs[n], n);
      return impl.kernel(inputs, params);
    },
  };
}

export const EMBEDDING_KERNELS: readonly LossImplementation[] = [
  finiteInputs(hingeEmbedding, ['input']),
  finiteInputs(marginRanking, ['input1', 'input2']),
  finiteInputs(cosineEmbedding, ['input1', 'input2']),
  finiteInputs(tripletMargin, ['anchor', 'positive', 'negative']),
  finiteInputs(tripletWithDistance, ['anchor', 'positive', 'negative']),
];
