import { strict as assert } from 'node:assert';
import { findLoss } from '../../../src/losses';
import { analyzePython, lossAtPosition, type LossHit } from '../../../src/python';

/** The entry the catalog gives a qualified symbol (the registry's own look-up, not src/python's). */
const entryOf = (symbol: string) => findLoss(symbol)?.id;

/**
 * The hit at the `n`-th occurrence (1-based) of `needle` in the cells, at `offset` characters into it
 * (default: its last character, where a hover over the word would be).
 */
function hitAt(cells: string | string[], needle: string, n = 1, offset?: number): LossHit | undefined {
  const cs = typeof cells === 'string' ? [cells] : cells;
  let seen = 0;
  for (let c = 0; c < cs.length; c++) {
    const lines = cs[c].split('\n');
    for (let l = 0; l < lines.length; l++) {
      for (let k = lines[l].indexOf(needle); k >= 0; k = lines[l].indexOf(needle, k + 1)) {
        if (++seen === n) return analyzePython(cs).lossAt(c, l, k + (offset ?? needle.length - 1));
      }
    }
  }
  assert.fail(`occurrence ${n} of ${needle} not found`);
}
const id = (cells: string | string[], needle: string, n = 1, offset?: number) => hitAt(cells, needle, n, offset)?.entryId;
const via = (cells: string | string[], needle: string, n = 1) => hitAt(cells, needle, n)?.via;

