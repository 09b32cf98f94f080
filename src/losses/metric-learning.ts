/**
 * Numeric kernels: metric learning, contrastive, self-supervised and learning-to-rank losses.
 *
 * None of these ship in `torch.nn.functional`; each kernel follows the reference named in its
 * catalog entry (the paper's code or the library listed first) and returns the analytic
 * gradient with respect to its first embedding / score input. Embedding batches are (N, D).
 */
import { LossInputError } from './errors';
import { readReduction, reduceByMean, sum, type Reduction } from './reduction';
import { shapeText } from './tensor';
import type { LossImplementation, LossResult, TypedTensor } from './types';
import { sigmoid, softplus } from './softmax';
import { expectFinite, expectInRange, expectParamRange } from './validate';

// ---------------------------------------------------------------------------------------------
// Shared helpers (also used by segmentation.ts)
// ---------------------------------------------------------------------------------------------

/**
 * Log-sum-exp of `x[idx[k]]` over the indices listed, writing the softmax weights into `w`
 * (same positions as `idx`). Returns -Infinity for an empty list.
 */
function logSumExpAt(x: Float64Array, idx: ArrayLike<number>, count: number, w: Float64Array): number {
  if (count === 0) return -Infinity;
  let m = -Infinity;
  for (let k = 0; k < count; k++) if (x[idx[k]] > m) m = x[idx[k]];
  let s = 0;
  for (let k = 0; k < count; k++) {
    const e = Math.exp(x[idx[k]] - m);
    w[k] = e;
    s += e;
  }
  for (let k = 0; k < count; k++) w[k] /= s;
  return m + Math.log(s);
}

/** Log-sum-exp of a contiguous row, softmax written into `p` (may alias nothing). */
export function rowSoftmax(x: Float64Array, base: number, count: number, p: Float64Array, pBase: number): number {
  let m = -Infinity;
  for (let k = 0; k < count; k++) if (x[base + k] > m) m = x[base + k];
  let s = 0;
  for (let k = 0; k < count; k++) {
    const e = Math.exp(x[base + k] - m);
    p[pBase + k] = e;
    s += e;
  }
  for (let k = 0; k < count; k++) p[pBase + k] /= s;
  return m + Math.log(s);
}

/** An (N, D) embedding batch: checks rank, finiteness and (optionally) the row count. */
export function matrix(t: TypedTensor, name: string, rowsLike?: { n: number; name: string }): { n: number; d: number } {
  if (t.shape.length !== 2) {
    throw new LossInputError(`${name}: expected a 2-D (N, D) batch of embeddings, found shape ${shapeText(t.shape)}`, name);
  }
  const [n, d] = t.shape;
  if (n === 0 || d === 0) throw new LossInputError(`${name}: expected a non-empty (N, D) batch, found ${shapeText(t.shape)}`, name);
  if (rowsLike && n !== rowsLike.n) {
    throw new LossInputError(`${name}: expected ${rowsLike.n} rows like ${rowsLike.name}, found ${n} (shape ${shapeText(t.shape)})`, name);
  }
  expectFinite(t, name);
  return { n, d };
}

export function sameShapeAs(t: TypedTensor, name: string, ref: TypedTensor, refName: string): void {
  if (t.shape.length !== ref.shape.length || t.shape.some((v, i) => v !== ref.shape[i])) {
    throw new LossInputError(`${name}: expected the same shape as ${refName} ${shapeText(ref.shape)}, found ${shapeText(t.shape)}`, name);
  }
}

/** (N, D) batches that must all share the first one's shape; checked in order, first batch first. */
function sameShapeBatches(first: readonly [TypedTensor, string], ...rest: readonly (readonly [TypedTensor, string])[]): { n: number; d: number } {
  const [ref, refName] = first;
  const shape = matrix(ref, refName);
  for (const [t, name] of rest) {
    matrix(t, name);
    sameShapeAs(t, name, ref, refName);
  }
  return shape;
}

/** A (C, D) matrix of per-class rows (class weights, proxies, centers) for D-dimensional embeddings; returns C. */
function classRows(t: TypedTensor, name: string, d: number, what: string): number {
  if (t.shape.length !== 2 || t.shape[1] !== d) {
    throw new LossInputError(`${name}: expected shape (C, ${d}) (one ${what} per class), found ${shapeText(t.shape)}`, name);
  }
  expectFinite(t, name);
  return t.shape[0];
}

/** Integer labels of shape (N,): identities or classes. `classes` bounds them to [0, classes). */
export function labelVector(t: TypedTensor, name: string, n: number, classes?: number): Int32Array {
  if (t.shape.length !== 1 || t.shape[0] !== n) {
    throw new LossInputError(`${name}: expected shape (${n},) (one label per row), found ${shapeText(t.shape)}`, name);
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = t.data[i];
    if (!Number.isInteger(v)) throw new LossInputError(`${name}: expected integer labels, found ${v} at [${i}]`, name);
    if (classes !== undefined && (v < 0 || v >= classes)) {
      throw new LossInputError(`${name}: class index ${v} at [${i}] is out of range [0, ${classes})`, name);
    }
    out[i] = v;
  }
  return out;
}

/** Rows divided by max(||row||, 1e-12), as `F.normalize`; returns the normalized copy and norms. */
export function normalizeRows(x: Float64Array, n: number, d: number): { y: Float64Array; norms: Float64Array } {
  const y = new Float64Array(n * d);
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += x[i * d + k] * x[i * d + k];
    const r = Math.max(Math.sqrt(s), 1e-12);
    norms[i] = Math.sqrt(s);
    for (let k = 0; k < d; k++) y[i * d + k] = x[i * d + k] / r;
  }
  return { y, norms };
}

/** Gradient through `normalizeRows`: g is d/dy; returns d/dx. */
export function normalizeRowsBackward(g: Float64Array, y: Float64Array, norms: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const r = norms[i];
    if (r <= 1e-12) {
      for (let k = 0; k < d; k++) out[i * d + k] = g[i * d + k] / 1e-12;
      continue;
    }
    let dot = 0;
    for (let k = 0; k < d; k++) dot += g[i * d + k] * y[i * d + k];
    for (let k = 0; k < d; k++) out[i * d + k] = (g[i * d + k] - y[i * d + k] * dot) / r;
  }
  return out;
}

/** Row i of a dotted with row j of b. */
function dotRows(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += a[i * d + k] * b[j * d + k];
  return s;
}

/** Euclidean distance between row i of a and row j of b. */
function distRows(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) {
    const t = a[i * d + k] - b[j * d + k];
    s += t * t;
  }
  return Math.sqrt(s);
}

/** Squared Euclidean distance between row i of a and row j of b. */
function sqDistRows(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) {
    const t = a[i * d + k] - b[j * d + k];
    s += t * t;
  }
  return s;
}

/** Pairwise Euclidean distances of the rows of x (N x N). */
function pairwiseDistances(x: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = distRows(x, i, x, j, d);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return out;
}

/** An (N, D) embedding batch with one integer label per row and its Euclidean distance matrix (N x N). */
function labelledDistances(embeddings: TypedTensor, labels: TypedTensor): { n: number; d: number; lab: Int32Array; x: Float64Array; dist: Float64Array } {
  const { n, d } = matrix(embeddings, 'embeddings');
  const lab = labelVector(labels, 'labels', n);
  const x = embeddings.data;
  return { n, d, lab, x, dist: pairwiseDistances(x, n, d) };
}

/** The error for a batch whose labels form no positive pair (pair-based losses need one). */
function noPositivePair(name: string): LossInputError {
  return new LossInputError(`${name}: expected at least one positive pair (two rows with the same label), found none`, name);
}

/** Adds g * d D_ij / d x into gx for a Euclidean distance D_ij between rows i and j (0 at D = 0). */
function addDistanceGrad(gx: Float64Array, x: Float64Array, i: number, j: number, dist: number, g: number, d: number): void {
  if (g === 0 || dist === 0) return;
  const c = g / dist;
  for (let k = 0; k < d; k++) {
    const t = c * (x[i * d + k] - x[j * d + k]);
    gx[i * d + k] += t;
    gx[j * d + k] -= t;
  }
}

/** gx[i] += g * b[j] (the gradient of a dot product a_i . b_j with respect to a_i). */
function addScaledRow(gx: Float64Array, i: number, b: Float64Array, j: number, g: number, d: number): void {
  if (g === 0) return;
  for (let k = 0; k < d; k++) gx[i * d + k] += g * b[j * d + k];
}

/** The gradient of g * (y_i . y_j) with respect to both rows of y: gy[i] += g y[j], gy[j] += g y[i]. */
function addDotGrad(gy: Float64Array, y: Float64Array, i: number, j: number, g: number, d: number): void {
  addScaledRow(gy, i, y, j, g, d);
  addScaledRow(gy, j, y, i, g, d);
}

/** A result whose value is the mean (or sum / none) of per-row losses. */
function rowsResult(elements: Float64Array, grad: Float64Array, predShape: number[], reduction: Reduction, gradInput: string): LossResult {
  return reduceByMean({ shape: [elements.length], data: elements }, grad, predShape, reduction, gradInput);
}

/** A result that is a mean over `elements` with no reduction choice (the reference always averages). */
function meanResult(elements: Float64Array, grad: Float64Array, predShape: number[], gradInput: string): LossResult {
  return rowsResult(elements, grad, predShape, 'mean', gradInput);
}

/** Cross-entropy of each row of `logits` (R x K) against `target[r]`; fills dlogits (d loss_r / d logits). */
function rowCrossEntropy(logits: Float64Array, r: number, k: number, target: ArrayLike<number>, loss: Float64Array, dlogits: Float64Array): void {
  for (let i = 0; i < r; i++) {
    const lse = rowSoftmax(logits, i * k, k, dlogits, i * k);
    loss[i] = lse - logits[i * k + target[i]];
    dlogits[i * k + target[i]] -= 1;
  }
}

