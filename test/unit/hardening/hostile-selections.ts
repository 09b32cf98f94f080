/**
 * The hostile selections of issue 7 (10 MB of text, 1e5-deep brackets, NUL bytes,
 * lone surrogates, 1e6 commas) with the outcome each must give. Shared by the unit
 * test (outcome and message) and bench/hostile.ts (timing).
 */
import { strict as assert } from 'node:assert';
import type { ParsedArray } from '../../../src/losses/selection';

export const MB10 = 10 * 1024 * 1024;

export interface Hostile {
  name: string;
  make: () => string;
  maxNumbers?: number;
  expect:
    | { ok: true; shapes: number[][]; check?: (arrays: ParsedArray[]) => void }
    | { ok: false; error: string | RegExp; line: number; column: number };
}

/** A 10 MB list of numbers `0.001, 0.011, ...` (k numbers of 5 characters and a separator). */
const LIST_COUNT = Math.floor((MB10 - 2) / 7);
function list10mb(): string {
  const parts = new Array<string>(LIST_COUNT);
  for (let i = 0; i < LIST_COUNT; i++) parts[i] = ((i % 100) / 100 + 0.001).toFixed(3);
  return `[${parts.join(', ')}]`;
}

/** 10 MB of pseudo-random separators, numbers and brackets (a deterministic 64 KB block, repeated). */
function soup10mb(): string {
  const pieces = ['1', ' ', ',', '\n', '2.5', '[', ']'];
  const block = new Array<string>(32 * 1024);
  let r = 12345;
  for (let i = 0; i < block.length; i++) {
    r = (Math.imul(r, 1103515245) + 12345) >>> 0;
    block[i] = pieces[(r >>> 8) % pieces.length];
  }
  const b = block.join('');
  return b.repeat(Math.ceil(MB10 / b.length)).slice(0, MB10);
}

const CSV_LINES = Math.floor(MB10 / 23);

