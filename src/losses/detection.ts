/**
 * Numeric kernels: detection and box losses.
 *
 * `torchvision.ops` 0.14 semantics: sigmoid_focal_loss, generalized/distance/complete box IoU
 * losses (boxes as x1, y1, x2, y2; eps = 1e-7; reduction 'none' by default), plus the plain
 * IoU loss and the DR loss (Qian et al. 2020, SigmoidDRLoss) written the same way.
 * Gradients are the ones torch's autograd gives, including its conventions at ties:
 * `torch.max`/`torch.min` of two tensors send half the gradient to each equal argument, and
 * the intersection only carries a gradient where the boxes overlap (torchvision's mask).
 */
import { LossInputError } from './errors';
import { pointwiseLoss } from './elementwise';
import { readReduction, reduceByMean } from './reduction';
import { sigmoid } from './softmax';
import { shapeText } from './tensor';
import type { LossImplementation, LossResult, TypedTensor } from './types';
import { expectFinite, expectInRange, expectParamRange, expectSameShape } from './validate';

// ---------------------------------------------------------------- sigmoid focal loss

/**
 * `torchvision.ops.sigmoid_focal_loss`: α_t (1 − p_t)^γ · BCE-with-logits, p = σ(x),
 * p_t = p·t + (1 − p)(1 − t), α_t = α·t + (1 − α)(1 − t) (no α weighting when α < 0).
 * BCE is computed as torch does, (1 − t)·x + m + log(e^(−m) + e^(−x−m)) with m = max(−x, 0),
 * which is finite for any finite logit. Where torch's autograd would form 0 · ∞ (γ < 1 at a
 * saturated logit, where p(1 − p) is exactly 0) the term is taken as its limit 0.
 */
const sigmoidFocal: LossImplementation = {
  id: 'sigmoid-focal-loss',
  gradInput: 'inputs',
  kernel: ({ inputs, targets }, params) => {
    const alpha = params.alpha as number;
    const gamma = params.gamma as number;
    expectParamRange(alpha, 'alpha', -Infinity, 1);
    expectParamRange(gamma, 'gamma', 0, Infinity);
    expectFinite(inputs, 'inputs');
    expectInRange(targets, 'targets', 0, 1);
    const weighted = alpha >= 0;
    return pointwiseLoss(
      inputs,
      targets,
      params,
      (x, t, out) => {
        const p = sigmoid(x);
        const m = x < 0 ? -x : 0;
        const ce = (1 - t) * x + m + Math.log(Math.exp(-m) + Math.exp(-x - m));
        const pt = p * t + (1 - p) * (1 - t);
        const q = 1 - pt;
        const mod = Math.pow(q, gamma);
        // d q / d x = −(t − (1 − t)) · p (1 − p)
        const dq = -(t - (1 - t)) * (1 - p) * p;
        const dmod = gamma === 0 || dq === 0 ? 0 : gamma * Math.pow(q, gamma - 1) * dq;
        let loss = ce * mod;
        let grad = (p - t) * mod + ce * dmod;
        if (weighted) {
          const at = alpha * t + (1 - alpha) * (1 - t);
          loss *= at;
          grad *= at;
        }
        out[0] = loss;
        out[1] = grad;
      },
      ['inputs', 'targets'],
    );
  },
};

// ---------------------------------------------------------------- box losses

/** d max(a, b) / d a as torch's autograd gives it (ties split in half). */
function dMax(a: number, b: number): number {
  return a > b ? 1 : a === b ? 0.5 : 0;
}

/** d min(a, b) / d a as torch's autograd gives it (ties split in half). */
function dMin(a: number, b: number): number {
  return a < b ? 1 : a === b ? 0.5 : 0;
}

type BoxKind = 'iou' | 'giou' | 'diou' | 'ciou';

const FOUR_OVER_PI2 = 4 / (Math.PI * Math.PI);

/**
 * One pair of boxes: writes the loss into `out[0]` and d loss / d (x1, y1, x2, y2) of the
 * first box into `out[1..4]`. `a` and `b` hold the two boxes at offsets `i`.
 */
