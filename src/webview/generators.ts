/**
 * Example data for the playground: deterministic (seeded) so a person can
 * reproduce what they saw, and shaped from the catalog's input specs.
 */
import type { InputSpec, LossEntry, TypedTensor } from '../losses/types';
import { EXAMPLE_HOOKS } from './examples';
import { distribution, normal, rng, round, tensor } from './random';

export { normal, rng } from './random';

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
const SIZES: Record<string, number> = {
  N: 4, C: 3, D: 3, d0: 3, d1: 2, d2: 2, T: 5, S: 3, K: 3, M: 4, B: 4, L: 5, H: 2, W: 3, E: 3, V: 4, A: 3,
  batch_size: 4, num_classes: 3, batch: 3, slate_length: 3,
};

/** Symbols that name a class (or vocabulary, action, component) axis: distributions run along it. */
const CLASS_AXES = new Set(['C', 'K', 'V', 'A', 'num_classes']);

/** Tokens that stand for "any further dimensions"; examples leave them out. */
const isEllipsis = (d: string) => d === '...' || d === '..' || d === '…' || d.includes('*') || d === 'dN';

/**
 * The alternatives of a shape text without their "any further dimensions" tokens, e.g.
 * `(C), (N, C)` -> [['C'], ['N', 'C']], `(..., C)` -> [['N', 'C']] (a batch in front), `(*)` -> [['*']];
 * optional axes (`W[, D]`) are left out.
 * Alternatives that spell every dimension out come first, so `(N, C, H, W) or (N, C, ...)` keeps its
 * spatial axes.
 */
function shapeGroups(shapeText: string): { exact: string[][]; loose: string[][] } {
  const exact: string[][] = [];
  const loose: string[][] = [];
  for (const m of shapeText.replace(/\[,[^\]]*\]/g, '').matchAll(/\(([^()]*)\)/g)) {
    const g = m[1].split(',').map((s) => s.trim()).filter(Boolean);
    // A `*` next to named axes is one more axis of features (`(N, *)`); alone it is "any shape".
    const kept = g.filter((d) => !isEllipsis(d) || (d === '*' && g.length > 1));
    if (kept.length === g.length) exact.push(g);
    else if (!kept.length) loose.push(['*']);
    else loose.push(isEllipsis(g[0]) && kept.length === 1 ? ['N', ...kept] : kept);
  }
  return { exact, loose };
}

/** 2-D if there is one (a few rows, readable; not a trailing axis of 1), then 1-D, then the first. */
const preferred = (groups: string[][]) =>
  groups.find((g) => g.length === 2 && g[1] !== '1') ?? groups.find((g) => g.length === 1 && g[0] !== '*') ?? groups[0];

interface PickedShape {
  dims: number[];
  /** The symbol of each dimension (`N`, `C`, `4`, `*`). */
  symbols: string[];
}

/**
 * Picks one shape from a catalog shape text. Symbols already `bound` by earlier inputs keep their
 * sizes, and an alternative made only of bound symbols wins (the one as long as the first input's
 * shape, else the longest: class indices `(N)` after logits `(N, C)`); otherwise an alternative
 * that spells every dimension out, 2-D if there is one, then 1-D.
 */
function pickShape(shapeText: string, ref: number[] | undefined, bound: ReadonlyMap<string, number>): PickedShape {
  const { exact, loose } = shapeGroups(shapeText);
  const known = (d: string) => /^\d+$/.test(d) || d === '*' || bound.has(d);
  const resolvable = bound.size ? [...exact, ...loose].filter((g) => g[0] !== '*' && g.every(known)) : [];
  const pick = resolvable.length
    ? resolvable.find((g) => g.length === ref?.length) ?? resolvable.reduce((a, b) => (b.length > a.length ? b : a))
    : preferred(exact) ?? preferred(loose);
  if (!pick || pick[0] === '*') {
    const dims = ref ? [...ref] : [4];
    return { dims, symbols: dims.map(() => '*') };
  }
  const dims = pick.map((d) => (/^\d+$/.test(d) ? Number(d) : d === '*' ? ref?.[0] ?? 4 : bound.get(d) ?? SIZES[d] ?? 3));
  return { dims, symbols: pick };
}

/** Picks one shape from a catalog shape text such as `(C), (N, C), (N, C, d1)` (prefers 2-D, then 1-D). */
export function exampleShape(shapeText: string, ref?: number[], bound: ReadonlyMap<string, number> = new Map()): number[] {
  if (/same shape as|broadcastable to/i.test(shapeText) && ref) return [...ref];
  return pickShape(shapeText, ref, bound).dims;
}

/**
 * A plausible example for every required input of `entry` (seeded): per-entry hooks where the
 * specs cannot say enough (examples.ts), otherwise shapes and values from the specs' texts.
 */
