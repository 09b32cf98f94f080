/**
 * Reading the golden fixtures (test/fixtures/*.json, written by scripts/fixtures/*.py):
 * JSON has no NaN or infinities, so the scripts write them as strings.
 */
export type Encoded = number | string | boolean | null | Encoded[] | { [k: string]: Encoded };

/** Undoes the fixtures' encoding of NaN and infinities. */
export function decode(x: Encoded): unknown {
  if (x === 'NaN') return NaN;
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  if (Array.isArray(x)) return x.map(decode);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, decode(v)]));
  return x;
}
