import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss, LossInputError, type LossResult, type TypedTensor } from '../../../src/losses';
import { sameBits, sameSum } from './same-numbers';

type Id = 'mse-loss' | 'l1-loss' | 'huber-loss' | 'smooth-l1-loss';
type Reduction = 'mean' | 'sum' | 'none';

/**
 * The plain per-element formulas (one branch per piece), reduced in index order: what the
 * kernels computed before their loops were fused and made branch-free. Elements, contributions
 * and gradients must still be these bit for bit (compared with Object.is, so −0 and NaN count);
 * the reduced value may add the same elements in another order (mse's four running sums, the
 * SIMD loops' lanes and chunks), so it is held to the error bound of any summation order.
 */
function plain(id: Id, x: Float64Array, y: Float64Array, p: number, reduction: Reduction): { value: number | number[]; elements: number[]; grad: number[] } {
  const elements: number[] = [];
  const grad: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - y[i];
    const a = Math.abs(d);
    if (id === 'mse-loss') {
      elements.push(d * d);
      grad.push(2 * d);
    } else if (id === 'l1-loss') {
      elements.push(a);
      grad.push(d > 0 ? 1 : d < 0 ? -1 : 0);
    } else if (id === 'huber-loss') {
      const c = Math.min(a, p);
      elements.push(c * (a - 0.5 * c));
      grad.push(Math.max(-p, Math.min(p, d)));
    } else {
      elements.push(a < p ? (0.5 * a * a) / p : a - 0.5 * p);
      grad.push(d <= -p ? -1 : d >= p ? 1 : d / p);
    }
  }
  if (reduction === 'none') return { value: elements, elements, grad };
  let s = 0;
  for (const e of elements) s += e;
  if (reduction === 'sum') return { value: s, elements, grad };
  const scale = 1 / x.length;
  return { value: s / x.length, elements, grad: grad.map((g) => g * scale) };
}

const PARAM: Record<Id, string | undefined> = { 'mse-loss': undefined, 'l1-loss': undefined, 'huber-loss': 'delta', 'smooth-l1-loss': 'beta' };

function run(id: Id, x: number[], y: number[], p: number, reduction: Reduction): LossResult {
  const params: Record<string, unknown> = { reduction };
  if (PARAM[id]) params[PARAM[id]] = p;
  return computeLoss(id, { input: { shape: [x.length], data: Float64Array.from(x) }, target: { shape: [y.length], data: Float64Array.from(y) } }, params);
}

