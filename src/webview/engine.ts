/**
 * The playground's computation: the loss through the shared core, the values of
 * the losses being compared, and the curves for the plot. Pure (no DOM): it runs
 * in the Web Worker, in the benchmark and, if no worker can start, on the page.
 */
import { computeLoss, getEntry, isComputable } from '../losses';
import type { LossEntry, TypedTensor } from '../losses/types';
import { roles } from './generators';

export interface CompareSpec {
  /** Loss id; several specs may share an id with different params (a parameter sweep). */
  id: string;
  label: string;
  params: Record<string, unknown>;
}

export interface ComputeRequest {
  seq: number;
  lossId: string;
  inputs: Record<string, TypedTensor>;
  /** Parameter values (tensor parameters as typed tensors). */
  params: Record<string, unknown>;
  compare: CompareSpec[];
  /** Element of the prediction to vary in a slice plot (undefined: the largest |gradient|). */
  sliceIndex?: number;
  /** Number of points on each curve. */
  gridSize?: number;
}

export interface ResultData {
  value: number;
  valueIsTensor: boolean;
  elements: TypedTensor;
  contributions: TypedTensor;
  grad: TypedTensor;
  gradInput: string;
}

export type PlotKind = 'residual' | 'pointwise' | 'slice';

export interface Curve {
  label: string;
  y: Float64Array;
  /** Index of the comparison or sweep that produced it (-1: the loss itself). */
  source: number;
}

export interface PlotData {
  kind: PlotKind;
  /** The prediction element varied (slice) or the target value of each pointwise curve. */
  detail: string;
  x: Float64Array;
  curves: Curve[];
  /** The current points: x and y, flattened pairs, at most MAX_MARKS. */
  marks: Float64Array;
}

export interface CompareValue {
  label: string;
  id: string;
  value?: number;
  error?: string;
}

export interface ComputeResponse {
  seq: number;
  ok: boolean;
  result?: ResultData;
  error?: { message: string; field?: string };
  compares: CompareValue[];
  plot?: PlotData;
  ms: number;
}

const MAX_MARKS = 2000;
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function errorOf(e: unknown): { message: string; field?: string } {
  if (e instanceof Error) {
    const field = (e as Error & { field?: unknown }).field;
    return typeof field === 'string' ? { message: e.message, field } : { message: e.message };
  }
  return { message: String(e) };
}

function sumOf(t: TypedTensor): number {
  let s = 0;
  for (let i = 0; i < t.data.length; i++) s += t.data[i];
  return s;
}

function scalarValue(v: unknown, elements: TypedTensor): { value: number; isTensor: boolean } {
  if (typeof v === 'number') return { value: v, isTensor: false };
  return { value: sumOf(elements), isTensor: true };
}

/** Only the params this entry declares (a sweep of one entry must not leak into another). */
function paramsFor(entry: LossEntry, params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of entry.params) if (p.name in params) out[p.name] = params[p.name];
  return out;
}

function filled(n: number, v: number): Float64Array {
  const a = new Float64Array(n);
  a.fill(v);
  return a;
}

function linspace(lo: number, hi: number, n: number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = lo + ((hi - lo) * i) / (n - 1);
  return a;
}

function tryElements(id: string, inputs: Record<string, TypedTensor>, params: Record<string, unknown>): Float64Array | undefined {
  try {
    return computeLoss(id, inputs, params).elements.data;
  } catch {
    return undefined;
  }
}

/**
 * The loss of each (x[i], t[i]) pair: as 1-D inputs, or, for losses that reduce
 * the last axis per sample (Keras), as n samples of one value each.
 */
function gridEval(id: string, pred: string, target: string, xs: Float64Array, ts: Float64Array, params: Record<string, unknown>): Float64Array | undefined {
  const n = xs.length;
  for (const shape of [[n], [n, 1]]) {
    const y = tryElements(id, { [pred]: { shape, data: xs }, [target]: { shape, data: ts } }, params);
    if (y && y.length === n) return y;
  }
  return undefined;
}

/** Whether an entry is a pointwise loss of (pred, target) only, and whether it depends on the residual alone. */
function pointwiseShape(entry: LossEntry, params: Record<string, unknown>): { pointwise: boolean; residual: boolean; probability: boolean } {
  const { pred, target } = roles(entry);
  const required = entry.inputs.filter((i) => !i.optional);
  if (!pred || !target || required.length !== 2 || !required.some((i) => i.name === target)) return { pointwise: false, residual: false, probability: false };
  const x = Float64Array.of(-0.7, 0.2, 1.9);
  const t0 = Float64Array.of(0, 0, 0);
  const run = (xs: Float64Array, ts: Float64Array) => gridEval(entry.id, pred, target, xs, ts, params);
  const a = run(x, t0);
  if (!a || a.length !== 3) {
    // probability inputs: try inside (0, 1)
    const p = Float64Array.of(0.2, 0.5, 0.9);
    const b = run(p, Float64Array.of(1, 0, 1));
    return { pointwise: !!b && b.length === 3, residual: false, probability: !!b && b.length === 3 };
  }
  const shift = 1.37;
  const b = run(Float64Array.from(x, (v) => v + shift), filled(3, shift));
  const residual = !!b && b.every((v, i) => Math.abs(v - a[i]) <= 1e-9 * (1 + Math.abs(a[i])));
  return { pointwise: true, residual, probability: false };
}

