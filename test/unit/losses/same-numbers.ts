/**
 * Float comparisons shared by the kernel tests: bit identity (Object.is, so −0 and NaN count)
 * and the bound within which a sum added in another order must stay.
 */
import { strict as assert } from 'node:assert';

function show(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** `actual` and `expected` hold the very same doubles. */
export function sameBits(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) assert.fail(`${what}[${i}]: ${show(actual[i])} vs ${show(expected[i])}`);
  }
}

/**
 * `actual` is `want`, the sum of `elements` times `scale` (1, or 1/n for a mean), added in another
 * order: within 2(n − 1)·u·Σ|e_i|·scale of it (u = 2^−53; any order of n − 1 additions errs by at
 * most (n − 1)·u·Σ|e_i|, so two orders differ by at most twice that). A non-finite `want` and a zero
 * must be matched exactly (the same infinity or NaN, the same zero).
 */
export function sameSum(actual: number, want: number, elements: ArrayLike<number>, scale: number, what: string): void {
  if (!Number.isFinite(want) || want === 0) {
    assert.ok(Object.is(actual, want), `${what}: ${show(actual)} vs ${show(want)}`);
    return;
  }
  let abs = 0;
  for (let i = 0; i < elements.length; i++) abs += Math.abs(elements[i]);
  const bound = 2 * Math.max(elements.length - 1, 0) * 2 ** -53 * abs * scale;
  assert.ok(Math.abs(actual - want) <= bound, `${what}: ${actual} vs ${want} (|diff| ${Math.abs(actual - want)} > bound ${bound})`);
}