function boxPair(kind: BoxKind, a: Float64Array, b: Float64Array, i: number, eps: number, out: Float64Array): void {
  const x1 = a[i], y1 = a[i + 1], x2 = a[i + 2], y2 = a[i + 3];
  const gx1 = b[i], gy1 = b[i + 1], gx2 = b[i + 2], gy2 = b[i + 3];

  // intersection (torchvision's _loss_inter_union) and union
  const xk1 = Math.max(x1, gx1), yk1 = Math.max(y1, gy1);
  const xk2 = Math.min(x2, gx2), yk2 = Math.min(y2, gy2);
  const overlap = yk2 > yk1 && xk2 > xk1;
  const iw = xk2 - xk1, ih = yk2 - yk1;
  const inter = overlap ? iw * ih : 0;
  const w = x2 - x1, h = y2 - y1;
  const union = w * h + (gx2 - gx1) * (gy2 - gy1) - inter;
  // CIoU's DIoU and IoU parts use torchvision's default eps whatever eps is passed (0.14 behaviour)
  const e = kind === 'ciou' ? 1e-7 : eps;
  const ue = union + e;
  const iou = inter / ue;

  // d inter / d box1
  let dI0 = 0, dI1 = 0, dI2 = 0, dI3 = 0;
  if (overlap) {
    dI0 = -ih * dMax(x1, gx1);
    dI1 = -iw * dMax(y1, gy1);
    dI2 = ih * dMin(x2, gx2);
    dI3 = iw * dMin(y2, gy2);
  }
  // d union / d box1 = d area1 − d inter
  const dU0 = -h - dI0, dU1 = -w - dI1, dU2 = h - dI2, dU3 = w - dI3;
  // d iou = dI / ue − inter / ue² · dU
  const r = inter / (ue * ue);
  let g0 = -(dI0 / ue - r * dU0);
  let g1 = -(dI1 / ue - r * dU1);
  let g2 = -(dI2 / ue - r * dU2);
  let g3 = -(dI3 / ue - r * dU3);

  if (kind === 'iou') {
    out[0] = 1 - iou;
    out[1] = g0; out[2] = g1; out[3] = g2; out[4] = g3;
    return;
  }

  // smallest enclosing box
  const xc1 = Math.min(x1, gx1), yc1 = Math.min(y1, gy1);
  const xc2 = Math.max(x2, gx2), yc2 = Math.max(y2, gy2);
  const cw = xc2 - xc1, ch = yc2 - yc1;
  const dc0 = dMin(x1, gx1), dc1 = dMin(y1, gy1), dc2 = dMax(x2, gx2), dc3 = dMax(y2, gy2);

  if (kind === 'giou') {
    const areaC = cw * ch;
    const ce = areaC + eps;
    // loss = 1 − iou + (C − U) / (C + eps)
    const dC0 = -ch * dc0, dC1 = -cw * dc1, dC2 = ch * dc2, dC3 = cw * dc3;
    const k = (areaC - union) / (ce * ce);
    out[0] = 1 - (iou - (areaC - union) / ce);
    out[1] = g0 + (dC0 - dU0) / ce - k * dC0;
    out[2] = g1 + (dC1 - dU1) / ce - k * dC1;
    out[3] = g2 + (dC2 - dU2) / ce - k * dC2;
    out[4] = g3 + (dC3 - dU3) / ce - k * dC3;
    return;
  }

  // DIoU: 1 − iou + ρ² / (c² + eps)
  const diag = cw * cw + ch * ch + e;
  const dx = (x2 + x1) / 2 - (gx1 + gx2) / 2;
  const dy = (y2 + y1) / 2 - (gy1 + gy2) / 2;
  const rho = dx * dx + dy * dy;
  const dD0 = -2 * cw * dc0, dD1 = -2 * ch * dc1, dD2 = 2 * cw * dc2, dD3 = 2 * ch * dc3;
  const kd = rho / (diag * diag);
  // d rho / d x1 = d rho / d x2 = dx (the centre moves by half of each coordinate)
  g0 += dx / diag - kd * dD0;
  g1 += dy / diag - kd * dD1;
  g2 += dx / diag - kd * dD2;
  g3 += dy / diag - kd * dD3;
  let loss = 1 - iou + rho / diag;

  if (kind === 'ciou') {
    // v = 4/π² (atan(wg/hg) − atan(w/h))², α = v / (1 − iou + v + eps) without gradient
    const gw = gx2 - gx1, gh = gy2 - gy1;
    const ratio = w / h;
    const diff = Math.atan(gw / gh) - Math.atan(ratio);
    const v = FOUR_OVER_PI2 * diff * diff;
    const alphaC = v / (1 - iou + v + eps);
    // d v / d w = −2·(4/π²)·diff / (1 + ratio²) / h ;  d v / d h = +2·(4/π²)·diff / (1 + ratio²) · w / h²
    const s = (-2 * FOUR_OVER_PI2 * diff) / (1 + ratio * ratio);
    const dvdw = s / h;
    const dvdh = -s * (w / (h * h));
    g0 += alphaC * -dvdw;
    g2 += alphaC * dvdw;
    g1 += alphaC * -dvdh;
    g3 += alphaC * dvdh;
    loss += alphaC * v;
  }
  out[0] = loss;
  out[1] = g0; out[2] = g1; out[3] = g2; out[4] = g3;
}

