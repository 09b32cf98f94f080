/**
 * Classification losses: error messages, identities between entries, and properties
 * (non-negativity, zero at a perfect prediction, mean == sum / n as torch defines it,
 * gradients against finite differences, batch permutation invariance, typed input).
 * Values against real PyTorch are in test/fixtures/classification.json (golden.test.ts).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss, toNested, type Tensor } from '../../../src/losses';
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
  vector,
} from '../support/loss-checks';

const RUNS = { numRuns: 60 };
const logSoftmax = (m: number[][]): number[][] => normalizeRows(m).map((r) => r.map(Math.log));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

describe('classification losses', () => {
  describe('error messages name the input and what was found', () => {
    it('class index out of range names target, the index and where it is', () => {
      throwsNaming(() => computeLoss('cross-entropy', { input: [[1, 2, 3], [0, 0, 0]], target: [0, 3] }), 'target', /class index 3/, /\[1\]/, /\[0, 3\)/);
      throwsNaming(() => computeLoss('nll-loss', { input: [[-1, -2]], target: [-1] }), 'target', /class index -1/);
      throwsNaming(() => computeLoss('multi-margin-loss', { input: [[1, 2]], target: [2] }), 'target', /class index 2/);
      throwsNaming(() => computeLoss('focal-loss', { input: [[1, 2]], target: [5] }), 'target', /class index 5/);
    });
    it('non-integer class index', () => {
      throwsNaming(() => computeLoss('cross-entropy', { input: [[1, 2]], target: [0.5] }), 'target', /integer/, /0\.5/);
    });
    it('probability outside [0, 1] names input and the value', () => {
      throwsNaming(() => computeLoss('binary-cross-entropy', { input: [0.2, 1.5], target: [0, 1] }), 'input', /\[0, 1\]/, /1\.5/, /\[1\]/);
      throwsNaming(() => computeLoss('balanced-cross-entropy', { input: [-0.1], target: [0] }), 'input', /-0\.1/);
    });
    it('target shape that fits neither indices nor probabilities', () => {
      throwsNaming(() => computeLoss('cross-entropy', { input: [[1, 2, 3], [1, 2, 3]], target: [0, 1, 2] }), 'target', /\(2,\)/, /\(3,\)/, /\(2, 3\)/);
      throwsNaming(() => computeLoss('cross-entropy', { input: [[[1, 2], [3, 4]]], target: [0, 1] }), 'target', /\(1, 2\)/);
    });
    it('shape mismatch for same-shape losses', () => {
      throwsNaming(() => computeLoss('binary-cross-entropy', { input: [0.5, 0.5], target: [1, 0, 1] }), 'target', /\(2,\)/, /\(3,\)/);
      throwsNaming(() => computeLoss('bce-with-logits', { input: [[1, 2]], target: [1, 0] }), 'target', /\(1, 2\)/);
      throwsNaming(() => computeLoss('multilabel-margin-loss', { input: [[1, 2]], target: [[0, -1, 1]] }), 'target');
    });
    it('input rank outside (C), (N, C), (N, C, d1)', () => {
      throwsNaming(() => computeLoss('cross-entropy', { input: 1.5, target: 0 }), 'input', /\(C\), \(N, C\) or \(N, C, d1\)/);
      throwsNaming(() => computeLoss('cross-entropy', { input: [[[[1]]]], target: [[[0]]] }), 'input', /\(1, 1, 1, 1\)/);
    });
    it('weight of the wrong size', () => {
      throwsNaming(() => computeLoss('cross-entropy', { input: [[1, 2, 3]], target: [0] }, { weight: [1, 2] }), 'weight', /\(3,\)/, /\(2,\)/);
      throwsNaming(() => computeLoss('bce-with-logits', { input: [[1, 2, 3]], target: [[0, 1, 0]] }, { pos_weight: [1, 2] }), 'pos_weight');
    });
    it('parameters out of range', () => {
      throwsNaming(() => computeLoss('cross-entropy', { input: [[1, 2]], target: [0] }, { label_smoothing: 1.5 }), 'label_smoothing', /1\.5/);
      throwsNaming(() => computeLoss('multi-margin-loss', { input: [[1, 2]], target: [0] }, { p: 3 }), 'p', /1 or 2/, /3/);
      throwsNaming(() => computeLoss('focal-loss', { input: [[1, 2]], target: [0] }, { gamma: -1 }), 'gamma');
      throwsNaming(() => computeLoss('cross-entropy', { input: [[1, 2]], target: [0] }, { reduction: 'batchmean' }), 'reduction', /batchmean/);
    });
    it('ignore_index >= 0 with probability targets, as torch refuses it', () => {
      throwsNaming(() => computeLoss('cross-entropy', { input: [[1, 2]], target: [[0.5, 0.5]] }, { ignore_index: 1 }), 'ignore_index');
    });
    it('multilabel-margin target below -1, logistic labels other than ±1', () => {
      throwsNaming(() => computeLoss('multilabel-margin-loss', { input: [[1, 2, 3]], target: [[0, -2, -1]] }, {}), 'target', /-2/);
      throwsNaming(() => computeLoss('logistic-loss', { input: [1, 2, 3], target: [1, 0, -1] }), 'target', /−1 or \+1/, /found 0/);
    });
    it('NaN in an input or a weight is an error naming it and where it is, never a silent NaN', () => {
      throwsNaming(() => computeLoss('cross-entropy', { input: [[1, NaN]], target: [0] }), 'input', /NaN/, /\[0, 1\]/);
      throwsNaming(() => computeLoss('bce-with-logits', { input: [1, 2], target: [NaN, 1] }), 'target', /NaN/);
      throwsNaming(() => computeLoss('cross-entropy', { input: [[1, 2]], target: [0] }, { weight: [1, NaN] }), 'weight', /NaN/);
      throwsNaming(() => computeLoss('cross-entropy', { input: [[1, 2]], target: [NaN] }), 'target', /NaN/);
    });
    it('a -inf logit masks its class, as in torch', () => {
      const r = computeLoss('cross-entropy', { input: [[0, -Infinity, 0]], target: [0] });
      assert.ok(close(r.value as number, Math.log(2)));
      assert.deepEqual([...r.grad.data], [-0.5, 0, 0.5]);
    });
    it('softmax-loss is a reference entry without numbers', () => {
      assert.throws(() => computeLoss('softmax-loss', { input: [[1, 2]], target: [0] }), /reference entry/);
    });
  });

  describe('torch semantics', () => {
    it('empty (0, C) batch: sum 0, none [], mean NaN, as torch', () => {
      const input = { shape: [0, 3], data: new Float64Array(0) };
      const target = { shape: [0], data: new Float64Array(0) };
      assert.equal(computeLoss('cross-entropy', { input, target }, { reduction: 'sum' }).value, 0);
      assert.deepEqual(computeLoss('cross-entropy', { input, target }, { reduction: 'none' }).value, []);
      assert.ok(Number.isNaN(computeLoss('cross-entropy', { input, target }).value as number));
      assert.ok(Number.isNaN(computeLoss('cross-entropy', { input, target: { shape: [0, 3], data: new Float64Array(0) } }).value as number));
    });
    it('every target ignored: NaN mean with a zero gradient', () => {
      const r = computeLoss('cross-entropy', { input: [[1, 2], [3, 4]], target: [-100, -100] }, { label_smoothing: 0.1 });
      assert.ok(Number.isNaN(r.value as number));
      assert.deepEqual([...r.grad.data], [0, 0, 0, 0]);
    });
    it('(C) input with a scalar target returns a number for every reduction', () => {
      for (const reduction of ['mean', 'sum', 'none']) {
        const v = computeLoss('cross-entropy', { input: [1, 2, 3], target: 2 }, { reduction }).value;
        assert.equal(typeof v, 'number');
        assert.ok(close(v as number, Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3));
      }
    });
    it('extreme logits stay finite and exact', () => {
      const r = computeLoss('cross-entropy', { input: [[1e4, -1e4, 0], [-1e4, 1e4, 0]], target: [0, 0] }, { reduction: 'none' });
      assert.deepEqual(r.value, [0, 2e4]);
      const b = computeLoss('bce-with-logits', { input: [1e4, -1e4, 1e4], target: [1, 0, 0] }, { reduction: 'none' });
      assert.deepEqual(b.value, [0, 0, 1e4]);
      assert.ok([...b.grad.data].every(Number.isFinite));
      assert.deepEqual(computeLoss('soft-margin-loss', { input: [-1e4], target: [1] }, { reduction: 'sum' }).value, 1e4);
    });
    it('typed input gives the same result as nested arrays', () => {
      const nested = [[0.5, -1, 2], [3, 0, -2]];
      const typed = { shape: [2, 3], data: Float64Array.from(nested.flat()) };
      const a = computeLoss('cross-entropy', { input: nested, target: [2, 0] }, { label_smoothing: 0.2 });
      const b = computeLoss('cross-entropy', { input: typed, target: { shape: [2], data: Float64Array.of(2, 0) } }, { label_smoothing: 0.2 });
      assert.equal(a.value, b.value);
      assert.deepEqual(toNested(a.grad), toNested(b.grad));
    });
  });

  describe('identities between entries', () => {
    it('cross_entropy(x, y) == nll_loss(log_softmax(x), y), for weight and ignore_index too', () => {
      fc.assert(
        fc.property(logitsAndIndices(), fc.boolean(), ({ input, target, c }, weighted) => {
          const t = target.map((y, i) => (i === 0 && target.length > 1 ? -100 : y));
          const params = weighted ? { weight: Array.from({ length: c }, (_, i) => 0.5 + i) } : {};
          return close(value('cross-entropy', { input, target: t }, params), value('nll-loss', { input: logSoftmax(input), target: t }, params));
        }),
        RUNS,
      );
    });
    it('one-hot probability targets == class indices; label smoothing == smoothed probabilities', () => {
      fc.assert(
        fc.property(logitsAndIndices(), fc.double({ min: 0, max: 1, noNaN: true }), ({ input, target, c }, eps) => {
          const oneHot = target.map((y) => Array.from({ length: c }, (_, k) => (k === y ? 1 : 0)));
          const smooth = oneHot.map((r) => r.map((v) => v * (1 - eps) + eps / c));
          const a = value('cross-entropy', { input, target }, { label_smoothing: eps });
          return close(a, value('cross-entropy', { input, target: oneHot }, { label_smoothing: eps })) && close(a, value('cross-entropy', { input, target: smooth }));
        }),
        RUNS,
      );
    });
    it('focal with gamma 0, alpha 1 is cross-entropy; poly with epsilon 0 is cross-entropy', () => {
      fc.assert(
        fc.property(logitsAndIndices(), ({ input, target, c }) => {
          const ce = value('cross-entropy', { input, target });
          const oneHot = target.map((y) => Array.from({ length: c }, (_, k) => (k === y ? 1 : 0)));
          const poly = total(computeLoss('poly-loss', { logits: input, labels: oneHot }, { epsilon: 0 }).value) / target.length;
          return close(ce, value('focal-loss', { input, target }, { gamma: 0, alpha: 1 })) && close(ce, poly);
        }),
        RUNS,
      );
    });
    it('soft-margin == logistic == bce-with-logits on (y + 1) / 2', () => {
      fc.assert(
        fc.property(vector(6, -30, 30), fc.array(fc.constantFrom(-1, 1), { minLength: 6, maxLength: 6 }), (x, y) => {
          const a = value('soft-margin-loss', { input: x, target: y });
          const b = value('logistic-loss', { input: x, target: y });
          const c = value('bce-with-logits', { input: x, target: y.map((v) => (v + 1) / 2) });
          return close(a, b) && close(a, c, 1e-12);
        }),
        RUNS,
      );
    });
    it('balanced BCE with alpha 0.5 is half of BCE; multilabel soft margin mean == BCE-with-logits mean', () => {
      fc.assert(
        fc.property(matrix(3, 4, 0, 1), matrix(3, 4, 0, 1), matrix(3, 4), (p, y, x) => {
          const half = value('balanced-cross-entropy', { input: p, target: y }, { alpha: 0.5 });
          return close(half, 0.5 * value('binary-cross-entropy', { input: p, target: y })) &&
            close(value('multilabel-soft-margin-loss', { input: x, target: y }), value('bce-with-logits', { input: x, target: y }));
        }),
        RUNS,
      );
    });
  });

  describe('properties', () => {
    it('non-negative: cross-entropy, focal, margin losses, BCE, BCE with logits', () => {
      fc.assert(
        fc.property(logitsAndIndices(), fc.double({ min: 0, max: 1, noNaN: true }), ({ input, target }, eps) => {
          const elems = (id: string, params = {}): boolean =>
            [...computeLoss(id, { input, target }, params).elements.data].every((v) => v >= 0);
          const probs = normalizeRows(input);
          const bin = probs.map((r) => r.map((v) => (v > 0.3 ? 1 : 0)));
          return (
            elems('cross-entropy', { label_smoothing: eps }) &&
            elems('focal-loss') &&
            elems('multi-margin-loss', { p: 2 }) &&
            value('binary-cross-entropy', { input: probs, target: bin }) >= 0 &&
            value('bce-with-logits', { input, target: probs }, { pos_weight: [2] }) >= 0 &&
            value('multilabel-soft-margin-loss', { input, target: bin }) >= 0
          );
        }),
        RUNS,
      );
    });
    it('zero at a perfect prediction: BCE on exact labels, margin losses with the margin satisfied', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(0, 1), { minLength: 1, maxLength: 8 }), (y) => {
          return value('binary-cross-entropy', { input: y, target: y }) === 0 && value('balanced-cross-entropy', { input: y, target: y }) === 0;
        }),
        RUNS,
      );
      fc.assert(
        fc.property(logitsAndIndices(), ({ input, target }) => {
          const good = input.map((r, i) => r.map((v, k) => (k === target[i] ? 10 : Math.min(v, 1))));
          const labels = target.map((y, i) => input[i].map((_, k) => (k === 0 ? y : -1)));
          return (
            value('multi-margin-loss', { input: good, target }) === 0 &&
            value('multilabel-margin-loss', { input: good, target: labels }) === 0
          );
        }),
        RUNS,
      );
    });
    it("mean == sum / n, with torch's weighted denominator", () => {
      fc.assert(
        fc.property(logitsAndIndices(8, 4), fc.double({ min: 0, max: 1, noNaN: true }), ({ input, target, c }, eps) => {
          const t = target.map((y, i) => (i % 3 === 1 ? -100 : y));
          const weight = Array.from({ length: c }, (_, i) => 0.25 + i);
          const kept = t.filter((y) => y !== -100);
          if (kept.length === 0) return true;
          const sum = value('cross-entropy', { input, target: t }, { reduction: 'sum', weight, label_smoothing: eps });
          const mean = value('cross-entropy', { input, target: t }, { weight, label_smoothing: eps });
          const wsum = kept.reduce((a, y) => a + weight[y], 0);
          const sumU = value('cross-entropy', { input, target: t }, { reduction: 'sum', label_smoothing: eps });
          const meanU = value('cross-entropy', { input, target: t }, { label_smoothing: eps });
          return close(mean, sum / wsum) && close(meanU, sumU / kept.length);
        }),
        RUNS,
      );
      fc.assert(
        fc.property(matrix(3, 5), matrix(3, 5, 0, 1), (x, y) => {
          const n = 15;
          return (
            close(value('bce-with-logits', { input: x, target: y }), value('bce-with-logits', { input: x, target: y }, { reduction: 'sum' }) / n) &&
            close(value('multilabel-soft-margin-loss', { input: x, target: y }), value('multilabel-soft-margin-loss', { input: x, target: y }, { reduction: 'sum' }) / 3)
          );
        }),
        RUNS,
      );
    });
    it('contributions sum to the value', () => {
      fc.assert(
        fc.property(logitsAndIndices(), ({ input, target, c }) => {
          const r = computeLoss('cross-entropy', { input, target }, { weight: Array.from({ length: c }, (_, i) => i + 1), label_smoothing: 0.1 });
          return close([...r.contributions.data].reduce((a, b) => a + b, 0), r.value as number);
        }),
        RUNS,
      );
    });
    it('batch permutation invariance', () => {
      fc.assert(
        fc.property(
          logitsAndIndices(6, 4).chain((d) => fc.tuple(fc.constant(d), permutation(d.target.length))),
          ([{ input, target, c }, perm]) => {
            const pi = perm.map((i) => input[i]);
            const pt = perm.map((i) => target[i]);
            const same = (id: string, params: Record<string, unknown> = {}): boolean =>
              close(value(id, { input, target }, params), value(id, { input: pi, target: pt }, params));
            const probs = normalizeRows(input);
            return (
              same('cross-entropy', { weight: Array.from({ length: c }, (_, i) => i + 1), label_smoothing: 0.2 }) &&
              same('focal-loss') &&
              same('multi-margin-loss') &&
              close(value('bce-with-logits', { input, target: probs }), value('bce-with-logits', { input: pi, target: perm.map((i) => probs[i]) }))
            );
          },
        ),
        RUNS,
      );
    });
  });

  describe('gradient == central finite differences', () => {
    const fcRuns = { numRuns: 12 };
    it('cross-entropy: indices with weight, ignore_index and smoothing, probabilities, (N, C, d1), every reduction', () => {
      fc.assert(
        fc.property(logitsAndIndices(4, 4), fc.constantFrom('mean', 'sum', 'none'), ({ input, target, c }, reduction) => {
          const t = target.map((y, i) => (i === 1 ? -100 : y));
          checkGradient('cross-entropy', { input, target: t }, { reduction, weight: Array.from({ length: c }, (_, i) => 1 + i / 2), label_smoothing: 0.3 }, 'input');
          checkGradient('cross-entropy', { input, target: normalizeRows(input.map((r) => r.map((v) => -v))) }, { reduction, label_smoothing: 0.1, weight: Array.from({ length: c }, (_, i) => 2 - i / 4) }, 'input');
          checkGradient('nll-loss', { input, target: t }, { reduction, weight: Array.from({ length: c }, (_, i) => 1 + i) }, 'input');
          checkGradient('focal-loss', { input, target }, { reduction, gamma: 1.5 }, 'input');
          checkGradient('multi-margin-loss', { input, target }, { reduction, p: 2, margin: 0.7 }, 'input');
        }),
        fcRuns,
      );
      checkGradient('cross-entropy', { input: [[[0.1, 2], [1, -1], [0.3, 0.4]], [[2, 1], [0, 0], [-1, 3]]], target: [[0, 2], [1, -100]] }, { label_smoothing: 0.2 }, 'input');
    });
    it('poly-loss (one value per example)', () => {
      fc.assert(
        fc.property(matrix(3, 4), matrix(3, 4), fc.double({ min: -1, max: 5, noNaN: true }), (x, l, epsilon) => {
          checkGradient('poly-loss', { logits: x, labels: normalizeRows(l) }, { epsilon }, 'logits');
        }),
        fcRuns,
      );
    });
    it('binary losses: BCE (weight), balanced, with logits (weight, pos_weight), soft margin, logistic, multilabel', () => {
      fc.assert(
        fc.property(matrix(2, 3, 0.05, 0.95), matrix(2, 3, 0, 1), matrix(2, 3), fc.constantFrom('mean', 'sum', 'none'), (p, y, x, reduction) => {
          checkGradient('binary-cross-entropy', { input: p, target: y }, { reduction, weight: [1, 0.5, 2] }, 'input', 1e-7);
          checkGradient('balanced-cross-entropy', { input: p, target: y }, { reduction, alpha: 0.3 }, 'input', 1e-7);
          checkGradient('bce-with-logits', { input: x, target: y }, { reduction, weight: [[2], [0.5]], pos_weight: [3, 1, 0.2] }, 'input');
          const pm = y.map((r) => r.map((v) => (v > 0.5 ? 1 : -1)));
          checkGradient('soft-margin-loss', { input: x, target: pm }, { reduction }, 'input');
          checkGradient('logistic-loss', { input: x, target: pm }, { reduction }, 'input');
          checkGradient('multilabel-soft-margin-loss', { input: x, target: y }, { reduction, weight: [1, 2, 3] }, 'input');
        }),
        fcRuns,
      );
    });
    it('multilabel margin (away from the kinks)', () => {
      checkGradient('multilabel-margin-loss', { input: [[0.1, 0.25, 0.43, 0.8], [1.5, -0.3, 0.2, 0.05]], target: [[3, 0, -1, 1], [1, -1, 0, 0]] }, {}, 'input');
    });
  });

  it('sigmoid helper agrees with bce-with-logits gradient at 0 (sanity)', () => {
    const r = computeLoss('bce-with-logits', { input: [0] as Tensor, target: [1] }, { reduction: 'sum' });
    assert.ok(close(r.grad.data[0], sigmoid(0) - 1));
  });
});
