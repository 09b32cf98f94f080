import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseSelection } from '../../../src/losses/selection';
import { fail, ok, vals } from './selection-helpers';

describe('selection parser: formats', () => {
  it('a Python list', () => {
    const [a] = ok('[0.1, 0.9, -2, 3e-2]');
    assert.deepEqual(a.tensor.shape, [4]);
    assert.deepEqual(vals(a), [0.1, 0.9, -2, 0.03]);
    assert.equal(a.integer, false);
  });
  it('nested lists, trailing commas, comments', () => {
    const [a] = ok('[[1, 2,],  # first\n [3, 4,],]');
    assert.deepEqual(a.tensor.shape, [2, 2]);
    assert.deepEqual(vals(a), [1, 2, 3, 4]);
    assert.equal(a.integer, true);
  });
  it('numpy repr with dtype', () => {
    const [a] = ok('array([[0.1, 0.9],\n       [0.8, 0.2]], dtype=float32)');
    assert.deepEqual(a.tensor.shape, [2, 2]);
    assert.deepEqual(vals(a), [0.1, 0.9, 0.8, 0.2]);
    const [b] = ok('array([0, 2, 1])');
    assert.equal(b.integer, true);
    const [c] = ok('array([0, 2, 1], dtype=float64)');
    assert.equal(c.integer, false, 'a float dtype overrides integer literals');
    const [d] = ok('array([0., 1.], dtype=int64)');
    assert.equal(d.integer, true, 'an integer dtype makes class indices');
  });
  it('numpy str (no commas) and abbreviated arrays', () => {
    const [a] = ok('[[0.1 0.9]\n [0.8 0.2]]');
    assert.deepEqual(a.tensor.shape, [2, 2]);
    const e = fail('[0.1 0.2 ... 0.9]');
    assert.match(e.error, /found 2 numbers and '\.\.\.' at line 1, column 10: the array was printed abbreviated/);
  });
  it('torch reprs: requires_grad, grad_fn, device, dtype', () => {
    const [a] = ok("tensor([[ 2.0000,  0.5000, -1.0000]], requires_grad=True)");
    assert.deepEqual(a.tensor.shape, [1, 3]);
    assert.deepEqual(vals(a), [2, 0.5, -1]);
    const [b] = ok("tensor([0.3133, 1.2], grad_fn=<SoftmaxBackward0>)");
    assert.deepEqual(vals(b), [0.3133, 1.2]);
    const [c] = ok("tensor([0, 1, 2], device='cuda:0')");
    assert.equal(c.integer, true);
    const [d] = ok('tensor([1., 0.], dtype=torch.float64)');
    assert.equal(d.integer, false);
    const [e] = ok('tensor(0.5000)');
    assert.deepEqual(e.tensor.shape, []);
    assert.deepEqual(vals(e), [0.5]);
    const [f] = ok('Parameter containing:\ntensor([0.1000, 0.2000], requires_grad=True)');
    assert.deepEqual(vals(f), [0.1, 0.2]);
  });
  it('TensorFlow reprs', () => {
    const [a] = ok('<tf.Tensor: shape=(2,), dtype=float32, numpy=array([0.1, 0.9], dtype=float32)>');
    assert.deepEqual(vals(a), [0.1, 0.9]);
    const [b] = ok('<tf.Tensor: shape=(2,), dtype=int32, numpy=array([1, 0], dtype=int32)>');
    assert.equal(b.integer, true);
    const [c] = ok('<tf.Tensor: shape=(), dtype=float32, numpy=0.25>');
    assert.deepEqual(c.tensor.shape, []);
    assert.deepEqual(vals(c), [0.25]);
    const [d] = ok("<tf.Variable 'w:0' shape=(2, 1) dtype=float32, numpy=\narray([[1.],\n       [2.]], dtype=float32)>");
    assert.deepEqual(d.tensor.shape, [2, 1]);
  });
  it('JSON arrays and objects give named arrays', () => {
    const arrays = ok('{"pred": [[2.0, 0.5], [0.1, 3]], "target": [0, 1]}');
    assert.deepEqual(arrays.map((a) => a.name), ['pred', 'target']);
    assert.deepEqual(arrays[0].tensor.shape, [2, 2]);
    assert.equal(arrays[1].integer, true);
    const [x] = ok('[1.5e3, -2E-1, 1e+2]');
    assert.deepEqual(vals(x), [1500, -0.2, 100]);
  });
  it('CSV, TSV, semicolons and whitespace', () => {
    const [a] = ok('0.1, 0.2, 0.3');
    assert.deepEqual(vals(a), [0.1, 0.2, 0.3]);
    const [b] = ok('0.1\t0.2\t0.3');
    assert.deepEqual(vals(b), [0.1, 0.2, 0.3]);
    const [c] = ok('0.1 0.2   0.3 ');
    assert.deepEqual(vals(c), [0.1, 0.2, 0.3]);
    const [d] = ok('1;2;3');
    assert.deepEqual(vals(d), [1, 2, 3]);
    const [m] = ok('1,2\n3,4\n5,6\n');
    assert.deepEqual(m.tensor.shape, [3, 2]);
    const [col] = ok('1\n2\n3\n4');
    assert.deepEqual(col.tensor.shape, [4]);
  });
  it('two-row tables give two arrays', () => {
    const arrays = ok('0.9\t0.1\t0.8\n1\t0\t1');
    assert.equal(arrays.length, 2);
    assert.deepEqual(vals(arrays[0]), [0.9, 0.1, 0.8]);
    assert.deepEqual(vals(arrays[1]), [1, 0, 1]);
    assert.equal(arrays[0].line, 1);
    assert.equal(arrays[1].line, 2);
    assert.equal(arrays[1].integer, true);
  });
  it('a CSV header names the columns', () => {
    const arrays = ok('pred,target\n0.9,1\n0.2,0\n0.7,1');
    assert.deepEqual(arrays.map((a) => a.name), ['pred', 'target']);
    assert.deepEqual(vals(arrays[0]), [0.9, 0.2, 0.7]);
    assert.equal(arrays[0].integer, false);
    assert.equal(arrays[1].integer, true);
  });
  it('named lines: pred = [...], target = tensor(...), y_pred: ..., labelled rows', () => {
    const arrays = ok('pred = [[2.0, 0.5, -1.0]]\ntarget = torch.tensor([0])\n');
    assert.deepEqual(arrays.map((a) => a.name), ['pred', 'target']);
    assert.deepEqual(arrays.map((a) => a.line), [1, 2]);
    assert.equal(arrays[1].integer, true);
    const b = ok('y_pred: 0.1 0.2\ny_true: 0 1');
    assert.deepEqual(b.map((a) => a.name), ['y_pred', 'y_true']);
    const c = ok('pred, 0.1, 0.2\ntarget, 0, 1');
    assert.deepEqual(c.map((a) => [a.name, vals(a)]), [['pred', [0.1, 0.2]], ['target', [0, 1]]]);
    const d = ok('x = np.array([1.0, 2.0])  # comment\ny = jnp.array([0.0, 1.0])');
    assert.deepEqual(d.map((a) => a.name), ['x', 'y']);
  });
  it('nan, inf, -inf, Infinity, NaN, signs', () => {
    const [a] = ok('[nan, inf, -inf, NaN, Infinity, -Infinity, +3, -0.0, .5, 1.]');
    const v = vals(a);
    assert.ok(Number.isNaN(v[0]) && Number.isNaN(v[3]));
    assert.deepEqual(v.slice(1, 3), [Infinity, -Infinity]);
    assert.deepEqual(v.slice(4), [Infinity, -Infinity, 3, -0, 0.5, 1]);
    assert.ok(Object.is(v[7], -0));
    assert.equal(a.integer, false);
  });
  it('numbers beyond the fast path are exact', () => {
    const [a] = ok('[0.30000000000000004, 1.7976931348623157e308, 5e-324, 123456789012345678]');
    assert.deepEqual(vals(a), [0.30000000000000004, 1.7976931348623157e308, 5e-324, 123456789012345680]);
  });
});

