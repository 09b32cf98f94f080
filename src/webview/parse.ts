/**
 * Text typed or pasted into an input field -> a typed tensor, and back.
 */
import { parseSelection, type ParsedArray } from '../losses/selection';
import type { TypedTensor } from '../losses/types';

export type FieldParse =
  | { ok: true; tensor: TypedTensor; integer: boolean }
  | { ok: false; error: string };

const SCALAR = /^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

function scalarValue(tok: string): number {
  const v = Number(tok);
  if (v === v) return v;
  const t = tok.toLowerCase();
  if (t === 'nan' || t === '+nan' || t === '-nan') return NaN;
  return t.startsWith('-') ? -Infinity : Infinity;
}

/**
 * Parses one field with the shared selection parser (`src/losses/selection.ts`:
 * lists, numpy/torch/TF reprs, JSON, CSV/TSV, plain numbers). A lone number is a
 * 0-d tensor; unnamed rows of the same length stack into a matrix.
 */
export function parseField(text: string, maxNumbers = 2_000_000): FieldParse {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, error: 'empty: type numbers, e.g. 0.5, -1, 2' };
  if (SCALAR.test(trimmed)) {
    const v = scalarValue(trimmed);
    return { ok: true, tensor: { shape: [], data: Float64Array.of(v) }, integer: Number.isInteger(v) };
  }
  const r = parseSelection(text, { maxNumbers });
  if (!r.ok) return { ok: false, error: r.error };
  const a = r.arrays;
  if (a.length === 1) return { ok: true, tensor: a[0].tensor, integer: a[0].integer };
  const w = a[0].tensor.data.length;
  if (a.every((x) => !x.name && x.tensor.shape.length === 1 && x.tensor.data.length === w)) {
    const data = new Float64Array(a.length * w);
    a.forEach((x, i) => data.set(x.tensor.data, i * w));
    return { ok: true, tensor: { shape: [a.length, w], data }, integer: a.every((x) => x.integer) };
  }
  const names = a.map((x, i) => x.name ?? `#${i + 1}`).join(', ');
  return { ok: false, error: `found ${a.length} arrays (${names}); a field takes one. Paste them into a field to fill every input by name or order.` };
}

/** Several arrays in one paste (`pred = [...]` / `target = [...]`, CSV columns): the parts, or undefined if fewer than two. */
export function parseMany(text: string, maxNumbers = 2_000_000): ParsedArray[] | undefined {
  const r = parseSelection(text, { maxNumbers });
  return r.ok && r.arrays.length >= 2 ? r.arrays : undefined;
}

/** Formats a number compactly for fields and tables (round-trips through parseField). */
export function fmt(x: number, digits = 6): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e6) return String(Number(x.toPrecision(digits)));
  return x.toExponential(Math.max(0, digits - 2)).replace(/\.?0+e/, 'e');
}

/** A typed tensor -> text in the bracket form the field accepts. */
export function tensorText(t: TypedTensor, digits = 6): string {
  if (t.shape.length === 0) return fmt(t.data[0], digits);
  let off = 0;
  const rec = (d: number): string => {
    const n = t.shape[d];
    const parts: string[] = new Array(n);
    if (d === t.shape.length - 1) for (let i = 0; i < n; i++) parts[i] = fmt(t.data[off++], digits);
    else for (let i = 0; i < n; i++) parts[i] = rec(d + 1);
    const sep = d === t.shape.length - 1 ? ', ' : d === 0 && t.shape.length > 1 ? ',\n ' : ', ';
    return `[${parts.join(sep)}]`;
  };
  return rec(0);
}
