/**
 * Numeric kernels: sequence losses.
 *
 * `F.ctc_loss` as PyTorch 1.13 computes it on the CPU (ATen `LossCTC.cpp`): the forward
 * (α) and backward (β) recursions of Graves et al. (2006) over the extended label sequence
 * (blanks between and around the labels). Two paths, both checked against torch:
 * - sequences whose log-probabilities span a moderate range run the recursions in
 *   probability space with per-step rescaling (one exp per input, no log per state);
 * - the others (very confident outputs, −∞ entries) run torch's own log-space recursion with
 *   the same operation order, so values and gradients agree with torch to rounding.
 *
 * The gradient is the one torch's autograd returns for `log_probs`:
 *   grad[t, n, c] = (exp(lp[t, n, c]) − exp(log Σ_{s: l'_s = c} α_t(s) β_t(s) + nll − lp[t, n, c])) · g_n
 * for t < input_length, 0 beyond. The exp(lp) term makes it the gradient with respect to the
 * logits *before* a log_softmax (it assumes log_probs are normalised), not the partial
 * derivative with respect to independent log_probs; for normalised log_probs both give the
 * same gradient once pulled back through log_softmax. An impossible alignment (nll = ∞)
 * gives NaN gradients for that sequence, as in torch, unless zero_infinity is set.
 */
import { LossInputError } from './errors';
import { toNested, shapeText } from './tensor';
import type { LossImplementation, LossResult, TypedTensor } from './types';
import { expectParamRange } from './validate';
import { readReduction } from './reduction';

const NEG_INF = -Infinity;
const LN3 = Math.log(3);

/**
 * exp(x − max) where max is the largest of the terms (or 0 when all are −∞): exactly 1 for the
 * maximum and exactly 0 for −∞, which skips two of the three exponentials in most steps of the
 * recursions without changing a single bit of the result.
 */
function expShift(x: number, max: number): number {
  return x === max ? 1 : x === NEG_INF ? 0 : Math.exp(x - max);
}

interface CtcLayout {
  T: number;
  N: number;
  C: number;
  batched: boolean;
  inputLengths: Int32Array;
  targetLengths: Int32Array;
  /** Where each sequence's labels start in `targets.data`. */
  targetOffsets: Int32Array;
  maxTargetLength: number;
}

function lengthsOf(t: TypedTensor, name: string, N: number, batched: boolean): Int32Array {
  const ok = batched ? t.shape.length === 1 && t.shape[0] === N : t.data.length === 1 && t.shape.length <= 1;
  if (!ok) {
    const expected = batched ? `shape (${N},), one length per sequence` : 'a single length (shape () or (1,))';
    throw new LossInputError(`${name}: expected ${expected}, found shape ${shapeText(t.shape)}`, name);
  }
  const out = new Int32Array(t.data.length);
  for (let i = 0; i < t.data.length; i++) {
    const v = t.data[i];
    if (!Number.isInteger(v) || v < 0) {
      throw new LossInputError(`${name}: expected non-negative integer lengths, found ${v} at [${i}]`, name);
    }
    out[i] = v;
  }
  return out;
}