const NAN_MESSAGE = (name: string, at: string) => `${name}: expected numbers (finite or ±inf), found NaN at ${at}`;

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

  describe('fused, branch-free loops: bit for bit the plain per-element formulas', () => {
    // Residuals at and around the thresholds, ±0, subnormals, huge values (overflowing squares) and infinities.
    const tricky = (p: number) =>
      fc.oneof(
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.constantFrom(0, -0, p, -p, p / 2, -p / 2, p * (1 + 2 ** -52), -p * (1 - 2 ** -53), 5e-324, -1e-310, 1e154, -1e200, 1e308, Infinity, -Infinity),
        fc.double({ noNaN: true }),
      );
    const cases: Array<[Id, number[]]> = [
      ['mse-loss', [0]],
      ['l1-loss', [0]],
      ['huber-loss', [1, 0.5, 2.5, 1e-300, 1e300, Infinity]],
      ['smooth-l1-loss', [1, 0, 0.5, 2.5, 5e-324, Infinity]],
    ];
    for (const [id, ps] of cases) {
      it(`${id}: value, elements, contributions and gradient (${ps.length} parameter values, every reduction)`, () => {
        fc.assert(
          fc.property(
            fc.constantFrom(...ps).chain((p) =>
              fc.tuple(fc.constant(p), fc.array(fc.tuple(tricky(p), tricky(p)), { minLength: 1, maxLength: 40 }), fc.constantFrom<Reduction>('mean', 'sum', 'none')),
            ),
            ([p, pairs, reduction]) => {
              // zero residuals: the target equals the input at every third element; −0 − (+0) = −0 at every seventh
              const x = pairs.map(([a], i) => (i % 7 === 1 ? -0 : a));
              const y = pairs.map(([a, b], i) => (i % 7 === 1 ? 0 : i % 3 === 0 ? a : b));
              const r = run(id, x, y, p, reduction);
              const want = plain(id, Float64Array.from(x), Float64Array.from(y), p, reduction);
              if (reduction === 'none') sameBits(r.value as number[], want.value as number[], 'value');
              else sameSum(r.value as number, want.value as number, want.elements, reduction === 'mean' ? 1 / x.length : 1, 'value');
              sameBits(r.grad.data, want.grad, 'grad');
              sameBits(r.elements.data, want.elements, 'elements');
              const scale = reduction === 'mean' ? 1 / x.length : 1;
              sameBits(r.contributions.data, want.elements.map((e) => e * scale), 'contributions');
            },
          ),
          { numRuns: 300 },
        );
      });
    }

    it('where the fast loop cannot be exact (∞ pieces, β = 0, an overflowing d/β), the plain loop gives the result', () => {
      const probes: Array<[Id, number, number[], number[]]> = [
        ['smooth-l1-loss', 5e-324, [-8.881784197001252e-16, 1], [0, 1]],
        ['smooth-l1-loss', 0, [-0, 0, 2, -3], [0, 0, 1, 1]],
        ['smooth-l1-loss', Infinity, [1, -2], [0, 0.5]],
        ['huber-loss', Infinity, [1, -2], [0, 0.5]],
        ['huber-loss', 1, [Infinity, -0, 1e308], [1, 0, -1e308]],
        ['mse-loss', 0, [1e200, -0], [-1e200, 0]],
        ['l1-loss', 0, [-Infinity, -0], [1, 0]],
      ];
      for (const [id, p, x, y] of probes) {
        for (const reduction of ['mean', 'sum', 'none'] as const) {
          const r = run(id, x, y, p, reduction);
          const want = plain(id, Float64Array.from(x), Float64Array.from(y), p, reduction);
          sameBits(r.grad.data, want.grad, `${id} p=${p} ${reduction} grad`);
          sameBits(r.elements.data, want.elements, `${id} p=${p} ${reduction} elements`);
          if (reduction !== 'none') sameSum(r.value as number, want.value as number, want.elements, reduction === 'mean' ? 1 / x.length : 1, `${id} p=${p} ${reduction} value`);
        }
      }
    });

    it('1e5 random residuals (the fast loops on real-sized data), default parameters', () => {
      const n = 100_000;
      const x = new Float64Array(n).map((_, i) => Math.sin(i * 12.9898) * 3);
      const y = new Float64Array(n).map((_, i) => Math.cos(i * 78.233) * 1.5);
      for (const id of ['mse-loss', 'l1-loss', 'huber-loss', 'smooth-l1-loss'] as const) {
        const r = computeLoss(id, { input: { shape: [n], data: x }, target: { shape: [n], data: y } });
        const want = plain(id, x, y, 1, 'mean');
        sameSum(r.value as number, want.value as number, want.elements, 1 / n, `${id}: value`);
        sameBits(r.grad.data, want.grad, `${id} grad`);
      }
    });

    it('broadcast inputs: the same results as the inputs expanded by hand', () => {
      for (const id of ['mse-loss', 'l1-loss', 'huber-loss', 'smooth-l1-loss'] as const) {
        for (const reduction of ['mean', 'sum', 'none'] as const) {
          const b = computeLoss(id, { input: [[0.5], [-2], [3]], target: [[1, -0.25, 4]] }, { reduction });
          const e = computeLoss(id, { input: [[0.5, 0.5, 0.5], [-2, -2, -2], [3, 3, 3]], target: [[1, -0.25, 4], [1, -0.25, 4], [1, -0.25, 4]] }, { reduction });
          assert.deepStrictEqual(b.value, e.value, `${id} ${reduction}`);
          assert.deepStrictEqual(b.elements, e.elements);
          assert.deepStrictEqual(b.contributions, e.contributions);
          assert.deepStrictEqual(b.grad.shape, [3, 1]);
          sameBits(b.grad.data, [0, 1, 2].map((i) => e.grad.data[3 * i] + e.grad.data[3 * i + 1] + e.grad.data[3 * i + 2]), `${id} ${reduction} grad`);
        }
      }
    });
  });

  describe('lazily computed elements and contributions', () => {
    it('are plain enumerable properties to readers: keys, deep equality, JSON, spreading', () => {
      const r = computeLoss('huber-loss', { input: [1, -2, 0.25], target: [0, 0, 0] });
      assert.deepStrictEqual(Object.keys(r).sort(), ['contributions', 'elements', 'grad', 'gradInput', 'value']);
      const copy = { ...r };
      assert.deepStrictEqual(copy.elements.data, Float64Array.of(0.5, 1.5, 0.03125));
      assert.deepStrictEqual(r, { value: r.value, elements: r.elements, contributions: r.contributions, gradInput: 'input', grad: r.grad });
      assert.deepStrictEqual(JSON.parse(JSON.stringify(r)).elements.data, { 0: 0.5, 1: 1.5, 2: 0.03125 });
      assert.equal(r.elements, r.elements, 'computed once and kept');
    });

    it('can be replaced by assignment, as kernels adjusting a result do', () => {
      const r = computeLoss('mse-loss', { input: [1, 2], target: [0, 0] }, { reduction: 'sum' });
      const mine: TypedTensor = { shape: [2], data: Float64Array.of(7, 8) };
      r.elements = mine;
      assert.equal(r.elements, mine);
      assert.deepStrictEqual(r.contributions.data, Float64Array.of(7, 8), 'contributions follow the elements in place');
    });
  });

  describe('NaN inputs: found in the kernel pass, reported exactly as the up-front scan did', () => {
    it('names the first NaN, input before target, with its position', () => {
      const ids: Id[] = ['mse-loss', 'l1-loss', 'huber-loss', 'smooth-l1-loss'];
      fc.assert(
        fc.property(
          fc.constantFrom(...ids),
          fc.constantFrom<Reduction>('mean', 'sum', 'none'),
          fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 6, maxLength: 6 }),
          fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 6, maxLength: 6 }),
          fc.option(fc.nat(5)),
          fc.option(fc.nat(5)),
          (id, reduction, xs, ys, nx, ny) => {
            fc.pre(nx !== null || ny !== null);
            const x = [...xs]; // fast-check reuses its values while shrinking
            const y = [...ys];
            if (nx !== null) x[nx] = NaN;
            if (ny !== null) y[ny] = NaN;
            const at = (k: number) => `[${Math.floor(k / 3)}, ${k % 3}]`;
            const want = nx !== null ? NAN_MESSAGE('input', at(nx)) : NAN_MESSAGE('target', at(ny!));
            assert.throws(
              () => computeLoss(id, { input: { shape: [2, 3], data: Float64Array.from(x) }, target: { shape: [2, 3], data: Float64Array.from(y) } }, { reduction }),
              (e: unknown) => e instanceof LossInputError && e.message === want && e.field === (nx !== null ? 'input' : 'target'),
            );
          },
        ),
        { numRuns: 300 },
      );
    });

    it('takes precedence over later errors (a bad parameter, shapes that do not broadcast, a ragged target)', () => {
      const nanInput = NAN_MESSAGE('input', '[1]');
      assert.throws(() => computeLoss('huber-loss', { input: [1, NaN, 3], target: [1, 2, 3] }, { delta: -1 }), { message: nanInput });
      assert.throws(() => computeLoss('smooth-l1-loss', { input: [1, NaN, 3], target: [1, 2, 3] }, { beta: -1 }), { message: nanInput });
      assert.throws(() => computeLoss('mse-loss', { input: [1, NaN, 3], target: [1, 2, 3] }, { reduction: 'bogus' }), { message: nanInput });
      assert.throws(() => computeLoss('mse-loss', { input: [1, NaN, 3], target: [1, 2] }), { message: nanInput });
      assert.throws(() => computeLoss('mse-loss', { input: [1, 2, 3], target: [1, NaN] }), { message: NAN_MESSAGE('target', '[1]') });
      assert.throws(() => computeLoss('l1-loss', { input: [1, NaN], target: [1, [2]] }), { message: nanInput });
      // ... and the errors found before any input is converted still come first
      assert.throws(() => computeLoss('mse-loss', { input: [1, NaN], bogus: [1] }), { message: 'bogus: unknown input for mse-loss (inputs: input, target)' });
      assert.throws(() => computeLoss('huber-loss', { input: [1, 2], target: [1, [2]] }), /target: expected a number at \[1\]/);
    });

    it('is found where no sum can show it: an empty broadcast, reduction none', () => {
      assert.throws(() => computeLoss('mse-loss', { input: [], target: [NaN] }, { reduction: 'sum' }), { message: NAN_MESSAGE('target', '[0]') });
      assert.throws(() => computeLoss('l1-loss', { input: { shape: [0, 2], data: new Float64Array(0) }, target: [[NaN, 1]] }, { reduction: 'mean' }), {
        message: NAN_MESSAGE('target', '[0, 0]'),
      });
      assert.throws(() => computeLoss('huber-loss', { input: [1, 2], target: [2, NaN] }, { reduction: 'none' }), { message: NAN_MESSAGE('target', '[1]') });
    });

    it('a NaN the inputs do not hold (∞ − ∞) is a value, as in PyTorch, not an error', () => {
      for (const id of ['mse-loss', 'l1-loss', 'huber-loss', 'smooth-l1-loss'] as const) {
        const r = computeLoss(id, { input: [Infinity, 1], target: [Infinity, 0.5] });
        assert.ok(Number.isNaN(r.value), id);
        assert.ok(Number.isNaN(r.elements.data[0]) && !Number.isNaN(r.elements.data[1]), id);
      }
    });
  });
});
