/**
 * Shared checks for the loss unit tests: error messages that name their field,
 * gradients against central finite differences, and fast-check generators.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss, LossInputError, type Tensor } from '../../../src/losses';

export type Inputs = Record<string, Tensor>;
export type Params = Record<string, unknown>;

export const value = (id: string, inputs: Inputs, params?: Params): number => computeLoss(id, inputs, params).value as number;

/** Sum of every number in a nested tensor. */
export function total(t: Tensor): number {
  if (typeof t === 'number') return t;
  let s = 0;
  for (const x of t) s += total(x);
  return s;
}

/** Asserts a LossInputError whose field is `field`, whose message starts with it and matches every pattern. */
export function throwsNaming(fn: () => unknown, field: string, ...patterns: RegExp[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof LossInputError, `expected LossInputError, got ${String(e)}`);
    assert.equal(e.field, field, `field of "${e.message}"`);
    assert.ok(e.message.startsWith(`${field}:`), `message names ${field}: "${e.message}"`);
    for (const p of patterns) assert.match(e.message, p, e.message);
    return true;
  });
}

function flatten(t: Tensor, out: number[] = []): number[] {
  if (typeof t === 'number') out.push(t);
  else for (const x of t) flatten(x, out);
  return out;
}

function rebuild(t: Tensor, flat: number[], pos = { i: 0 }): Tensor {
  if (typeof t === 'number') return flat[pos.i++];
  return t.map((x) => rebuild(x, flat, pos));
}

/**
 * The analytic gradient of `id` with respect to `gradInput` against central finite
 * differences of the (summed) value, element by element.
 */
export function checkGradient(id: string, inputs: Inputs, params: Params, gradInput: string, h = 1e-5, tol = 1e-5): void {
  const r = computeLoss(id, inputs, params);
  assert.equal(r.gradInput, gradInput);
  const g = r.grad.data;
  const x = flatten(inputs[gradInput]);
  assert.equal(g.length, x.length, 'gradient size');
  const f = (flat: number[]): number => total(computeLoss(id, { ...inputs, [gradInput]: rebuild(inputs[gradInput], flat) }, params).value);
  for (let i = 0; i < x.length; i++) {
    const plus = x.slice();
    const minus = x.slice();
    plus[i] += h;
    minus[i] -= h;
    const fd = (f(plus) - f(minus)) / (2 * h);
    assert.ok(Math.abs(fd - g[i]) <= tol * Math.max(1, Math.abs(fd)), `${id} grad[${i}]: analytic ${g[i]}, finite difference ${fd}`);
  }
}

/** An (n × c) matrix of doubles in [lo, hi]. */
export const matrix = (n: number, c: number, lo = -4, hi = 4): fc.Arbitrary<number[][]> =>
  fc.array(fc.array(fc.double({ min: lo, max: hi, noNaN: true }), { minLength: c, maxLength: c }), { minLength: n, maxLength: n });

/** A vector of `n` doubles in [lo, hi]. */
export const vector = (n: number, lo = -4, hi = 4): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ min: lo, max: hi, noNaN: true }), { minLength: n, maxLength: n });

/** Logits (n × c) with class indices (n) in [0, c). */
export const logitsAndIndices = (maxN = 6, maxC = 5): fc.Arbitrary<{ input: number[][]; target: number[]; c: number }> =>
  fc
    .tuple(fc.integer({ min: 1, max: maxN }), fc.integer({ min: 2, max: maxC }))
    .chain(([n, c]) =>
      fc.record({
        input: matrix(n, c),
        target: fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: n, maxLength: n }),
        c: fc.constant(c),
      }),
    );

/** Rows of a probability simplex (each row positive, summing to 1). */
export function normalizeRows(m: number[][]): number[][] {
  return m.map((row) => {
    const e = row.map((v) => Math.exp(v));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
}

/** A random permutation of 0..n-1 as an arbitrary. */
export const permutation = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((keys) =>
    keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i),
  );

export const close = (a: number, b: number, rel = 1e-9): boolean => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