/** Checks shapes, lengths and labels the way torch does (and a little more), naming the input at fault. */
function layout(
  logProbs: TypedTensor,
  targets: TypedTensor,
  inputLengthsT: TypedTensor,
  targetLengthsT: TypedTensor,
  blank: number,
): CtcLayout {
  const rank = logProbs.shape.length;
  if (rank !== 2 && rank !== 3) {
    throw new LossInputError(`log_probs: expected (T, N, C) or (T, C), found shape ${shapeText(logProbs.shape)}`, 'log_probs');
  }
  const batched = rank === 3;
  const T = logProbs.shape[0];
  const N = batched ? logProbs.shape[1] : 1;
  const C = logProbs.shape[rank - 1];
  if (T < 1 || C < 1) throw new LossInputError(`log_probs: expected T ≥ 1 time steps and C ≥ 1 classes, found shape ${shapeText(logProbs.shape)}`, 'log_probs');
  const lp = logProbs.data;
  for (let i = 0; i < lp.length; i++) {
    if (Number.isNaN(lp[i]) || lp[i] === Infinity) {
      throw new LossInputError(`log_probs: expected log-probabilities (finite or −∞), found ${lp[i]} at flat index ${i}`, 'log_probs');
    }
  }
  if (!(blank >= 0 && blank < C)) {
    throw new LossInputError(`blank: expected a class index in [0, ${C}) (C = ${C} classes in log_probs), found ${blank}`, 'blank');
  }
  const inputLengths = lengthsOf(inputLengthsT, 'input_lengths', N, batched);
  const targetLengths = lengthsOf(targetLengthsT, 'target_lengths', N, batched);
  for (let b = 0; b < N; b++) {
    if (inputLengths[b] > T) {
      throw new LossInputError(`input_lengths: expected values at most T = ${T} (the time axis of log_probs), found ${inputLengths[b]} at [${b}]`, 'input_lengths');
    }
    if (inputLengths[b] < 1) {
      throw new LossInputError(`input_lengths: expected values of at least 1 (torch reads uninitialised memory for 0), found 0 at [${b}]`, 'input_lengths');
    }
  }
  const targetOffsets = new Int32Array(N);
  let maxTargetLength = 0;
  for (let b = 0; b < N; b++) if (targetLengths[b] > maxTargetLength) maxTargetLength = targetLengths[b];
  if (targets.shape.length === 2) {
    const [rows, S] = targets.shape;
    if (rows !== N) {
      throw new LossInputError(`targets: expected ${N} padded rows (one per sequence in log_probs ${shapeText(logProbs.shape)}), found shape ${shapeText(targets.shape)}`, 'targets');
    }
    if (S < maxTargetLength) {
      throw new LossInputError(`targets: padded width ${S} is shorter than the longest target length ${maxTargetLength} in target_lengths`, 'targets');
    }
    for (let b = 0; b < N; b++) targetOffsets[b] = b * S;
  } else if (targets.shape.length === 1) {
    let pos = 0;
    for (let b = 0; b < N; b++) {
      targetOffsets[b] = pos;
      pos += targetLengths[b];
    }
    if (targets.shape[0] !== pos) {
      throw new LossInputError(
        `targets: 1-D targets are the concatenated label sequences, so their length must equal sum(target_lengths) = ${pos}, found ${targets.shape[0]}`,
        'targets',
      );
    }
  } else {
    throw new LossInputError(`targets: expected padded (N, S) or concatenated 1-D labels, found shape ${shapeText(targets.shape)}`, 'targets');
  }
  const tg = targets.data;
  for (let b = 0; b < N; b++) {
    for (let s = 0; s < targetLengths[b]; s++) {
      const v = tg[targetOffsets[b] + s];
      const where = targets.shape.length === 2 ? `[${b}, ${s}]` : `[${targetOffsets[b] + s}]`;
      if (!Number.isInteger(v) || v < 0 || v >= C) {
        throw new LossInputError(`targets: label ${v} at ${where} is out of range [0, ${C}) (C = ${C} classes in log_probs)`, 'targets');
      }
      if (v === blank) {
        throw new LossInputError(`targets: label at ${where} is the blank index ${blank}; targets must not contain the blank`, 'targets');
      }
    }
  }
  return { T, N, C, batched, inputLengths, targetLengths, targetOffsets, maxTargetLength };
}

/**
 * Whether sequence `base` can take the fast path: the Graves recursions in probability space,
 * rescaled at every time step, need exp(lp) to stay normal and the ratio between any two
 * partial paths to stay above the smallest double. Both hold when every log-probability is in
 * [−600, 600] and Σₜ (max − min of lp at t) + T·ln 3 < 600 (3^T bounds the number of paths).
 * Otherwise (very confident outputs, −∞ entries) the log-space recursion below is used.
 */
function fitsProbabilitySpace(lp: Float64Array, stride: number, base: number, C: number, il: number): boolean {
  let spread = il * LN3;
  for (let t = 0; t < il; t++) {
    const o = t * stride + base;
    let lo = lp[o];
    let hi = lp[o];
    for (let c = 1; c < C; c++) {
      const v = lp[o + c];
      if (v < lo) lo = v;
      else if (v > hi) hi = v;
    }
    if (!(lo >= -600 && hi <= 600)) return false;
    spread += hi - lo;
    if (spread >= 600) return false;
  }
  return true;
}

/**
 * CTC for one sequence in probability space with per-step normalisation (Graves 2006, §4.1):
 * one exp per log-probability instead of several exp/log per state. Agrees with the log-space
 * recursion to rounding (checked against torch by the golden fixtures). Returns the loss and
 * writes torch's gradient, (y − γ)·g with y = exp(lp) and γ the posterior of each class.
 */
