import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { fmt, parseField, parseMany, tensorText } from '../../../src/webview/parse';
import { defaultState, sanitizeState } from '../../../src/webview/state';

const arr = (t: { data: Float64Array }) => [...t.data];

describe('playground field parser', () => {
  it('reads brackets, Python wrappers, rows and scalars', () => {
    const cases: Array<[string, number[], number[]]> = [
      ['[1, 2, 3]', [3], [1, 2, 3]],
      ['[[1, 2], [3, 4]]', [2, 2], [1, 2, 3, 4]],
      ['torch.tensor([[0.5, -1e-3]], dtype=torch.float64)', [1, 2], [0.5, -0.001]],
      ['np.array([1, 2])', [2], [1, 2]],
      ['1 2 3\n4 5 6', [2, 3], [1, 2, 3, 4, 5, 6]],
      ['1, 2, 3', [3], [1, 2, 3]],
      ['2.5', [], [2.5]],
      ['[]', [0], []],
    ];
    for (const [text, shape, data] of cases) {
      const r = parseField(text);
      assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error}`);
      assert.deepEqual(r.tensor.shape, shape, text);
      assert.deepEqual(arr(r.tensor), data, text);
    }
    const m = parseMany('pred = [1, 2]\ntarget = [3, 4]');
    assert.deepEqual(m?.map((a) => a.name), ['pred', 'target']);
    assert.equal(parseMany('[1, 2]'), undefined);
    const inf = parseField('[inf, -inf, nan]');
    assert.ok(inf.ok);
    assert.deepEqual(arr(inf.tensor).map(String), ['Infinity', '-Infinity', 'NaN']);
  });

  it('says what is wrong and where', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['[1, 2', /unclosed '\['/],
      ['[[1], [2, 3]]', /ragged/],
      ['[1, x]', /token 'x' at line 1, column 5/],
      ['[1.5abc]', /token/],
      ['1 2\n3', /row at line 2/],
      ['pred = [1, 2]\ntarget = [3, 4]', /found 2 arrays \(pred, target\)/],
    ];
    for (const [text, re] of cases) {
      const r = parseField(text);
      assert.equal(r.ok, false, text);
      if (!r.ok) assert.match(r.error, re, text);
    }
  });

  it('round-trips tensors through tensorText (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const t = { shape: [rows.length, 3], data: Float64Array.from(rows.flat()) };
        const r = parseField(tensorText(t, 17));
        assert.ok(r.ok);
        assert.deepEqual(r.tensor.shape, t.shape);
        r.tensor.data.forEach((v, i) => assert.ok(Math.abs(v - t.data[i]) <= 1e-12 * Math.max(1, Math.abs(t.data[i])), `${v} vs ${t.data[i]}`));
      }),
    );
  });

  it('never throws on any text (fast-check)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => assert.equal(typeof parseField(s).ok, 'boolean')), { numRuns: 3000 });
  });

  it('formats numbers compactly', () => {
    assert.equal(fmt(0), '0');
    assert.equal(fmt(1 / 3), '0.333333');
    assert.equal(fmt(1e-9), '1e-9');
    assert.equal(fmt(Infinity), 'inf');
    assert.equal(fmt(NaN), 'nan');
  });
});

describe('playground state', () => {
  it('keeps every valid part of a stored state and defaults the rest', () => {
    const s = sanitizeState({
      v: 1,
      lossId: 'huber-loss',
      view: 'reference',
      lang: 'zh',
      setups: { 'huber-loss': { inputs: { input: '[1, 2' }, params: { delta: 2, bad: [1] } } },
      compare: ['mse-loss', 3],
      sweep: { param: 'delta', values: [0.5, 'x', 2] },
      guide: { task: 'binary', imbalance: true, outliers: 'yes' },
      genN: 10_000,
    });
    assert.equal(s.lossId, 'huber-loss');
    assert.equal(s.view, 'reference');
    assert.equal(s.lang, 'zh');
    // an invalid field text is kept exactly as typed
    assert.equal(s.setups['huber-loss'].inputs.input, '[1, 2');
    assert.deepEqual(s.setups['huber-loss'].params, { delta: 2 });
    assert.deepEqual(s.compare, ['mse-loss']);
    assert.deepEqual(s.sweep, { param: 'delta', values: [0.5, 2] });
    assert.equal(s.guide.task, 'binary');
    assert.equal(s.guide.imbalance, true);
    assert.equal(s.guide.outliers, false);
    assert.equal(s.genN, 10_000);
  });

  it('falls back to defaults on junk (fast-check)', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const s = sanitizeState(x);
        assert.equal(s.v, 1);
        assert.equal(typeof s.lossId, 'string');
      }),
      { numRuns: 1000 },
    );
    assert.deepEqual(sanitizeState(null, 'zh'), defaultState('zh'));
  });
});