describe('selection parser: errors say what was found and where', () => {
  it('an unexpected token, with line and column', () => {
    const e = fail('1 2 3\n4 5 6\n7 8 9\n10 11 12 foo');
    assert.equal(e.error, "found 12 numbers and the token 'foo' at line 4, column 10");
    assert.equal(e.line, 4);
    assert.equal(e.column, 10);
  });
  it('no numbers', () => {
    assert.equal(fail('   \n  ').error, 'found no numbers in the selection');
    assert.equal(fail('').error, 'found no numbers in the selection');
  });
  it('unclosed and mismatched brackets', () => {
    assert.equal(fail('[[1, 2], [3, 4]').error, "found 4 numbers and an unclosed '[' opened at line 1, column 1");
    assert.equal(
      fail('[(1, 2], 3]').error,
      "found 2 numbers and ']' at line 1, column 7, but the '(' opened at line 1, column 2 is still open",
    );
  });
  it('ragged arrays', () => {
    assert.match(fail('[[1, 2], [3]]').error, /ragged: the list closing at line 1, column 12 has 1 element, an earlier list at the same depth had 2/);
    assert.match(fail('[[1, 2], 3]').error, /found 2 numbers and a number at line 1, column 10 where a nested list was expected/);
    assert.match(fail('[1, [2, 3]]').error, /a nested list at line 1, column 5 where numbers were expected/);
  });
  it('rows of different lengths', () => {
    assert.equal(fail('1 2 3\n4 5').error, 'the row at line 2, column 1 has 2 numbers but the row at line 1 has 3');
    assert.equal(fail('a,b\n1,2\n3').error, 'the row at line 3, column 1 has 1 number but the header names 2 columns');
  });
  it('code that is not numbers', () => {
    assert.equal(fail('loss = criterion(pred, target)').error, "found 0 numbers and the token 'criterion' at line 1, column 8");
    assert.equal(fail('[1, 2, x]').error, "found 2 numbers and the token 'x' at line 1, column 8");
    assert.equal(fail('[1,, 2]').error, "found 1 number and the token ',' at line 1, column 4");
    assert.equal(fail('[1, 0x1F]').error, "found 1 number and the token '0x1F' at line 1, column 5");
    assert.equal(fail("{'pred' [1]}").error, "found 0 numbers and the token '[' at line 1, column 9");
  });
  it('a cap on the count of numbers', () => {
    const e = fail('1 2 3 4 5 6', 5);
    assert.match(e.error, /more than 5 numbers \(the limit\)/);
    assert.equal(ok('1 2 3 4 5', 5)[0].tensor.data.length, 5);
  });
  it('hostile input: deep brackets, NUL bytes, lone surrogates', () => {
    const deep = '['.repeat(100000) + '1' + ']'.repeat(100000);
    assert.match(fail(deep).error, /nested deeper than 32 levels at line 1, column 33/);
    assert.equal(fail('[1, \u0000]').error, "found 1 number and the token '\\u0000' at line 1, column 5");
    assert.equal(fail('1 2 \ud800').error, "found 2 numbers and the token '\\ud800' at line 1, column 5");
    assert.equal(fail('[1, 2\udfff]').error, "found 2 numbers and the token '\\udfff' at line 1, column 6");
    assert.match(fail('(((((').error, /unclosed '\(' opened at line 1, column 5/);
    assert.match(fail('"abc').error, /unterminated string/);
  });
});