function scaledForwardBackward(
  lp: Float64Array,
  stride: number,
  base: number,
  C: number,
  T: number,
  il: number,
  tl: number,
  prime: Int32Array,
  alpha: Float64Array,
  beta: Float64Array,
  zeroInfinity: boolean,
  gr: number,
  grad: Float64Array,
  gamma: Float64Array,
): number {
  const S = 2 * tl + 1;
  // y = exp(lp), kept in grad until the gradient overwrites it
  for (let t = 0; t < il; t++) {
    const o = t * stride + base;
    for (let c = 0; c < C; c++) grad[o + c] = Math.exp(lp[o + c]);
  }
  // forward, each row normalised to sum 1; logScale accumulates log Σ
  let logScale = 0;
  let y0 = base;
  alpha.fill(0, 0, S);
  alpha[0] = grad[y0 + prime[0]];
  if (tl > 0) alpha[1] = grad[y0 + prime[1]];
  let z = alpha[0] + (tl > 0 ? alpha[1] : 0);
  let impossible = z === 0;
  if (!impossible) {
    logScale += Math.log(z);
    const inv = 1 / z;
    for (let s = 0; s < S; s++) alpha[s] *= inv;
  }
  for (let t = 1; t < il && !impossible; t++) {
    const row = t * S;
    const prev = row - S;
    y0 = t * stride + base;
    z = 0;
    for (let s = 0; s < S; s++) {
      const cur = prime[s];
      let a = alpha[prev + s];
      if (s > 0) a += alpha[prev + s - 1];
      if (s > 1 && prime[s - 2] !== cur) a += alpha[prev + s - 2];
      a *= grad[y0 + cur];
      alpha[row + s] = a;
      z += a;
    }
    if (z === 0) {
      impossible = true;
      break;
    }
    logScale += Math.log(z);
    const inv = 1 / z;
    for (let s = 0; s < S; s++) alpha[row + s] *= inv;
  }
  const last = (il - 1) * S;
  const pEnd = impossible ? 0 : tl > 0 ? alpha[last + S - 1] + alpha[last + S - 2] : alpha[last];
  if (pEnd === 0) {
    // no alignment: torch gives inf and NaN gradients (exp(lp) − exp(−∞ + ∞)); zero_infinity zeroes them
    const fillValue = zeroInfinity ? 0 : NaN;
    for (let t = 0; t < T; t++) grad.fill(t < il ? fillValue : 0, t * stride + base, t * stride + base + C);
    return Infinity;
  }
  const loss = -(Math.log(pEnd) + logScale);

  // backward, two rows of β (the rows are normalised too; γ only needs ratios within a time step)
  let cur = 0;
  let next = S;
  for (let t = il - 1; t >= 0; t--) {
    y0 = t * stride + base;
    if (t === il - 1) {
      beta.fill(0, cur, cur + S);
      beta[cur + S - 1] = grad[y0 + prime[S - 1]];
      if (tl > 0) beta[cur + S - 2] = grad[y0 + prime[S - 2]];
    } else {
      for (let s = 0; s < S; s++) {
        const k = prime[s];
        let v = beta[next + s];
        if (s < S - 1) v += beta[next + s + 1];
        if (s < S - 2 && prime[s + 2] !== k) v += beta[next + s + 2];
        beta[cur + s] = v * grad[y0 + k];
      }
    }
    let zb = 0;
    for (let s = 0; s < S; s++) zb += beta[cur + s];
    const inv = 1 / zb;
    for (let s = 0; s < S; s++) beta[cur + s] *= inv;
    // γ_t(c) = Σ_{s: l'_s = c} α̂β̂ / y_t(c), normalised over s; accumulated into the spare β row
    const row = t * S;
    let norm = 0;
    for (let s = 0; s < S; s++) norm += (alpha[row + s] * beta[cur + s]) / grad[y0 + prime[s]];
    const scale = 1 / norm;
    // grad[y0 + c] still holds y; write (y − γ)·g, touching the label classes first
    for (let s = 0; s < S; s++) {
      const k = prime[s];
      const share = (alpha[row + s] * beta[cur + s]) / grad[y0 + k];
      beta[next + s] = share; // reuse: the next row is no longer needed at this t
    }
    gamma.fill(0, 0, C);
    for (let s = 0; s < S; s++) gamma[prime[s]] += beta[next + s] * scale;
    for (let c = 0; c < C; c++) grad[y0 + c] = (grad[y0 + c] - gamma[c]) * gr;
    const swap = cur;
    cur = next;
    next = swap;
  }
  for (let t = il; t < T; t++) grad.fill(0, t * stride + base, t * stride + base + C);
  return loss;
}

