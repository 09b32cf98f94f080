/**
 * The quick fixes: the exact text each produces (only the needed span edited,
 * the rest of the line as the user wrote it), and that the fixed code no
 * longer gets the diagnostic.
 */
import { strict as assert } from 'node:assert';
import { parsePrefill } from '../../../src/extension/protocol';
import { suppressText } from '../../../src/python/lint';
import { applyEdits, lintCells } from './lint-helpers';

const T = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';

interface FixCase {
  name: string;
  code: string;
  before: string[];
  after: string[];
  /** Which fix of the diagnostic (default: the preferred one). */
  title?: string;
}

const CASES: FixCase[] = [
  { name: 'LA101 direct: the softmax call replaced by its input', code: 'LA101', before: [T + 'loss = F.cross_entropy(F.softmax(logits, dim=1), target)  # step\n'], after: [T + 'loss = F.cross_entropy(logits, target)  # step\n'] },
  { name: 'LA101 method form x.softmax(dim=1)', code: 'LA101', before: [T + 'loss = nn.CrossEntropyLoss()(out.softmax(dim=1), y)\n'], after: [T + 'loss = nn.CrossEntropyLoss()(out, y)\n'] },
  { name: 'LA101 through a variable: the argument becomes the logits, the variable stays', code: 'LA101', before: [T + 'probs = torch.softmax(logits, dim=1)\npred = probs.argmax(1)\nloss = F.cross_entropy(probs, y)\n'], after: [T + 'probs = torch.softmax(logits, dim=1)\npred = probs.argmax(1)\nloss = F.cross_entropy(logits, y)\n'] },
  { name: 'LA101 TF keyword logits=', code: 'LA101', before: ['import tensorflow as tf\nl = tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=tf.nn.softmax(z))\n'], after: ['import tensorflow as tf\nl = tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=z)\n'] },
  { name: 'LA102 sigmoid removed', code: 'LA102', before: [T + 'loss = F.binary_cross_entropy_with_logits(torch.sigmoid(self.fc(h)), y, pos_weight=w)\n'], after: [T + 'loss = F.binary_cross_entropy_with_logits(self.fc(h), y, pos_weight=w)\n'] },
  { name: 'LA103 F.softmax → F.log_softmax', code: 'LA103', before: [T + 'out = F.softmax(model(x), dim=1)\nloss = F.nll_loss(out, y)\n'], after: [T + 'out = F.log_softmax(model(x), dim=1)\nloss = F.nll_loss(out, y)\n'] },
  { name: 'LA103 nn.Softmax → nn.LogSoftmax at the module', code: 'LA103', before: [T + 'class H(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.sm = nn.Softmax(dim=1)\n        self.crit = nn.NLLLoss()\n\n    def loss(self, z, y):\n        return self.crit(self.sm(z), y)\n'], after: [T + 'class H(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.sm = nn.LogSoftmax(dim=1)\n        self.crit = nn.NLLLoss()\n\n    def loss(self, z, y):\n        return self.crit(self.sm(z), y)\n'] },
  { name: 'LA103 nn.Sequential(*layers): the appended nn.Softmax → nn.LogSoftmax, in the append', code: 'LA103', before: [T + 'layers = [nn.Linear(64, 10)]\nlayers.append(nn.Softmax(dim=1))  # head\nmodel = nn.Sequential(*layers)\nloss = nn.NLLLoss()(model(x), y)\n'], after: [T + 'layers = [nn.Linear(64, 10)]\nlayers.append(nn.LogSoftmax(dim=1))  # head\nmodel = nn.Sequential(*layers)\nloss = nn.NLLLoss()(model(x), y)\n'] },
  { name: "LA103 nn.Sequential(OrderedDict(…)): ('softmax', nn.Softmax(dim=1)) → nn.LogSoftmax", code: 'LA103', before: [T + "from collections import OrderedDict\nmodel = nn.Sequential(OrderedDict([('fc', nn.Linear(64, 10)), ('softmax', nn.Softmax(dim=1))]))\nloss = F.nll_loss(model(x), y)\n"], after: [T + "from collections import OrderedDict\nmodel = nn.Sequential(OrderedDict([('fc', nn.Linear(64, 10)), ('softmax', nn.LogSoftmax(dim=1))]))\nloss = F.nll_loss(model(x), y)\n"] },
  { name: 'LA103 torchvision head: the nn.Softmax in model.classifier → nn.LogSoftmax', code: 'LA103', before: [T + 'from torchvision import models\nmodel = models.densenet121(pretrained=True)\nmodel.classifier = nn.Sequential(nn.Linear(1024, 2), nn.Softmax(dim=1))\nloss = nn.NLLLoss()(model(x), y)\n'], after: [T + 'from torchvision import models\nmodel = models.densenet121(pretrained=True)\nmodel.classifier = nn.Sequential(nn.Linear(1024, 2), nn.LogSoftmax(dim=1))\nloss = nn.NLLLoss()(model(x), y)\n'] },
  { name: 'LA104 input: .softmax(-1) → .log_softmax(-1)', code: 'LA104', before: [T + "kl = nn.KLDivLoss(reduction='batchmean')\nloss = kl(s.softmax(-1), t.softmax(-1))\n"], after: [T + "kl = nn.KLDivLoss(reduction='batchmean')\nloss = kl(s.log_softmax(-1), t.softmax(-1))\n"] },
  { name: 'LA104 target: log_target=True added to the functional call', code: 'LA104', title: 'Add log_target=True', before: [T + "loss = F.kl_div(F.log_softmax(s, 1), F.log_softmax(t, 1), reduction='batchmean')\n"], after: [T + "loss = F.kl_div(F.log_softmax(s, 1), F.log_softmax(t, 1), reduction='batchmean', log_target=True)\n"] },
  { name: 'LA104 target: log_target=False → True at the constructor', code: 'LA104', title: 'Add log_target=True', before: [T + "kl = nn.KLDivLoss(reduction='batchmean', log_target=False)\nloss = kl(F.log_softmax(s, 1), F.log_softmax(t, 1))\n"], after: [T + "kl = nn.KLDivLoss(reduction='batchmean', log_target=True)\nloss = kl(F.log_softmax(s, 1), F.log_softmax(t, 1))\n"] },
  { name: 'LA105 softmax → log_softmax before CTC', code: 'LA105', before: [T + 'loss = F.ctc_loss(F.softmax(x, dim=2), tg, il, tl)\n'], after: [T + 'loss = F.ctc_loss(F.log_softmax(x, dim=2), tg, il, tl)\n'] },
  { name: 'LA106 string loss on a logits head → the class with from_logits=True', code: 'LA106', before: ["import tensorflow as tf\nmodel = tf.keras.Sequential([tf.keras.layers.Dense(10)])\nmodel.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])\n"], after: ["import tensorflow as tf\nmodel = tf.keras.Sequential([tf.keras.layers.Dense(10)])\nmodel.compile(optimizer='adam', loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])\n"] },
  { name: 'LA106 from_logits=True on a softmax head → False', code: 'LA106', before: ["from keras import layers, losses, Sequential\nm = Sequential([layers.Dense(3, activation='softmax')])\nm.compile(loss=losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1))\n"], after: ["from keras import layers, losses, Sequential\nm = Sequential([layers.Dense(3, activation='softmax')])\nm.compile(loss=losses.CategoricalCrossentropy(from_logits=False, label_smoothing=0.1))\n"] },
  { name: 'LA106 class without from_logits on a logits head → from_logits=True appended', code: 'LA106', before: ['import keras\nm = keras.Sequential([keras.layers.Dense(10)])\nm.compile(loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.1))\n'], after: ['import keras\nm = keras.Sequential([keras.layers.Dense(10)])\nm.compile(loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.1, from_logits=True))\n'] },
  { name: 'LA107 Dense(1, softmax) → sigmoid (quote style kept)', code: 'LA107', before: ['from keras.layers import Dense\nout = Dense(1, activation="softmax")(x)\n'], after: ['from keras.layers import Dense\nout = Dense(1, activation="sigmoid")(x)\n'] },
  { name: 'LA107 torch Linear(…, 1) + Softmax → Sigmoid()', code: 'LA107', before: ['import torch.nn as nn\nhead = nn.Sequential(nn.Linear(64, 1), nn.Softmax(dim=-1))\n'], after: ['import torch.nn as nn\nhead = nn.Sequential(nn.Linear(64, 1), nn.Sigmoid())\n'] },
  { name: 'LA108 binary_crossentropy → categorical_crossentropy', code: 'LA108', title: 'Use categorical_crossentropy (one-hot labels)', before: ["from tensorflow.keras import models, layers\nm = models.Sequential()\nm.add(layers.Dense(10, activation='softmax'))\nm.compile(loss='binary_crossentropy', metrics=['accuracy'])\n"], after: ["from tensorflow.keras import models, layers\nm = models.Sequential()\nm.add(layers.Dense(10, activation='softmax'))\nm.compile(loss='categorical_crossentropy', metrics=['accuracy'])\n"] },
  { name: 'LA108 → sparse_categorical_crossentropy', code: 'LA108', title: 'Use sparse_categorical_crossentropy (class indices)', before: ["from tensorflow.keras import models, layers\nm = models.Sequential()\nm.add(layers.Dense(10, activation='softmax'))\nm.compile(loss='binary_crossentropy', metrics=['accuracy'])\n"], after: ["from tensorflow.keras import models, layers\nm = models.Sequential()\nm.add(layers.Dense(10, activation='softmax'))\nm.compile(loss='sparse_categorical_crossentropy', metrics=['accuracy'])\n"] },
  { name: 'LA109 functional: with-logits form on the logits', code: 'LA109', before: [T + 'l = F.binary_cross_entropy(torch.sigmoid(z), y, reduction="sum")\n'], after: [T + 'l = F.binary_cross_entropy_with_logits(z, y, reduction="sum")\n'] },
  { name: 'LA109 criterion used once: BCELoss → BCEWithLogitsLoss and the sigmoid removed', code: 'LA109', before: [T + 'crit = nn.BCELoss(reduction="none")\nloss = crit(torch.sigmoid(z), y)\n'], after: [T + 'crit = nn.BCEWithLogitsLoss(reduction="none")\nloss = crit(z, y)\n'] },
  { name: 'LA201 default reduction: reduction=\'batchmean\' added', code: 'LA201', before: [T + 'kl = nn.KLDivLoss()\n'], after: [T + "kl = nn.KLDivLoss(reduction='batchmean')\n"] },
  { name: 'LA201 explicit mean replaced (double quotes kept)', code: 'LA201', before: [T + 'l = F.kl_div(lp, q, reduction="mean")\n'], after: [T + 'l = F.kl_div(lp, q, reduction="batchmean")\n'] },
  { name: 'LA201 default, after other arguments', code: 'LA201', before: [T + 'l = F.kl_div(lp, q, log_target=True)\n'], after: [T + "l = F.kl_div(lp, q, log_target=True, reduction='batchmean')\n"] },
  { name: 'LA202 () inserted after the class', code: 'LA202', before: [T + 'loss = nn.CrossEntropyLoss(y_hat, y)\n'], after: [T + 'loss = nn.CrossEntropyLoss()(y_hat, y)\n'] },
  { name: 'LA101 an input of several terms keeps its parentheses (a method follows the call)', code: 'LA101', before: [T + 'loss = F.cross_entropy(F.softmax(a + b, dim=1).view(-1, C), y)\n'], after: [T + 'loss = F.cross_entropy((a + b).view(-1, C), y)\n'] },
  { name: "LA205 on CTC: the preferred dim is the last axis (log_probs are (T, N, C))", code: 'LA205', before: [T + 'loss = F.ctc_loss(F.log_softmax(out), targets, in_lens, tgt_lens)\n'], after: [T + 'loss = F.ctc_loss(F.log_softmax(out, dim=-1), targets, in_lens, tgt_lens)\n'] },
  { name: "LA202 the call's keyword options move into the constructor", code: 'LA202', before: [T + 'loss = nn.CrossEntropyLoss(outputs, labels, ignore_index=0, label_smoothing=0.1)\n'], after: [T + 'loss = nn.CrossEntropyLoss(ignore_index=0, label_smoothing=0.1)(outputs, labels)\n'] },
  { name: 'LA202 Keras: from_logits moves into the constructor', code: 'LA202', before: ['import tensorflow as tf\nloss = tf.keras.losses.CategoricalCrossentropy(y, logits, from_logits=True)\n'], after: ['import tensorflow as tf\nloss = tf.keras.losses.CategoricalCrossentropy(from_logits=True)(y, logits)\n'] },
  { name: 'LA203 size_average=False → reduction=\'sum\'', code: 'LA203', before: [T + 'crit = nn.MSELoss(size_average=False)\n'], after: [T + "crit = nn.MSELoss(reduction='sum')\n"] },
  { name: 'LA203 reduce=False (with another argument before) → reduction=\'none\'', code: 'LA203', before: [T + 'l = F.binary_cross_entropy(p, t, weight=w, reduce=False)\n'], after: [T + "l = F.binary_cross_entropy(p, t, weight=w, reduction='none')\n"] },
  { name: 'LA203 both flags → one reduction, the other removed', code: 'LA203', before: [T + 'c = nn.L1Loss(size_average=False, reduce=True)\n'], after: [T + "c = nn.L1Loss(reduction='sum')\n"] },
  { name: 'LA203 legacy flag first, other arguments after', code: 'LA203', before: [T + 'c = nn.NLLLoss(size_average=True, reduce=False, ignore_index=0)\n'], after: [T + "c = nn.NLLLoss(reduction='none', ignore_index=0)\n"] },
  { name: "LA203 'elementwise_mean' → 'mean'", code: 'LA203', before: [T + "c = nn.L1Loss(reduction='elementwise_mean')\n"], after: [T + "c = nn.L1Loss(reduction='mean')\n"] },
  { name: "LA204 reduction='avg' → 'mean'", code: 'LA204', before: [T + "c = nn.CrossEntropyLoss(reduction='avg')\n"], after: [T + "c = nn.CrossEntropyLoss(reduction='mean')\n"] },
  { name: "LA204 reduction='batch_mean' → 'batchmean'", code: 'LA204', before: [T + "c = nn.KLDivLoss(reduction='batch_mean')\n"], after: [T + "c = nn.KLDivLoss(reduction='batchmean')\n"] },
  { name: 'LA204 label_smoothing=1.5 → 1.0', code: 'LA204', before: [T + 'c = nn.CrossEntropyLoss(label_smoothing=1.5)\n'], after: [T + 'c = nn.CrossEntropyLoss(label_smoothing=1.0)\n'] },
  { name: 'LA204 delta=-1 → 1.0', code: 'LA204', before: [T + 'l = F.huber_loss(p, t, delta=-1)\n'], after: [T + 'l = F.huber_loss(p, t, delta=1.0)\n'] },
  { name: 'LA205 dim=1 added (preferred)', code: 'LA205', before: [T + 'loss = F.nll_loss(F.log_softmax(x), y)\n'], after: [T + 'loss = F.nll_loss(F.log_softmax(x, dim=1), y)\n'] },
  { name: 'LA205 dim=-1 (the other choice)', code: 'LA205', title: 'Add dim=-1', before: [T + 'loss = F.nll_loss(F.log_softmax(x), y)\n'], after: [T + 'loss = F.nll_loss(F.log_softmax(x, dim=-1), y)\n'] },
  { name: 'LA205 nn.LogSoftmax() → nn.LogSoftmax(dim=1)', code: 'LA205', before: [T + 'lsm = nn.LogSoftmax()\nloss = F.nll_loss(lsm(x), y)\n'], after: [T + 'lsm = nn.LogSoftmax(dim=1)\nloss = F.nll_loss(lsm(x), y)\n'] },
];

