/**
 * Positive cases of every lint code, each in its own style, most modelled on
 * the code of a public bug report (the URL is in the case). Each case names the
 * exact text the diagnostic must cover.
 */
import { strict as assert } from 'node:assert';
import { lintCells as fromIndex } from '../../../src/python';
import { LINT_CODES } from '../../../src/python/lint';
import { rangeText, withCode, lintCells } from './lint-helpers';

interface Positive {
  code: string;
  name: string;
  /** The bug report the case is modelled on (or the documented behaviour). */
  url: string;
  cells: string[];
  /** The text the diagnostic covers. */
  flag: string;
}

const TORCH = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';

export const POSITIVES: Positive[] = [
  // ---- LA101: softmax into a loss that applies softmax ----
  {
    code: 'LA101',
    name: 'validation step: torch.softmax through a variable into self.criterion (CrossEntropyLoss)',
    url: 'https://github.com/ariecattan/SciCo/issues/2',
    cells: [
      TORCH +
        'import pytorch_lightning as pl\n\nclass MulticlassModel(pl.LightningModule):\n    def __init__(self):\n        super().__init__()\n        self.criterion = torch.nn.CrossEntropyLoss()\n\n    def validation_step(self, batch, batch_idx):\n        x, y = batch\n        logits = self(x)\n        scores = torch.softmax(logits, dim=1)\n        loss = self.criterion(scores, y)\n        return loss\n',
    ],
    flag: 'scores',
  },
  {
    code: 'LA101',
    name: 'TF1: tf.nn.softmax then softmax_cross_entropy_with_logits(logits=...)',
    url: 'https://github.com/tflearn/tflearn/pull/562',
    cells: ['import tensorflow as tf\n\nnet = tf.nn.softmax(tf.matmul(h, W) + b)\nloss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=Y, logits=net))\n'],
    flag: 'net',
  },
  {
    code: 'LA101',
    name: 'F.softmax(output, dim=-1) right before F.cross_entropy',
    url: 'https://github.com/thegregyang/LossUpAccUp/issues/1',
    cells: [TORCH + '\ndef train_step(model, data, target):\n    output = model(data)\n    output = F.softmax(output, dim=-1)\n    loss = F.cross_entropy(output, target)\n    loss.backward()\n'],
    flag: 'output',
  },
  {
    code: 'LA101',
    name: 'tensor method .softmax(dim=1) into nn.functional.cross_entropy, imported from torch.nn',
    url: 'https://github.com/gitabcworld/MatchingNetworks/issues/5',
    cells: ['from torch.nn import functional\n\ndef episode_loss(similarities, support_labels, targets):\n    preds = similarities.softmax(dim=1).bmm(support_labels)\n    probs = similarities.softmax(dim=1)\n    return functional.cross_entropy(probs, targets)\n'],
    flag: 'probs',
  },
  {
    code: 'LA101',
    name: 'notebook: criterion in one cell, nn.Softmax module applied in the call in another',
    url: 'https://github.com/sugi-chan/custom_bert_pipeline/issues/1',
    cells: ['import torch.nn as nn\ncriterion = nn.CrossEntropyLoss()\nsm = nn.Softmax(dim=1)\n', 'for inputs, labels in loader:\n    outputs = model(inputs)\n    loss = criterion(sm(outputs), labels)\n'],
    flag: 'sm(outputs)',
  },
  {
    code: 'LA101',
    name: 'optax.softmax_cross_entropy on jax.nn.softmax',
    url: 'https://github.com/vahidk/EffectiveTensorflow/issues/9',
    cells: ['import jax\nimport optax\n\ndef loss_fn(params, x, onehot):\n    logits = model.apply(params, x)\n    return optax.softmax_cross_entropy(jax.nn.softmax(logits), onehot).mean()\n'],
    flag: 'jax.nn.softmax(logits)',
  },
  {
    code: 'LA101',
    name: 'TF 1 slim: tf.losses.softmax_cross_entropy on end_points["Predictions"] (softmax)',
    url: 'https://github.com/matterport/Mask_RCNN/issues/427',
    cells: ['import tensorflow as tf\n\nprobs = tf.nn.softmax(logits, name="Predictions")\ntf.losses.softmax_cross_entropy(onehot_labels, probs, label_smoothing=0.1)\n'],
    flag: 'probs',
  },
  {
    code: 'LA101',
    name: "a model class whose forward returns F.softmax, trained with CrossEntropyLoss (tutorial-style script)",
    url: 'https://github.com/bowang-lab/Transformer-GCN-QA/pull/32',
    cells: [
      TORCH +
        '\nclass Classifier(nn.Module):\n    def __init__(self, n_in, n_classes):\n        super().__init__()\n        self.fc = nn.Linear(n_in, n_classes)\n\n    def forward(self, x):\n        scores = self.fc(x)\n        return F.softmax(scores, dim=-1)\n\nnet = Classifier(300, 5).to(device)\ncriterion = nn.CrossEntropyLoss()\nfor inputs, labels in train_loader:\n    outputs = net(inputs)\n    loss = criterion(outputs, labels)\n    loss.backward()\n',
    ],
    flag: 'outputs',
  },
  {
    code: 'LA101',
    name: 'notebook: nn.Sequential ending in nn.Softmax(dim=1), CrossEntropyLoss in a later cell',
    url: 'https://github.com/nishnik/Deep-Semantic-Similarity-Model-PyTorch/issues/2',
    cells: ['import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10), nn.Softmax(dim=1))\n', 'loss_fn = nn.CrossEntropyLoss()\nloss = loss_fn(model(images), labels)\n'],
    flag: 'model(images)',
  },
  {
    code: 'LA101',
    name: 'custom train_step: a Keras loss with from_logits=True called on softmax probabilities',
    url: 'https://github.com/keras-team/keras/issues/16906',
    cells: [
      'import tensorflow as tf\nfrom tensorflow import keras\n\nclass CustomModel(keras.Model):\n    def __init__(self, backbone):\n        super().__init__()\n        self.backbone = backbone\n        self.loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\n    def train_step(self, data):\n        x, y = data\n        with tf.GradientTape() as tape:\n            probs = tf.nn.softmax(self.backbone(x, training=True))\n            loss = self.loss_fn(y, probs)\n        grads = tape.gradient(loss, self.trainable_variables)\n        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))\n        return {"loss": loss}\n',
    ],
    flag: 'probs',
  },
  {
    code: 'LA101',
    name: 'keras.losses.sparse_categorical_crossentropy(..., from_logits=True) on tf.nn.softmax output',
    url: 'https://github.com/tensorflow/tensorflow/issues/24518',
    cells: ['import tensorflow as tf\nfrom tensorflow import keras\n\ndef loss(y_true, logits):\n    return keras.losses.sparse_categorical_crossentropy(y_true, tf.nn.softmax(logits), from_logits=True)\n'],
    flag: 'tf.nn.softmax(logits)',
  },
  {
    code: 'LA101',
    name: 'custom training loop: a Keras softmax-head Sequential into a loss given from_logits=True',
    url: 'https://github.com/keras-team/keras/issues/16906',
    cells: [
      "import tensorflow as tf\nfrom tensorflow import keras\n\nmodel = keras.Sequential([\n    keras.layers.Conv2D(32, 3, activation='relu'),\n    keras.layers.Flatten(),\n    keras.layers.Dense(10, activation='softmax'),\n])\nloss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\noptimizer = keras.optimizers.Adam()\n\nfor x, y in train_ds:\n    with tf.GradientTape() as tape:\n        preds = model(x, training=True)\n        loss = loss_fn(y, preds)\n    grads = tape.gradient(loss, model.trainable_variables)\n    optimizer.apply_gradients(zip(grads, model.trainable_variables))\n",
    ],
    flag: 'preds',
  },
  {
    code: 'LA101',
    name: 'a functional Keras model ending in a softmax Dense, its loss given from_logits=True',
    url: 'https://github.com/mmalekzadeh/dana/issues/1',
    cells: [
      "from tensorflow import keras\nfrom tensorflow.keras.layers import Input, LSTM, Dense\n\ninp = Input((128, 9))\nact = LSTM(128)(inp)\nout_act = Dense(6, activation='softmax', name='act_smx')(act)\nmodel = keras.models.Model(inputs=inp, outputs=out_act)\nloss_fn = keras.losses.CategoricalCrossentropy(from_logits=True)\nloss = loss_fn(y_batch, model(x_batch, training=True))\n",
    ],
    flag: 'model(x_batch, training=True)',
  },
  {
    code: 'LA101',
    name: "a module-level softmax-head Sequential called in a @tf.function train_step (the Keras guide's loop, keras#16906's head)",
    url: 'https://github.com/keras-team/keras/issues/16906',
    cells: [
      "import tensorflow as tf\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n\nmodel = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10, activation='softmax')])\nloss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\noptimizer = keras.optimizers.Adam()\n\n@tf.function\ndef train_step(x, y):\n    with tf.GradientTape() as tape:\n        logits = model(x, training=True)\n        loss_value = loss_fn(y, logits)\n    grads = tape.gradient(loss_value, model.trainable_weights)\n    optimizer.apply_gradients(zip(grads, model.trainable_weights))\n    return loss_value\n",
    ],
    flag: 'logits',
  },
  {
    code: 'LA101',
    name: 'a module-level functional model ending in a softmax Dense, its loss called inside train_step',
    url: 'https://github.com/mmalekzadeh/dana/issues/1',
    cells: [
      "import keras\n\ninputs = keras.Input(shape=(784,))\nx = keras.layers.Dense(64, activation='relu')(inputs)\noutputs = keras.layers.Dense(10, activation='softmax')(x)\nmodel = keras.Model(inputs=inputs, outputs=outputs)\nloss_fn = keras.losses.CategoricalCrossentropy(from_logits=True)\n\ndef train_step(x, y):\n    with tf.GradientTape() as tape:\n        loss_value = loss_fn(y, model(x, training=True))\n    return loss_value\n",
    ],
    flag: 'model(x, training=True)',
  },
  // ---- LA102: sigmoid into a with-logits loss ----
  {
    code: 'LA102',
    name: 'torch.sigmoid scores into F.binary_cross_entropy_with_logits',
    url: 'https://github.com/Lightning-AI/pytorch-lightning/issues/18272',
    cells: [TORCH + '\ndef training_step(self, batch, batch_idx):\n    x, y = batch\n    y_logits = self.forward(x)\n    y_scores = torch.sigmoid(y_logits)\n    loss = F.binary_cross_entropy_with_logits(y_scores, y)\n    return loss\n'],
    flag: 'y_scores',
  },
  {
    code: 'LA102',
    name: 'method .sigmoid() on the model output into a BCEWithLogitsLoss criterion',
    url: 'https://github.com/yudi-mars/daisyRec/pull/15',
    cells: ['from torch import nn\n\ncriterion = nn.BCEWithLogitsLoss()\nfor user, item, label in train_loader:\n    pred = model(user, item).sigmoid()\n    loss = criterion(pred, label.float())\n'],
    flag: 'pred',
  },
  {
    code: 'LA102',
    name: 'nn.Sigmoid inside the call of a self.loss_fn (BCEWithLogitsLoss)',
    url: 'https://github.com/Turoad/lanedet/issues/32',
    cells: [TORCH + '\nclass ExistHead(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.act = nn.Sigmoid()\n        self.loss_fn = nn.BCEWithLogitsLoss()\n\n    def loss(self, out, exist):\n        return self.loss_fn(self.act(out), exist)\n'],
    flag: 'self.act(out)',
  },
  {
    code: 'LA102',
    name: 'tf.nn.sigmoid_cross_entropy_with_logits on tf.sigmoid',
    url: 'https://github.com/itakurah/focal-loss-pytorch/pull/5',
    cells: ['import tensorflow as tf\nloss = tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=tf.sigmoid(z))\n'],
    flag: 'tf.sigmoid(z)',
  },
  {
    code: 'LA102',
    name: 'torchvision sigmoid_focal_loss on probabilities',
    url: 'https://github.com/facebookresearch/fvcore/issues/126',
    cells: ['import torch\nfrom torchvision.ops import sigmoid_focal_loss\n\nloss = sigmoid_focal_loss(torch.sigmoid(cls_logits), targets, reduction="sum")\n'],
    flag: 'torch.sigmoid(cls_logits)',
  },
  {
    code: 'LA102',
    name: 'BinaryCrossentropy(from_logits=True) called on a sigmoid output in a custom loop',
    url: 'https://github.com/keras-team/keras/issues/15271',
    cells: ['import tensorflow as tf\n\nbce = tf.keras.losses.BinaryCrossentropy(from_logits=True)\nfor x, y in dataset:\n    with tf.GradientTape() as tape:\n        pred = tf.sigmoid(model(x))\n        loss = bce(y, pred)\n'],
    flag: 'pred',
  },
  // ---- LA103: NLL on probabilities ----
  {
    code: 'LA103',
    name: 'F.softmax(model(x), dim=1) into F.nll_loss',
    url: 'https://github.com/midas-research/man-sf-emnlp/issues/2',
    cells: [TORCH + '\nfor x, y in loader:\n    output = F.softmax(model(x), dim=1)\n    loss = F.nll_loss(output, y)\n'],
    flag: 'output',
  },
  {
    code: 'LA103',
    name: 'nn.Softmax module and an NLLLoss criterion (ACGAN auxiliary classifier)',
    url: 'https://github.com/clvrai/ACGAN-PyTorch/issues/3',
    cells: [TORCH + '\naux_criterion = nn.NLLLoss()\nsoftmax = nn.Softmax(dim=1)\n\ndef d_step(aux_logits, aux_label):\n    aux_output = softmax(aux_logits)\n    return aux_criterion(aux_output, aux_label)\n'],
    flag: 'aux_output',
  },
  {
    code: 'LA103',
    name: 'method .softmax(-1) into nll_loss imported by name',
    url: 'https://github.com/yanx27/Pointnet_Pointnet2_pytorch/issues/30',
    cells: ['from torch.nn.functional import nll_loss\n\ndef get_loss(pred_logits, target):\n    labels_pred = pred_logits.softmax(-1)\n    return nll_loss(labels_pred, target)\n'],
    flag: 'labels_pred',
  },
  {
    code: 'LA103',
    name: 'self.softmax module applied in a loss method with self.loss_op = nn.NLLLoss()',
    url: 'https://github.com/AnubhavGupta3377/Text-Classification-Models-Pytorch/issues/9',
    cells: [TORCH + '\nclass Transformer(nn.Module):\n    def __init__(self, config):\n        super().__init__()\n        self.softmax = nn.Softmax(dim=1)\n        self.loss_op = nn.NLLLoss()\n\n    def compute_loss(self, out, y):\n        return self.loss_op(self.softmax(out), y)\n'],
    flag: 'self.softmax(out)',
  },
  // ---- LA104: kl_div input / target ----
  {
    code: 'LA104',
    name: 'KLDivLoss on scores.softmax(-1) (input not in log space)',
    url: 'https://github.com/sebastian-hofstaetter/matchmaker/issues/18',
    cells: ['import torch\n\nclass KLDivTeacherList(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.kl = torch.nn.KLDivLoss(reduction="batchmean")\n\n    def forward(self, scores, labels):\n        return self.kl(scores.softmax(-1), labels.softmax(-1))\n'],
    flag: 'scores.softmax(-1)',
  },
  {
    code: 'LA104',
    name: 'probabilities through a variable into F.kl_div (PMSN prior)',
    url: 'https://github.com/lightly-ai/lightly/pull/1341',
    cells: [TORCH + '\ndef regularization(anchor_logits, prior, tau):\n    probs = F.softmax(anchor_logits / tau, dim=1)\n    mean_probs = probs.mean(dim=0)\n    return F.kl_div(probs, prior, reduction="batchmean")\n'],
    flag: 'probs',
  },
  {
    code: 'LA104',
    name: 'log-space target without log_target=True',
    url: 'https://github.com/peisuke/UnsupervisedDataAugmentation.pytorch/issues/2',
    cells: [TORCH + '\npred_x = F.log_softmax(model(x), dim=1)\npred_x_h = F.log_softmax(model(x_h), dim=1)\nloss = F.kl_div(pred_x_h, pred_x, reduction="batchmean")\n'],
    flag: 'pred_x',
  },
  {
    code: 'LA104',
    name: 'KLDivLoss(log_target=False) with a log_softmax target (keyword arguments)',
    url: 'https://github.com/pytorch/pytorch/pull/34586',
    cells: [TORCH + '\nkd = nn.KLDivLoss(reduction="batchmean", log_target=False)\nloss = kd(input=F.log_softmax(s, dim=-1), target=F.log_softmax(t, dim=-1))\n'],
    flag: 'F.log_softmax(t, dim=-1)',
  },
  // ---- LA105: CTC on probabilities ----
  {
    code: 'LA105',
    name: 'softmax output into an nn.CTCLoss criterion',
    url: 'https://github.com/SeanNaren/deepspeech.pytorch/issues/488',
    cells: [TORCH + '\ncriterion = nn.CTCLoss(blank=0, reduction="sum")\nout = model(inputs)\nout = F.softmax(out, dim=-1).transpose(0, 1)\nloss = criterion(out, targets, output_sizes, target_sizes)\n'],
    flag: 'out',
  },
  {
    code: 'LA105',
    name: 'F.ctc_loss on logits.softmax(2)',
    url: 'https://github.com/gwx314/STARS/issues/9',
    cells: ['import torch.nn.functional as F\nph_ctc_loss = F.ctc_loss(ph_frame_logits.softmax(2), ph_seqs, frame_lengths, ph_lengths)\n'],
    flag: 'ph_frame_logits.softmax(2)',
  },
  {
    code: 'LA105',
    name: 'nn.Softmax(dim=2) applied inline, transposed, into CTCLoss',
    url: 'https://github.com/SeanNaren/deepspeech.pytorch/issues/488',
    cells: ['from torch import nn\nctc = nn.CTCLoss(zero_infinity=True)\nprobs = nn.Softmax(dim=2)(x)\nloss = ctc(probs.transpose(0, 1), y, in_lens, y_lens)\n'],
    flag: 'probs.transpose(0, 1)',
  },
  // ---- LA106: Keras from_logits vs output layer ----
  {
    code: 'LA106',
    name: 'functional model with a Dense(256) logits head compiled with a string sparse loss',
    url: 'https://github.com/xiph/LPCNet/issues/97',
    cells: ['from tensorflow.keras.layers import Input, Dense, GRU\nfrom tensorflow.keras.models import Model\n\ninp = Input(shape=(None, 128))\nh = GRU(384, return_sequences=True)(inp)\nout = Dense(256)(h)\nmodel = Model(inp, out)\nmodel.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["sparse_categorical_accuracy"])\n'],
    flag: '"sparse_categorical_crossentropy"',
  },
  {
    code: 'LA106',
    name: "softmax head (Model(inputs=..., outputs=...)) with CategoricalCrossentropy(from_logits=True)",
    url: 'https://github.com/mmalekzadeh/dana/issues/1',
    cells: ['from tensorflow import keras\nfrom tensorflow.keras.layers import Dense, LSTM, Input\n\ndef build(inp_shape, out_shape):\n    inp = Input(inp_shape)\n    act = LSTM(128)(inp)\n    out_act = Dense(out_shape, activation="softmax", name="act_smx")(act)\n    model = keras.models.Model(inputs=inp, outputs=out_act)\n    model.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True), optimizer="adam")\n    return model\n'],
    flag: 'True',
  },
  {
    code: 'LA106',
    name: 'Sequential with a sigmoid head and BinaryCrossentropy(from_logits=True)',
    url: 'https://github.com/lovedlim/tensorflow/issues/2',
    cells: ['import tensorflow as tf\nmodel = tf.keras.Sequential([\n    tf.keras.layers.Conv2D(32, 3, activation="relu"),\n    tf.keras.layers.Flatten(),\n    tf.keras.layers.Dense(1, activation="sigmoid"),\n])\nmodel.compile(optimizer="adam", loss=tf.keras.losses.BinaryCrossentropy(from_logits=True), metrics=["accuracy"])\n'],
    flag: 'True',
  },
  {
    code: 'LA106',
    name: 'model.add(...) logits head, loss held in a variable (class without from_logits)',
    url: 'https://github.com/TrickyGo/Dive-into-DL-TensorFlow2.0/issues/64',
    cells: ['from tensorflow import keras\nfrom tensorflow.keras import layers\n\nmodel = keras.Sequential()\nmodel.add(layers.Dense(64, activation="relu"))\nmodel.add(layers.Dense(10))\nloss_fn = keras.losses.SparseCategoricalCrossentropy()\nmodel.compile(optimizer="sgd", loss=loss_fn)\n'],
    flag: 'keras.losses.SparseCategoricalCrossentropy()',
  },
  // A model built by a function of the file, compiled where it is called.
  {
    code: 'LA106',
    name: "model = build_model() (a function of the file returning a softmax-head Sequential), compiled with from_logits=True",
    url: 'https://github.com/anthropologistbiubiu/python_study/blob/HEAD/tensorflow/keras/keras.py (its string loss replaced by the class with from_logits=True)',
    cells: ["import tensorflow as tf\nfrom tensorflow import keras\n\ndef build_model():\n    model = keras.Sequential([keras.layers.Dense(64, activation='relu', input_shape=(784,)),\n    keras.layers.Dense(10, activation='softmax')])\n    return model\n\nmodel = build_model()\nmodel.compile(optimizer='adam', loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])\n"],
    flag: 'True',
  },
  {
    code: 'LA106',
    name: 'create_model() returning a logits-head Sequential directly, compiled with a string loss',
    url: 'https://www.tensorflow.org/tutorials/keras/save_and_load (create_model, its compile moved out and its loss written as a string)',
    cells: ["import tensorflow as tf\n\ndef create_model():\n    return tf.keras.Sequential([\n        tf.keras.layers.Dense(512, activation='relu', input_shape=(784,)),\n        tf.keras.layers.Dropout(0.2),\n        tf.keras.layers.Dense(10),\n    ])\n\nmodel = create_model()\nmodel.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])\n"],
    flag: "'sparse_categorical_crossentropy'",
  },
  {
    code: 'LA101',
    name: "a custom loop over a model built by the file's function: softmax head, loss with from_logits=True in train_step",
    url: 'https://keras.io/guides/writing_a_training_loop_from_scratch/ (the model built by a function with a softmax head)',
    cells: ["import tensorflow as tf\nfrom tensorflow import keras\n\ndef get_model():\n    inputs = keras.Input(shape=(784,))\n    x = keras.layers.Dense(64, activation='relu')(inputs)\n    outputs = keras.layers.Dense(10, activation='softmax')(x)\n    return keras.Model(inputs=inputs, outputs=outputs)\n\nmodel = get_model()\nloss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\n@tf.function\ndef train_step(x, y):\n    with tf.GradientTape() as tape:\n        logits = model(x, training=True)\n        loss_value = loss_fn(y, logits)\n    return loss_value\n"],
    flag: 'logits',
  },
  // A subclassed Keras model: the head its `call` returns.
  {
    code: 'LA106',
    name: 'a keras.Model subclass whose call returns self.d2(x), d2 a softmax Dense, compiled with from_logits=True',
    url: 'https://github.com/jinh0park/Tensorflow-2.0-Project-Template/blob/HEAD/models/example_model.py (its model compiled with from_logits=True)',
    cells: ["import tensorflow as tf\n\nclass ExampleModel(tf.keras.Model):\n    def __init__(self):\n        super(ExampleModel, self).__init__()\n        self.conv1 = tf.keras.layers.Conv2D(32, 3, activation='relu')\n        self.flatten = tf.keras.layers.Flatten()\n        self.d1 = tf.keras.layers.Dense(128, activation='relu')\n        self.d2 = tf.keras.layers.Dense(10, activation='softmax')\n\n    def call(self, x):\n        x = self.conv1(x)\n        x = self.flatten(x)\n        x = self.d1(x)\n        return self.d2(x)\n\nmodel = ExampleModel()\nmodel.compile(optimizer='adam', loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])\n"],
    flag: 'True',
  },
  {
    code: 'LA106',
    name: "a keras.Model subclass with a Dense(num_classes) logits head, compiled with the string loss",
    url: 'https://github.com/rainhard-obura/pytorch_tutorials/blob/HEAD/customlayers.py (its loss written as a string)',
    cells: ["from tensorflow import keras\nfrom tensorflow.keras import layers\n\nclass MyModel(keras.Model):\n    def __init__(self, num_classes=10):\n        super(MyModel, self).__init__()\n        self.flatten = layers.Flatten()\n        self.dense1 = layers.Dense(64, activation='relu')\n        self.dense2 = layers.Dense(num_classes)\n\n    def call(self, input_tensor):\n        x = self.flatten(input_tensor)\n        x = self.dense1(x)\n        return self.dense2(x)\n\nmodel = MyModel()\nmodel.compile(loss='sparse_categorical_crossentropy', optimizer=keras.optimizers.Adam(), metrics=['accuracy'])\n"],
    flag: "'sparse_categorical_crossentropy'",
  },
  {
    code: 'LA106',
    name: "a keras.Model subclass whose head is made in build() (softmax Dense), compiled with from_logits=True",
    url: 'https://keras.io/guides/making_new_layers_and_models_via_subclassing/ (weights and sublayers created in build(); here the output Dense)',
    cells: ["from tensorflow import keras\nfrom tensorflow.keras import layers\n\nclass Classifier(keras.Model):\n    def __init__(self, num_classes=10):\n        super().__init__()\n        self.num_classes = num_classes\n\n    def build(self, input_shape):\n        self.hidden = layers.Dense(64, activation='relu')\n        self.out = layers.Dense(self.num_classes, activation='softmax')\n\n    def call(self, x):\n        return self.out(self.hidden(x))\n\nmodel = Classifier()\nmodel.compile(optimizer='adam', loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"],
    flag: 'True',
  },
  {
    code: 'LA101',
    name: "TF's advanced quickstart loop on a subclassed model that ends in a Softmax layer (returned through a name), loss with from_logits=True",
    url: 'https://www.tensorflow.org/tutorials/quickstart/advanced (its model given a Softmax layer)',
    cells: ["import tensorflow as tf\nfrom tensorflow.keras.layers import Dense, Flatten, Softmax\nfrom tensorflow.keras import Model\n\nclass MyModel(Model):\n    def __init__(self):\n        super().__init__()\n        self.flatten = Flatten()\n        self.d1 = Dense(128, activation='relu')\n        self.d2 = Dense(10)\n        self.sm = Softmax()\n\n    def call(self, x):\n        x = self.flatten(x)\n        x = self.d2(self.d1(x))\n        probs = self.sm(x)\n        return probs\n\nmodel = MyModel()\nloss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\n@tf.function\ndef train_step(images, labels):\n    with tf.GradientTape() as tape:\n        predictions = model(images, training=True)\n        loss = loss_object(labels, predictions)\n    return loss\n"],
    flag: 'predictions',
  },
  {
    code: 'LA106',
    name: 'a keras.Model subclass whose call ends in tf.nn.softmax(x) after its Dense output layer, compiled with from_logits=True',
    url: 'https://github.com/aymericdamien/TensorFlow-Examples/blob/26cc8836017d539b30526c96b1d9d31e3a62ca6e/tensorflow_v2/notebooks/3_NeuralNetworks/neural_network.ipynb (its call applies tf.nn.softmax after self.out; here always, and the model compiled with from_logits=True)',
    cells: ["import tensorflow as tf\nfrom tensorflow.keras import Model, layers\n\nclass NeuralNet(Model):\n    def __init__(self):\n        super(NeuralNet, self).__init__()\n        self.fc1 = layers.Dense(128, activation=tf.nn.relu)\n        self.fc2 = layers.Dense(256, activation=tf.nn.relu)\n        self.out = layers.Dense(10)\n\n    def call(self, x):\n        x = self.fc1(x)\n        x = self.fc2(x)\n        x = self.out(x)\n        return tf.nn.softmax(x)\n\nneural_net = NeuralNet()\nneural_net.compile(optimizer='sgd', loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])\n"],
    flag: 'True',
  },
  {
    code: 'LA101',
    name: "TF's advanced quickstart with tf.nn.softmax added to the subclass's call, trained by its from_logits=True loop",
    url: 'https://www.tensorflow.org/tutorials/quickstart/advanced (its call returning tf.nn.softmax(self.d2(x)))',
    cells: ["import tensorflow as tf\nfrom tensorflow.keras.layers import Dense, Flatten, Conv2D\nfrom tensorflow.keras import Model\n\nclass MyModel(Model):\n    def __init__(self):\n        super().__init__()\n        self.conv1 = Conv2D(32, 3, activation='relu')\n        self.flatten = Flatten()\n        self.d1 = Dense(128, activation='relu')\n        self.d2 = Dense(10)\n\n    def call(self, x):\n        x = self.conv1(x)\n        x = self.flatten(x)\n        x = self.d1(x)\n        return tf.nn.softmax(self.d2(x))\n\nmodel = MyModel()\nloss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\n@tf.function\ndef train_step(images, labels):\n    with tf.GradientTape() as tape:\n        predictions = model(images, training=True)\n        loss = loss_object(labels, predictions)\n    return loss\n"],
    flag: 'predictions',
  },
  {
    code: 'LA108',
    name: "a subclass returning keras.activations.softmax(self.out(x)) over Dense(10), compiled with 'binary_crossentropy'",
    url: 'https://github.com/frlim/data2040_final/issues/1 (binary cross-entropy on CIFAR-10, its 10 classes, and accuracy too high), its model written as a subclass',
    cells: ["from tensorflow import keras\nfrom tensorflow.keras import layers\n\nclass Classifier(keras.Model):\n    def __init__(self):\n        super().__init__()\n        self.hidden = layers.Dense(128, activation='relu')\n        self.out = layers.Dense(10)\n\n    def call(self, x):\n        return keras.activations.softmax(self.out(self.hidden(x)))\n\nmodel = Classifier()\nmodel.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])\n"],
    flag: "'binary_crossentropy'",
  },
  {
    code: 'LA106',
    name: 'a functional Model whose outputs are keras.activations.softmax applied to a Dense output, compiled with from_logits=True',
    url: 'https://keras.io/guides/functional_api/ (its outputs passed through keras.activations.softmax)',
    cells: ["import keras\nfrom keras import layers\n\ninputs = keras.Input(shape=(784,))\nx = layers.Dense(64, activation='relu')(inputs)\nx = layers.Dense(10)(x)\noutputs = keras.activations.softmax(x)\nmodel = keras.Model(inputs=inputs, outputs=outputs, name='mnist_model')\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), optimizer=keras.optimizers.RMSprop())\n"],
    flag: 'True',
  },
  // Loss wrappers: a function of the file that hands its parameter to a loss.
  {
    code: 'LA101',
    name: "d2l's FCN loss wrapper (def loss(inputs, targets): F.cross_entropy(inputs, targets, …)) called with a softmax",
    url: 'https://github.com/Toinnks/pytorch-study/blob/HEAD/d2l-zh/pytorch/chapter_computer-vision/fcn.ipynb (its loss function called with the softmax of the network output)',
    cells: [TORCH + "def loss(inputs, targets):\n    return F.cross_entropy(inputs, targets, reduction='none').mean(1).mean(1)\n\nfor X, Y in train_iter:\n    l = loss(F.softmax(net(X), dim=1), Y)\n    l.sum().backward()\n"],
    flag: 'F.softmax(net(X), dim=1)',
  },
  {
    code: 'LA101',
    name: "TensorFlow-Examples' cross_entropy_loss(x, y) wrapper of sparse_softmax_cross_entropy_with_logits, given a model whose output layer has a softmax",
    url: 'https://github.com/aymericdamien/TensorFlow-Examples/blob/26cc8836017d539b30526c96b1d9d31e3a62ca6e/tensorflow_v2/notebooks/3_NeuralNetworks/neural_network.ipynb (fixed upstream by PR #358, which removed the layer\'s softmax; here the call has no branch)',
    cells: ["import tensorflow as tf\nfrom tensorflow.keras import Model, layers\n\nclass NeuralNet(Model):\n    def __init__(self):\n        super(NeuralNet, self).__init__()\n        self.fc1 = layers.Dense(128, activation=tf.nn.relu)\n        self.out = layers.Dense(10, activation=tf.nn.softmax)\n\n    def call(self, x):\n        x = self.fc1(x)\n        return self.out(x)\n\nneural_net = NeuralNet()\n\ndef cross_entropy_loss(x, y):\n    y = tf.cast(y, tf.int64)\n    loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=x)\n    return tf.reduce_mean(loss)\n\ndef run_optimization(x, y):\n    with tf.GradientTape() as g:\n        pred = neural_net(x)\n        loss = cross_entropy_loss(pred, y)\n    return loss\n"],
    flag: 'pred',
  },
  {
    code: 'LA109',
    name: 'a GAN discriminator ending in nn.Sigmoid, its BCE written as a function of the file',
    url: 'https://github.com/yunjey/pytorch-tutorial/blob/master/tutorials/03-advanced/generative_adversarial_network/main.py (its criterion = nn.BCELoss() written as a function)',
    cells: [TORCH + "D = nn.Sequential(\n    nn.Linear(784, 256),\n    nn.LeakyReLU(0.2),\n    nn.Linear(256, 1),\n    nn.Sigmoid())\n\ndef bce(outputs, labels):\n    return F.binary_cross_entropy(outputs, labels)\n\nfor images, _ in data_loader:\n    outputs = D(images)\n    d_loss_real = bce(outputs, real_labels)\n"],
    flag: 'outputs',
  },
  {
    code: 'LA103',
    name: "ACGAN's auxiliary NLLLoss criterion called through a function of the file, given a softmax by keyword",
    url: 'https://github.com/clvrai/ACGAN-PyTorch/issues/3 (its aux_criterion = nn.NLLLoss() on softmax outputs, called through a function)',
    cells: [TORCH + "aux_criterion = nn.NLLLoss()\n\ndef aux_loss(aux_output, aux_label):\n    return aux_criterion(aux_output.view(-1, 10), aux_label)\n\nerrD_aux = aux_loss(aux_label=label, aux_output=F.softmax(aux_logits, dim=1))\n"],
    flag: 'F.softmax(aux_logits, dim=1)',
  },
  // A LightningModule: `self(x)` is its own forward; `self.cross_entropy_loss(…)` a method that hands its parameter to a loss.
  {
    code: 'LA103',
    name: "Lightning's LitMNIST with F.softmax at the end of forward, its training_step calling self(x) into F.nll_loss",
    url: 'https://github.com/Lightning-AI/pytorch-lightning/blob/02ab0a7a929b51c9ed271f32f4b19e114c5b97b3/docs/source/starter/introduction_guide.rst (its forward ending in F.softmax instead of F.log_softmax)',
    cells: ["import torch\nfrom torch.nn import functional as F\nfrom torch import nn\nfrom pytorch_lightning.core.lightning import LightningModule\n\nclass LitMNIST(LightningModule):\n    def __init__(self):\n        super().__init__()\n        self.layer_1 = nn.Linear(28 * 28, 128)\n        self.layer_3 = nn.Linear(128, 10)\n\n    def forward(self, x):\n        batch_size, channels, height, width = x.size()\n        x = x.view(batch_size, -1)\n        x = F.relu(self.layer_1(x))\n        x = self.layer_3(x)\n        x = F.softmax(x, dim=1)\n        return x\n\n    def training_step(self, batch, batch_idx):\n        x, y = batch\n        logits = self(x)\n        loss = F.nll_loss(logits, y)\n        return loss\n"],
    flag: 'logits',
  },
  {
    code: 'LA103',
    name: "the cross_entropy_loss(self, logits, labels) method LightningModules copy (F.nll_loss), given self.forward(x) that ends in torch.softmax",
    url: 'https://github.com/Lightning-AI/pytorch-lightning/blob/02ab0a7a929b51c9ed271f32f4b19e114c5b97b3/docs/source/starter/introduction_guide.rst (the MNIST module of the guide, written with the cross_entropy_loss method and a softmax forward)',
    cells: ["import torch\nimport torch.nn.functional as F\nimport pytorch_lightning as pl\n\nclass LightningMNISTClassifier(pl.LightningModule):\n    def __init__(self):\n        super().__init__()\n        self.layer_1 = torch.nn.Linear(28 * 28, 128)\n        self.layer_3 = torch.nn.Linear(128, 10)\n\n    def forward(self, x):\n        x = x.view(x.size(0), -1)\n        x = torch.relu(self.layer_1(x))\n        x = self.layer_3(x)\n        x = torch.softmax(x, dim=1)\n        return x\n\n    def cross_entropy_loss(self, logits, labels):\n        return F.nll_loss(logits, labels)\n\n    def training_step(self, train_batch, batch_idx):\n        x, y = train_batch\n        logits = self.forward(x)\n        loss = self.cross_entropy_loss(logits, y)\n        self.log('train_loss', loss)\n        return loss\n"],
    flag: 'logits',
  },
  {
    code: 'LA101',
    name: "a LightningModule's auxiliary_loss method (F.cross_entropy) given its classifier's nn.Softmax output",
    url: 'https://github.com/nocotan/pytorch-lightning-gans/issues/9 (an ACGAN auxiliary layer ending in a softmax, its loss the auxiliary_loss method over F.cross_entropy)',
    cells: ["import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nfrom pytorch_lightning.core import LightningModule\n\nclass AuxClassifier(LightningModule):\n    def __init__(self, n_classes):\n        super().__init__()\n        self.aux_layer = nn.Sequential(nn.Linear(512, n_classes), nn.Softmax(dim=1))\n\n    def auxiliary_loss(self, y_hat, y):\n        return F.cross_entropy(y_hat, y)\n\n    def training_step(self, batch, batch_idx):\n        feats, labels = batch\n        return self.auxiliary_loss(self.aux_layer(feats), labels)\n"],
    flag: 'self.aux_layer(feats)',
  },
  // A name rebound later in the loop body (`out = out.argmax(1)` for the accuracy), after the use: the binding
  // first in the body runs before the use on every iteration, so the later one never reaches it.
  {
    code: 'LA101',
    name: "a Hugging Face fine-tuning notebook: forward ends in out.softmax(dim=1), the loop rebinds out to argmax after the criterion",
    url: 'https://github.com/lansinuote/Huggingface_Toturials/issues/6 (7.中文分类.ipynb at 9d665db)',
    cells: ["import torch\n\nclass Model(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = torch.nn.Linear(768, 2)\n\n    def forward(self, input_ids, attention_mask):\n        with torch.no_grad():\n            out = pretrained(input_ids=input_ids, attention_mask=attention_mask)\n        out = self.fc(out.last_hidden_state[:, 0])\n        out = out.softmax(dim=1)\n        return out\n\nmodel = Model()\n", "criterion = torch.nn.CrossEntropyLoss()\n\nfor i, (input_ids, attention_mask, labels) in enumerate(loader):\n    out = model(input_ids=input_ids, attention_mask=attention_mask)\n    loss = criterion(out, labels)\n    loss.backward()\n\n    if i % 5 == 0:\n        out = out.argmax(dim=1)\n        accuracy = (out == labels).sum().item() / len(labels)\n"],
    flag: 'out',
  },
  // PyTorch-GAN's ACGAN and InfoGAN (the double softmax reported in its issues #150, #141 and #84, still in the code at 36d3c77).
  {
    code: 'LA101',
    name: "PyTorch-GAN's ACGAN: aux_layer ends in nn.Softmax(), forward returns (validity, label), the unpacked label goes to a CrossEntropyLoss criterion",
    url: 'https://github.com/eriklindernoren/PyTorch-GAN/issues/150 (implementations/acgan/acgan.py at 36d3c77e5ff20ebe0aeefd322326a134a279b93e)',
    cells: ["import torch\nimport torch.nn as nn\n\nclass Discriminator(nn.Module):\n    def __init__(self, n_classes, ds_size):\n        super(Discriminator, self).__init__()\n        self.conv_blocks = nn.Sequential(nn.Conv2d(1, 16, 3, 2, 1), nn.LeakyReLU(0.2, inplace=True))\n        self.adv_layer = nn.Sequential(nn.Linear(16 * ds_size ** 2, 1), nn.Sigmoid())\n        self.aux_layer = nn.Sequential(nn.Linear(16 * ds_size ** 2, n_classes), nn.Softmax())\n\n    def forward(self, img):\n        out = self.conv_blocks(img)\n        out = out.view(out.shape[0], -1)\n        validity = self.adv_layer(out)\n        label = self.aux_layer(out)\n        return validity, label\n\nadversarial_loss = torch.nn.BCELoss()\nauxiliary_loss = torch.nn.CrossEntropyLoss()\ndiscriminator = Discriminator(10, 2)\n\nfor i, (imgs, labels) in enumerate(dataloader):\n    gen_imgs = generator(z, gen_labels)\n    validity, pred_label = discriminator(gen_imgs)\n    g_loss = 0.5 * (adversarial_loss(validity, valid) + auxiliary_loss(pred_label, gen_labels))\n"],
    flag: 'pred_label',
  },
  {
    code: 'LA101',
    name: "PyTorch-GAN's InfoGAN: the middle item of a three-item forward, unpacked as `_, pred_label, pred_code`, into categorical_loss (CrossEntropyLoss)",
    url: 'https://github.com/eriklindernoren/PyTorch-GAN/issues/84 (implementations/infogan/infogan.py at 36d3c77e5ff20ebe0aeefd322326a134a279b93e)',
    cells: ["import torch\nimport torch.nn as nn\n\nclass Discriminator(nn.Module):\n    def __init__(self, n_classes, code_dim):\n        super(Discriminator, self).__init__()\n        self.adv_layer = nn.Sequential(nn.Linear(512, 1))\n        self.aux_layer = nn.Sequential(nn.Linear(512, n_classes), nn.Softmax())\n        self.latent_layer = nn.Sequential(nn.Linear(512, code_dim))\n\n    def forward(self, img):\n        out = self.conv_blocks(img).view(img.shape[0], -1)\n        validity = self.adv_layer(out)\n        label = self.aux_layer(out)\n        latent_code = self.latent_layer(out)\n        return validity, label, latent_code\n\ncategorical_loss = torch.nn.CrossEntropyLoss()\ncontinuous_loss = torch.nn.MSELoss()\ndiscriminator = Discriminator(10, 2)\n\ngen_imgs = generator(z, label_input, code_input)\n_, pred_label, pred_code = discriminator(gen_imgs)\ninfo_loss = lambda_cat * categorical_loss(pred_label, gt_labels) + lambda_con * continuous_loss(\n    pred_code, code_input\n)\n"],
    flag: 'pred_label',
  },
  // A model whose forward returns a tuple, unpacked where it is called (`recon, mu, logvar = model(x)`).
  {
    code: 'LA109',
    name: "pytorch/examples' VAE: decode returns torch.sigmoid, forward returns (self.decode(z), mu, logvar), loss_function hands recon_x to F.binary_cross_entropy",
    url: 'https://github.com/pytorch/examples/blob/main/vae/main.py',
    cells: [TORCH + "class VAE(nn.Module):\n    def __init__(self):\n        super(VAE, self).__init__()\n        self.fc1 = nn.Linear(784, 400)\n        self.fc21 = nn.Linear(400, 20)\n        self.fc22 = nn.Linear(400, 20)\n        self.fc3 = nn.Linear(20, 400)\n        self.fc4 = nn.Linear(400, 784)\n\n    def encode(self, x):\n        h1 = F.relu(self.fc1(x))\n        return self.fc21(h1), self.fc22(h1)\n\n    def reparameterize(self, mu, logvar):\n        std = torch.exp(0.5*logvar)\n        eps = torch.randn_like(std)\n        return mu + eps*std\n\n    def decode(self, z):\n        h3 = F.relu(self.fc3(z))\n        return torch.sigmoid(self.fc4(h3))\n\n    def forward(self, x):\n        mu, logvar = self.encode(x.view(-1, 784))\n        z = self.reparameterize(mu, logvar)\n        return self.decode(z), mu, logvar\n\nmodel = VAE().to(device)\n\ndef loss_function(recon_x, x, mu, logvar):\n    BCE = F.binary_cross_entropy(recon_x, x.view(-1, 784), reduction='sum')\n    KLD = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())\n    return BCE + KLD\n\ndef train(epoch):\n    model.train()\n    for batch_idx, (data, _) in enumerate(train_loader):\n        data = data.to(device)\n        recon_batch, mu, logvar = model(data)\n        loss = loss_function(recon_batch, data, mu, logvar)\n        loss.backward()\n"],
    flag: 'recon_batch',
  },
  {
    code: 'LA109',
    name: "yunjey's VAE: x_reconst = self.decode(z) (F.sigmoid) returned in a tuple, unpacked, into F.binary_cross_entropy",
    url: 'https://github.com/yunjey/pytorch-tutorial/blob/master/tutorials/03-advanced/variational_autoencoder/main.py',
    cells: [TORCH + "class VAE(nn.Module):\n    def __init__(self, image_size=784, h_dim=400, z_dim=20):\n        super(VAE, self).__init__()\n        self.fc1 = nn.Linear(image_size, h_dim)\n        self.fc4 = nn.Linear(z_dim, h_dim)\n        self.fc5 = nn.Linear(h_dim, image_size)\n\n    def decode(self, z):\n        h = F.relu(self.fc4(z))\n        return F.sigmoid(self.fc5(h))\n\n    def forward(self, x):\n        mu, log_var = self.encode(x)\n        z = self.reparameterize(mu, log_var)\n        x_reconst = self.decode(z)\n        return x_reconst, mu, log_var\n\nmodel = VAE().to(device)\n\nfor epoch in range(num_epochs):\n    for i, (x, _) in enumerate(data_loader):\n        x = x.to(device).view(-1, image_size)\n        x_reconst, mu, log_var = model(x)\n        reconst_loss = F.binary_cross_entropy(x_reconst, x, reduction='sum')\n"],
    flag: 'x_reconst',
  },
  {
    code: 'LA102',
    name: 'a multi-label net returning (logits, sigmoid(logits)); its probabilities, unpacked, into BCEWithLogitsLoss',
    url: 'https://github.com/Lightning-AI/pytorch-lightning/issues/18272 (sigmoid scores into a with-logits loss), the scores returned by forward beside the logits',
    cells: [TORCH + "class MultiLabelNet(nn.Module):\n    def __init__(self, n_labels):\n        super().__init__()\n        self.head = nn.Linear(512, n_labels)\n\n    def forward(self, feats):\n        logits = self.head(feats)\n        return logits, torch.sigmoid(logits)\n\nnet = MultiLabelNet(20)\ncriterion = nn.BCEWithLogitsLoss()\nlogits, scores = net(feats)\nloss = criterion(scores, targets)\n"],
    flag: 'scores',
  },
  // A model or a criterion passed to a function of the file: the object every call passes.
  {
    code: 'LA109',
    name: 'a Sequential ending in nn.Sigmoid and an nn.BCELoss passed to train(model, criterion, …)',
    url: 'https://github.com/JS0909/Keras-ML/blob/HEAD/torch/torch08_logistic_regression1_cancer.py',
    cells: [TORCH + "import torch.optim as optim\n\nmodel = nn.Sequential(\n    nn.Linear(30, 64),\n    nn.ReLU(),\n    nn.Linear(64, 1),\n    nn.Sigmoid()\n).to(DEVICE)\n\ncriterion = nn.BCELoss()\noptimizer = optim.Adam(model.parameters(), lr=0.001)\n\ndef train(model, criterion, optimizer, x_train, y_train):\n    model.train()\n    optimizer.zero_grad()\n    hypothesis = model(x_train)\n    loss = criterion(hypothesis, y_train)\n    loss.backward()\n    optimizer.step()\n    return loss.item()\n\nfor epoch in range(1, EPOCHS + 1):\n    loss = train(model, criterion, optimizer, x_train, y_train)\n"],
    flag: 'hypothesis',
  },
  {
    code: 'LA109',
    name: "pytorch/examples' siamese network: its forward ends in self.sigmoid, main() passes the model to train(args, model, …), which uses nn.BCELoss",
    url: 'https://github.com/pytorch/examples/blob/main/siamese_network/main.py',
    cells: [TORCH + "class SiameseNetwork(nn.Module):\n    def __init__(self):\n        super(SiameseNetwork, self).__init__()\n        self.fc = nn.Sequential(nn.Linear(2048, 256), nn.ReLU(inplace=True), nn.Linear(256, 1))\n        self.sigmoid = nn.Sigmoid()\n\n    def forward(self, input1, input2):\n        output = torch.cat((self.forward_once(input1), self.forward_once(input2)), 1)\n        output = self.fc(output)\n        output = self.sigmoid(output)\n        return output\n\ndef train(args, model, device, train_loader, optimizer, epoch):\n    model.train()\n    criterion = nn.BCELoss()\n    for batch_idx, (images_1, images_2, targets) in enumerate(train_loader):\n        outputs = model(images_1, images_2).squeeze()\n        loss = criterion(outputs, targets)\n        loss.backward()\n\ndef main():\n    model = SiameseNetwork().to(device)\n    for epoch in range(1, args.epochs + 1):\n        train(args, model, device, train_loader, optimizer, epoch)\n"],
    flag: 'outputs',
  },
  {
    code: 'LA101',
    name: 'an nn.CrossEntropyLoss criterion passed to train(model, criterion, loader), given a softmax there',
    url: 'https://github.com/jindongwang/Deep-learning-activity-recognition/issues/10 (softmax before nn.CrossEntropyLoss; the criterion passed to the training function)',
    cells: [TORCH + "def train(model, criterion, loader, optimizer):\n    for sample, target in loader:\n        output = F.softmax(model(sample), dim=1)\n        loss = criterion(output, target)\n        optimizer.zero_grad()\n        loss.backward()\n\ncriterion = nn.CrossEntropyLoss()\noptimizer = torch.optim.SGD(model.parameters(), lr=0.01)\nfor epoch in range(10):\n    train(model, criterion, train_loader, optimizer)\n"],
    flag: 'output',
  },
  // A criterion handed to a function under another parameter name, or written out in the call.
  {
    code: 'LA101',
    name: "PyTorch's optimization tutorial: train_loop(dataloader, model, loss_fn, optimizer) given `criterion`, a CrossEntropyLoss, and a model ending in nn.Softmax",
    url: 'https://pytorch.org/tutorials/beginner/basics/optimization_tutorial.html (train_loop; its model ends in logits: the softmax here is the bug of jindongwang/Deep-learning-activity-recognition#10)',
    cells: [TORCH + "class NeuralNetwork(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.flatten = nn.Flatten()\n        self.linear_relu_stack = nn.Sequential(nn.Linear(28 * 28, 512), nn.ReLU(), nn.Linear(512, 10), nn.Softmax(dim=1))\n\n    def forward(self, x):\n        return self.linear_relu_stack(self.flatten(x))\n\ndef train_loop(dataloader, model, loss_fn, optimizer):\n    for batch, (X, y) in enumerate(dataloader):\n        pred = model(X)\n        loss = loss_fn(pred, y)\n        loss.backward()\n        optimizer.step()\n\nmodel = NeuralNetwork()\ncriterion = nn.CrossEntropyLoss()\nfor t in range(epochs):\n    train_loop(train_dataloader, model, criterion, optimizer)\n"],
    flag: 'pred',
  },
  {
    code: 'LA103',
    name: "locuslab/e2e-model-learning's MLE net: nn.NLLLoss() written in the call to batch_train(…, model, nll, opt), the model a Sequential ending in nn.Softmax()",
    url: 'https://github.com/locuslab/e2e-model-learning/issues/11 (newsvendor/mle_net.py: its linear model; the non-linear one is built from a list)',
    cells: [TORCH + "model = nn.Sequential(\n    nn.Linear(X_train.shape[1], Y_train.shape[1]),\n    nn.Softmax(dim=1)\n)\nopt = torch.optim.Adam(model.parameters(), lr=1e-2)\n\ndef batch_train(batch_sz, epoch, X_train_t, Y_train_t, Y_train_int_t, model, nll, opt):\n    for i in range(0, X_train_t.size(0), batch_sz):\n        opt.zero_grad()\n        preds = model(batch_data_)\n        train_nll = nll(preds, batch_targets_int_)\n        train_nll.backward()\n        opt.step()\n\nfor i in range(1000):\n    model.train()\n    train_cost = batch_train(150, i, X_train_t, Y_train_t,\n        Y_train_int_t, model, nn.NLLLoss(), opt)\n"],
    flag: 'preds',
  },
  {
    code: 'LA109',
    name: 'a sigmoid-ended Sequential and nn.BCELoss() passed by keyword to fit(…, loss_fn=…)',
    url: 'https://github.com/JS0909/Keras-ML/blob/HEAD/torch/torch08_logistic_regression1_cancer.py (its sigmoid model and BCELoss, the loss given by keyword)',
    cells: [TORCH + "model = nn.Sequential(nn.Linear(30, 64), nn.ReLU(), nn.Linear(64, 1), nn.Sigmoid())\n\ndef fit(model, loader, optimizer, loss_fn=None):\n    for x, y in loader:\n        optimizer.zero_grad()\n        loss = loss_fn(model(x), y)\n        loss.backward()\n\nfit(model, loader, optimizer, loss_fn=nn.BCELoss())\n"],
    flag: 'model(x)',
  },
  // A model or criterion rebound to itself through a value-keeping method (`model = model.to(device)`).
  {
    code: 'LA101',
    name: 'model = model.to(device) after a Sequential ending in nn.Softmax(dim=1), then nn.CrossEntropyLoss',
    url: 'https://github.com/MicrosoftDocs/ml-basics/issues/48 (its softmax-ended model and CrossEntropyLoss; `model = model.to(device)` is the usual way scripts move a model)',
    cells: [TORCH + "device = 'cuda' if torch.cuda.is_available() else 'cpu'\nmodel = nn.Sequential(nn.Linear(4, 10), nn.ReLU(), nn.Linear(10, 3), nn.Softmax(dim=1))\nmodel = model.to(device)\nloss_criteria = nn.CrossEntropyLoss()\nfor data, target in train_loader:\n    out = model(data)\n    loss = loss_criteria(out, target)\n"],
    flag: 'out',
  },
  {
    code: 'LA103',
    name: 'criterion = criterion.cuda() after nn.NLLLoss(), a forward that returns F.softmax',
    url: 'https://github.com/midas-research/man-sf-emnlp/issues/2 (F.softmax before the NLL loss; the criterion moved to the GPU by rebinding it)',
    cells: [TORCH + 'class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.fc = nn.Linear(64, 2)\n\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\nmodel = Net()\ncriterion = nn.NLLLoss()\nif args.cuda:\n    model = model.cuda()\n    criterion = criterion.cuda()\noutput = model(features)\nloss_train = criterion(output, labels)\n'],
    flag: 'output',
  },
  {
    code: 'LA101',
    name: 'model = nn.DataParallel(model).cuda() around a Sequential ending in nn.Softmax(dim=1), then nn.CrossEntropyLoss',
    url: 'https://github.com/MicrosoftDocs/ml-basics/issues/48 (its softmax-ended model and CrossEntropyLoss; DataParallel is how many scripts train on several GPUs)',
    cells: [TORCH + 'model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10), nn.Softmax(dim=1))\nif torch.cuda.device_count() > 1:\n    model = nn.DataParallel(model)\nmodel = model.cuda()\ncriterion = nn.CrossEntropyLoss()\nfor images, labels in loader:\n    outputs = model(images)\n    loss = criterion(outputs, labels)\n'],
    flag: 'outputs',
  },
  {
    code: 'LA102',
    name: 'a sigmoid-ended discriminator wrapped in DistributedDataParallel, then binary_cross_entropy_with_logits',
    url: 'https://github.com/nocotan/pytorch-lightning-gans/issues/9 (a sigmoid-ended discriminator; the with-logits loss its reply suggests, here given the sigmoid output)',
    cells: [TORCH + 'from torch.nn.parallel import DistributedDataParallel as DDP\nD = nn.Sequential(nn.Linear(784, 256), nn.LeakyReLU(0.2), nn.Linear(256, 1), nn.Sigmoid())\nD = DDP(D.to(rank), device_ids=[rank])\nd_loss = F.binary_cross_entropy_with_logits(D(real), ones)\n'],
    flag: 'D(real)',
  },
  // A torchvision classifier whose head the code replaces.
  {
    code: 'LA101',
    name: "PyTorch's transfer-learning tutorial with its head replaced: model.fc = nn.Sequential(nn.Linear(num_ftrs, 2), nn.Softmax(dim=1)), nn.CrossEntropyLoss",
    url: 'https://pytorch.org/tutorials/beginner/transfer_learning_tutorial.html (model_ft.fc = nn.Linear(num_ftrs, 2); the softmax head is the bug of MicrosoftDocs/ml-basics#48)',
    cells: [TORCH + "from torchvision import models\nmodel_ft = models.resnet18(weights='IMAGENET1K_V1')\nnum_ftrs = model_ft.fc.in_features\nmodel_ft.fc = nn.Sequential(nn.Linear(num_ftrs, 2), nn.Softmax(dim=1))\nmodel_ft = model_ft.to(device)\ncriterion = nn.CrossEntropyLoss()\nfor inputs, labels in dataloaders['train']:\n    outputs = model_ft(inputs)\n    _, preds = torch.max(outputs, 1)\n    loss = criterion(outputs, labels)\n"],
    flag: 'outputs',
  },
  {
    code: 'LA103',
    name: "Udacity's transfer-learning solution with nn.Softmax in place of nn.LogSoftmax: densenet121's classifier replaced, model.forward(inputs) into nn.NLLLoss",
    url: 'https://github.com/udacity/deep-learning-v2-pytorch/blob/master/intro-to-pytorch/Part%208%20-%20Transfer%20Learning%20(Solution).ipynb (its head ends in nn.LogSoftmax(dim=1); here the softmax)',
    cells: [TORCH + 'from torchvision import models\nmodel = models.densenet121(pretrained=True)\nfor param in model.parameters():\n    param.requires_grad = False\nmodel.classifier = nn.Sequential(nn.Linear(1024, 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 2), nn.Softmax(dim=1))\ncriterion = nn.NLLLoss()\nmodel.to(device)\nfor inputs, labels in trainloader:\n    logps = model.forward(inputs)\n    loss = criterion(logps, labels)\n'],
    flag: 'logps',
  },
  {
    code: 'LA109',
    name: "a VGG16's last layer replaced, model.classifier[6] = nn.Sequential(nn.Linear(4096, 1), nn.Sigmoid()), then nn.BCELoss",
    url: 'https://pytorch.org/docs/stable/generated/torch.nn.BCEWithLogitsLoss.html (a Sigmoid followed by BCELoss is the less stable form its documentation names)',
    cells: [TORCH + 'import torchvision\nmodel = torchvision.models.vgg16(pretrained=True)\nmodel.classifier[6] = nn.Sequential(nn.Linear(4096, 1), nn.Sigmoid())\ncriterion = nn.BCELoss()\nout = model(images)\nloss = criterion(out, labels.float())\n'],
    flag: 'out',
  },
  // nn.Sequential(*layers): the last layer read from the list as the code builds it, or from an OrderedDict.
  {
    code: 'LA101',
    name: "rasbt's Lightning MLP: all_layers.append(nn.Softmax(dim=1)) after a loop, self.model = nn.Sequential(*all_layers), nn.functional.cross_entropy(self(x), y)",
    url: 'https://github.com/rasbt/deeplearning-models/blob/master/pytorch_ipynb/lightning/lightning-mlp.ipynb (found by the lint over the mirrored repositories)',
    cells: [
      'import pytorch_lightning as pl\nimport torch\nimport torch.nn as nn\n',
      "class MultiLayerPerceptron(pl.LightningModule):\n    def __init__(self, image_shape=(1, 28, 28), hidden_units=(32, 16)):\n        super().__init__()\n        input_size = image_shape[0] * image_shape[1] * image_shape[2]\n        all_layers = [nn.Flatten()]\n        for hidden_unit in hidden_units:\n            layer = nn.Linear(input_size, hidden_unit)\n            all_layers.append(layer)\n            all_layers.append(nn.ReLU())\n            input_size = hidden_unit\n\n        all_layers.append(nn.Linear(hidden_units[-1], 10))\n        all_layers.append(nn.Softmax(dim=1))\n        self.model = nn.Sequential(*all_layers)\n\n    def forward(self, x):\n        x = self.model(x)\n        return x\n\n    def training_step(self, batch, batch_idx):\n        x, y = batch\n        loss = nn.functional.cross_entropy(self(x), y)\n        return loss\n",
    ],
    flag: 'self(x)',
  },
  {
    code: 'LA103',
    name: "locuslab/e2e-model-learning's non-linear MLE net: layers += [nn.Linear(…), nn.Softmax()], model = nn.Sequential(*layers), nn.NLLLoss()",
    url: 'https://github.com/locuslab/e2e-model-learning/issues/11 (newsvendor/mle_net.py, get_model: its non-linear model)',
    cells: [TORCH + "import operator\nfrom functools import reduce\n\ndef get_model(X_train, Y_train, is_nonlinear):\n    if is_nonlinear:\n        layer_sizes = [X_train.shape[1], 200, 200, Y_train.shape[1]]\n        layers = reduce(operator.add, [[nn.Linear(a, b), nn.BatchNorm1d(b), nn.ReLU(), nn.Dropout(p=0.5)] for a, b in zip(layer_sizes[0:-2], layer_sizes[1:-1])])\n        layers += [nn.Linear(layer_sizes[-2], layer_sizes[-1]), nn.Softmax()]\n        model = nn.Sequential(*layers)\n    nll = nn.NLLLoss()\n    preds = model(X_train)\n    return nll(preds, Y_train)\n"],
    flag: 'preds',
  },
  {
    code: 'LA101',
    name: "Udacity's intro notebook model, nn.Sequential(OrderedDict([…, ('softmax', nn.Softmax(dim=1))])), trained with nn.CrossEntropyLoss",
    url: 'https://github.com/udacity/deep-learning-v2-pytorch/blob/master/intro-to-pytorch/Part%202%20-%20Neural%20Networks%20in%20PyTorch%20(Solution).ipynb (its OrderedDict model; the loss is the bug of MicrosoftDocs/ml-basics#48)',
    cells: [TORCH + "from collections import OrderedDict\nmodel = nn.Sequential(OrderedDict([\n    ('fc1', nn.Linear(input_size, hidden_sizes[0])),\n    ('relu1', nn.ReLU()),\n    ('fc2', nn.Linear(hidden_sizes[0], hidden_sizes[1])),\n    ('relu2', nn.ReLU()),\n    ('output', nn.Linear(hidden_sizes[1], output_size)),\n    ('softmax', nn.Softmax(dim=1))]))\ncriterion = nn.CrossEntropyLoss()\nfor images, labels in trainloader:\n    output = model(images.view(images.shape[0], -1))\n    loss = criterion(output, labels)\n"],
    flag: 'output',
  },
  {
    code: 'LA102',
    name: 'layers.extend([nn.Linear(…), nn.Sigmoid()]) and binary_cross_entropy_with_logits',
    url: 'https://github.com/nocotan/pytorch-lightning-gans/issues/9 (a sigmoid-ended discriminator; the with-logits loss its reply suggests, here given the sigmoid output)',
    cells: [TORCH + 'layers = [nn.Linear(784, 256), nn.LeakyReLU(0.2)]\nlayers.extend([nn.Linear(256, 1), nn.Sigmoid()])\ndiscriminator = nn.Sequential(*layers)\nd_loss = F.binary_cross_entropy_with_logits(discriminator(real_imgs), valid)\n'],
    flag: 'discriminator(real_imgs)',
  },
  // A model and a criterion given to a trainer class of the file, kept as `self.model`, `self.criterion`.
  {
    code: 'LA101',
    name: "pytorch-template's Trainer(model, criterion, optimizer): self.criterion = criterion, _train_epoch calls self.criterion(self.model(data), target); a CrossEntropyLoss and a model ending in softmax",
    url: 'https://github.com/victoresque/pytorch-template/blob/master/trainer/trainer.py (its Trainer and BaseTrainer in one class; the softmax model is the bug of jindongwang/Deep-learning-activity-recognition#10)',
    cells: [TORCH + "class MnistModel(nn.Module):\n    def __init__(self, num_classes=10):\n        super().__init__()\n        self.fc2 = nn.Linear(50, num_classes)\n\n    def forward(self, x):\n        x = self.fc2(x)\n        return F.softmax(x, dim=1)\n\nclass Trainer:\n    def __init__(self, model, criterion, optimizer, data_loader):\n        self.model = model\n        self.criterion = criterion\n        self.optimizer = optimizer\n        self.data_loader = data_loader\n\n    def _train_epoch(self, epoch):\n        self.model.train()\n        for batch_idx, (data, target) in enumerate(self.data_loader):\n            self.optimizer.zero_grad()\n            output = self.model(data)\n            loss = self.criterion(output, target)\n            loss.backward()\n            self.optimizer.step()\n\nmodel = MnistModel()\ncriterion = nn.CrossEntropyLoss()\noptimizer = torch.optim.Adam(model.parameters())\ntrainer = Trainer(model, criterion, optimizer, data_loader)\n"],
    flag: 'output',
  },
  {
    code: 'LA103',
    name: 'a Trainer built with keywords, criterion=nn.NLLLoss() written in the call, and a model ending in nn.Softmax',
    url: 'https://github.com/victoresque/pytorch-template/blob/master/train.py (Trainer(model, criterion, metrics, optimizer, …); its criterion is F.nll_loss on log_softmax, here NLLLoss on a softmax)',
    cells: [TORCH + "class Trainer:\n    def __init__(self, model, criterion, optimizer):\n        self.model = model\n        self.criterion = criterion\n        self.optimizer = optimizer\n\n    def step(self, data, target):\n        loss = self.criterion(self.model(data), target)\n        loss.backward()\n        return loss\n\nnet = nn.Sequential(nn.Linear(784, 10), nn.Softmax(dim=1))\ntrainer = Trainer(model=net, criterion=nn.NLLLoss(), optimizer=opt)\n"],
    flag: 'self.model(data)',
  },
  {
    code: 'LA101',
    name: 'a Trainer that moves what it is given to the device (self.model = model.to(device), self.criterion = criterion.to(device))',
    url: 'https://github.com/victoresque/pytorch-template/blob/master/base/base_trainer.py (its trainer moves the model to the device it picks)',
    cells: [TORCH + "class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\nclass Trainer:\n    def __init__(self, model, criterion, device):\n        self.model = model.to(device)\n        self.criterion = criterion.to(device)\n\n    def step(self, x, y):\n        out = self.model(x)\n        return self.criterion(out, y)\n\ntrainer = Trainer(Net(), nn.CrossEntropyLoss(), device)\n"],
    flag: 'out',
  },
  {
    code: 'LA109',
    name: 'a sigmoid-ended Sequential and nn.BCELoss() given to Learner(model, loss_fn), kept as self.loss_fn',
    url: 'https://github.com/JS0909/Keras-ML/blob/HEAD/torch/torch08_logistic_regression1_cancer.py (its sigmoid model and BCELoss, here held by a learner class)',
    cells: [TORCH + "class Learner:\n    def __init__(self, model, loss_fn):\n        self.model = model\n        self.loss_fn = loss_fn\n\n    def fit_one(self, x, y):\n        pred = self.model(x)\n        return self.loss_fn(pred, y)\n\nmodel = nn.Sequential(nn.Linear(30, 64), nn.ReLU(), nn.Linear(64, 1), nn.Sigmoid())\nlearner = Learner(model, nn.BCELoss())\n"],
    flag: 'pred',
  },
  {
    code: 'LA106',
    name: 'a softmax-head Sequential passed to fit(model, x, y), which compiles it with from_logits=True',
    url: 'https://www.tensorflow.org/tutorials/keras/classification (its model compiled in a helper that takes the model)',
    cells: ["import tensorflow as tf\n\ndef compile_and_fit(model, train_images, train_labels):\n    model.compile(optimizer='adam',\n                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),\n                  metrics=['accuracy'])\n    return model.fit(train_images, train_labels, epochs=10)\n\nmodel = tf.keras.Sequential([\n    tf.keras.layers.Flatten(input_shape=(28, 28)),\n    tf.keras.layers.Dense(128, activation='relu'),\n    tf.keras.layers.Dense(10, activation='softmax')\n])\nhistory = compile_and_fit(model, train_images, train_labels)\n"],
    flag: 'True',
  },
  // Bindings in branches that all give the same activation.
  {
    code: 'LA101',
    name: "TensorFlow-Examples' neural network before its PR #358: a softmax output layer, a softmax again when not training, and a with-logits loss",
    url: 'https://github.com/aymericdamien/TensorFlow-Examples/blob/26cc8836017d539b30526c96b1d9d31e3a62ca6e/tensorflow_v2/notebooks/3_NeuralNetworks/neural_network.ipynb (fixed upstream by PR #358)',
    cells: ["import tensorflow as tf\nfrom tensorflow.keras import Model, layers\n\nclass NeuralNet(Model):\n    def __init__(self):\n        super(NeuralNet, self).__init__()\n        self.fc1 = layers.Dense(128, activation=tf.nn.relu)\n        self.out = layers.Dense(10, activation=tf.nn.softmax)\n\n    def call(self, x, is_training=False):\n        x = self.fc1(x)\n        x = self.out(x)\n        if not is_training:\n            x = tf.nn.softmax(x)\n        return x\n\nneural_net = NeuralNet()\n\ndef cross_entropy_loss(x, y):\n    y = tf.cast(y, tf.int64)\n    loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=x)\n    return tf.reduce_mean(loss)\n\ndef run_optimization(x, y):\n    with tf.GradientTape() as g:\n        pred = neural_net(x, is_training=True)\n        loss = cross_entropy_loss(pred, y)\n    return loss\n"],
    flag: 'pred',
  },
  {
    code: 'LA101',
    name: 'a softmax rebound to a tempered softmax in a branch, both into F.cross_entropy',
    url: 'https://github.com/jindongwang/Deep-learning-activity-recognition/issues/10 (softmax before cross-entropy), with a temperature branch',
    cells: [TORCH + "def step(logits, y, temperature=None):\n    probs = F.softmax(logits, dim=1)\n    if temperature is not None:\n        probs = F.softmax(logits / temperature, dim=1)\n    return F.cross_entropy(probs, y)\n"],
    flag: 'probs',
  },
  // A criterion assigned in both branches of `if self.gpu_mode:`, the same but for `.cuda()`.
  {
    code: 'LA109',
    name: "znxlwm's GAN collection: self.BCE_loss = nn.BCELoss().cuda() or nn.BCELoss() by gpu_mode, on a discriminator ending in nn.Sigmoid()",
    url: 'https://github.com/znxlwm/pytorch-generative-model-collections/blob/master/GAN.py',
    cells: ["import torch.nn as nn\n\nclass discriminator(nn.Module):\n    def __init__(self, input_dim=1, output_dim=1, input_size=32):\n        super(discriminator, self).__init__()\n        self.input_size = input_size\n        self.conv = nn.Sequential(nn.Conv2d(input_dim, 64, 4, 2, 1), nn.LeakyReLU(0.2))\n        self.fc = nn.Sequential(\n            nn.Linear(64 * (input_size // 2) * (input_size // 2), 1024),\n            nn.LeakyReLU(0.2),\n            nn.Linear(1024, output_dim),\n            nn.Sigmoid(),\n        )\n\n    def forward(self, input):\n        x = self.conv(input)\n        x = x.view(-1, 64 * (self.input_size // 2) * (self.input_size // 2))\n        return self.fc(x)\n\nclass GAN(object):\n    def __init__(self, args):\n        self.gpu_mode = args.gpu_mode\n        self.D = discriminator(input_dim=1, output_dim=1, input_size=args.input_size)\n        if self.gpu_mode:\n            self.D.cuda()\n            self.BCE_loss = nn.BCELoss().cuda()\n        else:\n            self.BCE_loss = nn.BCELoss()\n\n    def train(self):\n        for iter, (x_, _) in enumerate(self.data_loader):\n            D_real = self.D(x_)\n            D_real_loss = self.BCE_loss(D_real, self.y_real_)\n"],
    flag: 'D_real',
  },
  // Bound in every branch of an if/elif/else chain (no binding before it), each the same activation.
  {
    code: 'LA103',
    name: "ACGAN-PyTorch's discriminator chosen by dataset in an if/else (both classes end in a softmax), its output into nn.NLLLoss",
    url: 'https://github.com/clvrai/ACGAN-PyTorch/issues/8 (main.py builds _netD or _netD_CIFAR10 in an if/else; both end in nn.Softmax; aux_criterion = nn.NLLLoss())',
    cells: ["import torch.nn as nn\n\nclass _netD(nn.Module):\n    def __init__(self, ngpu, num_classes=10):\n        super(_netD, self).__init__()\n        self.fc_aux = nn.Linear(13 * 13 * 512, num_classes)\n        self.softmax = nn.Softmax(dim=1)\n\n    def forward(self, input):\n        return self.softmax(self.fc_aux(input.view(-1, 13 * 13 * 512)))\n\nclass _netD_CIFAR10(nn.Module):\n    def __init__(self, ngpu, num_classes=10):\n        super(_netD_CIFAR10, self).__init__()\n        self.fc_aux = nn.Linear(4 * 4 * 512, num_classes)\n        self.softmax = nn.Softmax(dim=1)\n\n    def forward(self, input):\n        return self.softmax(self.fc_aux(input.view(-1, 4 * 4 * 512)))\n\nif opt.dataset == 'imagenet':\n    netD = _netD(ngpu, num_classes)\nelse:\n    netD = _netD_CIFAR10(ngpu, num_classes)\nnetD.apply(weights_init)\n\naux_criterion = nn.NLLLoss()\naux_output = netD(input)\naux_errD_real = aux_criterion(aux_output, aux_label)\n"],
    flag: 'aux_output',
  },
  {
    code: 'LA101',
    name: 'a softmax in each branch of an if/elif/else chain, then F.cross_entropy',
    url: 'https://github.com/jindongwang/Deep-learning-activity-recognition/issues/10 (softmax before cross-entropy), with the softmax chosen by a mode',
    cells: [TORCH + "def head(feats, y, mode):\n    if mode == 'sharp':\n        p = F.softmax(feats / 0.5, dim=1)\n    elif mode == 'smooth':\n        p = F.softmax(feats / 2.0, dim=1)\n    else:\n        p = feats.softmax(dim=1)\n    return F.cross_entropy(p, y)\n"],
    flag: 'p',
  },
  // A loss function kept under another name (`loss_fn = F.cross_entropy`).
  {
    code: 'LA101',
    name: 'F.softmax output into a module-level alias of torch.nn.functional.cross_entropy',
    url: 'https://github.com/jindongwang/Deep-learning-activity-recognition/issues/10 (softmax before cross-entropy; the loss kept as criterion = torch.nn.functional.cross_entropy)',
    cells: [TORCH + "criterion = torch.nn.functional.cross_entropy\n\ndef train(model, loader, optimizer):\n    for sample, target in loader:\n        output = F.softmax(model(sample), dim=1)\n        loss = criterion(output, target)\n        optimizer.zero_grad()\n        loss.backward()\n"],
    flag: 'output',
  },
  {
    code: 'LA103',
    name: 'self.loss_fn = F.nll_loss, given a softmax in the training step',
    url: 'https://github.com/midas-research/man-sf-emnlp/issues/2 (softmax into nll_loss; the loss kept on the module)',
    cells: [TORCH + "class Classifier(nn.Module):\n    def __init__(self, n_in, n_out):\n        super().__init__()\n        self.fc = nn.Linear(n_in, n_out)\n        self.loss_fn = F.nll_loss\n\n    def training_step(self, x, y):\n        probs = F.softmax(self.fc(x), dim=1)\n        return self.loss_fn(probs, y)\n"],
    flag: 'probs',
  },
  {
    code: 'LA101',
    name: 'tf.nn.softmax output into an alias of tf.nn.softmax_cross_entropy_with_logits',
    url: 'https://github.com/jaehong31/CGES/issues/1 (a model returning tf.nn.softmax(output), then softmax_cross_entropy_with_logits; the loss kept under another name)',
    cells: ["import tensorflow as tf\n\nxent = tf.nn.softmax_cross_entropy_with_logits\n\ndef mnist_conv(x):\n    output = tf.matmul(x, W) + b\n    return output\n\ny_conv = tf.nn.softmax(mnist_conv(x))\nff_loss = tf.reduce_mean(xent(logits=y_conv, labels=y_))\n"],
    flag: 'y_conv',
  },
  // ---- LA107: softmax over one unit ----
  {
    code: 'LA107',
    name: "model.add(Dense(1, activation='softmax')) for a binary task",
    url: 'https://github.com/keras-team/keras/issues/10607',
    cells: ["from keras.models import Sequential\nfrom keras.layers import Dense\nmodel = Sequential()\nmodel.add(Dense(512, activation='relu', input_dim=34))\nmodel.add(Dense(1, activation='softmax'))\nmodel.compile(optimizer='rmsprop', loss='binary_crossentropy', metrics=['binary_accuracy'])\n"],
    flag: "'softmax'",
  },
  {
    code: 'LA107',
    name: 'Dense(units=1, ..., activation="softmax") keyword form',
    url: 'https://github.com/raghakot/keras-resnet/issues/49',
    cells: ['from keras.layers import Dense, Flatten\nflatten1 = Flatten()(block)\ndense = Dense(units=1, kernel_initializer="he_normal", activation="softmax")(flatten1)\n'],
    flag: '"softmax"',
  },
  {
    code: 'LA107',
    name: 'torch nn.Sequential(nn.Linear(dim, 1), nn.Softmax(dim=-1))',
    url: 'https://github.com/cvg/glue-factory/issues/89',
    cells: ['import torch.nn as nn\n\nclass TokenConfidence(nn.Module):\n    def __init__(self, dim):\n        super().__init__()\n        self.token = nn.Sequential(nn.Linear(dim, 1), nn.Softmax(dim=-1))\n'],
    flag: 'nn.Softmax(dim=-1)',
  },
  {
    code: 'LA107',
    name: "Keras Sequential list: Dense(1) then Activation('softmax')",
    url: 'https://github.com/keras-team/keras/issues/3109',
    cells: ["import tensorflow as tf\nmodel = tf.keras.Sequential([tf.keras.layers.Dense(16, activation='relu'), tf.keras.layers.Dense(1), tf.keras.layers.Activation('softmax')])\n"],
    flag: "tf.keras.layers.Activation('softmax')",
  },
  // A pretrained base (a model the lint does not read) added before the head.
  {
    code: 'LA108',
    name: "the reported notebook itself: a ResNet50 base added with model.add(conv_base) before Dense(10, softmax), compiled with 'binary_crossentropy'",
    url: 'https://github.com/frlim/data2040_final/issues/1 (project_2/CNN_Final.ipynb)',
    cells: ["from tensorflow.keras.applications.resnet50 import ResNet50\nfrom tensorflow.keras import models\nfrom tensorflow.keras import layers\nfrom tensorflow.keras import optimizers\n\nconv_base = ResNet50(weights='imagenet', include_top=False, input_shape=(200, 200, 3))\n\nmodel = models.Sequential()\nmodel.add(layers.UpSampling2D((2,2)))\nmodel.add(conv_base)\nmodel.add(layers.Flatten())\nmodel.add(layers.Dense(128, activation='relu'))\nmodel.add(layers.Dropout(0.5))\nmodel.add(layers.Dense(10, activation='softmax'))\n\nmodel.compile(optimizer=optimizers.RMSprop(lr=2e-5), loss='binary_crossentropy', metrics=['acc'])\n"],
    flag: "'binary_crossentropy'",
  },
  {
    code: 'LA106',
    name: 'transfer learning: Sequential([base_model, GlobalAveragePooling2D(), Dense(5, softmax)]) with from_logits=True',
    url: 'https://www.tensorflow.org/tutorials/images/transfer_learning (its Sequential around a frozen MobileNetV2 base, here with a softmax head and a from_logits=True loss)',
    cells: ["import tensorflow as tf\n\nbase_model = tf.keras.applications.MobileNetV2(input_shape=(160, 160, 3), include_top=False, weights='imagenet')\nbase_model.trainable = False\n\nmodel = tf.keras.Sequential([\n    base_model,\n    tf.keras.layers.GlobalAveragePooling2D(),\n    tf.keras.layers.Dense(5, activation='softmax'),\n])\nmodel.compile(optimizer='adam', loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])\n"],
    flag: 'True',
  },
  // ---- LA108: binary cross-entropy on a softmax multi-class head ----
  {
    code: 'LA108',
    name: "CIFAR-10 Dense(10, softmax) compiled with 'binary_crossentropy' and 'accuracy'",
    url: 'https://github.com/frlim/data2040_final/issues/1',
    cells: ["from tensorflow.keras import models, layers\nmodel = models.Sequential()\nmodel.add(layers.Conv2D(32, (3, 3), activation='relu', input_shape=(32, 32, 3)))\nmodel.add(layers.Flatten())\nmodel.add(layers.Dense(10, activation='softmax'))\nmodel.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])\n"],
    flag: "'binary_crossentropy'",
  },
  {
    code: 'LA108',
    name: 'Dense(num_classes, softmax) with keras.losses.binary_crossentropy (function reference; num_classes = 10 as in mnist_cnn.py)',
    url: 'https://github.com/keras-team/keras/issues/3396',
    cells: ["import keras\nfrom keras.layers import Dense, Flatten\nnum_classes = 10\nmodel = keras.Sequential()\nmodel.add(Flatten())\nmodel.add(Dense(num_classes, activation='softmax'))\nmodel.compile(loss=keras.losses.binary_crossentropy, optimizer=keras.optimizers.Adadelta(), metrics=['accuracy'])\n"],
    flag: 'keras.losses.binary_crossentropy',
  },
  {
    code: 'LA108',
    name: 'functional softmax head over 5 classes with BinaryCrossentropy()',
    url: 'https://github.com/01-edu/public/pull/3048',
    cells: ["import tensorflow as tf\ninputs = tf.keras.Input(shape=(20,))\nx = tf.keras.layers.Dense(32, activation='relu')(inputs)\noutputs = tf.keras.layers.Dense(5, activation='softmax')(x)\nmodel = tf.keras.Model(inputs, outputs)\nmodel.compile(optimizer='adam', loss=tf.keras.losses.BinaryCrossentropy(), metrics=['accuracy'])\n"],
    flag: 'tf.keras.losses.BinaryCrossentropy()',
  },
  // ---- LA109: sigmoid then BCE ----
  {
    code: 'LA109',
    name: 'F.binary_cross_entropy on torch.sigmoid (unsafe to autocast)',
    url: 'https://github.com/SysCV/transfiner/issues/43',
    cells: [TORCH + '\nloss_mask = F.binary_cross_entropy(torch.sigmoid(pred_mask_logits), gt_masks, reduction="mean")\n'],
    flag: 'torch.sigmoid(pred_mask_logits)',
  },
  {
    code: 'LA109',
    name: 'self.mask_loss = nn.BCELoss() on a .sigmoid() variable',
    url: 'https://github.com/bcmi/SLBR-Visible-Watermark-Removal/issues/10',
    cells: [TORCH + '\nclass Losses(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.mask_loss = nn.BCELoss()\n\n    def forward(self, pred_logits, mask):\n        pred = pred_logits.sigmoid()\n        return self.mask_loss(pred, mask)\n'],
    flag: 'pred',
  },
  {
    code: 'LA109',
    name: 'nn.Sigmoid module bound to a name, inline nn.BCELoss()',
    url: 'https://github.com/pytorch/pytorch/issues/61098',
    cells: ['from torch import nn\nsig = nn.Sigmoid()\nloss = nn.BCELoss()(sig(out), y)\n'],
    flag: 'sig(out)',
  },
  // ---- LA201: kl_div with reduction='mean' ----
  {
    code: 'LA201',
    name: 'nn.KLDivLoss() with the default reduction',
    url: 'https://github.com/intel/intel-extension-for-transformers/pull/152',
    cells: ['import torch.nn as nn\ncriterion_kd = nn.KLDivLoss()\n'],
    flag: 'nn.KLDivLoss',
  },
  {
    code: 'LA201',
    name: "F.kl_div(..., reduction='mean') explicit",
    url: 'https://github.com/HikariTJU/LD/issues/74',
    cells: ["import torch.nn.functional as F\nkd_loss = F.kl_div(F.log_softmax(pred / T, dim=1), target, reduction='mean') * (T * T)\n"],
    flag: "'mean'",
  },
  {
    code: 'LA201',
    name: 'torch.nn.functional.kl_div fully qualified, default reduction',
    url: 'https://github.com/facebookresearch/deit/issues/61',
    cells: ['import torch\ndistillation_loss = torch.nn.functional.kl_div(student_log_probs, teacher_probs)\n'],
    flag: 'torch.nn.functional.kl_div',
  },
  // ---- LA202: a loss class called with the tensors ----
  {
    code: 'LA202',
    name: 'nn.CrossEntropyLoss(y_hat, y) in a training step',
    url: 'https://github.com/Lightning-AI/pytorch-lightning/issues/501',
    cells: ['import torch.nn as nn\n\ndef training_step(self, batch, batch_nb):\n    x, y = batch\n    y_hat = self.forward(x)\n    loss = nn.CrossEntropyLoss(y_hat, y)\n    return {"loss": loss}\n'],
    flag: 'nn.CrossEntropyLoss',
  },
  {
    code: 'LA202',
    name: 'bare CrossEntropyLoss imported from torch.nn, called with output and labels',
    url: 'https://github.com/imranparuk/speaker-recognition-3d-cnn/issues/2',
    cells: ['from torch.nn import CrossEntropyLoss\nloss = CrossEntropyLoss(output, labels)\n'],
    flag: 'CrossEntropyLoss',
  },
  {
    code: 'LA202',
    name: 'nn.BCEWithLogitsLoss(m_pred, m)',
    url: 'https://github.com/nikhilroxtomar/DDANet/issues/1',
    cells: ['from torch import nn\nloss = nn.BCEWithLogitsLoss(m_pred, m) + dice(m_pred, m)\n'],
    flag: 'nn.BCEWithLogitsLoss',
  },
  {
    code: 'LA202',
    name: 'Keras: tf.keras.losses.CategoricalCrossentropy(y_true, y_pred)',
    url: 'https://github.com/keras-team/keras/issues/6636',
    cells: ['import tensorflow as tf\nloss_value = tf.keras.losses.CategoricalCrossentropy(y_batch, logits)\n'],
    flag: 'tf.keras.losses.CategoricalCrossentropy',
  },
  // ---- LA203: deprecated size_average / reduce / elementwise_mean ----
  {
    code: 'LA203',
    name: 'torch.nn.MSELoss(size_average=False)',
    url: 'https://github.com/jessicayung/blog-code-snippets/issues/5',
    cells: ['import torch\nloss_fn = torch.nn.MSELoss(size_average=False)\n'],
    flag: 'size_average=False',
  },
  {
    code: 'LA203',
    name: 'F.binary_cross_entropy(..., reduce=False) (maps to none)',
    url: 'https://github.com/neptune-ai/open-solution-mapping-challenge/issues/184',
    cells: ['import torch.nn.functional as F\nbce = F.binary_cross_entropy(output, target, weight=w, reduce=False)\n'],
    flag: 'reduce=False',
  },
  {
    code: 'LA203',
    name: 'nn.KLDivLoss(size_average=True, reduce=True) (both legacy flags)',
    url: 'https://github.com/sallymmx/ActionCLIP/issues/24',
    cells: ['import torch.nn as nn\nself.error_metric = nn.KLDivLoss(size_average=True, reduce=True)\n'],
    flag: 'size_average=True, reduce=True',
  },
  {
    code: 'LA203',
    name: "reduction='elementwise_mean'",
    url: 'https://github.com/pytorch/pytorch/pull/8018',
    cells: ["import torch.nn as nn\ncriterion = nn.L1Loss(reduction='elementwise_mean')\n"],
    flag: "'elementwise_mean'",
  },
  // ---- LA204: invalid literal parameters ----
  {
    code: 'LA204',
    name: "reduction='avg' on nn.CrossEntropyLoss",
    url: 'https://pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html',
    cells: ["import torch.nn as nn\ncriterion = nn.CrossEntropyLoss(reduction='avg')\n"],
    flag: "'avg'",
  },
  {
    code: 'LA204',
    name: 'negative label_smoothing on F.cross_entropy',
    url: 'https://github.com/pytorch/pytorch/issues/60928',
    cells: ['import torch.nn.functional as F\nloss = F.cross_entropy(logits, y, label_smoothing=-0.1)\n'],
    flag: '-0.1',
  },
  {
    code: 'LA204',
    name: 'nn.HuberLoss(delta=0)',
    url: 'https://pytorch.org/docs/stable/generated/torch.nn.HuberLoss.html',
    cells: ['from torch import nn\nreg_loss = nn.HuberLoss(reduction="sum", delta=0)\n'],
    flag: '0',
  },
  {
    code: 'LA204',
    name: 'F.smooth_l1_loss(beta=-1.0)',
    url: 'https://pytorch.org/docs/stable/generated/torch.nn.SmoothL1Loss.html',
    cells: ['import torch.nn.functional as F\nbox_loss = F.smooth_l1_loss(pred_boxes, gt_boxes, beta=-1.0)\n'],
    flag: '-1.0',
  },
  {
    code: 'LA204',
    name: "KLDivLoss(reduction='batch_mean') (typo of batchmean)",
    url: 'https://github.com/HikariTJU/LD/issues/74',
    cells: ["import torch\nkl = torch.nn.KLDivLoss(reduction='batch_mean')\n"],
    flag: "'batch_mean'",
  },
  // ---- LA205: softmax / log_softmax without dim feeding a loss ----
  {
    code: 'LA205',
    name: 'F.log_softmax(x) without dim into F.nll_loss (old MNIST style)',
    url: 'https://github.com/suragnair/alpha-zero-general/issues/5',
    cells: [TORCH + '\ndef train(model, data, target):\n    out = F.log_softmax(model(data))\n    loss = F.nll_loss(out, target)\n'],
    flag: 'F.log_softmax(model(data))',
  },
  {
    code: 'LA205',
    name: 'torch.nn.LogSoftmax()(...) inline into an NLL loss',
    url: 'https://github.com/benatorc/OTGNN/issues/2',
    cells: ['import torch\nnce_loss = torch.nn.functional.nll_loss(torch.nn.LogSoftmax()(torch.stack(all_nce_dists)), labels)\n'],
    flag: 'torch.nn.LogSoftmax()',
  },
  {
    code: 'LA205',
    name: 'F.softmax without dim, logged, into kl_div',
    url: 'https://github.com/linnaeushuang/pensieve-pytorch/issues/4',
    cells: [TORCH + '\nout = F.softmax(self.outputLayer(fc_output))\nloss = F.kl_div(torch.log(out), target_probs, reduction="batchmean")\n'],
    flag: 'F.softmax(self.outputLayer(fc_output))',
  },
  {
    code: 'LA205',
    name: 'self.softmax = nn.Softmax() module (no dim) feeding an NLL criterion through log',
    url: 'https://github.com/amdegroot/ssd.pytorch/issues/114',
    cells: [TORCH + '\nclass Head(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.softmax = nn.Softmax()\n        self.crit = nn.NLLLoss()\n\n    def loss(self, conf, y):\n        return self.crit(torch.log(self.softmax(conf)), y)\n'],
    flag: 'nn.Softmax()',
  },
];

