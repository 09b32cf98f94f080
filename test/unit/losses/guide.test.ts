import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { GUIDE_RULES, GUIDE_TARGETS, GUIDE_TASKS, missingGuideIds, suggestLosses, type GuideAnswers } from '../../../src/losses/guide';
import { getEntry, LOSSES } from '../../../src/losses';

const base: GuideAnswers = { task: 'regression', imbalance: false, outliers: false, multimodal: false };
const ids = (a: Partial<GuideAnswers>) => suggestLosses({ ...base, ...a }).map((s) => s.id);

describe('"Which loss?" guide', () => {
  it('suggests MSE for clean regression and robust losses (not MSE first) with outliers', () => {
    assert.equal(ids({})[0], 'mse-loss');
    const robust = ids({ outliers: true });
    assert.ok(robust.includes('huber-loss') && robust.includes('l1-loss'), robust.join());
    assert.notEqual(robust[0], 'mse-loss');
    // MSE's "avoid" rule outweighs its praise when there are outliers
    assert.ok(!robust.includes('mse-loss') || robust.indexOf('mse-loss') > robust.indexOf('huber-loss'));
  });

  it('gives a reason in both languages for every suggestion', () => {
    for (const task of GUIDE_TASKS) {
      for (const s of suggestLosses({ ...base, task })) {
        assert.ok(s.reasons.length > 0, `${task}/${s.id}`);
        for (const r of s.reasons) assert.ok(r.en.length > 10 && r.zh.length > 4, `${task}/${s.id}`);
      }
    }
  });

  it('warns about multimodal targets (L2 predicts the mean of the modes)', () => {
    const s = suggestLosses({ ...base, multimodal: true });
    assert.ok(s.some((x) => x.reasons.some((r) => /mean of the modes/.test(r.en))), s.map((x) => x.id).join());
  });

  it('prefers focal loss under class imbalance when the catalog has it', () => {
    const focal = ['sigmoid-focal-loss', 'focal-loss'].find((id) => getEntry(id));
    if (!focal) return; // the entry is still being written; the rule names it
    assert.equal(ids({ task: 'binary', imbalance: true })[0], focal);
  });

  it('only suggests entries that exist, and falls back to the catalog category when no rule matches an entry', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GUIDE_TASKS),
        fc.option(fc.constantFrom(...GUIDE_TARGETS), { nil: undefined }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (task, target, imbalance, outliers, multimodal) => {
          const out = suggestLosses({ task, target, imbalance, outliers, multimodal });
          for (const s of out) assert.ok(getEntry(s.id), s.id);
          assert.equal(new Set(out.map((s) => s.id)).size, out.length, 'no duplicates');
          for (let i = 1; i < out.length; i++) assert.ok(out[i - 1].score >= out[i].score, 'sorted by score');
          assert.ok(out.length <= 6);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('every rule id is kebab-case; the missing ones are listed for the catalog', () => {
    for (const r of GUIDE_RULES) for (const id of r.ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    const missing = missingGuideIds();
    for (const id of missing) assert.equal(getEntry(id), undefined);
    assert.ok(LOSSES.length > 0);
  });
});