describe('lint: quick fixes (exact text)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const ds = lintCells(c.before).filter((d) => d.code === c.code);
      assert.equal(ds.length, 1, `one ${c.code}: ${JSON.stringify(lintCells(c.before).map((d) => d.code))}`);
      const fix = c.title ? ds[0].fixes.find((f) => f.title === c.title) : ds[0].fixes.find((f) => f.preferred);
      assert.ok(fix, `fix ${c.title ?? '(preferred)'} among ${JSON.stringify(ds[0].fixes.map((f) => f.title))}`);
      const after = applyEdits(c.before, fix.edits);
      assert.deepEqual(after, c.after);
      // The fixed code no longer has the diagnostic it fixed.
      const again = lintCells(after).filter((d) => d.code === c.code && d.line === ds[0].line && d.character === ds[0].character);
      assert.deepEqual(again.map((d) => d.message), []);
    });
  }

  it('LA109 gives no fix that would change a criterion used elsewhere', () => {
    const src = [T + 'crit = nn.BCELoss()\nloss = crit(torch.sigmoid(z), y)\nval = crit(p_val, y_val)\n'];
    const d = lintCells(src).find((x) => x.code === 'LA109');
    assert.ok(d);
    assert.deepEqual(d.fixes, []);
  });

  it('LA109 gives no fix that would change one of two assignments of a criterion (`.cuda()` in one branch)', () => {
    const src = [T + 'class GAN(object):\n    def __init__(self, gpu_mode):\n        if gpu_mode:\n            self.BCE_loss = nn.BCELoss().cuda()\n        else:\n            self.BCE_loss = nn.BCELoss()\n\n    def train(self, z, y_real_):\n        return self.BCE_loss(torch.sigmoid(z), y_real_)\n'];
    const d = lintCells(src).find((x) => x.code === 'LA109');
    assert.ok(d);
    assert.deepEqual(d.fixes, []);
    // One assignment: the with-logits fix renames it and drops the sigmoid.
    const one = [src[0].replace('        if gpu_mode:\n            self.BCE_loss = nn.BCELoss().cuda()\n        else:\n            self.BCE_loss = nn.BCELoss()\n', '        self.BCE_loss = nn.BCELoss()\n')];
    const fixed = lintCells(one).find((x) => x.code === 'LA109')?.fixes[0];
    assert.deepEqual(fixed && applyEdits(one, fixed.edits)[0].split('\n').filter((l) => l.includes('BCE')), ['        self.BCE_loss = nn.BCEWithLogitsLoss()', '        return self.BCE_loss(z, y_real_)']);
  });

  it('LA203 with a non-literal flag is reported without a fix', () => {
    const d = lintCells([T + 'c = nn.NLLLoss(weight=w, size_average=size_average)\n']).find((x) => x.code === 'LA203');
    assert.ok(d);
    assert.deepEqual(d.fixes, []);
  });

  it('every fix is marked preferred at most once per diagnostic', () => {
    for (const c of CASES) for (const d of lintCells(c.before)) assert.ok(d.fixes.filter((f) => f.preferred).length <= 1, `${c.name}: ${d.code}`);
  });
});

