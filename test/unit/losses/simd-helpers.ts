/**
 * Helpers shared by the SIMD tests (simd*.test.ts): a seeded generator, the comparison of a SIMD
 * function with its JavaScript original argument by argument, and the errors of a call made with
 * SIMD on and off.
 */
import { strict as assert } from 'node:assert';
import { LossInputError } from '../../../src/losses';

/** A 32-bit LCG in [0, 1). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** `got[i]` is `f(args[i])` bit for bit (Object.is) for every i; `got` null fails (SIMD did not run). */
export function sameAsScalar(got: Float64Array | null, args: Float64Array, f: (v: number) => number, name: string): void {
  assert.ok(got, 'SIMD runs');
  assert.equal(got.length, args.length);
  for (let i = 0; i < args.length; i++) {
    if (!Object.is(got[i], f(args[i]))) assert.fail(`${name}(${args[i]}): ${got[i]} vs ${f(args[i])}`);
  }
}

/** The message of the LossInputError `run(simd)` throws with SIMD on, then off ('no error' where it returns). */
export function messagesOnAndOff(run: (simd: boolean) => unknown): string[] {
  return [true, false].map((simd) => {
    try {
      run(simd);
      return 'no error';
    } catch (e) {
      assert.ok(e instanceof LossInputError, String(e));
      return e.message;
    }
  });
}