function num(params: Readonly<Record<string, unknown>>, name: string): number {
  return params[name] as number;
}

// ---------------------------------------------------------------------------------------------
// Pair, triplet and quadruplet losses on embeddings
// ---------------------------------------------------------------------------------------------

/** Hadsell, Chopra & LeCun 2006, with label 1 = similar pair (the TF Addons convention). */
const contrastive: LossImplementation = {
  id: 'contrastive-loss',
  gradInput: 'x1',
  kernel: ({ x1, x2, label }, params) => {
    const { n, d } = sameShapeBatches([x1, 'x1'], [x2, 'x2']);
    if (label.shape.length !== 1 || label.shape[0] !== n) {
      throw new LossInputError(`label: expected shape (${n},) (one label per pair), found ${shapeText(label.shape)}`, 'label');
    }
    expectInRange(label, 'label', 0, 1);
    const margin = num(params, 'margin');
    expectParamRange(margin, 'margin', 0, Infinity);
    const reduction = readReduction(params);
    const loss = new Float64Array(n);
    const grad = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const y = label.data[i];
      const dist = distRows(x1.data, i, x2.data, i, d);
      const hinge = Math.max(margin - dist, 0);
      loss[i] = y * dist * dist + (1 - y) * hinge * hinge;
      // d/dx1 of y*D^2 is 2y(x1-x2); of (1-y)(m-D)^2 is -2(1-y)(m-D)(x1-x2)/D
      const c = 2 * y - (dist > 0 ? (2 * (1 - y) * hinge) / dist : 0);
      for (let k = 0; k < d; k++) grad[i * d + k] = c * (x1.data[i * d + k] - x2.data[i * d + k]);
    }
    return rowsResult(loss, grad, [n, d], reduction, 'x1');
  },
};

/** Batch-hard triplet loss (Hermans, Beyer & Leibe 2017) on Euclidean distances. */
const batchHardTriplet: LossImplementation = {
  id: 'batch-hard-triplet-loss',
  gradInput: 'embeddings',
  kernel: ({ embeddings, labels }, params) => {
    const { n, d, lab, x, dist } = labelledDistances(embeddings, labels);
    const margin = num(params, 'margin');
    const soft = params.soft as boolean;
    expectParamRange(margin, 'margin', 0, Infinity);
    const reduction = readReduction(params);
    const loss = new Float64Array(n);
    const grad = new Float64Array(n * d);
    for (let a = 0; a < n; a++) {
      let p = -1;
      let q = -1;
      for (let j = 0; j < n; j++) {
        if (j === a) continue;
        if (lab[j] === lab[a]) {
          if (p < 0 || dist[a * n + j] > dist[a * n + p]) p = j;
        } else if (q < 0 || dist[a * n + j] < dist[a * n + q]) q = j;
      }
      if (p < 0) throw new LossInputError(`labels: anchor ${a} (label ${lab[a]}) has no positive in the batch; batch-hard mining needs at least two samples per label`, 'labels');
      if (q < 0) throw new LossInputError(`labels: anchor ${a} has no negative in the batch; batch-hard mining needs at least two labels`, 'labels');
      const z = dist[a * n + p] - dist[a * n + q];
      let g: number;
      if (soft) {
        loss[a] = softplus(z);
        g = sigmoid(z);
      } else {
        loss[a] = Math.max(z + margin, 0);
        g = z + margin > 0 ? 1 : 0;
      }
      addDistanceGrad(grad, x, a, p, dist[a * n + p], g, d);
      addDistanceGrad(grad, x, a, q, dist[a * n + q], -g, d);
    }
    return rowsResult(loss, grad, [n, d], reduction, 'embeddings');
  },
};

/**
 * Semi-hard triplet loss (Schroff et al. 2015) as tfa.losses.triplet_semihard_loss: for every
 * positive pair (a, p) the closest negative farther than p, else the farthest negative;
 * hinge on margin + D_ap − D_an averaged over the positive pairs.
 */
const semiHardTriplet: LossImplementation = {
  id: 'triplet-semihard-loss',
  gradInput: 'embeddings',
  kernel: ({ embeddings, labels }, params) => {
    const { n, d, lab, x, dist } = labelledDistances(embeddings, labels);
    const margin = num(params, 'margin');
    expectParamRange(margin, 'margin', 0, Infinity);
    const losses: number[] = [];
    const grad = new Float64Array(n * d);
    const picks: number[] = [];
    for (let a = 0; a < n; a++) {
      let far = -1;
      for (let k = 0; k < n; k++) if (lab[k] !== lab[a] && (far < 0 || dist[a * n + k] > dist[a * n + far])) far = k;
      for (let p = 0; p < n; p++) {
        if (p === a || lab[p] !== lab[a]) continue;
        if (far < 0) throw new LossInputError(`labels: anchor ${a} has no negative in the batch; triplet mining needs at least two labels`, 'labels');
        const dap = dist[a * n + p];
        let semi = -1;
        for (let k = 0; k < n; k++) {
          if (lab[k] === lab[a] || !(dist[a * n + k] > dap)) continue;
          if (semi < 0 || dist[a * n + k] < dist[a * n + semi]) semi = k;
        }
        const neg = semi >= 0 ? semi : far;
        const z = margin + dap - dist[a * n + neg];
        losses.push(Math.max(z, 0));
        picks.push(a, p, neg, z > 0 ? 1 : 0);
      }
    }
    const np = losses.length;
    if (np === 0) throw noPositivePair('labels');
    for (let t = 0; t < np; t++) {
      if (!picks[4 * t + 3]) continue;
      const [a, p, k] = [picks[4 * t], picks[4 * t + 1], picks[4 * t + 2]];
      addDistanceGrad(grad, x, a, p, dist[a * n + p], 1, d);
      addDistanceGrad(grad, x, a, k, dist[a * n + k], -1, d);
    }
    return meanResult(Float64Array.from(losses), grad, [n, d], 'embeddings');
  },
};

/** Quadruplet loss (Chen et al. 2017) with squared Euclidean distances. */
const quadruplet: LossImplementation = {
  id: 'quadruplet-loss',
  gradInput: 'anchor',
  kernel: ({ anchor, positive, negative1, negative2 }, params) => {
    const { n, d } = sameShapeBatches([anchor, 'anchor'], [positive, 'positive'], [negative1, 'negative1'], [negative2, 'negative2']);
    const m1 = num(params, 'margin1');
    const m2 = num(params, 'margin2');
    expectParamRange(m1, 'margin1', 0, Infinity);
    expectParamRange(m2, 'margin2', 0, Infinity);
    const reduction = readReduction(params);
    const a = anchor.data;
    const loss = new Float64Array(n);
    const grad = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const dap = sqDistRows(a, i, positive.data, i, d);
      const dan = sqDistRows(a, i, negative1.data, i, d);
      const dnn = sqDistRows(negative1.data, i, negative2.data, i, d);
      const t1 = dap - dan + m1;
      const t2 = dap - dnn + m2;
      loss[i] = Math.max(t1, 0) + Math.max(t2, 0);
      const on1 = t1 > 0 ? 1 : 0;
      const on2 = t2 > 0 ? 1 : 0;
      for (let k = 0; k < d; k++) {
        const j = i * d + k;
        grad[j] = (on1 + on2) * 2 * (a[j] - positive.data[j]) - on1 * 2 * (a[j] - negative1.data[j]);
      }
    }
    return rowsResult(loss, grad, [n, d], reduction, 'anchor');
  },
};

/** Angular loss (Wang et al. 2017), hinge form; alpha in degrees. */
const angular: LossImplementation = {
  id: 'angular-loss',
  gradInput: 'anchor',
  kernel: ({ anchor, positive, negative }, params) => {
    const { n, d } = sameShapeBatches([anchor, 'anchor'], [positive, 'positive'], [negative, 'negative']);
    const alpha = num(params, 'alpha');
    expectParamRange(alpha, 'alpha', 0, 90, true);
    if (alpha >= 90) throw new LossInputError(`alpha: expected an angle below 90 degrees, found ${alpha}`, 'alpha');
    const reduction = readReduction(params);
    const t = Math.tan((alpha * Math.PI) / 180);
    const k4 = 4 * t * t;
    const a = anchor.data;
    const p = positive.data;
    const q = negative.data;
    const loss = new Float64Array(n);
    const grad = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      let dap = 0;
      let dnc = 0;
      for (let k = 0; k < d; k++) {
        const j = i * d + k;
        const u = a[j] - p[j];
        const v = q[j] - 0.5 * (a[j] + p[j]);
        dap += u * u;
        dnc += v * v;
      }
      const z = dap - k4 * dnc;
      loss[i] = Math.max(z, 0);
      if (z > 0) {
        for (let k = 0; k < d; k++) {
          const j = i * d + k;
          grad[j] = 2 * (a[j] - p[j]) + k4 * (q[j] - 0.5 * (a[j] + p[j]));
        }
      }
    }
    return rowsResult(loss, grad, [n, d], reduction, 'anchor');
  },
};

// ---------------------------------------------------------------------------------------------
// Batch losses over all pairs
// ---------------------------------------------------------------------------------------------

/** N-pair loss (Sohn 2016): softmax over anchor . positive_j, the matching j being the target. */
const nPair: LossImplementation = {
  id: 'n-pair-loss',
  gradInput: 'anchors',
  kernel: ({ anchors, positives }, params) => {
    const { n, d } = sameShapeBatches([anchors, 'anchors'], [positives, 'positives']);
    const reduction = readReduction(params);
    const logits = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) logits[i * n + j] = dotRows(anchors.data, i, positives.data, j, d);
    const loss = new Float64Array(n);
    const dl = new Float64Array(n * n);
    const diag = Int32Array.from({ length: n }, (_, i) => i);
    rowCrossEntropy(logits, n, n, diag, loss, dl);
    const grad = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) addScaledRow(grad, i, positives.data, j, dl[i * n + j], d);
    return rowsResult(loss, grad, [n, d], reduction, 'anchors');
  },
};

