/**
 * Text typed or pasted into an input field -> a typed tensor.
 *
 * Accepts nested brackets (`[[1, 2], [3, 4]]`), Python/NumPy wrappers
 * (`torch.tensor([...], dtype=...)`, `np.array(...)`), and plain rows of numbers
 * separated by commas, spaces or tabs (one row per line gives a 2-D tensor).
 */
import type { TypedTensor } from '../losses/types';

export type FieldParse =
  | { ok: true; tensor: TypedTensor; integer: boolean }
  | { ok: false; error: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf|nan|infinity)$/i;

function toNumber(tok: string): number {
  const fast = Number(tok);
  if (fast === fast) return fast;
  const t = tok.toLowerCase().replace(/^\+/, '');
  if (t === 'inf' || t === 'infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  if (t === 'nan' || t === '-nan') return NaN;
  return Number(t);
}

/** Strips `torch.tensor(`/`np.array(`/`tf.constant(` wrappers and keyword arguments. */
function unwrap(text: string): string {
  let s = text.trim();
  const m = /^[A-Za-z_][\w.]*\s*\(([\s\S]*)\)\s*$/.exec(s);
  if (m) {
    s = m[1];
    // drop trailing keyword arguments (dtype=..., requires_grad=True)
    const kw = s.search(/,\s*[A-Za-z_]\w*\s*=/);
    if (kw >= 0) s = s.slice(0, kw);
  }
  return s.trim();
}

/** Letters, digits, `_` and `.`: a number must not run into them ("1.5abc"). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46;
}

function parseBracketed(s: string, maxNumbers: number): FieldParse {
  let pos = 0;
  let integer = true;
  // values grow in a typed buffer (no per-number boxing)
  let values = new Float64Array(1024);
  let count = 0;
  const err = (msg: string): never => {
    throw new Error(`${msg} at character ${pos + 1}`);
  };
  const skip = () => {
    for (;;) {
      const c = s.charCodeAt(pos);
      // space, tab, CR, LF, comma
      if (c === 32 || c === 44 || c === 10 || c === 13 || c === 9) pos++;
      else return;
    }
  };
  const push = (v: number) => {
    if (count === values.length) {
      const next = new Float64Array(values.length * 2);
      next.set(values);
      values = next;
    }
    values[count++] = v;
  };
  // Returns the shape of the parsed node.
  const node = (): number[] => {
    skip();
    const ch = s[pos];
    if (ch === '[' || ch === '(') {
      const close = ch === '[' ? ']' : ')';
      pos++;
      let shape: number[] | undefined;
      let n = 0;
      for (;;) {
        skip();
        if (pos >= s.length) err(`missing '${close}'`);
        if (s[pos] === close) {
          pos++;
          break;
        }
        const sub = node();
        if (shape === undefined) shape = sub;
        else if (sub.length !== shape.length || sub.some((d, i) => d !== shape![i])) {
          err(`ragged array: element ${n} has shape (${sub.join(', ')}), expected (${shape.join(', ')})`);
        }
        n++;
      }
      return [n, ...(shape ?? [])];
    }
    // scan a token: digits, sign, point, exponent, or the words inf/nan
    const start = pos;
    while (pos < s.length && isWordChar(s.charCodeAt(pos)) || (pos > start && (s[pos] === '-' || s[pos] === '+') && /[eE]/.test(s[pos - 1])) || (pos === start && (s[pos] === '-' || s[pos] === '+'))) pos++;
    const tok = s.slice(start, pos);
    let v = tok.length === 0 ? NaN : Number(tok);
    if (v !== v) {
      if (!NUMBER.test(tok)) {
        pos = start;
        err(`expected a number, found '${s.slice(pos, pos + 12) || 'end of text'}'`);
      }
      v = toNumber(tok);
    }
    if (integer && !Number.isInteger(v)) integer = false;
    if (count >= maxNumbers) err(`more than ${maxNumbers} numbers`);
    push(v);
    return [];
  };
  try {
    const shape = node();
    skip();
    if (pos < s.length) err(`unexpected '${s.slice(pos, pos + 12)}'`);
    return { ok: true, tensor: { shape, data: values.slice(0, count) }, integer };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function parseRows(s: string, maxNumbers: number): FieldParse {
  const lines = s.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const rows: number[][] = [];
  let integer = true;
  let count = 0;
  for (let li = 0; li < lines.length; li++) {
    const toks = lines[li].split(/[\s,;]+/).filter((t) => t.length > 0);
    const row: number[] = [];
    for (const t of toks) {
      if (!NUMBER.test(t)) return { ok: false, error: `expected a number, found '${t}' on line ${li + 1}` };
      const v = toNumber(t);
      if (!Number.isInteger(v)) integer = false;
      if (++count > maxNumbers) return { ok: false, error: `more than ${maxNumbers} numbers` };
      row.push(v);
    }
    rows.push(row);
  }
  if (rows.length === 0) return { ok: false, error: 'empty: type numbers, e.g. 0.5, -1, 2' };
  if (rows.length === 1 && rows[0].length === 1 && !/[,;]/.test(s)) return { ok: true, tensor: { shape: [], data: Float64Array.from(rows[0]) }, integer };
  if (rows.length === 1) return { ok: true, tensor: { shape: [rows[0].length], data: Float64Array.from(rows[0]) }, integer };
  const w = rows[0].length;
  const bad = rows.findIndex((r) => r.length !== w);
  if (bad >= 0) return { ok: false, error: `ragged rows: line ${bad + 1} has ${rows[bad].length} numbers, line 1 has ${w}` };
  const data = new Float64Array(rows.length * w);
  rows.forEach((r, i) => data.set(r, i * w));
  return { ok: true, tensor: { shape: [rows.length, w], data }, integer };
}

/** Parses one field. A lone number is a 0-d tensor. */
export function parseField(text: string, maxNumbers = 2_000_000): FieldParse {
  const s = unwrap(text);
  if (s.length === 0) return { ok: false, error: 'empty: type numbers, e.g. 0.5, -1, 2' };
  if (s[0] === '[' || s[0] === '(') return parseBracketed(s, maxNumbers);
  return parseRows(s, maxNumbers);
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