describe('lint: suppression and Explain', () => {
  it('"Suppress on this line" adds a comment, or the code to an existing list', () => {
    const apply = (line: string, code: string) => {
      const e = suppressText(line, code);
      return line.slice(0, e.from) + e.insert + line.slice(e.to);
    };
    assert.equal(apply('loss = F.nll_loss(p, y)   ', 'LA103'), 'loss = F.nll_loss(p, y)  # loss-atlas: ignore[LA103]');
    assert.equal(apply('loss = f(p)  # loss-atlas: ignore[LA103]', 'LA205'), 'loss = f(p)  # loss-atlas: ignore[LA103, LA205]');
    assert.equal(apply('x = g(p)  # note', 'LA101'), 'x = g(p)  # note  # loss-atlas: ignore[LA101]');
    // The edited line is then silent for that code.
    const src = T + apply('loss = F.nll_loss(F.softmax(x, dim=1), y)', 'LA103') + '\n';
    assert.deepEqual(lintCells([src]).map((d) => d.code), []);
  });

  it("Explain's reference request (section: 'pitfalls') passes the webview protocol; another section does not", () => {
    assert.deepEqual(parsePrefill({ lossId: 'cross-entropy', section: 'pitfalls' }), { lossId: 'cross-entropy', section: 'pitfalls' });
    assert.throws(() => parsePrefill({ lossId: 'cross-entropy', section: 'summary' }));
  });
});