/** Lifted structured loss (Oh Song et al. 2016), the smooth upper bound of eq. (4). */
const lifted: LossImplementation = {
  id: 'lifted-structure-loss',
  gradInput: 'embeddings',
  kernel: ({ embeddings, labels }, params) => {
    const { n, d, lab, x, dist } = labelledDistances(embeddings, labels);
    const margin = num(params, 'margin');
    const pairs: number[] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (lab[i] === lab[j]) pairs.push(i, j);
    const np = pairs.length / 2;
    if (np === 0) throw noPositivePair('labels');
    const loss = new Float64Array(np);
    const grad = new Float64Array(n * d);
    const idx = new Int32Array(2 * n);
    const w = new Float64Array(2 * n);
    const vals = new Float64Array(2 * n);
    for (let t = 0; t < np; t++) {
      const i = pairs[2 * t];
      const j = pairs[2 * t + 1];
      // negatives of i then negatives of j, as exponents margin - D
      let c = 0;
      for (const [a, la] of [[i, lab[i]], [j, lab[j]]]) {
        for (let k = 0; k < n; k++) {
          if (lab[k] === la) continue;
          idx[c] = a * n + k;
          vals[c] = margin - dist[a * n + k];
          c++;
        }
      }
      const ids = Int32Array.from({ length: c }, (_, r) => r);
      const lse = logSumExpAt(vals, ids, c, w);
      const J = lse + dist[i * n + j];
      if (!(J > 0)) continue;
      loss[t] = 0.5 * J * J;
      // d(0.5 J^2)/dJ = J; the mean over pairs is applied by meanResult
      addDistanceGrad(grad, x, i, j, dist[i * n + j], J, d);
      for (let r = 0; r < c; r++) {
        const a = Math.floor(idx[r] / n);
        const k = idx[r] % n;
        addDistanceGrad(grad, x, a, k, dist[a * n + k], -J * w[r], d);
      }
    }
    return meanResult(loss, grad, [n, d], 'embeddings');
  },
};

/** InfoNCE as in the `info-nce-pytorch` package: cosine logits / temperature, in-batch or unpaired negatives. */
const infoNce: LossImplementation = {
  id: 'infonce-loss',
  gradInput: 'query',
  kernel: ({ query, positive_key, negative_keys }, params) => {
    const { n, d } = sameShapeBatches([query, 'query'], [positive_key, 'positive_key']);
    const temperature = num(params, 'temperature');
    expectParamRange(temperature, 'temperature', 0, Infinity, true);
    const reduction = readReduction(params);
    const q = normalizeRows(query.data, n, d);
    const pk = normalizeRows(positive_key.data, n, d);
    let k: number;
    let logits: Float64Array;
    let target: Int32Array;
    let neg: ReturnType<typeof normalizeRows> | undefined;
    if (negative_keys) {
      if (negative_keys.shape.length !== 2 || negative_keys.shape[1] !== d) {
        throw new LossInputError(`negative_keys: expected shape (M, ${d}) (unpaired negatives), found ${shapeText(negative_keys.shape)}`, 'negative_keys');
      }
      expectFinite(negative_keys, 'negative_keys');
      const m = negative_keys.shape[0];
      neg = normalizeRows(negative_keys.data, m, d);
      k = m + 1;
      logits = new Float64Array(n * k);
      for (let i = 0; i < n; i++) {
        logits[i * k] = dotRows(q.y, i, pk.y, i, d) / temperature;
        for (let j = 0; j < m; j++) logits[i * k + 1 + j] = dotRows(q.y, i, neg.y, j, d) / temperature;
      }
      target = new Int32Array(n);
    } else {
      k = n;
      logits = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) logits[i * n + j] = dotRows(q.y, i, pk.y, j, d) / temperature;
      target = Int32Array.from({ length: n }, (_, i) => i);
    }
    const loss = new Float64Array(n);
    const dl = new Float64Array(n * k);
    rowCrossEntropy(logits, n, k, target, loss, dl);
    const gq = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) {
        const g = dl[i * k + j] / temperature;
        if (neg) addScaledRow(gq, i, j === 0 ? pk.y : neg.y, j === 0 ? i : j - 1, g, d);
        else addScaledRow(gq, i, pk.y, j, g, d);
      }
    }
    return rowsResult(loss, normalizeRowsBackward(gq, q.y, q.norms, n, d), [n, d], reduction, 'query');
  },
};

/**
 * Softmax cross-entropy over a similarity matrix S = A B^T / t of normalized or raw rows, where
 * each anchor row i of A has the target column target[i]; self-pairs listed in `exclude` are
 * dropped (logit -inf). Returns per-row losses and dS.
 */
function similarityCE(
  sim: Float64Array,
  rows: number,
  cols: number,
  target: Int32Array,
  exclude: (i: number, j: number) => boolean,
): { loss: Float64Array; dsim: Float64Array } {
  const loss = new Float64Array(rows);
  const dsim = new Float64Array(rows * cols);
  const idx = new Int32Array(cols);
  const w = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    let c = 0;
    for (let j = 0; j < cols; j++) if (!exclude(i, j)) idx[c++] = i * cols + j;
    const lse = logSumExpAt(sim, idx, c, w);
    loss[i] = lse - sim[i * cols + target[i]];
    for (let r = 0; r < c; r++) dsim[idx[r]] += w[r];
    dsim[i * cols + target[i]] -= 1;
  }
  return { loss, dsim };
}

/** NT-Xent (SimCLR): 2N normalized views, each view's partner is the positive, self excluded. */
const ntXent: LossImplementation = {
  id: 'nt-xent-loss',
  gradInput: 'z_i',
  kernel: ({ z_i, z_j }, params) => {
    const { n, d } = sameShapeBatches([z_i, 'z_i'], [z_j, 'z_j']);
    const temperature = num(params, 'temperature');
    expectParamRange(temperature, 'temperature', 0, Infinity, true);
    const m = 2 * n;
    const z = new Float64Array(m * d);
    z.set(z_i.data, 0);
    z.set(z_j.data, n * d);
    const { y, norms } = normalizeRows(z, m, d);
    const sim = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) sim[i * m + j] = dotRows(y, i, y, j, d) / temperature;
    const target = Int32Array.from({ length: m }, (_, i) => (i + n) % m);
    const { loss, dsim } = similarityCE(sim, m, m, target, (i, j) => i === j);
    const gy = new Float64Array(m * d);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        const g = dsim[i * m + j] / temperature;
        if (g === 0) continue;
        addDotGrad(gy, y, i, j, g, d);
      }
    }
    const gz = normalizeRowsBackward(gy, y, norms, m, d);
    return meanResult(loss, gz.slice(0, n * d), [n, d], 'z_i');
  },
};

/** SupCon (Khosla et al. 2020), as the authors' SupConLoss: features (N, V, D), optional labels. */
const supCon: LossImplementation = {
  id: 'supcon-loss',
  gradInput: 'features',
  kernel: ({ features, labels }, params) => {
    if (features.shape.length !== 3) {
      throw new LossInputError(`features: expected shape (N, n_views, D), found ${shapeText(features.shape)}`, 'features');
    }
    const [n, v, d] = features.shape;
    if (n === 0 || v === 0 || d === 0) throw new LossInputError(`features: expected a non-empty (N, n_views, D) tensor, found ${shapeText(features.shape)}`, 'features');
    expectFinite(features, 'features');
    const lab = labels ? labelVector(labels, 'labels', n) : Int32Array.from({ length: n }, (_, i) => i);
    const temperature = num(params, 'temperature');
    const base = num(params, 'base_temperature');
    expectParamRange(temperature, 'temperature', 0, Infinity, true);
    expectParamRange(base, 'base_temperature', 0, Infinity, true);
    const mode = params.contrast_mode as string;
    // contrast rows ordered view-major: row v*n + i is sample i, view v
    const m = n * v;
    const f = new Float64Array(m * d);
    for (let i = 0; i < n; i++) for (let w = 0; w < v; w++) for (let k = 0; k < d; k++) f[(w * n + i) * d + k] = features.data[(i * v + w) * d + k];
    const anchors = mode === 'one' ? n : m;
    const scale = temperature / base;
    const loss = new Float64Array(anchors);
    const gf = new Float64Array(m * d);
    const logits = new Float64Array(m);
    const p = new Float64Array(m);
    const idx = new Int32Array(m);
    for (let a = 0; a < anchors; a++) {
      let c = 0;
      let npos = 0;
      for (let j = 0; j < m; j++) {
        logits[j] = dotRows(f, a, f, j, d) / temperature;
        if (j === a) continue;
        idx[c++] = j;
        if (lab[j % n] === lab[a % n]) npos++;
      }
      const lse = logSumExpAt(logits, idx, c, p);
      const denom = npos === 0 ? 1 : npos;
      let s = 0;
      for (let r = 0; r < c; r++) if (lab[idx[r] % n] === lab[a % n]) s += logits[idx[r]] - lse;
      loss[a] = (-scale * s) / denom;
      // d loss / d logit_j = scale * (npos/denom * p_j - [j positive] / denom)
      for (let r = 0; r < c; r++) {
        const j = idx[r];
        const pos = lab[j % n] === lab[a % n] ? 1 : 0;
        const g = (scale * ((npos / denom) * p[r] - pos / denom)) / temperature;
        if (g === 0) continue;
        addDotGrad(gf, f, a, j, g, d);
      }
    }
    const grad = new Float64Array(n * v * d);
    for (let i = 0; i < n; i++) for (let w = 0; w < v; w++) for (let k = 0; k < d; k++) grad[(i * v + w) * d + k] = gf[(w * n + i) * d + k];
    return meanResult(loss, grad, [n, v, d], 'features');
  },
};

