/**
 * Which losses fit two selected arrays: decides which array is the prediction,
 * then tries every computable entry with two required inputs and keeps those
 * the core accepts. Pure: no `vscode` import.
 */
import { computeLoss, LOSSES, toNested } from '../../losses';
import type { LossEntry, LossResult, Tensor, TypedTensor } from '../../losses';
import { KERNELS } from '../../losses/kernels';
import type { ParsedArray } from '../../losses/selection';
import { shapeText } from '../../losses/tensor';

const PRED_NAMES = new Set([
  'pred', 'preds', 'prediction', 'predictions', 'y_pred', 'ypred', 'y_hat', 'yhat', 'logits', 'logit',
  'output', 'outputs', 'out', 'input', 'inputs', 'scores', 'score', 'probs', 'prob', 'probabilities', 'x', 'z',
]);
const TARGET_NAMES = new Set([
  'target', 'targets', 'y_true', 'ytrue', 'y', 'label', 'labels', 'gt', 'truth', 'ground_truth', 'true',
  'targ', 'tgt', 'class', 'classes', 'class_idx', 'indices',
]);

function role(name: string | undefined): 'pred' | 'target' | undefined {
  if (!name) return undefined;
  const n = name.toLowerCase().replace(/^.*\./, '');
  if (PRED_NAMES.has(n)) return 'pred';
  if (TARGET_NAMES.has(n)) return 'target';
  return undefined;
}

/** The losses people most often mean, listed first when they fit: for class indices, and for equal shapes. */
const PREFERRED_CLASSES = ['cross-entropy', 'nll-loss'];
const PREFERRED_EQUAL = ['mse-loss', 'l1-loss', 'huber-loss', 'smooth-l1-loss', 'binary-cross-entropy', 'bce-with-logits', 'cross-entropy'];

export type Ordering =
  | { pred: ParsedArray; target: ParsedArray; reason: 'names' | 'integer-target' | 'rank' }
  | { ambiguous: true; first: ParsedArray; second: ParsedArray };

/** Which of two arrays is the prediction, when the selection says so; otherwise ambiguous. */
export function orderArrays(a: ParsedArray, b: ParsedArray): Ordering {
  const ra = role(a.name);
  const rb = role(b.name);
  if (ra === 'pred' && rb !== 'pred') return { pred: a, target: b, reason: 'names' };
  if (rb === 'pred' && ra !== 'pred') return { pred: b, target: a, reason: 'names' };
  if (ra === 'target' && rb !== 'target') return { pred: b, target: a, reason: 'names' };
  if (rb === 'target' && ra !== 'target') return { pred: a, target: b, reason: 'names' };
  if (a.integer !== b.integer) return a.integer ? { pred: b, target: a, reason: 'integer-target' } : { pred: a, target: b, reason: 'integer-target' };
  const na = a.tensor.shape.length;
  const nb = b.tensor.shape.length;
  if (na !== nb) return na > nb ? { pred: a, target: b, reason: 'rank' } : { pred: b, target: a, reason: 'rank' };
  return { ambiguous: true, first: a, second: b };
}

export interface Candidate {
  entry: LossEntry;
  predInput: string;
  targetInput: string;
  /** The value on the whole arrays; absent when only probed (large selections). */
  result?: LossResult;
  /** Integer targets matched an integer (class-index) input. */
  classIndices: boolean;
}

/** Entries the core computes with exactly two required inputs: [prediction, other]. */
function twoInputEntries(): Array<{ entry: LossEntry; pred: string; target: string; targetInteger: boolean }> {
  const out = [];
  for (const entry of LOSSES) {
    const impl = KERNELS.get(entry.id);
    if (!impl) continue;
    const required = entry.inputs.filter((i) => !i.optional);
    if (required.length !== 2 || !required.some((i) => i.name === impl.gradInput)) continue;
    const other = required.find((i) => i.name !== impl.gradInput)!;
    out.push({ entry, pred: impl.gradInput, target: other.name, targetInteger: !!other.integer });
  }
  return out;
}

