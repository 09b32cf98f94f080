// Editor features as a person uses them: the hover with its formula image
// (rendered by the real VS Code hover, in dark and light themes), the Insert
// Loss Snippet Quick Picks, and Compute Loss on Selection from the context menu
// and the Command Palette, with the value checked against the shared core.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { ROOT } from '../../integration/harness/code-server.mjs';
import { sleep, startVSCode } from '../lib.mjs';

function coreValue(id, inputs) {
  const code = `
    import { computeLoss } from ${JSON.stringify(join(ROOT, 'src/losses/index.ts'))};
    console.log(JSON.stringify(computeLoss(${JSON.stringify(id)}, ${JSON.stringify(inputs)}).value));
  `;
  const out = execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '-e', code], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
}

/** Facts about the images in the visible hover: source scheme, whether they decoded, their size. */
async function hoverImages(page) {
  return page.locator('.monaco-hover:not(.hidden) .monaco-hover-content img').evaluateAll((imgs) =>
    imgs.map((img) => ({
      scheme: img.getAttribute('src')?.split(':')[0],
      complete: img.complete,
      naturalWidth: img.naturalWidth,
      width: img.getBoundingClientRect().width,
      height: img.getBoundingClientRect().height,
    })),
  );
}

const shotOk = (path) => assert.ok(existsSync(path) && statSync(path).size > 5_000, `screenshot missing or tiny: ${path}`);

