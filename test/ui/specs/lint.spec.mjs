// The loss lint as a person meets it: a Python file with three loss misuses gets
// squiggles, the Problems view lists them with their codes (source Loss Atlas),
// and the preferred quick fix from the light-bulb menu (Ctrl+.) rewrites only the
// needed span. Screenshots: lint-squiggles, lint-problems, lint-quick-fix-menu,
// lint-after-fix, lint-explain-pitfalls, lint-keras-train-step, lint-keras-subclass, lint-vae-wrapper,
// lint-project-module, lint-torchvision-head.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { DEMO_WORKSPACE, sleep, startVSCode } from '../lib.mjs';

const FILE = 'lint_demo.py';
const SOURCE = `import torch
import torch.nn as nn
import torch.nn.functional as F


def train_step(model, x, y):
    logits = model(x)
    loss = F.cross_entropy(F.softmax(logits, dim=1), y)
    return loss


def aux_loss(z, target):
    criterion = nn.BCEWithLogitsLoss()
    return criterion(torch.sigmoid(z), target)


kl = nn.KLDivLoss()
`;

const shotOk = (path) => assert.ok(existsSync(path) && statSync(path).size > 5_000, `screenshot missing or tiny: ${path}`);

/** Text of the active editor's visible lines (Monaco uses non-breaking spaces). */
async function editorLines(editor) {
  const lines = await editor.locator('.view-lines .view-line').evaluateAll((els) =>
    els
      .map((e) => ({ top: parseFloat(e.style.top) || e.getBoundingClientRect().top, text: (e.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
  return lines;
}

/** Shows the Problems view and returns its text (spaces collapsed) once `done(text)` holds, or after 20 s. */
async function problemsText(vsc, done) {
  await vsc.page.keyboard.press('Control+Shift+M');
  const panel = vsc.page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: 20_000 });
  let text = '';
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    text = (await panel.innerText()).replace(/\s+/g, ' ');
    if (done(text)) break;
    await sleep(300);
  }
  return text;
}

/** Clicks the middle of the first visible occurrence of `text` in the editor. */
async function clickText(page, editor, text) {
  const box = await editor.evaluate((root, text) => {
    for (const lineEl of root.querySelectorAll('.view-lines .view-line')) {
      const walker = document.createTreeWalker(lineEl, window.NodeFilter.SHOW_TEXT);
      const nodes = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.textContent; }
      const i = all.replace(/\u00a0/g, ' ').indexOf(text);
      if (i < 0) continue;
      const [node, start] = nodes.filter(([, s]) => s <= i).pop();
      const range = document.createRange();
      range.setStart(node, i - start);
      range.setEnd(node, Math.min(node.textContent.length, i - start + 1));
      const r = range.getBoundingClientRect();
      return { x: r.left + 2, y: r.top + r.height / 2 };
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not visible in the editor`);
  await page.mouse.click(box.x, box.y);
}

/** A Keras custom loop: a module-level softmax-head model called in train_step, its loss given from_logits=True. */
const KERAS_FILE = 'keras_train_step.py';
const KERAS_SOURCE = `import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")])
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = keras.optimizers.Adam()


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
        loss_value = loss_fn(y, logits)
    grads = tape.gradient(loss_value, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    return loss_value
`;

// A keras.Model subclass whose call returns a softmax Dense, compiled with from_logits=True (modelled on
// jinh0park/Tensorflow-2.0-Project-Template's models/example_model.py): LA106 on `True`, naming the layer's line.
const SUBCLASS_FILE = 'keras_subclass.py';
const SUBCLASS_SOURCE = `import tensorflow as tf
from tensorflow.keras import layers


class ExampleModel(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.d1 = layers.Dense(128, activation='relu')
        self.d2 = layers.Dense(10, activation='softmax')

    def call(self, x):
        return self.d2(self.d1(x))


model = ExampleModel()
loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(
    from_logits=True)
model.compile(optimizer='adam', loss=loss_fn)
`;

// pytorch/examples' VAE (vae/main.py): decode ends in torch.sigmoid, forward returns it in a tuple, and
// loss_function hands it to F.binary_cross_entropy. LA109 on the unpacked name at the call, its message
// naming the wrapper, the loss inside it and the line of the sigmoid.
const VAE_FILE = 'vae_wrapper.py';
const VAE_SOURCE = `import torch
from torch import nn
from torch.nn import functional as F
class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc3 = nn.Linear(20, 400)
        self.fc4 = nn.Linear(400, 784)
    def decode(self, z):
        return torch.sigmoid(self.fc4(F.relu(self.fc3(z))))
    def forward(self, x):
        mu, logvar = self.encode(x.view(-1, 784))
        return self.decode(self.reparameterize(mu, logvar)), mu, logvar
model = VAE()
def loss_function(recon_x, x, mu, logvar):
    bce = F.binary_cross_entropy(recon_x, x.view(-1, 784), reduction='sum')
    return bce - 0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
def train(loader):
    for data, _ in loader:
        recon_batch, mu, logvar = model(data)
        loss = loss_function(recon_batch, data, mu, logvar)
`;

// clvrai/ACGAN-PyTorch (issue #8): the discriminator in network.py ends in nn.Softmax(), main.py gives its output to
// nn.NLLLoss(). The lint reads network.py (a module the file imports) from the workspace: LA103 at the call's
// argument in train_acgan.py, the message naming the module and the softmax's line there.
const ACGAN_MODULE = 'network.py';
const ACGAN_MODULE_SOURCE = `import torch.nn as nn
class _netD(nn.Module):
    def __init__(self, num_classes=10):
        super(_netD, self).__init__()
        self.fc_aux = nn.Linear(13 * 13 * 512, num_classes)
        self.softmax = nn.Softmax(dim=1)
    def forward(self, input):
        fc_aux = self.fc_aux(input.view(-1, 13 * 13 * 512))
        classes = self.softmax(fc_aux)
        return classes
`;
const ACGAN_FILE = 'train_acgan.py';
const ACGAN_SOURCE = `import torch.nn as nn
from network import _netD
netD = _netD(num_classes)
aux_criterion = nn.NLLLoss()
for i, (input, aux_label) in enumerate(dataloader):
    aux_output = netD(input)
    aux_errD_real = aux_criterion(aux_output, aux_label)
`;
const TRANSFER_FILE = 'transfer_head.py';
const TRANSFER_SOURCE = `import torch.nn as nn
from torchvision import models
model_ft = models.resnet18(weights='IMAGENET1K_V1')
num_ftrs = model_ft.fc.in_features
model_ft.fc = nn.Sequential(nn.Linear(num_ftrs, 2), nn.Softmax(dim=1))
model_ft = model_ft.to(device)
criterion = nn.CrossEntropyLoss()
for inputs, labels in dataloaders['train']:
    outputs = model_ft(inputs)
    loss = criterion(outputs, labels)
`;

describe('loss lint (UI)', function () {
  this.timeout(240_000);
  /** @type {import('../lib.mjs').Workbench} */
  let vsc;

  before(async function () {
    const folder = join(mkdtempSync(join(tmpdir(), 'loss-atlas-lint-ui-')), 'demo');
    cpSync(DEMO_WORKSPACE, folder, { recursive: true });
    writeFileSync(join(folder, FILE), SOURCE);
    writeFileSync(join(folder, KERAS_FILE), KERAS_SOURCE);
    writeFileSync(join(folder, SUBCLASS_FILE), SUBCLASS_SOURCE);
    writeFileSync(join(folder, VAE_FILE), VAE_SOURCE);
    writeFileSync(join(folder, ACGAN_MODULE), ACGAN_MODULE_SOURCE);
    writeFileSync(join(folder, ACGAN_FILE), ACGAN_SOURCE);
    writeFileSync(join(folder, TRANSFER_FILE), TRANSFER_SOURCE);
    vsc = await startVSCode({ folder, theme: 'dark', viewport: { width: 1400, height: 950 } });
  });
  after(async function () {
    await vsc?.stop();
  });

  it('three misuses get squiggles', async function () {
    const editor = await vsc.openFile(FILE);
    // Warnings are drawn as .squiggly-warning decorations once the lint has run (250 ms after opening).
    await vsc.page.waitForFunction(
      () => document.querySelectorAll('.part.editor .editor-instance .monaco-editor .squiggly-warning').length >= 3,
      undefined,
      { timeout: 60_000 },
    );
    const n = await editor.locator('.squiggly-warning').count();
    assert.ok(n >= 3, `${n} warning squiggles`);
    shotOk(await vsc.screenshot('lint-squiggles'));
  });

  it('the Problems view lists them with their codes and the source Loss Atlas', async function () {
    const text = await problemsText(vsc, (t) => /LA101/.test(t) && /LA102/.test(t) && /LA201/.test(t));
    assert.match(text, /Loss Atlas/);
    assert.match(text, /LA101/);
    assert.match(text, /LA102/);
    assert.match(text, /LA201/);
    assert.match(text, /applies softmax itself/);
    shotOk(await vsc.screenshot('lint-problems'));
  });

  it('the preferred quick fix passes the logits and edits only that span', async function () {
    const editor = vsc.activeEditor();
    await editor.click({ position: { x: 200, y: 20 } });
    await clickText(vsc.page, editor, 'F.softmax(logits');
    await sleep(400);
    await vsc.page.keyboard.press('Control+.');
    const menu = vsc.page.locator('.action-widget, .context-view .monaco-list').filter({ hasText: 'Pass the logits' }).first();
    await menu.waitFor({ state: 'visible', timeout: 20_000 });
    const menuText = (await menu.innerText()).replace(/\s+/g, ' ');
    assert.match(menuText, /Pass the logits \(remove the softmax\)/);
    assert.match(menuText, /Explain LA101/);
    assert.match(menuText, /Suppress LA101 on this line/);
    shotOk(await vsc.screenshot('lint-quick-fix-menu'));
    // The preferred fix is the focused row ("Enter to Apply"); the menu's pointer block takes mouse clicks.
    const focused = menu.locator('.monaco-list-row.focused');
    assert.match(await focused.getAttribute('aria-label'), /Pass the logits/);
    await vsc.page.keyboard.press('Enter');
    const deadline = Date.now() + 20_000;
    let lines = [];
    while (Date.now() < deadline) {
      lines = await editorLines(editor);
      if (lines.some((l) => l.includes('loss = F.cross_entropy(logits, y)'))) break;
      await sleep(300);
    }
    assert.ok(lines.some((l) => l.trimEnd() === '    loss = F.cross_entropy(logits, y)'), `fixed line not found in: ${JSON.stringify(lines)}`);
    // The other two misuses are untouched and still flagged.
    assert.ok(lines.some((l) => l.includes('return criterion(torch.sigmoid(z), target)')));
    await vsc.page.waitForFunction(
      () => document.querySelectorAll('.part.editor .editor-instance .monaco-editor .squiggly-warning').length === 2,
      undefined,
      { timeout: 20_000 },
    );
    // Problems follows: LA101 is gone, the other two stay.
    const panel = vsc.page.locator('.markers-panel');
    const until = Date.now() + 20_000;
    let text = '';
    while (Date.now() < until) {
      text = (await panel.innerText()).replace(/\s+/g, ' ');
      if (!/LA101/.test(text)) break;
      await sleep(300);
    }
    assert.doesNotMatch(text, /LA101/);
    assert.match(text, /LA102/);
    assert.match(text, /LA201/);
    shotOk(await vsc.screenshot('lint-after-fix'));
  });

  it('"Explain LA102" opens the reference of the with-logits loss at its pitfalls', async function () {
    const editor = vsc.activeEditor();
    await clickText(vsc.page, editor, 'torch.sigmoid(z)');
    await sleep(400);
    await vsc.page.keyboard.press('Control+.');
    const menu = vsc.page.locator('.action-widget, .context-view .monaco-list').filter({ hasText: 'Explain LA102' }).first();
    await menu.waitFor({ state: 'visible', timeout: 20_000 });
    // Rows: the preferred fix (focused), Explain, Suppress.
    await vsc.page.keyboard.press('ArrowDown');
    assert.match(await menu.locator('.monaco-list-row.focused').getAttribute('aria-label'), /Explain LA102/);
    await vsc.page.keyboard.press('Enter');
    const frame = await vsc.webviewFrame({ selector: '#la-ref-pitfalls.la-ref-target', timeout: 60_000 });
    await sleep(500);
    const facts = await frame.evaluate(() => {
      const el = document.querySelector('#la-ref-pitfalls');
      const r = el.getBoundingClientRect();
      return { title: document.querySelector('#la-reference h2')?.textContent ?? '', top: r.top, visible: r.top > -2 && r.top < window.innerHeight / 2 };
    });
    assert.match(facts.title, /Logits/i);
    assert.ok(facts.visible, `the pitfalls section is not in view: ${JSON.stringify(facts)}`);
    shotOk(await vsc.screenshot('lint-explain-pitfalls'));
  });

  it('a Keras softmax-head model called in train_step with a from_logits=True loss: LA101, in the Problems view', async function () {
    const editor = await vsc.openFile(KERAS_FILE);
    // In this file's editor (the demo file's, with its own squiggles, may still be on screen).
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 60_000 });
    assert.equal(await editor.locator('.squiggly-warning').count(), 1, 'one warning in the Keras file');
    const text = await problemsText(vsc, (t) => t.includes(KERAS_FILE) && /loss_fn \(from_logits=True\) applies softmax itself/.test(t));
    assert.ok(text.includes(KERAS_FILE), `the Problems view does not list ${KERAS_FILE}: ${text.slice(0, 400)}`);
    assert.match(text, /loss_fn \(from_logits=True\) applies softmax itself, and this prediction is already a softmax output \(from line 5\)/);
    shotOk(await vsc.screenshot('lint-keras-train-step'));
  });

  it('a keras.Model subclass whose call returns a softmax layer, compiled with from_logits=True: LA106 on True', async function () {
    const editor = await vsc.openFile(SUBCLASS_FILE);
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 60_000 });
    assert.equal(await editor.locator('.squiggly-warning').count(), 1, 'one warning in the subclass file');
    const text = await problemsText(vsc, (t) => t.includes(SUBCLASS_FILE) && /already applies softmax/.test(t));
    assert.ok(text.includes(SUBCLASS_FILE), `the Problems view does not list ${SUBCLASS_FILE}: ${text.slice(0, 400)}`);
    assert.match(text, /from_logits=True, but the output layer \(line 9\) already applies softmax/);
    shotOk(await vsc.screenshot('lint-keras-subclass'));
  });

  it("pytorch/examples' VAE: the sigmoid reaches F.binary_cross_entropy out of a tuple and through loss_function: LA109", async function () {
    const editor = await vsc.openFile(VAE_FILE);
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 60_000 });
    assert.equal(await editor.locator('.squiggly-warning').count(), 1, 'one warning in the VAE file');
    const text = await problemsText(vsc, (t) => t.includes(VAE_FILE) && /loss_function \(which passes it to/.test(t));
    assert.ok(text.includes(VAE_FILE), `the Problems view does not list ${VAE_FILE}: ${text.slice(0, 400)}`);
    assert.match(text, /loss_function \(which passes it to F\.binary_cross_entropy on line 16\) on a sigmoid output \(from line 10\)/);
    shotOk(await vsc.screenshot('lint-vae-wrapper'));
  });

  it("ACGAN-PyTorch: network.py's softmax reaches train_acgan.py's NLLLoss (the module read from the workspace): LA103", async function () {
    const editor = await vsc.openFile(ACGAN_FILE);
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 60_000 });
    assert.equal(await editor.locator('.squiggly-warning').count(), 1, 'one warning in train_acgan.py');
    const text = await problemsText(vsc, (t) => t.includes(ACGAN_FILE) && /from line 9 of module network/.test(t));
    assert.ok(text.includes(ACGAN_FILE), `the Problems view does not list ${ACGAN_FILE}: ${text.slice(0, 400)}`);
    assert.match(text, /aux_criterion expects log-probabilities, but this is a softmax output \(probabilities\) \(from line 9 of module network\)/);
    shotOk(await vsc.screenshot('lint-project-module'));
  });

  it("the transfer-learning shape: a resnet18's fc replaced by a softmax head, moved with .to(device), then CrossEntropyLoss: LA101", async function () {
    const editor = await vsc.openFile(TRANSFER_FILE);
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 60_000 });
    assert.equal(await editor.locator('.squiggly-warning').count(), 1, 'one warning in the transfer-learning file');
    const text = await problemsText(vsc, (t) => t.includes(TRANSFER_FILE) && /criterion applies softmax itself/.test(t));
    assert.ok(text.includes(TRANSFER_FILE), `the Problems view does not list ${TRANSFER_FILE}: ${text.slice(0, 400)}`);
    assert.match(text, /criterion applies softmax itself, and this prediction is already a softmax output \(from line 5\)/);
    shotOk(await vsc.screenshot('lint-torchvision-head'));
  });
});