// ---- round-trip property ------------------------------------------------------

/** How Python prints a float (enough for the parser: round-trip digits, nan, inf). */
function py(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0.0';
  return String(x);
}
type Nested = number | Nested[];
function nest(data: number[], shape: number[]): Nested {
  if (shape.length === 0) return data[0];
  const step = data.length / shape[0];
  return Array.from({ length: shape[0] }, (_, i) => nest(data.slice(i * step, (i + 1) * step), shape.slice(1)));
}
const list = (x: Nested, sep = ', '): string => (Array.isArray(x) ? `[${x.map((y) => list(y, sep)).join(sep)}]` : py(x));

const FORMATS: Record<string, (data: number[], shape: number[]) => string> = {
  pythonList: (d, s) => list(nest(d, s)),
  numpyRepr: (d, s) => `array(${list(nest(d, s), ',\n       ')}, dtype=float64)`,
  numpyStr: (d, s) => list(nest(d, s), ' '),
  torchRepr: (d, s) => `tensor(${list(nest(d, s), ',\n        ')}, dtype=torch.float64, requires_grad=True)`,
  torchGradFn: (d, s) => `tensor(${list(nest(d, s))}, grad_fn=<MulBackward0>)`,
  tfRepr: (d, s) => `<tf.Tensor: shape=(${s.join(', ')}${s.length === 1 ? ',' : ''}), dtype=float64, numpy=\narray(${list(nest(d, s))})>`,
  named: (d, s) => `pred = ${list(nest(d, s))}`,
};

