/** The lint's pause after the last change (src/extension/editor/lint-pause.ts): longer for very large files and notebooks. */
import { strict as assert } from 'node:assert';
import { LARGE_LINT_LINES, LARGE_LINT_PAUSE_MS, LINT_PAUSE_MS, lintPauseMs } from '../../../src/extension/editor/lint-pause';

describe('lint pause', () => {
  it('waits 250 ms after the last change up to 20,000 lines, and 2 s above', () => {
    assert.equal(lintPauseMs(1), LINT_PAUSE_MS);
    assert.equal(lintPauseMs(LARGE_LINT_LINES), 250);
    assert.equal(lintPauseMs(LARGE_LINT_LINES + 1), 2_000);
    assert.equal(LARGE_LINT_PAUSE_MS, 2_000);
  });

  it('keeps an asked-for shorter pause on ordinary files (a settings change lints at once) but not on very large ones', () => {
    assert.equal(lintPauseMs(100, 0), 0);
    assert.equal(lintPauseMs(100_000, 0), LARGE_LINT_PAUSE_MS);
    assert.equal(lintPauseMs(100_000, 5_000), 5_000);
  });
});
