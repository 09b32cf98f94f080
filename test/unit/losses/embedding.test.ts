/**
 * Pairwise and embedding losses (hinge/cosine embedding, margin ranking, triplet): error
 * messages and properties. Values against real PyTorch are in test/fixtures/embedding.json.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss, type Tensor } from '../../../src/losses';
import { checkGradient, close, matrix, permutation, throwsNaming, total, value, vector } from '../support/loss-checks';

const RUNS = { numRuns: 50 };
const signs = (n: number): fc.Arbitrary<number[]> => fc.array(fc.constantFrom(1, -1), { minLength: n, maxLength: n });
const REDUCTIONS = ['mean', 'sum', 'none'] as const;

/** n rows of d-dimensional anchors, positives and negatives. */
const triplets = (maxN = 5, maxD = 4) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxN }), fc.integer({ min: 1, max: maxD }))
    .chain(([n, d]) => fc.record({ anchor: matrix(n, d), positive: matrix(n, d), negative: matrix(n, d) }));

/** n rows of d-dimensional pairs with ±1 labels. */
const pairs = (maxN = 5, maxD = 4) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxN }), fc.integer({ min: 2, max: maxD }))
    .chain(([n, d]) => fc.record({ input1: matrix(n, d), input2: matrix(n, d), target: signs(n) }));

const permuteRows = <T>(rows: T[], perm: number[]): T[] => perm.map((i) => rows[i]);

/**
 * Matrices drawn from a seeded generator rather than fast-check's doubles, whose bias towards 0
 * and equal values lands exactly on the kinks (zero differences, ties) where a finite difference
 * cannot match any one-sided derivative.
 */
