/**
 * Catalog sources (issue 15): the primary sources each entry's text was checked against.
 * Every listed source names what was read, the version or commit read and where it is; the
 * families whose review is complete have sources on every entry; once the whole review is done
 * (EVERY_ENTRY_REVIEWED), every entry must have at least one.
 */
import { strict as assert } from 'node:assert';
import { LOSSES } from '../../../src/losses';
import { REGRESSION_ENTRIES } from '../../../src/losses/catalog/regression';
import { KERAS_ENTRIES } from '../../../src/losses/catalog/keras';
import { DIVERGENCE_ENTRIES } from '../../../src/losses/catalog/divergence';
import { SEQUENCE_ENTRIES } from '../../../src/losses/catalog/sequence';
import { EMBEDDING_ENTRIES } from '../../../src/losses/catalog/embedding';
import { CLASSIFICATION_ENTRIES } from '../../../src/losses/catalog/classification';
import { ROBUST_ENTRIES } from '../../../src/losses/catalog/robust';
import { NOISY_LABELS_ENTRIES } from '../../../src/losses/catalog/noisy-labels';
import type { LossEntry } from '../../../src/losses/types';

/** Turn on when every family's review has added its sources (docs/review-log.md). */
const EVERY_ENTRY_REVIEWED = true;

/** The families whose review is complete (docs/review-log.md). */
const REVIEWED: ReadonlyArray<readonly [string, readonly LossEntry[]]> = [
  ['regression', REGRESSION_ENTRIES],
  ['keras', KERAS_ENTRIES],
  ['divergence', DIVERGENCE_ENTRIES],
  ['sequence', SEQUENCE_ENTRIES],
  ['embedding', EMBEDDING_ENTRIES],
  ['classification', CLASSIFICATION_ENTRIES],
  ['robust', ROBUST_ENTRIES],
  ['noisy-labels', NOISY_LABELS_ENTRIES],
];

function assertHasSources(e: LossEntry): void {
  assert.ok(e.sources && e.sources.length >= 1, `${e.id} has no sources`);
}

describe('catalog sources', () => {
  it('every listed source has a label, a non-empty version and an https url, once per entry', () => {
    for (const e of LOSSES) {
      const seen = new Set<string>();
      for (const s of e.sources ?? []) {
        assert.ok(s.label.trim().length > 0, `${e.id}: a source without label`);
        assert.ok(s.version.trim().length > 0, `${e.id}: ${s.label} has no version`);
        assert.match(s.url, /^https:\/\/[^\s]+$/, `${e.id}: ${s.label} url`);
        const key = `${s.label}@${s.version}`;
        assert.ok(!seen.has(key), `${e.id}: ${key} listed twice`);
        seen.add(key);
      }
    }
  });

  for (const [family, entries] of REVIEWED) {
    it(`every ${family} entry lists at least one source`, () => {
      assert.ok(entries.length > 0);
      for (const e of entries) assertHasSources(e);
    });
  }

  (EVERY_ENTRY_REVIEWED ? it : it.skip)('every entry lists at least one source with label, version and url', () => {
    for (const e of LOSSES) assertHasSources(e);
  });
});