export function exampleInputs(entry: LossEntry, seed = 7): Record<string, TypedTensor> {
  const r = rng(seed);
  const hook = EXAMPLE_HOOKS[entry.id];
  if (hook) return hook(r);
  const out: Record<string, TypedTensor> = {};
  const bound = new Map<string, number>();
  const picks: Record<string, PickedShape> = {};
  let first: PickedShape | undefined;
  for (const input of entry.inputs) {
    if (input.optional) continue;
    // A target that takes class indices or probabilities (`class indices: (N); probabilities: same
    // shape as input`) gets the common case, class indices.
    const indices = /^class indices: ([^;]*)/i.exec(input.shape)?.[1];
    const spec: InputSpec = indices ? { ...input, shape: indices, integer: true } : input;
    const same = /same (?:shape )?as (\w+)/i.exec(spec.shape)?.[1];
    const ref = (same && picks[same]) || first;
    const picked: PickedShape =
      ref && (same || /broadcastable to/i.test(spec.shape)) ? { dims: [...ref.dims], symbols: [...ref.symbols] } : pickShape(spec.shape, first?.dims, bound);
    picks[spec.name] = picked;
    picked.symbols.forEach((s, k) => {
      if (s !== '*' && !/^\d+$/.test(s) && !bound.has(s)) bound.set(s, picked.dims[k]);
    });
    first ??= picked;
    out[spec.name] = valuesFor(spec, picked, r, bound);
  }
  return out;
}

/** Calls `f` on the flat indices of each line along `axis` of `shape`. */
function eachLine(shape: number[], axis: number, f: (idx: number[]) => void): void {
  const len = shape[axis] ?? 1;
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) f(Array.from({ length: len }, (_, k) => (o * len + k) * inner + i));
}

/** 0, 1, …, n−1 in a seeded random order. */
function shuffled(n: number, r: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** A {0, 1} mask in which every sample (row of the first axis) holds both values: half ones, shuffled. */
function binaryMask(dims: number[], r: () => number): TypedTensor {
  const t = tensor(dims, () => 0);
  const rowSize = dims.slice(1).reduce((a, b) => a * b, 1);
  const per = dims.length > 1 && rowSize > 1 ? rowSize : t.data.length;
  for (let o = 0; o < t.data.length; o += per) {
    const order = shuffled(per, r);
    for (let k = 0; k < per; k++) t.data[o + k] = order[k] < per / 2 ? 1 : 0;
  }
  return t;
}

/** The values of one input, from its domain text (labels, indices, probabilities, distributions). */
function valuesFor(spec: InputSpec, { dims, symbols }: PickedShape, r: () => number, bound: ReadonlyMap<string, number>): TypedTensor {
  const dom = spec.domain.en.toLowerCase().replace(/−/g, '-');
  const d = `${dom} ${spec.meaning.en.toLowerCase()}`;
  const classAxis = Math.max(0, symbols.findIndex((s) => CLASS_AXES.has(s)) >= 0 ? symbols.findIndex((s) => CLASS_AXES.has(s)) : dims.length - 1);
  const classAxisNamed = symbols.some((s) => CLASS_AXES.has(s));
  const classSymbol = /\[0, ?(\w+)\)/.exec(spec.domain.en)?.[1];
  const classes = (classSymbol && (bound.get(classSymbol) ?? SIZES[classSymbol])) || SIZES.C;
  const n = dims.reduce((a, b) => a * b, 1);
  if (spec.integer) {
    if (/\{0, ?1\}|\b0 or 1\b/.test(dom)) return binaryMask(dims, r);
    if (/length/.test(d)) return tensor(dims, () => 2);
    if (/integer labels|identities/.test(dom)) {
      // Mining losses need every label at least twice: pairs, shuffled.
      const labels = Array.from({ length: n }, (_, i) => Math.floor(i / 2) % classes);
      if (n % 2) labels[n - 1] = labels[0];
      const order = shuffled(n, r);
      return tensor(dims, (i) => labels[order[i]]);
    }
    return tensor(dims, () => Math.floor(r() * classes));
  }
  if (/relevance grades/.test(dom)) return tensor(dims, () => Math.floor(r() * 5));
  if (/\{-1, ?\+?1\}|-1 or \+?1|\b1 or -1|±1/.test(dom)) return tensor(dims, () => (r() < 0.5 ? -1 : 1));
  if (/one-hot/.test(dom) && classAxisNamed) {
    const t = tensor(dims, () => 0);
    eachLine(dims, classAxis, (idx) => (t.data[idx[Math.floor(r() * idx.length)]] = 1));
    return t;
  }
  if (/^log-probabilit/.test(dom) || /sums? to 1|summing to 1|distribution|rescaled to sum/.test(dom) || (/^probabilit/.test(dom) && classAxisNamed)) {
    const log = /^log-probabilit/.test(dom);
    const t = tensor(dims, () => normal(r));
    eachLine(dims, classAxis, (idx) => {
      const p = distribution(idx.map((i) => t.data[i]), log);
      idx.forEach((i, k) => (t.data[i] = p[k]));
    });
    return t;
  }
  if (/\{0, ?1\}|0 or 1|binary|one-hot/.test(d)) return binaryMask(dims, r);
  if (/\[0, ?1\]|\(0, ?1\)|probabilit/.test(d)) return tensor(dims, () => round(0.05 + 0.9 * r()));
  if (/positive|variance|> ?0|non-negative|rate|count/.test(d)) return tensor(dims, () => round(0.2 + 2 * r()));
  if (/box/.test(d)) return tensor(dims, (i) => round((i % 4 < 2 ? 0 : 2) + r()));
  return tensor(dims, () => round(normal(r) * 1.5));
}
