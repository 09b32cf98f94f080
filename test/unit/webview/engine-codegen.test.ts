import { strict as assert } from 'node:assert';
import { computeLoss, getEntry, LOSSES, isComputable } from '../../../src/losses';
import { codeFor } from '../../../src/webview/codegen';
import { runCompute } from '../../../src/webview/engine';
import { exampleInputs, exampleShape, generate, roles, GENERATORS } from '../../../src/webview/generators';

const t = (data: number[], shape = [data.length]) => ({ shape, data: Float64Array.from(data) });

describe('playground engine', () => {
  it('returns the core value, contributions and gradient', () => {
    const input = t([0.5, -1, 2, 4]);
    const target = t([0, -1, 3, 0]);
    const res = runCompute({ seq: 1, lossId: 'mse-loss', inputs: { input, target }, params: {}, compare: [] });
    assert.ok(res.ok);
    const core = computeLoss('mse-loss', { input, target });
    assert.equal(res.result!.value, core.value);
    assert.deepEqual([...res.result!.contributions.data], [...core.contributions.data]);
    assert.deepEqual([...res.result!.grad.data], [...core.grad.data]);
  });

  it('plots a residual-only loss against the residual, with one mark per element', () => {
    const res = runCompute({ seq: 1, lossId: 'huber-loss', inputs: { input: t([0, 1, 5]), target: t([1, 1, 0]) }, params: { delta: 1 }, compare: [{ id: 'mse-loss', label: 'mse', params: {} }] });
    assert.equal(res.plot?.kind, 'residual');
    assert.equal(res.plot!.curves.length, 2);
    assert.equal(res.plot!.marks.length, 6);
    // mark of element 2: residual 5, huber 4.5
    assert.equal(res.plot!.marks[4], 5);
    assert.equal(res.plot!.marks[5], 4.5);
    // the MSE curve is x^2 on the grid
    const x = res.plot!.x;
    const mse = res.plot!.curves[1].y;
    for (let i = 0; i < x.length; i += 20) assert.ok(Math.abs(mse[i] - x[i] * x[i]) < 1e-12);
    assert.equal(res.compares[0].value, computeLoss('mse-loss', { input: t([0, 1, 5]), target: t([1, 1, 0]) }).value);
  });

  it('reports a bad input with the field the core names, and unknown comparisons gracefully', () => {
    const res = runCompute({ seq: 1, lossId: 'mse-loss', inputs: { input: t([1, 2, 3]), target: t([1, 2]) }, params: {}, compare: [] });
    assert.equal(res.ok, false);
    assert.equal(res.error!.field, 'target');
    assert.match(res.error!.message, /target/);
    const res2 = runCompute({ seq: 2, lossId: 'mse-loss', inputs: { input: t([1]), target: t([2]) }, params: {}, compare: [{ id: 'no-such-loss', label: 'x', params: {} }] });
    assert.ok(res2.ok);
    assert.match(res2.compares[0].error!, /not in the catalog/);
    const res3 = runCompute({ seq: 3, lossId: 'no-such-loss', inputs: {}, params: {}, compare: [] });
    assert.equal(res3.ok, false);
    assert.match(res3.error!.message, /not in the catalog/);
  });

  it('sweeps a parameter: one curve per value', () => {
    const res = runCompute({
      seq: 1,
      lossId: 'huber-loss',
      inputs: { input: t([0, 3]), target: t([0, 0]) },
      params: {},
      compare: [0.5, 1, 2].map((d) => ({ id: 'huber-loss', label: `delta=${d}`, params: { delta: d } })),
    });
    assert.equal(res.plot!.curves.length, 4);
    const at = (c: number) => res.plot!.curves[c].y[res.plot!.x.length - 1];
    // for a large residual r, huber = delta (r - delta/2): bigger delta, bigger loss
    assert.ok(at(1) < at(2) && at(2) < at(3));
  });

  it('computes every computable entry on its example inputs or reports a named error (never throws)', function () {
    this.timeout(60_000);
    let ok = 0;
    for (const e of LOSSES.filter((x) => isComputable(x.id))) {
      const inputs = exampleInputs(e);
      const res = runCompute({ seq: 1, lossId: e.id, inputs, params: {}, compare: [], gridSize: 41 });
      if (res.ok) {
        ok++;
        assert.equal(typeof res.result!.value, 'number', e.id);
      } else assert.ok(res.error!.message.length > 0, e.id);
    }
    assert.ok(ok >= 3, `only ${ok} entries computed on their examples`);
    console.log(`      (${ok} computable entries computed on their generated examples)`);
  });
});

describe('playground generators', () => {
  it('fills prediction and target with the requested form', () => {
    const bce = getEntry('mse-loss')!;
    for (const g of GENERATORS) {
      const out = generate(g, bce, 10, 3, 1);
      const { pred, target } = roles(bce);
      assert.ok(out[pred!] && out[target!], g);
    }
    const ce = generate('logits-index', getEntry('mse-loss')!, 5, 4, 2);
    assert.deepEqual(ce.input.shape, [5, 4]);
    assert.ok([...ce.target.data].every((v) => Number.isInteger(v) && v >= 0 && v < 4));
    const onehot = generate('logits-onehot', getEntry('mse-loss')!, 6, 3, 3);
    for (let i = 0; i < 6; i++) assert.equal(onehot.target.data[i * 3] + onehot.target.data[i * 3 + 1] + onehot.target.data[i * 3 + 2], 1);
    const out = generate('regression-outliers', getEntry('mse-loss')!, 50, 3, 4);
    const big = [...out.input.data].filter((p, i) => Math.abs(p - out.target.data[i]) > 3).length;
    assert.ok(big >= 3, `outliers: ${big}`);
    // deterministic for a seed
    assert.deepEqual([...generate('bimodal', getEntry('mse-loss')!, 8, 3, 9).target.data], [...generate('bimodal', getEntry('mse-loss')!, 8, 3, 9).target.data]);
  });

  it('picks example shapes from catalog shape text', () => {
    assert.deepEqual(exampleShape('(C), (N, C), (N, C, d1)'), [4, 3]);
    assert.deepEqual(exampleShape('(N)'), [4]);
    assert.deepEqual(exampleShape('(*), same shape as input', [7]), [7]);
    assert.deepEqual(exampleShape('(N, 4)'), [4, 4]);
  });
});

describe('playground code for the current parameters', () => {
  it('puts the current parameter values into the snippet', () => {
    const huber = getEntry('huber-loss')!;
    const code = codeFor(huber, 'torch', { delta: 2.5, reduction: 'sum' });
    assert.match(code, /nn\.HuberLoss\(delta=2\.5, reduction='sum'\)/);
    assert.match(code, /^import torch\.nn as nn/m);
    assert.doesNotMatch(code, /\$\{|\$\d/);
    const def = codeFor(huber, 'torch', { delta: 1, reduction: 'mean' });
    assert.match(def, /reduction='mean'/);
    assert.doesNotMatch(def, /^# /m, 'every parameter is in the code: no note');
  });

  it('names the changed parameters the code does not set, as the playground\'s, not as lines to type', () => {
    const ctc = getEntry('ctc-loss')!;
    // tf.nn.ctc_loss has no reduction and no zero_infinity
    const code = codeFor(ctc, 'tf', { reduction: 'sum', zero_infinity: true, blank: 0 });
    assert.match(code, /^# playground parameters not set in this code: reduction='sum', zero_infinity=True$/m);
    assert.doesNotMatch(codeFor(ctc, 'tf', {}), /^# playground parameters/m, 'defaults: no note');
  });
});
