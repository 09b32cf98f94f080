/**
 * Checks that kernels run on their inputs before computing, each throwing a
 * `LossInputError` that names the input, what was expected and what was found.
 */
import { LossInputError } from './errors';
import { sameShape, shapeText } from './tensor';
import type { TypedTensor } from './types';

export function expectSameShape(a: TypedTensor, b: TypedTensor, nameA: string, nameB: string): void {
  if (!sameShape(a.shape, b.shape)) {
    throw new LossInputError(
      `${nameB}: expected the same shape as ${nameA} ${shapeText(a.shape)}, found ${shapeText(b.shape)}`,
      nameB,
    );
  }
}

export function expectRank(t: TypedTensor, name: string, ranks: readonly number[], what?: string): void {
  if (!ranks.includes(t.shape.length)) {
    const expected = what ?? `${ranks.join(' or ')}-D`;
    throw new LossInputError(`${name}: expected ${expected}, found shape ${shapeText(t.shape)}`, name);
  }
}

function indexText(t: TypedTensor, flat: number): string {
  if (t.shape.length === 0) return '';
  const idx: number[] = [];
  let rest = flat;
  for (let i = t.shape.length - 1; i >= 0; i--) {
    idx.unshift(rest % t.shape[i]);
    rest = Math.floor(rest / t.shape[i]);
  }
  return ` at [${idx.join(', ')}]`;
}

/** Every value in [lo, hi] (NaN rejected too). */
export function expectInRange(t: TypedTensor, name: string, lo: number, hi: number): void {
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (!(v >= lo && v <= hi)) {
      throw new LossInputError(`${name}: expected values in [${lo}, ${hi}], found ${v}${indexText(t, i)}`, name);
    }
  }
}

/** No NaN anywhere (infinities allowed: a -inf logit masks its class, as in PyTorch). */
export function expectNotNaN(t: TypedTensor, name: string): void {
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    if (d[i] !== d[i]) throw new LossInputError(`${name}: expected numbers (finite or ±inf), found NaN${indexText(t, i)}`, name);
  }
}

/**
 * An implementation that rejects NaN inputs itself, where it costs nothing (a pointwise loss
 * whose sum is NaN exactly when an element is): `computeLoss` then skips its scan of every
 * input before the kernel. Such a kernel must throw (any error) whenever an input holds a NaN;
 * whatever it throws, `computeLoss` reports the first NaN in the entry's input order, with the
 * message `expectNotNaN` gives, as its up-front scan would have.
 */
export interface ChecksNaN {
  checksNaN?: boolean;
}

/** Every value finite and not NaN. */
export function expectFinite(t: TypedTensor, name: string): void {
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i])) {
      throw new LossInputError(`${name}: expected finite numbers, found ${d[i]}${indexText(t, i)}`, name);
    }
  }
}

/** Every value an integer in [lo, hi), except `allowed` (e.g. an ignore_index). */
export function expectIndices(t: TypedTensor, name: string, lo: number, hi: number, allowed?: number): void {
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (v === allowed) continue;
    if (!Number.isInteger(v)) {
      throw new LossInputError(`${name}: expected integer class indices, found ${v}${indexText(t, i)}`, name);
    }
    if (v < lo || v >= hi) {
      throw new LossInputError(`${name}: class index ${v}${indexText(t, i)} is out of range [${lo}, ${hi})`, name);
    }
  }
}

/** Every value >= 0 (variances, counts, lengths). */
export function expectNonNegative(t: TypedTensor, name: string, what = 'non-negative values'): void {
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    if (!(d[i] >= 0)) throw new LossInputError(`${name}: expected ${what}, found ${d[i]}${indexText(t, i)}`, name);
  }
}

/** A numeric parameter within bounds. */
export function expectParamRange(value: number, name: string, lo: number, hi: number, loOpen = false): void {
  const okLo = loOpen ? value > lo : value >= lo;
  if (!(okLo && value <= hi)) {
    const interval = `${loOpen ? '(' : '['}${lo}, ${hi === Infinity ? '∞)' : hi + ']'}`;
    throw new LossInputError(`${name}: expected a number in ${interval}, found ${value}`, name);
  }
}
