import { strict as assert } from 'node:assert';
import { LOSSES } from '../../../src/losses';
import {
  analyzePython, callArguments, importInsertLine, lossAtPosition, mergeImports, parseImports, pythonLiteral,
} from '../../../src/python';

/** The entry at the end of the first occurrence of `name` in `line`, with `imports` above it in the file. */
function at(imports: string, line: string, name: string): string | undefined {
  const k = line.indexOf(name);
  assert.ok(k >= 0, `${name} not in ${line}`);
  const pre = imports ? imports + '\n' : '';
  return lossAtPosition([pre + line], 0, pre.split('\n').length - 1, k + name.length - 1)?.entryId;
}

const smpApi = LOSSES.flatMap((e) => e.apis.map((a) => ({ e, a }))).find((x) => x.a.framework === 'smp');

describe('python: import resolution', () => {
  const cases: Array<[string, string, string, string, string]> = [
    ['fully qualified torch.nn', 'import torch', 'loss = torch.nn.CrossEntropyLoss()', 'CrossEntropyLoss', 'cross-entropy'],
    ['nn after from torch import nn', 'from torch import nn', 'c = nn.CrossEntropyLoss()', 'CrossEntropyLoss', 'cross-entropy'],
    ['nn after import torch.nn as nn', 'import torch.nn as nn', 'c = nn.MSELoss()', 'MSELoss', 'mse-loss'],
    ['F after import torch.nn.functional as F', 'import torch.nn.functional as F', 'l = F.cross_entropy(x, y)', 'cross_entropy', 'cross-entropy'],
    ['F after from torch.nn import functional as F', 'from torch.nn import functional as F', 'l = F.l1_loss(x, y)', 'l1_loss', 'l1-loss'],
    ['bare after from torch.nn import X', 'from torch.nn import CrossEntropyLoss', 'c = CrossEntropyLoss()', 'CrossEntropyLoss', 'cross-entropy'],
    ['alias after from torch.nn import X as CE', 'from torch.nn import CrossEntropyLoss as CE', 'c = CE(label_smoothing=0.1)', 'CE', 'cross-entropy'],
    ['parenthesised multi-line from-import', 'from torch.nn import (\n    MSELoss,\n    HuberLoss as H,\n)', 'c = H()', 'H', 'huber-loss'],
    ['tf.keras.losses.X', 'import tensorflow as tf', 'l = tf.keras.losses.MeanSquaredError()', 'MeanSquaredError', 'mse-loss'],
    ['keras.losses.X after import keras', 'import keras', 'l = keras.losses.MeanAbsoluteError()', 'MeanAbsoluteError', 'l1-loss'],
    ['keras.losses.X after from tensorflow import keras', 'from tensorflow import keras', 'l = keras.losses.MeanSquaredError()', 'MeanSquaredError', 'mse-loss'],
    ['from tensorflow.keras.losses import X', 'from tensorflow.keras.losses import MeanSquaredError', 'l = MeanSquaredError()', 'MeanSquaredError', 'mse-loss'],
    ['losses.X after from keras import losses', 'from keras import losses', 'l = losses.MeanAbsoluteError()', 'MeanAbsoluteError', 'l1-loss'],
    ['losses.X after from tensorflow.keras import losses', 'from tensorflow.keras import losses', 'l = losses.MeanSquaredError()', 'MeanSquaredError', 'mse-loss'],
    ['optax.x', 'import optax', 'l = optax.huber_loss(p, t)', 'huber_loss', 'huber-loss'],
    ['optax.losses.x', 'import optax', 'l = optax.losses.squared_error(p, t)', 'squared_error', 'mse-loss'],
    ['torchvision.ops.x', 'import torchvision', 'l = torchvision.ops.sigmoid_focal_loss(x, y)', 'sigmoid_focal_loss', 'sigmoid-focal-loss'],
    ['from torchvision.ops import x', 'from torchvision.ops import generalized_box_iou_loss', 'l = generalized_box_iou_loss(a, b)', 'generalized_box_iou_loss', 'generalized-box-iou-loss'],
    ['from torch.nn import *', 'from torch.nn import *', 'c = SmoothL1Loss()', 'SmoothL1Loss', 'smooth-l1-loss'],
    ['torch.nn.modules.loss path', 'from torch.nn.modules.loss import MSELoss', 'c = MSELoss()', 'MSELoss', 'mse-loss'],
    ['smp.losses.FocalLoss: the sigmoid form (not the softmax FocalLoss alias)', 'import segmentation_models_pytorch as smp', "l = smp.losses.FocalLoss(mode='binary')", 'FocalLoss', 'sigmoid-focal-loss'],
    ['imports inside a function (used there) and after a semicolon', 'def f():\n    import os; import torch.nn.functional as fn', '    l = fn.mse_loss(a, b)', 'mse_loss', 'mse-loss'],
  ];
  for (const [title, imports, line, name, id] of cases) {
    it(title, () => assert.equal(at(imports, line, name), id));
  }

  it('smp.losses.X after import segmentation_models_pytorch as smp', function () {
    if (!smpApi) this.skip();
    const rest = smpApi!.a.symbol.replace(/^(segmentation_models_pytorch|smp)\.losses\./, '');
    assert.equal(at('import segmentation_models_pytorch as smp', `l = smp.losses.${rest}()`, rest), smpApi!.e.id);
  });

  it('a name bound by an unrelated import does not resolve', () => {
    assert.equal(at('import numpy as nn', 'c = nn.MSELoss()', 'MSELoss'), undefined);
    assert.equal(at('from mylib import CrossEntropyLoss', 'c = CrossEntropyLoss()', 'CrossEntropyLoss'), undefined);
  });
  it('without imports, a called name bound nowhere resolves when unambiguous; an ambiguous one does not', () => {
    assert.equal(at('', 'c = nn.MSELoss()', 'MSELoss'), 'mse-loss');
    assert.equal(lossAtPosition(['l = cross_entropy(x, y)'], 0, 0, 5)?.via, 'unbound');
    // `huber_loss` is both torch.nn.functional.huber_loss and optax.huber_loss: same entry, so unambiguous.
    assert.equal(lossAtPosition(['l = huber_loss(x, y)'], 0, 0, 5)?.entryId, 'huber-loss');
    const owners = new Map<string, Set<string>>();
    for (const e of LOSSES) for (const a of e.apis) {
      const bare = a.symbol.slice(a.symbol.lastIndexOf('.') + 1);
      owners.set(bare, (owners.get(bare) ?? new Set()).add(e.id));
    }
    const ambiguous = [...owners].filter(([, ids]) => ids.size > 1).map(([b]) => b);
    assert.ok(ambiguous.length > 0, 'the catalog has no ambiguous bare name to test with');
    for (const b of ambiguous) assert.equal(lossAtPosition([`l = ${b}(x)`], 0, 0, 5), undefined, b);
    assert.equal(lossAtPosition(['l = not_a_loss(x)'], 0, 0, 5), undefined);
  });
  it('the hover on the module part of a name does not resolve', () => {
    const line = 'c = nn.MSELoss()';
    assert.equal(lossAtPosition(['import torch.nn as nn\n' + line], 0, 1, line.indexOf('nn')), undefined);
  });
  it('imports inside triple-quoted strings are ignored', () => {
    const t = parseImports('"""\nimport numpy as nn\n"""\nimport torch.nn as nn');
    assert.equal(t.names.get('nn'), 'torch.nn');
    const u = parseImports('x = 1\n"""doc\nimport numpy as F\n"""');
    assert.equal(u.names.get('F'), undefined);
  });
  it('notebook cells merge in order', () => {
    const m = mergeImports([parseImports('import torch'), parseImports('import torch.nn.functional as F')]);
    assert.equal(m.names.get('F'), 'torch.nn.functional');
    assert.equal(m.names.get('torch'), 'torch');
    assert.equal(analyzePython(['import torch', 'import torch.nn.functional as F']).imports.names.get('F'), 'torch.nn.functional');
  });
  it('relative imports bind names of the project (with a leading dot)', () => {
    const t = parseImports('from .misc import sigmoid_focal_loss\nfrom . import losses as L\nfrom ..util.box_ops import generalized_box_iou');
    assert.equal(t.names.get('sigmoid_focal_loss'), '.misc.sigmoid_focal_loss');
    assert.equal(t.names.get('L'), '.losses');
    assert.equal(t.names.get('generalized_box_iou'), '..util.box_ops.generalized_box_iou');
  });
  it('the hovered range is the whole dotted expression', () => {
    const h = analyzePython(['import torch\nx = torch.nn.MSELoss()']).lossAt(0, 1, 15);
    assert.deepEqual(h && { written: h.written, range: h.range }, { written: 'torch.nn.MSELoss', range: { line: 1, start: 4, endLine: 1, end: 20 } });
    assert.equal(lossAtPosition(['x = 1.5'], 0, 0, 5), undefined);
  });
});

