/**
 * The value-only path: for mse, l1, bce_with_logits and cross_entropy (class indices) a 'mean'/'sum'
 * call runs the forward pass alone and computes `grad` when it is first read. The value must be the
 * one the value-and-gradient pass gave, bit for bit, and the gradient the same numbers as before.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss, type LossResult, type TypedTensor } from '../../../src/losses';
import { sameBits } from './same-numbers';

const finite = fc.double({ min: -30, max: 30, noNaN: true });

function typed(shape: number[], data: number[]): TypedTensor {
  return { shape, data: Float64Array.from(data) };
}

function gradIsLazy(r: LossResult): boolean {
  const d = Object.getOwnPropertyDescriptor(r, 'grad');
  return d !== undefined && typeof d.get === 'function';
}

describe('lazy gradient (value-only path)', () => {
  for (const id of ['mse-loss', 'l1-loss'] as const) {
    describe(id, () => {
      const targetArb = finite;
      const pairs = fc
        .integer({ min: 1, max: 40 })
        .chain((n) => fc.tuple(fc.array(finite, { minLength: n, maxLength: n }), fc.array(targetArb, { minLength: n, maxLength: n })));

      it("leaves grad to be computed on first read for 'mean' and 'sum', not for 'none'", () => {
        const input = typed([2, 3], [0.1, -2, 3, 0.5, 1, -1]);
        const target = typed([2, 3], [0, 1, 1, 0, 1, 0]);
        assert.ok(gradIsLazy(computeLoss(id, { input, target })));
        assert.ok(gradIsLazy(computeLoss(id, { input, target }, { reduction: 'sum' })));
        assert.ok(!gradIsLazy(computeLoss(id, { input, target }, { reduction: 'none' })));
      });

      it('gives the value of the value-and-gradient pass bit for bit, and the same gradient (fast-check)', () => {
        fc.assert(
          fc.property(pairs, fc.constantFrom('mean', 'sum'), ([x, y], reduction) => {
            const n = x.length;
            // Same shapes: the lazy path. A target of shape (n) against an input of (1, n) is broadcast
            // (copied), which takes the eager path over the very same elements in the same order.
            const lazy = computeLoss(id, { input: typed([1, n], x), target: typed([1, n], y) }, { reduction });
            const eager = computeLoss(id, { input: typed([1, n], x), target: typed([n], y) }, { reduction });
            assert.ok(gradIsLazy(lazy) && !gradIsLazy(eager));
            assert.ok(Object.is(lazy.value, eager.value), `${String(lazy.value)} vs ${String(eager.value)}`);
            sameBits(lazy.grad.data, eager.grad.data, 'grad');
            assert.deepEqual(lazy.grad.shape, [1, n]);
            assert.equal(lazy.grad, lazy.grad, 'computed once, then kept');
          }),
          { numRuns: 150 },
        );
      });

      it('still rejects a NaN input, naming it, without the gradient pass', () => {
        assert.throws(() => computeLoss(id, { input: typed([3], [0, NaN, 1]), target: typed([3], [0, 1, 1]) }), /input/);
        assert.throws(() => computeLoss(id, { input: typed([3], [0, 0.5, 1]), target: typed([3], [0, NaN, 1]) }), /target/);
      });
    });
  }

  describe('bce-with-logits', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    const pairs = fc
      .integer({ min: 1, max: 40 })
      .chain((n) => fc.tuple(fc.array(finite, { minLength: n, maxLength: n }), fc.array(unit, { minLength: n, maxLength: n })));

    it("leaves grad to be computed on first read for 'mean' and 'sum', not for 'none'", () => {
      const input = typed([2, 2], [0.1, -2, 3, 0.5]);
      const target = typed([2, 2], [0, 1, 1, 0]);
      assert.ok(gradIsLazy(computeLoss('bce-with-logits', { input, target })));
      assert.ok(!gradIsLazy(computeLoss('bce-with-logits', { input, target }, { reduction: 'none' })));
    });

    it("gives the index-order sum of the unreduced losses (as the one-pass loop did) and the 'none' gradient scaled (fast-check)", () => {
      fc.assert(
        fc.property(pairs, fc.constantFrom('mean', 'sum'), fc.boolean(), ([x, y], reduction, weighted) => {
          const n = x.length;
          const params: Record<string, unknown> = weighted ? { pos_weight: x.map((_, i) => 0.5 + (i % 3)) } : {};
          const inputs = { input: typed([n], x), target: typed([n], y) };
          const lazy = computeLoss('bce-with-logits', inputs, { ...params, reduction });
          const none = computeLoss('bce-with-logits', inputs, { ...params, reduction: 'none' });
          let total = 0;
          for (const e of none.elements.data) total += e;
          const scale = reduction === 'mean' ? 1 / n : 1;
          const want = reduction === 'mean' ? total / n : total;
          assert.ok(Object.is(lazy.value, want), `${String(lazy.value)} vs ${want}`);
          for (let i = 0; i < n; i++) {
            const g = none.grad.data[i] * scale;
            assert.ok(Math.abs(lazy.grad.data[i] - g) <= 4e-16 * Math.max(1e-300, Math.abs(g)), `grad[${i}]`);
          }
        }),
        { numRuns: 150 },
      );
    });
  });

  describe("{ gradient: 'eager' } (the playground, which shows the gradient)", () => {
    const cases: Array<[string, Record<string, TypedTensor>, Record<string, unknown>]> = [
      ['mse-loss', { input: typed([2, 2], [0.1, -2, 3, 0.5]), target: typed([2, 2], [0, 1, 1, 0]) }, {}],
      ['l1-loss', { input: typed([3], [0.1, -2, 3]), target: typed([3], [0, 1, 1]) }, { reduction: 'sum' }],
      ['bce-with-logits', { input: typed([3], [0.1, -2, 3]), target: typed([3], [0, 1, 1]) }, { pos_weight: [1, 2, 3] }],
      ['cross-entropy', { input: typed([3, 3], [0.1, -2, 3, 1, 0, -1, 2, 2, 2]), target: typed([3], [2, -100, 0]) }, { label_smoothing: 0.2 }],
    ];
    for (const [id, inputs, params] of cases) {
      it(`${id}: one fused pass (grad computed up front), the same value and gradient as the lazy path`, () => {
        const eager = computeLoss(id, inputs, params, { gradient: 'eager' });
        const lazy = computeLoss(id, inputs, params);
        assert.ok(!gradIsLazy(eager), 'grad is a plain property');
        assert.ok(gradIsLazy(lazy));
        assert.ok(Object.is(eager.value, lazy.value), `${String(eager.value)} vs ${String(lazy.value)}`);
        sameBits(eager.grad.data, lazy.grad.data, 'grad');
      });
    }
  });

  describe('cross-entropy with class indices', () => {
    const cases = fc.record({
      rows: fc.integer({ min: 1, max: 12 }),
      C: fc.integer({ min: 2, max: 6 }),
      smoothing: fc.constantFrom(0, 0.1, 0.3),
      weighted: fc.boolean(),
      seed: fc.array(finite, { minLength: 72, maxLength: 72 }),
      picks: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
    });

    it("gives the sum of the unreduced losses in index order (as the one-pass loop did) and the 'none' gradient scaled", () => {
      fc.assert(
        fc.property(cases, fc.constantFrom('mean', 'sum'), ({ rows, C, smoothing, weighted, seed, picks }, reduction) => {
          const x = typed([rows, C], seed.slice(0, rows * C));
          const t = typed([rows], picks.slice(0, rows).map((p, i) => (i === 1 ? -100 : p % C)));
          const params: Record<string, unknown> = { label_smoothing: smoothing };
          if (weighted) params.weight = Array.from({ length: C }, (_, c) => 0.5 + c / C);
          const lazy = computeLoss('cross-entropy', { input: x, target: t }, { ...params, reduction });
          const none = computeLoss('cross-entropy', { input: x, target: t }, { ...params, reduction: 'none' });
          assert.ok(gradIsLazy(lazy) && !gradIsLazy(none));
          let total = 0;
          for (const e of none.elements.data) total += e;
          let d = 1;
          if (reduction === 'mean') {
            d = 0;
            for (const y of t.data) if (y !== -100) d += weighted ? (params.weight as number[])[y] : 1;
          }
          assert.ok(Object.is(lazy.value, total / d), `${String(lazy.value)} vs ${total / d}`);
          sameBits(lazy.elements.data, none.elements.data, 'elements');
          const g = lazy.grad.data;
          for (let i = 0; i < g.length; i++) {
            const want = none.grad.data[i] / d;
            assert.ok(Math.abs(g[i] - want) <= 4e-16 * Math.max(1, Math.abs(want)), `grad[${i}]: ${g[i]} vs ${want}`);
          }
        }),
        { numRuns: 150 },
      );
    });

    it('rejects a NaN logit in an ignored row too, as before', () => {
      const x = typed([2, 3], [0, 1, 2, NaN, 0, 0]);
      assert.throws(() => computeLoss('cross-entropy', { input: x, target: typed([2], [0, -100]) }), /input/);
    });
  });
});