/** Checks a box tensor: last axis 4, finite, x1 ≤ x2 and y1 ≤ y2 (and positive height for CIoU). */
function expectBoxes(t: TypedTensor, name: string, positiveHeight: boolean): void {
  if (t.shape.length < 1 || t.shape.length > 3 || t.shape[t.shape.length - 1] !== 4) {
    throw new LossInputError(`${name}: expected boxes of shape (4) or (N, 4) as (x1, y1, x2, y2), found shape ${shapeText(t.shape)}`, name);
  }
  expectFinite(t, name);
  const d = t.data;
  for (let i = 0; i < d.length; i += 4) {
    const box = `[${d[i]}, ${d[i + 1]}, ${d[i + 2]}, ${d[i + 3]}]`;
    if (d[i + 2] < d[i] || d[i + 3] < d[i + 1]) {
      throw new LossInputError(`${name}: box ${i / 4} ${box} has x2 < x1 or y2 < y1; expected (x1, y1, x2, y2) with x1 ≤ x2 and y1 ≤ y2`, name);
    }
    if (positiveHeight && !(d[i + 3] > d[i + 1])) {
      throw new LossInputError(
        `${name}: box ${i / 4} ${box} has zero height; complete_box_iou_loss divides the width by the height (aspect ratio), so it needs y2 > y1`,
        name,
      );
    }
  }
}

function boxLoss(kind: BoxKind): LossImplementation['kernel'] {
  return ({ boxes1, boxes2 }, params): LossResult => {
    const reduction = readReduction(params);
    const eps = params.eps as number;
    expectParamRange(eps, 'eps', 0, Infinity);
    expectBoxes(boxes1, 'boxes1', kind === 'ciou');
    expectSameShape(boxes1, boxes2, 'boxes1', 'boxes2');
    expectBoxes(boxes2, 'boxes2', kind === 'ciou');
    const n = boxes1.data.length / 4;
    const loss = new Float64Array(n);
    const grad = new Float64Array(boxes1.data.length);
    const out = new Float64Array(5);
    for (let k = 0; k < n; k++) {
      boxPair(kind, boxes1.data, boxes2.data, 4 * k, eps, out);
      loss[k] = out[0];
      grad[4 * k] = out[1];
      grad[4 * k + 1] = out[2];
      grad[4 * k + 2] = out[3];
      grad[4 * k + 3] = out[4];
    }
    const result = reduceByMean({ shape: boxes1.shape.slice(0, -1), data: loss }, grad, boxes1.shape, reduction, 'boxes1');
    // torchvision: the mean of no boxes is 0 (0.0 * loss.sum()), not NaN
    if (n === 0 && reduction === 'mean') result.value = 0;
    return result;
  };
}

const BOX_KINDS: ReadonlyArray<readonly [string, BoxKind]> = [
  ['iou-loss', 'iou'],
  ['generalized-box-iou-loss', 'giou'],
  ['distance-box-iou-loss', 'diou'],
  ['complete-box-iou-loss', 'ciou'],
];

// ---------------------------------------------------------------- DR loss

/**
 * `SigmoidDRLoss` (Qian et al. 2020, the authors' PyTorch code): logits (N, C), targets (N) with
 * 0 = background, 1..C = class, < 0 = ignored. Foreground scores p = σ(x) at (i, targets[i] − 1),
 * background scores at every other class of a non-ignored row. Each set is collapsed into an
 * expectation under a softmax re-weighting (hard negatives up, hard positives up):
 * neg = Σ softmax(p⁻/λ⁻)·p⁻, pos = Σ softmax(−p⁺/λ⁺)·p⁺ (pos = 1 when there are none), and
 * loss = τ/L · log(1 + exp(L (neg − pos + 0.5))).
 */
