/**
 * Segmentation losses: error messages, identities between entries, the Lovász extension's
 * agreement with 1 − IoU at binary vertices, gradients against finite differences, and
 * fast-check properties (non-negativity, zero at a perfect mask, permutation of the batch).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss } from '../../../src/losses';
import { checkGradient, close, permutation, throwsNaming, value, type Inputs, type Params } from '../support/loss-checks';

const RUNS = { numRuns: 25 };

/** Probabilities in (0.02, 0.98), as nested arrays of the given shape. */
function probArb(shape: number[]): fc.Arbitrary<unknown> {
  const leaf = fc.double({ min: 0.02, max: 0.98, noNaN: true });
  return shape.reduceRight<fc.Arbitrary<unknown>>((inner, n) => fc.array(inner, { minLength: n, maxLength: n }), leaf);
}

/** Values in [lo, hi] as nested arrays of the given shape. */
function realArb(shape: number[], lo = -3, hi = 3): fc.Arbitrary<unknown> {
  const leaf = fc.double({ min: lo, max: hi, noNaN: true });
  return shape.reduceRight<fc.Arbitrary<unknown>>((inner, n) => fc.array(inner, { minLength: n, maxLength: n }), leaf);
}

/**
 * Irregular, well-separated reals for finite differences: a fixed base per position plus
 * bounded noise, so that shrinking never produces ties in the Lovász sort or other kinks.
 */
function spreadArb(shape: number[], salt = 0): fc.Arbitrary<unknown> {
  return realArb(shape, -1, 1).map((x) => {
    let k = 0;
    const walk = (v: unknown): unknown => (Array.isArray(v) ? v.map(walk) : 2 * Math.sin(12.9898 * ++k + 37.719 * salt) + 0.3 * (v as number));
    return walk(x);
  });
}

/** Integers in [0, c) as nested arrays of the given shape. */
function indexArb(shape: number[], c: number): fc.Arbitrary<unknown> {
  const leaf = fc.integer({ min: 0, max: c - 1 });
  return shape.reduceRight<fc.Arbitrary<unknown>>((inner, n) => fc.array(inner, { minLength: n, maxLength: n }), leaf);
}

/** Softmax over dim 1 of a (B, C, ...) nested array. */
function softmaxDim1(x: number[][][]): number[][][] {
  return x.map((img) => {
    const c = img.length;
    const p = img[0].length;
    const out = img.map((row) => row.slice());
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < c; k++) s += Math.exp(img[k][j]);
      for (let k = 0; k < c; k++) out[k][j] = Math.exp(img[k][j]) / s;
    }
    return out;
  });
}

const fixedMask = [[[1, 0, 1, 1], [0, 0, 1, 0]], [[1, 1, 0, 0], [0, 1, 0, 1]]];
const fixedIdx = [[0, 1, 2, 1, 0], [2, 2, 1, 0, 0]];

