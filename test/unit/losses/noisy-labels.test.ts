/**
 * Asymmetric loss (ASL), symmetric cross-entropy (SCE) and generalized cross-entropy (GCE):
 * error messages, identities with other entries, and properties (non-negativity, zero at a
 * perfect prediction, mean == sum / n, gradients against central finite differences, batch
 * permutation invariance). Values against torch are in test/fixtures/noisy-labels.json.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss } from '../../../src/losses';
import {
  checkGradient,
  close,
  logitsAndIndices,
  matrix,
  normalizeRows,
  permutation,
  throwsNaming,
  total,
  value,
} from '../support/loss-checks';

const RUNS = { numRuns: 60 };
const FD_RUNS = { numRuns: 15 };
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const REDUCTIONS = ['mean', 'sum', 'none'] as const;

/** Multi-label logits (n × c) with 0/1 targets of the same shape. */
const multiLabel = (n = 4, c = 5, lo = -4, hi = 4): fc.Arbitrary<{ input: number[][]; target: number[][] }> =>
  fc.record({ input: matrix(n, c, lo, hi), target: fc.array(fc.array(fc.constantFrom(0, 1), { minLength: c, maxLength: c }), { minLength: n, maxLength: n }) });

describe('noisy-label and asymmetric losses', () => {
  describe('error messages name the input and what was found', () => {
    it('asymmetric-loss: target shape, target outside [0, 1], non-finite logits', () => {
      throwsNaming(() => computeLoss('asymmetric-loss', { input: [[1, 2, 3]], target: [[0, 1]] }), 'target', /\(1, 3\)/, /\(1, 2\)/);
      throwsNaming(() => computeLoss('asymmetric-loss', { input: [[1, 2]], target: [[0, 1.5]] }), 'target', /\[0, 1\]/, /1\.5/, /\[0, 1\]/);
      throwsNaming(() => computeLoss('asymmetric-loss', { input: [[1, Infinity]], target: [[0, 1]] }), 'input', /finite/, /Infinity/);
      throwsNaming(() => computeLoss('asymmetric-loss', { input: [[1, NaN]], target: [[0, 1]] }), 'input', /NaN/);
    });
    it('asymmetric-loss: parameters out of range or of the wrong type', () => {
      const io = { input: [[0.5, -1]], target: [[1, 0]] };
      throwsNaming(() => computeLoss('asymmetric-loss', io, { gamma_neg: -1 }), 'gamma_neg', /-1/);
      throwsNaming(() => computeLoss('asymmetric-loss', io, { gamma_pos: -0.5 }), 'gamma_pos', /-0\.5/);
      throwsNaming(() => computeLoss('asymmetric-loss', io, { clip: 2 }), 'clip', /\[0, 1\]/, /2/);
      throwsNaming(() => computeLoss('asymmetric-loss', io, { eps: 0 }), 'eps', /\(0, 1\]/, /found 0/);
      throwsNaming(() => computeLoss('asymmetric-loss', io, { disable_torch_grad_focal_loss: 1 }), 'disable_torch_grad_focal_loss', /true or false/);
      throwsNaming(() => computeLoss('asymmetric-loss', io, { reduction: 'mean' }), 'reduction', /unknown parameter/, /gamma_neg/);
    });
    it('symmetric-cross-entropy: class index out of range, target shape, A, alpha', () => {
      throwsNaming(() => computeLoss('symmetric-cross-entropy', { input: [[1, 2, 3], [0, 0, 0]], target: [0, 3] }), 'target', /class index 3/, /\[1\]/, /\[0, 3\)/);
      throwsNaming(() => computeLoss('symmetric-cross-entropy', { input: [[1, 2, 3], [0, 0, 0]], target: [[0, 1, 2]] }), 'target', /\(2,\)/, /\(1, 3\)/);
      throwsNaming(() => computeLoss('symmetric-cross-entropy', { input: [[1, 2]], target: [0] }, { A: 0 }), 'A', /negative/, /found 0/);
      throwsNaming(() => computeLoss('symmetric-cross-entropy', { input: [[1, 2]], target: [0] }, { A: -Infinity }), 'A', /-Infinity/);
      throwsNaming(() => computeLoss('symmetric-cross-entropy', { input: [[1, 2]], target: [0] }, { alpha: -1 }), 'alpha', /-1/);
      throwsNaming(() => computeLoss('symmetric-cross-entropy', { input: [[1, -Infinity]], target: [0] }), 'input', /-Infinity/);
    });
    it('generalized-cross-entropy: q outside (0, 1], non-integer target, input rank', () => {
      throwsNaming(() => computeLoss('generalized-cross-entropy', { input: [[1, 2]], target: [0] }, { q: 0 }), 'q', /\(0, 1\]/, /found 0/);
      throwsNaming(() => computeLoss('generalized-cross-entropy', { input: [[1, 2]], target: [0] }, { q: 1.5 }), 'q', /1\.5/);
      throwsNaming(() => computeLoss('generalized-cross-entropy', { input: [[1, 2]], target: [0.5] }), 'target', /integer/, /0\.5/);
      throwsNaming(() => computeLoss('generalized-cross-entropy', { input: [[[[1]]]], target: [[[0]]] }), 'input', /\(C\), \(N, C\) or \(N, C, d1\)/);
      throwsNaming(() => computeLoss('generalized-cross-entropy', { input: [[1, 2]], target: [0] }, { reduction: 'batchmean' }), 'reduction', /batchmean/);
    });
  });

  describe('the references', () => {
    it('asymmetric-loss returns a sum (the reference\'s -loss.sum()), one element per logit', () => {
      const r = computeLoss('asymmetric-loss', { input: [[0.3, -1.2, 2.0], [1.0, 0.0, -0.5]], target: [[1, 0, 0], [0, 1, 1]] });
      assert.equal(typeof r.value, 'number');
      assert.deepEqual(r.elements.shape, [2, 3]);
      assert.ok(close(r.value as number, [...r.elements.data].reduce((a, b) => a + b, 0)));
      assert.ok(close([...r.contributions.data].reduce((a, b) => a + b, 0), r.value as number));
    });
    it('asymmetric-loss with gamma 0/0 and clip 0 is BCE with logits, summed (away from the eps clamp)', () => {
      fc.assert(
        fc.property(multiLabel(3, 4, -15, 15), ({ input, target }) =>
          close(value('asymmetric-loss', { input, target }, { gamma_neg: 0, gamma_pos: 0, clip: 0 }), value('bce-with-logits', { input, target }, { reduction: 'sum' }), 1e-8),
        ),
        RUNS,
      );
    });
    it('asymmetric-loss: negatives with p below clip cost nothing and get no gradient; the default gradient is w times the unfocused one', () => {
      const r = computeLoss('asymmetric-loss', { input: [-5, -4], target: [0, 0] });
      assert.ok([...r.elements.data].every((v) => v === 0), String([...r.elements.data]));
      assert.deepEqual([...r.grad.data].map(Math.abs), [0, 0]);
      fc.assert(
        fc.property(multiLabel(2, 4), fc.double({ min: 0, max: 0.3, noNaN: true }), ({ input, target }, clip) => {
          const g = computeLoss('asymmetric-loss', { input, target }, { clip }).grad.data;
          const g0 = computeLoss('asymmetric-loss', { input, target }, { clip, gamma_neg: 0, gamma_pos: 0 }).grad.data;
          const x = input.flat();
          const y = target.flat();
          return x.every((xi, i) => {
            const p = sigmoid(xi);
            const w = y[i] === 1 ? Math.pow(1 - p, 1) : Math.pow(Math.max(p - clip, 0), 4);
            return Math.abs(g[i] - w * g0[i]) <= 1e-12 + 1e-9 * Math.abs(g[i]);
          });
        }),
        RUNS,
      );
    });
    it('symmetric-cross-entropy: alpha 1 beta 0 is cross-entropy; RCE is −A(1 − p_y) when no probability is floored', () => {
      fc.assert(
        fc.property(logitsAndIndices(), fc.double({ min: -10, max: -0.5, noNaN: true }), ({ input, target }, A) => {
          const ce = value('cross-entropy', { input, target });
          const p = normalizeRows(input);
          const rce = target.reduce((s, y, i) => s - A * (1 - p[i][y]), 0) / target.length;
          return (
            close(value('symmetric-cross-entropy', { input, target }, { alpha: 1, beta: 0 }), ce) &&
            close(value('symmetric-cross-entropy', { input, target }, { alpha: 0, beta: 1, A }), rce, 1e-8)
          );
        }),
        RUNS,
      );
    });
    it('generalized-cross-entropy: q = 1 is 1 − p_y; small q approaches cross-entropy', () => {
      fc.assert(
        fc.property(logitsAndIndices(), ({ input, target }) => {
          const p = normalizeRows(input);
          const mae = target.reduce((s, y, i) => s + 1 - p[i][y], 0) / target.length;
          const ce = value('cross-entropy', { input, target });
          return close(value('generalized-cross-entropy', { input, target }, { q: 1 }), mae, 1e-12) &&
            Math.abs(value('generalized-cross-entropy', { input, target }, { q: 1e-7 }) - ce) <= 1e-5 * Math.max(1, ce * ce);
        }),
        RUNS,
      );
    });
    it('extreme logits (|x| = 1e4) give finite values and gradients; GCE of a hopeless sample is 1/q', () => {
      const x = [[1e4, -1e4, 0], [-1e4, 1e4, -1e4]];
      for (const id of ['symmetric-cross-entropy', 'generalized-cross-entropy']) {
        for (const reduction of REDUCTIONS) {
          const r = computeLoss(id, { input: x, target: [0, 0] }, { reduction });
          assert.ok([...r.elements.data, ...r.grad.data].every(Number.isFinite), `${id} ${reduction}`);
        }
      }
      assert.deepEqual(computeLoss('generalized-cross-entropy', { input: x, target: [0, 0] }, { reduction: 'none', q: 0.5 }).value, [0, 2]);
      const a = computeLoss('asymmetric-loss', { input: [1e4, -1e4, 1e4, -1e4], target: [1, 1, 0, 0] }, { disable_torch_grad_focal_loss: false });
      assert.ok([...a.elements.data, ...a.grad.data].every(Number.isFinite));
      assert.ok(close(a.elements.data[1], -Math.log(1e-8)), 'a confidently wrong positive is capped at −log eps');
      assert.ok(close(a.elements.data[2], -Math.pow(0.95, 4) * Math.log(0.05)), 'a confidently wrong negative: p_m = 1 − clip');
    });
  });

  describe('properties', () => {
    it('non-negative, element by element', () => {
      fc.assert(
        fc.property(
          logitsAndIndices(),
          multiLabel(3, 4, -20, 20),
          fc.double({ min: 0.01, max: 1, noNaN: true }),
          fc.double({ min: -10, max: -0.1, noNaN: true }),
          ({ input, target }, ml, q, A) => {
            const nonNeg = (id: string, inputs: Record<string, number[] | number[][]>, params = {}): boolean =>
              [...computeLoss(id, inputs, params).elements.data].every((v) => v >= 0);
            const soft = ml.target.map((r, i) => r.map((v, k) => (v + ((i + k) % 3) / 3) / 2));
            return (
              nonNeg('generalized-cross-entropy', { input, target }, { q }) &&
              nonNeg('symmetric-cross-entropy', { input, target }, { A, alpha: 0.5, beta: 2 }) &&
              nonNeg('asymmetric-loss', ml) &&
              nonNeg('asymmetric-loss', { input: ml.input, target: soft }, { clip: 0, gamma_neg: 2 })
            );
          },
        ),
        RUNS,
      );
    });
    it('zero at a perfect prediction: ASL exactly, GCE exactly, SCE down to the 1e-7 probability floor', () => {
      const input = [[60, -60, -60], [-60, 60, -60]];
      assert.equal(value('asymmetric-loss', { input, target: [[1, 0, 0], [0, 1, 0]] }), 0);
      assert.equal(value('generalized-cross-entropy', { input, target: [0, 1] }), 0);
      // the reference floors the wrong classes' probabilities at 1e-7: RCE = −A·(C − 1)·1e-7
      const rce = value('symmetric-cross-entropy', { input, target: [0, 1] }, { alpha: 0, beta: 1 });
      assert.ok(Math.abs(rce / (4 * 2 * 1e-7) - 1) < 1e-9, `RCE ${rce}`);
    });
    it('mean == sum / n', () => {
      fc.assert(
        fc.property(logitsAndIndices(8, 5), ({ input, target }) => {
          const n = target.length;
          return ['symmetric-cross-entropy', 'generalized-cross-entropy'].every((id) =>
            close(value(id, { input, target }), value(id, { input, target }, { reduction: 'sum' }) / n) &&
            close(total(computeLoss(id, { input, target }, { reduction: 'none' }).value), value(id, { input, target }, { reduction: 'sum' })),
          );
        }),
        RUNS,
      );
    });
    it('batch permutation invariance', () => {
      fc.assert(
        fc.property(
          logitsAndIndices(6, 4).chain((d) => fc.tuple(fc.constant(d), permutation(d.target.length), multiLabel(d.target.length, 3))),
          ([{ input, target }, perm, ml]) => {
            const pi = perm.map((i) => input[i]);
            const pt = perm.map((i) => target[i]);
            const same = (id: string, params = {}): boolean => close(value(id, { input, target }, params), value(id, { input: pi, target: pt }, params));
            return (
              same('symmetric-cross-entropy', { alpha: 2, beta: 0.5 }) &&
              same('generalized-cross-entropy', { q: 0.3 }) &&
              close(
                value('asymmetric-loss', ml),
                value('asymmetric-loss', { input: perm.map((i) => ml.input[i]), target: perm.map((i) => ml.target[i]) }),
              )
            );
          },
        ),
        RUNS,
      );
    });
  });

  describe('gradient == central finite differences', () => {
    it('asymmetric-loss with the gradient through the focusing weight (binary and soft targets, any gammas >= 1)', () => {
      fc.assert(
        fc.property(
          multiLabel(2, 4),
          matrix(2, 4, 0, 1),
          fc.double({ min: 1, max: 5, noNaN: true }),
          fc.double({ min: 1, max: 3, noNaN: true }),
          fc.double({ min: 0, max: 0.3, noNaN: true }),
          ({ input, target }, soft, gamma_neg, gamma_pos, clip) => {
            const params = { gamma_neg, gamma_pos, clip, disable_torch_grad_focal_loss: false };
            checkGradient('asymmetric-loss', { input, target }, params, 'input');
            checkGradient('asymmetric-loss', { input, target: soft }, params, 'input');
          },
        ),
        FD_RUNS,
      );
    });
    it('asymmetric-loss without focusing: the detached and the full gradient agree with finite differences', () => {
      fc.assert(
        fc.property(multiLabel(2, 4), fc.boolean(), ({ input, target }, detach) => {
          checkGradient('asymmetric-loss', { input, target }, { gamma_neg: 0, gamma_pos: 0, disable_torch_grad_focal_loss: detach }, 'input');
        }),
        FD_RUNS,
      );
    });
    it('symmetric-cross-entropy and generalized-cross-entropy, every reduction, random alpha, beta, A and q', () => {
      fc.assert(
        fc.property(
          logitsAndIndices(4, 4),
          fc.constantFrom(...REDUCTIONS),
          fc.double({ min: 0, max: 5, noNaN: true }),
          fc.double({ min: 0, max: 5, noNaN: true }),
          fc.double({ min: -10, max: -0.5, noNaN: true }),
          fc.double({ min: 0.05, max: 1, noNaN: true }),
          ({ input, target }, reduction, alpha, beta, A, q) => {
            checkGradient('symmetric-cross-entropy', { input, target }, { reduction, alpha, beta, A }, 'input');
            checkGradient('generalized-cross-entropy', { input, target }, { reduction, q }, 'input');
          },
        ),
        FD_RUNS,
      );
    });
    it('(N, C, d1) and (C) layouts', () => {
      const input = [[[0.1, 2], [1, -1], [0.3, 0.4]], [[2, 1], [0, 0], [-1, 3]]];
      const target = [[0, 2], [1, 0]];
      checkGradient('symmetric-cross-entropy', { input, target }, { alpha: 0.7, beta: 1.3 }, 'input');
      checkGradient('generalized-cross-entropy', { input, target }, { q: 0.6 }, 'input');
      checkGradient('symmetric-cross-entropy', { input: [0.5, -1, 2], target: 1 }, { reduction: 'sum' }, 'input');
      checkGradient('generalized-cross-entropy', { input: [0.5, -1, 2], target: 2 }, {}, 'input');
      checkGradient('asymmetric-loss', { input: [[[0.5, -1], [2, 0.1]]], target: [[[1, 0], [0, 1]]] }, { disable_torch_grad_focal_loss: false }, 'input');
    });
  });
});