export const HOSTILE: readonly Hostile[] = [
  {
    name: '10 MB: one list of 1.5 million numbers parses exactly',
    make: list10mb,
    expect: {
      ok: true,
      shapes: [[LIST_COUNT]],
      check: ([a]) => {
        assert.equal(a.tensor.data[0], 0.001);
        assert.equal(a.tensor.data[LIST_COUNT - 1], Number((((LIST_COUNT - 1) % 100) / 100 + 0.001).toFixed(3)));
        assert.equal(a.integer, false);
      },
    },
  },
  {
    name: '10 MB list under the editor cap of 1e6 numbers: a clear limit message',
    make: list10mb,
    maxNumbers: 1_000_000,
    expect: {
      ok: false,
      error: 'the selection holds more than 1000000 numbers (the limit); select fewer numbers or raise the limit (stopped at line 1, column 7000007)',
      line: 1,
      column: 7000007,
    },
  },
  {
    name: '10 MB of one letter: the token is shown cut to 30 characters',
    make: () => 'x'.repeat(MB10),
    expect: { ok: false, error: `found 0 numbers and the token '${'x'.repeat(30)}' at line 1, column 1`, line: 1, column: 1 },
  },
  {
    name: '10 MB of separators, numbers and brackets: the first stray bracket is reported',
    make: soup10mb,
    expect: { ok: false, error: "found 1 number and the token ']' at line 1, column 5", line: 1, column: 5 },
  },
  {
    name: '10 MB of CSV rows, then one stray word on the last line',
    make: () => '1, 2, 3, 4, 5, 6, 7, 8\n'.repeat(CSV_LINES) + 'foo',
    expect: { ok: false, error: `found ${CSV_LINES * 8} numbers and the token 'foo' at line ${CSV_LINES + 1}, column 1`, line: CSV_LINES + 1, column: 1 },
  },
  {
    name: '10 MB unterminated string',
    make: () => '"' + 'a'.repeat(MB10),
    expect: { ok: false, error: 'found 0 numbers and an unterminated string starting at line 1, column 1', line: 1, column: 1 },
  },
  {
    name: '1e5-deep brackets around a number',
    make: () => '['.repeat(1e5) + '1' + ']'.repeat(1e5),
    expect: { ok: false, error: 'found 0 numbers and brackets nested deeper than 32 levels at line 1, column 33', line: 1, column: 33 },
  },
  {
    name: '1e5 opening parentheses, never closed',
    make: () => '('.repeat(1e5),
    expect: { ok: false, error: 'found 0 numbers and brackets nested deeper than 32 levels at line 1, column 33', line: 1, column: 33 },
  },
  {
    name: '1e5-deep brackets inside tensor(...)',
    make: () => 'tensor(' + '['.repeat(1e5) + ']'.repeat(1e5) + ')',
    expect: { ok: false, error: 'found 0 numbers and brackets nested deeper than 32 levels at line 1, column 40', line: 1, column: 40 },
  },
  {
    name: '1e5 closing brackets',
    make: () => ']'.repeat(1e5),
    expect: { ok: false, error: "found 0 numbers and the token ']' at line 1, column 1", line: 1, column: 1 },
  },
  {
    name: '1e6 NUL bytes',
    make: () => '\u0000'.repeat(1e6),
    expect: { ok: false, error: "found 0 numbers and the token '\\u0000' at line 1, column 1", line: 1, column: 1 },
  },
  {
    name: 'a NUL byte inside a list',
    make: () => '[1, 2\u0000, 3]',
    expect: { ok: false, error: "found 2 numbers and the token '\\u0000' at line 1, column 6", line: 1, column: 6 },
  },
  {
    name: 'a NUL byte after 1e6 numbers, on line 3',
    make: () => 'pred = [0.5]\n\ntarget = [' + '1, '.repeat(1e6) + '\u0000]',
    expect: { ok: false, error: "found 1000001 numbers and the token '\\u0000' at line 3, column 3000011", line: 3, column: 3000011 },
  },
  {
    name: '1e6 lone high surrogates',
    make: () => '\ud800'.repeat(1e6),
    expect: { ok: false, error: "found 0 numbers and the token '\\ud800' at line 1, column 1", line: 1, column: 1 },
  },
  {
    name: 'a lone low surrogate between numbers',
    make: () => '1 2 \udc00 3',
    expect: { ok: false, error: "found 2 numbers and the token '\\udc00' at line 1, column 5", line: 1, column: 5 },
  },
  {
    name: 'a valid surrogate pair is shown whole',
    make: () => '[1, \ud83d\ude00]',
    expect: { ok: false, error: "found 1 number and the token '\ud83d\ude00' at line 1, column 5", line: 1, column: 5 },
  },
  {
    name: '1e6 commas alone',
    make: () => ','.repeat(1e6),
    expect: { ok: false, error: 'found no numbers in the selection', line: 1, column: 1 },
  },
  {
    name: '1e6 commas inside brackets',
    make: () => '[' + ','.repeat(1e6) + ']',
    expect: { ok: false, error: "found 0 numbers and the token ',' at line 1, column 3", line: 1, column: 3 },
  },
  {
    name: '1e6 commas after a number',
    make: () => '1' + ','.repeat(1e6),
    expect: { ok: false, error: "found 1 number and the token ',' at line 1, column 3", line: 1, column: 3 },
  },
  {
    name: '1e6 comma-separated numbers parse',
    make: () => new Array(1e6).fill('1').join(','),
    expect: { ok: true, shapes: [[1e6]], check: ([a]) => assert.ok(a.integer && a.tensor.data.every((x) => x === 1)) },
  },
  {
    name: '1e6 numbers one per line give one column',
    make: () => '2\n'.repeat(1e6),
    expect: { ok: true, shapes: [[1e6]], check: ([a]) => assert.ok(a.tensor.data.every((x) => x === 2)) },
  },
];