/**
 * Negative log-likelihood of each sequence and torch's gradient. `gradScale[b]` is d value / d nll_b
 * (the reduction's weight); `grad` receives the gradient laid out like log_probs.
 */
function ctcForwardBackward(
  lp: Float64Array,
  tg: Float64Array,
  L: CtcLayout,
  blank: number,
  zeroInfinity: boolean,
  gradScale: Float64Array,
  nll: Float64Array,
  grad: Float64Array,
): void {
  const { T, N, C } = L;
  const width = 2 * L.maxTargetLength + 1;
  const la = new Float64Array(T * width);
  const lb = new Float64Array(Math.max(T, 2) * width); // the fast path keeps two rows even when T = 1
  // extended label sequence l' of the current sequence: blank, l1, blank, l2, ..., blank
  const prime = new Int32Array(width);
  const gamma = new Float64Array(C);
  const stride = N * C; // one time step of log_probs
  for (let b = 0; b < N; b++) {
    const il = L.inputLengths[b];
    const tl = L.targetLengths[b];
    const S = 2 * tl + 1;
    const off = L.targetOffsets[b];
    for (let s = 0; s < S; s++) prime[s] = s % 2 === 0 ? blank : tg[off + (s >> 1)];
    const base = b * C; // lp[t * stride + base + c]
    if (fitsProbabilitySpace(lp, stride, base, C, il)) {
      nll[b] = scaledForwardBackward(lp, stride, base, C, T, il, tl, prime, la, lb, zeroInfinity, gradScale[b], grad, gamma);
      continue;
    }

    // ---- α
    la.fill(NEG_INF, 0, T * width);
    la[0] = lp[base + blank];
    if (tl > 0) la[1] = lp[base + prime[1]];
    for (let t = 1; t < il; t++) {
      const row = t * width;
      const prev = row - width;
      const lpt = t * stride + base;
      for (let s = 0; s < S; s++) {
        const cur = prime[s];
        const la1 = la[prev + s];
        let lamax = la1;
        let la2 = NEG_INF;
        let la3 = NEG_INF;
        if (s > 0) {
          la2 = la[prev + s - 1];
          if (la2 > lamax) lamax = la2;
        }
        if (s > 1 && prime[s - 2] !== cur) {
          la3 = la[prev + s - 2];
          if (la3 > lamax) lamax = la3;
        }
        if (lamax === NEG_INF) lamax = 0;
        la[row + s] = Math.log(expShift(la1, lamax) + expShift(la2, lamax) + expShift(la3, lamax)) + lamax + lp[lpt + cur];
      }
    }
    const last = (il - 1) * width;
    let loss: number;
    if (tl === 0) {
      loss = -la[last];
    } else {
      const l1 = la[last + 2 * tl];
      const l2 = la[last + 2 * tl - 1];
      let m = l1 > l2 ? l1 : l2;
      if (m === NEG_INF) m = 0;
      loss = -(Math.log(Math.exp(l1 - m) + Math.exp(l2 - m)) + m);
    }
    nll[b] = loss;

    // ---- β and Σ αβ per class (kept in log space in grad, as torch does)
    if (zeroInfinity && loss === Infinity) {
      for (let t = 0; t < T; t++) grad.fill(0, t * stride + base, t * stride + base + C);
      continue;
    }
    for (let t = 0; t < il; t++) grad.fill(NEG_INF, t * stride + base, t * stride + base + C);
    lb.fill(NEG_INF, 0, T * width);
    const lpLast = (il - 1) * stride + base;
    lb[last + 2 * tl] = lp[lpLast + blank];
    grad[lpLast + blank] = la[last + 2 * tl] + lb[last + 2 * tl];
    if (tl > 0) {
      const cur = prime[2 * tl - 1];
      lb[last + 2 * tl - 1] = lp[lpLast + cur];
      grad[lpLast + cur] = la[last + 2 * tl - 1] + lb[last + 2 * tl - 1];
    }
    for (let t = il - 2; t >= 0; t--) {
      const row = t * width;
      const next = row + width;
      const lpt = t * stride + base;
      for (let s = 2 * tl; s >= 0; s--) {
        const cur = prime[s];
        const lb1 = lb[next + s];
        let lbmax = lb1;
        let lb2 = NEG_INF;
        let lb3 = NEG_INF;
        if (s < 2 * tl) {
          lb2 = lb[next + s + 1];
          if (lb2 > lbmax) lbmax = lb2;
        }
        if (s < 2 * tl - 1 && prime[s + 2] !== cur) {
          lb3 = lb[next + s + 2];
          if (lb3 > lbmax) lbmax = lb3;
        }
        if (lbmax === NEG_INF) lbmax = 0;
        const beta = Math.log(expShift(lb1, lbmax) + expShift(lb2, lbmax) + expShift(lb3, lbmax)) + lbmax + lp[lpt + cur];
        lb[row + s] = beta;
        const lab = la[row + s] + beta;
        const g = lpt + cur;
        const lcab = grad[g];
        if (lcab === NEG_INF) {
          grad[g] = lab;
        } else if (lab !== NEG_INF) {
          // (adding exp(−∞) = 0 would leave lcab unchanged, bit for bit)
          const mx = lcab > lab ? lcab : lab;
          grad[g] = Math.log(expShift(lcab, mx) + expShift(lab, mx)) + mx;
        }
      }
    }
    const gr = gradScale[b];
    for (let t = 0; t < il; t++) {
      const lpt = t * stride + base;
      for (let c = 0; c < C; c++) {
        const v = lp[lpt + c];
        const r = grad[lpt + c];
        // classes no path uses at t (r = −∞) contribute exp(−∞) = 0 when the loss and lp are finite
        // (torch forms −∞ + ∞ = NaN otherwise, and so does this)
        const post = r === NEG_INF && loss !== Infinity && v !== NEG_INF ? 0 : Math.exp(r + loss - v);
        grad[lpt + c] = (Math.exp(v) - post) * gr;
      }
    }
    for (let t = il; t < T; t++) grad.fill(0, t * stride + base, t * stride + base + C);
  }
}