function range(values: Float64Array, pad: number, minHalf: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) return [-minHalf, minHalf];
  const mid = (lo + hi) / 2;
  const half = Math.max(minHalf, ((hi - lo) / 2) * pad);
  return [mid - half, mid + half];
}

function subsampleMarks(xs: ArrayLike<number>, ys: ArrayLike<number>, keep?: (i: number) => boolean): Float64Array {
  const n = xs.length;
  const step = Math.max(1, Math.ceil(n / MAX_MARKS));
  const out: number[] = [];
  for (let i = 0; i < n; i += step) if (!keep || keep(i)) out.push(xs[i], ys[i]);
  return Float64Array.from(out);
}

/** The curve of a compared loss (or a sweep of this one) over the grid `x` with targets `t`. */
function curveOf(spec: { id: string; params: Record<string, unknown> }, x: Float64Array, t: Float64Array): Float64Array | undefined {
  const entry = getEntry(spec.id);
  if (!entry || !isComputable(spec.id)) return undefined;
  const r = roles(entry);
  if (!r.pred || !r.target || entry.inputs.filter((i) => !i.optional).length !== 2) return undefined;
  return gridEval(spec.id, r.pred, r.target, x, t, paramsFor(entry, spec.params));
}

function plotFor(req: ComputeRequest, entry: LossEntry, result: ResultData): PlotData | undefined {
  const G = req.gridSize ?? 161;
  const params = paramsFor(entry, req.params);
  const { pred, target } = roles(entry);
  if (!pred) return undefined;
  const shape = pointwiseShape(entry, params);
  const P = req.inputs[pred];
  const T = target ? req.inputs[target] : undefined;

  if (shape.pointwise && shape.residual && T && P.data.length === result.elements.data.length && T.data.length === P.data.length) {
    const res = new Float64Array(P.data.length);
    for (let i = 0; i < res.length; i++) res[i] = P.data[i] - T.data[i];
    const [lo, hi] = range(res, 1.15, 3);
    const x = linspace(lo, hi, G);
    const zeros = new Float64Array(G);
    const curves: Curve[] = [];
    const own = gridEval(entry.id, pred, target!, x, zeros, params);
    if (own) curves.push({ label: entry.id, y: own, source: -1 });
    req.compare.forEach((c, k) => {
      // a residual axis only means something for losses of the residual alone
      const e = getEntry(c.id);
      if (!e || !pointwiseShape(e, paramsFor(e, c.params)).residual) return;
      const y = curveOf(c, x, zeros);
      if (y) curves.push({ label: c.label, y, source: k });
    });
    return { kind: 'residual', detail: `${pred} − ${target}`, x, curves, marks: subsampleMarks(res, result.elements.data) };
  }

  if (shape.pointwise && T && P.data.length === result.elements.data.length && T.data.length === P.data.length) {
    const [lo, hi] = shape.probability ? [0.001, 0.999] : range(P.data, 1.2, 4);
    const x = linspace(lo, hi, G);
    // one curve per distinct target value (at most 3), marks of the points that share it
    const targets: number[] = [];
    for (let i = 0; i < T.data.length && targets.length < 3; i++) if (!targets.includes(T.data[i])) targets.push(T.data[i]);
    const curves: Curve[] = [];
    const multi = targets.length > 1;
    for (const tv of targets) {
      const tt = filled(G, tv);
      const own = gridEval(entry.id, pred, target!, x, tt, params);
      if (own) curves.push({ label: multi ? `${entry.id} (${target}=${tv})` : entry.id, y: own, source: -1 });
      req.compare.forEach((c, k) => {
        const y = curveOf(c, x, tt);
        if (y) curves.push({ label: multi ? `${c.label} (${target}=${tv})` : c.label, y, source: k });
      });
    }
    return {
      kind: 'pointwise',
      detail: `${target} ∈ {${targets.join(', ')}}`,
      x,
      curves,
      marks: subsampleMarks(P.data, result.elements.data, (i) => targets.includes(T.data[i])),
    };
  }

  // General case: vary one element of the prediction, everything else fixed.
  let k = req.sliceIndex ?? -1;
  if (k < 0 || k >= P.data.length) {
    k = 0;
    let best = -1;
    for (let i = 0; i < result.grad.data.length; i++) {
      const g = Math.abs(result.grad.data[i]);
      if (g > best) {
        best = g;
        k = i;
      }
    }
  }
  const x0 = P.data[k];
  const Gs = P.data.length > 20_000 ? 41 : P.data.length > 2_000 ? 81 : G;
  const [lo, hi] = range(Float64Array.of(x0 - 4, x0 + 4, ...P.data.slice(0, 1000)), 1, 4);
  const x = linspace(Math.max(lo, x0 - 6), Math.min(hi, x0 + 6), Gs);
  const curves: Curve[] = [];
  const sweepOne = (id: string, p: Record<string, unknown>): Float64Array | undefined => {
    const e = getEntry(id);
    if (!e || !isComputable(id)) return undefined;
    const pn = roles(e).pred;
    if (!pn) return undefined;
    const data = Float64Array.from(P.data);
    const inputs = { ...mapInputs(entry, e, req.inputs), [pn]: { shape: P.shape, data } };
    const y = new Float64Array(Gs);
    const pp = paramsFor(e, p);
    for (let g = 0; g < Gs; g++) {
      data[k] = x[g];
      try {
        const r = computeLoss(id, inputs, pp);
        y[g] = scalarValue(r.value, r.elements).value;
      } catch {
        y[g] = NaN;
      }
    }
    return y;
  };
  const own = sweepOne(entry.id, params);
  if (own) curves.push({ label: entry.id, y: own, source: -1 });
  req.compare.forEach((c, i) => {
    const y = sweepOne(c.id, c.params);
    if (y) curves.push({ label: c.label, y, source: i });
  });
  return {
    kind: 'slice',
    detail: `${pred}[${flatIndexText(k, P.shape)}]`,
    x,
    curves,
    marks: Float64Array.of(x0, result.value),
  };
}

