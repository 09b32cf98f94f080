// Hovers on real-world code (issue 12), as a person meets them in code-server: the criterion of
// a training loop (an instance bound elsewhere and handed to train()), a MONAI DiceCELoss, a timm
// LabelSmoothingCrossEntropy, a Keras compile(loss='mae') string and an OpenMMLab
// type='FocalLoss' config string. The files are demo/realworld/*.py (each names the public
// repository it is modelled on). Screenshots of each hover are saved to look at.
import { strict as assert } from 'node:assert';
import { existsSync, statSync } from 'node:fs';
import { after, before, describe, it } from 'mocha';
import { startVSCode } from '../lib.mjs';

const shotOk = (path) => assert.ok(existsSync(path) && statSync(path).size > 5_000, `screenshot missing or tiny: ${path}`);

describe('hovers on real-world code (UI)', function () {
  this.timeout(180_000);
  /** @type {import('../lib.mjs').Workbench} */
  let vsc;
  const widget = () => vsc.page.locator('.monaco-hover:not(.hidden)').first();

  before(async function () {
    vsc = await startVSCode({ theme: 'dark', viewport: { width: 1400, height: 950 } });
  });
  after(async function () {
    await vsc?.stop();
  });

  it('criterion in a training loop: the loss it holds, built with label_smoothing=0.1, bound at line 30', async function () {
    await vsc.openFile('realworld/train_imagenet.py');
    // On screen: `def train(…, criterion, …)` (line 7), then `loss = criterion(output, target)` (line 12).
    const text = await vsc.hover('criterion', { nth: 1 });
    assert.match(text, /Cross-Entropy/);
    assert.match(text, /torch\.nn\.CrossEntropyLoss/);
    assert.match(text, /bound at line 30/);
    assert.match(text, /built with: 0\.1/);
    shotOk(await vsc.screenshot('hover-real-criterion', { target: widget() }));
  });

  it('no hover on a comment that names a loss', async function () {
    await vsc.openFile('realworld/train_imagenet.py');
    await assert.rejects(vsc.hover('CTC', { timeout: 4000 }), /no hover appeared/);
  });

  it('MONAI DiceCELoss', async function () {
    await vsc.openFile('realworld/monai_segmentation.py');
    // On screen: the import (line 3), then `loss_function = DiceCELoss(to_onehot_y=True, …)` (line 9).
    const text = await vsc.hover('DiceCELoss', { nth: 1 });
    assert.match(text, /monai\.losses\.DiceCELoss/);
    assert.match(text, /Dice/);
    shotOk(await vsc.screenshot('hover-real-monai-dicece', { target: widget() }));
    const loop = await vsc.hover('loss_function', { nth: 1 });
    assert.match(loop, /monai\.losses\.DiceCELoss/);
    assert.match(loop, /bound at line 9/);
  });

  it('timm LabelSmoothingCrossEntropy', async function () {
    await vsc.openFile('realworld/timm_train.py');
    // On screen: the import (line 4), then `LabelSmoothingCrossEntropy(smoothing=args.smoothing)` (line 11).
    const text = await vsc.hover('LabelSmoothingCrossEntropy', { nth: 1 });
    assert.match(text, /timm\.loss\.LabelSmoothingCrossEntropy/);
    assert.match(text, /[Ss]moothing/);
    shotOk(await vsc.screenshot('hover-real-timm-label-smoothing', { target: widget() }));
  });

  it("Keras compile(loss='mae') string", async function () {
    await vsc.openFile('realworld/keras_regression.py');
    const text = await vsc.hover('mae');
    assert.match(text, /'mae' → /);
    assert.match(text, /mean_absolute_error|MeanAbsoluteError/);
    shotOk(await vsc.screenshot('hover-real-keras-mae', { target: widget() }));
  });

  it("OpenMMLab type='FocalLoss' (use_sigmoid=True): the sigmoid focal loss", async function () {
    await vsc.openFile('realworld/mmdet_retinanet.py');
    const text = await vsc.hover('FocalLoss');
    assert.match(text, /Sigmoid Focal Loss/);
    assert.match(text, /mmdet\.models\.losses\.FocalLoss/);
    shotOk(await vsc.screenshot('hover-real-mmdet-focal', { target: widget() }));
    await assert.rejects(vsc.hover('ResNet', { timeout: 4000 }), /no hover appeared/);
  });
});