function seededMatrix(seed: number, n: number, d: number, scale = 2): number[][] {
  let s = seed % 2147483647 || 1;
  const next = () => (s = (s * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () => Array.from({ length: d }, () => (next() * 2 - 1) * scale));
}
const smooth = <T>(build: (m: (n: number, d: number) => number[][]) => T) =>
  fc.integer({ min: 1, max: 2147483646 }).map((seed) => {
    let k = 0;
    return build((n, d) => seededMatrix(seed + 7919 * k++, n, d));
  });

describe('embedding losses', () => {
  describe('error messages', () => {
    it('triplet inputs of different shapes name both inputs and both shapes', () => {
      throwsNaming(
        () => computeLoss('triplet-margin-loss', { anchor: [[1, 2, 3]], positive: [[1, 2]], negative: [[1, 2, 3]] }),
        'positive',
        /anchor/,
        /\(1, 3\)/,
        /\(1, 2\)/,
      );
      throwsNaming(
        () => computeLoss('triplet-margin-with-distance-loss', { anchor: [[1, 2]], positive: [[1, 2]], negative: [[1, 2], [3, 4]] }),
        'negative',
        /anchor/,
        /\(2, 2\)/,
      );
    });
    it('triplet inputs must be (D) or (N, D)', () => {
      throwsNaming(() => computeLoss('triplet-margin-loss', { anchor: [[[1]]], positive: [[[1]]], negative: [[[1]]] }), 'anchor', /\(1, 1, 1\)/);
    });
    it('cosine_embedding_loss: shapes, target rank and labels', () => {
      throwsNaming(() => computeLoss('cosine-embedding-loss', { input1: [[1, 2]], input2: [[1, 2, 3]], target: [1] }), 'input2', /input1/, /\(1, 2\)/, /\(1, 3\)/);
      throwsNaming(() => computeLoss('cosine-embedding-loss', { input1: [1, 2], input2: [1, 2], target: [1] }), 'input1', /2-D/);
      throwsNaming(() => computeLoss('cosine-embedding-loss', { input1: [[1, 2]], input2: [[1, 2]], target: [1, -1] }), 'target', /1 labels/, /2/);
      throwsNaming(() => computeLoss('cosine-embedding-loss', { input1: [[1, 2]], input2: [[1, 2]], target: [0.5] }), 'target', /1 or -1/, /0\.5/);
    });
    it('hinge_embedding_loss and margin_ranking_loss reject labels other than ±1', () => {
      throwsNaming(() => computeLoss('hinge-embedding-loss', { input: [0.5, 1], target: [1, 0] }), 'target', /1 or -1/, /found 0/);
      throwsNaming(() => computeLoss('margin-ranking-loss', { input1: [0.5, 1], input2: [0, 0], target: [2, 1] }), 'target', /found 2/);
    });
    it('margin_ranking_loss: inputs of different ranks or non-broadcastable shapes', () => {
      throwsNaming(() => computeLoss('margin-ranking-loss', { input1: [1, 2], input2: [[1, 2]], target: [1, 1] }), 'input2', /1-D like input1/);
      throwsNaming(() => computeLoss('margin-ranking-loss', { input1: [1, 2], input2: [1, 2, 3], target: [1, 1] }), 'input2', /\(3,\)/, /\(2,\)/);
    });
    it('bad parameters and NaN inputs', () => {
      throwsNaming(() => computeLoss('triplet-margin-loss', { anchor: [1], positive: [1], negative: [1] }, { p: -1 }), 'p', /-1/);
      throwsNaming(() => computeLoss('triplet-margin-loss', { anchor: [1], positive: [1], negative: [1] }, { swap: 1 }), 'swap');
      throwsNaming(() => computeLoss('triplet-margin-with-distance-loss', { anchor: [1], positive: [1], negative: [1] }, { p: 2 }), 'p', /unknown parameter/);
      throwsNaming(() => computeLoss('cosine-embedding-loss', { input1: [[NaN, 1]], input2: [[1, 1]], target: [1] }), 'input1', /NaN/);
    });
  });

  describe('torch semantics', () => {
    it('hinge_embedding_loss: x for y = 1, max(0, margin − x) for y = −1', () => {
      const r = computeLoss('hinge-embedding-loss', { input: [0.3, 0.3, 2, -1], target: [1, -1, -1, 1] }, { reduction: 'none', margin: 1 });
      assert.deepEqual(r.value, [0.3, 0.7, 0, -1]);
    });
    it('triplet_margin_with_distance_loss with the default distance equals triplet_margin_loss(p=2, eps=1e-6)', () => {
      fc.assert(
        fc.property(triplets(), fc.boolean(), fc.double({ min: 0, max: 3, noNaN: true }), (t, swap, margin) => {
          const a = computeLoss('triplet-margin-loss', t, { swap, margin, reduction: 'none' });
          const b = computeLoss('triplet-margin-with-distance-loss', t, { swap, margin, reduction: 'none' });
          a.elements.data.forEach((v, i) => assert.ok(Math.abs(v - b.elements.data[i]) <= 1e-12 * Math.max(1, v)));
          a.grad.data.forEach((v, i) => assert.ok(close(v, b.grad.data[i], 1e-9)));
        }),
        RUNS,
      );
    });
    it('swap can only increase the triplet loss (min(d(a,n), d(p,n)) ≤ d(a,n))', () => {
      fc.assert(
        fc.property(triplets(), (t) => {
          assert.ok(value('triplet-margin-loss', t, { swap: true, reduction: 'sum' }) >= value('triplet-margin-loss', t, { reduction: 'sum' }) - 1e-12);
        }),
        RUNS,
      );
    });
    it('zero at a perfect prediction', () => {
      // same direction, label 1: 1 − cos = 0 up to rounding
      assert.ok(Math.abs(value('cosine-embedding-loss', { input1: [[1, 2, 3]], input2: [[2, 4, 6]], target: [1] })) < 1e-12);
      // positive on the anchor, negative far away
      assert.equal(value('triplet-margin-loss', { anchor: [[0, 0]], positive: [[0, 0]], negative: [[10, 10]] }), 0);
      assert.equal(value('margin-ranking-loss', { input1: [3], input2: [1], target: [1] }, { margin: 1 }), 0);
      assert.equal(value('hinge-embedding-loss', { input: [0, 5], target: [1, -1] }), 0);
    });
  });

  describe('properties', () => {
    it('non-negative (hinge embedding: for non-negative distances)', () => {
      fc.assert(
        fc.property(pairs(), triplets(), fc.double({ min: -1, max: 1, noNaN: true }), (pr, t, margin) => {
          for (const v of computeLoss('cosine-embedding-loss', pr, { margin, reduction: 'none' }).elements.data) assert.ok(v >= -1e-15, `cosine ${v}`);
          for (const v of computeLoss('triplet-margin-loss', t, { reduction: 'none' }).elements.data) assert.ok(v >= 0);
          const s = pr.input1.map((r) => r[0]);
          for (const v of computeLoss('margin-ranking-loss', { input1: s, input2: pr.input2.map((r) => r[1]), target: pr.target }, { margin, reduction: 'none' }).elements.data) {
            assert.ok(v >= 0);
          }
          const dist = pr.input1.map((r) => Math.abs(r[0]));
          for (const v of computeLoss('hinge-embedding-loss', { input: dist, target: pr.target }, { reduction: 'none' }).elements.data) assert.ok(v >= 0);
        }),
        RUNS,
      );
    });

    it('mean == sum / n for every entry', () => {
      fc.assert(
        fc.property(pairs(), triplets(), (pr, t) => {
          const n = pr.target.length;
          const s = pr.input1.map((r) => r[0]);
          const cases: Array<[string, Record<string, Tensor>, number]> = [
            ['cosine-embedding-loss', pr, n],
            ['hinge-embedding-loss', { input: pr.input1, target: pr.input2.map((r) => r.map((v) => (v > 0 ? 1 : -1))) }, n * pr.input1[0].length],
            ['margin-ranking-loss', { input1: s, input2: pr.input2.map((r) => r[0]), target: pr.target }, n],
            ['triplet-margin-loss', t, t.anchor.length],
            ['triplet-margin-with-distance-loss', t, t.anchor.length],
          ];
          for (const [id, inputs, count] of cases) {
            const mean = value(id, inputs, { reduction: 'mean' });
            const sum = value(id, inputs, { reduction: 'sum' });
            const none = total(computeLoss(id, inputs, { reduction: 'none' }).value);
            assert.ok(close(mean, sum / count), `${id}: mean ${mean} vs sum/n ${sum / count}`);
            assert.ok(close(sum, none), `${id}: sum ${sum} vs Σ none ${none}`);
          }
        }),
        RUNS,
      );
    });

    it('gradient equals central finite differences', () => {
      const inputs = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 4 })).chain(([n, d]) =>
        smooth((m) => ({
          pair: { input1: m(n, d), input2: m(n, d), target: m(1, n)[0].map((v) => (v > 0 ? 1 : -1)) },
          triplet: { anchor: m(n, d), positive: m(n, d), negative: m(n, d) },
        })),
      );
      fc.assert(
        fc.property(inputs, fc.constantFrom(1, 1.5, 2, 3, Infinity), fc.boolean(), fc.constantFrom(...REDUCTIONS), ({ pair, triplet }, p, swap, reduction) => {
          checkGradient('cosine-embedding-loss', pair, { margin: -0.5, reduction }, 'input1');
          checkGradient('triplet-margin-loss', triplet, { p, swap, margin: 2, reduction }, 'anchor');
          checkGradient('triplet-margin-with-distance-loss', triplet, { swap, margin: 2, reduction }, 'anchor');
          const s = pair.input1.map((r) => r[0]);
          checkGradient('margin-ranking-loss', { input1: s, input2: pair.input2.map((r) => r[1]), target: pair.target }, { margin: 0.5, reduction }, 'input1');
          checkGradient('hinge-embedding-loss', { input: pair.input1, target: pair.input2.map((r) => r.map((v) => (v > 0 ? 1 : -1))) }, { reduction }, 'input');
        }),
        { numRuns: 40 },
      );
    });

    it('invariant under a permutation of the batch', () => {
      fc.assert(
        fc.property(
          triplets(5, 3).chain((t) => fc.tuple(fc.constant(t), permutation(t.anchor.length))),
          ([t, perm]) => {
            const p = { anchor: permuteRows(t.anchor, perm), positive: permuteRows(t.positive, perm), negative: permuteRows(t.negative, perm) };
            assert.ok(close(value('triplet-margin-loss', t, { swap: true }), value('triplet-margin-loss', p, { swap: true })));
            const a = computeLoss('triplet-margin-loss', t, { reduction: 'none' }).value as number[];
            const b = computeLoss('triplet-margin-loss', p, { reduction: 'none' }).value as number[];
            perm.forEach((src, i) => assert.equal(b[i], a[src]));
            const pr = { input1: t.anchor, input2: t.positive, target: t.anchor.map((r) => (r[0] > 0 ? 1 : -1)) };
            const pp = { input1: p.anchor, input2: p.positive, target: p.anchor.map((r) => (r[0] > 0 ? 1 : -1)) };
            assert.ok(close(value('cosine-embedding-loss', pr), value('cosine-embedding-loss', pp)));
          },
        ),
        RUNS,
      );
    });

    it('1-D inputs give the same value as a batch of one', () => {
      fc.assert(
        fc.property(vector(4), vector(4), vector(4), (a, p, n) => {
          assert.equal(value('triplet-margin-loss', { anchor: a, positive: p, negative: n }), value('triplet-margin-loss', { anchor: [a], positive: [p], negative: [n] }));
          assert.equal(value('cosine-embedding-loss', { input1: a, input2: p, target: -1 }), value('cosine-embedding-loss', { input1: [a], input2: [p], target: [-1] }));
        }),
        RUNS,
      );
    });
  });
});
