/**
 * Divergence and likelihood losses (kl_div, poisson_nll_loss, gaussian_nll_loss): error
 * messages and properties. Values against real PyTorch are in test/fixtures/divergence.json.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeLoss } from '../../../src/losses';
import { checkGradient, close, matrix, normalizeRows, permutation, throwsNaming, value, vector } from '../support/loss-checks';

const RUNS = { numRuns: 60 };
const logRows = (m: number[][]): number[][] => normalizeRows(m).map((r) => r.map(Math.log));

describe('divergence losses', () => {
  describe('error messages', () => {
    it('negative variance names var, the value and where', () => {
      throwsNaming(
        () => computeLoss('gaussian-nll-loss', { input: [[1, 2], [3, 4]], target: [[1, 2], [3, 4]], var: [[1, -0.5], [1, 1]] }),
        'var',
        /non-negative/,
        /-0\.5/,
        /\[0, 1\]/,
      );
    });
    it('var of a shape torch does not accept', () => {
      throwsNaming(() => computeLoss('gaussian-nll-loss', { input: [[1, 2, 3]], target: [[1, 2, 3]], var: [[1, 2]] }), 'var', /\(1, 3\)/, /\(1, 2\)/);
      throwsNaming(() => computeLoss('gaussian-nll-loss', { input: [[1, 2, 3], [4, 5, 6]], target: [[1, 2, 3], [4, 5, 6]], var: [1, 2, 3] }), 'var');
    });
    it('target that does not broadcast', () => {
      throwsNaming(() => computeLoss('kl-div', { input: [[-1, -2, -3]], target: [0.5, 0.5] }), 'target', /\(2,\)/);
      throwsNaming(() => computeLoss('poisson-nll-loss', { input: [1, 2, 3], target: [1, 2] }), 'target');
    });
    it('negative probabilities in kl_div, negative counts or rates in poisson', () => {
      throwsNaming(() => computeLoss('kl-div', { input: [-1, -2], target: [0.5, -0.1] }), 'target', /-0\.1/, /log_target/);
      throwsNaming(() => computeLoss('poisson-nll-loss', { input: [1, 2], target: [1, -3] }), 'target', /counts/, /-3/);
      throwsNaming(() => computeLoss('poisson-nll-loss', { input: [-1, 2], target: [1, 3] }, { log_input: false }), 'input', /rates/);
    });
    it('NaN is an error naming the input; a -inf log-probability with a positive target is an infinite KL', () => {
      throwsNaming(() => computeLoss('gaussian-nll-loss', { input: [1, NaN], target: [1, 2], var: [1, 1] }), 'input', /NaN/, /\[1\]/);
      throwsNaming(() => computeLoss('poisson-nll-loss', { input: [1, 2], target: [NaN, 1] }), 'target', /NaN/);
      assert.equal(value('kl-div', { input: [-Infinity, 0], target: [0.5, 0.5] }, { reduction: 'sum' }), Infinity);
    });
    it('reduction options per function', () => {
      throwsNaming(() => computeLoss('kl-div', { input: [-1], target: [1] }, { reduction: 'avg' }), 'reduction', /batchmean/);
      throwsNaming(() => computeLoss('poisson-nll-loss', { input: [1], target: [1] }, { reduction: 'batchmean' }), 'reduction');
    });
  });

  describe('torch semantics', () => {
    it("kl_div 'batchmean' is sum / N, 'mean' is sum / numel; 0·log 0 = 0", () => {
      const input = logRows([[0, 1, 2], [2, 1, 0]]);
      const target = [[0, 0.5, 0.5], [1, 0, 0]];
      const s = value('kl-div', { input, target }, { reduction: 'sum' });
      assert.ok(Number.isFinite(s));
      assert.ok(close(value('kl-div', { input, target }, { reduction: 'batchmean' }), s / 2));
      assert.ok(close(value('kl-div', { input, target }), s / 6));
      const elems = computeLoss('kl-div', { input, target }, { reduction: 'none' }).value as number[][];
      assert.equal(elems[0][0], 0);
    });
    it('poisson full adds Stirling only where target > 1 and leaves the gradient unchanged', () => {
      const a = computeLoss('poisson-nll-loss', { input: [0.3, 0.3, 0.3], target: [0, 1, 2] }, { reduction: 'none' });
      const b = computeLoss('poisson-nll-loss', { input: [0.3, 0.3, 0.3], target: [0, 1, 2] }, { reduction: 'none', full: true });
      const va = a.value as number[];
      const vb = b.value as number[];
      assert.equal(va[0], vb[0]);
      assert.equal(va[1], vb[1]);
      assert.ok(close(vb[2] - va[2], 2 * Math.log(2) - 2 + 0.5 * Math.log(4 * Math.PI)));
      assert.deepEqual([...a.grad.data], [...b.grad.data]);
    });
    it('gaussian: var clamped at eps; full adds ½ log 2π per element', () => {
      const base = { input: [1, 2], target: [1, 2], var: [0, 0] };
      assert.ok(close(value('gaussian-nll-loss', base), 0.5 * Math.log(1e-6)));
      assert.ok(close(value('gaussian-nll-loss', base, { full: true }) - value('gaussian-nll-loss', base), 0.5 * Math.log(2 * Math.PI)));
    });
    it('gaussian: the three var shapes agree when they carry the same variances', () => {
      const input = [[1, 2, 3], [4, 5, 6]];
      const target = [[0, 2, 5], [4, 4, 4]];
      const full = value('gaussian-nll-loss', { input, target, var: [[2, 2, 2], [0.5, 0.5, 0.5]] });
      assert.ok(close(full, value('gaussian-nll-loss', { input, target, var: [2, 0.5] })));
      assert.ok(close(full, value('gaussian-nll-loss', { input, target, var: [[2], [0.5]] })));
    });
    it('typed input', () => {
      const r = computeLoss('kl-div', { input: { shape: [2], data: Float64Array.of(-1, -0.5) }, target: { shape: [2], data: Float64Array.of(0.3, 0.7) } }, { reduction: 'sum' });
      assert.ok(close(r.value as number, 0.3 * (Math.log(0.3) + 1) + 0.7 * (Math.log(0.7) + 0.5)));
    });
  });

  describe('properties', () => {
    it('KL of normalized distributions is non-negative and zero at input = log target', () => {
      fc.assert(
        fc.property(matrix(3, 4), matrix(3, 4), (a, b) => {
          const p = normalizeRows(a);
          const q = logRows(b);
          const kl = value('kl-div', { input: q, target: p }, { reduction: 'batchmean' });
          const self = value('kl-div', { input: p.map((r) => r.map(Math.log)), target: p }, { reduction: 'batchmean' });
          const selfLog = value('kl-div', { input: q, target: q }, { reduction: 'sum', log_target: true });
          return kl >= -1e-12 && Math.abs(self) < 1e-12 && selfLog === 0;
        }),
        RUNS,
      );
    });
    it('log_target=True with log p equals log_target=False with p', () => {
      fc.assert(
        fc.property(matrix(2, 5), matrix(2, 5), (a, b) => {
          const p = normalizeRows(a);
          const q = logRows(b);
          return close(value('kl-div', { input: q, target: p }, { reduction: 'sum' }), value('kl-div', { input: q, target: p.map((r) => r.map(Math.log)) }, { reduction: 'sum', log_target: true }));
        }),
        RUNS,
      );
    });
    it('poisson with full=True at the true rate (input = log target, target > 1) is a positive NLL', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 2, max: 50 }), { minLength: 1, maxLength: 6 }), (k) => {
          const v = value('poisson-nll-loss', { input: k.map(Math.log), target: k }, { full: true, reduction: 'none' });
          return Array.isArray(v) && v.every((x) => (x as number) > 0);
        }),
        RUNS,
      );
    });
    it('mean == sum / n', () => {
      fc.assert(
        fc.property(vector(6), vector(6, 0, 8), vector(6, 0.01, 4), (x, t, v) => {
          const n = 6;
          return (
            close(value('poisson-nll-loss', { input: x, target: t }), value('poisson-nll-loss', { input: x, target: t }, { reduction: 'sum' }) / n) &&
            close(value('gaussian-nll-loss', { input: x, target: t, var: v }), value('gaussian-nll-loss', { input: x, target: t, var: v }, { reduction: 'sum' }) / n) &&
            close(value('kl-div', { input: x.map((a) => -Math.abs(a)), target: t }), value('kl-div', { input: x.map((a) => -Math.abs(a)), target: t }, { reduction: 'sum' }) / n)
          );
        }),
        RUNS,
      );
    });
    it('batch permutation invariance', () => {
      fc.assert(
        fc.property(matrix(5, 3), matrix(5, 3), permutation(5), (a, b, perm) => {
          const q = logRows(a);
          const p = normalizeRows(b);
          const v = p.map((r) => r.map((x) => x + 0.1));
          const pq = perm.map((i) => q[i]);
          const pp = perm.map((i) => p[i]);
          const pv = perm.map((i) => v[i]);
          return (
            close(value('kl-div', { input: q, target: p }, { reduction: 'batchmean' }), value('kl-div', { input: pq, target: pp }, { reduction: 'batchmean' })) &&
            close(value('gaussian-nll-loss', { input: a, target: b, var: v }), value('gaussian-nll-loss', { input: perm.map((i) => a[i]), target: perm.map((i) => b[i]), var: pv })) &&
            close(value('poisson-nll-loss', { input: a, target: p }), value('poisson-nll-loss', { input: perm.map((i) => a[i]), target: pp }))
          );
        }),
        RUNS,
      );
    });
  });

  describe('gradient == central finite differences', () => {
    it('every reduction and option', () => {
      fc.assert(
        fc.property(matrix(2, 3), matrix(2, 3), fc.constantFrom('mean', 'sum', 'none'), fc.boolean(), (a, b, reduction, flag) => {
          const q = logRows(a);
          const p = normalizeRows(b);
          checkGradient('kl-div', { input: q, target: p }, { reduction, log_target: false }, 'input');
          checkGradient('kl-div', { input: q, target: p }, { reduction: 'batchmean' }, 'input');
          checkGradient('kl-div', { input: q, target: logRows(b) }, { reduction, log_target: true }, 'input');
          const counts = p.map((r) => r.map((x) => Math.round(x * 6)));
          checkGradient('poisson-nll-loss', { input: a, target: counts }, { reduction, full: flag }, 'input');
          checkGradient('poisson-nll-loss', { input: p, target: counts }, { reduction, log_input: false, eps: 1e-3 }, 'input', 1e-7);
          checkGradient('gaussian-nll-loss', { input: a, target: b, var: p }, { reduction, full: flag }, 'input');
          checkGradient('gaussian-nll-loss', { input: a, target: b, var: [0.5, 2] }, { reduction }, 'input');
          checkGradient('gaussian-nll-loss', { input: a, target: [0.1, 0.2, 0.3], var: [[0.5], [2]] }, { reduction }, 'input');
        }),
        { numRuns: 12 },
      );
    });
  });
});

describe('js-divergence', () => {
  it('reaches log 2 on disjoint supports and 0 on identical distributions', () => {
    const disjoint = computeLoss('js-divergence', { input: [0.5, 0.5, 0, 0], target: [0, 0, 0.25, 0.75] });
    assert.ok(Math.abs((disjoint.value as number) - Math.LN2) < 1e-15);
    const same = computeLoss('js-divergence', { input: [[0.2, 0.8]], target: [[0.2, 0.8]] });
    assert.equal(same.value, 0);
  });
  it('is symmetric', () => {
    const p = [0.1, 0.6, 0.3];
    const q = [0.5, 0.25, 0.25];
    assert.ok(Math.abs((computeLoss('js-divergence', { input: p, target: q }).value as number) - (computeLoss('js-divergence', { input: q, target: p }).value as number)) < 1e-15);
  });
  it('rejects probabilities outside [0, 1], naming the input', () => {
    assert.throws(() => computeLoss('js-divergence', { input: [1.5, -0.5], target: [0.5, 0.5] }), /input: expected values in \[0, 1\], found 1.5 at \[0\]/);
  });
});

/** kl_div's one-pass kernels (issue 7) against the plain xlogy formula, bit for bit; NaN and negative targets found after the pass. */
describe('kl-div fast path', () => {
  type Red = 'mean' | 'sum' | 'none' | 'batchmean';
  const bits = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));
  const same = (a: ArrayLike<number>, b: ArrayLike<number>, what: string) => {
    assert.equal(a.length, b.length, what);
    for (let i = 0; i < b.length; i++) assert.ok(Object.is(a[i], b[i]), `${what}[${i}]: ${bits(a[i])} vs ${bits(b[i])}`);
  };
  const typed = (shape: number[], data: number[]) => ({ shape, data: Float64Array.from(data) });
  const NAN = (name: string, at: string) => `${name}: expected numbers (finite or ±inf), found NaN at ${at}`;

  function reference(x: number[], t: number[], logTarget: boolean, reduction: Red, batch: number) {
    const el = x.map((xi, i) => (logTarget ? Math.exp(t[i]) * (t[i] - xi) : (t[i] === 0 ? 0 : t[i] * Math.log(t[i])) - t[i] * xi));
    const g = t.map((ti) => (logTarget ? -Math.exp(ti) : -ti));
    let s = 0;
    for (const v of el) s += v;
    const n = x.length;
    if (reduction === 'mean') return { value: s / n, el, grad: g.map((v) => v * (1 / n)) };
    if (reduction === 'batchmean') return { value: s / batch, el, grad: g.map((v) => v / batch) };
    return { value: s, el, grad: g };
  }

  it('value, gradient and elements are the plain formula bit for bit (zero and −0 targets, ±inf, both target forms)', () => {
    const xs = fc.oneof({ weight: 4, arbitrary: fc.double({ min: -20, max: 5, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(0, -0, -1e4, 1e4, -Infinity, Infinity) });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.record({
            x: fc.array(xs, { minLength: 2 * n, maxLength: 2 * n }),
            tp: fc.array(fc.oneof(fc.constantFrom(0, -0, 1, 5e-324, 1e-300, Infinity), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 2 * n, maxLength: 2 * n }),
            tl: fc.array(xs, { minLength: 2 * n, maxLength: 2 * n }),
            logTarget: fc.boolean(),
            reduction: fc.constantFrom<Red>('mean', 'sum', 'none', 'batchmean'),
          }),
        ),
        ({ x, tp, tl, logTarget, reduction }) => {
          const t = logTarget ? tl : tp;
          const shape = [2, x.length / 2];
          const r = computeLoss('kl-div', { input: typed(shape, x), target: typed(shape, t) }, { reduction, log_target: logTarget });
          const want = reference(x, t, logTarget, reduction, 2);
          if (reduction !== 'none') assert.ok(Object.is(r.value, want.value), `value ${bits(r.value as number)} vs ${bits(want.value)}`);
          same(r.grad.data, want.grad, 'grad');
          same(r.elements.data, want.el, 'elements');
          const scale = reduction === 'mean' ? 1 / x.length : 1;
          same(r.contributions.data, reduction === 'none' ? want.el : want.el.map((v) => (reduction === 'batchmean' ? v / 2 : v * scale)), 'contributions');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('broadcast target: the same as the target written out', () => {
    const x = [-1, -2, -0.5, -3, -0.1, -4];
    const row = [0.2, 0, 0.8];
    const a = computeLoss('kl-div', { input: typed([2, 3], x), target: typed([3], row) }, { reduction: 'batchmean' });
    const b = computeLoss('kl-div', { input: typed([2, 3], x), target: typed([2, 3], [...row, ...row]) }, { reduction: 'batchmean' });
    assert.ok(Object.is(a.value, b.value));
    same(a.grad.data, b.grad.data, 'grad');
  });

  it('NaN and negative probabilities are found after the pass, with the messages and precedence of an up-front check', () => {
    assert.throws(() => computeLoss('kl-div', { input: [-1, NaN, -2], target: [0.2, 0.3, 0.5] }), { message: NAN('input', '[1]') });
    assert.throws(() => computeLoss('kl-div', { input: [-1, -2], target: [0, NaN] }), { message: NAN('target', '[1]') });
    assert.throws(() => computeLoss('kl-div', { input: [-1, NaN], target: [-0.5, 0.5] }), { message: NAN('input', '[1]') });
    assert.throws(() => computeLoss('kl-div', { input: [-1, -2], target: [0.5, -0.5] }), /target: expected probabilities >= 0 .*found -0\.5 at \[1\]/);
    // −inf·0 (a NaN loss from valid data) is no error; a negative target next to it still is
    assert.ok(Number.isNaN(computeLoss('kl-div', { input: [-Infinity, -1], target: [0, 1] }).value as number));
    assert.throws(() => computeLoss('kl-div', { input: [-Infinity, -1], target: [0, -1] }), /found -1 at \[1\]/);
    // a negative target is reported before a shape error, a NaN before both
    assert.throws(() => computeLoss('kl-div', { input: [[-1, -2]], target: [0.5, -0.5, 0] }), /target: expected probabilities >= 0/);
    assert.throws(() => computeLoss('kl-div', { input: [[-1, NaN]], target: [0.5, -0.5, 0] }), { message: NAN('input', '[0, 1]') });
    // empty broadcast: the target is still checked
    assert.throws(() => computeLoss('kl-div', { input: { shape: [0], data: new Float64Array(0) }, target: [-1] }), /found -1/);
    assert.throws(() => computeLoss('kl-div', { input: { shape: [0], data: new Float64Array(0) }, target: [NaN] }), { message: NAN('target', '[0]') });
    // log_target: negative log-probabilities are fine; NaN is not
    assert.equal(typeof computeLoss('kl-div', { input: [-1, -2], target: [-3, -0.5] }, { log_target: true }).value, 'number');
    assert.throws(() => computeLoss('kl-div', { input: [-1, -2], target: [-3, NaN] }, { log_target: true }), { message: NAN('target', '[1]') });
  });
});
