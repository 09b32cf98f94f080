// Loss Atlas as a web extension, for real: a web-only build (the .vsix's
// package.json has `browser` and no `main`, so only a web extension host can run
// it; scripts/package-web.mjs) is installed into code-server, which runs such extensions in the browser,
// in its Web Worker extension host. As a person would: the hover on
// CrossEntropyLoss, the loss lint, Compute Loss on Selection and the playground, with screenshots.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { installExtensions, tempDir } from '../../integration/harness/code-server.mjs';
import { packageWebOnly } from '../../../scripts/package-web.mjs';
import { DEMO_WORKSPACE, prepare, sleep, startVSCode } from '../lib.mjs';

const shotOk = (path) => assert.ok(existsSync(path) && statSync(path).size > 5_000, `screenshot missing or tiny: ${path}`);

describe('web extension (UI): a web-only build in the browser’s extension host', function () {
  this.timeout(240_000);
  /** @type {import('../lib.mjs').Workbench} */
  let vsc;
  let extensionsDir;

  before(async function () {
    await prepare(); // builds dist/ (both bundles) like the other specs
    const vsix = packageWebOnly(join(tempDir('web-vsix'), 'loss-atlas-web.vsix'));
    extensionsDir = tempDir('web-extensions');
    installExtensions(extensionsDir, [vsix]);
    // The demo workspace and a file with a loss misuse for the lint (written before the workbench starts, so Quick Open finds it).
    const folder = join(tempDir('web-workspace'), 'demo');
    cpSync(DEMO_WORKSPACE, folder, { recursive: true });
    writeFileSync(join(folder, 'web_lint.py'), 'import torch.nn as nn\n\ncriterion = nn.NLLLoss()\nloss = criterion(out.softmax(dim=1), y)\n');
    vsc = await startVSCode({ theme: 'dark', folder, extensionsDir, viewport: { width: 1400, height: 950 } });
  });
  after(async function () {
    await vsc?.stop();
  });

  it('is installed without a Node entry point, and the workbench has a Web Worker extension host', async function () {
    const installed = readdirSync(extensionsDir).filter((d) => d.startsWith('loss-atlas.loss-atlas-'));
    assert.equal(installed.length, 1, `installed: ${readdirSync(extensionsDir).join(', ')}`);
    const pkg = JSON.parse(readFileSync(join(extensionsDir, installed[0], 'package.json'), 'utf8'));
    assert.equal(pkg.main, undefined);
    assert.equal(pkg.browser, './dist/web/extension.js');
    assert.ok(existsSync(join(extensionsDir, installed[0], 'dist/web/extension.js')));
    await vsc.openFile('classification.py');
    const deadline = Date.now() + 30_000;
    let urls;
    for (;;) {
      urls = vsc.page.frames().map((f) => f.url());
      if (urls.some((u) => /webWorkerExtensionHostIframe/.test(u))) break;
      if (Date.now() > deadline) assert.fail(`no web worker extension host frame; frames: ${JSON.stringify(urls)}`);
      await sleep(250);
    }
  });

  it('hover on CrossEntropyLoss shows the entry with its formula image', async function () {
    await vsc.openFile('classification.py');
    const text = await vsc.hover('CrossEntropyLoss', { line: 11, nth: 1, timeout: 60_000 });
    assert.match(text, /Cross-Entropy/);
    assert.match(text, /label_smoothing/);
    assert.match(text, /this call: 0\.1/);
    const imgs = await vsc.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content img').evaluateAll((els) =>
      els.map((img) => ({ scheme: img.getAttribute('src')?.split(':')[0], naturalWidth: img.naturalWidth })));
    assert.ok(imgs.length >= 1 && imgs[0].scheme === 'data' && imgs[0].naturalWidth > 50, `formula image: ${JSON.stringify(imgs)}`);
    shotOk(await vsc.screenshot('web-hover-cross-entropy'));
    await vsc.page.mouse.move(2, 2);
  });

  it('the loss lint runs in the web worker extension host: LA103 in the Problems view', async function () {
    // The web build has no lint thread (src/extension/platform/web.ts): the lint runs in the extension host.
    await vsc.openFile('web_lint.py');
    await vsc.page.keyboard.press('Control+Shift+M');
    const panel = vsc.page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: 20_000 });
    const deadline = Date.now() + 30_000;
    let text;
    for (;;) {
      text = (await panel.innerText()).replace(/\s+/g, ' ');
      if (/web_lint\.py/.test(text) && /LA103/.test(text)) break;
      if (Date.now() > deadline) assert.fail(`no LA103 for web_lint.py in Problems:\n${text.slice(0, 1500)}`);
      await sleep(300);
    }
    assert.match(text, /Loss Atlas/);
    shotOk(await vsc.screenshot('web-lint-problems'));
    await vsc.page.keyboard.press('Control+Shift+M');
  });

  it('Compute Loss on Selection shows the value', async function () {
    await vsc.openFile('editor_selection.py');
    await vsc.goToLine(5);
    await vsc.page.keyboard.press('Home');
    await vsc.page.keyboard.press('Shift+ArrowDown');
    await vsc.page.keyboard.press('Shift+End');
    await vsc.runCommand('Loss Atlas: Compute Loss on Selection');
    // The fitting losses, best first; Enter computes the first (cross-entropy for logits + class indices).
    await vsc.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'Cross-Entropy' }).first().waitFor({ timeout: 30_000 });
    await vsc.page.keyboard.press('Enter');
    const deadline = Date.now() + 30_000;
    let texts;
    for (;;) {
      texts = await vsc.notifications();
      if (texts.some((t) => /Cross-Entropy Loss = 0\.3974/.test(t))) break;
      if (Date.now() > deadline) assert.fail(`no value shown; notifications: ${JSON.stringify(texts)}`);
      await sleep(250);
    }
    await sleep(500);
    shotOk(await vsc.screenshot('web-compute-value'));
    await vsc.dismissNotifications();
  });

  it('Open Playground shows the webview and computes a value', async function () {
    await vsc.runCommand('Loss Atlas: Open Playground');
    const frame = await vsc.webviewFrame({ selector: '#la-value', timeout: 60_000 });
    await frame.waitForFunction(() => {
      const v = document.getElementById('la-value');
      return v && v.textContent !== '…' && Number.isFinite(Number(v.dataset.value));
    }, undefined, { timeout: 30_000 });
    await frame.locator('#la-formula .katex').waitFor();
    shotOk(await vsc.screenshot('web-playground'));
  });

  it('"Developer: Show Running Extensions" lists Loss Atlas in the web worker host', async function () {
    const { version } = JSON.parse(readFileSync(join(extensionsDir, readdirSync(extensionsDir).find((d) => d.startsWith('loss-atlas.')), 'package.json'), 'utf8'));
    // The list renders only the rows in view: it gets the whole window (the lint test above leaves the
    // Problems panel open, and the playground beside), and is scrolled to its end when the row is not in view.
    await vsc.runCommand('View: Close All Editors');
    await vsc.runCommand('View: Hide Panel');
    await vsc.runCommand('Developer: Show Running Extensions');
    const editor = vsc.page.locator('.part.editor');
    const row = new RegExp(`Loss Atlas\\s+${version.replace(/\./g, '\\.')}\\s+web worker`);
    const deadline = Date.now() + 20_000;
    let text;
    for (let tries = 0; ; tries++) {
      text = await editor.innerText();
      if (row.test(text)) break;
      if (Date.now() > deadline) assert.fail(`Loss Atlas is not listed as running in the web worker:\n${text.slice(0, 3000)}`);
      if (tries % 4 === 3) {
        await editor.locator('.monaco-list').first().click({ position: { x: 20, y: 10 } }).catch(() => {});
        await vsc.page.keyboard.press('End');
      }
      await sleep(250);
    }
    shotOk(await vsc.screenshot('web-running-extensions'));
  });
});
