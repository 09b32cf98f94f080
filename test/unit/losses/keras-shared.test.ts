/**
 * The paragraph every Keras entry shares (src/losses/catalog/keras.ts, `kerasSharedNote`) states
 * only what is true of that entry: the Keras names it uses are the entry's own API symbols of the
 * right kind, the float32 clip-bound sentence appears exactly for entries whose formula clips a
 * probability below 1 (1 − ε), the from_logits sentence only for entries that take from_logits, the
 * ignore_class remark exactly for entries that take ignore_class,
 * and no placeholder (`X_fn`, `keras.losses.X`) is left.
 */
import { strict as assert } from 'node:assert';
import { KERAS_ENTRIES, kerasSharedNote } from '../../../src/losses/catalog/keras';
import type { LossEntry } from '../../../src/losses/types';

/** The entry's formula clips a value to an upper bound of 1 − ε (what the clip-bound sentence is about). */
function formulaClipsBelowOne(e: LossEntry): boolean {
  return /\\operatorname\{clip\}[^]*?1 - \\epsilon/.test(e.formula);
}

const KERAS_NAME = /\b(?:tf\.)?keras\.losses\.[A-Za-z_][A-Za-z0-9_]*/g;

describe('the shared Keras paragraph, per entry', () => {
  it('covers the Keras entries (13 of them)', () => {
    assert.ok(KERAS_ENTRIES.length >= 13);
  });

  for (const e of KERAS_ENTRIES) {
    describe(e.id, () => {
      const note = kerasSharedNote(e);

      it('is appended to the entry in both languages', () => {
        assert.ok(e.frameworkNotes.en.endsWith(note.en), 'en');
        assert.ok(e.frameworkNotes.zh.endsWith(note.zh), 'zh');
      });

      it("names only the entry's own Keras symbols, a function as the function form and a class as the class", () => {
        for (const text of [note.en, note.zh]) {
          const names = text.match(KERAS_NAME) ?? [];
          assert.equal(names.length, 2, text);
          const [fn, cls] = names;
          assert.ok(e.apis.some((a) => a.symbol === fn && a.kind === 'function'), `${fn} is not a function symbol of ${e.id}`);
          assert.ok(e.apis.some((a) => a.symbol === cls && a.kind === 'class'), `${cls} is not a class symbol of ${e.id}`);
        }
      });

      it('leaves no placeholder', () => {
        for (const text of [note.en, note.zh, e.frameworkNotes.en, e.frameworkNotes.zh]) {
          assert.doesNotMatch(text, /\bX_fn\b|\bkeras\.losses\.X\b|\bTODO\b|\{\{|\$\{/);
        }
      });

      it('speaks of the 1 − 1e−7 clip bound only if the entry clips a probability below 1', () => {
        const clips = formulaClipsBelowOne(e);
        assert.equal(note.en.includes('0.99999988'), clips, note.en);
        assert.equal(note.zh.includes('0.99999988'), clips, note.zh);
        // Nothing else in the entry may claim that rounding for an entry without the clip.
        if (!clips) assert.ok(!e.frameworkNotes.en.includes('0.99999988') && !e.pitfalls.en.includes('0.99999988'));
      });

      it('speaks of ignore_class exactly when the entry takes it', () => {
        const ignores = e.params.some((p) => p.name === 'ignore_class');
        assert.equal(note.en.includes('ignore_class'), ignores, note.en);
        assert.equal(note.zh.includes('ignore_class'), ignores, note.zh);
      });

      it('speaks of from_logits only if the entry takes it', () => {
        const logits = e.params.some((p) => p.name === 'from_logits');
        if (!logits) {
          assert.ok(!note.en.includes('from_logits'), note.en);
          assert.ok(!note.zh.includes('from_logits'), note.zh);
        } else if (formulaClipsBelowOne(e)) {
          assert.ok(note.en.includes('from_logits=True') && note.zh.includes('from_logits=True'));
        }
      });
    });
  }
});