/** `F.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank, reduction, zero_infinity)`. */
const ctc: LossImplementation = {
  id: 'ctc-loss',
  gradInput: 'log_probs',
  kernel: ({ log_probs, targets, input_lengths, target_lengths }, params): LossResult => {
    const reduction = readReduction(params);
    const blank = params.blank as number;
    const zeroInfinity = params.zero_infinity as boolean;
    expectParamRange(blank, 'blank', 0, Infinity);
    const L = layout(log_probs, targets, input_lengths, target_lengths, blank);
    const { N } = L;
    // d value / d nll_b: 'mean' divides each loss by its (clamped) target length, then averages
    const gradScale = new Float64Array(N);
    for (let b = 0; b < N; b++) gradScale[b] = reduction === 'mean' ? 1 / N / Math.max(L.targetLengths[b], 1) : 1;
    const nll = new Float64Array(N);
    const grad = new Float64Array(log_probs.data.length);
    ctcForwardBackward(log_probs.data, targets.data, L, blank, zeroInfinity, gradScale, nll, grad);
    if (zeroInfinity) for (let b = 0; b < N; b++) if (nll[b] === Infinity) nll[b] = 0;

    const elements: TypedTensor = { shape: L.batched ? [N] : [], data: nll };
    const gradT: TypedTensor = { shape: log_probs.shape, data: grad };
    if (reduction === 'none') {
      return { value: toNested(elements), elements, contributions: elements, gradInput: 'log_probs', grad: gradT };
    }
    const contributions = new Float64Array(N);
    let total = 0;
    if (reduction === 'sum') {
      for (let b = 0; b < N; b++) {
        contributions[b] = nll[b];
        total += nll[b];
      }
    } else {
      for (let b = 0; b < N; b++) {
        const v = nll[b] / Math.max(L.targetLengths[b], 1);
        total += v;
        contributions[b] = v / N;
      }
      total /= N;
    }
    return {
      value: total,
      elements,
      contributions: { shape: elements.shape, data: contributions },
      gradInput: 'log_probs',
      grad: gradT,
    };
  },
};

export const SEQUENCE_KERNELS: readonly LossImplementation[] = [ctc];
