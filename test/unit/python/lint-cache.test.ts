/**
 * The parse cache (src/python/lint/parse-cache.ts): a lint keeps its parsed statements by source
 * text for the next one, so the next version of a document parses only what changed. Checked
 * here: after any edit, a lint with the previous version's cache gives exactly what a lint with no
 * cache and the exhaustive reading give (fast-check edits of the corpus and the bench-style
 * script), it parses only the statements whose text is new, and nothing a parse remembers for one
 * program (a name's qualified symbol) leaks into the next, whose imports may differ.
 */
import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { lintCells } from '../../../src/python/lint';
import { ParseCache } from '../../../src/python/lint/parse-cache';
import { cellsOf, corpusFiles } from '../../../scripts/lint-doc';

/** The lint of `cells` with `cache`, checked against no cache and against the exhaustive reading. */
function lintWith(cache: ParseCache, cells: readonly string[], label: string) {
  const cached = lintCells(cells, { parseCache: cache });
  assert.deepEqual(cached, lintCells(cells, { parseCache: null }), `${label}: the cached lint differs from a fresh one`);
  assert.deepEqual(cached, lintCells(cells, { exhaustive: true }), `${label}: the cached lint differs from the exhaustive reading`);
  return cached;
}

const SCRIPT = [
  'import torch',
  'import torch.nn as nn',
  'import torch.nn.functional as F',
  'class Net(nn.Module):',
  '    def __init__(self):',
  '        super().__init__()',
  '        self.criterion = nn.NLLLoss()',
  '    def loss(self, x, y):',
  '        p = F.softmax(self.forward(x), dim=1)',
  '        return self.criterion(p, y)',
  'def train(model, loader):',
  '    criterion = nn.CrossEntropyLoss()',
  '    for x, y in loader:',
  '        probs = F.softmax(model(x), dim=1)',
  '        loss = criterion(probs, y)',
  '        scores = torch.sigmoid(model(x))',
  '        loss = loss + F.binary_cross_entropy(scores, y.float())',
  '        kl = F.kl_div(F.softmax(model(x), 1), y)',
].join('\n');

describe('lint parse cache: the next version parses only what changed', () => {
  it('after each fast-check edit of the bench-style script, the cached lint is the fresh one', () => {
    const lines = SCRIPT.split('\n');
    const edit = fc.record({
      at: fc.nat({ max: lines.length - 1 }),
      op: fc.constantFrom('delete', 'duplicate', 'rename', 'softmax→log_softmax', 'dim', 'import', 'indent', 'join'),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const cache = new ParseCache();
        let cur = [...lines];
        lintWith(cache, [cur.join('\n')], 'v0');
        for (const { at, op } of edits) {
          const k = at % cur.length;
          const next = [...cur];
          if (op === 'delete' && next.length > 1) next.splice(k, 1);
          else if (op === 'duplicate') next.splice(k, 0, next[k]);
          else if (op === 'rename') next[k] = next[k].replace(/\bprobs\b/g, 'q').replace(/\bp\b/g, 'q');
          else if (op === 'softmax→log_softmax') next[k] = next[k].replace('softmax', 'log_softmax');
          else if (op === 'dim') next[k] = next[k].replace(', dim=1)', ')');
          else if (op === 'import') next[k] = next[k].replace('import torch.nn.functional as F', 'import mylib as F');
          else if (op === 'indent') next[k] = '    ' + next[k];
          else if (op === 'join' && k + 1 < next.length) next.splice(k, 2, `${next[k]}; ${next[k + 1].trim()}`);
          cur = next;
          lintWith(cache, [cur.join('\n')], `after ${op} at ${k}`);
        }
      }),
      { numRuns: 150, seed: 13 },
    );
  });

  it('on the real-code corpus: each file, then the same file with one line removed, with the cache of the one before', () => {
    const cache = new ParseCache();
    let checked = 0;
    for (const f of corpusFiles()) {
      const cells = cellsOf(f);
      lintWith(cache, cells, f);
      const src = cells[0].split('\n');
      const cut = [src.filter((_, i) => i !== Math.floor(src.length / 2)).join('\n'), ...cells.slice(1)];
      lintWith(cache, cut, `${f} without its middle line`);
      checked++;
    }
    assert.ok(checked >= 50, `${checked} files`);
  });

  it('parses only the statements whose text is new, and lets go of what the lint before did not use', () => {
    const cache = new ParseCache();
    lintWith(cache, [SCRIPT], 'first');
    const first = cache.made;
    assert.ok(first > 5, `${first} statements parsed the first time`);
    lintWith(cache, [SCRIPT + '\n# an edit'], 'comment added');
    assert.equal(cache.made, first, 'an added comment parses nothing again');
    const edited = SCRIPT.replace('        probs = F.softmax(model(x), dim=1)', '        probs = F.log_softmax(model(x), dim=1)');
    lintWith(cache, [edited], 'one statement changed');
    assert.equal(cache.made, first + 1, 'one changed statement is parsed, the rest found');
    lintWith(cache, ['x = 1\n'], 'another file');
    lintWith(cache, ['x = 1\n'], 'another file again');
    assert.equal(cache.kept, 0, 'a file whose statements no rule parses keeps nothing of the file before it');
  });

  it('a name qualified through one version\'s imports is qualified again in the next (the imports changed)', () => {
    const cache = new ParseCache();
    const v1 = 'import torch.nn.functional as F\nloss = F.cross_entropy(F.softmax(x, dim=1), y)\n';
    const v2 = 'import mylib as F\nloss = F.cross_entropy(F.softmax(x, dim=1), y)\n';
    assert.deepEqual(lintWith(cache, [v1], 'torch F').map((d) => d.code), ['LA101']);
    assert.deepEqual(lintWith(cache, [v2], 'a local F'), []);
    assert.deepEqual(lintWith(cache, [v1], 'torch F again').map((d) => d.code), ['LA101']);
  });
});