/** The inputs of `from` renamed for `to`: same names first, else prediction and target by role. */
export function mapInputs(from: LossEntry, to: LossEntry, inputs: Record<string, TypedTensor>): Record<string, TypedTensor> {
  const out: Record<string, TypedTensor> = {};
  for (const s of to.inputs) if (s.name in inputs) out[s.name] = inputs[s.name];
  const a = roles(from);
  const b = roles(to);
  if (a.pred && b.pred && !(b.pred in out) && a.pred in inputs) out[b.pred] = inputs[a.pred];
  if (a.target && b.target && !(b.target in out) && a.target in inputs) out[b.target] = inputs[a.target];
  return out;
}

export function flatIndexText(k: number, shape: readonly number[]): string {
  if (shape.length <= 1) return String(k);
  const idx: number[] = [];
  let r = k;
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(r % shape[d]);
    r = Math.floor(r / shape[d]);
  }
  return idx.join('][');
}

export function runCompute(req: ComputeRequest): ComputeResponse {
  const t0 = now();
  const entry = getEntry(req.lossId);
  if (!entry) return { seq: req.seq, ok: false, error: { message: `'${req.lossId}' is not in the catalog` }, compares: [], ms: now() - t0 };
  if (!isComputable(entry.id)) {
    return { seq: req.seq, ok: false, error: { message: `${entry.id} is a reference entry and has no numeric implementation yet` }, compares: [], ms: now() - t0 };
  }
  let result: ResultData;
  try {
    const r = computeLoss(entry.id, req.inputs, paramsFor(entry, req.params), { gradient: 'eager' }); // the page shows the gradient
    const v = scalarValue(r.value, r.elements);
    result = { value: v.value, valueIsTensor: v.isTensor, elements: r.elements, contributions: r.contributions, grad: r.grad, gradInput: r.gradInput };
  } catch (e) {
    return { seq: req.seq, ok: false, error: errorOf(e), compares: [], ms: now() - t0 };
  }
  const compares: CompareValue[] = req.compare.map((c) => {
    const e = getEntry(c.id);
    if (!e) return { id: c.id, label: c.label, error: 'not in the catalog' };
    if (!isComputable(c.id)) return { id: c.id, label: c.label, error: 'not computable' };
    try {
      const inputs = mapInputs(entry, e, req.inputs);
      const r = computeLoss(c.id, inputs, paramsFor(e, c.params));
      return { id: c.id, label: c.label, value: scalarValue(r.value, r.elements).value };
    } catch (err) {
      return { id: c.id, label: c.label, error: errorOf(err).message };
    }
  });
  let plot: PlotData | undefined;
  try {
    plot = plotFor(req, entry, result);
  } catch {
    plot = undefined;
  }
  return { seq: req.seq, ok: true, result, compares, plot, ms: now() - t0 };
}

/** The buffers a response can hand over to the page without copying. */
export function transferables(res: ComputeResponse): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a?: Float64Array) => {
    if (a && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  };
  if (res.result) {
    add(res.result.elements.data);
    add(res.result.contributions.data);
    add(res.result.grad.data);
  }
  if (res.plot) {
    add(res.plot.x);
    add(res.plot.marks);
    for (const c of res.plot.curves) add(c.y);
  }
  return [...out];
}