/** Margin-based softmax heads (ArcFace, CosFace): normalized embeddings against normalized class weights. */
function marginSoftmax(
  inputs: Readonly<Record<string, TypedTensor>>,
  params: Readonly<Record<string, unknown>>,
  target: (cos: number, out: Float64Array) => void,
): LossResult {
  const { input, weight, label } = inputs;
  const { n, d } = matrix(input, 'input');
  const c = classRows(weight, 'weight', d, 'row');
  const lab = labelVector(label, 'label', n, c);
  const s = num(params, 's');
  expectParamRange(s, 's', 0, Infinity, true);
  const reduction = readReduction(params);
  const x = normalizeRows(input.data, n, d);
  const w = normalizeRows(weight.data, c, d);
  const logits = new Float64Array(n * c);
  const dcos = new Float64Array(n * c).fill(s); // d logit / d cos
  const pair = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < c; j++) logits[i * c + j] = s * dotRows(x.y, i, w.y, j, d);
    const cos = logits[i * c + lab[i]] / s;
    target(cos, pair);
    logits[i * c + lab[i]] = s * pair[0];
    dcos[i * c + lab[i]] = s * pair[1];
  }
  const loss = new Float64Array(n);
  const dl = new Float64Array(n * c);
  rowCrossEntropy(logits, n, c, lab, loss, dl);
  const gy = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < c; j++) addScaledRow(gy, i, w.y, j, dl[i * c + j] * dcos[i * c + j], d);
  return rowsResult(loss, normalizeRowsBackward(gy, x.y, x.norms, n, d), [n, d], reduction, 'input');
}

/** ArcFace (Deng et al. 2019) as the widely used ArcMarginProduct: cos(theta + m) with the easy_margin / th fallback. */
const arcface: LossImplementation = {
  id: 'arcface-loss',
  gradInput: 'input',
  kernel: (inputs, params) => {
    const m = num(params, 'm');
    expectParamRange(m, 'm', 0, Math.PI / 2);
    const easy = params.easy_margin as boolean;
    const cm = Math.cos(m);
    const sm = Math.sin(m);
    const th = Math.cos(Math.PI - m);
    const mm = Math.sin(Math.PI - m) * m;
    return marginSoftmax(inputs, params, (cos, out) => {
      const s2 = 1 - cos * cos;
      const sine = Math.sqrt(Math.min(Math.max(s2, 0), 1));
      const phi = cos * cm - sine * sm;
      // d sine / d cos = -cos / sine inside the clamp, 0 where clamped
      const dphi = cm + (s2 > 0 && s2 < 1 ? (sm * cos) / sine : 0);
      const useMargin = easy ? cos > 0 : cos > th;
      if (useMargin) {
        out[0] = phi;
        out[1] = dphi;
      } else {
        out[0] = easy ? cos : cos - mm;
        out[1] = 1;
      }
    });
  },
};

/** CosFace / large margin cosine loss (Wang et al. 2018): s (cos theta_y - m). */
const cosface: LossImplementation = {
  id: 'cosface-loss',
  gradInput: 'input',
  kernel: (inputs, params) => {
    const m = num(params, 'm');
    expectParamRange(m, 'm', 0, 2);
    return marginSoftmax(inputs, params, (cos, out) => {
      out[0] = cos - m;
      out[1] = 1;
    });
  },
};

/** NormFace / normalized softmax (Wang et al. 2017): cosine logits divided by a temperature, no margin. */
const normalizedSoftmax: LossImplementation = {
  id: 'normalized-softmax-loss',
  gradInput: 'input',
  kernel: (inputs, params) => {
    const t = num(params, 'temperature');
    expectParamRange(t, 'temperature', 0, Infinity, true);
    return marginSoftmax(inputs, { ...params, s: 1 / t }, (cos, out) => {
      out[0] = cos;
      out[1] = 1;
    });
  },
};

/**
 * SphereFace / A-Softmax (Liu et al. 2017) as sphereface_pytorch's AngleLinear + AngleLoss
 * (gamma = 0) at a fixed annealing weight lamb: the target logit is
 * ||x|| (lamb cos θ + ψ(θ)) / (1 + lamb) with ψ(θ) = (−1)^k cos(mθ) − 2k, k = ⌊mθ/π⌋.
 */
const sphereface: LossImplementation = {
  id: 'sphereface-loss',
  gradInput: 'input',
  kernel: ({ input, weight, label }, params) => {
    const { n, d } = matrix(input, 'input');
    const c = classRows(weight, 'weight', d, 'row');
    const lab = labelVector(label, 'label', n, c);
    const m = params.m as number;
    const lamb = num(params, 'lamb');
    expectParamRange(m, 'm', 1, 5);
    expectParamRange(lamb, 'lamb', 0, Infinity);
    const w = normalizeRows(weight.data, c, d);
    const x = input.data;
    const logits = new Float64Array(n * c);
    const fy = new Float64Array(n); // f(c_y) and f'(c_y) of the target logit ||x|| f(c_y)
    const dfy = new Float64Array(n);
    const norms = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += x[i * d + k] ** 2;
      const r = Math.sqrt(s);
      if (r === 0) throw new LossInputError(`input: row ${i} is all zeros; its angle to the class weights is undefined`, 'input');
      norms[i] = r;
      for (let j = 0; j < c; j++) logits[i * c + j] = Math.min(Math.max(dotRows(x, i, w.y, j, d) / r, -1), 1) * r;
      const cy = logits[i * c + lab[i]] / r;
      const theta = Math.acos(cy);
      const k = Math.floor((m * theta) / 3.14159265);
      const sign = k % 2 === 0 ? 1 : -1;
      const psi = sign * Math.cos(m * theta) - 2 * k;
      const sinT = Math.sin(theta);
      const dpsi = sign * (sinT > 0 ? (m * Math.sin(m * theta)) / sinT : m * m * (cy > 0 ? 1 : m % 2 === 0 ? -1 : 1));
      fy[i] = (lamb * cy + psi) / (1 + lamb);
      dfy[i] = (lamb + dpsi) / (1 + lamb);
      logits[i * c + lab[i]] = r * fy[i];
    }
    const loss = new Float64Array(n);
    const dl = new Float64Array(n * c);
    rowCrossEntropy(logits, n, c, lab, loss, dl);
    const grad = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const r = norms[i];
      for (let j = 0; j < c; j++) {
        if (j === lab[i]) continue;
        addScaledRow(grad, i, w.y, j, dl[i * c + j], d); // ||x|| cos = x . w_j
      }
      // d(||x|| f(c))/dx = f(c) x/||x|| + f'(c) (w_y − c x/||x||)
      const cy = dotRows(x, i, w.y, lab[i], d) / r;
      const g = dl[i * c + lab[i]];
      for (let k = 0; k < d; k++) {
        const xh = x[i * d + k] / r;
        grad[i * d + k] += g * (fy[i] * xh + dfy[i] * (w.y[lab[i] * d + k] - cy * xh));
      }
    }
    return meanResult(loss, grad, [n, d], 'input');
  },
};

/** Circle loss (Sun et al. 2020), pair form over a batch: alphas are constants (stop-gradient). */
const circle: LossImplementation = {
  id: 'circle-loss',
  gradInput: 'feat',
  kernel: ({ feat, label }, params) => {
    const { n, d } = matrix(feat, 'feat');
    const lab = labelVector(label, 'label', n);
    const m = num(params, 'm');
    const gamma = num(params, 'gamma');
    expectParamRange(gamma, 'gamma', 0, Infinity, true);
    const { y, norms } = normalizeRows(feat.data, n, d);
    const sp: number[] = [];
    const sn: number[] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) (lab[i] === lab[j] ? sp : sn).push(i, j);
    const P = sp.length / 2;
    const K = sn.length / 2;
    if (P === 0) throw noPositivePair('label');
    if (K === 0) throw new LossInputError('label: expected at least one negative pair (two rows with different labels), found none', 'label');
    const lp = new Float64Array(P);
    const ap = new Float64Array(P);
    const ln = new Float64Array(K);
    const an = new Float64Array(K);
    for (let t = 0; t < P; t++) {
      const s = dotRows(y, sp[2 * t], y, sp[2 * t + 1], d);
      ap[t] = Math.max(1 + m - s, 0);
      lp[t] = -ap[t] * (s - (1 - m)) * gamma;
    }
    for (let t = 0; t < K; t++) {
      const s = dotRows(y, sn[2 * t], y, sn[2 * t + 1], d);
      an[t] = Math.max(s + m, 0);
      ln[t] = an[t] * (s - m) * gamma;
    }
    const wp = new Float64Array(P);
    const wn = new Float64Array(K);
    const z = logSumExpAt(lp, Int32Array.from({ length: P }, (_, i) => i), P, wp) + logSumExpAt(ln, Int32Array.from({ length: K }, (_, i) => i), K, wn);
    const value = softplus(z);
    const g = sigmoid(z);
    const gy = new Float64Array(n * d);
    for (let t = 0; t < P; t++) {
      const ds = g * wp[t] * -ap[t] * gamma;
      addDotGrad(gy, y, sp[2 * t], sp[2 * t + 1], ds, d);
    }
    for (let t = 0; t < K; t++) {
      const ds = g * wn[t] * an[t] * gamma;
      addDotGrad(gy, y, sn[2 * t], sn[2 * t + 1], ds, d);
    }
    return meanResult(Float64Array.of(value), normalizeRowsBackward(gy, y, norms, n, d), [n, d], 'feat');
  },
};

/**
 * Proxy-Anchor loss (Kim et al. 2020) as the authors' Proxy_Anchor module: proxies are the
 * anchors; positive term averaged over proxies with a positive in the batch, negative term over
 * all proxies.
 */
