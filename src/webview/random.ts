/**
 * Seeded randomness and small tensor builders shared by the playground's data generators and its
 * per-entry examples (data only; never used for security).
 */
import type { TypedTensor } from '../losses/types';

/** mulberry32: a small seeded PRNG. */
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

/** A standard normal draw (Box–Muller). */
export function normal(r: () => number): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** Rounds to `d` decimals so examples stay readable in the text fields. */
export const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

/** A tensor of `shape` whose flat element `i` is `f(i)`. */
export function tensor(shape: number[], f: (i: number) => number): TypedTensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = f(i);
  return { shape, data };
}

/**
 * A distribution from raw scores (softmax): probabilities rounded to 3 decimals whose largest
 * takes the remainder so they sum to 1, or, with `log`, log-probabilities rounded to 3 decimals
 * except the largest, which takes the remainder to 9 decimals so the row log-sum-exps to 0 (a snippet that re-applies
 * log_softmax then sees the same numbers).
 */
export function distribution(scores: readonly number[], log = false): number[] {
  const m = Math.max(...scores);
  const lse = m + Math.log(scores.reduce((a, s) => a + Math.exp(s - m), 0));
  const top = scores.indexOf(m);
  if (log) {
    const out = scores.map((s) => Math.min(round(s - lse), -0.001));
    const rest = out.reduce((a, l, k) => (k === top ? a : a + Math.exp(l)), 0);
    out[top] = round(Math.log(1 - rest), 9);
    return out;
  }
  const p = scores.map((s) => Math.max(round(Math.exp(s - lse)), 0.001));
  p[top] = round(p[top] + 1 - p.reduce((a, b) => a + b, 0));
  return p;
}