const drLoss: LossImplementation = {
  id: 'distribution-ranking-loss',
  gradInput: 'logits',
  kernel: ({ logits, targets }, params) => {
    const posLambda = params.pos_lambda as number;
    const negLambda = params.neg_lambda as number;
    const L = params.L as number;
    const tau = params.tau as number;
    expectParamRange(posLambda, 'pos_lambda', 0, Infinity, true);
    expectParamRange(negLambda, 'neg_lambda', 0, Infinity, true);
    expectParamRange(L, 'L', 0, Infinity, true);
    expectParamRange(tau, 'tau', 0, Infinity, true);
    if (logits.shape.length !== 2) {
      throw new LossInputError(`logits: expected 2-D (N, C) classification logits, found shape ${shapeText(logits.shape)}`, 'logits');
    }
    expectFinite(logits, 'logits');
    const [N, C] = logits.shape;
    if (targets.shape.length !== 1 || targets.shape[0] !== N) {
      throw new LossInputError(`targets: expected shape (${N},) (one label per row of logits ${shapeText(logits.shape)}), found ${shapeText(targets.shape)}`, 'targets');
    }
    const t = targets.data;
    for (let i = 0; i < N; i++) {
      if (!Number.isInteger(t[i]) || t[i] > C) {
        throw new LossInputError(
          `targets: expected integer labels in [0, ${C}] (0 = background, 1..${C} = class, negative = ignored), found ${t[i]} at [${i}]`,
          'targets',
        );
      }
    }
    const x = logits.data;
    const prob = new Float64Array(x.length);
    for (let k = 0; k < x.length; k++) prob[k] = sigmoid(x[k]);
    // role of each logit: 1 foreground, −1 background, 0 ignored
    const isPos = (i: number, c: number) => t[i] === c + 1;
    const isNeg = (i: number, c: number) => t[i] >= 0 && t[i] !== c + 1;

    // softmax-weighted expectations, max-shifted as F.softmax does
    let negMax = -Infinity, posMax = -Infinity, nPos = 0;
    for (let i = 0; i < N; i++) {
      for (let c = 0; c < C; c++) {
        const p = prob[i * C + c];
        if (isPos(i, c)) {
          nPos++;
          if (-p / posLambda > posMax) posMax = -p / posLambda;
        } else if (isNeg(i, c) && p / negLambda > negMax) negMax = p / negLambda;
      }
    }
    let negZ = 0, negS = 0, posZ = 0, posS = 0;
    for (let i = 0; i < N; i++) {
      for (let c = 0; c < C; c++) {
        const p = prob[i * C + c];
        if (isPos(i, c)) {
          const e = Math.exp(-p / posLambda - posMax);
          posZ += e;
          posS += e * p;
        } else if (isNeg(i, c)) {
          const e = Math.exp(p / negLambda - negMax);
          negZ += e;
          negS += e * p;
        }
      }
    }
    const negDist = negZ > 0 ? negS / negZ : 0;
    const posDist = nPos > 0 ? posS / posZ : 1;
    const z = L * (negDist - posDist + 0.5);
    const value = (tau * Math.log(1 + Math.exp(z))) / L;
    // d value / d z·L = τ σ(z); d neg/d p_j = q_j (1 + (p_j − neg)/λ⁻); d pos/d p_j = q_j (1 − (p_j − pos)/λ⁺)
    const dz = tau * sigmoid(z);
    const grad = new Float64Array(x.length);
    for (let i = 0; i < N; i++) {
      for (let c = 0; c < C; c++) {
        const k = i * C + c;
        const p = prob[k];
        const dp = p * (1 - p);
        if (isPos(i, c)) {
          const q = Math.exp(-p / posLambda - posMax) / posZ;
          grad[k] = -dz * q * (1 - (p - posDist) / posLambda) * dp;
        } else if (isNeg(i, c)) {
          const q = Math.exp(p / negLambda - negMax) / negZ;
          grad[k] = dz * q * (1 + (p - negDist) / negLambda) * dp;
        }
      }
    }
    // one loss per call (the whole batch is ranked at once): a single element
    const elements: TypedTensor = { shape: [], data: Float64Array.of(value) };
    return { value, elements, contributions: elements, gradInput: 'logits', grad: { shape: logits.shape, data: grad } };
  },
};

export const DETECTION_KERNELS: readonly LossImplementation[] = [
  sigmoidFocal,
  ...BOX_KINDS.map(([id, kind]) => ({ id, gradInput: 'boxes1', kernel: boxLoss(kind) })),
  drLoss,
];
