/**
 * Near misses of the parameter rules (LA202, LA203) and the model-head rules (LA106, LA107,
 * LA108), from a precision hunt over real code: each must stay silent. Next to them, the true
 * positives those rules must still flag once narrowed. Cases marked "real code" are taken from
 * public repositories by the hunt, which kept no URL; the other near misses are minimal forms.
 */
import { strict as assert } from 'node:assert';
import { applyEdits, itStaysSilent, KERAS, lintCells, rangeText, TORCH, withCode, type NearMiss } from './lint-helpers';

const NEGATIVES: NearMiss[] = [
  // ---- a layer the lint does not read: never a head ----
  { name: 'LA106: a softmax Dense followed by an unknown block as the last layer', cells: [KERAS + "model = keras.Sequential([layers.Dense(10, activation='softmax'), residual_block])\nmodel.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n"] },
  { name: 'LA106: the last layer added is a name (its activation is not read there)', cells: [KERAS + "head = layers.Dense(10, activation='softmax')\nmodel = keras.Sequential()\nmodel.add(layers.Dense(64, activation='relu'))\nmodel.add(head)\nmodel.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n"] },
  { name: 'LA107: an unknown layer between Dense(1) and a softmax Activation (its units are not the Dense\'s)', cells: [KERAS + "model = keras.Sequential([layers.Dense(1), make_block(), layers.Activation('softmax')])\nmodel.compile(loss='categorical_crossentropy')\n"], only: ['LA107'] },
  // ---- LA203: torch maps size_average / reduce only when one of them is not None ----
  { name: 'LA203: size_average=None, reduce=None next to weight=None and reduction (real code)', cells: [TORCH + "prediction_loss = torch.nn.CrossEntropyLoss(weight=None, size_average=None, reduce=None, reduction='none')\n"] },
  { name: "LA203: nn.L1Loss(size_average=None, reduce=None, reduction='mean') (real code)", cells: [TORCH + "L1_Crit = nn.L1Loss(size_average=None, reduce=None, reduction='mean')\n"] },
  { name: "LA203: F.mse_loss(…, size_average=None, reduce=None, reduction='sum')", cells: [TORCH + "loss = F.mse_loss(pred, target, size_average=None, reduce=None, reduction='sum')\n"] },
  { name: "LA203: nn.KLDivLoss(size_average=None, reduce=None, reduction='batchmean') (the old fix wrote 'mean')", cells: [TORCH + "kl = nn.KLDivLoss(size_average=None, reduce=None, reduction='batchmean')\n"] },
  { name: 'LA203: size_average=None alone, no reduction', cells: [TORCH + 'crit = nn.MSELoss(size_average=None)\n'] },
  { name: "LA203: a wrapper passing its own None defaults through by keyword, next to reduction=", cells: [TORCH + "class WeightedMSE(nn.Module):\n    def __init__(self, size_average=None, reduce=None, reduction='mean'):\n        super().__init__()\n        self.mse = nn.MSELoss(size_average=size_average, reduce=reduce, reduction=reduction)\n"] },

  // ---- LA202: positional arguments that are the constructor's parameters, passed through ----
  { name: 'LA202: nn.MSELoss(size_average, reduce, reduction) in a wrapper (real code)', cells: [TORCH + "class RMSELoss(nn.Module):\n    def __init__(self, size_average=None, reduce=None, reduction='mean', eps=1e-8):\n        super().__init__()\n        self.base_loss = nn.MSELoss(size_average, reduce, reduction)\n        self.eps = eps\n"] },
  { name: 'LA202: nn.CrossEntropyLoss with all six parameters positional (real code)', cells: [TORCH + "class PatchCE(nn.Module):\n    def __init__(self, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0):\n        super().__init__()\n        self.criterion = nn.CrossEntropyLoss(weight, size_average, ignore_index, reduce, reduction, label_smoothing)\n"] },
  { name: 'LA202: more than three positional arguments, whatever their names', cells: [TORCH + 'crit = nn.CrossEntropyLoss(w, sa, ii, rd, red)\n'] },
  { name: 'LA202: nn.CTCLoss(blank, reduction, zero_infinity) (real code)', cells: [TORCH + "class CTCLoss(nn.Module):\n    def __init__(self, blank=0, reduction='mean', zero_infinity=False):\n        super().__init__()\n        self.internal_loss = nn.CTCLoss(blank, reduction, zero_infinity)\n"] },
  { name: 'LA202: torch.nn.PoissonNLLLoss(log_input, full, reduction=reduction) (real test code)', cells: [TORCH + 'def make(log_input, full, reduction):\n    return torch.nn.PoissonNLLLoss(log_input, full, reduction=reduction)\n'] },
  { name: 'LA202: nn.TripletMarginLoss(margin, p) (real code)', cells: [TORCH + 'class TempTrainer(nn.Module):\n    def __init__(self, model, lr=1e-3, margin=0.1, p=2):\n        super().__init__()\n        self.loss = nn.TripletMarginLoss(margin, p)\n'] },
  { name: 'LA202: nn.MultiMarginLoss(args.p, args.margin): the last name of an attribute chain', cells: [TORCH + 'crit = nn.MultiMarginLoss(args.p, args.margin)\n'] },
  { name: 'LA202: tf.keras.losses.Huber(delta, tf.keras.losses.Reduction.NONE) (real code, an EfficientDet Keras box loss)', cells: [KERAS + 'class BoxLoss(tf.keras.losses.Loss):\n    def __init__(self, delta=0.1, **kwargs):\n        super().__init__(**kwargs)\n        self.huber = tf.keras.losses.Huber(delta, tf.keras.losses.Reduction.NONE)\n'] },
  { name: 'LA202: BinaryCrossentropy(from_logits, label_smoothing, reduction, name) (real code, a sacred ingredient)', cells: ["from tensorflow.keras.losses import BinaryCrossentropy\n\ndef binary_crossentropy(from_logits=False, label_smoothing=0.0, reduction='auto', name='binary_crossentropy'):\n    return BinaryCrossentropy(from_logits, label_smoothing, reduction, name)\n"] },
  { name: 'LA202: tf.keras.losses.CosineSimilarity(axis, Reduction.NONE)', cells: [KERAS + 'cos = tf.keras.losses.CosineSimilarity(axis, tf.keras.losses.Reduction.NONE)\n'] },
  { name: 'LA202: keras.losses.CategoricalFocalCrossentropy(alpha, gamma)', cells: [KERAS + 'def make(alpha, gamma):\n    return keras.losses.CategoricalFocalCrossentropy(alpha, gamma)\n'] },
  { name: 'LA202: keras.losses.Tversky(alpha, beta) (Keras 3)', cells: ['import keras\nloss = keras.losses.Tversky(alpha, beta)\n'] },

  // ---- LA107: a softmax after a 1-unit layer, over an axis that may not be the unit's ----
  { name: 'LA107: attention pooling over time steps, Linear(h, 1) + Softmax(dim=1) on (B, T, H)', cells: [TORCH + 'class Attention(nn.Module):\n    def __init__(self, hidden_size):\n        super().__init__()\n        self.attention = nn.Sequential(nn.Linear(hidden_size, hidden_size), nn.Tanh(), nn.Linear(hidden_size, 1), nn.Softmax(dim=1))\n    def forward(self, lstm_output):\n        w = self.attention(lstm_output)\n        return torch.sum(w * lstm_output, dim=1)\n'] },
  { name: 'LA107: node attention Linear(h, 1) + Softmax(dim=0), summed over the nodes (real code)', cells: [TORCH + 'class GraphReadout(nn.Module):\n    def __init__(self, hidden_dim, output_dim):\n        super().__init__()\n        self.attention = nn.Sequential(nn.Linear(hidden_dim, 1), nn.Softmax(dim=0))\n        self.output_layer = nn.Linear(hidden_dim, output_dim)\n    def forward(self, nf):\n        aw = self.attention(nf)\n        return self.output_layer(torch.sum(aw * nf, dim=0))\n'] },
  { name: 'LA107: MIL attention Linear(128, 1) + Softmax(dim=0) over the instances', cells: [TORCH + 'attention = nn.Sequential(nn.Linear(500, 128), nn.Tanh(), nn.Linear(128, 1), nn.Softmax(dim=0))\n'] },
  { name: 'LA107: torch Softmax with no dim (its implicit dim depends on the rank)', cells: ['import torch.nn as nn\nhead = nn.Sequential(nn.Linear(64, 1), nn.Softmax())\n'] },
  { name: 'LA107: Keras attention scores Dense(1) + Softmax(axis=1) over the time steps', cells: [KERAS + "attention = keras.Sequential([layers.Dense(64, activation='tanh'), layers.Dense(1), layers.Softmax(axis=1)])\n"] },

  // ---- LA106 / LA108: model.add in a branch that does not lead to the compile ----
  { name: 'LA106: softmax added and compiled in the if-branch; the else-branch compile has the logits head', cells: [KERAS + "model = keras.Sequential()\nmodel.add(layers.Dense(64, activation='relu'))\nmodel.add(layers.Dense(10))\nif output_probabilities:\n    model.add(layers.Softmax())\n    model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')\nelse:\n    model.compile(optimizer='adam', loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: 'LA106: softmax head in the if-branch, logits (the list) in the else-branch', cells: [KERAS + "model = keras.Sequential([layers.Dense(64, activation='relu')])\nif probs:\n    model.add(layers.Dense(10, activation='softmax'))\n    model.compile(loss='categorical_crossentropy')\nelse:\n    model.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n"] },
  { name: 'LA108: the head chosen by if/else, the compile after both', cells: [KERAS + "model = keras.Sequential([layers.Dense(64, activation='relu')])\nif binary:\n    model.add(layers.Dense(1, activation='sigmoid'))\nelse:\n    model.add(layers.Dense(n_classes, activation='softmax'))\nmodel.compile(optimizer='adam', loss='binary_crossentropy' if binary else 'categorical_crossentropy')\nif binary:\n    model.compile(loss='binary_crossentropy')\n"] },
  { name: 'LA106: a softmax added only when asked, compiled for logits after the if', cells: [KERAS + "def build(num_classes, probabilities=False):\n    model = keras.Sequential()\n    model.add(layers.Dense(64, activation='relu'))\n    model.add(layers.Dense(num_classes))\n    if probabilities:\n        model.add(layers.Activation('softmax'))\n    model.compile(optimizer='adam', loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n    return model\n"] },
  { name: 'LA106: the output layer added in a loop that may not run', cells: [KERAS + "model = keras.Sequential([layers.Dense(10)])\nfor units in extra:\n    model.add(layers.Dense(units, activation='softmax'))\nmodel.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n"] },

  // ---- LA106: an activation that may be in *args / **kwargs ----
  { name: 'LA106: Dense(10, **head_kwargs), activation in the dict', cells: [KERAS + "head_kwargs = dict(activation='softmax', kernel_initializer='glorot_uniform')\nmodel = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10, **head_kwargs)])\nmodel.compile(optimizer='adam', loss='categorical_crossentropy')\n"] },
  { name: 'LA106: Dense(*head) from a config tuple', cells: [KERAS + "head = (10, 'softmax')\nmodel = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(*head)])\nmodel.compile(optimizer='adam', loss='categorical_crossentropy')\n"] },
  { name: 'LA106: a loss class given **loss_kwargs (from_logits may be there)', cells: [KERAS + "model = keras.Sequential([layers.Dense(10)])\nmodel.compile(loss=keras.losses.CategoricalCrossentropy(**loss_kwargs))\n"] },

  // ---- LA106: from_logits is not the focal classes' first parameter ----
  { name: 'LA106: BinaryFocalCrossentropy(True, gamma=2.0): True is apply_class_balancing', cells: [KERAS + "model = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(1, activation='sigmoid')])\nmodel.compile(optimizer='adam', loss=keras.losses.BinaryFocalCrossentropy(True, gamma=2.0))\n"] },
  { name: 'LA106: BinaryFocalCrossentropy(False, 0.25, 2.0, True): from_logits=True in its fourth place', cells: [KERAS + "model = keras.Sequential([layers.Dense(1)])\nmodel.compile(loss=keras.losses.BinaryFocalCrossentropy(False, 0.25, 2.0, True))\n"] },

  // ---- LA201: legacy flags given by position (torch reads them there too: the reduction is not 'mean') ----
  { name: 'LA201: nn.KLDivLoss(False) (size_average=False: reduction=\'sum\')', cells: [TORCH + 'self_reg = nn.KLDivLoss(False)\n'] },
  // https://github.com/PaddlePaddle/PaConvert/blob/master/tests/test_nn_functional_kl_div.py (lines 94, 107)
  { name: "LA201: F.kl_div(input, target, False, False) (reduction='none')", cells: [TORCH + 'result = F.kl_div(input, target, False, False)\n'] },
  { name: "LA201: F.kl_div(input, target, None, False) (reduction='none')", cells: [TORCH + 'result = F.kl_div(input, target, None, False)\n'] },

  // ---- LA108: units that are not a literal may be 2 ----
  { name: 'LA108: NUM_CLASSES = 2 (a two-unit softmax with binary cross-entropy is fine)', cells: [KERAS + "NUM_CLASSES = 2\nmodel = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(NUM_CLASSES, activation='softmax')])\nmodel.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])\n"] },
  { name: 'LA108: units=n_out with n_out = 2', cells: [KERAS + "n_out = 2\nmodel = keras.Sequential([layers.Dense(units=n_out, activation='softmax')])\nmodel.compile(loss=keras.losses.BinaryCrossentropy(), metrics=['accuracy'])\n"] },
  { name: 'LA108: cats vs dogs, Dense(len(class_names), softmax)', cells: [KERAS + "class_names = ['cat', 'dog']\nmodel = keras.Sequential([layers.Flatten(), layers.Dense(128, activation='relu'), layers.Dense(len(class_names), activation='softmax')])\nmodel.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])\n"] },
  { name: 'LA108: units from a parameter of the builder', cells: [KERAS + "def build(n_classes):\n    model = keras.Sequential([layers.Dense(n_classes, activation='softmax')])\n    model.compile(loss='binary_crossentropy')\n    return model\n"] },
];

/** A true positive each narrowed rule must still flag: [code, what, cells, covered text]. */
const POSITIVES: Array<{ code: string; name: string; cells: string[]; flag: string }> = [
  // LA203
  { code: 'LA203', name: 'a literal False next to a passed-through reduce and reduction', cells: [TORCH + 'crit = nn.MSELoss(size_average=False, reduce=reduce, reduction=reduction)\n'], flag: 'size_average=False, reduce=reduce' },
  { code: 'LA203', name: 'reduce=False next to size_average=None: torch maps them (to none)', cells: [TORCH + "kl = nn.KLDivLoss(size_average=None, reduce=False, reduction='batchmean')\n"], flag: 'size_average=None, reduce=False' },
  { code: 'LA203', name: 'a name with no reduction= beside it', cells: [TORCH + 'crit = nn.MSELoss(size_average=avg)\n'], flag: 'size_average=avg' },
  // LA202
  { code: 'LA202', name: 'nn.CrossEntropyLoss(y_hat, y)', cells: [TORCH + 'loss = nn.CrossEntropyLoss(y_hat, y)\n'], flag: 'nn.CrossEntropyLoss' },
  { code: 'LA202', name: 'nn.BCELoss(p, y): p names a parameter only of the classes that have one', cells: [TORCH + 'loss = nn.BCELoss(p, y)\n'], flag: 'nn.BCELoss' },
  { code: 'LA202', name: 'three tensors into nn.TripletMarginLoss', cells: [TORCH + 'loss = nn.TripletMarginLoss(anchor, positive, negative)\n'], flag: 'nn.TripletMarginLoss' },
  { code: 'LA202', name: 'Keras: tf.keras.losses.CategoricalCrossentropy(y_batch, logits)', cells: ['import tensorflow as tf\nloss_value = tf.keras.losses.CategoricalCrossentropy(y_batch, logits)\n'], flag: 'tf.keras.losses.CategoricalCrossentropy' },
  // LA107
  { code: 'LA107', name: 'torch Linear(h, 1) + Softmax(dim=-1)', cells: ['import torch.nn as nn\nhead = nn.Sequential(nn.Linear(64, 1), nn.Softmax(dim=-1))\n'], flag: 'nn.Softmax(dim=-1)' },
  { code: 'LA107', name: 'torch Linear(h, 1) + Softmax(-1) (positional dim)', cells: ['import torch.nn as nn\nhead = nn.Sequential(nn.Linear(64, 1), nn.Softmax(-1))\n'], flag: 'nn.Softmax(-1)' },
  { code: 'LA107', name: 'Keras Dense(1) + Softmax() (axis=-1 by default)', cells: [KERAS + 'head = keras.Sequential([layers.Dense(16), layers.Dense(1), layers.Softmax()])\n'], flag: 'layers.Softmax()' },
  { code: 'LA107', name: 'Keras Dense(1) + Softmax(axis=-1)', cells: [KERAS + 'head = keras.Sequential([layers.Dense(1), layers.Softmax(axis=-1)])\n'], flag: 'layers.Softmax(axis=-1)' },
  { code: 'LA107', name: "Keras Dense(1, activation='softmax')", cells: [KERAS + "out = layers.Dense(1, activation='softmax')(x)\n"], flag: "'softmax'" },
  // LA106 / LA108 with model.add
  { code: 'LA106', name: 'hidden layers added in a loop, the logits head added after it', cells: [KERAS + "model = keras.Sequential()\nfor units in (64, 32):\n    model.add(layers.Dense(units, activation='relu'))\nmodel.add(layers.Dense(10))\nmodel.compile(optimizer='adam', loss='categorical_crossentropy')\n"], flag: "'categorical_crossentropy'" },
  { code: 'LA106', name: 'softmax added and compiled for logits in the same branch', cells: [KERAS + "model = keras.Sequential([layers.Dense(10)])\nif probs:\n    model.add(layers.Softmax())\n    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"], flag: 'True' },
  { code: 'LA106', name: 'a dropout added in a branch before the softmax activation', cells: [KERAS + "model = keras.Sequential([layers.Dense(10)])\nif train:\n    model.add(layers.Dropout(0.2))\nmodel.add(layers.Activation('softmax'))\nmodel.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n"], flag: 'True' },
  { code: 'LA108', name: 'softmax head added and compiled with binary_crossentropy in one branch', cells: [KERAS + "model = keras.Sequential([layers.Dense(64, activation='relu')])\nif multi_label:\n    model.add(layers.Dense(10, activation='sigmoid'))\n    model.compile(loss='binary_crossentropy')\nelse:\n    model.add(layers.Dense(10, activation='softmax'))\n    model.compile(loss='binary_crossentropy')\n"], flag: "'binary_crossentropy'" },
  // LA106 with *args / **kwargs and focal classes
  { code: 'LA106', name: "Dense(10, activation='softmax', **kw) with from_logits=True (the activation is written)", cells: [KERAS + "model = keras.Sequential([layers.Dense(10, activation='softmax', **kw)])\nmodel.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n"], flag: 'True' },
  { code: 'LA106', name: 'BinaryFocalCrossentropy(gamma=2.0, from_logits=True) on a sigmoid head', cells: [KERAS + "model = keras.Sequential([layers.Dense(1, activation='sigmoid')])\nmodel.compile(loss=keras.losses.BinaryFocalCrossentropy(gamma=2.0, from_logits=True))\n"], flag: 'True' },
  // LA108 with units known
  { code: 'LA108', name: 'num_classes = 10 bound before Dense(num_classes, softmax)', cells: [KERAS + "num_classes = 10\nmodel = keras.Sequential([layers.Dense(num_classes, activation='softmax')])\nmodel.compile(loss='binary_crossentropy', metrics=['accuracy'])\n"], flag: "'binary_crossentropy'" },
  { code: 'LA108', name: 'literal Dense(5, softmax) with BinaryCrossentropy()', cells: [KERAS + "model = keras.Sequential([layers.Dense(5, activation='softmax')])\nmodel.compile(loss=keras.losses.BinaryCrossentropy())\n"], flag: 'keras.losses.BinaryCrossentropy()' },
];

describe('lint: near misses of the parameter and Keras head rules', () => {
  itStaysSilent(NEGATIVES);
});

describe('lint: the narrowed parameter and Keras head rules still flag', () => {
  for (const p of POSITIVES) {
    it(`${p.code} ${p.name}`, () => {
      const hits = withCode(lintCells(p.cells), p.code);
      assert.deepEqual(hits.map((d) => rangeText(p.cells, d)), [p.flag]);
    });
  }

  it("LA203's fix keeps torch's mapping when reduce=False stands next to size_average=None", () => {
    const cells = [TORCH + "kl = nn.KLDivLoss(size_average=None, reduce=False, reduction='batchmean')\n"];
    const [d] = withCode(lintCells(cells), 'LA203');
    assert.match(d.message, /reduction='none'/);
    assert.equal(applyEdits(cells, d.fixes[0].edits)[0], TORCH + "kl = nn.KLDivLoss(reduction='none')\n");
  });

  it("LA203's fix removes the legacy flags wherever they stand, with edits that do not overlap", () => {
    const cases: Array<[string, string]> = [
      ["nn.MSELoss(size_average=False, reduce=True, reduction='mean')", "nn.MSELoss(reduction='sum')"],
      ["nn.MSELoss(size_average=False, reduction='mean', reduce=True)", "nn.MSELoss(reduction='sum')"],
      ["nn.MSELoss(reduction='mean', size_average=False, reduce=True)", "nn.MSELoss(reduction='sum')"],
      ["nn.MSELoss(weight, size_average=False, reduce=True, reduction='mean')", "nn.MSELoss(weight, reduction='sum')"],
    ];
    for (const [before, after] of cases) {
      const cells = [TORCH + `crit = ${before}\n`];
      const [d] = withCode(lintCells(cells), 'LA203');
      assert.equal(applyEdits(cells, d.fixes[0].edits)[0], TORCH + `crit = ${after}\n`, before);
    }
  });

  it("LA108 offers sparse_categorical_crossentropy only when the call's arguments mean the same there", () => {
    const compile = (loss: string) => [KERAS + `m = keras.Sequential([layers.Dense(10, activation='softmax')])\nm.compile(loss=keras.losses.${loss})\n`];
    const titles = (loss: string) => withCode(lintCells(compile(loss)), 'LA108')[0].fixes.map((f) => f.title);
    // SparseCategoricalCrossentropy has no label_smoothing and no axis, and its second parameter is ignore_class.
    for (const loss of ['BinaryCrossentropy(label_smoothing=0.1)', 'BinaryCrossentropy(from_logits=False, axis=-1)', 'BinaryCrossentropy(False, 0.1)']) {
      assert.deepEqual(titles(loss), ['Use categorical_crossentropy (one-hot labels)'], loss);
    }
    assert.deepEqual(titles('BinaryCrossentropy(from_logits=False, name="bce")'), ['Use categorical_crossentropy (one-hot labels)', 'Use sparse_categorical_crossentropy (class indices)']);
  });

  it("LA106's message gives the output layer's own line and the activation the loss applies", () => {
    const multiLine = [KERAS + "model = keras.Sequential([\n    layers.Dense(64, activation='relu'),\n    layers.Dense(10, activation='softmax'),\n])\nmodel.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n"];
    assert.match(withCode(lintCells(multiLine), 'LA106')[0].message, /output layer \(line 6\) already applies softmax: the loss applies softmax on top of it/);
    const sigmoidHead = [KERAS + "model = keras.Sequential([layers.Dense(10, activation='sigmoid')])\nmodel.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n"];
    assert.match(withCode(lintCells(sigmoidHead), 'LA106')[0].message, /already applies sigmoid: the loss applies softmax on top of it/);
  });

  it('LA202 names no particular constructor parameter (English and Chinese)', () => {
    for (const cells of [[TORCH + 'loss = nn.CTCLoss(log_probs, targets)\n'], ['import tensorflow as tf\nloss = tf.keras.losses.Huber(y_true, y_pred)\n']]) {
      const [en] = withCode(lintCells(cells), 'LA202');
      const [zh] = withCode(lintCells(cells, { language: 'zh' }), 'LA202');
      assert.match(en.message, /they are taken as its constructor's parameters/);
      assert.match(zh.message, /被当作构造函数的参数/);
      for (const m of [en.message, zh.message]) assert.doesNotMatch(m, /weight|size_average|from_logits/);
    }
  });
});