describe('segmentation losses', () => {
  describe('input errors name the field', () => {
    it('SMP Dice / Jaccard / Tversky', () => {
      throwsNaming(() => computeLoss('dice-loss', { y_pred: [[[0, 1], [1, 0]]], y_true: [[0, 3]] }, { mode: 'multiclass' }), 'y_true', /class index 3/);
      throwsNaming(() => computeLoss('dice-loss', { y_pred: [[[0, 1]]], y_true: [[[0, 1]]] }, { classes: [0] }), 'classes', /binary/);
      throwsNaming(() => computeLoss('jaccard-loss', { y_pred: [[[0.5, 1.5]]], y_true: [[[0, 1]]] }, { from_logits: false }), 'y_pred', /\[0, 1\]/, /1\.5/);
      throwsNaming(() => computeLoss('tversky-loss', { y_pred: [[[0, 1]]], y_true: [[[0, 2]]] }), 'y_true', /\[0, 1\]/);
      throwsNaming(() => computeLoss('dice-loss', { y_pred: [[[0, 1], [1, 0]]], y_true: [[[0, 1]]] }, { mode: 'multilabel' }), 'y_true', /multilabel/);
      throwsNaming(() => computeLoss('dice-loss', { y_pred: [[[0, 1], [1, 0]]], y_true: [[0, 1]] }, { mode: 'multiclass', class_weights: [1, 2, 3] }), 'class_weights', /2 weights/);
      throwsNaming(() => computeLoss('dice-loss', { y_pred: [[[0, 1]]], y_true: [[[0, 1]]] }, { mode: 'softmax' }), 'mode', /'binary'/);
    });

    it('MONAI generalized Dice, Lovász, boundary', () => {
      throwsNaming(() => computeLoss('generalized-dice-loss', { input: [[[0.5]]], target: [[[1]]] }, { sigmoid: true, softmax: true }), 'softmax', /not compatible/);
      throwsNaming(() => computeLoss('generalized-dice-loss', { input: [[[0.5], [0.5]]], target: [[[1]]] }), 'target', /one-hot/);
      throwsNaming(() => computeLoss('generalized-dice-loss', { input: [[[0, 0]]], target: [[[0, 0]]] }, { smooth_nr: 0, smooth_dr: 0 }), 'target', /0\/0/);
      assert.equal(value('generalized-dice-loss', { input: [[[0.3, 0.6]]], target: [[[0, 0]]] }), 0, 'an empty target gets weight 0 and the smoothing makes the score 1');
      throwsNaming(() => computeLoss('lovasz-hinge-loss', { logits: [[1, 2]], labels: [[0, 2]] }), 'labels', /0 or 1/);
      throwsNaming(() => computeLoss('lovasz-softmax-loss', { probas: [[[0.5, 0.5]]], labels: [[0, 1]] }), 'probas', /\(B, C, H, W\)/);
      throwsNaming(() => computeLoss('lovasz-softmax-loss', { probas: [[[[0.5]], [[0.5]]]], labels: [[[2]]] }), 'labels', /out of range \[0, 2\)/);
      throwsNaming(() => computeLoss('boundary-loss', { probs: [[[0.5], [0.6]]], dist_maps: [[[1], [1]]] }), 'probs', /summing to 1/);
      throwsNaming(() => computeLoss('boundary-loss', { probs: [[[0.5], [0.5]]], dist_maps: [[[1]]] }), 'dist_maps', /same shape/);
      throwsNaming(() => computeLoss('hausdorff-dt-loss', { pred: [[[0.9, 0.8]]], target: [[[1, 0]]] }), 'pred', /foreground everywhere/);
      throwsNaming(() => computeLoss('hausdorff-dt-loss', { pred: [[[0.9, 0.8], [0.1, 0.2]]], target: [[[1, 0], [0, 1]]] }), 'pred', /one channel/);
    });

    it('whole-tensor losses and SMP MCC / SoftBCE / SoftCE', () => {
      throwsNaming(() => computeLoss('combo-loss', { y_true: [1, 0], y_pred: [0.5] }), 'y_true', /same shape/);
      throwsNaming(() => computeLoss('focal-tversky-loss', { y_true: [1, 0], y_pred: [0.5, -0.1] }), 'y_pred', /\[0, 1\]/);
      throwsNaming(() => computeLoss('vnet-dice-loss', { y_true: [0, 0], y_pred: [0, 0] }), 'y_pred', /smooth > 0/);
      throwsNaming(() => computeLoss('sensitivity-specificity-loss', { y_true: [0, 0], y_pred: [0.2, 0.1] }, { smooth: 0 }), 'y_true', /foreground/);
      throwsNaming(() => computeLoss('mcc-loss', { y_pred: [[0.5, 0.5]], y_true: [[1]] }), 'y_true', /number of elements/);
      throwsNaming(() => computeLoss('soft-bce-with-logits-loss', { y_pred: [0, 1], y_true: [0, 0.5, 1] }), 'y_true', /same shape/);
      throwsNaming(() => computeLoss('soft-bce-with-logits-loss', { y_pred: [0, 1], y_true: [0, 1] }, { pos_weight: [1, 2, 3] }), 'pos_weight', /broadcast/);
      throwsNaming(() => computeLoss('soft-cross-entropy-loss', { y_pred: [[0, 1]], y_true: [[0]] }), 'y_true', /\(1,\)/);
      throwsNaming(() => computeLoss('soft-cross-entropy-loss', { y_pred: [[0, 1]], y_true: [5] }), 'y_true', /out of range/);
    });
  });

  describe('identities', () => {
    it('Tversky with alpha = beta = 0.5 is Dice, with alpha = beta = 1 is Jaccard', () => {
      fc.assert(
        fc.property(realArb([2, 3, 4]), indexArb([2, 4], 3), (y_pred, y_true) => {
          const inputs = { y_pred, y_true } as Inputs;
          const p = { mode: 'multiclass' };
          const d = value('dice-loss', inputs, p);
          const j = value('jaccard-loss', inputs, p);
          return close(value('tversky-loss', inputs, p), d) && close(value('tversky-loss', inputs, { ...p, alpha: 1, beta: 1 }), j);
        }),
        RUNS,
      );
    });

    it('binary Dice on hard masks equals 1 − 2|A∩B|/(|A|+|B|)', () => {
      const y_pred = [[[1, 1, 0, 0]]];
      const y_true = [[[1, 0, 1, 0]]];
      assert.ok(close(value('dice-loss', { y_pred, y_true }, { from_logits: false }), 1 - 2 / 4));
      assert.ok(close(value('jaccard-loss', { y_pred, y_true }, { from_logits: false }), 1 - 1 / 3));
    });

    it('SoftCrossEntropyLoss without smoothing or ignored pixels equals cross-entropy', () => {
      fc.assert(
        fc.property(realArb([3, 4]), indexArb([3], 4), (input, target) =>
          close(value('soft-cross-entropy-loss', { y_pred: input, y_true: target } as Inputs, { smooth_factor: 0 }), value('cross-entropy', { input, target } as Inputs)),
        ),
        RUNS,
      );
    });

    it('SoftBCEWithLogitsLoss without smoothing equals binary_cross_entropy_with_logits', () => {
      fc.assert(
        fc.property(realArb([2, 3]), indexArb([2, 3], 2), (input, target) =>
          close(value('soft-bce-with-logits-loss', { y_pred: input, y_true: target } as Inputs), value('bce-with-logits', { input, target } as Inputs)),
        ),
        RUNS,
      );
    });

    it('the Lovász extension equals the Jaccard loss at binary vertices (one-hot predictions give mean 1 − IoU)', () => {
      fc.assert(
        fc.property(indexArb([2, 2, 3], 3), indexArb([2, 2, 3], 3), (pred, truth) => {
          const p = pred as number[][][];
          const t = truth as number[][][];
          const probas = p.map((img) => [0, 1, 2].map((c) => img.map((row) => row.map((v) => (v === c ? 1 : 0)))));
          const ious: number[] = [];
          for (let c = 0; c < 3; c++) {
            let inter = 0;
            let union = 0;
            let present = 0;
            for (let b = 0; b < 2; b++) for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) {
              const a = p[b][i][j] === c;
              const g = t[b][i][j] === c;
              if (g) present++;
              if (a && g) inter++;
              if (a || g) union++;
            }
            if (present > 0) ious.push(1 - inter / union);
          }
          const expected = ious.reduce((a, v) => a + v, 0) / ious.length;
          return close(value('lovasz-softmax-loss', { probas, labels: t }), expected, 1e-12);
        }),
        RUNS,
      );
    });

    it('hausdorff-dt-loss: distance to the nearest pixel of the other class, squared (alpha = 2)', () => {
      // target row [1, 0, 0, 0]: distances 1, 1, 2, 3; prediction all background: zero field
      const v = value('hausdorff-dt-loss', { pred: [[[[0, 0, 0, 0]]]], target: [[[[1, 0, 0, 0]]]] });
      assert.ok(close(v, (1 * 1 + 0 + 0 + 0) / 4), `${v}`);
      const w = value('hausdorff-dt-loss', { pred: [[[[0.2, 0.2, 0.2, 0.2]]]], target: [[[[1, 0, 0, 0]]]] }, { alpha: 1 });
      assert.ok(close(w, (0.64 * 1 + 0.04 * 1 + 0.04 * 2 + 0.04 * 3) / 4), `${w}`);
    });

    it('boundary loss is the mean of probability × signed distance', () => {
      assert.ok(close(value('boundary-loss', { probs: [[[0.25, 1], [0.75, 0]]], dist_maps: [[[2, -1], [4, 0]]] }), (0.5 - 1 + 3 + 0) / 4));
      assert.ok(close(value('boundary-loss', { probs: [[[0.25, 1], [0.75, 0]]], dist_maps: [[[2, -1], [4, 0]]] }, { idc: [1] }), 3 / 2));
    });
  });

  describe('gradients match central finite differences', () => {
    const binaryMask: number[][][] = [[[1, 0, 1, 0]], [[0, 0, 1, 1]]];
    const smpBinary = fc.record({ y_pred: realArb([2, 1, 4]), y_true: fc.constant(binaryMask) });
    const smpMulti = fc.record({ y_pred: realArb([2, 3, 5]), y_true: fc.constant(fixedIdx) });
    const probPair = fc.record({ y_true: fc.constant(fixedMask), y_pred: probArb([2, 2, 4]) });
    const cases: Array<[string, fc.Arbitrary<Inputs>, Params, string]> = [
      ['dice-loss', smpBinary as fc.Arbitrary<Inputs>, {}, 'y_pred'],
      ['dice-loss', smpMulti as fc.Arbitrary<Inputs>, { mode: 'multiclass', smooth: 1, log_loss: true }, 'y_pred'],
      ['jaccard-loss', smpMulti as fc.Arbitrary<Inputs>, { mode: 'multiclass', class_weights: [1, 2, 3] }, 'y_pred'],
      ['jaccard-loss', fc.record({ y_pred: probArb([2, 2, 3]), y_true: fc.constant([[[1, 0, 1], [0, 1, 1]], [[0, 0, 1], [1, 1, 0]]]) }) as fc.Arbitrary<Inputs>, { mode: 'multilabel', from_logits: false }, 'y_pred'],
      ['tversky-loss', smpMulti as fc.Arbitrary<Inputs>, { mode: 'multiclass', alpha: 0.3, beta: 0.7, gamma: 1.5 }, 'y_pred'],
      ['focal-tversky-loss', probPair as fc.Arbitrary<Inputs>, {}, 'y_pred'],
      ['generalized-dice-loss', fc.record({ input: realArb([2, 3, 4]), target: fc.constant([[[1, 0, 0, 1], [0, 1, 0, 0], [0, 0, 1, 0]], [[0, 0, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1]]]) }) as fc.Arbitrary<Inputs>, { softmax: true }, 'input'],
      ['generalized-dice-loss', fc.record({ input: realArb([2, 2, 3]), target: fc.constant([[[1, 0, 1], [0, 1, 0]], [[0, 1, 1], [1, 0, 0]]]) }) as fc.Arbitrary<Inputs>, { sigmoid: true, batch: true, w_type: 'simple' }, 'input'],
      ['lovasz-hinge-loss', fc.record({ logits: spreadArb([2, 2, 3]), labels: fc.constant([[[1, 0, 1], [0, 0, 1]], [[1, 1, 0], [0, 1, 0]]]) }) as fc.Arbitrary<Inputs>, {}, 'logits'],
      ['lovasz-softmax-loss', fc.record({ probas: spreadArb([2, 3, 2, 2]).map((x) => (x as number[][][][]).map((img) => softmaxDim1([img.map((r) => r.flat())])[0].map((r) => [r.slice(0, 2), r.slice(2)]))), labels: fc.constant([[[0, 1], [2, 1]], [[0, 0], [1, 2]]]) }) as fc.Arbitrary<Inputs>, {}, 'probas'],
      ['boundary-loss', fc.record({ probs: realArb([1, 2, 3]).map((x) => softmaxDim1(x as number[][][])), dist_maps: realArb([1, 2, 3]) }) as fc.Arbitrary<Inputs>, {}, 'probs'],
      ['combo-loss', probPair as fc.Arbitrary<Inputs>, { alpha: 0.7, beta: 0.3 }, 'y_pred'],
      ['log-cosh-dice-loss', probPair as fc.Arbitrary<Inputs>, {}, 'y_pred'],
      ['hausdorff-dt-loss', fc.record({ pred: probArb([2, 1, 2, 4]), target: fc.constant([[[[1, 0, 1, 1], [0, 0, 1, 0]]], [[[1, 1, 0, 0], [0, 1, 0, 1]]]]) }) as fc.Arbitrary<Inputs>, {}, 'pred'],
      ['sensitivity-specificity-loss', probPair as fc.Arbitrary<Inputs>, { r: 0.3 }, 'y_pred'],
      ['vnet-dice-loss', probPair as fc.Arbitrary<Inputs>, {}, 'y_pred'],
      ['mcc-loss', fc.record({ y_pred: probArb([2, 1, 4]), y_true: fc.constant([[[1, 0, 1, 0]], [[0, 0, 1, 1]]]) }) as fc.Arbitrary<Inputs>, {}, 'y_pred'],
      ['soft-bce-with-logits-loss', fc.record({ y_pred: realArb([2, 3]), y_true: fc.constant([[1, 0, -100], [0, 1, 1]]) }) as fc.Arbitrary<Inputs>, { smooth_factor: 0.1, pos_weight: [2, 1, 0.5] }, 'y_pred'],
      ['soft-cross-entropy-loss', fc.record({ y_pred: realArb([2, 3, 4]), y_true: fc.constant([[0, 2, -100, 1], [1, 1, 0, 2]]) }) as fc.Arbitrary<Inputs>, { smooth_factor: 0.2 }, 'y_pred'],
    ];
    for (const [id, arb, params, gradInput] of cases) {
      it(`${id} ${JSON.stringify(params)}`, () => {
        fc.assert(fc.property(arb, (inputs) => checkGradient(id, inputs, params, gradInput, 1e-6, 2e-5)), { numRuns: 10 });
      });
    }
  });

  describe('properties', () => {
    const nonNegative: Array<[string, fc.Arbitrary<Inputs>, Params?]> = [
      ['dice-loss', fc.record({ y_pred: realArb([2, 3, 4]), y_true: indexArb([2, 4], 3) }) as fc.Arbitrary<Inputs>, { mode: 'multiclass' }],
      ['jaccard-loss', fc.record({ y_pred: realArb([2, 1, 4]), y_true: indexArb([2, 1, 4], 2) }) as fc.Arbitrary<Inputs>],
      ['tversky-loss', fc.record({ y_pred: realArb([2, 1, 4]), y_true: indexArb([2, 1, 4], 2) }) as fc.Arbitrary<Inputs>, { alpha: 0.2, beta: 0.8 }],
      ['focal-tversky-loss', fc.record({ y_true: indexArb([6], 2), y_pred: probArb([6]) }) as fc.Arbitrary<Inputs>],
      ['generalized-dice-loss', fc.record({ input: probArb([2, 2, 3]), target: indexArb([2, 2, 3], 2) }) as fc.Arbitrary<Inputs>],
      ['lovasz-hinge-loss', fc.record({ logits: realArb([2, 2, 2]), labels: indexArb([2, 2, 2], 2) }) as fc.Arbitrary<Inputs>],
      ['log-cosh-dice-loss', fc.record({ y_true: indexArb([6], 2), y_pred: probArb([6]) }) as fc.Arbitrary<Inputs>],
      ['vnet-dice-loss', fc.record({ y_true: indexArb([6], 2), y_pred: probArb([6]) }) as fc.Arbitrary<Inputs>],
      ['sensitivity-specificity-loss', fc.record({ y_true: indexArb([6], 2), y_pred: probArb([6]) }) as fc.Arbitrary<Inputs>],
      ['mcc-loss', fc.record({ y_pred: probArb([2, 3]), y_true: indexArb([2, 3], 2) }) as fc.Arbitrary<Inputs>],
      ['soft-bce-with-logits-loss', fc.record({ y_pred: realArb([2, 3]), y_true: indexArb([2, 3], 2) }) as fc.Arbitrary<Inputs>, { smooth_factor: 0.1 }],
      ['soft-cross-entropy-loss', fc.record({ y_pred: realArb([2, 3]), y_true: indexArb([2], 3) }) as fc.Arbitrary<Inputs>, { smooth_factor: 0.1 }],
    ];
    for (const [id, arb, params] of nonNegative) {
      it(`${id} is non-negative`, () => {
        fc.assert(fc.property(arb, (inputs) => value(id, inputs, params) >= 0), RUNS);
      });
    }

    it('zero at a perfect prediction', () => {
      fc.assert(
        fc.property(indexArb([2, 1, 5], 2), (m) => {
          const mask = m as number[][][];
          if (!mask.flat(2).some((v) => v === 1)) return true;
          const flat = mask.flat(2);
          assert.equal(value('dice-loss', { y_pred: mask, y_true: mask }, { from_logits: false }), 0);
          assert.equal(value('jaccard-loss', { y_pred: mask, y_true: mask }, { from_logits: false }), 0);
          assert.equal(value('tversky-loss', { y_pred: mask, y_true: mask }, { from_logits: false, alpha: 0.3, beta: 0.7 }), 0);
          assert.equal(value('focal-tversky-loss', { y_true: flat, y_pred: flat }), 0);
          assert.equal(value('vnet-dice-loss', { y_true: flat, y_pred: flat }), 0);
          assert.equal(value('log-cosh-dice-loss', { y_true: flat, y_pred: flat }), 0);
          assert.equal(value('sensitivity-specificity-loss', { y_true: flat, y_pred: flat }), 0);
          const logits = mask.map((img) => img.map((row) => row.map((v) => (v === 1 ? 2 : -2))));
          assert.equal(value('lovasz-hinge-loss', { logits: logits.map((img) => img[0]), labels: mask.map((img) => img[0]) }), 0);
          return true;
        }),
        RUNS,
      );
      const probas = [[[[1, 0], [0, 1]], [[0, 1], [1, 0]]]];
      assert.equal(value('lovasz-softmax-loss', { probas, labels: [[[0, 1], [1, 0]]] }), 0);
      const onehot = [[[1, 0, 0, 1], [0, 1, 1, 0]]];
      assert.equal(value('generalized-dice-loss', { input: onehot, target: onehot }, { smooth_nr: 0, smooth_dr: 0 }), 0);
    });

    it("soft-bce-with-logits-loss and soft-cross-entropy-loss: mean == sum / n and 'none' sums to 'sum'", () => {
      fc.assert(
        fc.property(realArb([2, 3, 2]), indexArb([2, 2], 3), (logits, idx) => {
          const ce = { y_pred: logits, y_true: idx } as Inputs;
          const n = 4;
          const m = value('soft-cross-entropy-loss', ce, { smooth_factor: 0.1, reduction: 'mean' });
          const s = value('soft-cross-entropy-loss', ce, { smooth_factor: 0.1, reduction: 'sum' });
          const none = computeLoss('soft-cross-entropy-loss', ce, { smooth_factor: 0.1, reduction: 'none' }).value as number[][][];
          assert.deepEqual([none.length, none[0].length, none[0][0].length], [2, 1, 2], 'SMP keeps a size-1 class axis with ignore_index set');
          return close(m, s / n) && close(none.flat(2).reduce((a, b) => a + b, 0), s);
        }),
        RUNS,
      );
    });

    const batchPermutable: Array<[string, (p: number[]) => fc.Arbitrary<[Inputs, Inputs]>, Params]> = [
      ['dice-loss', (p) => fc.tuple(realArb([4, 3, 2]), indexArb([4, 2], 3)).map(([x, y]) => [{ y_pred: x, y_true: y } as Inputs, { y_pred: p.map((i) => (x as unknown[])[i]), y_true: p.map((i) => (y as unknown[])[i]) } as Inputs]), { mode: 'multiclass' }],
      ['generalized-dice-loss', (p) => fc.tuple(probArb([4, 2, 3]), indexArb([4, 2, 3], 2)).map(([x, y]) => [{ input: x, target: y } as Inputs, { input: p.map((i) => (x as unknown[])[i]), target: p.map((i) => (y as unknown[])[i]) } as Inputs]), {}],
      ['lovasz-hinge-loss', (p) => fc.tuple(realArb([4, 2, 2]), indexArb([4, 2, 2], 2)).map(([x, y]) => [{ logits: x, labels: y } as Inputs, { logits: p.map((i) => (x as unknown[])[i]), labels: p.map((i) => (y as unknown[])[i]) } as Inputs]), {}],
      ['mcc-loss', (p) => fc.tuple(probArb([4, 3]), indexArb([4, 3], 2)).map(([x, y]) => [{ y_pred: x, y_true: y } as Inputs, { y_pred: p.map((i) => (x as unknown[])[i]), y_true: p.map((i) => (y as unknown[])[i]) } as Inputs]), {}],
    ];
    for (const [id, make, params] of batchPermutable) {
      it(`${id} is invariant under a permutation of the batch`, () => {
        fc.assert(fc.property(permutation(4).chain((p) => make(p)), ([a, b]) => close(value(id, a, params), value(id, b, params), 1e-9)), RUNS);
      });
    }
  });
});
