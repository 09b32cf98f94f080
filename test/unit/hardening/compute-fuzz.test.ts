/**
 * Hardening of computeLoss over every computable entry: garbage inputs and params give
 * a result or a LossInputError (nothing else, no hang); valid shapes with finite data
 * (the golden fixtures' inputs, moved around) never give a silent NaN. The long run is
 * `npm run fuzz`. Bugs found in files whose owners are still at work are pinned below.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss, LossInputError } from '../../../src/losses';
import { checkLossCall, checkPerturbed, COMPUTABLE, finiteTemplates, knownLossBug, lossCall, perturbedCase } from './fuzz-lib';

const RUNS = Number(process.env.FUZZ_CI_RUNS ?? 2000);

describe('hardening: computeLoss fuzz', () => {
  it(`covers every computable entry (${COMPUTABLE.length})`, () => {
    assert.ok(COMPUTABLE.length >= 50, `${COMPUTABLE.length} computable entries`);
  });

  it(`garbage inputs and params: a result or a LossInputError, never another exception (${RUNS * 2} cases)`, function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(lossCall(), ({ id, inputs, params }) => {
        assert.deepEqual(checkLossCall(id, inputs, params).filter((v) => !knownLossBug(v)), []);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('every computable entry: no inputs or an unknown parameter throw LossInputError; junk in any input never another exception', function () {
    this.timeout(60_000);
    for (const e of COMPUTABLE) {
      assert.throws(() => computeLoss(e.id, {}), LossInputError, e.id);
      for (const i of e.inputs) {
        for (const junk of ['text', { shape: [2], data: new Float64Array(3) }, [[1, 2], [3]], null, {}]) {
          const inputs: Record<string, unknown> = Object.fromEntries(e.inputs.map((j) => [j.name, [0.5, 0.5]]));
          inputs[i.name] = junk;
          assert.deepEqual(checkLossCall(e.id, inputs, {}), [], `${e.id} ${i.name}=${JSON.stringify(junk)}`);
        }
      }
      assert.throws(() => computeLoss(e.id, {}, { no_such_param: 1 }), LossInputError, e.id);
    }
  });

  it(`valid shapes, finite data (golden inputs scaled, shifted, jittered): never a silent NaN (${RUNS} cases)`, function () {
    this.timeout(120_000);
    const templates = finiteTemplates();
    assert.ok(templates.length > 500, `${templates.length} templates`);
    fc.assert(
      // Without single-element edge swaps: those find overflow on out-of-domain extremes
      // (log-probabilities of +1e4, sigma 1e-300), reported by `npm run fuzz`, not bugs to gate on.
      fc.property(perturbedCase(templates, false), ({ c, inputs }) => {
        assert.deepEqual(checkPerturbed(c, inputs), []);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('hardening: classification fixes found by the fuzz', () => {
  // lastAxisRows counted rows as data.length / C, so C = 0 gave 0 rows for a shape
  // such as (0,) or (2, 0) whose leading dimensions hold 1 or 2 positions: the result
  // was `undefined` instead of one value per row.
  it('poly-loss with no classes: one value per row (optax gives 0: empty sums)', () => {
    assert.equal(computeLoss('poly-loss', { logits: [], labels: [] }).value, 0);
    assert.deepEqual(computeLoss('poly-loss', { logits: [[], []], labels: [[], []] }).value, [0, 0]);
  });

  it('poly-loss uses optax\'s ε Σ labels (1 − p), which differs from ε (1 − pt) for labels not summing to 1', () => {
    const logits = [0.3, -1.2, 2.0];
    const labels = [0.5, 0.5, 0.5];
    const m = Math.max(...logits);
    const z = logits.reduce((s, x) => s + Math.exp(x - m), 0);
    const p = logits.map((x) => Math.exp(x - m) / z);
    const ce = -labels.reduce((s, y, i) => s + y * Math.log(p[i]), 0);
    const oneMinusPt = labels.reduce((s, y, i) => s + y * (1 - p[i]), 0);
    const v = computeLoss('poly-loss', { logits, labels }, { epsilon: 2 }).value as number;
    assert.ok(Math.abs(v - (ce + 2 * oneMinusPt)) < 1e-12, `${v} vs ${ce + 2 * oneMinusPt}`);
  });

  it('js-divergence with no categories: one value (0) per row, elements shaped like the leading dimensions', () => {
    assert.deepEqual(computeLoss('js-divergence', { input: [[], []], target: [[], []] }, { reduction: 'none' }).value, [0, 0]);
    const r = computeLoss('js-divergence', { input: [], target: [] });
    assert.equal(r.value, 0);
    assert.deepEqual(r.elements.shape, []);
    assert.equal(r.elements.data.length, 1);
  });

  it('multilabel-soft-margin-loss with C = 0 follows torch: 0/0 per row, so NaN (documented torch behaviour)', () => {
    // torch.nn.functional.multilabel_soft_margin_loss(torch.zeros(2, 0), torch.zeros(2, 0)) -> nan
    assert.ok(Number.isNaN(computeLoss('multilabel-soft-margin-loss', { input: [[], []], target: [[], []] }).value as number));
  });
});

describe('hardening: core bugs found by fuzzing (fixed; kept as regressions)', () => {
  // BUG-CORE-1 (src/losses/tensor.ts, toTyped/fill; owner: core): nested arrays deeper
  // than a few thousand levels overflow the stack in the recursive `fill`, so computeLoss
  // throws RangeError ("Maximum call stack size exceeded"), not LossInputError. Every
  // kernel takes at most a handful of dimensions: reject a rank above a small limit
  // (e.g. 16) in inferShape with a LossInputError naming the input.
  it('BUG-CORE-1: a 5,000-deep nested array gives LossInputError, not RangeError', () => {
    let x: unknown = 1;
    for (let i = 0; i < 5000; i++) x = [x];
    assert.throws(
      () => computeLoss('mse-loss', { input: x as number[], target: x as number[] }),
      (e: unknown) => e instanceof LossInputError && /^input:/.test(e.message),
    );
  });

  // BUG-CORE-2 (src/losses/tensor.ts, inferShape; owner: core): a cyclic array
  // (`a = []; a.push(a)`) loops forever in inferShape (`cur = cur[0]` never ends), growing
  // `shape` until memory runs out: a hang, not an error. The same rank limit fixes it.
  // (Not reachable through the playground: the message validator caps depth at 4.)
  // WARNING: unskipped before the fix, this test hangs the run.
  it('BUG-CORE-2: a cyclic array gives LossInputError, not a hang', () => {
    const a: unknown[] = [];
    a.push(a);
    assert.throws(() => computeLoss('mse-loss', { input: a as number[], target: [1] }), LossInputError);
  });

  // BUG-CORE-3 (src/losses/tensor.ts, broadcastShapes; owner: core): a 0-sized dimension
  // broadcast against a 1-sized one gives max(0, 1) = 1 instead of 0, so an empty input with
  // a scalar target is computed over one phantom element read out of bounds: a silent NaN
  // (torch: mse_loss(empty, 5., 'sum') = 0, 'none' = empty), and a (3,) pos_weight or weight
  // "does not broadcast" to an empty (0, 3) input. Fix: `out[i] = da === 1 ? db : da`.
  it('BUG-CORE-3: broadcasting with a 0-sized dimension gives an empty result, as torch', () => {
    assert.equal(computeLoss('mse-loss', { input: [], target: 5 }, { reduction: 'sum' }).value, 0);
    assert.deepEqual(computeLoss('mse-loss', { input: 5, target: [] }, { reduction: 'none' }).value, []);
    const empty = { shape: [0, 3], data: new Float64Array(0) };
    const r = computeLoss('mse-loss', { input: empty, target: { shape: [1, 3], data: Float64Array.of(1, 2, 3) } }, { reduction: 'none' });
    assert.deepEqual(r.elements.shape, [0, 3]);
    assert.equal(computeLoss('bce-with-logits', { input: empty, target: empty }, { pos_weight: [1, 2, 3], reduction: 'sum' }).value, 0);
  });

  // BUG-GEN-1 (src/losses/generative.ts, total-variation-loss; owner: generative family):
  // `maps = data.length / max(H·W, 1)` is 0 when W = 0 (or H = 0), while the leading
  // dimensions hold 1 or more maps, so the value is `undefined` (shape (1, 0)),
  // `[undefined]` (shape (1, 1, 0)). kornia.losses.total_variation gives 0 per map
  // (empty sums) for reduction 'sum'. Fix: maps = product of the leading dimensions.
  it("BUG-GEN-1: total-variation-loss on an empty image gives 0 per map, not undefined", () => {
    assert.equal(computeLoss('total-variation-loss', { input: [[]] }).value, 0);
    assert.deepEqual(computeLoss('total-variation-loss', { input: [[[]]] }).value, [0]);
    assert.deepEqual(computeLoss('total-variation-loss', { input: [[], []] }).value, 0);
  });
});
