/**
 * Task-specific losses: error messages, identities (label smoothing at ε = 0 is NLL, KD with
 * α = 0 is cross-entropy, wing/adaptive wing continuity), and properties (finite-difference
 * gradients, non-negativity, periodicity of the multi-bin loss, permutation invariance).
 * Values against torch are in test/fixtures/task-specific.json (golden.test.ts).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss } from '../../../src/losses';
import { checkGradient, close, logitsAndIndices, matrix, throwsNaming, value, vector } from '../support/loss-checks';

const RUNS = { numRuns: 40 };

/** (N, B, 3) multi-bin predictions with (cos, sin) pairs away from the origin. */
const multiBinCase = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([n, b]) =>
    fc.record({
      input: fc.array(
        fc.array(
          fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: 0.3, max: 2, noNaN: true })).map(
            ([logit, phi, r]) => [logit, r * Math.cos(phi), r * Math.sin(phi)],
          ),
          { minLength: b, maxLength: b },
        ),
        { minLength: n, maxLength: n },
      ),
      target: vector(n, -Math.PI, Math.PI),
    }),
  );

/** A signed offset whose magnitude lies in one of two ranges (away from a kink and from 0). */
const awayFrom = (a: readonly [number, number], b: readonly [number, number]): fc.Arbitrary<number> =>
  fc
    .tuple(fc.oneof(fc.double({ min: a[0], max: a[1], noNaN: true }), fc.double({ min: b[0], max: b[1], noNaN: true })), fc.boolean())
    .map(([m, neg]) => (neg ? -m : m));

