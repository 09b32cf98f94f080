import { strict as assert } from 'node:assert';
import { computeLoss } from '../../../src/losses';
import { parseSelection, type ParsedArray } from '../../../src/losses/selection';
import { evaluate, fittingLosses, formatValue, isLarge, orderArrays } from '../../../src/extension/editor/fit';

function arrays(text: string): ParsedArray[] {
  const r = parseSelection(text);
  if (!r.ok) assert.fail(r.error);
  return r.arrays;
}

describe('editor: which array is the prediction', () => {
  it('by names', () => {
    const [t, p] = arrays('target = [1, 0]\npred = [0.2, 0.3]');
    const o = orderArrays(t, p);
    assert.ok(!('ambiguous' in o) && o.pred === p && o.reason === 'names');
    const [a, b] = arrays('y_true: 1 0\ny_pred: 0.9 0.2');
    const o2 = orderArrays(a, b);
    assert.ok(!('ambiguous' in o2) && o2.pred === b);
  });
  it('integers are the target', () => {
    const [a, b] = arrays('[0, 2]\n[0.1, 0.4]');
    const o = orderArrays(a, b);
    assert.ok(!('ambiguous' in o) && o.pred === b && o.reason === 'integer-target');
  });
  it('higher rank is the prediction', () => {
    const [a, b] = arrays('[0.5, 0.5]\n[[0.1, 0.4], [0.3, 0.3]]');
    const o = orderArrays(a, b);
    assert.ok(!('ambiguous' in o) && o.pred === b && o.reason === 'rank');
  });
  it('two float arrays of the same shape are ambiguous', () => {
    const [a, b] = arrays('0.1 0.2\n0.3 0.4');
    assert.ok('ambiguous' in orderArrays(a, b));
  });
});

describe('editor: losses that fit the shapes', () => {
  it('(N, C) logits with (N,) class indices: cross-entropy and nll-loss first', function () {
    const [pred, target] = arrays('pred = [[2.0, 0.5, -1.0], [0.1, 1.2, 0.3]]\ntarget = [0, 1]');
    const c = fittingLosses(pred, target);
    const ids = c.map((x) => x.entry.id);
    if (!ids.includes('cross-entropy')) this.skip();
    assert.deepEqual(ids.slice(0, 2), ['cross-entropy', 'nll-loss'], ids.join(', '));
    assert.ok(!ids.includes('mse-loss'), 'mse does not take (N, C) with (N,)');
    const ce = c.find((x) => x.entry.id === 'cross-entropy')!;
    assert.equal(ce.result!.value, computeLoss('cross-entropy', { input: pred.tensor, target: target.tensor }).value);
  });
  it('equal shapes: mse, l1, huber with the core values', () => {
    const [pred, target] = arrays('pred = [0.9, 0.2, 0.7]\ntarget = [1.0, 0.0, 1.0]');
    const c = fittingLosses(pred, target);
    const ids = c.map((x) => x.entry.id);
    for (const id of ['mse-loss', 'l1-loss', 'huber-loss']) assert.ok(ids.includes(id), `${id} missing from ${ids.join(', ')}`);
    const mse = c.find((x) => x.entry.id === 'mse-loss')!;
    assert.ok(Math.abs((mse.result!.value as number) - (0.01 + 0.04 + 0.09) / 3) < 1e-15);
    assert.deepEqual(ids.slice(0, 3), ['mse-loss', 'l1-loss', 'huber-loss']);
  });
  it('shapes nothing accepts give no candidates', () => {
    const [pred, target] = arrays('pred = [0.1, 0.2, 0.3]\ntarget = [1.0, 2.0]');
    assert.deepEqual(fittingLosses(pred, target).map((x) => x.entry.id).filter((id) => id === 'mse-loss'), []);
  });
  it('large selections are probed on their first rows, then computed in full when picked', () => {
    const n = 60_000;
    const p = Array.from({ length: n }, (_, i) => [Math.sin(i), Math.cos(i)]);
    const t = Array.from({ length: n }, (_, i) => [Math.sin(i + 1), Math.cos(i + 1)]);
    const [pred, target] = arrays(`pred = ${JSON.stringify(p)}\ntarget = ${JSON.stringify(t)}`);
    assert.ok(isLarge(pred, target));
    const t0 = performance.now();
    const c = fittingLosses(pred, target);
    const probeMs = performance.now() - t0;
    assert.ok(c.length >= 3 && c.every((x) => x.result === undefined));
    assert.ok(probeMs < 500, `probing took ${probeMs} ms`);
    const mse = c.find((x) => x.entry.id === 'mse-loss')!;
    assert.equal(evaluate(mse, pred, target).value, computeLoss('mse-loss', { input: pred.tensor, target: target.tensor }).value);
  });
  it('values print readably', () => {
    assert.equal(formatValue(0.41703001), '0.41703');
    assert.equal(formatValue(1e-7), '1e-7');
    assert.equal(formatValue(NaN), 'nan');
    assert.equal(formatValue(0.1 + 0.2, true), '0.30000000000000004');
  });
});