const proxyAnchor: LossImplementation = {
  id: 'proxy-anchor-loss',
  gradInput: 'embeddings',
  kernel: ({ embeddings, labels, proxies }, params) => {
    const { n, d } = matrix(embeddings, 'embeddings');
    const c = classRows(proxies, 'proxies', d, 'proxy');
    const lab = labelVector(labels, 'labels', n, c);
    const mrg = num(params, 'mrg');
    const alpha = num(params, 'alpha');
    expectParamRange(alpha, 'alpha', 0, Infinity, true);
    const x = normalizeRows(embeddings.data, n, d);
    const p = normalizeRows(proxies.data, c, d);
    const cos = new Float64Array(n * c);
    for (let i = 0; i < n; i++) for (let j = 0; j < c; j++) cos[i * c + j] = dotRows(x.y, i, p.y, j, d);
    let valid = 0;
    for (let j = 0; j < c; j++) if (lab.includes(j)) valid++;
    const posTerms = new Float64Array(c);
    const negTerms = new Float64Array(c);
    const gy = new Float64Array(n * d);
    const vals = new Float64Array(n);
    const ids = new Int32Array(n);
    const w = new Float64Array(n);
    for (let j = 0; j < c; j++) {
      for (const positive of [true, false]) {
        let cnt = 0;
        for (let i = 0; i < n; i++) {
          if ((lab[i] === j) !== positive) continue;
          vals[cnt] = positive ? -alpha * (cos[i * c + j] - mrg) : alpha * (cos[i * c + j] + mrg);
          ids[cnt] = i;
          cnt++;
        }
        if (cnt === 0) continue;
        const order = Int32Array.from({ length: cnt }, (_, r) => r);
        const lse = logSumExpAt(vals, order, cnt, w);
        const term = softplus(lse); // log(1 + Σ exp)
        const denom = positive ? valid : c;
        if (positive) posTerms[j] = term / denom;
        else negTerms[j] = term / denom;
        const outer = sigmoid(lse) / denom;
        for (let r = 0; r < cnt; r++) addScaledRow(gy, ids[r], p.y, j, outer * w[r] * (positive ? -alpha : alpha), d);
      }
    }
    const elements = new Float64Array(2 * c);
    elements.set(posTerms, 0);
    elements.set(negTerms, c);
    const grad = normalizeRowsBackward(gy, x.y, x.norms, n, d);
    return reduceByMean({ shape: [2, c], data: elements }, grad, [n, d], 'sum', 'embeddings');
  },
};

/** Center loss (Wen et al. 2016): 1/2 ||x_i - c_{y_i}||^2 per sample. */
const center: LossImplementation = {
  id: 'center-loss',
  gradInput: 'features',
  kernel: ({ features, labels, centers }, params) => {
    const { n, d } = matrix(features, 'features');
    const lab = labelVector(labels, 'labels', n, classRows(centers, 'centers', d, 'center'));
    const reduction = readReduction(params);
    const loss = new Float64Array(n);
    const grad = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < d; k++) {
        const t = features.data[i * d + k] - centers.data[lab[i] * d + k];
        s += t * t;
        grad[i * d + k] = t;
      }
      loss[i] = 0.5 * s;
    }
    return rowsResult(loss, grad, [n, d], reduction, 'features');
  },
};

/** Proxy-NCA (Movshovitz-Attias et al. 2017): NCA against one proxy per class, positive left out of the denominator. */
const proxyNca: LossImplementation = {
  id: 'proxy-nca-loss',
  gradInput: 'embeddings',
  kernel: ({ embeddings, labels, proxies }, params) => {
    const { n, d } = matrix(embeddings, 'embeddings');
    if (proxies.shape.length !== 2 || proxies.shape[1] !== d || proxies.shape[0] < 2) {
      throw new LossInputError(`proxies: expected shape (C, ${d}) with C >= 2 (one proxy per class), found ${shapeText(proxies.shape)}`, 'proxies');
    }
    expectFinite(proxies, 'proxies');
    const c = proxies.shape[0];
    const lab = labelVector(labels, 'labels', n, c);
    const reduction = readReduction(params);
    const x = normalizeRows(embeddings.data, n, d);
    const p = normalizeRows(proxies.data, c, d);
    const loss = new Float64Array(n);
    const gy = new Float64Array(n * d);
    const negD = new Float64Array(c);
    const idx = new Int32Array(c - 1);
    const w = new Float64Array(c - 1);
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let j = 0; j < c; j++) {
        negD[j] = -sqDistRows(x.y, i, p.y, j, d);
        if (j !== lab[i]) idx[r++] = j;
      }
      const lse = logSumExpAt(negD, idx, c - 1, w);
      loss[i] = -negD[lab[i]] + lse;
      // d loss / d x = d(dist_y)/dx - sum_j w_j d(dist_j)/dx, d(dist_j)/dx = 2 (x - p_j)
      for (let k = 0; k < d; k++) gy[i * d + k] += 2 * (x.y[i * d + k] - p.y[lab[i] * d + k]);
      for (let t = 0; t < c - 1; t++) {
        const j = idx[t];
        for (let k = 0; k < d; k++) gy[i * d + k] -= w[t] * 2 * (x.y[i * d + k] - p.y[j * d + k]);
      }
    }
    return rowsResult(loss, normalizeRowsBackward(gy, x.y, x.norms, n, d), [n, d], reduction, 'embeddings');
  },
};

/** Multi-similarity loss (Wang et al. 2019) with its pair mining, as the authors' MultiSimilarityLoss. */
const multiSimilarity: LossImplementation = {
  id: 'multi-similarity-loss',
  gradInput: 'feats',
  kernel: ({ feats, labels }, params) => {
    const { n, d } = matrix(feats, 'feats');
    const lab = labelVector(labels, 'labels', n);
    const alpha = num(params, 'scale_pos');
    const beta = num(params, 'scale_neg');
    const lambda = num(params, 'thresh');
    const margin = num(params, 'margin');
    expectParamRange(alpha, 'scale_pos', 0, Infinity, true);
    expectParamRange(beta, 'scale_neg', 0, Infinity, true);
    const x = feats.data;
    const sim = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sim[i * n + j] = dotRows(x, i, x, j, d);
    const loss = new Float64Array(n);
    const grad = new Float64Array(n * d);
    const pos: number[] = [];
    const neg: number[] = [];
    const sel = new Float64Array(n);
    const ids = new Int32Array(n);
    const w = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      let minPos = Infinity;
      let maxNeg = -Infinity;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const s = sim[i * n + j];
        if (lab[j] === lab[i]) minPos = Math.min(minPos, s);
        else maxNeg = Math.max(maxNeg, s);
      }
      if (minPos === Infinity || maxNeg === -Infinity) continue;
      pos.length = 0;
      neg.length = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const s = sim[i * n + j];
        if (lab[j] === lab[i]) {
          if (s - margin < maxNeg) pos.push(j);
        } else if (s + margin > minPos) neg.push(j);
      }
      if (pos.length === 0 || neg.length === 0) continue;
      // (1/a) log(1 + sum exp(-a (s - l))) = (1/a) softplus(LSE(-a (s - l)))
      for (const [list, sc, sign] of [[pos, alpha, -1], [neg, beta, 1]] as const) {
        for (let t = 0; t < list.length; t++) {
          sel[t] = sign * sc * (sim[i * n + list[t]] - lambda);
          ids[t] = t;
        }
        const lse = logSumExpAt(sel, ids, list.length, w);
        loss[i] += softplus(lse) / sc;
        const outer = sigmoid(lse);
        for (let t = 0; t < list.length; t++) {
          const g = outer * w[t] * sign; // d/ds of (1/sc) softplus(LSE)
          addDotGrad(grad, x, i, list[t], g, d);
        }
      }
    }
    return meanResult(loss, grad, [n, d], 'feats');
  },
};

// ---------------------------------------------------------------------------------------------
// Self-supervised (non-contrastive and multimodal)
// ---------------------------------------------------------------------------------------------

/** Batch-normalizes columns (biased variance, eps) as BatchNorm1d(affine=False) in training mode. */
function batchNormColumns(z: Float64Array, n: number, d: number, eps: number): { y: Float64Array; inv: Float64Array } {
  const y = new Float64Array(n * d);
  const inv = new Float64Array(d);
  for (let k = 0; k < d; k++) {
    let mu = 0;
    for (let i = 0; i < n; i++) mu += z[i * d + k];
    mu /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (z[i * d + k] - mu) ** 2;
    v /= n;
    inv[k] = 1 / Math.sqrt(v + eps);
    for (let i = 0; i < n; i++) y[i * d + k] = (z[i * d + k] - mu) * inv[k];
  }
  return { y, inv };
}

function batchNormColumnsBackward(g: Float64Array, y: Float64Array, inv: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n * d);
  for (let k = 0; k < d; k++) {
    let mg = 0;
    let mgy = 0;
    for (let i = 0; i < n; i++) {
      mg += g[i * d + k];
      mgy += g[i * d + k] * y[i * d + k];
    }
    mg /= n;
    mgy /= n;
    for (let i = 0; i < n; i++) out[i * d + k] = inv[k] * (g[i * d + k] - mg - y[i * d + k] * mgy);
  }
  return out;
}

