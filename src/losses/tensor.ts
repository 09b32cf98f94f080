/**
 * Conversions between nested arrays and typed tensors, and shape helpers.
 */
import { LossInputError } from './errors';
import type { Tensor, TensorLike, TypedTensor } from './types';

export function isTypedTensor(x: unknown): x is TypedTensor {
  return (
    typeof x === 'object' &&
    x !== null &&
    !Array.isArray(x) &&
    (x as TypedTensor).data instanceof Float64Array &&
    Array.isArray((x as TypedTensor).shape)
  );
}

export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function shapeText(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function typed(shape: number[], data?: Float64Array): TypedTensor {
  return { shape, data: data ?? new Float64Array(numel(shape)) };
}

export function scalar(x: number): TypedTensor {
  return { shape: [], data: Float64Array.of(x) };
}

/** No loss takes more dimensions than this; deeper nesting (or a cyclic array) is an error. */
export const MAX_RANK = 16;

/** Infers the shape of nested arrays from their first elements (`fill` then checks the rest). */
function inferShape(x: Tensor, name: string): number[] {
  const shape: number[] = [];
  let cur: Tensor = x;
  while (Array.isArray(cur)) {
    if (shape.length === MAX_RANK) {
      throw new LossInputError(`${name}: expected at most ${MAX_RANK} nested levels, found deeper nesting (or an array that contains itself)`, name);
    }
    shape.push(cur.length);
    if (cur.length === 0) break;
    cur = cur[0];
  }
  return shape;
}

function fill(x: Tensor, shape: number[], depth: number, out: Float64Array, offset: number, name: string, path: number[]): number {
  if (depth === shape.length) {
    if (typeof x !== 'number') {
      const where = path.length ? ` at [${path.join('][')}]` : '';
      throw new LossInputError(
        `${name}: expected a number${where}, found ${Array.isArray(x) ? 'a nested array (the array is ragged)' : typeof x}`,
        name,
      );
    }
    out[offset] = x;
    return offset + 1;
  }
  if (!Array.isArray(x) || x.length !== shape[depth]) {
    const found = Array.isArray(x) ? `length ${x.length}` : `a number`;
    throw new LossInputError(
      `${name}: ragged array at [${path.join('][')}]: expected length ${shape[depth]}, found ${found}`,
      name,
    );
  }
  for (let i = 0; i < x.length; i++) {
    path.push(i);
    offset = fill(x[i], shape, depth + 1, out, offset, name, path);
    path.pop();
  }
  return offset;
}

/** Nested arrays or typed storage to a typed tensor; `name` is used in error messages. */
export function toTyped(x: TensorLike, name: string): TypedTensor {
  if (isTypedTensor(x)) {
    const n = numel(x.shape);
    if (x.shape.some((d) => !Number.isInteger(d) || d < 0)) {
      throw new LossInputError(`${name}: shape ${JSON.stringify(x.shape)} must hold non-negative integers`, name);
    }
    if (x.data.length !== n) {
      throw new LossInputError(`${name}: shape ${shapeText(x.shape)} needs ${n} values, found ${x.data.length}`, name);
    }
    return x;
  }
  if (typeof x === 'number') return scalar(x);
  if (!Array.isArray(x)) {
    throw new LossInputError(`${name}: expected a number or a nested array of numbers, found ${x === null ? 'null' : typeof x}`, name);
  }
  const shape = inferShape(x, name);
  const data = new Float64Array(numel(shape));
  fill(x, shape, 0, data, 0, name, []);
  return { shape, data };
}

/** Typed storage back to nested arrays (a number for a 0-d tensor). */
export function toNested(t: TypedTensor): Tensor {
  if (t.shape.length === 0) return t.data[0];
  let offset = 0;
  const build = (depth: number): Tensor[] => {
    const n = t.shape[depth];
    const out: Tensor[] = new Array(n);
    if (depth === t.shape.length - 1) {
      for (let i = 0; i < n; i++) out[i] = t.data[offset++];
    } else {
      for (let i = 0; i < n; i++) out[i] = build(depth + 1);
    }
    return out;
  };
  return build(0);
}

/**
 * Broadcasts shape `b` against shape `a` the numpy way; returns the result shape
 * or throws naming both inputs.
 */
export function broadcastShapes(a: readonly number[], b: readonly number[], nameA: string, nameB: string): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new LossInputError(
        `${nameB}: shape ${shapeText(b)} does not broadcast with ${nameA} shape ${shapeText(a)} (dimension ${i}: ${db} vs ${da})`,
        nameB,
      );
    }
    out[i] = da === 1 ? db : da; // 1 broadcasts to anything, 0 included
  }
  return out;
}

/** Expands `t` to `shape` (which must be a broadcast of t's shape). Returns t itself when no change is needed. */
export function broadcastTo(t: TypedTensor, shape: readonly number[]): TypedTensor {
  if (sameShape(t.shape, shape)) return t;
  const n = numel(shape);
  const out = new Float64Array(n);
  const rank = shape.length;
  const src = t.shape;
  const off = rank - src.length;
  // strides of the source, 0 on broadcast dimensions
  const strides = new Array<number>(rank).fill(0);
  let s = 1;
  for (let i = src.length - 1; i >= 0; i--) {
    strides[i + off] = src[i] === 1 ? 0 : s;
    s *= src[i];
  }
  const idx = new Array<number>(rank).fill(0);
  for (let k = 0; k < n; k++) {
    let p = 0;
    for (let i = 0; i < rank; i++) p += idx[i] * strides[i];
    out[k] = t.data[p];
    for (let i = rank - 1; i >= 0; i--) {
      if (++idx[i] < shape[i]) break;
      idx[i] = 0;
    }
  }
  return { shape: [...shape], data: out };
}

/** Sums a gradient of the broadcast shape back to the original shape of an input. */
export function reduceToShape(g: TypedTensor, shape: readonly number[]): TypedTensor {
  if (sameShape(g.shape, shape)) return g;
  const out = new Float64Array(numel(shape));
  const rank = g.shape.length;
  const off = rank - shape.length;
  const strides = new Array<number>(rank).fill(0);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i + off] = shape[i] === 1 ? 0 : s;
    s *= shape[i];
  }
  const idx = new Array<number>(rank).fill(0);
  for (let k = 0; k < g.data.length; k++) {
    let p = 0;
    for (let i = 0; i < rank; i++) p += idx[i] * strides[i];
    out[p] += g.data[k];
    for (let i = rank - 1; i >= 0; i--) {
      if (++idx[i] < g.shape[i]) break;
      idx[i] = 0;
    }
  }
  return { shape: [...shape], data: out };
}
