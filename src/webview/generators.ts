/**
 * Example data for the playground: deterministic (seeded) so a person can
 * reproduce what they saw, and shaped from the catalog's input specs.
 */
import type { InputSpec, LossEntry, TypedTensor } from '../losses/types';

/** mulberry32: a small seeded PRNG (data only; never used for security). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normal(r: () => number): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

function tensor(shape: number[], f: (i: number) => number): TypedTensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = f(i);
  return { shape, data };
}

export type GeneratorId = 'regression-outliers' | 'bimodal' | 'binary-logits' | 'logits-index' | 'logits-onehot';

export const GENERATORS: readonly GeneratorId[] = ['regression-outliers', 'bimodal', 'binary-logits', 'logits-index', 'logits-onehot'];

/** Names of the prediction and target inputs of an entry, by the libraries' conventions. */
export function roles(entry: LossEntry): { pred?: string; target?: string } {
  const names = entry.inputs.map((i) => i.name);
  const pred = names.find((n) => ['input', 'inputs', 'y_pred', 'logits', 'pred', 'preds', 'prediction', 'predictions', 'x', 'log_probs', 'input1'].includes(n)) ?? names[0];
  const target = names.find((n) => ['target', 'targets', 'y_true', 'labels', 'y', 'label'].includes(n) && n !== pred);
  return { pred, target };
}

/** Fills the prediction and target of `entry` with a generated case; other inputs are left as they are. */
export function generate(kind: GeneratorId, entry: LossEntry, n: number, c: number, seed: number): Record<string, TypedTensor> {
  const r = rng(seed);
  const { pred, target } = roles(entry);
  const out: Record<string, TypedTensor> = {};
  let p: TypedTensor;
  let t: TypedTensor;
  switch (kind) {
    case 'regression-outliers': {
      p = tensor([n], () => round(normal(r) * 1.5));
      const outlier = Math.max(1, Math.round(n * 0.1));
      t = tensor([n], (i) => round(p.data[i] + normal(r) * 0.3 + (i % Math.ceil(n / outlier) === 0 ? (r() < 0.5 ? -1 : 1) * (4 + 4 * r()) : 0)));
      break;
    }
    case 'bimodal':
      // Targets from two modes; the prediction sits where L2 is pulled: the mean between them.
      t = tensor([n], () => round((r() < 0.5 ? -2 : 2) + normal(r) * 0.25));
      p = tensor([n], () => round(normal(r) * 0.1));
      break;
    case 'binary-logits':
      t = tensor([n], () => (r() < 0.3 ? 1 : 0));
      p = tensor([n], (i) => round((t.data[i] ? 1 : -1) * 1.2 + normal(r) * 1.5));
      break;
    case 'logits-index':
      t = tensor([n], () => Math.floor(r() * c));
      p = tensor([n, c], (i) => round(normal(r) * 1.5 + (Math.floor(i / c) < n && t.data[Math.floor(i / c)] === i % c ? 1.5 : 0)));
      break;
    case 'logits-onehot': {
      const cls = Array.from({ length: n }, () => Math.floor(r() * c));
      t = tensor([n, c], (i) => (cls[Math.floor(i / c)] === i % c ? 1 : 0));
      p = tensor([n, c], (i) => round(normal(r) * 1.5 + (t.data[i] ? 1.5 : 0)));
      break;
    }
  }
  if (pred) out[pred] = p;
  if (target) out[target] = t;
  return out;
}

/** Size symbols in shape strings -> example sizes (the same symbol gets the same size in every input). */
const SIZES: Record<string, number> = { N: 4, C: 3, D: 3, d1: 2, d2: 2, T: 5, S: 3, K: 3, M: 3, B: 4, L: 5, H: 3, W: 3, E: 3 };

/** Picks one shape from a catalog shape text such as `(C), (N, C), (N, C, d1)` (prefers 2-D, then 1-D). */
export function exampleShape(shapeText: string, ref?: number[]): number[] {
  if (/same shape as|broadcastable to/i.test(shapeText) && ref) return [...ref];
  const groups = [...shapeText.matchAll(/\(([^()]*)\)/g)].map((m) => m[1].split(',').map((s) => s.trim()).filter(Boolean));
  if (groups.length === 0) return ref ? [...ref] : [4];
  const pick = groups.find((g) => g.length === 2) ?? groups.find((g) => g.length === 1) ?? groups[0];
  const dims: number[] = [];
  for (const d of pick) {
    if (d === '*' || d === '...') dims.push(ref ? ref[0] ?? 4 : 4);
    else if (/^\d+$/.test(d)) dims.push(Number(d));
    else dims.push(SIZES[d] ?? 3);
  }
  return dims;
}

/** A plausible example for every input of `entry` from its shapes and domains (seeded). */
export function exampleInputs(entry: LossEntry, seed = 7): Record<string, TypedTensor> {
  const r = rng(seed);
  const out: Record<string, TypedTensor> = {};
  let first: number[] | undefined;
  const classes = SIZES.C;
  for (const spec of entry.inputs) {
    if (spec.optional) continue;
    const shape = exampleShape(spec.shape, first);
    first ??= shape;
    out[spec.name] = tensor(shape, valueFor(spec, r, classes));
  }
  return out;
}

function valueFor(spec: InputSpec, r: () => number, classes: number): (i: number) => number {
  const d = `${spec.domain.en} ${spec.meaning.en}`.toLowerCase();
  if (spec.integer) {
    if (/length/.test(d)) return () => 2;
    return () => Math.floor(r() * classes);
  }
  if (/\{-1, ?1\}|-1 or 1|1 or -1|±1/.test(d)) return () => (r() < 0.5 ? -1 : 1);
  if (/\{0, ?1\}|0 or 1|binary|one-hot/.test(d)) return () => (r() < 0.5 ? 0 : 1);
  if (/\[0, ?1\]|\(0, ?1\)|probabilit/.test(d)) return () => round(0.05 + 0.9 * r());
  if (/positive|variance|> ?0|non-negative|rate|count/.test(d)) return () => round(0.2 + 2 * r());
  if (/box/.test(d)) return (i) => round((i % 4 < 2 ? 0 : 2) + r());
  return () => round(normal(r) * 1.5);
}
