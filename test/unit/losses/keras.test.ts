/**
 * Keras-only losses and Keras variants: Keras' own documented numbers, error messages, and
 * properties (non-negativity, zero at a perfect prediction, reductions, finite differences,
 * batch permutation, typed input). Values against the torch-written reference formulas are
 * in test/fixtures/keras.json (golden.test.ts).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss, LossInputError, type Tensor } from '../../../src/losses';

type Inputs = Record<string, Tensor>;
type Params = Record<string, unknown>;

const value = (id: string, inputs: Inputs, params?: Params): number => computeLoss(id, inputs, params).value as number;

function throwsNaming(fn: () => unknown, field: string, ...patterns: RegExp[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof LossInputError, `expected LossInputError, got ${String(e)}`);
    assert.equal(e.field, field, `field of "${e.message}"`);
    assert.ok(e.message.startsWith(`${field}:`), `message names ${field}: "${e.message}"`);
    for (const p of patterns) assert.match(e.message, p);
    return true;
  });
}

describe('keras losses', () => {
  describe("Keras' documented values (docstrings of keras/src/losses/losses.py and tf-keras)", () => {
    const A: Inputs = { y_true: [[0, 1], [0, 0]], y_pred: [[0.6, 0.4], [0.4, 0.6]] };
    const B: Inputs = { y_true: [[0, 1], [0, 0]], y_pred: [[1, 1], [0, 0]] };
    const cases: Array<[string, Inputs, Params, number]> = [
      ['log-cosh', B, {}, 0.108],
      ['mean-absolute-percentage-error', { y_true: [100, 200, 300], y_pred: [90, 210, 310] }, {}, 6.111111],
      ['mean-absolute-percentage-error', { y_true: [[2, 1], [2, 3]], y_pred: [[1, 1], [1, 0]] }, {}, 50],
      ['mean-squared-logarithmic-error', { y_true: [[0, 1], [0, 0]], y_pred: [[1, 1], [1, 0]] }, {}, 0.24],
      ['mean-squared-logarithmic-error', { y_true: [[0, 1], [0, 0]], y_pred: [[1, 1], [1, 0]] }, { reduction: 'sum' }, 0.48],
      ['hinge', A, {}, 1.3],
      ['hinge', A, { reduction: 'sum' }, 2.6],
      ['squared-hinge', A, {}, 1.86],
      ['squared-hinge', A, { reduction: 'sum' }, 3.72],
      ['categorical-hinge', A, {}, 1.4],
      ['categorical-hinge', A, { reduction: 'sum' }, 2.8],
      ['poisson', B, {}, 0.5],
      ['poisson', B, { reduction: 'sum' }, 0.999],
      ['cosine-similarity', { y_true: [[0, 1], [1, 1]], y_pred: [[1, 0], [1, 1]] }, {}, -0.5],
      ['cosine-similarity', { y_true: [[0, 1], [1, 1]], y_pred: [[1, 0], [1, 1]] }, { reduction: 'sum' }, -0.999],
      ['keras-kl-divergence', A, {}, 0.458],
      ['keras-huber', A, {}, 0.155],
      ['keras-binary-crossentropy', { y_true: [0, 1, 0, 0], y_pred: [-18.6, 0.51, 2.94, -12.8] }, { from_logits: true }, 0.865],
      ['keras-binary-crossentropy', { y_true: [[0, 1], [0, 0]], y_pred: [[-18.6, 0.51], [2.94, -12.8]] }, { from_logits: true, reduction: 'sum' }, 1.73],
      ['keras-categorical-crossentropy', { y_true: [[0, 1, 0], [0, 0, 1]], y_pred: [[0.05, 0.95, 0], [0.1, 0.8, 0.1]] }, {}, 1.177],
      ['keras-categorical-crossentropy', { y_true: [[0, 1, 0], [0, 0, 1]], y_pred: [[0.05, 0.95, 0], [0.1, 0.8, 0.1]] }, { reduction: 'sum' }, 2.354],
      ['keras-sparse-categorical-crossentropy', { y_true: [1, 2], y_pred: [[0.05, 0.95, 0], [0.1, 0.8, 0.1]] }, {}, 1.177],
    ];
    for (const [id, inputs, params, expected] of cases) {
      it(`${id} ${JSON.stringify(params)} ≈ ${expected}`, () => {
        const v = value(id, inputs, params);
        assert.ok(Math.abs(v - expected) <= 1e-3 * Math.max(1, Math.abs(expected)), `got ${v}, Keras documents ${expected}`);
      });
    }

    it("'none' returns the per-sample values Keras documents", () => {
      const r = computeLoss('keras-binary-crossentropy', A, { reduction: 'none' }).value as number[];
      assert.deepEqual(r.map((x) => Math.round(x * 1000) / 1000), [0.916, 0.714]);
      const c = computeLoss('cosine-similarity', { y_true: [[0, 1], [1, 1], [1, 1]], y_pred: [[1, 0], [1, 1], [-1, -1]] }, { reduction: 'none' })
        .value as number[];
      assert.deepEqual(c.map((x) => Math.round(x * 1e6) / 1e6 + 0), [0, -1, 1]);
    });
  });

  describe('semantics that differ from torch', () => {
    it('keras-binary-crossentropy clips probabilities at 1e-7 (max ≈ 16.118 per element, zero gradient)', () => {
      const r = computeLoss('keras-binary-crossentropy', { y_true: [1], y_pred: [0] });
      assert.ok(Math.abs((r.value as number) + Math.log(1e-7)) < 1e-12);
      assert.equal(r.grad.data[0], 0);
    });
    it('hinge converts {0,1} labels only when every label is 0 or 1', () => {
      assert.equal(value('hinge', { y_true: [0, 0], y_pred: [-1, -1] }), 0); // converted to -1: satisfied
      assert.equal(value('hinge', { y_true: [-1, 0], y_pred: [-1, -1] }), 0.5); // not converted: the 0 costs 1
    });
    it('keras-sparse-categorical-crossentropy ignore_class averages over the other samples, 0 when all are ignored', () => {
      const logits = [[2, 0, 0], [0, 3, 0], [1, 1, 1]];
      const all = computeLoss('keras-sparse-categorical-crossentropy', { y_true: [0, 1, 2], y_pred: logits }, { from_logits: true });
      const per = all.elements.data;
      const ignored = value('keras-sparse-categorical-crossentropy', { y_true: [0, 1, 255], y_pred: logits }, { from_logits: true, ignore_class: 255 });
      assert.ok(Math.abs(ignored - (per[0] + per[1]) / 2) < 1e-15);
      const none = computeLoss('keras-sparse-categorical-crossentropy', { y_true: [7, 7], y_pred: [[0.5, 0.5], [0.2, 0.8]] }, { ignore_class: 7 });
      assert.equal(none.value, 0);
      assert.ok(none.grad.data.every((g) => g === 0));
    });
    it('keras-categorical-crossentropy rescales probabilities to sum 1', () => {
      const a = value('keras-categorical-crossentropy', { y_true: [[0, 1]], y_pred: [[0.2, 0.6]] });
      assert.ok(Math.abs(a + Math.log(0.75)) < 1e-15);
    });
    it('cosine-similarity is negative: -1 for parallel vectors', () => {
      assert.ok(Math.abs(value('cosine-similarity', { y_true: [[1, 2, 3]], y_pred: [[2, 4, 6]] }) + 1) < 1e-15);
    });
    it('extreme logits give finite values', () => {
      for (const [id, inputs, expected] of [
        ['keras-binary-crossentropy', { y_true: [0, 1], y_pred: [1e4, -1e4] }, 1e4],
        ['keras-categorical-crossentropy', { y_true: [[1, 0]], y_pred: [[-1e4, 1e4]] }, 2e4],
        ['keras-sparse-categorical-crossentropy', { y_true: [0], y_pred: [[-1e4, 1e4]] }, 2e4],
      ] as Array<[string, Inputs, number]>) {
        const r = computeLoss(id, inputs, { from_logits: true });
        assert.ok(Math.abs((r.value as number) - expected) < 1e-9, `${id}: ${r.value}`);
        assert.ok(r.grad.data.every(Number.isFinite));
      }
    });
  });

  describe('errors name the input or parameter', () => {
    it('shape mismatch names y_true with both shapes', () => {
      throwsNaming(() => computeLoss('log-cosh', { y_true: [1, 2], y_pred: [1, 2, 3] }), 'y_true', /\(3,\)/, /\(2,\)/);
    });
    it('probability outside [0, 1] names y_pred and the position', () => {
      throwsNaming(() => computeLoss('keras-binary-crossentropy', { y_true: [0, 1], y_pred: [0.5, 1.5] }), 'y_pred', /\[0, 1\]/, /1\.5/, /\[1\]/);
      throwsNaming(() => computeLoss('keras-kl-divergence', { y_true: [[0.5, 0.5]], y_pred: [[-0.1, 1.1]] }), 'y_pred', /\[0, 1\]/);
      throwsNaming(() => computeLoss('keras-categorical-crossentropy', { y_true: [[0, 2]], y_pred: [[0.5, 0.5]] }), 'y_true', /\[0, 1\]/);
    });
    it('logits with from_logits=False are rejected rather than silently clipped', () => {
      throwsNaming(() => computeLoss('keras-sparse-categorical-crossentropy', { y_true: [0], y_pred: [[2.5, -1]] }), 'y_pred', /\[0, 1\]/, /2\.5/);
    });
    it('class index out of range names y_true', () => {
      throwsNaming(() => computeLoss('keras-sparse-categorical-crossentropy', { y_true: [0, 3], y_pred: [[0.5, 0.5], [0.5, 0.5]] }), 'y_true', /out of range \[0, 2\)/);
      throwsNaming(() => computeLoss('keras-sparse-categorical-crossentropy', { y_true: [0.5], y_pred: [[0.5, 0.5]] }), 'y_true', /integer/);
    });
    it('wrong label shape for the sparse loss names y_true', () => {
      throwsNaming(() => computeLoss('keras-sparse-categorical-crossentropy', { y_true: [0, 1, 0], y_pred: [[0.5, 0.5], [0.5, 0.5]] }), 'y_true', /\(2,\)/, /\(3,\)/);
    });
    it('parameters out of range or of the wrong type', () => {
      throwsNaming(() => computeLoss('keras-binary-crossentropy', { y_true: [0], y_pred: [0.5] }, { label_smoothing: 1.5 }), 'label_smoothing', /\[0, 1\]/, /1\.5/);
      throwsNaming(() => computeLoss('keras-huber', { y_true: [0], y_pred: [0.5] }, { delta: -1 }), 'delta', /-1/);
      throwsNaming(() => computeLoss('cosine-similarity', { y_true: [[1, 2]], y_pred: [[1, 2]] }, { axis: 2 }), 'axis', /\[-2, 1\]/, /found 2/);
      throwsNaming(() => computeLoss('keras-sparse-categorical-crossentropy', { y_true: [0], y_pred: [[0.5, 0.5]] }, { axis: 0 }), 'axis', /last axis/);
      throwsNaming(() => computeLoss('hinge', { y_true: [1], y_pred: [1] }, { reduction: 'mean_all' }), 'reduction', /sum_over_batch_size/);
      throwsNaming(() => computeLoss('keras-binary-crossentropy', { y_true: [1], y_pred: [1] }, { from_logits: 'yes' }), 'from_logits', /true or false/);
      throwsNaming(() => computeLoss('poisson', { y_true: [1], y_pred: [1] }, { reduction: 'mean', delta: 1 }), 'delta', /unknown parameter/);
    });
    it('Poisson rejects negative rates and counts', () => {
      throwsNaming(() => computeLoss('poisson', { y_true: [1, 2], y_pred: [1, -0.5] }), 'y_pred', /non-negative/, /-0\.5/);
      throwsNaming(() => computeLoss('poisson', { y_true: [-1, 2], y_pred: [1, 1] }), 'y_true', /non-negative/);
    });
    it('a probability row summing to 0 names y_pred', () => {
      throwsNaming(() => computeLoss('keras-categorical-crossentropy', { y_true: [[1, 0]], y_pred: [[0, 0]] }), 'y_pred', /positive sum/);
    });
    it('non-finite, scalar and empty inputs', () => {
      throwsNaming(() => computeLoss('mean-squared-logarithmic-error', { y_true: [1, 2], y_pred: [1, NaN] }), 'y_pred', /finite/);
      throwsNaming(() => computeLoss('keras-huber', { y_true: 1, y_pred: 2 }), 'y_pred', /scalar/);
      throwsNaming(() => computeLoss('log-cosh', { y_true: [[], []], y_pred: [[], []] }), 'y_pred', /non-empty/);
    });
  });

  describe('properties (fast-check)', () => {
    // A (N, C) batch with N in [1, 4], C in [2, 5], filled by `cell`.
    const batch = <T,>(cell: fc.Arbitrary<T>): fc.Arbitrary<T[][]> =>
      fc
        .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 5 }))
        .chain(([n, c]) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: n, maxLength: n }));
    const real = fc.double({ min: -5, max: 5, noNaN: true });
    const prob = fc.double({ min: 0.001, max: 0.999, noNaN: true });
    // away from 0, so that vector norms stay far above Keras' 1e-7 floor (a kink no finite difference step can resolve)
    const nonzero = fc.tuple(fc.constantFrom(-1, 1), fc.double({ min: 0.1, max: 5, noNaN: true })).map(([s, x]) => s * x);
    const rowsToDist = (rows: number[][]) => rows.map((r) => r.map((x) => x / r.reduce((a, b) => a + b, 0)));

    /** Pairs (y_true, y_pred) of one shape for each entry, with the params to use. */
    const pairs: Array<[string, fc.Arbitrary<Inputs>, Params]> = [
      ['log-cosh', fc.tuple(batch(real), real).map(([p, s]) => ({ y_pred: p, y_true: p.map((r) => r.map((x) => x * 0.5 + s)) })), {}],
      ['mean-absolute-percentage-error', batch(fc.tuple(real, real)).map(split), {}],
      ['mean-squared-logarithmic-error', batch(fc.tuple(real, real)).map(split), {}],
      ['hinge', batch(fc.tuple(fc.constantFrom(-1, 1), real)).map(split), {}],
      ['squared-hinge', batch(fc.tuple(fc.constantFrom(0, 1), real)).map(split), {}],
      ['categorical-hinge', batch(fc.tuple(fc.constantFrom(0, 1), real)).map(split), {}],
      ['poisson', batch(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.double({ min: 0.01, max: 8, noNaN: true }))).map(split), {}],
      ['cosine-similarity', batch(fc.tuple(nonzero, nonzero)).map(split), {}],
      ['keras-huber', batch(fc.tuple(real, real)).map(split), { delta: 1.5 }],
      ['keras-binary-crossentropy', batch(fc.tuple(prob, prob)).map(split), { label_smoothing: 0.1 }],
      ['keras-binary-crossentropy', batch(fc.tuple(fc.constantFrom(0, 1), real)).map(split), { from_logits: true }],
      ['keras-categorical-crossentropy', batch(fc.tuple(prob, prob)).map(split).map(({ y_true, y_pred }) => ({ y_true: rowsToDist(y_true as number[][]), y_pred })), {}],
      ['keras-categorical-crossentropy', batch(fc.tuple(prob, real)).map(split).map(({ y_true, y_pred }) => ({ y_true: rowsToDist(y_true as number[][]), y_pred })), { from_logits: true, label_smoothing: 0.2 }],
      ['keras-kl-divergence', batch(fc.tuple(prob, prob)).map(split).map(({ y_true, y_pred }) => ({ y_true: rowsToDist(y_true as number[][]), y_pred: rowsToDist(y_pred as number[][]) })), {}],
      ['keras-sparse-categorical-crossentropy', batch(prob).chain((p) => fc.array(fc.integer({ min: 0, max: p[0].length - 1 }), { minLength: p.length, maxLength: p.length }).map((t) => ({ y_true: t, y_pred: rowsToDist(p) }))), {}],
      ['keras-sparse-categorical-crossentropy', batch(real).chain((p) => fc.array(fc.integer({ min: -1, max: p[0].length - 1 }), { minLength: p.length, maxLength: p.length }).map((t) => ({ y_true: t, y_pred: p }))), { from_logits: true, ignore_class: -1 }],
    ];

    function split(rows: Array<[number, number]>[]): Inputs {
      return { y_true: rows.map((r) => r.map((c) => c[0])), y_pred: rows.map((r) => r.map((c) => c[1])) };
    }

    const NON_NEGATIVE = new Set(['log-cosh', 'mean-absolute-percentage-error', 'mean-squared-logarithmic-error', 'hinge', 'squared-hinge', 'categorical-hinge', 'keras-huber', 'keras-binary-crossentropy', 'keras-categorical-crossentropy', 'keras-kl-divergence', 'keras-sparse-categorical-crossentropy']);

    for (const [id, arb, params] of pairs) {
      const label = `${id} ${JSON.stringify(params)}`;

      if (NON_NEGATIVE.has(id)) {
        it(`${label}: non-negative`, () => fc.assert(fc.property(arb, (inp) => value(id, inp, params) >= -1e-12), { numRuns: 60 }));
      }

      it(`${label}: 'sum' equals 'sum_over_batch_size' times the number of samples, 'none' holds the samples`, () =>
        fc.assert(
          fc.property(arb, (inp) => {
            const mean = computeLoss(id, inp, params);
            const total = value(id, inp, { ...params, reduction: 'sum' });
            const none = computeLoss(id, inp, { ...params, reduction: 'none' });
            const n = (inp.y_pred as number[][]).length;
            const counted = params.ignore_class === undefined ? n : (inp.y_true as number[]).filter((t) => t !== params.ignore_class).length;
            assert.ok(Math.abs(total - (mean.value as number) * counted) <= 1e-9 * (1 + Math.abs(total)), `${total} vs ${mean.value} * ${counted}`);
            assert.deepEqual(none.value, Array.from(none.elements.data));
            const sumOfContrib = mean.contributions.data.reduce((a, b) => a + b, 0);
            assert.ok(Math.abs(sumOfContrib - (mean.value as number)) <= 1e-9 * (1 + Math.abs(total)));
          }),
          { numRuns: 40 },
        ));

      it(`${label}: gradient matches central finite differences where the loss is smooth`, () => {
        let checked = 0;
        fc.assert(
          fc.property(arb, (inp) => {
            const r = computeLoss(id, inp, params);
            const pred = inp.y_pred as number[][];
            const flat = pred.flat();
            const cols = pred[0].length;
            const f = (k: number, x: number) => {
              const copy = flat.slice();
              copy[k] = x;
              const rows: number[][] = [];
              for (let i = 0; i < copy.length; i += cols) rows.push(copy.slice(i, i + cols));
              return value(id, { ...inp, y_pred: rows }, params);
            };
            for (let k = 0; k < flat.length; k++) {
              const x = flat[k];
              const h = 1e-6 * Math.max(1, Math.abs(x));
              const [fp, f0, fm] = [f(k, x + h), f(k, x), f(k, x - h)];
              const fwd = (fp - f0) / h;
              const bwd = (f0 - fm) / h;
              // truncation plus the rounding of f itself divided by h
              const tol = 1e-4 * (1 + Math.abs(fwd) + Math.abs(bwd)) + (8 * Number.EPSILON * (Math.abs(fp) + Math.abs(f0) + Math.abs(fm))) / h;
              if (Math.abs(fwd - bwd) > tol) continue; // a kink (hinge, max, |x|, clipping) within h
              const central = (fp - fm) / (2 * h);
              assert.ok(Math.abs(r.grad.data[k] - central) <= tol, `∂/∂y_pred[${k}]: analytic ${r.grad.data[k]}, finite difference ${central}`);
              checked++;
            }
          }),
          { numRuns: 25 },
        );
        assert.ok(checked > 25, `only ${checked} smooth coordinates were checked`);
      });

      it(`${label}: invariant under a permutation of the batch; typed input gives the same result`, () =>
        fc.assert(
          fc.property(arb, fc.integer({ min: 0, max: 1000 }), (inp, seed) => {
            const n = (inp.y_pred as number[][]).length;
            const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
            const perm = Object.fromEntries(Object.entries(inp).map(([k, v]) => [k, order.map((i) => (v as Tensor[])[i])])) as Inputs;
            const a = value(id, inp, params);
            const b = value(id, perm, params);
            assert.ok(Math.abs(a - b) <= 1e-12 * (1 + Math.abs(a)), `${a} vs ${b}`);
            const typed = Object.fromEntries(
              Object.entries(inp).map(([k, v]) => {
                const rows = v as number[][] | number[];
                const shape = Array.isArray(rows[0]) ? [rows.length, (rows[0] as number[]).length] : [rows.length];
                return [k, { shape, data: Float64Array.from((rows as number[][]).flat()) }];
              }),
            );
            assert.equal(computeLoss(id, typed as never, params).value, a);
          }),
          { numRuns: 30 },
        ));
    }

    for (const id of ['log-cosh', 'mean-absolute-percentage-error', 'mean-squared-logarithmic-error', 'keras-huber']) {
      it(`${id}: zero at a perfect prediction`, () =>
        fc.assert(fc.property(batch(real), (p) => value(id, { y_true: p, y_pred: p }) === 0), { numRuns: 40 }));
    }
    it('keras-kl-divergence: zero when y_pred equals a strictly positive y_true', () =>
      fc.assert(
        fc.property(batch(prob), (p) => {
          const d = rowsToDist(p);
          return Math.abs(value('keras-kl-divergence', { y_true: d, y_pred: d })) < 1e-15;
        }),
        { numRuns: 40 },
      ));
    it('cosine-similarity lies in [-1, 1]', () =>
      fc.assert(fc.property(batch(fc.tuple(real, real)).map(split), (inp) => Math.abs(value('cosine-similarity', inp)) <= 1 + 1e-12), { numRuns: 60 }));
  });
});