describe('editor (UI)', function () {
  this.timeout(180_000);
  /** @type {import('../lib.mjs').Workbench} */
  let vsc;

  before(async function () {
    vsc = await startVSCode({ theme: 'dark', viewport: { width: 1400, height: 950 } });
  });
  after(async function () {
    await vsc?.stop();
  });

  it('hover on CrossEntropyLoss shows the formula as a rendered SVG image (dark theme)', async function () {
    await vsc.openFile('classification.py');
    // Occurrences on screen: the import (line 5), then `torch.nn.CrossEntropyLoss(label_smoothing=0.1)` (line 11).
    const text = await vsc.hover('CrossEntropyLoss', { line: 11, nth: 1 });
    assert.match(text, /Cross-Entropy/);
    assert.match(text, /label_smoothing/);
    assert.match(text, /this call: 0\.1/);
    assert.match(text, /Open in reference/);
    assert.match(text, /Open in playground/);
    const imgs = await hoverImages(vsc.page);
    assert.ok(imgs.length >= 1, 'no <img> in the hover');
    const [img] = imgs;
    assert.equal(img.scheme, 'data');
    assert.ok(img.complete && img.naturalWidth > 50 && img.width > 50 && img.height > 10, `the formula image did not render: ${JSON.stringify(img)}`);
    shotOk(await vsc.screenshot('editor-hover-cross-entropy-dark'));
    shotOk(await vsc.screenshot('editor-hover-cross-entropy-dark-widget', { target: vsc.page.locator('.monaco-hover:not(.hidden)').first() }));
  });

  it('hover on smp.losses.FocalLoss: the sigmoid focal loss, with smp’s own defaults in its framework notes', async function () {
    await vsc.openFile('segmentation.py');
    const text = await vsc.hover('FocalLoss');
    assert.match(text, /Sigmoid Focal Loss/);
    assert.match(text, /segmentation_models_pytorch\.losses\.FocalLoss/);
    assert.match(text, /alpha=None/);
    assert.match(text, /alpha\s*=\s*None/, 'the parameter list shows smp’s default');
    assert.match(text, /reduction\s*=\s*'mean'/);
    assert.match(text, /this call: 2\.0/);
    shotOk(await vsc.screenshot('editor-hover-smp-focal-dark', { target: vsc.page.locator('.monaco-hover:not(.hidden)').first() }));
  });

  it('the same hover in the light theme uses dark ink', async function () {
    await vsc.setTheme('light');
    await vsc.openFile('classification.py');
    await vsc.hover('CrossEntropyLoss', { line: 11, nth: 1 });
    const [img] = await hoverImages(vsc.page);
    assert.ok(img && img.complete && img.naturalWidth > 50, `the formula image did not render: ${JSON.stringify(img)}`);
    const src = await vsc.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content img').first().getAttribute('src');
    const svg = Buffer.from(src.split(',')[1], 'base64').toString('utf8');
    assert.ok(svg.includes('#1f1f1f'), 'light theme should use the dark-ink SVG');
    shotOk(await vsc.screenshot('editor-hover-cross-entropy-light'));
    await vsc.page.mouse.move(2, 2);
    await vsc.setTheme('dark');
  });

  it('Insert Loss Snippet…: a searchable Quick Pick of losses, then of frameworks', async function () {
    await vsc.openFile('classification.py');
    await vsc.page.keyboard.press('Control+End');
    await vsc.page.keyboard.press('Enter');
    await vsc.runCommand('Loss Atlas: Insert Loss Snippet…');
    const input = vsc.page.locator('.quick-input-widget input.input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill('huber');
    const rows = vsc.page.locator('.quick-input-widget .monaco-list-row');
    await rows.filter({ hasText: 'Huber' }).first().waitFor();
    await sleep(300);
    shotOk(await vsc.screenshot('editor-snippet-quick-pick'));
    const first = (await rows.first().innerText()).replace(/\s+/g, ' ');
    assert.match(first, /Huber/);
    await vsc.page.keyboard.press('Enter');
    await rows.filter({ hasText: 'PyTorch' }).first().waitFor();
    await sleep(300);
    shotOk(await vsc.screenshot('editor-snippet-framework-pick'));
    await vsc.page.keyboard.press('Enter');
    await sleep(500);
    const code = await vsc.activeEditor().locator('.view-lines').innerText();
    assert.match(code.replace(/\u00a0/g, ' '), /nn\.HuberLoss\(delta=1\.0/);
    shotOk(await vsc.screenshot('editor-snippet-inserted'));
    await vsc.page.keyboard.press('Escape');
  });

  it('Compute Loss on Selection: context menu, fitting losses, the value in a notification', async function () {
    await vsc.openFile('editor_selection.py');
    await vsc.goToLine(5);
    await vsc.page.keyboard.press('Home');
    await vsc.page.keyboard.press('Shift+ArrowDown');
    await vsc.page.keyboard.press('Shift+End');
    await sleep(200);
    // Right-click inside the selection: the context menu offers the command.
    const sel = vsc.activeEditor().locator('.selected-text').first();
    await sel.waitFor();
    const box = await sel.boundingBox();
    await vsc.page.mouse.click(box.x + 20, box.y + box.height / 2, { button: 'right' });
    const item = vsc.page.locator('.context-view .monaco-menu .action-label', { hasText: 'Compute Loss on Selection' }).first();
    await item.waitFor({ timeout: 10_000 });
    shotOk(await vsc.screenshot('editor-compute-context-menu'));
    await item.click();
    const rows = vsc.page.locator('.quick-input-widget .monaco-list-row');
    await rows.filter({ hasText: 'Cross-Entropy' }).first().waitFor({ timeout: 15_000 });
    await sleep(300);
    shotOk(await vsc.screenshot('editor-compute-quick-pick'));
    const firstRow = (await rows.first().innerText()).replace(/\s+/g, ' ');
    assert.match(firstRow, /Cross-Entropy Loss ?= [\d.]+/);
    await vsc.page.keyboard.press('Enter');
    const toast = vsc.page.locator('.notification-toast .notification-list-item-message', { hasText: 'Cross-Entropy' }).first();
    await toast.waitFor({ timeout: 15_000 });
    const message = await toast.innerText();
    const expected = coreValue('cross-entropy', { input: [[2.0, 0.5, -1.0], [0.1, 1.2, 0.3]], target: [0, 1] });
    const shown = Number(/= ([-\d.e]+)/.exec(message)[1]);
    assert.ok(Math.abs(shown - expected) < 1e-5 * Math.max(1, Math.abs(expected)), `shown ${shown}, core ${expected}`);
    for (const b of ['Open in Playground', 'Copy value', 'Insert as comment']) {
      await vsc.page.locator('.notification-toast .monaco-button', { hasText: b }).first().waitFor({ timeout: 5000 });
    }
    shotOk(await vsc.screenshot('editor-compute-value'));
    await vsc.page.locator('.notification-toast .monaco-button', { hasText: 'Insert as comment' }).first().click();
    await sleep(500);
    const code = (await vsc.activeEditor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    assert.match(code, /# torch\.nn\.functional\.cross_entropy: [\d.]+ +\(input \(2, 3\), target \(2,\)\)/);
  });

  it('"Open in Playground" from the result opens the playground prefilled with the selection', async function () {
    await vsc.page.keyboard.press('Escape');
    await vsc.dismissNotifications();
    const editor = await vsc.openFile('editor_selection.py');
    // `pred = [0.9, 0.2, 0.7]` and `truth = [1.0, 0.0, 1.0]`: named, so no question about the order.
    await editor.locator('.view-line', { hasText: /^pred\s=/ }).first().click();
    await vsc.page.keyboard.press('Home');
    await vsc.page.keyboard.press('Shift+ArrowDown');
    await vsc.page.keyboard.press('Shift+End');
    await vsc.runCommand('Loss Atlas: Compute Loss on Selection');
    const rows = vsc.page.locator('.quick-input-widget .monaco-list-row');
    await rows.filter({ hasText: 'Mean Squared Error' }).first().waitFor({ timeout: 15_000 });
    assert.match((await rows.first().innerText()).replace(/\s+/g, ' '), /Mean Squared Error/);
    await vsc.page.keyboard.press('Enter');
    const open = vsc.page.locator('.notification-toast .monaco-button', { hasText: 'Open in Playground' }).first();
    await open.waitFor({ timeout: 15_000 });
    await open.click();
    const frame = await vsc.webviewFrame({ selector: '#la-value', timeout: 60_000 });
    const expected = coreValue('mse-loss', { input: [0.9, 0.2, 0.7], target: [1.0, 0.0, 1.0] });
    // The panel may draw its own first state before the prefilled inputs arrive: wait for them.
    const settled = await frame
      .waitForFunction((want) => {
        const v = document.getElementById('la-value');
        return v && v.textContent !== '…' && Math.abs(Number(v.dataset.value) - want) < 1e-12;
      }, expected, { timeout: 20_000 })
      .then(() => true, () => false);
    const shown = Number(await frame.locator('#la-value').getAttribute('data-value'));
    assert.ok(settled, `playground shows ${shown}, core ${expected}`);
    shotOk(await vsc.screenshot('editor-compute-open-playground'));
  });

  it('a bad selection says what was found and where', async function () {
    await vsc.page.keyboard.press('Escape');
    await vsc.dismissNotifications();
    // editor_selection.py is still on screen (the playground opened beside it); triple-click selects
    // the whole line `bad = [0.1, 0.2, O.3]` (a letter O for a zero).
    const line = vsc.page.locator('.part.editor .view-line', { hasText: /O\.3\]/ }).first();
    await line.click({ clickCount: 3 });
    await vsc.page.locator('.part.editor .selected-text').first().waitFor();
    await vsc.runCommand('Loss Atlas: Compute Loss on Selection');
    const toast = vsc.page.locator('.notification-toast .notification-list-item-message', { hasText: 'Loss Atlas:' }).first();
    await toast.waitFor({ timeout: 15_000 });
    // Line 14: the demo file's line 13, moved down by the comment "Insert as comment" added above.
    assert.match(await toast.innerText(), /found 2 numbers and the token 'O' at line 14, column 18/);
    await sleep(600); // let the toast finish fading in
    shotOk(await vsc.screenshot('editor-compute-error'));
  });
});

describe('editor (UI): formula image as a file URI', function () {
  this.timeout(180_000);
  /** @type {import('../lib.mjs').Workbench} */
  let vsc;
  before(async function () {
    vsc = await startVSCode({ theme: 'dark', settings: { 'lossAtlas.hover.formulaImage': 'file' }, viewport: { width: 1400, height: 950 } });
  });
  after(async function () {
    await vsc?.stop();
  });

  it('lossAtlas.hover.formulaImage = file: what the hover shows for a file: URI to the SVG written to the extension global storage', async function () {
    await vsc.openFile('regression.py');
    const text = await vsc.hover('MSELoss');
    assert.match(text, /Mean Squared Error/);
    const imgs = await hoverImages(vsc.page);
    assert.ok(imgs.length >= 1, 'no <img> in the hover');
    shotOk(await vsc.screenshot('editor-hover-file-uri'));
    // The Markdown renderer maps file: URIs of the extension host's machine to the remote resource route.
    assert.notEqual(imgs[0].scheme, 'data');
    assert.ok(imgs[0].complete && imgs[0].naturalWidth > 20, `the file: formula image did not render: ${JSON.stringify(imgs[0])}`);
  });
});

describe('editor (UI): Chinese hover', function () {
  this.timeout(180_000);
  /** @type {import('../lib.mjs').Workbench} */
  let vsc;
  before(async function () {
    vsc = await startVSCode({ theme: 'light', settings: { 'lossAtlas.language': 'zh-cn' }, viewport: { width: 1400, height: 950 } });
  });
  after(async function () {
    await vsc?.stop();
  });

  it('lossAtlas.language = zh-cn: the hover is written in Simplified Chinese, with the formula image', async function () {
    await vsc.openFile('classification.py');
    const text = await vsc.hover('CrossEntropyLoss', { line: 11, nth: 1 });
    assert.match(text, /交叉熵损失/);
    assert.match(text, /label_smoothing/);
    assert.ok((text.match(/[\u4e00-\u9fff]/g) ?? []).length > 40, `expected Chinese text in the hover, got: ${text.slice(0, 300)}`);
    const imgs = await hoverImages(vsc.page);
    assert.ok(imgs.length >= 1 && imgs[0].complete && imgs[0].naturalWidth > 50, 'the formula image did not render');
    shotOk(await vsc.screenshot('editor-hover-zh-light'));
  });
});