describe('lint: positives (modelled on public bug reports)', () => {
  for (const p of POSITIVES) {
    it(`${p.code} ${p.name}`, () => {
      const ds = lintCells(p.cells);
      const hits = withCode(ds, p.code);
      assert.ok(hits.length > 0, `${p.code} expected; got ${ds.map((d) => `${d.code}@${rangeText(p.cells, d)}`).join(', ') || 'nothing'}`);
      assert.ok(
        hits.some((d) => rangeText(p.cells, d) === p.flag),
        `${p.code} should cover ${JSON.stringify(p.flag)}; covers ${hits.map((d) => JSON.stringify(rangeText(p.cells, d))).join(', ')}`,
      );
      for (const d of hits) {
        assert.ok(d.message.length > 30, 'a message that says what is wrong');
        assert.ok(p.url.startsWith('https://'), 'the case names its source');
      }
    });
  }

  it('every code has at least 3 positive cases in different styles', () => {
    for (const code of LINT_CODES) {
      const n = POSITIVES.filter((p) => p.code === code).length;
      assert.ok(n >= 3, `${code}: ${n} positive cases`);
    }
  });

  it('Chinese messages are given when asked for', () => {
    const ds = lintCells(['import torch.nn.functional as F\nloss = F.cross_entropy(F.softmax(x, dim=1), y)\n'], { language: 'zh' });
    assert.equal(ds[0].code, 'LA101');
    assert.match(ds[0].message, /softmax 被应用了两次/);
    assert.match(ds[0].fixes[0].title, /传入 logits/);
  });
});

describe('lint: the pure entry point', () => {
  it('src/python/index.ts exports lintCells with 0-based { cell, line, character, endLine, endCharacter, code, severity, message }', () => {
    const [d] = fromIndex(['import torch.nn.functional as F\n', 'x = 1\nloss = F.cross_entropy(F.softmax(z, dim=1), y)\n']);
    assert.deepEqual(
      { cell: d.cell, line: d.line, character: d.character, endLine: d.endLine, endCharacter: d.endCharacter, code: d.code, severity: d.severity },
      { cell: 1, line: 1, character: 23, endLine: 1, endCharacter: 42, code: 'LA101', severity: 'warning' },
    );
    assert.equal(typeof d.message, 'string');
  });
});