/** Barlow Twins (Zbontar et al. 2021), as the official BarlowTwins.forward. */
const barlowTwins: LossImplementation = {
  id: 'barlow-twins-loss',
  gradInput: 'z1',
  kernel: ({ z1, z2 }, params) => {
    const { n, d } = sameShapeBatches([z1, 'z1'], [z2, 'z2']);
    if (n < 2) throw new LossInputError(`z1: batch normalization needs at least 2 rows, found ${n}`, 'z1');
    const lambd = num(params, 'lambd');
    const a = batchNormColumns(z1.data, n, d, 1e-5);
    const b = batchNormColumns(z2.data, n, d, 1e-5);
    const c = new Float64Array(d * d);
    for (let i = 0; i < n; i++) for (let p = 0; p < d; p++) for (let q = 0; q < d; q++) c[p * d + q] += (a.y[i * d + p] * b.y[i * d + q]) / n;
    const elements = new Float64Array(d * d);
    const dc = new Float64Array(d * d);
    for (let p = 0; p < d; p++) {
      for (let q = 0; q < d; q++) {
        const v = c[p * d + q];
        if (p === q) {
          elements[p * d + q] = (v - 1) ** 2;
          dc[p * d + q] = 2 * (v - 1);
        } else {
          elements[p * d + q] = lambd * v * v;
          dc[p * d + q] = 2 * lambd * v;
        }
      }
    }
    const ga = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let p = 0; p < d; p++) {
      let s = 0;
      for (let q = 0; q < d; q++) s += dc[p * d + q] * b.y[i * d + q];
      ga[i * d + p] = s / n;
    }
    const grad = batchNormColumnsBackward(ga, a.y, a.inv, n, d);
    return reduceByMean({ shape: [d, d], data: elements }, grad, [n, d], 'sum', 'z1');
  },
};

/** VICReg (Bardes et al. 2022), as the official VICReg.forward (single process). */
const vicreg: LossImplementation = {
  id: 'vicreg-loss',
  gradInput: 'x',
  kernel: ({ x, y }, params) => {
    const { n, d } = sameShapeBatches([x, 'x'], [y, 'y']);
    if (n < 2) throw new LossInputError(`x: the variance and covariance terms need at least 2 rows, found ${n}`, 'x');
    const sim = num(params, 'sim_coeff');
    const stdC = num(params, 'std_coeff');
    const covC = num(params, 'cov_coeff');
    const grad = new Float64Array(n * d);
    let repr = 0;
    for (let j = 0; j < n * d; j++) {
      const t = x.data[j] - y.data[j];
      repr += t * t;
      grad[j] = (sim * 2 * t) / (n * d);
    }
    repr /= n * d;
    const terms = (z: Float64Array, gz: Float64Array | null): [number, number] => {
      const zc = new Float64Array(n * d);
      for (let k = 0; k < d; k++) {
        let mu = 0;
        for (let i = 0; i < n; i++) mu += z[i * d + k];
        mu /= n;
        for (let i = 0; i < n; i++) zc[i * d + k] = z[i * d + k] - mu;
      }
      let stdLoss = 0;
      const gzc = new Float64Array(n * d);
      for (let k = 0; k < d; k++) {
        let v = 0;
        for (let i = 0; i < n; i++) v += zc[i * d + k] ** 2;
        const std = Math.sqrt(v / (n - 1) + 1e-4);
        if (1 - std > 0) {
          stdLoss += (1 - std) / d / 2;
          for (let i = 0; i < n; i++) gzc[i * d + k] -= (stdC / d / 2) * (zc[i * d + k] / ((n - 1) * std));
        }
      }
      const cov = new Float64Array(d * d);
      for (let i = 0; i < n; i++) for (let p = 0; p < d; p++) for (let q = 0; q < d; q++) cov[p * d + q] += (zc[i * d + p] * zc[i * d + q]) / (n - 1);
      let covLoss = 0;
      for (let p = 0; p < d; p++) for (let q = 0; q < d; q++) if (p !== q) covLoss += cov[p * d + q] ** 2 / d;
      if (gz) {
        // d covLoss / d zc = 2 * zc * G / (n - 1) with G_pq = 2 cov_pq / d off the diagonal (G symmetric)
        for (let i = 0; i < n; i++) for (let p = 0; p < d; p++) {
          let s = 0;
          for (let q = 0; q < d; q++) if (q !== p) s += zc[i * d + q] * ((2 * cov[p * d + q]) / d);
          gzc[i * d + p] += (covC * 2 * s) / (n - 1);
        }
        // through the centring: subtract the column mean of the gradient
        for (let k = 0; k < d; k++) {
          let mg = 0;
          for (let i = 0; i < n; i++) mg += gzc[i * d + k];
          mg /= n;
          for (let i = 0; i < n; i++) gz[i * d + k] += gzc[i * d + k] - mg;
        }
      }
      return [stdLoss, covLoss];
    };
    const [sx, cx] = terms(x.data, grad);
    const [sy, cy] = terms(y.data, null);
    const elements = Float64Array.of(sim * repr, stdC * (sx + sy), covC * (cx + cy));
    return reduceByMean({ shape: [3], data: elements }, grad, [n, d], 'sum', 'x');
  },
};

/**
 * DINO (Caron et al. 2021) as the official DINOLoss.forward at a fixed teacher temperature:
 * cross-entropy of every student crop against the centred, sharpened teacher distribution of
 * each other global crop, averaged over the crop pairs.
 */
const dino: LossImplementation = {
  id: 'dino-loss',
  gradInput: 'student_output',
  kernel: ({ student_output, teacher_output, center }, params) => {
    const ncrops = params.ncrops as number;
    if (ncrops < 2) throw new LossInputError(`ncrops: expected at least 2 crops (2 global views), found ${ncrops}`, 'ncrops');
    const { n: rows, d: k } = matrix(student_output, 'student_output');
    if (rows % ncrops !== 0) {
      throw new LossInputError(`student_output: expected ncrops × batch rows (${ncrops} crops), found ${rows} rows`, 'student_output');
    }
    const b = rows / ncrops;
    const { n: trows } = matrix(teacher_output, 'teacher_output');
    if (trows !== 2 * b || teacher_output.shape[1] !== k) {
      throw new LossInputError(`teacher_output: expected shape (${2 * b}, ${k}) (two global crops of ${b} images), found ${shapeText(teacher_output.shape)}`, 'teacher_output');
    }
    if (center && (center.data.length !== k || center.shape.length > 2)) {
      throw new LossInputError(`center: expected shape (1, ${k}) or (${k},), found ${shapeText(center.shape)}`, 'center');
    }
    if (center) expectFinite(center, 'center');
    const ts = num(params, 'student_temp');
    const tt = num(params, 'teacher_temp');
    expectParamRange(ts, 'student_temp', 0, Infinity, true);
    expectParamRange(tt, 'teacher_temp', 0, Infinity, true);
    const z = new Float64Array(rows * k);
    for (let i = 0; i < rows * k; i++) z[i] = student_output.data[i] / ts;
    const q = new Float64Array(trows * k);
    const tz = new Float64Array(trows * k);
    for (let i = 0; i < trows; i++) for (let j = 0; j < k; j++) tz[i * k + j] = (teacher_output.data[i * k + j] - (center ? center.data[j] : 0)) / tt;
    for (let i = 0; i < trows; i++) rowSoftmax(tz, i * k, k, q, i * k);
    const p = new Float64Array(rows * k);
    const lse = new Float64Array(rows);
    for (let i = 0; i < rows; i++) lse[i] = rowSoftmax(z, i * k, k, p, i * k);
    const terms: number[] = [];
    const grad = new Float64Array(rows * k);
    for (let iq = 0; iq < 2; iq++) {
      for (let v = 0; v < ncrops; v++) {
        if (v === iq) continue;
        let acc = 0;
        for (let r = 0; r < b; r++) {
          const si = v * b + r;
          const ti = iq * b + r;
          for (let j = 0; j < k; j++) {
            acc -= q[ti * k + j] * (z[si * k + j] - lse[si]);
            grad[si * k + j] += (p[si * k + j] - q[ti * k + j]) / (ts * b);
          }
        }
        terms.push(acc / b);
      }
    }
    return meanResult(Float64Array.from(terms), grad, [rows, k], 'student_output');
  },
};

/** MAE (He et al. 2022) as MaskedAutoencoderViT.forward_loss: per-patch MSE averaged over the masked patches. */
const mae: LossImplementation = {
  id: 'masked-autoencoder-loss',
  gradInput: 'pred',
  kernel: ({ pred, target, mask }, params) => {
    if (pred.shape.length !== 3) throw new LossInputError(`pred: expected shape (N, L, patch_dim), found ${shapeText(pred.shape)}`, 'pred');
    sameShapeAs(target, 'target', pred, 'pred');
    expectFinite(pred, 'pred');
    expectFinite(target, 'target');
    const [n, l, pd] = pred.shape;
    if (mask.shape.length !== 2 || mask.shape[0] !== n || mask.shape[1] !== l) {
      throw new LossInputError(`mask: expected shape (${n}, ${l}) (1 = patch removed), found ${shapeText(mask.shape)}`, 'mask');
    }
    expectInRange(mask, 'mask', 0, 1);
    const norm = params.norm_pix_loss as boolean;
    if (norm && pd < 2) throw new LossInputError(`pred: norm_pix_loss needs at least 2 values per patch (unbiased variance), found ${pd}`, 'pred');
    let msum = 0;
    for (let i = 0; i < n * l; i++) msum += mask.data[i];
    if (!(msum > 0)) throw new LossInputError('mask: expected at least one masked patch (the loss averages over them), found none', 'mask');
    const t = new Float64Array(target.data);
    if (norm) {
      for (let r = 0; r < n * l; r++) {
        let mu = 0;
        for (let j = 0; j < pd; j++) mu += t[r * pd + j];
        mu /= pd;
        let v = 0;
        for (let j = 0; j < pd; j++) v += (t[r * pd + j] - mu) ** 2;
        v /= pd - 1;
        const inv = 1 / Math.sqrt(v + 1e-6);
        for (let j = 0; j < pd; j++) t[r * pd + j] = (t[r * pd + j] - mu) * inv;
      }
    }
    const elements = new Float64Array(n * l);
    const grad = new Float64Array(n * l * pd);
    for (let r = 0; r < n * l; r++) {
      let s = 0;
      for (let j = 0; j < pd; j++) {
        const e = pred.data[r * pd + j] - t[r * pd + j];
        s += e * e;
        grad[r * pd + j] = (2 * e * mask.data[r]) / (pd * msum);
      }
      elements[r] = (s / pd) * mask.data[r];
    }
    const value = sum(elements) / msum;
    return {
      value,
      elements: { shape: [n, l], data: elements },
      contributions: { shape: [n, l], data: elements.map((e) => e / msum) },
      gradInput: 'pred',
      grad: { shape: pred.shape, data: grad },
    };
  },
};

