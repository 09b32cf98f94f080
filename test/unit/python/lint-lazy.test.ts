/**
 * The lint reads a file lazily: it keeps the tokens of compound headers only, reads a simple
 * statement when a rule reaches it (through the statements that name a loss, an activation or a
 * criterion, and the statements that may bind a name a rule looks up) and hands the rules only the
 * calls they look at. Every lint test already compares each result with the exhaustive reading
 * (lint-helpers.ts); this file does the same on larger inputs: the real-code corpus, the rule
 * documentation's examples, a long generated script, and random splices of them (fast-check).
 */
import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { lintCells } from '../../../src/python/lint';
import { RULE_DOCS } from '../../../src/python/lint/rule-docs';
import { cellsOf, corpusFiles } from '../../../scripts/lint-doc';

function same(cells: readonly string[], label: string): number {
  const lazy = lintCells(cells);
  assert.deepEqual(lazy, lintCells(cells, { exhaustive: true }), label);
  return lazy.length;
}

/** A long script in the style of the lint bench: model, criteria, softmax flows, a Keras head, repeated. */
function longScript(blocks: number): string {
  const out = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', 'import tensorflow as tf', 'from tensorflow.keras import layers'];
  for (let i = 0; i < blocks; i++) {
    out.push(
      `class Net${i}(nn.Module):`,
      '    def __init__(self):',
      '        super().__init__()',
      '        self.softmax = nn.Softmax(dim=1)',
      '        self.criterion = nn.NLLLoss()',
      '    def loss(self, x, y):',
      '        p = self.softmax(self.forward(x))',
      '        return self.criterion(p, y)',
      `def train_${i}(model, loader):`,
      '    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)',
      '    for x, y in loader:',
      '        probs = F.softmax(model(x), dim=1)',
      i % 3 ? '        loss = criterion(probs, y)' : '        probs = model(x); loss = criterion(probs, y)',
      '        scores = torch.sigmoid(model(x))',
      '        loss = loss + F.binary_cross_entropy(scores, y.float())',
      `model_${i} = tf.keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")])`,
      `model_${i}.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))`,
    );
  }
  return out.join('\n');
}

describe('lint: lazy reading gives what reading every statement gives', () => {
  it('on every file and notebook of the real-code corpus', () => {
    const files = corpusFiles();
    assert.ok(files.length >= 50, `the corpus has ${files.length} files`);
    for (const f of files) same(cellsOf(f), f);
  });

  it("on every rule's wrong and right example", () => {
    let flagged = 0;
    for (const [code, doc] of Object.entries(RULE_DOCS)) {
      if (same([doc.wrong], `${code} wrong`) > 0) flagged++;
      same([doc.right], `${code} right`);
    }
    // Most examples are whole; a few (LA108's model.add lines) are fragments of a longer script.
    assert.ok(flagged >= 10, `${flagged} wrong examples flagged`);
  });

  it('on a long script with every kind of flow, and with its lines shuffled into other scopes', () => {
    const src = longScript(60);
    assert.ok(same([src], 'long script') >= 180, 'the planted misuses are found');
    const lines = src.split('\n');
    // Lines moved: statements land in other functions and classes, names are rebound in between.
    const moved = lines.map((_, i) => lines[(i * 7) % lines.length]).join('\n');
    same([moved], 'shuffled');
    // As a notebook: the same lines cut into cells.
    const cells: string[] = [];
    for (let i = 0; i < lines.length; i += 17) cells.push(lines.slice(i, i + 17).join('\n'));
    same(cells, 'cells');
  });

  it('on random splices of corpus and rule lines (fast-check)', () => {
    const pool = [...Object.values(RULE_DOCS).flatMap((d) => [...d.wrong.split('\n'), ...d.right.split('\n')]), ...longScript(2).split('\n')];
    fc.assert(
      fc.property(fc.array(fc.nat(pool.length - 1), { minLength: 1, maxLength: 60 }), fc.array(fc.constantFrom('', '    ', '        '), { minLength: 60, maxLength: 60 }), (picks, indents) => {
        const src = picks.map((k, i) => (i % 5 === 0 ? indents[i] : '') + pool[k]).join('\n');
        same([src], src);
      }),
      { numRuns: 300 },
    );
  });

  it('on malformed code: an attribute access without its name (`model..layers[-1].activation = None`) may bind the name', () => {
    // Found by a fuzzer that mutated the positive tests' tokens: the lazy reading took `model.` for an
    // attribute access (which binds `model.x`, not `model`), the exhaustive parse for a target `model`.
    const src = "import tensorflow as tf\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\nmodel = keras.Sequential([layers.Dense(10, activation='softmax')])\nmodel..layers[-1].activation = None\nloss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\ndef train_step(x, y):\n    logits = model(x, training=True)\n    return loss_fn(y, logits)\n";
    same([src], 'double dot');
  });

  it('a loss class called in parentheses (`(nn.BCEWithLogitsLoss)(x, y)`): found by the lazy reading too (fast-check found it missed, 7 December)', () => {
    for (const src of ['import torch.nn as nn\nloss = (nn.BCEWithLogitsLoss)(torch.sigmoid(logits), target)\n', 'import torch.nn as nn\nloss = ((nn.CrossEntropyLoss))(out, y)\n']) {
      assert.equal(same([src], src), 1, src);
      assert.deepEqual(lintCells([src]).map((d) => d.code), ['LA202']);
    }
  });

  it('on the positive and near-miss tests with tokens deleted, repeated or swapped (fast-check)', () => {
    const pool = [...Object.values(RULE_DOCS).flatMap((d) => [d.wrong, d.right]), longScript(1)];
    const pieces = (s: string) => s.split(/(\s+|[()[\]{},:=.])/).filter((x) => x !== undefined && x !== '');
    fc.assert(
      fc.property(fc.nat(pool.length - 1), fc.array(fc.tuple(fc.nat(), fc.constantFrom(0, 1, 2)), { minLength: 1, maxLength: 4 }), (which, edits) => {
        const t = pieces(pool[which]);
        for (const [at, op] of edits) {
          const i = at % t.length;
          if (op === 0) t.splice(i, 1);
          else if (op === 1) t.splice(i, 0, t[(i * 7) % t.length]);
          else [t[i], t[(i + 1) % t.length]] = [t[(i + 1) % t.length], t[i]];
        }
        const src = t.join('');
        same([src], src);
      }),
      { numRuns: 500 },
    );
  });
});