describe('python: scope-aware resolution', () => {
  describe('names the file defines are not library losses', () => {
    it("a file's own class CrossEntropyLoss(nn.Module), and its uses", () => {
      const src = 'import torch.nn as nn\n\nclass CrossEntropyLoss(nn.Module):\n    def forward(self, x, y):\n        return x\n\ncrit = CrossEntropyLoss()\nloss = crit(a, b)\n';
      assert.equal(id(src, 'CrossEntropyLoss', 1), undefined);
      assert.equal(id(src, 'CrossEntropyLoss', 2), undefined);
      assert.equal(id(src, 'crit', 2), undefined);
    });
    it('a relatively imported sigmoid_focal_loss (DETR) and a local def', () => {
      const src = 'from .misc import sigmoid_focal_loss, dice_loss\nfrom . import losses\n\ndef focal_loss(x):\n    return x\n\nl = sigmoid_focal_loss(a, b) + dice_loss(a, b) + focal_loss(a)\nm = losses.cross_entropy(a)\n';
      assert.equal(id(src, 'sigmoid_focal_loss', 1), undefined, 'in the import line');
      assert.equal(id(src, 'sigmoid_focal_loss', 2), undefined, 'at the call');
      assert.equal(id(src, 'dice_loss', 2), undefined);
      assert.equal(id(src, 'focal_loss(a)'.slice(0, 10), 2), undefined);
      assert.equal(id(src, 'cross_entropy'), undefined);
    });
    it('tensors named nll_loss, mse_loss, BCELoss', () => {
      const src = 'import torch.nn.functional as F\nnll_loss = F.nll_loss(out, y)\nmse_loss = (a - b).pow(2).mean()\nBCELoss = 0.0\ntotal = nll_loss + mse_loss + BCELoss\nnll_loss.backward()\n';
      assert.equal(id(src, 'nll_loss', 1), undefined, 'the target');
      assert.equal(id(src, 'F.nll_loss'), 'nll-loss', 'the call on the right is a loss');
      assert.equal(id(src, 'nll_loss', 3), undefined);
      assert.equal(id(src, 'mse_loss', 2), undefined);
      assert.equal(id(src, 'BCELoss', 2), undefined);
      assert.equal(id(src, 'nll_loss', 4), undefined);
    });
    it('parameters, loop targets, with/except targets, comprehension variables', () => {
      const src = [
        'def f(cross_entropy, mse_loss=None):',
        '    return cross_entropy(a) + mse_loss(b)',
        'for l1_loss in fns:',
        '    l1_loss(x)',
        'with open(p) as kl_div:',
        '    kl_div(x)',
        'try:',
        '    pass',
        'except E as ctc_loss:',
        '    ctc_loss(x)',
        'ys = [smooth_l1_loss(v) for smooth_l1_loss in fs]',
        'g = lambda huber_loss: huber_loss(x)',
      ].join('\n');
      for (const name of ['cross_entropy', 'mse_loss', 'l1_loss', 'kl_div', 'ctc_loss', 'smooth_l1_loss', 'huber_loss']) {
        assert.equal(id(src, name + '(', 1, 0), undefined, name);
      }
    });
    it('a name bound anywhere in the file (another function, another cell) gets no unbound fallback', () => {
      assert.equal(id('def g():\n    cross_entropy = 1\nl = cross_entropy(a, b)\n', 'cross_entropy', 2), undefined);
      assert.equal(id(['cross_entropy = 1', 'l = cross_entropy(a, b)'], 'cross_entropy', 2), undefined);
      assert.equal(id('l = cross_entropy(a, b)\n', 'cross_entropy'), 'cross-entropy');
      assert.equal(via('l = cross_entropy(a, b)\n', 'cross_entropy'), 'unbound');
    });
    it('no unbound fallback when a star import from an unknown module may bind the name', () => {
      assert.equal(id('from utils.losses import *\nl = cross_entropy(a, b)\n', 'cross_entropy'), undefined);
    });
    it('a try/except ImportError import is still an import', () => {
      const src = 'try:\n    import tensorflow_addons as tfa\nexcept ImportError:\n    tfa = None\nl = tfa.losses.GIoULoss()\n';
      assert.deepEqual([id(src, 'GIoULoss'), via(src, 'GIoULoss')], ['generalized-box-iou-loss', 'import']);
    });
    it('notebook cells of another language (%%bash) are not read as Python; %%time cells are', () => {
      assert.equal(id(['%%bash\necho cross_entropy(x)', 'import torch'], 'cross_entropy'), undefined);
      assert.equal(id(['import torch.nn as nn', '%%time\nc = nn.MSELoss()'], 'MSELoss'), 'mse-loss');
    });
    it('a name bound to a call of an unbound loss name (a snippet without imports) is an instance', () => {
      const src = 'smoothing_loss = LabelSmoothingCrossEntropy(smoothing=0.1)\nl = smoothing_loss(out, y)\n';
      assert.equal(via(src, 'LabelSmoothingCrossEntropy'), 'unbound');
      const h = hitAt(src, 'smoothing_loss', 2)!;
      assert.deepEqual([h.via, h.symbol], ['instance', 'timm.loss.LabelSmoothingCrossEntropy']);
      assert.equal(id('from mylib import *\ns = LabelSmoothingCrossEntropy()\nl = s(o, y)\n', 's(o', 1, 0), undefined);
    });
    it('TensorFlow 1 tf.losses.* is tf.compat.v1.losses.*; TensorFlow 2 classes are Keras', () => {
      assert.equal(hitAt('import tensorflow as tf\nl = tf.losses.softmax_cross_entropy(onehot, logits)\n', 'softmax_cross_entropy')?.symbol, 'tf.compat.v1.losses.softmax_cross_entropy');
    });
    it('the unbound fallback needs a call', () => {
      assert.equal(id('fn = cross_entropy\n', 'cross_entropy'), undefined);
      assert.equal(id('print(cross_entropy)\n', 'cross_entropy'), undefined);
    });
    it('an import inside a function binds there only', () => {
      const src = 'def f():\n    import torch.nn.functional as fn\n    return fn.mse_loss(a, b)\nl = fn.mse_loss(a, b)\n';
      assert.equal(id(src, 'mse_loss', 1), 'mse-loss');
      assert.equal(id(src, 'mse_loss', 2), undefined);
    });
  });

  describe('loss instances', () => {
    it('criterion in a training loop: the loss, the arguments it was built with, the line it was bound', () => {
      const src = [
        'import torch.nn as nn',
        'criterion = nn.CrossEntropyLoss(label_smoothing=0.1)',
        'for x, y in loader:',
        '    loss = criterion(model(x), y)',
        '    loss.backward()',
      ].join('\n');
      const h = hitAt(src, 'criterion', 2)!;
      assert.deepEqual([h.entryId, h.symbol, h.via, h.written], ['cross-entropy', 'torch.nn.CrossEntropyLoss', 'instance', 'criterion']);
      assert.deepEqual(h.args, [{ name: 'label_smoothing', text: '0.1', value: 0.1 }]);
      assert.deepEqual(h.bound, { cell: 0, line: 1 });
      assert.equal(id(src, 'loss', 2), undefined, 'the tensor `loss`');
      assert.equal(id(src, 'criterion', 1), 'cross-entropy', 'the binding site too');
    });
    it('cross_entropy = tf.keras.losses.BinaryCrossentropy(...) is BINARY cross-entropy', () => {
      const src = 'import tensorflow as tf\ncross_entropy = tf.keras.losses.BinaryCrossentropy(from_logits=True)\ndef d_loss(r, f):\n    return cross_entropy(tf.ones_like(r), r)\n';
      const h = hitAt(src, 'cross_entropy', 2)!;
      assert.equal(h.symbol, 'tf.keras.losses.BinaryCrossentropy');
      assert.notEqual(h.entryId, 'cross-entropy');
      assert.match(h.entry.names.en, /binary/i);
      assert.equal(h.via, 'instance');
    });
    it('self.x = nn.X(...) in __init__, called in forward', () => {
      const src = [
        'from torch import nn',
        'class Net(nn.Module):',
        '    def __init__(self):',
        '        super().__init__()',
        '        self.loss_fn = nn.SmoothL1Loss(beta=0.5)',
        '    def forward(self, x, y):',
        '        return self.loss_fn(x, y)',
        'class Other(nn.Module):',
        '    def forward(self, x, y):',
        '        return self.loss_fn(x, y)',
      ].join('\n');
      const h = hitAt(src, 'loss_fn', 2)!;
      assert.deepEqual([h.entryId, h.via, h.written, h.bound?.line], ['smooth-l1-loss', 'instance', 'self.loss_fn', 4]);
      assert.equal(id(src, 'loss_fn', 3), undefined, "another class's self");
    });
    it('.to(device), .cuda() and a chain of names keep the instance', () => {
      const src = 'import torch\nfrom torch import nn\ncrit = nn.BCEWithLogitsLoss(pos_weight=w).to(device)\nc2 = crit\nc3 = nn.MSELoss().cuda()\nl = c2(x, y) + c3(x, y)\n';
      assert.equal(id(src, 'c2', 2), 'bce-with-logits');
      assert.deepEqual(hitAt(src, 'c2', 2)?.bound, { cell: 0, line: 2 });
      assert.equal(id(src, 'c3', 2), 'mse-loss');
    });
    it('a keyword given a loss, a parameter default, functools.partial', () => {
      const src = [
        'import keras',
        'from functools import partial',
        'import torch.nn.functional as F',
        'model.compile(optimizer="adam", loss=keras.losses.Huber(delta=2.0))',
        'def fit(model, loss_fn=keras.losses.MeanAbsoluteError()):',
        '    return loss_fn(y, p)',
        'ce = partial(F.cross_entropy, ignore_index=255)',
        'l = ce(x, y)',
      ].join('\n');
      assert.equal(id(src, 'loss=', 1, 0), entryOf('tf.keras.losses.Huber'));
      assert.equal(id(src, 'optimizer'), undefined);
      assert.equal(id(src, 'loss_fn', 2), entryOf('tf.keras.losses.MeanAbsoluteError'));
      assert.equal(id(src, 'ce', 2), 'cross-entropy');
      assert.deepEqual(hitAt(src, 'ce', 2)?.args?.map((a) => a.name), ['ignore_index']);
    });
    it('branches that bind different losses give no hover; the same loss does', () => {
      const diff = 'import torch.nn as nn\nif cfg.ce:\n    crit = nn.CrossEntropyLoss()\nelse:\n    crit = nn.MSELoss()\nl = crit(x, y)\n';
      assert.equal(id(diff, 'crit', 3), undefined);
      const inBranch = 'import torch.nn as nn\nif cfg.ce:\n    crit = nn.CrossEntropyLoss()\n    l = crit(x, y)\nelse:\n    crit = nn.MSELoss()\n';
      assert.equal(id(inBranch, 'crit', 2), 'cross-entropy');
      const noneFirst = 'import torch.nn as nn\ncrit = None\nif cfg.ce:\n    crit = nn.CrossEntropyLoss()\nl = crit(x, y)\n';
      assert.equal(id(noneFirst, 'crit', 3), 'cross-entropy');
      const rebound = 'import torch.nn as nn\ncrit = nn.L1Loss()\ncrit = build(cfg)\nl = crit(x, y)\n';
      assert.equal(id(rebound, 'crit', 3), undefined);
      const alias = 'import torch.nn as nn\nLoss = nn.MSELoss\nl = Loss()(x, y)\n';
      assert.equal(id(alias, 'Loss', 2), 'mse-loss');
    });
    it('a criterion passed to a function (pytorch/examples imagenet style): the callers in the file decide', () => {
      const src = [
        'import torch.nn as nn',
        'def train(loader, model, criterion, optimizer):',
        '    for images, target in loader:',
        '        loss = criterion(model(images), target)',
        'def validate(loader, model, criterion):',
        '    return criterion(model(x), y)',
        'def main():',
        '    criterion = nn.CrossEntropyLoss().to(device)',
        '    train(train_loader, model, criterion, optimizer)',
        '    validate(val_loader, model, criterion=criterion)',
        '    validate(val_loader, model, criterion=nn.NLLLoss())',
      ].join('\n');
      const h = hitAt(src, 'criterion(model(images)', 1, 3)!;
      assert.deepEqual([h.entryId, h.via, h.bound?.line], ['cross-entropy', 'instance', 7]);
      assert.equal(id(src, 'criterion(model(x)', 1, 3), undefined, 'callers disagree');
      const starred = 'import torch.nn as nn\ndef run(crit):\n    return crit(a, b)\nrun(*args)\nrun(nn.MSELoss())\n';
      assert.equal(id(starred, 'crit(a', 1, 1), undefined, 'a caller passes *args');
    });
    it('branches with different APIs of one entry give no hover (timm soft-target vs plain cross-entropy)', () => {
      const src = [
        'import torch.nn as nn',
        'from timm.loss import SoftTargetCrossEntropy',
        'if mixup:',
        '    loss_fn = SoftTargetCrossEntropy()',
        'else:',
        '    loss_fn = nn.CrossEntropyLoss()',
        'loss_fn = loss_fn.to(device)',
        'l = loss_fn(x, y)',
      ].join('\n');
      assert.equal(id(src, 'loss_fn', 5), undefined);
      assert.equal(id(src, 'loss_fn', 3), undefined);
    });
    it('notebook cells: bindings flow across cells in order', () => {
      const cells = ['import torch.nn as nn', 'criterion = nn.NLLLoss()', 'for x, y in dl:\n    loss = criterion(m(x), y)'];
      const h = hitAt(cells, 'criterion', 2)!;
      assert.deepEqual([h.entryId, h.bound], ['nll-loss', { cell: 1, line: 0 }]);
      assert.deepEqual(lossAtPosition(cells, 2, 1, 12), { entryId: 'nll-loss', symbol: 'torch.nn.NLLLoss', via: 'instance' });
    });
  });

  describe('strings only in loss contexts', () => {
    it('Keras compile: loss string, metrics list, dict of outputs, every alias', () => {
      const src = "model.compile(optimizer='adam', loss='mae', metrics=['mse', 'accuracy'])\nm.compile(loss={'out1': 'kld', 'out2': ['logcosh']}, loss_weights={'out1': 1.0})\n";
      assert.equal(id(src, "'mae'"), entryOf('tf.keras.losses.MeanAbsoluteError'));
      assert.equal(via(src, "'mae'"), 'string');
      assert.equal(id(src, "'mse'"), entryOf('tf.keras.losses.MeanSquaredError'));
      assert.equal(id(src, "'accuracy'"), undefined);
      assert.equal(id(src, "'adam'"), undefined);
      assert.equal(id(src, "'kld'"), entryOf('tf.keras.losses.KLDivergence'));
      assert.equal(id(src, "'out1'"), undefined, 'a dict key');
      assert.equal(id(src, "'logcosh'"), entryOf('tf.keras.losses.LogCosh'));
      for (const s of ['mape', 'msle', 'binary_crossentropy', 'sparse_categorical_crossentropy', 'categorical_crossentropy', 'huber', 'MeanSquaredError', 'BCE', 'kl_divergence', 'hinge', 'poisson']) {
        assert.ok(lossAtPosition([`model.compile(loss="${s}")`], 0, 0, 21), s);
      }
    });
    it('keras.losses.get(...) resolves through the imports', () => {
      assert.equal(id("from tensorflow import keras\nfn = keras.losses.get('mse')\n", "'mse'"), entryOf('tf.keras.losses.MeanSquaredError'));
      assert.equal(id("fn = registry.get('mse')\n", "'mse'"), undefined);
    });
    it('KerasCV compile(box_loss=..., classification_loss=...)', () => {
      const src = 'model.compile(classification_loss="focal", box_loss="smoothl1", optimizer=opt)\nyolo.compile(classification_loss="binary_crossentropy", box_loss="ciou")\n';
      assert.equal(id(src, '"focal"'), 'sigmoid-focal-loss');
      assert.equal(id(src, '"smoothl1"'), 'smooth-l1-loss');
      assert.equal(id(src, '"ciou"'), 'complete-box-iou-loss');
      assert.ok(id(src, '"binary_crossentropy"'));
    });
    it('OpenMMLab type=... honours use_sigmoid', () => {
      const src = [
        'model = dict(',
        "    loss_cls=dict(type='CrossEntropyLoss', use_sigmoid=True, loss_weight=1.0),",
        "    loss_mask=dict(type='CrossEntropyLoss', use_sigmoid=False),",
        "    loss_focal=dict(type='FocalLoss', gamma=2.0, alpha=0.25),",
        "    loss_bbox=dict(type='GIoULoss', loss_weight=2.0),",
        "    backbone=dict(type='ResNet', depth=50),",
        "    loss_dec={'type': 'CrossEntropyLoss', 'use_sigmoid': True},",
        ')',
      ].join('\n');
      assert.equal(id(src, "'CrossEntropyLoss'", 1), 'bce-with-logits');
      assert.equal(id(src, "'CrossEntropyLoss'", 2), 'cross-entropy');
      assert.equal(id(src, "'FocalLoss'"), 'sigmoid-focal-loss');
      assert.deepEqual(hitAt(src, "'FocalLoss'")?.args?.map((a) => `${a.name}=${a.text}`), ['gamma=2.0', 'alpha=0.25'], 'the config keywords are its arguments');
      assert.equal(id(src, "'GIoULoss'"), 'generalized-box-iou-loss');
      assert.equal(id(src, "'ResNet'"), undefined);
      assert.equal(id(src, "'CrossEntropyLoss'", 3), 'bce-with-logits');
      assert.equal(id(src, "'type'"), undefined);
    });
    it("OpenMMLab: the config's default_scope picks the registry", () => {
      const src = "default_scope = 'mmseg'\nloss_decode = dict(type='FocalLoss', use_sigmoid=True, loss_weight=1.0)\n";
      assert.equal(hitAt(src, "'FocalLoss'")?.symbol, 'mmseg.models.losses.FocalLoss');
      assert.equal(hitAt(src.replace('mmseg', 'mmdet'), "'FocalLoss'")?.symbol, 'mmdet.models.losses.FocalLoss');
    });
    it('no hovers in comments, docstrings, f-strings or other strings', () => {
      const src = [
        'import torch.nn as nn',
        '"""Trains with nn.CrossEntropyLoss and CTC."""',
        '# CTC loss: nn.CTCLoss(blank=0)',
        'def f():',
        "    '''nn.MSELoss docstring'''",
        '    print(f"mean dice {nn.L1Loss}")',
        "    name = 'mae'",
        "    log('mse', 'FocalLoss')",
        '    return nn.CTCLoss()  # nn.CTCLoss in a trailing comment',
      ].join('\n');
      assert.equal(id(src, 'CrossEntropyLoss'), undefined);
      assert.equal(id(src, 'CTC', 2), undefined);
      assert.equal(id(src, 'CTCLoss', 1), undefined);
      assert.equal(id(src, 'MSELoss'), undefined);
      assert.equal(id(src, 'dice'), undefined);
      assert.equal(id(src, 'L1Loss'), undefined);
      assert.equal(id(src, "'mae'"), undefined);
      assert.equal(id(src, "'mse'"), undefined);
      assert.equal(id(src, "'FocalLoss'"), undefined);
      assert.equal(id(src, 'CTCLoss', 2), 'ctc-loss');
      assert.equal(id(src, 'CTCLoss', 3), undefined);
    });
  });

  describe('imports', () => {
    it('names in import lines', () => {
      const src = 'from torch.nn import CrossEntropyLoss as CE, MSELoss\nfrom torch.nn import (\n    HuberLoss,\n)\nimport torch.nn.functional as F\n';
      assert.equal(id(src, 'CrossEntropyLoss'), 'cross-entropy');
      assert.equal(id(src, 'CE'), 'cross-entropy');
      assert.equal(id(src, 'MSELoss'), 'mse-loss');
      assert.equal(id(src, 'HuberLoss'), 'huber-loss');
      assert.equal(via(src, 'HuberLoss'), 'import');
      assert.equal(id(src, 'functional'), undefined);
      assert.equal(id(src, 'F'), undefined);
    });
    it('import tensorflow_addons as tfa and private module paths resolve through canonical paths', () => {
      assert.equal(id('import tensorflow_addons as tfa\nl = tfa.losses.GIoULoss()\n', 'GIoULoss'), 'generalized-box-iou-loss');
      assert.equal(id('from torch.nn.modules.loss import MSELoss\nc = MSELoss()\n', 'MSELoss', 2), 'mse-loss');
      assert.equal(id('from torchvision.ops.focal_loss import sigmoid_focal_loss\nl = sigmoid_focal_loss(x, y)\n', 'sigmoid_focal_loss', 2), 'sigmoid-focal-loss');
      assert.equal(id('from keras.src.losses.losses import Huber\nh = Huber()\n', 'Huber', 2), entryOf('tf.keras.losses.Huber'));
      assert.equal(id('import tensorflow.keras as K\nl = K.losses.Huber()\n', 'Huber'), entryOf('tf.keras.losses.Huber'));
      assert.equal(id('import tensorflow as tf\nl = tf.losses.BinaryCrossentropy()\n', 'BinaryCrossentropy'), entryOf('tf.keras.losses.BinaryCrossentropy'), 'TF 2: tf.losses is keras.losses');
      assert.equal(id('import tensorflow.compat.v1 as tf\nl = tf.losses.mean_squared_error(y, p)\n', 'mean_squared_error'), entryOf('tf.compat.v1.losses.mean_squared_error'));
    });
    it('an unknown module under a known alias does not resolve', () => {
      assert.equal(id('import mylib as tfa\nl = tfa.losses.GIoULoss()\n', 'GIoULoss'), undefined);
      assert.equal(id('import numpy as nn\nc = nn.MSELoss()\n', 'MSELoss'), undefined);
    });
    it('from m import * resolves the names it brings', () => {
      assert.equal(via('from torch.nn import *\nc = SmoothL1Loss()\n', 'SmoothL1Loss'), 'import');
    });
  });

  it('answers fast from the cache and never throws on odd positions', () => {
    const src = 'import torch.nn as nn\ncriterion = nn.CrossEntropyLoss()\n' + 'x = 1\n'.repeat(5000) + 'l = criterion(a, b)\n';
    const a = analyzePython([src]);
    assert.equal(analyzePython([src]), a, 'the same analysis for the same text');
    assert.equal(a.lossAt(0, 5002, 6)?.entryId, 'cross-entropy');
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) a.lossAt(0, 5002, 6);
    assert.ok(performance.now() - t0 < 200, 'a thousand cached hovers');
    for (const [c, l, ch] of [[-1, 0, 0], [5, 0, 0], [0, -1, 0], [0, 99999, 0], [0, 0, 9999], [0, 1, -3]]) assert.equal(a.lossAt(c, l, ch), undefined);
  });
});
