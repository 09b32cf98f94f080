/**
 * Near misses: code that looks like a loss misuse but is not one (or cannot be
 * known to be one). The lint must stay silent on every case; a false alarm
 * costs more trust than a missed bug.
 */
import { strict as assert } from 'node:assert';
import { applyEdits, itStaysSilent, KERAS, lintCells, rangeText, TORCH, type NearMiss } from './lint-helpers';

const NEGATIVES: NearMiss[] = [
  { name: 'softmax on the target (soft labels) of F.cross_entropy', cells: [TORCH + 'loss = F.cross_entropy(logits, F.softmax(teacher_logits / T, dim=1))\n'] },
  { name: 'soft labels through a variable, keyword target', cells: [TORCH + 'soft = F.softmax(t_logits / T, dim=1)\nloss = nn.CrossEntropyLoss()(input=s_logits, target=soft)\n'] },
  { name: 'sigmoid used only for metrics; the loss gets the logits', cells: [TORCH + 'probs = torch.sigmoid(logits)\nacc = ((probs > 0.5) == y).float().mean()\nloss = F.binary_cross_entropy_with_logits(logits, y)\n'] },
  { name: 'variable reassigned between softmax and the loss', cells: [TORCH + 'p = F.softmax(x, dim=1)\np = head(x)\nloss = F.cross_entropy(p, y)\n'] },
  { name: 'variable changed in place between softmax and the loss', cells: [TORCH + 'p = F.softmax(x, dim=1)\np.log_()\nloss = F.nll_loss(p, y)\n'] },
  { name: 'variable rebound by a walrus between softmax and the loss', cells: [TORCH + 'p = F.softmax(x, dim=1)\nif (p := head(x)) is not None:\n    loss = F.cross_entropy(p, y)\n'] },
  { name: 'variable rebound by `with … as` between softmax and the loss', cells: [TORCH + "out = F.softmax(net(x), dim=1)\nwith open(path, 'rb') as out:\n    pass\nloss = F.cross_entropy(out, y)\n"] },
  { name: 'variable rebound by `with … as (a, p)`, a bracketed target list', cells: [TORCH + 'p = F.softmax(x, dim=1)\nwith ctx() as (a, p):\n    pass\nloss = F.cross_entropy(p, y)\n'] },
  { name: 'variable rebound as the exception of `except … as` before the loss', cells: [TORCH + 'err = torch.sigmoid(z)\ntry:\n    step()\nexcept RuntimeError as err:\n    log(err)\nloss = F.binary_cross_entropy_with_logits(err, y)\n'] },
  { name: 'a lambda whose parameter has the name of a softmax variable', cells: [TORCH + 'p = F.softmax(x, dim=1)\nloss_fn = lambda p, y: F.cross_entropy(p, y)\n'] },
  { name: 'a list comprehension whose target has the name of a softmax variable', cells: [TORCH + 'p = F.softmax(x, dim=1)\nlosses = [F.cross_entropy(p, y) for p, y in zip(outs, ys)]\n'] },
  { name: 'a generator expression whose target has the name of a sigmoid variable', cells: [TORCH + 'out = torch.sigmoid(z)\ntotal = sum(F.binary_cross_entropy_with_logits(out, t) for out, t in pairs)\n'] },
  { name: 'a dict comprehension whose target has the name of a softmax variable, criterion form', cells: [TORCH + 'crit = nn.CrossEntropyLoss()\np = F.softmax(x, dim=1)\nper_head = {k: crit(p, y) for k, p in heads.items()}\n'] },
  { name: 'a comprehension that binds the criterion name itself', cells: [TORCH + 'crit = nn.NLLLoss()\nvals = [crit(F.softmax(x, dim=1), y) for crit in custom_criteria]\n'] },
  { name: 'variable changed by an augmented assignment between softmax and the loss', cells: [TORCH + 'p = F.softmax(x, dim=1)\np += bias\nloss = F.cross_entropy(p, y)\n'] },
  { name: 'variable rebound by a match case `as` pattern', cells: [TORCH + 'p = F.softmax(x, dim=1)\nmatch batch:\n    case (a, b) as p:\n        pass\nloss = F.cross_entropy(p, y)\n'] },
  // Branches: a binding in one clause never reaches a use in an alternative clause (else, elif, except, case).
  { name: 'sigmoid in the if branch, with-logits loss in the else branch', cells: [TORCH + 'out = model(x)\nif args.probs:\n    out = torch.sigmoid(out)\n    metric = out.mean()\nelse:\n    loss = F.binary_cross_entropy_with_logits(out, y)\n'] },
  { name: 'softmax only at evaluation; the training branch returns cross-entropy on the logits', cells: [TORCH + 'def step(model, x, y, train):\n    out = model(x)\n    if not train:\n        out = F.softmax(out, dim=1)\n        return out.argmax(1)\n    else:\n        return F.cross_entropy(out, y)\n'] },
  { name: 'train/val phases: softmax in the val branch of the loop, criterion in the else branch (modelled on the transfer-learning tutorial loop)', cells: [TORCH + 'criterion = nn.CrossEntropyLoss()\nfor phase in ["train", "val"]:\n    for x, y in loaders[phase]:\n        outputs = model(x)\n        if phase == "val":\n            outputs = F.softmax(outputs, dim=1)\n            probs.append(outputs)\n        else:\n            loss = criterion(outputs, y)\n'] },
  { name: 'softmax in an elif, cross-entropy in the else', cells: [TORCH + 'def f(x, y, mode):\n    logits = net(x)\n    if mode == "kd":\n        return F.kl_div(logits.log_softmax(-1), y, reduction="batchmean")\n    elif mode == "probs":\n        logits = logits.softmax(-1)\n        return logits\n    else:\n        return F.cross_entropy(logits, y)\n'] },
  { name: 'softmax in an except clause, cross-entropy in the try statement\'s else', cells: [TORCH + 'out = model(x)\ntry:\n    check(out)\nexcept ValueError:\n    out = F.softmax(out, dim=1)\nelse:\n    loss = F.cross_entropy(out, y)\n'] },
  { name: 'sigmoid in one match case, with-logits loss in another', cells: [TORCH + 'out = model(x)\nmatch mode:\n    case "prob":\n        out = out.sigmoid()\n    case "train":\n        loss = F.binary_cross_entropy_with_logits(out, y)\n'] },
  { name: 'softmax under one if, the loss under a later if (either may run without the other)', cells: [TORCH + 'out = model(x)\nif args.calibrate:\n    out = F.softmax(out / T, dim=1)\nif args.train:\n    loss = F.cross_entropy(out, y)\n'] },
  // Objects the lint cannot be sure of.
  { name: 'notebook: the model class redefined in a later cell (which one built the model is not known)', cells: [TORCH + 'class Net(nn.Module):\n    def forward(self, x):\n        return self.fc(x)\n', 'net = Net()\nloss = F.cross_entropy(net(x), y)\n', 'class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n'] },
  { name: 'a model class defined in both branches of an if', cells: [TORCH + 'if USE_LOGITS:\n    class Head(nn.Module):\n        def forward(self, x):\n            return self.fc(x)\nelse:\n    class Head(nn.Module):\n        def forward(self, x):\n            return F.softmax(self.fc(x), dim=1)\nhead = Head()\nloss = F.cross_entropy(head(x), y)\n'] },
  { name: 'a local model class shadowed by an import of the same name', cells: [TORCH + 'class Model(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\nfrom mypkg.models import Model\nmodel = Model()\nloss = F.cross_entropy(model(x), y)\n'] },
  { name: "a class's own method named softmax (log-probabilities) into nll_loss", cells: [TORCH + 'class Head(nn.Module):\n    def softmax(self, x):\n        return x - x.logsumexp(-1, keepdim=True)\n    def loss(self, x, y):\n        return F.nll_loss(self.softmax(x), y)\n'] },
  { name: "another object's sigmoid method with an argument (not the tensor method)", cells: [TORCH + 'from mylib import Calibrator\ncal = Calibrator()\nscores = cal.sigmoid(logits)\nloss = F.binary_cross_entropy_with_logits(scores, y)\n'] },
  { name: 'closure: the enclosing function takes the model as a parameter (the module-level one is a softmax head)', cells: [TORCH + 'model = nn.Sequential(nn.Linear(784, 10), nn.Softmax(dim=1))\n\ndef make_train_step(model, opt):\n    def train_step(x, y):\n        return F.cross_entropy(model(x), y)\n    return train_step\n'] },
  { name: 'kl_div with log_target=True given by position', cells: [TORCH + "loss = F.kl_div(F.log_softmax(s, dim=1), F.log_softmax(t, dim=1), None, None, 'batchmean', True)\n"] },
  { name: 'KLDivLoss built with its options from a dict (log_target may be among them)', cells: [TORCH + "cfg = dict(reduction='batchmean', log_target=True)\ncrit = nn.KLDivLoss(**cfg)\nloss = crit(F.log_softmax(s, dim=1), F.log_softmax(t, dim=1))\n"] },
  { name: "a softmax head's last layer deleted before the loss", cells: [TORCH + 'model = nn.Sequential(nn.Linear(10, 5), nn.Softmax(dim=1))\ndel model[-1]\nloss = F.cross_entropy(model(x), y)\n'] },
  { name: 'a layer appended after the softmax of a Sequential', cells: [TORCH + 'model = nn.Sequential(nn.Linear(10, 5), nn.Softmax(dim=1))\nmodel.append(nn.Linear(5, 5))\nloss = F.cross_entropy(model(x), y)\n'] },
  { name: 'a Keras loss object without from_logits (probabilities expected) on softmax output', cells: [KERAS + 'loss_fn = keras.losses.SparseCategoricalCrossentropy()\nloss = loss_fn(y, tf.nn.softmax(logits))\n'] },
  { name: 'a Keras loss object whose from_logits is a variable', cells: [KERAS + 'loss_fn = keras.losses.CategoricalCrossentropy(from_logits=use_logits)\nloss = loss_fn(y, tf.nn.softmax(logits))\n'] },
  { name: 'a Keras loss with from_logits=True and softmax soft labels as y_true (distillation)', cells: [KERAS + 'kd = keras.losses.CategoricalCrossentropy(from_logits=True)\nloss = kd(tf.nn.softmax(teacher_logits / T), student_logits)\n'] },
  // From the second precision hunt.
  { name: 'a function-local class Net (logits) shadows the module-level softmax Net', cells: [TORCH + 'class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\ndef experiment(x, y):\n    class Net(nn.Module):\n        def forward(self, x):\n            return self.fc(x)\n    model = Net()\n    return F.cross_entropy(model(x), y)\n'] },
  { name: 'the class name rebound to another class before the model is built', cells: [TORCH + 'class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\nif args.pretrained:\n    Net = PretrainedNet\nmodel = Net()\nloss = F.cross_entropy(model(x), y)\n'] },
  { name: 'the class name is a parameter of the function that builds the model', cells: [TORCH + 'class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\ndef run(Net, x, y):\n    model = Net()\n    return F.cross_entropy(model(x), y)\n'] },
  { name: 'a match mapping pattern captures p', cells: [TORCH + 'p = F.softmax(x, dim=1)\nmatch outputs:\n    case {"logits": p}:\n        loss = F.cross_entropy(p, y)\n'] },
  { name: 'a match class pattern captures p (keyword pattern)', cells: [TORCH + 'p = F.softmax(x, dim=1)\nmatch outputs:\n    case ModelOutput(logits=p):\n        loss = F.cross_entropy(p, y)\n'] },
  { name: 'the sigmoid is bound in a branch that returns; the with-logits loss comes after the if', cells: [TORCH + 'class Head(nn.Module):\n    def loss(self, y):\n        if self.multilabel_probs:\n            self.preds = torch.sigmoid(self.preds)\n            return self.preds.mean()\n        return F.binary_cross_entropy_with_logits(self.preds, y)\n'] },
  { name: 'the softmax is bound in a branch that raises', cells: [TORCH + 'def loss(out, y, bad):\n    if bad:\n        out = F.softmax(out, dim=1)\n        raise RuntimeError(out)\n    return F.cross_entropy(out, y)\n'] },
  { name: 'self.head built with a softmax in one branch and without in the other', cells: [TORCH + 'class M(nn.Module):\n    def __init__(self, probs):\n        super().__init__()\n        if probs:\n            self.head = nn.Sequential(nn.Linear(8, 4), nn.Softmax(dim=1))\n        else:\n            self.head = nn.Sequential(nn.Linear(8, 4))\n    def loss(self, h, y):\n        return F.cross_entropy(self.head(h), y)\n'] },
  { name: 'self.head changed in place after it is built (append)', cells: [TORCH + 'class M(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.head = nn.Sequential(nn.Linear(8, 4), nn.Softmax(dim=1))\n        self.head.append(nn.Linear(4, 4))\n    def loss(self, h, y):\n        return F.cross_entropy(self.head(h), y)\n'] },
  { name: 'nn.LogSoftmax(**cfg): dim may be in the options (LA205)', cells: [TORCH + "cfg = {'dim': 1}\nloss = F.nll_loss(nn.LogSoftmax(**cfg)(x), y)\n"] },
  { name: 'a Keras logits head (no activation) into a loss given from_logits=True', cells: [KERAS + "model = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10)])\nloss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\nloss = loss_fn(y, model(x))\n"] },
  { name: 'a Keras softmax head into a loss that expects probabilities (from_logits left False)', cells: [KERAS + "model = keras.Sequential([layers.Dense(10, activation='softmax')])\nloss_fn = keras.losses.SparseCategoricalCrossentropy()\nloss = loss_fn(y, model(x))\n"] },
  { name: "the file's own cross_entropy that expects probabilities", cells: [TORCH + '\ndef cross_entropy(probs, y):\n    return -(y * probs.log()).sum(1).mean()\n\nloss = cross_entropy(F.softmax(x, dim=1), y)\n'] },
  { name: 'a relatively imported cross_entropy', cells: ['import torch.nn.functional as F\nfrom .losses import cross_entropy\nloss = cross_entropy(F.softmax(x, dim=1), y)\n'] },
  { name: "the file's own class CrossEntropyLoss(nn.Module)", cells: [TORCH + '\nclass CrossEntropyLoss(nn.Module):\n    def forward(self, p, y):\n        return -(y * p.log()).sum(1).mean()\n\ncriterion = CrossEntropyLoss()\nloss = criterion(F.softmax(x, dim=1), y)\nl2 = CrossEntropyLoss(out, y)\n'] },
  { name: 'correct Keras pair: softmax head + sparse_categorical_crossentropy', cells: [KERAS + "model = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10, activation='softmax')])\nmodel.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])\n"] },
  { name: 'correct Keras pair: logits head + from_logits=True', cells: [KERAS + "model = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10)])\nmodel.compile(optimizer='adam', loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: 'correct Keras pair: sigmoid head + binary_crossentropy', cells: [KERAS + "model = keras.Sequential()\nmodel.add(layers.Dense(1, activation='sigmoid'))\nmodel.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])\n"] },
  { name: 'two-unit softmax with binary_crossentropy (equivalent to categorical)', cells: [KERAS + "model = keras.Sequential([layers.Dense(2, activation='softmax')])\nmodel.compile(optimizer='adam', loss='binary_crossentropy')\n"] },
  { name: 'multi-label sigmoid head with binary_crossentropy', cells: [KERAS + "model = keras.Sequential([layers.Dense(30, activation='sigmoid')])\nmodel.compile(loss='binary_crossentropy', optimizer='adam')\n"] },
  { name: 'Keras model whose last layer is not understood (Dropout) + from_logits=True', cells: [KERAS + "model = keras.Sequential([layers.Dense(10, activation='softmax'), layers.Dropout(0.2)])\nmodel.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))\n"] },
  // ---- a module-level Keras model used in train_step: the head must be known wherever the function may run ----
  { name: 'module-level logits head (Dense(10)) + from_logits=True in train_step: correct', cells: [KERAS + "model = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10)])\nloss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\n\n@tf.function\ndef train_step(x, y):\n    with tf.GradientTape() as tape:\n        logits = model(x, training=True)\n        loss_value = loss_fn(y, logits)\n    return loss_value\n"] },
  { name: 'module-level Sequential given its softmax head by .add after the function (order unknown)', cells: [KERAS + "model = keras.Sequential([layers.Dense(64, activation='relu')])\nloss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\n\n@tf.function\ndef train_step(x, y):\n    with tf.GradientTape() as tape:\n        logits = model(x, training=True)\n        loss_value = loss_fn(y, logits)\n    return loss_value\nmodel.add(layers.Dense(10))\n"] },
  { name: "module-level softmax head whose last activation is removed (model.layers[-1].activation = None)", cells: [KERAS + "model = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10, activation='softmax')])\nmodel.layers[-1].activation = None\nloss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\n\n@tf.function\ndef train_step(x, y):\n    with tf.GradientTape() as tape:\n        logits = model(x, training=True)\n        loss_value = loss_fn(y, logits)\n    return loss_value\n"] },
  { name: 'the same, in one scope: the head changed through model.layers before the loss', cells: [KERAS + "model = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10, activation='softmax')])\nmodel.layers[-1].activation = keras.activations.linear\nloss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\nloss = loss_fn(y, model(x))\n"] },
  { name: 'train_step takes the model as a parameter (the module-level one is a softmax head)', cells: [KERAS + "model = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10, activation='softmax')])\nloss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\ndef train_step(model, x, y):\n    with tf.GradientTape() as tape:\n        loss_value = loss_fn(y, model(x, training=True))\n    return loss_value\n"] },
  { name: 'the model built in each branch at module level (softmax or logits head)', cells: [KERAS + "if probs:\n    model = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10, activation='softmax')])\nelse:\n    model = keras.Sequential([layers.Dense(10)])\nloss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\n\n@tf.function\ndef train_step(x, y):\n    with tf.GradientTape() as tape:\n        logits = model(x, training=True)\n        loss_value = loss_fn(y, logits)\n    return loss_value\n"] },
  // ---- a Keras model built by a function of the file ----
  { name: 'build_model() returning a softmax head, compiled with the string sparse loss (correct; modelled on anthropologistbiubiu/python_study tensorflow/keras/keras.py)', cells: [KERAS + "def build_model():\n    model = keras.Sequential([keras.layers.Dense(64, activation='relu', input_shape=(784,)),\n    keras.layers.Dense(10, activation='softmax')])\n    return model\nmodel = build_model()\nmodel.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])\n"] },
  { name: 'a model function whose returns differ (softmax head or logits head)', cells: [KERAS + "def build_model(logits):\n    if logits:\n        return keras.Sequential([layers.Dense(10)])\n    return keras.Sequential([layers.Dense(10, activation='softmax')])\nmodel = build_model(True)\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: 'a model function whose head activation is a parameter', cells: [KERAS + "def build_model(act):\n    return keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10, activation=act)])\nmodel = build_model('softmax')\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: 'a softmax-head base from a function, then a logits layer added (from_logits=True is right)', cells: [KERAS + "def base():\n    return keras.Sequential([layers.Dense(64, activation='softmax')])\nmodel = base()\nmodel.add(layers.Dense(10))\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: 'a model function defined again under an if (which one builds the model is not known)', cells: [KERAS + "def build_model():\n    return keras.Sequential([layers.Dense(10)])\nif probs:\n    def build_model():\n        return keras.Sequential([layers.Dense(10, activation='softmax')])\nmodel = build_model()\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: 'a model function shadowed by a parameter of the function that calls it', cells: [KERAS + "def build_model():\n    return keras.Sequential([layers.Dense(10, activation='softmax')])\ndef fit(build_model, x, y):\n    model = build_model()\n    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  // ---- a subclassed Keras model ----
  { name: "TF's advanced quickstart: a subclass with a Dense(10) logits head, from_logits=True in train_step (correct)", cells: ["import tensorflow as tf\nfrom tensorflow.keras.layers import Dense, Flatten, Conv2D\nfrom tensorflow.keras import Model\n\nclass MyModel(Model):\n    def __init__(self):\n        super().__init__()\n        self.conv1 = Conv2D(32, 3, activation='relu')\n        self.flatten = Flatten()\n        self.d1 = Dense(128, activation='relu')\n        self.d2 = Dense(10)\n\n    def call(self, x):\n        x = self.conv1(x)\n        x = self.flatten(x)\n        x = self.d1(x)\n        return self.d2(x)\n\nmodel = MyModel()\nloss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\n@tf.function\ndef train_step(images, labels):\n    with tf.GradientTape() as tape:\n        predictions = model(images, training=True)\n        loss = loss_object(labels, predictions)\n    return loss\n"] },
  { name: 'a subclass whose call returns logits while training and a softmax otherwise', cells: [KERAS + "class Net(keras.Model):\n    def __init__(self):\n        super().__init__()\n        self.logits = layers.Dense(10)\n        self.probs = layers.Dense(10, activation='softmax')\n\n    def call(self, x, training=False):\n        if training:\n            return self.logits(x)\n        return self.probs(x)\n\nmodel = Net()\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: 'a class with a call method that is no keras.Model (a plain wrapper)', cells: [KERAS + "class Wrapper:\n    def __init__(self):\n        self.head = layers.Dense(10, activation='softmax')\n\n    def call(self, x):\n        return self.head(x)\n\nmodel = Wrapper()\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: "a subclass whose head layer is set in both branches of __init__ (softmax or not)", cells: [KERAS + "class Net(keras.Model):\n    def __init__(self, probs):\n        super().__init__()\n        if probs:\n            self.out = layers.Dense(10, activation='softmax')\n        else:\n            self.out = layers.Dense(10)\n\n    def call(self, x):\n        return self.out(x)\n\nmodel = Net(False)\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: "TensorFlow-Examples' neural_network.ipynb: call applies tf.nn.softmax only when not training, the loss takes logits (correct)", cells: ["import tensorflow as tf\nfrom tensorflow.keras import Model, layers\n\nclass NeuralNet(Model):\n    def __init__(self):\n        super(NeuralNet, self).__init__()\n        self.fc1 = layers.Dense(128, activation=tf.nn.relu)\n        self.fc2 = layers.Dense(256, activation=tf.nn.relu)\n        self.out = layers.Dense(10)\n\n    def call(self, x, is_training=False):\n        x = self.fc1(x)\n        x = self.fc2(x)\n        x = self.out(x)\n        if not is_training:\n            x = tf.nn.softmax(x)\n        return x\n\nneural_net = NeuralNet()\n\ndef cross_entropy_loss(x, y):\n    y = tf.cast(y, tf.int64)\n    loss = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=x)\n    return tf.reduce_mean(loss)\n\ndef run_optimization(x, y):\n    with tf.GradientTape() as g:\n        pred = neural_net(x, is_training=True)\n        loss = cross_entropy_loss(pred, y)\n    return loss\n\nmodel2 = NeuralNet()\nmodel2.compile(loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: 'a subclass whose call returns tf.nn.log_softmax(x) (log-probabilities: no softmax or sigmoid head)', cells: [KERAS + "class Net(keras.Model):\n    def __init__(self):\n        super().__init__()\n        self.out = layers.Dense(10)\n\n    def call(self, x):\n        return tf.nn.log_softmax(self.out(x))\n\nmodel = Net()\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: "a subclass whose call returns tf.nn.softmax(x), compiled with from_logits=False (right)", cells: [KERAS + "class Net(keras.Model):\n    def __init__(self):\n        super().__init__()\n        self.out = layers.Dense(10)\n\n    def call(self, x):\n        return tf.nn.softmax(self.out(x))\n\nmodel = Net()\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=False))\n"] },
  { name: 'a plain class (no keras.Model) whose call returns tf.nn.softmax(x)', cells: [KERAS + "class Head:\n    def __init__(self):\n        self.out = layers.Dense(10)\n\n    def call(self, x):\n        return tf.nn.softmax(self.out(x))\n\nmodel = Head()\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: "a subclass whose call returns the user's own softmax function (not TF's)", cells: [KERAS + "def softmax(x):\n    return x\n\nclass Net(keras.Model):\n    def __init__(self):\n        super().__init__()\n        self.out = layers.Dense(10)\n\n    def call(self, x):\n        return softmax(self.out(x))\n\nmodel = Net()\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: 'a subclass whose call returns torch.softmax of a Dense output (not a Keras head the rules know)', cells: [KERAS + "import torch\n\nclass Net(keras.Model):\n    def __init__(self):\n        super().__init__()\n        self.out = layers.Dense(10)\n\n    def call(self, x):\n        return torch.softmax(self.out(x), dim=-1)\n\nmodel = Net()\nmodel.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"] },
  { name: 'train_step binds its own model before calling it', cells: [KERAS + "model = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10, activation='softmax')])\nloss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)\n\ndef train_step(x, y):\n    model = make_logits_model()\n    with tf.GradientTape() as tape:\n        loss_value = loss_fn(y, model(x, training=True))\n    return loss_value\n"] },
  { name: 'Keras model built elsewhere (unknown head)', cells: [KERAS + "model = build_model()\nmodel.compile(optimizer='adam', loss='sparse_categorical_crossentropy')\n"] },
  { name: 'Keras model rebuilt between the layers and compile', cells: [KERAS + "model = keras.Sequential()\nmodel.add(layers.Dense(10))\nmodel = load_pretrained()\nmodel.compile(loss='categorical_crossentropy')\n"] },
  { name: 'Keras categorical loss with from_logits given by a variable', cells: [KERAS + "model = keras.Sequential([layers.Dense(10)])\nmodel.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=use_logits))\n"] },
  // ---- loss wrappers (functions of the file that hand a parameter to a loss) ----
  { name: "d2l's FCN loss wrapper called with the network's logits (correct)", cells: [TORCH + "def loss(inputs, targets):\n    return F.cross_entropy(inputs, targets, reduction='none').mean(1).mean(1)\n\nl = loss(net(X), Y)\n"] },
  { name: 'a wrapper that rebinds its parameter (log of the probabilities) before the loss', cells: [TORCH + "def nll_on_probs(probs, y):\n    probs = torch.log(probs + 1e-8)\n    return F.nll_loss(probs, y)\n\nloss = nll_on_probs(F.softmax(out, dim=1), y)\n"] },
  { name: 'a wrapper whose softmax argument is the target (soft labels)', cells: [TORCH + "def soft_ce(logits, soft_targets):\n    return F.cross_entropy(logits, soft_targets)\n\nloss = soft_ce(student(x), F.softmax(teacher(x) / T, dim=1))\n"] },
  { name: 'a wrapper that applies its own log_softmax, called with logits', cells: [TORCH + "def nll(logits, y):\n    return F.nll_loss(F.log_softmax(logits, dim=1), y)\n\nloss = nll(model(x), y)\n"] },
  { name: 'a wrapper defined twice (which one runs is not known)', cells: [TORCH + "def compute_loss(p, y):\n    return F.cross_entropy(p, y)\nif use_probs:\n    def compute_loss(p, y):\n        return -(y * torch.log(p)).sum(1).mean()\nloss = compute_loss(F.softmax(out, dim=1), y)\n"] },
  { name: "a function's parameter named like the wrapper (the caller's own loss function)", cells: [TORCH + "def compute_loss(p, y):\n    return F.cross_entropy(p, y)\n\ndef evaluate(model, compute_loss):\n    return compute_loss(F.softmax(model(x), dim=1), y)\n"] },
  { name: 'a wrapper called with *args before its prediction parameter', cells: [TORCH + "def weighted_ce(w, logits, y):\n    return w * F.cross_entropy(logits, y)\n\nloss = weighted_ce(*ws, F.softmax(out, dim=1), y)\n"] },
  { name: "a wrapper's keyword-only prediction passed by position (a TypeError, not a loss bug)", cells: [TORCH + "def ce(y, *, logits):\n    return F.cross_entropy(logits, y)\n\nloss = ce(y, F.softmax(out, dim=1))\n"] },
  // ---- a LightningModule's own forward and its loss methods ----
  { name: "Lightning's introduction guide as written: forward ends in F.log_softmax, training_step gives self(x) to F.nll_loss", cells: ["import torch\nfrom torch.nn import functional as F\nfrom torch import nn\nfrom pytorch_lightning.core.lightning import LightningModule\n\nclass LitMNIST(LightningModule):\n    def __init__(self):\n        super().__init__()\n        self.layer_3 = nn.Linear(256, 10)\n\n    def forward(self, x):\n        x = self.layer_3(x)\n        x = F.log_softmax(x, dim=1)\n        return x\n\n    def cross_entropy_loss(self, logits, labels):\n        return F.nll_loss(logits, labels)\n\n    def training_step(self, batch, batch_idx):\n        x, y = batch\n        logits = self(x)\n        return self.cross_entropy_loss(logits, y)\n"] },
  { name: 'a static loss method (no self: its arguments do not shift), given softmax weights first', cells: [TORCH + "class Net(nn.Module):\n    @staticmethod\n    def weighted_ce(weights, logits, labels):\n        return (weights * F.cross_entropy(logits, labels, reduction='none')).sum()\n\n    def loss(self, att, out, y):\n        return self.weighted_ce(F.softmax(att, dim=0).detach(), out, y)\n"] },
  { name: 'a module whose forward is replaced in __init__ (self(x) is not the forward written)', cells: [TORCH + "class Net(nn.Module):\n    def __init__(self, f):\n        super().__init__()\n        self.forward = f\n\n    def forward(self, x):\n        return F.softmax(x, dim=1)\n\n    def loss(self, x, y):\n        return F.cross_entropy(self(x), y)\n"] },
  { name: "another object's loss method named like the class's own", cells: [TORCH + "class Net(nn.Module):\n    def cross_entropy_loss(self, logits, labels):\n        return F.cross_entropy(logits, labels)\n\n    def step(self, teacher, x, y):\n        return teacher.cross_entropy_loss(F.softmax(x, dim=1), y)\n"] },
  { name: 'a loss method replaced by an attribute (self.cross_entropy_loss = …)', cells: [TORCH + "class Net(nn.Module):\n    def __init__(self, loss):\n        super().__init__()\n        self.cross_entropy_loss = loss\n\n    def cross_entropy_loss(self, logits, labels):\n        return F.cross_entropy(logits, labels)\n\n    def step(self, x, y):\n        return self.cross_entropy_loss(F.softmax(x, dim=1), y)\n"] },
  { name: "a loss method of another class, called on self in this one", cells: [TORCH + "class A(nn.Module):\n    def ce(self, logits, labels):\n        return F.cross_entropy(logits, labels)\n\nclass B(nn.Module):\n    def step(self, x, y):\n        return self.ce(F.softmax(x, dim=1), y)\n"] },
  // ---- tuples: a forward that returns several values, unpacked where it is called ----
  { name: 'the logits of a (logits, sigmoid(logits)) pair into BCEWithLogitsLoss (correct)', cells: [TORCH + "class M(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.head = nn.Linear(512, 20)\n\n    def forward(self, x):\n        logits = self.head(x)\n        return logits, torch.sigmoid(logits)\n\nnet = M()\nlogits, scores = net(x)\nloss = nn.BCEWithLogitsLoss()(logits, y)\n"] },
  { name: 'an unpacking with a starred name (its list is no activation output; places after it are not known)', cells: [TORCH + "class M(nn.Module):\n    def forward(self, x):\n        return torch.sigmoid(x), x, torch.sigmoid(x)\n\nnet = M()\n*rest, last = net(x)\nloss = F.binary_cross_entropy_with_logits(rest, y) + F.binary_cross_entropy_with_logits(last, y)\n"] },
  { name: 'a forward whose returns differ at the place (logits while training)', cells: [TORCH + "class M(nn.Module):\n    def forward(self, x):\n        if self.training:\n            return x, x\n        return torch.sigmoid(x), x\n\nnet = M()\na, b = net(x)\nloss = F.binary_cross_entropy_with_logits(a, y)\n"] },
  { name: "the whole tuple of a forward whose first item is a sigmoid (no item taken)", cells: [TORCH + "class M(nn.Module):\n    def forward(self, x):\n        return torch.sigmoid(x), x\n\nnet = M()\nout = net(x)\nloss = F.binary_cross_entropy_with_logits(net(x), y)\n"] },
  { name: 'a VAE whose decode returns logits, with the with-logits loss (correct)', cells: [TORCH + "class VAE(nn.Module):\n    def decode(self, z):\n        return self.fc4(F.relu(self.fc3(z)))\n\n    def forward(self, x):\n        mu, logvar = self.encode(x)\n        return self.decode(mu), mu, logvar\n\nmodel = VAE()\nrecon, mu, logvar = model(x)\nloss = F.binary_cross_entropy_with_logits(recon, x, reduction='sum')\n"] },
  { name: "a method called on self that a property decorates (not called like a method)", cells: [TORCH + "class M(nn.Module):\n    @property\n    def probs(self):\n        return torch.sigmoid(self.logits)\n\n    def loss(self, y):\n        return F.binary_cross_entropy_with_logits(self.probs(), y)\n"] },
  // ---- a model or criterion passed as a parameter ----
  { name: 'train() called with two different models (which one it gets is not known)', cells: [TORCH + "class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\ndef train(model, loader):\n    for x, y in loader:\n        loss = F.cross_entropy(model(x), y)\n\nmodel2 = Other()\ntrain(model2, loader)\nmodel1 = Net()\ntrain(model1, loader)\n"] },
  { name: 'train() also passed as a value (Thread(target=train)): other calls are not known', cells: [TORCH + "class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\ndef train(model, loader):\n    for x, y in loader:\n        loss = F.cross_entropy(model(x), y)\n\nmodel = Net()\ntrain(model, loader)\nThread(target=train, args=(other, loader)).start()\n"] },
  { name: 'train() never called in the file (its model comes from elsewhere)', cells: [TORCH + "class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\ndef train(model, loader):\n    for x, y in loader:\n        loss = F.cross_entropy(model(x), y)\n"] },
  { name: 'a call that leaves the model parameter to its default', cells: [TORCH + "class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\ndef train(loader, model=None):\n    model = model or build()\n    for x, y in loader:\n        loss = F.cross_entropy(model(x), y)\n\nnet = Net()\ntrain(loader, net)\ntrain(loader)\n"] },
  { name: 'a call whose *args may hold the model', cells: [TORCH + "class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\ndef train(loader, model):\n    for x, y in loader:\n        loss = F.cross_entropy(model(x), y)\n\nnet = Net()\ntrain(loader, net)\ntrain(*args)\n"] },
  { name: 'train() defined twice (which one is called is not known)', cells: [TORCH + "class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\ndef train(model, loader):\n    loss = F.cross_entropy(model(x), y)\n\nif fast:\n    def train(model, loader):\n        loss = F.nll_loss(torch.log(model(x)), y)\n\nmodel = Net()\ntrain(model, loader)\n"] },
  { name: "a Keras model passed to fit(model, …), its last layer's activation removed under its own name before the call", cells: [KERAS + "def fit(model, x, y):\n    model.compile(optimizer='adam', loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n\nnet = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10, activation='softmax')])\nnet.layers[-1].activation = None\nfit(net, x_train, y_train)\n"] },
  { name: 'a Keras model passed to fit(model, …), its softmax layer popped and a logits layer added before the call', cells: [KERAS + "def fit(model, x, y):\n    model.compile(optimizer='adam', loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n\nnet = keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10, activation='softmax')])\nnet.pop()\nnet.add(layers.Dense(10))\nfit(net, x_train, y_train)\n"] },
  // ---- bindings in branches ----
  { name: 'a softmax replaced by the logits in a branch (the branches disagree)', cells: [TORCH + "def step(logits, y, raw):\n    p = F.softmax(logits, dim=1)\n    if raw:\n        p = logits\n    return F.cross_entropy(p, y)\n"] },
  { name: 'softmax bindings in branches before a loop that rebinds the name to logits (later iterations get logits)', cells: [TORCH + "def step(xs, y, t):\n    p = F.softmax(xs[0], dim=1)\n    if t:\n        p = F.softmax(xs[0] / t, dim=1)\n    for x in xs:\n        loss = F.cross_entropy(p, y)\n        p = x\n"] },
  { name: 'a softmax bound in a branch at module level, the name otherwise from a star import', cells: [TORCH + "from helpers import *\nif use_probs:\n    p = F.softmax(x, dim=1)\nif smooth:\n    p = F.softmax(x / 2, dim=1)\nloss = F.cross_entropy(p, y)\n"] },
  { name: 'a softmax in a branch over an unknown value (not every binding is known)', cells: [TORCH + "def step(batch, y, probs):\n    p = batch['logits']\n    if probs:\n        p = F.softmax(p, dim=1)\n    return F.cross_entropy(p, y)\n"] },
  // ---- a loss function kept under another name ----
  { name: 'a cross-entropy alias rebound in a branch before the call', cells: [TORCH + "loss_fn = F.cross_entropy\nif probs_out:\n    loss_fn = nll_of_probs\nloss = loss_fn(F.softmax(out, dim=1), y)\n"] },
  { name: "an alias of the user's own cross_entropy, which takes probabilities", cells: [TORCH + "def cross_entropy(p, y):\n    return -(y * torch.log(p)).sum(1).mean()\n\nloss_fn = cross_entropy\nloss = loss_fn(F.softmax(out, dim=1), y)\n"] },
  { name: 'an alias of keras categorical_crossentropy called without from_logits (it takes probabilities)', cells: [KERAS + "loss_fn = tf.keras.losses.categorical_crossentropy\nloss = loss_fn(y, tf.nn.softmax(z))\n"] },
  { name: 'a cross-entropy alias given soft labels made with softmax as the target', cells: [TORCH + "loss_fn = F.cross_entropy\nloss = loss_fn(student(x), F.softmax(teacher(x) / T, dim=1))\n"] },
  { name: 'an nll_loss alias given log_softmax (correct)', cells: [TORCH + "nll = F.nll_loss\nloss = nll(F.log_softmax(out, dim=1), y)\n"] },
  { name: 'log_softmax into nll_loss', cells: [TORCH + 'loss = F.nll_loss(F.log_softmax(x, dim=1), y)\n'] },
  { name: 'log_softmax into cross_entropy (harmless)', cells: [TORCH + 'logp = F.log_softmax(logits, dim=-1)\nloss = F.cross_entropy(logp, y)\n'] },
  { name: 'log_softmax input, softmax target, batchmean: the correct kl_div', cells: [TORCH + "loss = F.kl_div(F.log_softmax(s / T, dim=1), F.softmax(t / T, dim=1), reduction='batchmean') * T * T\n"] },
  { name: 'log-space target with log_target=True', cells: [TORCH + "kl = nn.KLDivLoss(reduction='batchmean', log_target=True)\nloss = kl(F.log_softmax(s, dim=1), F.log_softmax(t, dim=1))\n"] },
  { name: "KLDivLoss(reduction='sum')", cells: [TORCH + "kl = nn.KLDivLoss(reduction='sum')\n"] },
  { name: 'CTC loss on log_softmax, transposed', cells: [TORCH + 'log_probs = F.log_softmax(out, dim=2).transpose(0, 1)\nloss = F.ctc_loss(log_probs, targets, in_lens, tgt_lens)\n'] },
  { name: 'softmax for attention weights, then a matmul, then cross-entropy', cells: [TORCH + 'attn = torch.softmax(q @ k.transpose(-2, -1), dim=-1)\nout = attn @ v\nloss = F.cross_entropy(out, y)\n'] },
  { name: 'softmax inside another function whose result comes back as a parameter', cells: [TORCH + '\ndef predict(x):\n    p = F.softmax(x, dim=1)\n    return p\n\ndef criterion(p, y):\n    return F.cross_entropy(p, y)\n'] },
  { name: 'softmax assigned only in a branch, with another value before', cells: [TORCH + '\ndef f(x, y, flag):\n    p = x\n    if flag:\n        p = F.softmax(x, dim=1)\n    return F.cross_entropy(p, y)\n'] },
  { name: 'a criterion attribute assigned BCELoss in one branch and BCEWithLogitsLoss in the other', cells: [TORCH + "class GAN(object):\n    def __init__(self, gpu):\n        self.D = nn.Sequential(nn.Linear(8, 1), nn.Sigmoid())\n        if gpu:\n            self.crit = nn.BCELoss().cuda()\n        else:\n            self.crit = nn.BCEWithLogitsLoss()\n\n    def step(self, x, y):\n        return self.crit(self.D(x), y)\n"] },
  { name: 'an if/elif chain with no else: no branch may run', cells: [TORCH + "if c1:\n    p = F.softmax(a, dim=1)\nelif c2:\n    p = F.softmax(b, dim=1)\nloss = F.cross_entropy(p, y)\n"] },
  { name: 'an else branch that binds logits', cells: [TORCH + "if c1:\n    p = F.softmax(a, dim=1)\nelse:\n    p = a\nloss = F.cross_entropy(p, y)\n"] },
  { name: 'the else branch binds only in a nested if', cells: [TORCH + "if c1:\n    p = F.softmax(a, dim=1)\nelse:\n    if c2:\n        p = F.softmax(b, dim=1)\nloss = F.cross_entropy(p, y)\n"] },
  { name: 'a for-else: the loop body may rebind on every iteration, the else belongs to the loop', cells: [TORCH + "for a in xs:\n    p = F.softmax(a, dim=1)\nelse:\n    p = F.softmax(b, dim=1)\nloss = F.cross_entropy(p, y)\n"] },
  { name: 'a try-else: the except clause does not bind it', cells: [TORCH + "try:\n    p = F.softmax(a, dim=1)\nexcept ValueError:\n    pass\nelse:\n    p = F.softmax(b, dim=1)\nloss = F.cross_entropy(p, y)\n"] },
  { name: 'models built in each branch, one of which returns logits', cells: [TORCH + "class A(nn.Module):\n    def forward(self, x):\n        return F.softmax(x, dim=1)\n\nclass B(nn.Module):\n    def forward(self, x):\n        return x\n\nif big:\n    net = A()\nelse:\n    net = B()\nloss = nn.CrossEntropyLoss()(net(x), y)\n"] },
  { name: 'a chain before a loop whose body rebinds the name after the use: the rebinding reaches the next iteration', cells: [TORCH + "if c:\n    p = F.softmax(a, dim=1)\nelse:\n    p = F.softmax(b, dim=1)\nfor x, y in loader:\n    loss = F.cross_entropy(p, y)\n    p = x\n"] },
  { name: 'a later rebinding in the loop may reach the use: the binding before it is inside an if', cells: [TORCH + "for x, y in loader:\n    if warm:\n        out = F.softmax(model(x), dim=1)\n    loss = F.cross_entropy(out, y)\n    out = model(x)\n"] },
  { name: 'a later rebinding in an inner loop reaches the use on its next iteration (the binding first in the outer body does not run again)', cells: [TORCH + "for x, y in loader:\n    out = F.softmax(model(x), dim=1)\n    for k in range(3):\n        loss = F.cross_entropy(out, y)\n        out = model(x)\n"] },
  { name: 'the binding first in the loop body gives logits; the softmax rebinding after the use does not reach it', cells: [TORCH + "for x, y in loader:\n    out = model(x)\n    loss = F.cross_entropy(out, y)\n    if log_probs:\n        out = F.softmax(out, dim=1)\n"] },
  { name: 'softmax assigned after the use inside a loop body... before the use in the next line only', cells: [TORCH + 'p = model(x)\nfor step in range(3):\n    loss = F.cross_entropy(p, y)\n    p = F.softmax(p, dim=1)\n'] },
  { name: 'softmax in a comment and in a docstring', cells: [TORCH + '\ndef f(x, y):\n    """loss = F.cross_entropy(F.softmax(x, dim=1), y) is wrong"""\n    # loss = F.cross_entropy(F.softmax(x, dim=1), y)\n    return F.cross_entropy(x, y)\n'] },
  { name: 'the misuse written inside an ordinary string', cells: [TORCH + 'msg = "nn.CrossEntropyLoss(out, y) and F.nll_loss(F.softmax(x), y)"\n'] },
  { name: 'TF softmax cross-entropy with a softmax target (labels=)', cells: ['import tensorflow as tf\nloss = tf.nn.softmax_cross_entropy_with_logits(labels=tf.nn.softmax(teacher), logits=student)\n'] },
  { name: 'optax softmax cross-entropy with softmax labels', cells: ['import jax\nimport optax\nloss = optax.softmax_cross_entropy(logits, jax.nn.softmax(teacher_logits)).mean()\n'] },
  { name: 'BCEWithLogitsLoss(pos_weight=...) on logits', cells: [TORCH + 'criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([3.0]))\nloss = criterion(model(x), y)\n'] },
  { name: 'BCELoss on a model output with no visible sigmoid', cells: [TORCH + 'criterion = nn.BCELoss()\nprobs = model(x)\nloss = criterion(probs, y)\n'] },
  { name: 'user class with size_average / reduce keywords', cells: [TORCH + 'class MyLoss(nn.Module):\n    def __init__(self, size_average=True, reduce=True):\n        super().__init__()\n\ncrit = MyLoss(size_average=False, reduce=True)\n'] },
  { name: "reduction='mean' on a loss that is not kl_div", cells: [TORCH + "crit = nn.CrossEntropyLoss(reduction='mean', label_smoothing=0.1)\n"] },
  { name: "F.kl_div(..., reduction='batchmean')", cells: [TORCH + "loss = F.kl_div(F.log_softmax(a, dim=1), b, reduction='batchmean')\n"] },
  { name: 'valid numeric parameters (label_smoothing=1.0, delta=1.5, beta=0.0)', cells: [TORCH + 'a = nn.CrossEntropyLoss(label_smoothing=1.0)\nb = nn.HuberLoss(delta=1.5)\nc = F.smooth_l1_loss(p, t, beta=0.0)\n'] },
  { name: 'loss class with one positional weight and a keyword', cells: [TORCH + 'crit = nn.CrossEntropyLoss(class_weights, ignore_index=0)\n'] },
  { name: 'loss class with literal positional parameters', cells: [TORCH + 'crit = nn.TripletMarginLoss(1.0, 2)\nmr = nn.MarginRankingLoss(0.5)\n'] },
  { name: 'Keras loss object created, then called with the tensors', cells: [KERAS + 'loss = keras.losses.CategoricalCrossentropy()(y_true, y_pred)\n'] },
  { name: "Dense(1, activation='sigmoid') and torch Linear(…, 1) + Sigmoid", cells: [KERAS + "head = layers.Dense(1, activation='sigmoid')\n", 'import torch.nn as nn\nhead = nn.Sequential(nn.Linear(128, 1), nn.Sigmoid())\n'] },
  { name: 'nn.Sequential(Linear(…, 10), Softmax(dim=1)) (many units)', cells: ['import torch.nn as nn\nhead = nn.Sequential(nn.Linear(128, 10), nn.Softmax(dim=1))\n'] },
  { name: 'log_softmax with a positional dim', cells: [TORCH + 'loss = F.nll_loss(F.log_softmax(x, 1), y)\n'] },
  { name: 'tf.nn.softmax without axis (last axis by default)', cells: ['import tensorflow as tf\nloss = tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=z)\np = tf.nn.softmax(z)\n'] },
  { name: 'a local variable named F', cells: ['F = compute_features(batch)\nloss = F.cross_entropy(F.softmax(x), y)\n'] },
  { name: 'a local object with a softmax method used for a metric', cells: [TORCH + 'scores = head.softmax(feats)\ntop1 = scores.argmax(1)\nloss = F.cross_entropy(logits, y)\n'] },
  { name: 'sigmoid applied to a different tensor than the one passed', cells: [TORCH + 'gate = torch.sigmoid(g)\nloss = F.binary_cross_entropy_with_logits(logits * gate.detach(), y)\n'] },
  { name: 'notebook: the softmax variable reassigned in a later cell before the loss cell', cells: [TORCH + 'p = F.softmax(x, dim=1)\n', 'p = model(x)\n', 'loss = F.cross_entropy(p, y)\n'] },
  { name: 'criterion rebound to another loss before the call', cells: [TORCH + 'criterion = nn.NLLLoss()\ncriterion = nn.CrossEntropyLoss()\nloss = criterion(F.log_softmax(x, dim=1), y)\n'] },
  { name: 'a model class whose forward returns logits', cells: [TORCH + '\nclass Net(nn.Module):\n    def forward(self, x):\n        return self.fc(x)\n\nnet = Net()\nloss = nn.CrossEntropyLoss()(net(x), y)\n'] },
  { name: 'a forward that returns softmax only at inference (another return gives logits)', cells: [TORCH + '\nclass Net(nn.Module):\n    def forward(self, x):\n        z = self.fc(x)\n        if self.training:\n            return z\n        return F.softmax(z, dim=1)\n\nnet = Net()\nloss = F.cross_entropy(net(x), y)\n'] },
  { name: 'the model reaches the loss as a parameter of the training function', cells: [TORCH + '\nclass Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\ndef train(model, x, y):\n    return F.cross_entropy(model(x), y)\n'] },
  { name: 'nn.Sequential ending in LogSoftmax(dim=1) with NLLLoss', cells: ['import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(784, 10), nn.LogSoftmax(dim=1))\nloss = nn.NLLLoss()(model(x), y)\n'] },
  // Values changed in ways other than an assignment to the name.
  { name: "the softmax variable's values replaced through .data (old PyTorch style)", cells: [TORCH + 'def f(x, y, logits):\n    p = F.softmax(x, dim=1)\n    p.data = logits\n    return F.cross_entropy(p, y)\n'] },
  { name: 'the softmax variable changed by a torch in-place function (torch.log_(p))', cells: [TORCH + 'def f(x, y):\n    p = F.softmax(x, dim=1)\n    torch.log_(p)\n    return F.nll_loss(p, y)\n'] },
  { name: "the softmax variable written by a call's out= argument", cells: [TORCH + 'def f(x, y):\n    p = F.softmax(x, dim=1)\n    torch.log(p, out=p)\n    return F.nll_loss(p, y)\n'] },
  { name: 'the softmax variable rebound by a nested function that declares it nonlocal', cells: [TORCH + 'def outer(x, y, logits):\n    p = F.softmax(x, dim=1)\n    def swap():\n        nonlocal p\n        p = logits\n    swap()\n    return F.cross_entropy(p, y)\n'] },
  { name: 'a criterion declared global in a function that may rebind it', cells: [TORCH + 'criterion = nn.CrossEntropyLoss()\ndef use_probabilities():\n    global criterion\n    criterion = ProbabilityLoss()\nuse_probabilities()\nloss = criterion(F.softmax(x, dim=1), y)\n'] },
  { name: "a model whose forward is replaced after it is built (net.forward = …)", cells: [TORCH + 'class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\nnet = Net()\nnet.forward = net.logits\nloss = F.cross_entropy(net(x), y)\n'] },
  { name: 'suppressed on the line (specific and bare)', cells: [TORCH + 'loss = F.cross_entropy(F.softmax(x, dim=1), y)  # loss-atlas: ignore[LA101]\nl2 = F.nll_loss(F.softmax(x, dim=1), y)  # loss-atlas: ignore\n'] },
  { name: 'not Python: garbage, unbalanced brackets, unterminated strings', cells: ['((((( F.cross_entropy(\n"""unterminated\n', '\u0000\uD800 ]]] )))', ''] },
];

/** The diagnostics of a one-cell source as `code@covered text`. */
function flags(src: string): string[] {
  return lintCells([src]).map((d) => `${d.code}@${rangeText([src], d)}`);
}

describe('lint: near-miss negatives', () => {
  itStaysSilent(NEGATIVES);

  it('has at least 40 near-miss cases', () => {
    assert.ok(NEGATIVES.length >= 40, `${NEGATIVES.length}`);
  });

  // Near misses have a true twin: the rules that keep them silent must not silence these.
  const FOLLOWED: Array<{ name: string; src: string; flags: string[] }> = [
    // Python 3 comprehension targets do not leak: after the comprehension, p is the softmax again.
    { name: 'after a comprehension that binds p', src: TORCH + 'p = F.softmax(x, dim=1)\nvals = [q.sum() for p in outs for q in p]\nloss = F.cross_entropy(p, y)\n', flags: ['LA101@p'] },
    { name: 'in a comprehension that binds another name', src: TORCH + 'p = F.softmax(x, dim=1)\nlosses = [F.cross_entropy(p, t) for t in targets]\n', flags: ['LA101@p'] },
    { name: 'in a lambda that takes another name', src: TORCH + 'p = F.softmax(x, dim=1)\nloss_fn = lambda y: F.cross_entropy(p, y)\n', flags: ['LA101@p'] },
    { name: "a for statement's own target (an ordinary binding), softmax in the body", src: TORCH + 'for p in outs:\n    q = F.softmax(p, dim=1)\n    loss = F.cross_entropy(q, y)\n', flags: ['LA101@q'] },
    { name: 'a binding before a branching statement reaches every clause', src: TORCH + 'p = F.softmax(x, dim=1)\nif cond:\n    log(p)\nelse:\n    loss = F.cross_entropy(p, y)\n', flags: ['LA101@p'] },
    { name: 'a binding in a block reaches the rest of its block', src: TORCH + 'if cond:\n    p = F.softmax(x, dim=1)\n    for i in range(3):\n        if i:\n            log(i)\n    loss = F.cross_entropy(p, y)\n', flags: ['LA101@p'] },
    { name: 'the only binding, in a with block that ended, as before', src: TORCH + 'with torch.no_grad():\n    p = F.softmax(model(x), dim=1)\nloss = F.cross_entropy(p, y)\n', flags: ['LA101@p'] },
    { name: 'an activation function kept under another name (self.softmax = F.softmax)', src: TORCH + 'class Sm(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.softmax = nn.functional.softmax\n    def forward(self, logits):\n        return self.softmax(logits, dim=1)\n\nsm = Sm()\nloss = F.cross_entropy(sm(z), y)\n', flags: ['LA101@sm(z)'] },
    { name: 'a binding before a break in a loop body reaches the statement after the loop (a notebook idiom)', src: TORCH + 'for xb, yb in dl:\n    preds = F.softmax(model(xb), dim=1)\n    break\nloss = F.cross_entropy(preds, yb)\n', flags: ['LA101@preds'] },
    { name: 'a frozen teacher (requires_grad_ keeps its values) still ends in a softmax', src: TORCH + 'teacher = nn.Sequential(nn.Linear(8, 4), nn.Softmax(dim=1))\nteacher.requires_grad_(False)\nloss = F.cross_entropy(teacher(x), y)\n', flags: ['LA101@teacher(x)'] },
    // Twins of the value-change near misses: reading is not writing.
    { name: 'p.data only read (q = p.data), p still the softmax', src: TORCH + 'p = F.softmax(x, dim=1)\nq = p.data\nloss = F.cross_entropy(p, y)\n', flags: ['LA101@p'] },
    { name: 'p passed to a torch function that is not in place (torch.save)', src: TORCH + 'p = F.softmax(x, dim=1)\ntorch.save(p, path)\nloss = F.nll_loss(p, y)\n', flags: ['LA103@p'] },
    { name: "p passed to an in-place method of another tensor (x.add_(p)) is not changed", src: TORCH + 'p = F.softmax(x, dim=1)\nacc.add_(p)\nloss = F.cross_entropy(p, y)\n', flags: ['LA101@p'] },
    { name: "another variable as out= (torch.exp(a, out=b))", src: TORCH + 'p = F.softmax(x, dim=1)\ntorch.exp(a, out=b)\nloss = F.cross_entropy(p, y)\n', flags: ['LA101@p'] },
    { name: 'another name declared global', src: TORCH + 'def f(x, y):\n    global best\n    p = F.softmax(x, dim=1)\n    return F.cross_entropy(p, y)\n', flags: ['LA101@p'] },
    { name: "a model's other attribute set after it is built (net.fc = …)", src: TORCH + 'class Net(nn.Module):\n    def forward(self, x):\n        return F.softmax(self.fc(x), dim=1)\n\nnet = Net()\nnet.fc = nn.Linear(512, 10)\nloss = F.cross_entropy(net(x), y)\n', flags: ['LA101@net(x)'] },
    { name: 'LA205 covers the call without dim, not the whole argument', src: TORCH + 'loss = F.nll_loss(F.log_softmax(out).view(-1, C), y)\n', flags: ['LA205@F.log_softmax(out)'] },
    { name: 'LA205 on torch.log(F.softmax(x)) covers the softmax', src: TORCH + 'loss = F.nll_loss(torch.log(F.softmax(out)), y)\n', flags: ['LA205@F.softmax(out)'] },
  ];
  for (const f of FOLLOWED) {
    it(`still flagged: ${f.name}`, () => assert.deepEqual(flags(f.src), f.flags));
  }

  it("LA104's fix leaves a criterion alone when it is called elsewhere too (the other call may pass probabilities)", () => {
    const src = TORCH + 'kl = nn.KLDivLoss(reduction="batchmean")\nl1 = kl(F.log_softmax(s, dim=1), F.log_softmax(t, dim=1))\nl2 = kl(F.log_softmax(s, dim=1), F.softmax(t, dim=1))\n';
    const ds = lintCells([src]).filter((d) => d.code === 'LA104');
    assert.equal(ds.length, 1);
    assert.deepEqual(ds[0].fixes, []);
  });

  it('a message names the cell of a binding in another notebook cell', () => {
    const cells = [TORCH + 'p = F.softmax(x, dim=1)\n', 'loss = F.cross_entropy(p, y)\n'];
    const [en] = lintCells(cells);
    assert.match(en.message, /\(from line 4 of cell 1\)/);
    assert.match(lintCells(cells, { language: 'zh' })[0].message, /来自第 1 个单元格第 4 行/);
    // In the same cell, the line alone.
    assert.match(lintCells([TORCH + 'p = F.softmax(x, dim=1)\nloss = F.cross_entropy(p, y)\n'])[0].message, /\(from line 4\)/);
  });

  it('when several bindings in branches all give the softmax, the message says so and no fix edits only one of them', () => {
    const cells = [TORCH + 'def step(logits, y, t):\n    probs = F.softmax(logits, dim=1)\n    if t:\n        probs = F.softmax(logits / t, dim=1)\n    return F.cross_entropy(probs, y)\n'];
    const [d] = lintCells(cells);
    assert.equal(d.code, 'LA101');
    assert.match(d.message, /\(from line 7 and the other bindings that may reach it\)/);
    assert.deepEqual(d.fixes, []);
    assert.match(lintCells(cells, { language: 'zh' })[0].message, /来自第 7 行及其他可能到达此处的赋值/);
  });

  it("a loss wrapper's message names the wrapper, the loss in it and, in a notebook, the wrapper's cell (English and Chinese)", () => {
    const cells = [TORCH + 'def compute_loss(out, y):\n    return F.cross_entropy(out, y)\n', 'loss = compute_loss(F.softmax(z, dim=1), y)\n'];
    const [d] = lintCells(cells);
    assert.equal(d.code, 'LA101');
    assert.equal(d.cell, 1);
    assert.match(d.message, /^compute_loss \(which passes it to F\.cross_entropy on line 5 of cell 1\) applies softmax itself/);
    assert.match(lintCells(cells, { language: 'zh' })[0].message, /^compute_loss（第 1 个单元格第 5 行把它传给 F\.cross_entropy） 自带 softmax/);
    // In one cell, the line alone; the fix removes the softmax at the call only.
    const one = [TORCH + 'def compute_loss(out, y):\n    return F.cross_entropy(out, y)\nloss = compute_loss(F.softmax(z, dim=1), y)\n'];
    const [d1] = lintCells(one);
    assert.match(d1.message, /^compute_loss \(which passes it to F\.cross_entropy on line 5\)/);
    assert.deepEqual(applyEdits(one, d1.fixes[0].edits), [TORCH + 'def compute_loss(out, y):\n    return F.cross_entropy(out, y)\nloss = compute_loss(z, y)\n']);
  });

  it('LA205 on torch.log(F.softmax(x)) names the softmax, not a log_softmax', () => {
    assert.match(lintCells([FOLLOWED[FOLLOWED.length - 1].src])[0].message, /^softmax without dim/);
  });

  it('a suppression names only its codes', () => {
    const src = TORCH + 'loss = F.nll_loss(F.softmax(x), y)  # loss-atlas: ignore[LA205]\n';
    assert.deepEqual(lintCells([src]).map((d) => d.code), ['LA103']);
  });

  it('skips a notebook cell whose cell magic runs another language, as the hover does', () => {
    const misuse = 'F.cross_entropy(F.softmax(x, dim=1), y)\n';
    assert.equal(lintCells([TORCH, misuse]).length, 1, 'the misuse is flagged in a Python cell');
    assert.deepEqual(lintCells([TORCH, '%%bash\n' + misuse]), []);
    assert.equal(lintCells([TORCH, '%%time\n' + misuse]).length, 1, '%%time runs the cell as Python');
  });

  it('never throws on hostile input', () => {
    const inputs = ['('.repeat(20000), 'x = ' + '"'.repeat(9999), '\\\n'.repeat(5000), 'def f(:\n  return F.cross_entropy(F.softmax(', null as unknown as string];
    for (const s of inputs) assert.doesNotThrow(() => lintCells([s]));
    assert.deepEqual(lintCells(undefined as unknown as string[]), []);
  });
});
