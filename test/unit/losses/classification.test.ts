/**
 * Classification losses: error messages, identities between entries, and properties
 * (non-negativity, zero at a perfect prediction, mean == sum / n as torch defines it,
 * gradients against finite differences, batch permutation invariance, typed input).
 * Values against real PyTorch are in test/fixtures/classification.json (golden.test.ts).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss, toNested, type Tensor } from '../../../src/losses';
import { expNeg, log1pUnit } from '../../../src/losses/softmax';
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

/**
 * The one-pass kernels of bce-with-logits and cross-entropy (issue 7) against scalar references:
 * the plain formulas, element by element, reduced in index order (Object.is: −0 and NaN count),
 * on random and extreme data; NaN found by the kernels' own pass; empty batches.
 */
describe('classification fast paths', () => {
  type Red = 'mean' | 'sum' | 'none';
  const bits = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));
  function sameBits(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
    assert.equal(actual.length, expected.length, `${what}: length`);
    for (let i = 0; i < expected.length; i++) assert.ok(Object.is(actual[i], expected[i]), `${what}[${i}]: ${bits(actual[i])} vs ${bits(expected[i])}`);
  }
  const typed = (shape: number[], data: number[]) => ({ shape, data: Float64Array.from(data) });
  const NAN = (name: string, at: string) => `${name}: expected numbers (finite or ±inf), found NaN at ${at}`;
  const extreme = fc.oneof(
    { weight: 4, arbitrary: fc.double({ min: -8, max: 8, noNaN: true }) },
    { weight: 2, arbitrary: fc.constantFrom(0, -0, 1e4, -1e4, 745, -745, 800, -800, 5e-324, -1e-300, 37, -37, Math.LN2 / 2, -Math.LN2 / 2, Infinity, -Infinity) },
    { weight: 1, arbitrary: fc.double({ min: -1e4, max: 1e4, noNaN: true }) },
  );

  /**
   * bce_with_logits, one element at a time, with a branch on the sign of x; `exp`/`log1p` are the
   * kernel's (softmax.ts' expNeg/log1pUnit, checked against Math's below) or Math's.
   */
  function bceReference(x: number[], y: number[], w: number[] | null, pw: number[] | null, reduction: Red, exp = expNeg, log1p = log1pUnit) {
    const n = x.length;
    const s = reduction === 'mean' ? 1 / n : 1;
    const elements: number[] = [];
    const grad: number[] = [];
    for (let i = 0; i < n; i++) {
      const pwi = pw ? pw[i] : 1;
      const lw = 1 + (pwi - 1) * y[i];
      const e = exp === expNeg ? expNeg(Math.abs(x[i])) : exp(-Math.abs(x[i]));
      const sp = log1p(e);
      const inv = 1 / (1 + e);
      const l = x[i] >= 0 ? (1 - y[i]) * x[i] + lw * sp : -pwi * y[i] * x[i] + lw * sp;
      const sig = x[i] >= 0 ? inv : e * inv;
      const wi = w ? w[i] : 1;
      elements.push(wi * l);
      grad.push(wi * s * (lw * sig - pwi * y[i]));
    }
    let total = 0;
    for (const v of elements) total += v;
    return { value: reduction === 'none' ? NaN : reduction === 'mean' ? total / n : total, elements, grad };
  }

  it('bce-with-logits: value, gradient and elements are the plain formula bit for bit (±0, ±inf, |x| up to 1e4, weights)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.record({
            x: fc.array(extreme, { minLength: n, maxLength: n }),
            y: fc.array(fc.oneof(fc.constantFrom(0, 1, -0, 0.5, 2, -1, Infinity), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: n, maxLength: n }),
            w: fc.option(fc.array(fc.oneof(fc.constantFrom(0, -0, 2, -1, 1e300), fc.double({ min: 0, max: 3, noNaN: true })), { minLength: n, maxLength: n })),
            pw: fc.option(fc.array(fc.oneof(fc.constantFrom(0, 3, 1e300, -2), fc.double({ min: 0, max: 5, noNaN: true })), { minLength: n, maxLength: n })),
            reduction: fc.constantFrom<Red>('mean', 'sum', 'none'),
          }),
        ),
        ({ x, y, w, pw, reduction }) => {
          const params: Record<string, unknown> = { reduction };
          if (w) params.weight = typed([w.length], w);
          if (pw) params.pos_weight = typed([pw.length], pw);
          const r = computeLoss('bce-with-logits', { input: typed([x.length], x), target: typed([y.length], y) }, params);
          const want = bceReference(x, y, w, pw, reduction);
          if (reduction !== 'none') assert.ok(Object.is(r.value, want.value), `value ${bits(r.value as number)} vs ${bits(want.value)}`);
          sameBits(r.grad.data, want.grad, 'grad');
          sameBits(r.elements.data, want.elements, 'elements');
        },
      ),
      { numRuns: 3000 },
    );
  });

  /** |a − b| in units in the last place of b. */
  const ulps = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / 2 ** (Math.floor(Math.log2(Math.abs(b))) - 52));

  it('expNeg and log1pUnit are within 2 ulp of Math.exp and Math.log1p (edges exact)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 40, noNaN: true }), fc.double({ min: 0, max: 708, noNaN: true }), fc.double({ min: 0, max: 1e-5, noNaN: true })), (a) => {
        const want = Math.exp(-a);
        assert.ok(ulps(expNeg(a), want) <= 2, `expNeg(${a}) = ${expNeg(a)}, Math.exp ${want}`);
      }),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1e-6, noNaN: true })), (e) => {
        const want = Math.log1p(e);
        if (want === 0) assert.equal(log1pUnit(e), 0);
        else assert.ok(ulps(log1pUnit(e), want) <= 2, `log1pUnit(${e}) = ${log1pUnit(e)}, Math.log1p ${want}`);
      }),
      { numRuns: 20000 },
    );
    assert.equal(expNeg(0), 1);
    assert.ok(Object.is(expNeg(-0), 1));
    for (const a of [745.2, 760, 800, 1e4, 1e300, Infinity]) assert.ok(Object.is(expNeg(a), 0), `expNeg(${a})`);
    assert.ok(Number.isNaN(expNeg(NaN)));
    assert.ok(expNeg(700) > 0 && ulps(expNeg(700), Math.exp(-700)) <= 2);
    assert.ok(Object.is(log1pUnit(0), 0));
    assert.equal(log1pUnit(1), Math.LN2);
    assert.equal(log1pUnit(5e-324), 5e-324);
    assert.equal(log1pUnit(1e-310), 1e-310);
    assert.ok(Number.isNaN(log1pUnit(NaN)));
  });

  it('bce-with-logits: within a few ulp of the formula with Math.exp/Math.log1p on moderate data', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -30, max: 30, noNaN: true }), fc.constantFrom(0, 1, 0.3)), { minLength: 1, maxLength: 20 }), (pairs) => {
        const x = pairs.map((p) => p[0]);
        const y = pairs.map((p) => p[1]);
        const r = computeLoss('bce-with-logits', { input: typed([x.length], x), target: typed([y.length], y) }, { reduction: 'none' });
        const want = bceReference(x, y, null, null, 'none', Math.exp, Math.log1p);
        for (let i = 0; i < x.length; i++) {
          // the loss is a sum of non-negative terms: a few ulp relative; the gradient σ − y may cancel: a few ulp of 1
          assert.ok(ulps(r.elements.data[i], want.elements[i]) <= 4 || Math.abs(r.elements.data[i] - want.elements[i]) <= 1e-300, `loss[${i}]`);
          assert.ok(Math.abs(r.grad.data[i] - want.grad[i]) <= 4 * 2 ** -53, `grad[${i}]: ${r.grad.data[i]} vs ${want.grad[i]}`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('bce-with-logits: broadcast weights (a row of class weights, a scalar) as torch broadcasts them', () => {
    const x = [0.5, -2, 3, -0, 1e4, -1e4];
    const y = [1, 0, 0.25, 1, 0, 1];
    const wRow = [2, 0.5, 1];
    const r = computeLoss('bce-with-logits', { input: typed([2, 3], x), target: typed([2, 3], y) }, { weight: wRow, pos_weight: 3, reduction: 'sum' });
    const want = bceReference(x, y, [...wRow, ...wRow], [3, 3, 3, 3, 3, 3], 'sum');
    assert.ok(Object.is(r.value, want.value));
    sameBits(r.grad.data, want.grad, 'grad');
    assert.ok(Number.isFinite(r.value as number));
  });

  it('bce-with-logits: a NaN anywhere is reported with its position, input before target', () => {
    assert.throws(() => computeLoss('bce-with-logits', { input: [1, 2, NaN, 4], target: [0, 1, 1, 0] }), { message: NAN('input', '[2]') });
    assert.throws(() => computeLoss('bce-with-logits', { input: [1, 2, 3, 4], target: [0, 1, 1, NaN] }), { message: NAN('target', '[3]') });
    assert.throws(() => computeLoss('bce-with-logits', { input: [1, NaN], target: [NaN, 1] }), { message: NAN('input', '[1]') });
    // NaN under a zero weight and next to infinite logits (the fallback loop) is still found
    assert.throws(() => computeLoss('bce-with-logits', { input: [Infinity, NaN], target: [0, 1] }, { weight: [1, 0] }), { message: NAN('input', '[1]') });
    assert.throws(() => computeLoss('bce-with-logits', { input: [-Infinity, 2], target: [0, NaN] }, { pos_weight: [2, 2] }), { message: NAN('target', '[1]') });
    // a NaN in an input with a shape error: the NaN comes first, as with the up-front scan
    assert.throws(() => computeLoss('bce-with-logits', { input: [NaN, 1], target: [1, 0, 1] }), { message: NAN('input', '[0]') });
  });

  it('bce-with-logits: infinite logits give torch values without NaN where torch has none', () => {
    const r = computeLoss('bce-with-logits', { input: [Infinity, -Infinity, 1e4, -1e4], target: [0, 1, 1, 0] }, { reduction: 'none' });
    assert.deepEqual(r.value, [Infinity, Infinity, 0, 0]);
    assert.deepEqual(Array.from(r.grad.data), [1, -1, 0, 0]);
  });

  it('bce-with-logits and cross-entropy: empty batches (mean NaN, sum 0, none [])', () => {
    const empty = { shape: [0], data: new Float64Array(0) };
    assert.ok(Number.isNaN(computeLoss('bce-with-logits', { input: empty, target: empty }).value as number));
    assert.equal(computeLoss('bce-with-logits', { input: empty, target: empty }, { reduction: 'sum' }).value, 0);
    assert.deepEqual(computeLoss('bce-with-logits', { input: empty, target: empty }, { reduction: 'none' }).value, []);
    const ce = { input: { shape: [0, 4], data: new Float64Array(0) }, target: empty };
    assert.ok(Number.isNaN(computeLoss('cross-entropy', ce).value as number));
    assert.equal(computeLoss('cross-entropy', ce, { reduction: 'sum' }).value, 0);
  });

  /** cross_entropy on class indices (ignore_index, no weight, no smoothing), row by row; e^(v − m) by the kernel's expNeg or by Math.exp. */
  function ceReference(x: number[], C: number, t: number[], ignore: number, reduction: Red, exp = (d: number) => expNeg(-d)) {
    const rows = t.length;
    let denom = 0;
    for (const y of t) if (y !== ignore) denom += 1;
    const s = reduction === 'mean' ? 1 / denom : 1;
    const elements = new Array<number>(rows).fill(0);
    const grad = new Array<number>(x.length).fill(0);
    let total = 0;
    for (let r = 0; r < rows; r++) {
      const y = t[r];
      if (y === ignore) continue;
      const row = x.slice(r * C, r * C + C);
      let m = -Infinity;
      for (const v of row) if (v > m) m = v;
      let sum = 0;
      const ex = row.map((v) => exp(v - m));
      for (const e of ex) sum += e;
      const lse = m + Math.log(sum);
      for (let c = 0; c < C; c++) grad[r * C + c] = ex[c] * (s / sum);
      grad[r * C + y] -= s;
      elements[r] = 1 * (lse - row[y]);
      total += elements[r];
    }
    return { value: reduction === 'mean' ? total / denom : total, elements, grad };
  }

  it('cross-entropy (class indices): value, gradient and elements match a row-by-row reference bit for bit', () => {
    fc.assert(
      fc.property(
        fc.record({ C: fc.integer({ min: 1, max: 6 }), rows: fc.integer({ min: 1, max: 8 }) }).chain(({ C, rows }) =>
          fc.record({
            C: fc.constant(C),
            x: fc.array(fc.oneof({ weight: 5, arbitrary: fc.double({ min: -30, max: 30, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e4, -1e4, -Infinity) }), { minLength: rows * C, maxLength: rows * C }),
            t: fc.array(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: C - 1 }) }, { weight: 1, arbitrary: fc.constant(-100) }), { minLength: rows, maxLength: rows }),
            reduction: fc.constantFrom<Red>('mean', 'sum', 'none'),
          }),
        ),
        ({ C, x, t, reduction }) => {
          const r = computeLoss('cross-entropy', { input: typed([t.length, C], x), target: typed([t.length], t) }, { reduction });
          const want = ceReference(x, C, t, -100, reduction);
          // rows whose logits are all −inf are NaN in both (torch gives NaN too); compare those by NaN-ness
          if (reduction !== 'none') assert.ok(Object.is(r.value, want.value), `value ${bits(r.value as number)} vs ${bits(want.value)}`);
          sameBits(r.elements.data, want.elements, 'elements');
          sameBits(r.grad.data, want.grad, 'grad');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('cross-entropy: within a few ulp of the softmax with Math.exp', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 12, maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }), (x, t) => {
        const r = computeLoss('cross-entropy', { input: typed([3, 4], x), target: typed([3], t) }, { reduction: 'sum' });
        const want = ceReference(x, 4, t, -100, 'sum', Math.exp);
        for (let i = 0; i < 3; i++) assert.ok(Math.abs(r.elements.data[i] - want.elements[i]) <= 8 * 2 ** -52 * Math.max(1, Math.abs(want.elements[i])), `loss[${i}]`);
        for (let i = 0; i < 12; i++) assert.ok(Math.abs(r.grad.data[i] - want.grad[i]) <= 4 * 2 ** -52, `grad[${i}]: ${r.grad.data[i]} vs ${want.grad[i]}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('cross-entropy: NaN logits are found in ignored rows, in rows with +inf, and in (N, C, d) layouts', () => {
    assert.throws(() => computeLoss('cross-entropy', { input: [[1, 2], [NaN, 0]], target: [0, -100] }), { message: NAN('input', '[1, 0]') });
    assert.throws(() => computeLoss('cross-entropy', { input: [[Infinity, NaN, 1]], target: [2] }), { message: NAN('input', '[0, 1]') });
    assert.throws(() => computeLoss('cross-entropy', { input: [[NaN, Infinity, 1]], target: [-100] }), { message: NAN('input', '[0, 0]') });
    assert.throws(() => computeLoss('cross-entropy', { input: [[[1, 2], [3, NaN]]], target: [[0, 1]] }), { message: NAN('input', '[0, 1, 1]') });
    assert.throws(() => computeLoss('cross-entropy', { input: [[1, NaN]], target: [1] }, { ignore_index: 1 }), { message: NAN('input', '[0, 1]') });
    assert.throws(() => computeLoss('cross-entropy', { input: [[1, NaN]], target: [0] }, { label_smoothing: 0.1, weight: [1, 2] }), { message: NAN('input', '[0, 1]') });
    // probabilities targets and a NaN target: scanned, input first
    assert.throws(() => computeLoss('cross-entropy', { input: [[1, 2]], target: [[0.5, NaN]] }), { message: NAN('target', '[0, 1]') });
    assert.throws(() => computeLoss('cross-entropy', { input: [[NaN, 2]], target: [NaN] }), { message: NAN('input', '[0, 0]') });
    // +inf logits without NaN still give torch's values (no error)
    assert.ok(Number.isNaN(computeLoss('cross-entropy', { input: [[Infinity, 1]], target: [0] }).value as number));
    // every element ignored: 0 / 0 = NaN as torch, and no error
    assert.ok(Number.isNaN(computeLoss('cross-entropy', { input: [[1, 2], [3, 4]], target: [-100, -100] }).value as number));
  });
});