describe('task-specific losses', () => {
  describe('error messages name the input or parameter', () => {
    it('multi-bin: layout (N, B, 3), one angle per sample, (cos, sin) not both zero', () => {
      throwsNaming(() => computeLoss('multi-bin-angle-loss', { input: [[[0, 1]]], target: [0] }), 'input', /last dimension 3/);
      throwsNaming(() => computeLoss('multi-bin-angle-loss', { input: [[0, 1, 0]], target: [0] }), 'input', /3-D/);
      throwsNaming(() => computeLoss('multi-bin-angle-loss', { input: [[[0, 1, 0]]], target: [0, 1] }), 'target', /\(1,\)/);
      throwsNaming(() => computeLoss('multi-bin-angle-loss', { input: [[[0, 0, 0]]], target: [0.5] }), 'input', /\(0, 0\)/);
      throwsNaming(() => computeLoss('multi-bin-angle-loss', { input: [[[0, 1, 0]]], target: [0] }, { overlap: 2 }), 'overlap');
    });
    it('verification: classifier shape and 0/1 labels', () => {
      const base = { input: [[1, 2]], other: [[0, 0]], target: [1] };
      throwsNaming(() => computeLoss('verification-loss', { ...base, classifier_weight: [[1, 2, 3], [0, 0, 0]] }), 'classifier_weight', /\(2, 2\)/);
      throwsNaming(() => computeLoss('verification-loss', { ...base, classifier_weight: [[1, 2], [0, 0]], target: [2] }), 'target', /class index 2/);
      throwsNaming(() => computeLoss('verification-loss', { ...base, classifier_weight: [[1, 2], [0, 0]], classifier_bias: [1] }), 'classifier_bias', /\(2,\)/);
      throwsNaming(() => computeLoss('verification-loss', { ...base, other: [[0, 0, 0]], classifier_weight: [[1, 2], [0, 0]] }), 'other');
    });
    it('wing losses: parameters and heatmap targets', () => {
      throwsNaming(() => computeLoss('wing-loss', { input: [1], target: [0] }, { epsilon: 0 }), 'epsilon');
      throwsNaming(() => computeLoss('adaptive-wing-loss', { input: [0.5], target: [1.5] }), 'target', /\[0, 1\]/, /1\.5/);
      throwsNaming(() => computeLoss('adaptive-wing-loss', { input: [0.5], target: [0.5] }, { alpha: 1 }), 'alpha', /greater than 1/);
    });
    it('sequence losses: token ids, shapes, parameters', () => {
      throwsNaming(() => computeLoss('label-smoothed-sequence-nll', { input: [[-1, -1, -1]], target: [3] }), 'target', /class index 3/);
      throwsNaming(() => computeLoss('label-smoothed-sequence-nll', { input: [[[-1, -1]]], target: [0] }), 'target', /\(1, 1\)/);
      throwsNaming(() => computeLoss('minimum-risk-training', { input: [[-1, -2]], cost: [[0, 1, 1]] }), 'cost', /\(1, 3\)/);
      throwsNaming(() => computeLoss('minimum-risk-training', { input: [-1, -2], cost: [0, 1] }, { alpha: 0 }), 'alpha');
    });
    it('distillation: teacher shape, labels, temperature', () => {
      throwsNaming(() => computeLoss('knowledge-distillation-loss', { input: [[1, 2]], teacher_logits: [[1, 2, 3]] }), 'teacher_logits', /\(1, 3\)/);
      throwsNaming(() => computeLoss('knowledge-distillation-loss', { input: [[1, 2]], teacher_logits: [[1, 2]], target: [4] }), 'target', /class index 4/);
      throwsNaming(() => computeLoss('knowledge-distillation-loss', { input: [[1, 2]], teacher_logits: [[1, 2]] }, { temperature: 0 }), 'temperature');
    });
  });

  describe('identities', () => {
    it('multi-bin: a confident, exact prediction costs ~0; the loss is 2π-periodic in the target', () => {
      const theta = 0.4;
      // 2 bins centred at 0 and π; 0.4 is covered by bin 0 only (half-width 0.55π)
      const input = [[[30, Math.cos(theta), Math.sin(theta)], [-30, 1, 0]]];
      assert.ok(value('multi-bin-angle-loss', { input, target: [theta] }) < 1e-12);
      const x = [[[0.2, 1, 2], [-0.1, -1, 0.5]]];
      assert.ok(close(value('multi-bin-angle-loss', { input: x, target: [1.1] }), value('multi-bin-angle-loss', { input: x, target: [1.1 + 2 * Math.PI] })));
    });
    it('multi-bin: scaling a (cos, sin) pair does not change the loss (the angle is atan2)', () => {
      const a = [[[0.2, 1, 2], [-0.1, -1, 0.5]]];
      const b = [[[0.2, 3, 6], [-0.1, -0.5, 0.25]]];
      assert.ok(close(value('multi-bin-angle-loss', { input: a, target: [2.9] }), value('multi-bin-angle-loss', { input: b, target: [2.9] })));
    });
    it('verification: identical embeddings give logits = bias', () => {
      const v = value('verification-loss', { input: [[1, 2]], other: [[1, 2]], classifier_weight: [[5, 5], [-5, 5]], classifier_bias: [0, Math.log(3)], target: [1] });
      assert.ok(close(v, -Math.log(0.75)));
    });
    it('wing is continuous at |x| = w; adaptive wing is continuous at |y − ŷ| = θ', () => {
      for (const w of [10, 1]) {
        const below = value('wing-loss', { input: [w - 1e-9], target: [0] }, { w });
        const above = value('wing-loss', { input: [w + 1e-9], target: [0] }, { w });
        assert.ok(Math.abs(below - above) < 1e-6);
      }
      for (const y of [0, 0.3, 1]) {
        const below = value('adaptive-wing-loss', { input: [y + 0.5 - 1e-9], target: [y] });
        const above = value('adaptive-wing-loss', { input: [y + 0.5 + 1e-9], target: [y] });
        assert.ok(Math.abs(below - above) < 1e-6);
      }
    });
    it('label-smoothed NLL with ε = 0 is the summed NLL; padding is skipped', () => {
      const input = [[-0.1, -2.5, -3], [-1, -0.6, -2], [-2, -2, -0.3]];
      assert.ok(close(value('label-smoothed-sequence-nll', { input, target: [0, 1, 2] }, { epsilon: 0 }), value('nll-loss', { input, target: [0, 1, 2] }, { reduction: 'sum' })));
      const padded = value('label-smoothed-sequence-nll', { input, target: [0, 1, 1] }, { ignore_index: 1, reduction: 'mean' });
      assert.ok(close(padded, value('label-smoothed-sequence-nll', { input: [input[0]], target: [0] })));
    });
    it('minimum risk training: equal costs give that cost; a sharp α picks the most likely candidate', () => {
      assert.ok(close(value('minimum-risk-training', { input: [[-3, -5, -9]], cost: [[0.4, 0.4, 0.4]] }), 0.4));
      assert.ok(close(value('minimum-risk-training', { input: [[-3, -5, -9]], cost: [[0.1, 0.7, 0.9]] }, { alpha: 100 }), 0.1));
    });
    it('distillation: zero when the student equals the teacher (no labels); α = 0 is cross-entropy', () => {
      const logits = [[1, 2, -1], [0, 0.5, 3]];
      assert.ok(Math.abs(value('knowledge-distillation-loss', { input: logits, teacher_logits: logits })) < 1e-12);
      const teacher = [[3, 0, 0], [0, 0, 1]];
      assert.ok(close(value('knowledge-distillation-loss', { input: logits, teacher_logits: teacher, target: [1, 2] }, { alpha: 0 }), value('cross-entropy', { input: logits, target: [1, 2] })));
      assert.ok(Number.isFinite(value('knowledge-distillation-loss', { input: [[1e4, -1e4]], teacher_logits: [[-1e4, 1e4]], target: [0] })));
    });
  });

  describe('properties', () => {
    it('multi-bin: gradient w.r.t. logits and (cos, sin), non-negative, mean == sum / N', () => {
      fc.assert(
        fc.property(multiBinCase, fc.constantFrom(0, 0.1, 0.5), ({ input, target }, overlap) => {
          checkGradient('multi-bin-angle-loss', { input, target }, { overlap }, 'input');
          const v = value('multi-bin-angle-loss', { input, target }, { overlap });
          assert.ok(v >= 0);
          assert.ok(close(v, value('multi-bin-angle-loss', { input, target }, { overlap, reduction: 'sum' }) / input.length));
        }),
        RUNS,
      );
    });
    it('verification: gradient w.r.t. the first embedding; swapping the pair changes nothing', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 4 }).chain((n) =>
            fc.record({ input: matrix(n, 3), other: matrix(n, 3), w: matrix(2, 3, -1, 1), b: vector(2), target: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }) }),
          ),
          ({ input, other, w, b, target }) => {
            const x = { input, other, classifier_weight: w, classifier_bias: b, target };
            checkGradient('verification-loss', x, {}, 'input');
            assert.ok(close(value('verification-loss', x), value('verification-loss', { ...x, input: other, other: input })));
          },
        ),
        RUNS,
      );
    });
    it('wing and adaptive wing: gradients, non-negative, zero at a perfect prediction', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 6 }).chain((n) =>
            fc.record({ t: vector(n, -5, 5), d: fc.array(awayFrom([0.01, 9.9], [10.1, 15]), { minLength: n, maxLength: n }), h: vector(n, 0, 1), e: fc.array(awayFrom([0.01, 0.49], [0.51, 1]), { minLength: n, maxLength: n }) }),
          ),
          ({ t, d, h, e }) => {
          const p = t.map((v, i) => v + d[i]);
          const q = h.map((v, i) => v + e[i]);
          checkGradient('wing-loss', { input: p, target: t }, {}, 'input');
          checkGradient('adaptive-wing-loss', { input: q, target: h }, {}, 'input');
          assert.ok(value('wing-loss', { input: p, target: t }) >= 0 && value('adaptive-wing-loss', { input: q, target: h }) >= 0);
          assert.equal(value('wing-loss', { input: t, target: t }), 0);
          assert.equal(value('adaptive-wing-loss', { input: h, target: h }), 0);
          },
        ),
        RUNS,
      );
    });
    it('minimum risk training: gradient, value between the smallest and largest cost', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 3 }).chain((n) => fc.record({ lp: matrix(n, 4, -20, 0), cost: matrix(n, 4, 0, 1) })), ({ lp, cost }) => {
          checkGradient('minimum-risk-training', { input: lp, cost }, { alpha: 0.5 }, 'input');
          const per = computeLoss('minimum-risk-training', { input: lp, cost }, { alpha: 0.5, reduction: 'none' }).value as number[];
          per.forEach((r, i) => assert.ok(r >= Math.min(...cost[i]) - 1e-12 && r <= Math.max(...cost[i]) + 1e-12));
        }),
        RUNS,
      );
    });
    it('label-smoothed NLL and distillation: gradients w.r.t. log-probabilities / student logits', () => {
      fc.assert(
        fc.property(logitsAndIndices(4, 4), fc.double({ min: 0, max: 0.4, noNaN: true }), ({ input, target }, eps) => {
          const lse = input.map((r) => Math.log(r.reduce((s, v) => s + Math.exp(v), 0)));
          const lprobs = input.map((r, i) => r.map((v) => v - lse[i]));
          checkGradient('label-smoothed-sequence-nll', { input: lprobs, target }, { epsilon: eps, reduction: 'mean' }, 'input');
          const teacher = input.map((r) => r.map((v) => -v / 2));
          checkGradient('knowledge-distillation-loss', { input, teacher_logits: teacher, target }, { temperature: 3, alpha: 0.6 }, 'input');
          checkGradient('knowledge-distillation-loss', { input, teacher_logits: teacher }, { temperature: 1.5 }, 'input');
          assert.ok(value('knowledge-distillation-loss', { input, teacher_logits: teacher }) >= -1e-12);
        }),
        RUNS,
      );
    });
  });
});
