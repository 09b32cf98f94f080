/** Helpers shared by the selection parser's unit tests. */
import { strict as assert } from 'node:assert';
import { parseSelection, type ParsedArray, type SelectionParse } from '../../../src/losses/selection';

/** The arrays of a selection that must parse (with an optional cap on the count of numbers). */
export function ok(text: string, max?: number): ParsedArray[] {
  const r = parseSelection(text, max === undefined ? {} : { maxNumbers: max });
  if (!r.ok) assert.fail(`expected success, got: ${r.error}`);
  return r.arrays;
}

/** The failure of a selection that must not parse. */
export function fail(text: string, max?: number): Extract<SelectionParse, { ok: false }> {
  const r = parseSelection(text, max === undefined ? {} : { maxNumbers: max });
  if (r.ok) assert.fail(`expected an error, got ${r.arrays.length} arrays`);
  return r;
}

/** An array's numbers as a plain array. */
export const vals = (a: ParsedArray): number[] => Array.from(a.tensor.data);