/** Above this many numbers, losses are probed on the first rows and computed only when picked. */
export const PROBE_ABOVE = 100_000;
const PROBE_ROWS = 16;

function firstRows(t: TypedTensor, rows: number): TypedTensor {
  const per = t.data.length / t.shape[0];
  return { shape: [rows, ...t.shape.slice(1)], data: t.data.subarray(0, rows * per) };
}

/** Small stand-ins with the same trailing shapes, when both arrays share a long first (batch) axis. */
function probes(pred: ParsedArray, target: ParsedArray): [TypedTensor, TypedTensor] {
  const p = pred.tensor;
  const t = target.tensor;
  if (p.shape.length && t.shape.length && p.shape[0] === t.shape[0] && p.shape[0] > PROBE_ROWS) {
    return [firstRows(p, PROBE_ROWS), firstRows(t, PROBE_ROWS)];
  }
  return [p, t];
}

export function isLarge(pred: ParsedArray, target: ParsedArray): boolean {
  return pred.tensor.data.length + target.tensor.data.length > PROBE_ABOVE;
}

/** The value of a candidate on the whole arrays (throws the core's LossInputError when they do not fit). */
export function evaluate(c: Candidate, pred: ParsedArray, target: ParsedArray): LossResult {
  c.result ??= computeLoss(c.entry.id, { [c.predInput]: pred.tensor, [c.targetInput]: target.tensor });
  return c.result;
}

/**
 * Losses whose inputs fit the arrays, the usual ones first (cross-entropy and
 * NLL for class indices; MSE, L1, Huber... for equal shapes), then in catalog
 * order. Small selections are computed in full; large ones are probed on their
 * first rows (`result` left out) unless `evaluateAll`.
 */
export function fittingLosses(pred: ParsedArray, target: ParsedArray, evaluateAll = !isLarge(pred, target)): Candidate[] {
  const out: Candidate[] = [];
  const [pp, tp] = evaluateAll ? [pred.tensor, target.tensor] : probes(pred, target);
  for (const c of twoInputEntries()) {
    if (c.targetInteger && !target.integer) continue;
    let result: LossResult;
    try {
      result = computeLoss(c.entry.id, { [c.pred]: pp, [c.target]: tp });
    } catch {
      continue;
    }
    if (typeof result.value !== 'number') continue;
    out.push({
      entry: c.entry,
      predInput: c.pred,
      targetInput: c.target,
      ...(evaluateAll ? { result } : {}),
      classIndices: c.targetInteger && target.integer,
    });
  }
  const equal = pred.tensor.shape.length === target.tensor.shape.length && pred.tensor.shape.every((d, i) => d === target.tensor.shape[i]);
  const PREFERRED = equal ? PREFERRED_EQUAL : PREFERRED_CLASSES;
  const rank = (c: Candidate) => {
    const k = PREFERRED.indexOf(c.entry.id);
    if (k >= 0) return k;
    return PREFERRED.length + (target.integer ? (c.classIndices ? 0 : 1) : c.classIndices ? 1 : 0);
  };
  return out.map((c, i) => ({ c, i })).sort((x, y) => rank(x.c) - rank(y.c) || x.i - y.i).map((x) => x.c);
}

/** A value as people read it: up to 6 significant digits, full precision on demand. */
export function formatValue(v: number, full = false): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (full) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return v.toExponential(5).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(6)));
}

/** `(N, C)` style shape text, reused in messages. */
export function describeArray(a: ParsedArray): string {
  const d = a.tensor.data;
  const head = Array.from(d.subarray(0, 4), (x) => formatValue(x)).join(', ');
  const more = d.length > 4 ? ', …' : '';
  const name = a.name ? `${a.name} ` : '';
  return `${name}${shapeText(a.tensor.shape)}${a.integer ? ' int' : ''} [${head}${more}]`;
}

export function nested(a: ParsedArray): Tensor {
  return toNested(a.tensor);
}