describe('selection parser: property — printed arrays parse back to the same numbers', () => {
  const value = fc.oneof(
    { weight: 8, arbitrary: fc.double() },
    { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
    { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => Math.round(x * 1e4) / 1e4) },
  );
  const tensor = fc
    .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 })
    .chain((shape) => fc.tuple(fc.constant(shape), fc.array(value, { minLength: shape.reduce((a, b) => a * b, 1), maxLength: shape.reduce((a, b) => a * b, 1) })));

  const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

  for (const [fmt, print] of Object.entries(FORMATS)) {
    it(fmt, () => {
      fc.assert(
        fc.property(tensor, ([shape, data]) => {
          const r = parseSelection(print(data, shape));
          if (!r.ok) return false;
          return r.arrays.length === 1 && same(r.arrays[0].tensor.shape, shape) && same(Array.from(r.arrays[0].tensor.data), data);
        }),
        { numRuns: 300 },
      );
    });
  }
  it('JSON (finite numbers)', () => {
    fc.assert(
      fc.property(tensor, ([shape, raw]) => {
        const data = raw.map((x) => (Number.isFinite(x) ? x + 0 : 1));
        const r = parseSelection(JSON.stringify(nest(data, shape)));
        return r.ok && same(r.arrays[0].tensor.shape, shape) && same(Array.from(r.arrays[0].tensor.data), data);
      }),
      { numRuns: 300 },
    );
  });
  for (const [fmt, sep] of [['CSV', ','], ['TSV', '\t'], ['whitespace', ' ']] as const) {
    it(`${fmt} rows`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 3, max: 6 }), fc.integer({ min: 2, max: 5 }), fc.array(value, { minLength: 30, maxLength: 30 }), (rows, cols, pool) => {
          const data = pool.slice(0, rows * cols);
          const text = Array.from({ length: rows }, (_, r) => data.slice(r * cols, (r + 1) * cols).map(py).join(sep)).join('\n');
          const res = parseSelection(text);
          return res.ok && res.arrays.length === 1 && same(res.arrays[0].tensor.shape, [rows, cols]) && same(Array.from(res.arrays[0].tensor.data), data);
        }),
        { numRuns: 200 },
      );
    });
  }
  it('never throws on arbitrary text', function () {
    this.timeout(30_000);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const r = parseSelection(s);
        return r.ok ? r.arrays.length > 0 : typeof r.error === 'string' && r.line >= 1 && r.column >= 1;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('selection parser: speed', () => {
  it('1e6 numbers parse in time comparable to JSON.parse', function () {
    this.timeout(30_000);
    const data = Array.from({ length: 1_000_000 }, (_, i) => Math.round(Math.sin(i) * 1e6) / 1e4);
    const text = JSON.stringify(data);
    const t0 = performance.now();
    JSON.parse(text);
    const tJson = performance.now() - t0;
    const t1 = performance.now();
    const r = parseSelection(text);
    const tOurs = performance.now() - t1;
    assert.ok(r.ok && r.arrays[0].tensor.data.length === 1_000_000);
    assert.ok(tOurs < Math.max(5 * tJson, 250), `parse took ${tOurs.toFixed(1)} ms, JSON.parse ${tJson.toFixed(1)} ms`);
  });
});