/** Cosine similarity of row i of a and b, with d cos / d a_i written into g (row i). */
function cosineRow(a: Float64Array, b: Float64Array, i: number, d: number, g: Float64Array, scale: number): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < d; k++) {
    ab += a[i * d + k] * b[i * d + k];
    aa += a[i * d + k] ** 2;
    bb += b[i * d + k] ** 2;
  }
  const na = Math.sqrt(aa);
  const nb = Math.sqrt(bb);
  const cos = ab / (na * nb);
  for (let k = 0; k < d; k++) g[i * d + k] = scale * (b[i * d + k] / (na * nb) - (cos * a[i * d + k]) / aa);
  return cos;
}

function nonZeroRows(t: TypedTensor, name: string, n: number, d: number): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += t.data[i * d + k] ** 2;
    if (s === 0) throw new LossInputError(`${name}: row ${i} is all zeros; its cosine similarity is undefined`, name);
  }
}

/** SimSiam's D(p, z) = -cos(p, z) (z carries no gradient), averaged over the batch. */
const simsiam: LossImplementation = {
  id: 'simsiam-loss',
  gradInput: 'p',
  kernel: ({ p, z }) => {
    const { n, d } = sameShapeBatches([p, 'p'], [z, 'z']);
    nonZeroRows(p, 'p', n, d);
    nonZeroRows(z, 'z', n, d);
    const loss = new Float64Array(n);
    const grad = new Float64Array(n * d);
    for (let i = 0; i < n; i++) loss[i] = -cosineRow(p.data, z.data, i, d, grad, -1);
    return meanResult(loss, grad, [n, d], 'p');
  },
};

/** BYOL's regression loss 2 - 2 cos(x, y) per sample (y from the target network, no gradient). */
const byol: LossImplementation = {
  id: 'byol-loss',
  gradInput: 'x',
  kernel: ({ x, y }, params) => {
    const { n, d } = sameShapeBatches([x, 'x'], [y, 'y']);
    nonZeroRows(x, 'x', n, d);
    nonZeroRows(y, 'y', n, d);
    const reduction = readReduction(params);
    const loss = new Float64Array(n);
    const grad = new Float64Array(n * d);
    for (let i = 0; i < n; i++) loss[i] = 2 - 2 * cosineRow(x.data, y.data, i, d, grad, -2);
    return rowsResult(loss, grad, [n, d], reduction, 'x');
  },
};

/** CLIP's symmetric InfoNCE as open_clip's ClipLoss: features used as given, logits scaled by logit_scale. */
const clip: LossImplementation = {
  id: 'clip-loss',
  gradInput: 'image_features',
  kernel: ({ image_features, text_features }, params) => {
    const { n, d } = sameShapeBatches([image_features, 'image_features'], [text_features, 'text_features']);
    const s = num(params, 'logit_scale');
    expectParamRange(s, 'logit_scale', 0, Infinity, true);
    const im = image_features.data;
    const tx = text_features.data;
    const li = new Float64Array(n * n);
    const lt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      const v = s * dotRows(im, i, tx, j, d);
      li[i * n + j] = v;
      lt[j * n + i] = v;
    }
    const diag = Int32Array.from({ length: n }, (_, i) => i);
    const l1 = new Float64Array(n);
    const l2 = new Float64Array(n);
    const d1 = new Float64Array(n * n);
    const d2 = new Float64Array(n * n);
    rowCrossEntropy(li, n, n, diag, l1, d1);
    rowCrossEntropy(lt, n, n, diag, l2, d2);
    const elements = new Float64Array(n);
    for (let i = 0; i < n; i++) elements[i] = (l1[i] + l2[i]) / 2;
    const grad = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) addScaledRow(grad, i, tx, j, (s * (d1[i * n + j] + d2[j * n + i])) / 2, d);
    // element i pairs image i's and text i's cross-entropies; the value is their mean
    return meanResult(elements, grad, [n, d], 'image_features');
  },
};

/**
 * SigLIP (Zhai et al. 2023): an independent binary (sigmoid) loss on every image-text pair,
 * +1 on the diagonal and −1 elsewhere, summed over texts and averaged over images.
 */
const siglip: LossImplementation = {
  id: 'siglip-loss',
  gradInput: 'image_features',
  kernel: ({ image_features, text_features }, params) => {
    const { n, d } = sameShapeBatches([image_features, 'image_features'], [text_features, 'text_features']);
    const t = num(params, 'logit_scale');
    const bias = num(params, 'logit_bias');
    expectParamRange(t, 'logit_scale', 0, Infinity, true);
    const loss = new Float64Array(n);
    const grad = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const z = i === j ? 1 : -1;
        const logit = t * dotRows(image_features.data, i, text_features.data, j, d) + bias;
        loss[i] += softplus(-z * logit); // −log σ(z · logit)
        addScaledRow(grad, i, text_features.data, j, -z * sigmoid(-z * logit) * t, d);
      }
    }
    return meanResult(loss, grad, [n, d], 'image_features');
  },
};

// ---------------------------------------------------------------------------------------------
// Learning to rank (allRank semantics: y_pred, y_true of shape (batch, slate), -1 = padding)
// ---------------------------------------------------------------------------------------------

function slates(y_pred: TypedTensor, y_true: TypedTensor): { b: number; l: number } {
  if (y_pred.shape.length !== 2) {
    throw new LossInputError(`y_pred: expected shape (batch, slate_length), found ${shapeText(y_pred.shape)}`, 'y_pred');
  }
  sameShapeAs(y_true, 'y_true', y_pred, 'y_pred');
  expectFinite(y_pred, 'y_pred');
  expectFinite(y_true, 'y_true');
  return { b: y_pred.shape[0], l: y_pred.shape[1] };
}

/** Scatters pair gradients listed as triples (i, j, g): grad[i] += g, grad[j] -= g (g = d loss / d (s_i − s_j)). */
function addPairGrads(grad: Float64Array, triples: readonly number[]): void {
  for (let t = 0; t < triples.length; t += 3) {
    grad[triples[t]] += triples[t + 2];
    grad[triples[t + 1]] -= triples[t + 2];
  }
}

/** RankNet (Burges et al. 2005) as allRank's rankNet: BCE-with-logits over every ordered pair with y_i > y_j. */
const ranknet: LossImplementation = {
  id: 'ranknet-loss',
  gradInput: 'y_pred',
  kernel: ({ y_pred, y_true }, params) => {
    const { b, l } = slates(y_pred, y_true);
    const pad = num(params, 'padded_value_indicator');
    const byDiff = params.weight_by_diff as boolean;
    const byPow = params.weight_by_diff_powed as boolean;
    const s = y_pred.data;
    const y = y_true.data;
    const losses: number[] = [];
    const grad = new Float64Array(b * l);
    const gpairs: number[] = [];
    for (let q = 0; q < b; q++) {
      for (let i = 0; i < l; i++) {
        if (y[q * l + i] === pad) continue;
        for (let j = 0; j < l; j++) {
          if (y[q * l + j] === pad || !(y[q * l + i] > y[q * l + j])) continue;
          const w = byDiff ? y[q * l + i] - y[q * l + j] : byPow ? Math.abs(y[q * l + i] ** 2 - y[q * l + j] ** 2) : 1;
          const z = s[q * l + i] - s[q * l + j];
          losses.push(w * softplus(-z));
          gpairs.push(q * l + i, q * l + j, -w * sigmoid(-z));
        }
      }
    }
    const np = losses.length;
    if (np === 0) throw new LossInputError('y_true: expected at least one pair of documents with different relevance in some slate, found none', 'y_true');
    addPairGrads(grad, gpairs);
    return meanResult(Float64Array.from(losses), grad, [b, l], 'y_pred');
  },
};

/**
 * TF-Ranking's PairwiseLogisticLoss (Keras, default reduction): per pair with y_i > y_j (both
 * labels >= 0) softplus(−(s_i − s_j)/temperature), summed, divided by batch × list size.
 */
const pairwiseLogistic: LossImplementation = {
  id: 'pairwise-logistic-loss',
  gradInput: 'y_pred',
  kernel: ({ y_true, y_pred }, params) => {
    const { b, l } = slates(y_pred, y_true);
    const temperature = num(params, 'temperature');
    expectParamRange(temperature, 'temperature', 0, Infinity, true);
    const s = y_pred.data;
    const y = y_true.data;
    const perList = new Float64Array(b);
    const grad = new Float64Array(b * l);
    const scale = 1 / (b * l);
    for (let q = 0; q < b; q++) {
      for (let i = 0; i < l; i++) {
        const yi = y[q * l + i];
        if (!(yi >= 0)) continue;
        for (let j = 0; j < l; j++) {
          const yj = y[q * l + j];
          if (!(yj >= 0) || !(yi > yj)) continue;
          const z = (s[q * l + i] - s[q * l + j]) / temperature;
          perList[q] += softplus(-z);
          const g = (-sigmoid(-z) / temperature) * scale;
          grad[q * l + i] += g;
          grad[q * l + j] -= g;
        }
      }
    }
    // the value is sum / (b * l); each list's share is its own sum scaled the same way
    const r = reduceByMean({ shape: [b], data: perList }, grad, [b, l], 'sum', 'y_pred');
    r.value = (r.value as number) * scale;
    for (let k = 0; k < b; k++) r.contributions.data[k] = perList[k] * scale;
    return r;
  },
};

