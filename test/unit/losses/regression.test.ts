import { strict as assert } from 'node:assert';
import { computeLoss, LossInputError } from '../../../src/losses';

describe('regression losses', () => {
  it('mse-loss: mean of squared differences', () => {
    const r = computeLoss('mse-loss', { input: [1, 2, 3], target: [1, 0, 0] });
    assert.equal(r.value, (0 + 4 + 9) / 3);
  });

  it('mse-loss: rejects a target that does not broadcast, naming it', () => {
    assert.throws(
      () => computeLoss('mse-loss', { input: [1, 2, 3], target: [1, 2] }),
      (e: unknown) => e instanceof LossInputError && /target/.test(e.message) && /\(2,\)/.test(e.message),
    );
  });
});
