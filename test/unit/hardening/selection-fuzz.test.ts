/**
 * Hardening of the selection parser: a few thousand fuzz cases (the long run is
 * `npm run fuzz`), and the hostile selections of issue 7 with their exact outcome and
 * message. Timings of the hostile cases are a benchmark (bench/hostile.ts), not a test.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { MAX_SELECTION_DEPTH, parseSelection, type SelectionParse } from '../../../src/losses/selection';
import { checkSelection, knownSelectionBug, nestedListText, selectionText, tokenSoup } from './fuzz-lib';
import { HOSTILE } from './hostile-selections';

const RUNS = Number(process.env.FUZZ_CI_RUNS ?? 2000);

function unknownViolations(text: string, maxNumbers?: number): string[] {
  return checkSelection(text, maxNumbers)
    .violations.filter((v) => !knownSelectionBug(text, v))
    .map((v) => `${v.kind}: ${v.detail}`);
}

function failed(r: SelectionParse): { error: string; line: number; column: number } {
  assert.equal(r.ok, false, `expected an error, got ${JSON.stringify(r.ok ? r.arrays.map((a) => a.tensor.shape) : r)}`);
  return r as { error: string; line: number; column: number };
}

describe('hardening: selection parser fuzz', () => {
  it(`never throws, returns only the documented shapes, shape matches data (${RUNS} mixed cases)`, function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(selectionText(), (s) => {
        const v = unknownViolations(s);
        assert.deepEqual(v, [], JSON.stringify(s));
      }),
      { numRuns: RUNS },
    );
  });

  it('respects maxNumbers on any input', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.oneof(tokenSoup(), nestedListText()), fc.integer({ min: 0, max: 5 }), (s, cap) => {
        assert.deepEqual(unknownViolations(s, cap), [], JSON.stringify(s));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('error positions point into the text, on a line that exists', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('1 2', '[1, 2]', 'x = [3]', ''), tokenSoup(6)), { maxLength: 8 }), (lines) => {
        const text = lines.join('\n');
        const r = parseSelection(text);
        if (!r.ok) {
          const all = text.split('\n');
          assert.ok(r.line >= 1 && r.line <= all.length, `line ${r.line} of ${all.length}`);
          const lineText = all[r.line - 1];
          assert.ok(r.column >= 1 && r.column <= lineText.length + 1, `column ${r.column} on a line of ${lineText.length}`);
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

describe('hardening: hostile selections (issue 7) give a clear error or a correct parse', () => {
  for (const h of HOSTILE) {
    it(`${h.name}`, function () {
      this.timeout(30_000); // a guard against a hang, not a timing: bench/hostile.ts measures
      const text = h.make();
      const r = parseSelection(text, h.maxNumbers === undefined ? {} : { maxNumbers: h.maxNumbers });
      if (h.expect.ok) {
        assert.ok(r.ok, r.ok ? '' : r.error);
        assert.deepEqual(
          r.arrays.map((a) => a.tensor.shape),
          h.expect.shapes,
        );
        h.expect.check?.(r.arrays);
      } else {
        const f = failed(r);
        if (typeof h.expect.error === 'string') assert.equal(f.error, h.expect.error);
        else assert.match(f.error, h.expect.error);
        assert.equal(f.line, h.expect.line);
        assert.equal(f.column, h.expect.column);
        assert.ok(f.error.length < 400, `the message stays short (${f.error.length} chars)`);
      }
    });
  }

  it(`the depth limit is exactly ${MAX_SELECTION_DEPTH}: one level less parses`, () => {
    const ok = parseSelection('['.repeat(MAX_SELECTION_DEPTH) + '1' + ']'.repeat(MAX_SELECTION_DEPTH));
    assert.ok(ok.ok);
    assert.deepEqual(ok.arrays[0].tensor.shape, new Array(MAX_SELECTION_DEPTH).fill(1));
    const deeper = parseSelection('['.repeat(MAX_SELECTION_DEPTH + 1) + '1' + ']'.repeat(MAX_SELECTION_DEPTH + 1));
    assert.match(failed(deeper).error, new RegExp(`nested deeper than ${MAX_SELECTION_DEPTH} levels at line 1, column ${MAX_SELECTION_DEPTH + 1}`));
  });
});