/** ListNet (Cao et al. 2007), top-one probabilities, as allRank's listNet (eps inside the log). */
const listnet: LossImplementation = {
  id: 'listnet-loss',
  gradInput: 'y_pred',
  kernel: ({ y_pred, y_true }, params) => {
    const { b, l } = slates(y_pred, y_true);
    const eps = num(params, 'eps');
    const pad = num(params, 'padded_value_indicator');
    const loss = new Float64Array(b);
    const grad = new Float64Array(b * l);
    const sp = new Float64Array(l);
    const tp = new Float64Array(l);
    const xs = new Float64Array(l);
    const ys = new Float64Array(l);
    for (let q = 0; q < b; q++) {
      let valid = 0;
      for (let i = 0; i < l; i++) {
        const padded = y_true.data[q * l + i] === pad;
        xs[i] = padded ? -Infinity : y_pred.data[q * l + i];
        ys[i] = padded ? -Infinity : y_true.data[q * l + i];
        if (!padded) valid++;
      }
      if (valid === 0) throw new LossInputError(`y_true: slate ${q} is all padding (${pad}); its softmax is undefined`, 'y_true');
      rowSoftmax(xs, 0, l, sp, 0);
      rowSoftmax(ys, 0, l, tp, 0);
      // loss = -sum t_i log(p_i + eps); d/dp_i = -t_i / (p_i + eps); then the softmax Jacobian
      let dot = 0;
      const gp = new Float64Array(l);
      for (let i = 0; i < l; i++) {
        loss[q] -= tp[i] * Math.log(sp[i] + eps);
        gp[i] = -tp[i] / (sp[i] + eps);
        dot += gp[i] * sp[i];
      }
      for (let i = 0; i < l; i++) grad[q * l + i] = sp[i] * (gp[i] - dot);
    }
    return meanResult(loss, grad, [b, l], 'y_pred');
  },
};

/** ListMLE (Xia et al. 2008) as allRank's listMLE; ties in y_true keep their order (allRank shuffles them). */
const listmle: LossImplementation = {
  id: 'listmle-loss',
  gradInput: 'y_pred',
  kernel: ({ y_pred, y_true }, params) => {
    const { b, l } = slates(y_pred, y_true);
    const eps = num(params, 'epsilon');
    const pad = num(params, 'padded_value_indicator');
    const loss = new Float64Array(b);
    const grad = new Float64Array(b * l);
    const order = new Array<number>(l);
    const e = new Float64Array(l);
    const cum = new Float64Array(l);
    for (let q = 0; q < b; q++) {
      for (let i = 0; i < l; i++) order[i] = i;
      order.sort((u, v) => y_true.data[q * l + v] - y_true.data[q * l + u] || u - v);
      let k = 0; // the number of real (not padded) documents, which sort first
      let mIdx = -1;
      for (const i of order) {
        if (y_true.data[q * l + i] === pad) continue;
        k++;
        if (mIdx < 0 || y_pred.data[q * l + i] > y_pred.data[q * l + mIdx]) mIdx = i;
      }
      if (k === 0) continue;
      const real = order.filter((i) => y_true.data[q * l + i] !== pad);
      const M = y_pred.data[q * l + mIdx];
      for (let r = 0; r < k; r++) e[r] = Math.exp(y_pred.data[q * l + real[r]] - M);
      let acc = 0;
      for (let r = k - 1; r >= 0; r--) {
        acc += e[r];
        cum[r] = acc;
      }
      let dM = 0;
      let inv = 0; // running sum of 1 / (cum_r + eps) over r <= current
      for (let r = 0; r < k; r++) {
        const i = real[r];
        loss[q] += Math.log(cum[r] + eps) - (y_pred.data[q * l + i] - M);
        inv += 1 / (cum[r] + eps);
        grad[q * l + i] += e[r] * inv - 1;
        dM += 1 - cum[r] / (cum[r] + eps);
      }
      // the max shift: the loss depends on M through eps only; its gradient goes to the argmax
      grad[q * l + mIdx] += dM;
    }
    return meanResult(loss, grad, [b, l], 'y_pred');
  },
};

/** The pair weights of allRank's LambdaLoss weighing schemes (positions in predicted order). */
function lambdaWeight(scheme: string, i: number, j: number, g: Float64Array, dpos: (p: number) => number, t: Float64Array, mu: number): number {
  const lambdaRank = (): number => Math.abs(1 / dpos(i) - 1 / dpos(j)) * Math.abs(g[i] - g[j]);
  const ndcg2 = (): number => {
    if (i === j) return 0;
    const delta = Math.abs(i - j);
    return Math.abs(1 / Math.log2(1 + delta) - 1 / Math.log2(2 + delta)) * Math.abs(g[i] - g[j]);
  };
  switch (scheme) {
    case 'lambdaRank_scheme':
      return lambdaRank();
    case 'ndcgLoss1_scheme':
      return g[i] / dpos(i);
    case 'ndcgLoss2_scheme':
      return ndcg2();
    case 'ndcgLoss2PP_scheme':
      return mu * ndcg2() + lambdaRank();
    case 'rankNetWeightedByGTDiff_scheme':
      return Math.abs(t[i] - t[j]);
    case 'rankNetWeightedByGTDiffPowed_scheme':
      return Math.abs(t[i] * t[i] - t[j] * t[j]);
    default:
      return 1; // 'None' and 'rankNet_scheme'
  }
}

/** LambdaRank and the LambdaLoss family (Burges 2006; Wang et al. 2018), as allRank's lambdaLoss. */
const lambdaLoss: LossImplementation = {
  id: 'lambdarank-loss',
  gradInput: 'y_pred',
  kernel: ({ y_pred, y_true }, params) => {
    const { b, l } = slates(y_pred, y_true);
    const eps = num(params, 'eps');
    const pad = num(params, 'padded_value_indicator');
    const scheme = params.weighing_scheme as string;
    const kParam = params.k as number | null;
    const sigma = num(params, 'sigma');
    const mu = num(params, 'mu');
    const mean = params.reduction === 'mean';
    const natural = params.reduction_log === 'natural';
    if (kParam !== null && kParam < 1) throw new LossInputError(`k: expected a positive rank cut-off or None, found ${kParam}`, 'k');
    const k = kParam === null ? l : Math.min(kParam, l);
    const logScale = natural ? 1 : 1 / Math.LN2;
    const dpos = (p: number): number => Math.log2(2 + p);
    const grad = new Float64Array(b * l);
    const terms: number[] = [];
    const gterms: number[] = [];
    const order = new Array<number>(l);
    const t = new Float64Array(l);
    const g = new Float64Array(l);
    for (let q = 0; q < b; q++) {
      const sv = (i: number): number => (y_true.data[q * l + i] === pad ? -Infinity : y_pred.data[q * l + i]);
      const tv = (i: number): number => (y_true.data[q * l + i] === pad ? -Infinity : y_true.data[q * l + i]);
      for (let i = 0; i < l; i++) order[i] = i;
      order.sort((u, v) => sv(v) - sv(u) || u - v);
      const ideal = Array.from({ length: l }, (_, i) => Math.max(tv(i), 0)).sort((u, v) => v - u);
      let maxDcg = 0;
      for (let p = 0; p < k; p++) maxDcg += (2 ** ideal[p] - 1) / dpos(p);
      maxDcg = Math.max(maxDcg, eps);
      for (let p = 0; p < l; p++) {
        t[p] = Math.max(tv(order[p]), 0);
        g[p] = (2 ** t[p] - 1) / maxDcg;
      }
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          const ti = tv(order[i]);
          const tj = tv(order[j]);
          const diffT = ti - tj;
          if (!Number.isFinite(diffT)) continue;
          if (scheme !== 'ndcgLoss1_scheme' && !(diffT > 0)) continue;
          const w = lambdaWeight(scheme, i, j, g, dpos, t, mu);
          const raw = sv(order[i]) - sv(order[j]);
          const d = Math.min(Math.max(raw, -1e8), 1e8);
          const sg = sigmoid(sigma * d);
          const inner = Math.max(sg, eps);
          const wp = Math.max(inner ** w, eps);
          terms.push(-Math.log(wp) * logScale);
          // d(−log wp)/d raw, zero where a clamp is active
          let dd = 0;
          if (sg > eps && inner ** w > eps && raw > -1e8 && raw < 1e8) dd = -w * sigma * (1 - sg) * logScale;
          gterms.push(q * l + order[i], q * l + order[j], dd);
        }
      }
    }
    const np = terms.length;
    if (np === 0 && mean) throw new LossInputError('y_true: no pair of documents with different relevance inside the cut-off; the mean is undefined', 'y_true');
    addPairGrads(grad, gterms);
    const elements = Float64Array.from(terms);
    return mean ? meanResult(elements, grad, [b, l], 'y_pred') : reduceByMean({ shape: [np], data: elements }, grad, [b, l], 'sum', 'y_pred');
  },
};

export const METRIC_LEARNING_KERNELS: readonly LossImplementation[] = [
  contrastive,
  batchHardTriplet,
  semiHardTriplet,
  quadruplet,
  angular,
  nPair,
  lifted,
  infoNce,
  ntXent,
  supCon,
  arcface,
  cosface,
  normalizedSoftmax,
  sphereface,
  circle,
  center,
  proxyNca,
  proxyAnchor,
  multiSimilarity,
  barlowTwins,
  vicreg,
  simsiam,
  byol,
  dino,
  mae,
  clip,
  siglip,
  ranknet,
  pairwiseLogistic,
  listnet,
  listmle,
  lambdaLoss,
];
