/**
 * Hover docs inside the real VS Code: every import style, notebooks, call
 * arguments, the formula image, language choice, and latency on a large file.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { LOSSES } from '../../../src/losses';
import { activateLossAtlas, demoFile } from './helpers';
import { closeAll, hoverLinkArgs, hoverLossId, lossHover, notebookFile, percentile, positionOf, pythonDoc, recordFigure, setSetting } from './editor-helpers';

async function hoverId(content: string, needle: string): Promise<string | undefined> {
  const editor = await pythonDoc(content);
  return hoverLossId(await lossHover(editor.document, positionOf(editor.document, needle)));
}

const smpApi = LOSSES.flatMap((e) => e.apis.map((a) => ({ e, a }))).find((x) => x.a.framework === 'smp');

describe('editor: hover on every import style', () => {
  before(async () => {
    await activateLossAtlas();
  });
  after(closeAll);

  const cases: Array<[string, string, string, string]> = [
    ['torch.nn.X after import torch', 'import torch\nc = torch.nn.CrossEntropyLoss()\n', 'CrossEntropyLoss', 'cross-entropy'],
    ['nn.X after from torch import nn', 'from torch import nn\nc = nn.CrossEntropyLoss()\n', 'CrossEntropyLoss', 'cross-entropy'],
    ['nn.X after import torch.nn as nn', 'import torch.nn as nn\nc = nn.MSELoss()\n', 'MSELoss', 'mse-loss'],
    ['F.x after import torch.nn.functional as F', 'import torch.nn.functional as F\nl = F.cross_entropy(x, y)\n', 'cross_entropy', 'cross-entropy'],
    ['bare X after from torch.nn import X', 'from torch.nn import CrossEntropyLoss\nc = CrossEntropyLoss()\n', 'CrossEntropyLoss()', 'cross-entropy'],
    ['alias after from torch.nn import X as CE', 'from torch.nn import CrossEntropyLoss as CE\nc = CE()\n', 'CE()', 'cross-entropy'],
    ['tf.keras.losses.X', 'import tensorflow as tf\nl = tf.keras.losses.MeanSquaredError()\n', 'MeanSquaredError', 'mse-loss'],
    ['keras.losses.X after import keras', 'import keras\nl = keras.losses.MeanAbsoluteError()\n', 'MeanAbsoluteError', 'l1-loss'],
    ['keras.losses.X after from tensorflow import keras', 'from tensorflow import keras\nl = keras.losses.MeanSquaredError()\n', 'MeanSquaredError', 'mse-loss'],
    ['from tensorflow.keras.losses import X', 'from tensorflow.keras.losses import MeanSquaredError\nl = MeanSquaredError()\n', 'MeanSquaredError()', 'mse-loss'],
    ['losses.X after from keras import losses', 'from keras import losses\nl = losses.MeanAbsoluteError()\n', 'MeanAbsoluteError', 'l1-loss'],
    ['optax.x', 'import optax\nl = optax.huber_loss(p, t)\n', 'huber_loss', 'huber-loss'],
    ['optax.losses.x', 'import optax\nl = optax.losses.squared_error(p, t)\n', 'squared_error', 'mse-loss'],
    ['torchvision.ops.x', 'import torchvision\nl = torchvision.ops.sigmoid_focal_loss(x, y)\n', 'sigmoid_focal_loss', 'sigmoid-focal-loss'],
    ['from torchvision.ops import x', 'from torchvision.ops import generalized_box_iou_loss\nl = generalized_box_iou_loss(a, b)\n', 'generalized_box_iou_loss(', 'generalized-box-iou-loss'],
    ['parenthesised from-import with an alias', 'from torch.nn import (\n    MSELoss,\n    HuberLoss as H,\n)\nc = H(delta=2.0)\n', 'H(', 'huber-loss'],
    ['star import', 'from torch.nn import *\nc = SmoothL1Loss()\n', 'SmoothL1Loss', 'smooth-l1-loss'],
    ['no import: an unambiguous bare name', 'c = MSELoss()\n', 'MSELoss', 'mse-loss'],
  ];
  for (const [title, content, needle, id] of cases) {
    it(title, async () => assert.equal(await hoverId(content, needle), id));
  }

  it('smp.losses.X after import segmentation_models_pytorch as smp', async function () {
    if (!smpApi) this.skip();
    const rest = smpApi!.a.symbol.replace(/^(segmentation_models_pytorch|smp)\.losses\./, '');
    assert.equal(await hoverId(`import segmentation_models_pytorch as smp\nl = smp.losses.${rest}()\n`, rest), smpApi!.e.id);
  });

  it('no hover where an import binds the name to something else', async () => {
    assert.equal(await hoverId('import numpy as nn\nc = nn.MSELoss()\n', 'MSELoss'), undefined);
    assert.equal(await hoverId('from mylib import CrossEntropyLoss\nc = CrossEntropyLoss()\n', 'CrossEntropyLoss()'), undefined);
  });

  it('no hover on the module part of a name, or on other words', async () => {
    assert.equal(await hoverId('import torch.nn as nn\nc = nn.MSELoss()\n', 'c = nn'), undefined);
    assert.equal(await hoverId('import torch\nx = torch.randn(3)\n', 'randn'), undefined);
  });

  it('on a real file of the workspace (demo/classification.py), every spelling in it', async () => {
    const doc = await vscode.workspace.openTextDocument(demoFile('classification.py'));
    await vscode.window.showTextDocument(doc);
    for (const needle of ['torch.nn.CrossEntropyLoss', 'nn.CrossEntropyLoss(weight', 'F.cross_entropy', 'F.nll_loss', 'CE(ignore']) {
      const n = needle.replace(/\(.*$/, '');
      assert.equal(hoverLossId(await lossHover(doc, positionOf(doc, n))), n.endsWith('nll_loss') ? 'nll-loss' : 'cross-entropy', needle);
    }
  });
});

describe('editor: hover in notebooks', () => {
  after(closeAll);

  it('resolves names from the imports of other cells (demo/loss_tour.ipynb)', async () => {
    const nb = await vscode.workspace.openNotebookDocument(demoFile('loss_tour.ipynb'));
    await vscode.window.showNotebookDocument(nb);
    const cell = nb.getCells().find((c) => c.document.getText().includes('nn.CrossEntropyLoss(label_smoothing'))!;
    assert.ok(cell, 'the demo notebook has a cell using nn.CrossEntropyLoss');
    const md = await lossHover(cell.document, positionOf(cell.document, 'nn.CrossEntropyLoss(label'));
    assert.equal(hoverLossId(md), 'cross-entropy');
    assert.match(md!, /this call: `0\.1`/);
  });

  it('an import in cell 1 explains a name in cell 2; a rebinding import does not', async () => {
    const nb = await notebookFile('editor_cells.ipynb', [
      ['code', 'import torch.nn.functional as fn'],
      ['code', 'loss = fn.mse_loss(a, b)'],
      ['markdown', '# notes'],
    ]);
    await vscode.window.showNotebookDocument(nb);
    const second = nb.cellAt(1).document;
    assert.equal(hoverLossId(await lossHover(second, positionOf(second, 'mse_loss'))), 'mse-loss');

    const nb2 = await notebookFile('editor_rebinding.ipynb', [
      ['code', 'import numpy as fn'],
      ['code', 'loss = fn.mse_loss(a, b)'],
    ]);
    const second2 = nb2.cellAt(1).document;
    assert.equal(await lossHover(second2, positionOf(second2, 'mse_loss')), undefined);
  });
});

describe('editor: hover content', () => {
  after(async () => {
    await setSetting('language', undefined);
    await setSetting('hover.formulaImage', undefined);
    await closeAll();
  });

  it("shows this call's arguments and passes them to the playground link", async () => {
    const editor = await pythonDoc('import torch.nn as nn\nc = nn.CrossEntropyLoss(\n    label_smoothing=0.1,\n    reduction="sum",\n)\n');
    const md = (await lossHover(editor.document, positionOf(editor.document, 'CrossEntropyLoss')))!;
    assert.match(md, /`label_smoothing` = `0(\.0)?` → \*\*this call: `0\.1`\*\*/);
    assert.match(md, /`reduction` = `'mean'` → \*\*this call: `"sum"`\*\*/);
    assert.deepEqual(hoverLinkArgs(md, 'lossAtlas.openPlayground'), { lossId: 'cross-entropy', params: { label_smoothing: 0.1, reduction: 'sum' } });
    assert.deepEqual(hoverLinkArgs(md, 'lossAtlas.insertSnippet'), { lossId: 'cross-entropy', params: { label_smoothing: 0.1, reduction: 'sum' } });
  });

  it('carries the formula as an SVG data URI generated at build time, with the Unicode text', async () => {
    const editor = await pythonDoc('import torch.nn as nn\nc = nn.MSELoss()\n');
    const md = (await lossHover(editor.document, positionOf(editor.document, 'MSELoss')))!;
    const m = /!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(md);
    assert.ok(m, 'no SVG data URI image in the hover');
    const svg = Buffer.from(m[1], 'base64').toString('utf8');
    assert.match(svg, /^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(md.includes('(1/n) Σᵢ (xᵢ − yᵢ)²'), 'the Unicode formula is missing');
  });

  it('formulaImage = file links the SVG written to the extension global storage; off shows text only', async () => {
    await setSetting('hover.formulaImage', 'file');
    const editor = await pythonDoc('import torch.nn as nn\nc = nn.MSELoss()\n');
    const md = (await lossHover(editor.document, positionOf(editor.document, 'MSELoss')))!;
    const m = /!\[[^\]]*\]\((file:[^)]+\.svg)\)/.exec(md);
    assert.ok(m, 'no file: image');
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(m[1]));
    assert.match(Buffer.from(bytes).toString('utf8'), /^<svg/);
    await setSetting('hover.formulaImage', 'off');
    const md2 = (await lossHover(editor.document, positionOf(editor.document, 'MSELoss')))!;
    assert.ok(!md2.includes('!['));
    assert.ok(md2.includes('Σᵢ'));
  });

  it('follows lossAtlas.language (zh-cn) over the display language', async () => {
    await setSetting('language', 'zh-cn');
    const editor = await pythonDoc('import torch.nn as nn\nc = nn.MSELoss()\n');
    const md = (await lossHover(editor.document, positionOf(editor.document, 'MSELoss')))!;
    assert.ok(md.includes('均方误差'), md.slice(0, 200));
    assert.ok(md.includes('**参数**') && md.includes('在演练场中打开'));
    await setSetting('language', 'en');
    const md2 = (await lossHover(editor.document, positionOf(editor.document, 'MSELoss')))!;
    assert.ok(md2.includes('**Parameters**'));
  });

  it('hover latency on a 5,000-line file (round trip through executeHoverProvider)', async function () {
    this.timeout(120_000);
    const body = Array.from({ length: 5000 }, (_, i) => (i === 2500 ? 'loss = nn.CrossEntropyLoss(label_smoothing=0.1)' : `x${i} = compute(${i}, y${i})  # filler line`));
    const editor = await pythonDoc('import torch\nimport torch.nn as nn\n' + body.join('\n') + '\n');
    const pos = positionOf(editor.document, 'CrossEntropyLoss');
    assert.equal(hoverLossId(await lossHover(editor.document, pos)), 'cross-entropy');
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, pos);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    recordFigure('hover round trip, 5,000-line file (ms)', { p50: +percentile(times, 50).toFixed(3), p99: +percentile(times, 99).toFixed(3), n: times.length });
    assert.ok(percentile(times, 50) < 50, `p50 ${percentile(times, 50)} ms`);
  });
});
