/**
 * Compute Loss on Selection inside the real VS Code: each selection format,
 * multi-cursor, ambiguity (asked once, remembered), each error message, the
 * cap, a large selection on the worker, and the time from selection to value.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { computeLoss } from '../../../src/losses';
import { activateLossAtlas, sleep } from './helpers';
import { closeAll, pythonDoc, recordFigure, select, selectAll, setSetting } from './editor-helpers';

type Result =
  | { lossId: string; value: number; predInput: string; targetInput: string; predShape: number[]; targetShape: number[]; candidates: string[] }
  | { error: string };

async function compute(args: Record<string, unknown> = {}): Promise<Result> {
  return vscode.commands.executeCommand<Result>('lossAtlas.computeOnSelection', { notify: false, ...args });
}

function ok(r: Result): Exclude<Result, { error: string }> {
  if ('error' in r) assert.fail(`expected a value, got the error: ${r.error}`);
  return r;
}

const MSE = (p: number[], t: number[]) => computeLoss('mse-loss', { input: p, target: t }).value as number;

describe('editor: Compute Loss on Selection — formats', () => {
  before(activateLossAtlas);
  after(closeAll);

  const formats: Array<[string, string]> = [
    ['Python lists on named lines', 'pred = [0.9, 0.2, 0.7]\ntarget = [1.0, 0.0, 1.0]'],
    ['numpy reprs', 'pred = array([0.9, 0.2, 0.7], dtype=float32)\ntarget = array([1., 0., 1.], dtype=float32)'],
    ['torch reprs with grad_fn / requires_grad', 'pred = tensor([0.9000, 0.2000, 0.7000], grad_fn=<SigmoidBackward0>)\ntarget = tensor([1., 0., 1.], requires_grad=True)'],
    ['TensorFlow reprs', 'y_pred: <tf.Tensor: shape=(3,), dtype=float32, numpy=array([0.9, 0.2, 0.7], dtype=float32)>\ny_true: <tf.Tensor: shape=(3,), dtype=float32, numpy=array([1., 0., 1.], dtype=float32)>'],
    ['JSON object', '{"pred": [0.9, 0.2, 0.7], "target": [1.0, 0.0, 1.0]}'],
    ['CSV with a header', 'pred,target\n0.9,1.0\n0.2,0.0\n0.7,1.0'],
    ['scientific notation', 'pred = [9e-1, 2E-1, 7.0e-1]\ntarget = [1e0, 0e0, 1e+0]'],
  ];
  for (const [title, text] of formats) {
    it(title, async () => {
      const editor = await pythonDoc(text);
      selectAll(editor);
      const r = ok(await compute({ lossId: 'mse-loss' }));
      assert.ok(Math.abs(r.value - MSE([0.9, 0.2, 0.7], [1, 0, 1])) < 1e-7, String(r.value));
      assert.equal(r.predInput, 'input');
      assert.deepEqual(r.predShape, [3]);
    });
  }

  it('a two-row TSV table (ambiguous order given by the argument)', async () => {
    const editor = await pythonDoc('0.9\t0.2\t0.7\n1.5\t0.5\t1.0');
    selectAll(editor);
    const r = ok(await compute({ lossId: 'mse-loss', prediction: 1 }));
    assert.equal(r.value, MSE([1.5, 0.5, 1.0], [0.9, 0.2, 0.7]));
  });

  it('whitespace- and comma-separated numbers in two selections (multi-cursor), nan/inf/negatives', async () => {
    const editor = await pythonDoc('a: -1.5 2 inf\nb: 0.5, -2, 3\n');
    select(editor, '-1.5 2 inf', '0.5, -2, 3');
    const r = ok(await compute({ lossId: 'l1-loss', prediction: 0 }));
    assert.equal(r.value, Infinity);
    // nan parses, and the core then says where it is instead of returning a NaN loss
    const editor2 = await pythonDoc('pred = [nan, 1.0]\ntarget = [0.0, 1.0]\n');
    selectAll(editor2);
    const r2 = await compute({ lossId: 'mse-loss' });
    assert.ok('error' in r2, `expected an error, got ${JSON.stringify(r2)}`);
    assert.match(r2.error, /input: expected numbers .*found NaN at \[0\]/);
  });

  it('(N, C) logits with (N,) integer class indices: cross-entropy first, integer array as target', async () => {
    const editor = await pythonDoc('logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.2, 0.3]])\nlabels = torch.tensor([0, 1])\n');
    select(editor, '[[2.0, 0.5, -1.0], [0.1, 1.2, 0.3]]', '[0, 1]');
    const r = ok(await compute({ lossId: 'cross-entropy' }));
    assert.equal(r.candidates[0], 'cross-entropy');
    assert.ok(r.candidates.includes('nll-loss'));
    assert.ok(!r.candidates.includes('mse-loss'));
    assert.deepEqual([r.predShape, r.targetShape], [[2, 3], [2]]);
    const expected = computeLoss('cross-entropy', { input: [[2.0, 0.5, -1.0], [0.1, 1.2, 0.3]], target: [0, 1] }).value as number;
    assert.equal(r.value, expected);
  });

  it('equal shapes suggest mse, l1, huber first', async () => {
    const editor = await pythonDoc('pred = [0.9, 0.2, 0.7]\ntarget = [1.0, 0.0, 1.0]');
    selectAll(editor);
    const r = ok(await compute({ lossId: 'mse-loss' }));
    assert.deepEqual(r.candidates.slice(0, 3), ['mse-loss', 'l1-loss', 'huber-loss']);
  });
});

describe('editor: Compute Loss on Selection — asking and remembering', () => {
  before(activateLossAtlas);
  after(closeAll);

  it('asks which is the prediction only when ambiguous, then remembers', async () => {
    const editor = await pythonDoc('0.5 0.5\n0.1 0.9\n');
    selectAll(editor);
    // Quiet mode never asks: an ambiguous order with nothing remembered is an error.
    const first = await compute({ lossId: 'mse-loss' });
    if ('error' in first) assert.match(first.error, /ambiguous/);
    // Interactive: answer "the second is the prediction" in the Quick Pick.
    const pending = vscode.commands.executeCommand<Result>('lossAtlas.computeOnSelection', { lossId: 'mse-loss' });
    await sleep(500);
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const r = ok(await pending);
    assert.equal(r.value, MSE([0.1, 0.9], [0.5, 0.5]));
    await vscode.commands.executeCommand('notifications.clearAll');
    // Remembered: no question, same order.
    const again = ok(await compute({ lossId: 'mse-loss' }));
    assert.equal(again.value, r.value);
  });

  it('interactive Quick Pick of fitting losses: accepting the first computes it', async () => {
    const editor = await pythonDoc('pred = [0.9, 0.2]\ntarget = [1.0, 0.0]');
    selectAll(editor);
    const pending = vscode.commands.executeCommand<Result>('lossAtlas.computeOnSelection');
    await sleep(500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const r = ok(await pending);
    assert.equal(r.lossId, 'mse-loss');
    await vscode.commands.executeCommand('notifications.clearAll');
  });
});

describe('editor: Compute Loss on Selection — errors', () => {
  before(activateLossAtlas);
  after(async () => {
    await setSetting('selection.maxNumbers', undefined);
    await closeAll();
  });

  async function errorFor(text: string, args: Record<string, unknown> = {}, pick?: (e: vscode.TextEditor) => void): Promise<string> {
    const editor = await pythonDoc(text);
    if (pick) pick(editor);
    else selectAll(editor);
    const r = await compute(args);
    assert.ok('error' in r, `expected an error, got ${JSON.stringify(r)}`);
    return r.error;
  }

  it('a stray token: what was found and where, in document lines and columns', async () => {
    const text = 'header line\n1 2 3\n4 5 6\n7 8 9\n10 11 12 foo\n';
    const e = await errorFor(text, {}, (ed) => select(ed, '1 2 3\n4 5 6\n7 8 9\n10 11 12 foo'));
    assert.equal(e, "found 12 numbers and the token 'foo' at line 5, column 10");
  });
  it('no selection', async () => {
    const e = await errorFor('1 2 3', {}, (ed) => (ed.selection = new vscode.Selection(0, 0, 0, 0)));
    assert.match(e, /select numbers first/);
  });
  it('no numbers', async () => {
    assert.equal(await errorFor('   \n   '), 'found no numbers in the selection');
  });
  it('only one array', async () => {
    assert.match(await errorFor('[0.1, 0.2, 0.3]'), /^found one array \(3,\) \[0\.1, 0\.2, 0\.3\]; select a prediction and a target/);
  });
  it('three unnamed arrays', async () => {
    assert.match(await errorFor('[1, 2]\n[3, 4]\n[5, 6, 7]'), /^found 3 arrays/);
  });
  it('ragged and unclosed brackets', async () => {
    assert.match(await errorFor('[[1, 2], [3]]'), /ragged: the list closing at line 1, column 12 has 1 element/);
    assert.equal(await errorFor('pred = [1, 2\n'), "found 2 numbers and an unclosed '[' opened at line 1, column 8");
  });
  it('abbreviated numpy output', async () => {
    assert.match(await errorFor('array([0.1, 0.2, ..., 0.9])'), /'\.\.\.' at line 1, column 18: the array was printed abbreviated/);
  });
  it('shapes no loss accepts', async () => {
    assert.match(await errorFor('pred = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]\ntarget = [1.5, 2.5, 3.5, 4.5]'), /^no loss in the catalog accepts a prediction pred \(2, 3\)/);
  });
  it('a named loss that does not fit says why', async () => {
    assert.match(await errorFor('pred = [0.1, 0.2, 0.3]\ntarget = [1.0, 0.0]', { lossId: 'mse-loss' }), /^mse-loss: target: shape \(2,\) does not broadcast/);
  });
  it('above the cap (lossAtlas.selection.maxNumbers)', async () => {
    await setSetting('selection.maxNumbers', 5);
    assert.match(await errorFor('pred = [1, 2, 3]\ntarget = [4, 5, 6]'), /more than 5 numbers \(the limit\).*lossAtlas\.selection\.maxNumbers/);
    await setSetting('selection.maxNumbers', undefined);
  });
});

describe('editor: Compute Loss on Selection — large selections', () => {
  before(activateLossAtlas);
  after(closeAll);

  it('10,000 numbers: time from selection to value', async function () {
    this.timeout(60_000);
    const n = 5000;
    const p = Array.from({ length: n }, (_, i) => Math.round(Math.sin(i) * 1e4) / 1e4);
    const t = Array.from({ length: n }, (_, i) => Math.round(Math.cos(i) * 1e4) / 1e4);
    const editor = await pythonDoc(`pred = [${p.join(', ')}]\ntarget = [${t.join(', ')}]\n`);
    selectAll(editor);
    const times: number[] = [];
    let value = NaN;
    for (let k = 0; k < 11; k++) {
      const t0 = performance.now();
      value = ok(await compute({ lossId: 'mse-loss' })).value;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    recordFigure('selection to value, 10,000 numbers, mse-loss (ms)', { median: +times[5].toFixed(2), min: +times[0].toFixed(2), max: +times[10].toFixed(2) });
    assert.equal(value, MSE(p, t));
    // Interactive path: every fitting loss is computed for the Quick Pick (values shown), then the first is accepted.
    const t0 = performance.now();
    const pending = vscode.commands.executeCommand<Result>('lossAtlas.computeOnSelection');
    await sleep(300);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const r = ok(await pending);
    recordFigure('selection to value, 10,000 numbers, every fitting loss computed for the Quick Pick (ms, incl. 300 ms wait)', +(performance.now() - t0).toFixed(1));
    assert.equal(r.lossId, 'mse-loss');
    assert.equal(r.value, value);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('1e6 numbers parse on the worker thread and compute', async function () {
    this.timeout(120_000);
    const n = 500_000;
    const row = (f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i).toFixed(4)).join(', ');
    const editor = await pythonDoc(`pred = [${row((i) => Math.sin(i))}]\ntarget = [${row((i) => Math.cos(i))}]\n`);
    selectAll(editor);
    const t0 = performance.now();
    const r = ok(await compute({ lossId: 'l1-loss' }));
    recordFigure('selection to value, 1,000,000 numbers, l1-loss, worker parse (ms)', +(performance.now() - t0).toFixed(0));
    assert.deepEqual(r.predShape, [n]);
    assert.ok(Number.isFinite(r.value) && r.value > 0);
    // huber runs the core's SIMD (WebAssembly) loop at this size: the same value as the plain formula
    const x = Array.from({ length: n }, (_, i) => +Math.sin(i).toFixed(4));
    const y = Array.from({ length: n }, (_, i) => +Math.cos(i).toFixed(4));
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const a = Math.abs(x[i] - y[i]);
      sum += a < 1 ? 0.5 * a * a : a - 0.5;
    }
    const huber = ok(await compute({ lossId: 'huber-loss' })).value;
    assert.ok(Math.abs(huber - sum / n) <= 1e-12 * (sum / n), `huber ${huber} vs ${sum / n}`);
  });
});
