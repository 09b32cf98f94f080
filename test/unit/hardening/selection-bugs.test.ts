/**
 * Bugs the hardening work found in src/losses/selection.ts (owner: the editor engineer).
 * Each test pins one bug precisely. They were skipped while the bugs were open; the
 * owner fixed all three (194919a) and unskipped them, and the fuzz exemptions in
 * fuzz-lib.ts `knownSelectionBug` are gone, so the CI fuzz now gates on them too.
 */
import { strict as assert } from 'node:assert';
import { parseSelection } from '../../../src/losses/selection';

function shapes(text: string): number[][] | string {
  const r = parseSelection(text);
  return r.ok ? r.arrays.map((a) => a.tensor.shape) : r.error;
}

describe('hardening: selection parser bugs (pinned for the owner)', () => {
  // BUG-SEL-1: an empty list followed, in the same list, by numbers at a shallower level
  // is accepted, and the tensor's shape does not match its data: `[[], 1]` gives shape
  // [2] holding 1 number; `[[[]],[1]]` gives shape [2, 1] holding 1 number. The leaf
  // level is fixed at the first number without checking that no deeper list was seen
  // (brackets(): `if (leaf === -1) leaf = level` needs `deepest > level` → ragged error).
  // Python / torch reject both (`torch.tensor([[], 1])`: "expected sequence").
  it('BUG-SEL-1: `[[], 1]` and `[[[]],[1]]` are ragged, not shape [2] / [2, 1] with one number', () => {
    for (const text of ['[[], 1]', '[[[]],[1]]', '([],7,1)', '[([],nan,7,3e2)]']) {
      const r = parseSelection(text);
      assert.equal(r.ok, false, `${text}: ${JSON.stringify(shapes(text))}`);
      assert.match((r as { error: string }).error, /ragged/);
    }
    // the order that is caught today stays caught
    assert.match(String(shapes('[1, []]')), /ragged/);
  });

  // BUG-SEL-2: build() calls lineColumn(text, pos) — a scan from the start of the text —
  // once per array, so a selection of many arrays on many lines is quadratic: 10,000
  // lines of `a = [1]` take ~1.8 s, 30,000 take ~14 s, and 10 MB of such lines would
  // freeze the extension host for hours. Compute lines incrementally (items are in order).
  it('BUG-SEL-2: 50,000 named arrays on 50,000 lines parse without quadratic time (hang guard, not a timing)', function () {
    this.timeout(10_000); // linear work takes ~0.1 s; today's quadratic version ~40 s
    const r = parseSelection('a = [1]\n'.repeat(50_000));
    assert.ok(r.ok);
    assert.equal(r.arrays.length, 50_000);
    assert.equal(r.arrays[49_999].line, 50_000);
  });

  // BUG-SEL-3: header names go into an error message unescaped and before the `{pos}`
  // placeholder is replaced, so a quoted header named "{pos}" receives the position
  // instead of the message, and a lone surrogate or control character in a quoted
  // name is printed raw (other tokens go through showToken).
  it('BUG-SEL-3: a header named "{pos}" or holding a lone surrogate gives a correct, escaped message', () => {
    const r1 = parseSelection('y = 1\n"{pos}" "b"');
    assert.equal(r1.ok, false);
    assert.equal((r1 as { error: string }).error, "found the header '{pos}', 'b' at line 2, column 1 but no rows of numbers under it");
    const r2 = parseSelection('y = 1\n"\ud800" "b"');
    assert.equal((r2 as { error: string }).error, "found the header '\\ud800', 'b' at line 2, column 1 but no rows of numbers under it");
  });
});