describe('python: call arguments', () => {
  it('keywords, positionals, nested brackets, strings, comments and lines', () => {
    const args = callArguments("(logits, target, weight=torch.tensor([1., 2.]),  # w\n  label_smoothing=0.1, reduction='sum', ignore_index=-100)")!;
    assert.deepEqual(args.map((a) => a.name), [undefined, undefined, 'weight', 'label_smoothing', 'reduction', 'ignore_index']);
    assert.equal(args[3].value, 0.1);
    assert.equal(args[4].value, 'sum');
    assert.equal(args[5].value, -100);
    assert.equal(args[2].value, undefined);
    assert.equal(args[2].text, 'torch.tensor([1., 2.])');
  });
  it('an unclosed call gives undefined', () => {
    assert.equal(callArguments('(a, b'), undefined);
  });
  it('Python literals', () => {
    assert.equal(pythonLiteral('True'), true);
    assert.equal(pythonLiteral('None'), null);
    assert.equal(pythonLiteral('1e-3'), 0.001);
    assert.equal(pythonLiteral('"mean"'), 'mean');
    assert.equal(pythonLiteral("float('inf')"), Infinity);
    assert.equal(pythonLiteral('x + 1'), undefined);
  });
});

describe('python: where to add an import', () => {
  it('after the leading import block', () => {
    assert.equal(importInsertLine('import torch\nimport numpy as np\n\nx = 1\n'), 2);
  });
  it('after a docstring, shebang and comments when there are no imports', () => {
    assert.equal(importInsertLine('#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n"""Doc\nstring."""\nx = 1\n'), 4);
  });
  it('at the top of a file with code only', () => {
    assert.equal(importInsertLine('x = 1\n'), 0);
  });
  it('after a parenthesised import', () => {
    assert.equal(importInsertLine('from a import (\n  b,\n  c,\n)\nprint(b)'), 4);
  });
});
