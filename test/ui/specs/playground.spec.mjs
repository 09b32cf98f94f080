// The playground as a person uses it: open it from the Command Palette, type
// inputs, change parameters, switch and compare losses, see a bad value marked
// while the last good result stays, reload the window and find everything back;
// screenshots in the dark and light themes. Shown numbers are checked against
// the shared core (src/losses, run through tsx).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { ROOT } from '../../integration/harness/code-server.mjs';
import { sleep, startVSCode } from '../lib.mjs';

/** Values from the core itself: `[[id, inputs, params], ...]` -> numbers. */
function coreValues(cases) {
  const code = `
    import { computeLoss, getEntry } from ${JSON.stringify(join(ROOT, 'src/losses/index.ts'))};
    const cases = ${JSON.stringify(cases)};
    // Keras-only entries name them y_pred / y_true
    const named = (id, x) => getEntry(id).inputs.some((i) => i.name === 'y_pred') && 'input' in x ? { y_pred: x.input, y_true: x.target } : x;
    console.log(JSON.stringify(cases.map(([id, inputs, params]) => computeLoss(id, named(id, inputs), params).value)));
  `;
  const out = execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '-e', code], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
}

const close = (a, b, what) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: shown ${a}, core ${b}`);

describe('playground (UI)', function () {
  this.timeout(180_000);
  /** @type {import('../lib.mjs').Workbench} */
  let vsc;
  /** @type {import('playwright-core').Frame} */
  let frame;

  const value = async () => Number(await frame.locator('#la-value').getAttribute('data-value'));
  /** Waits until the page has drawn a result for the latest change. */
  const settled = async (prev) => {
    await frame.waitForFunction((p) => {
      const v = document.getElementById('la-value');
      return v && v.textContent !== '…' && (p === undefined || v.dataset.value !== p);
    }, prev, { timeout: 15_000 });
    await sleep(100);
  };
  /** Replaces a field's text as typing does (an `input` event per change); `keys` types it key by key. */
  const typeInto = async (name, text, { keys = false } = {}) => {
    const ta = frame.locator(`[data-input="${name}"] textarea`);
    await ta.click();
    if (!keys) {
      await ta.fill(text);
      return;
    }
    await ta.fill('');
    await ta.pressSequentially(text, { delay: 20 });
    await frame.waitForFunction(([n, t]) => document.querySelector(`[data-input="${n}"]`)?.value === t, [name, text]);
  };
  const openPlayground = async () => {
    await vsc.runCommand('Loss Atlas: Open Playground');
    frame = await vsc.webviewFrame({ selector: '#la-value', timeout: 60_000 });
    await settled();
  };

  before(async function () {
    vsc = await startVSCode({ theme: 'dark', viewport: { width: 1500, height: 1000 } });
    await vsc.openFile('classification.py');
    if ((await vsc.theme()) !== 'dark') await vsc.setTheme('dark');
    await vsc.runCommand('View: Close All Editors');
  });
  after(async function () {
    await vsc?.stop();
  });

  it('opens from the Command Palette with a value, formula, code and both charts', async function () {
    await openPlayground();
    assert.ok(Number.isFinite(await value()));
    await frame.locator('#la-formula .katex').waitFor();
    assert.match(await frame.locator('#la-code').innerText(), /nn\.MSELoss|mse_loss/);
    assert.equal(await frame.locator('#la-curve canvas').count(), 1);
    assert.equal(await frame.locator('#la-bars canvas').count(), 1);
    const csp = await frame.evaluate(() => document.getElementById('app')?.dataset.cspLog ?? '');
    assert.equal(csp, '', 'the page reported CSP violations');
    await vsc.screenshot('playground-dark');
  });

  it('recomputes as inputs are typed and matches the core', async function () {
    await frame.locator('#la-loss-list [data-id="mse-loss"]').click();
    await settled();
    await typeInto('input', '[1, 2, 3, 4]', { keys: true });
    await typeInto('target', '[1, 0, 3, 10]');
    await frame.waitForFunction(() => document.getElementById('la-value')?.dataset.value === '10', undefined, { timeout: 20_000 });
    const [core] = coreValues([['mse-loss', { input: [1, 2, 3, 4], target: [1, 0, 3, 10] }, {}]]);
    close(await value(), core, 'mse');
    // the table shows each element's contribution and the gradient
    const rows = await frame.locator('#la-elements tbody tr').allInnerTexts();
    assert.equal(rows.length, 4);
    assert.match(rows[3].replace(/\s+/g, ' '), /\[3\] 4 10 36 9 -3/);
  });

  it('changes a parameter with its control (reduction: sum) and updates the code', async function () {
    const sel = frame.locator('#la-p-reduction');
    await sel.click();
    await sel.locator('li[role="option"]', { hasText: /^\s*sum\s*$/ }).click();
    await frame.waitForFunction(() => document.getElementById('la-value')?.dataset.value === '40', undefined, { timeout: 20_000 });
    assert.match(await frame.locator('#la-code').innerText(), /reduction='sum'/);
  });

  it('marks a bad value with the reason and keeps the last good result', async function () {
    await typeInto('input', '[1, 2, oops, 4]');
    const msg = frame.locator('#la-in-input-msg');
    await frame.waitForFunction(() => (document.getElementById('la-in-input-msg')?.textContent ?? '').length > 0);
    assert.match(await msg.innerText(), /^input: .*'oops'/);
    assert.equal(await value(), 40, 'the last good value stays');
    assert.equal(await frame.locator('#la-in-input').getAttribute('aria-invalid'), 'true');
    assert.match(await frame.locator('[data-input="input"] textarea').inputValue(), /oops/, 'the typed text is kept');
    await vsc.screenshot('playground-bad-value-dark');
    // a shape the core rejects is reported on the field the core names
    await typeInto('input', '[1, 2, 3]');
    await frame.waitForFunction(() => /target|input/.test(document.getElementById('la-in-target-msg')?.textContent ?? '') || /target|input/.test(document.getElementById('la-in-input-msg')?.textContent ?? ''));
    assert.equal(await value(), 40);
    await typeInto('input', '[1, 2, 3, 4]');
    await frame.waitForFunction(() => (document.getElementById('la-in-input-msg')?.textContent ?? '') === '' && document.getElementById('la-value')?.dataset.value === '40');
  });

  it('switches to Huber from the searchable list, sets delta in its box, matches the core; valid values (1.5, the default eps=1e-8) are not shown as errors', async function () {
    const search = frame.locator('.la-search');
    await search.fill('huber');
    await frame.locator('#la-loss-list [data-id="huber-loss"]').click();
    await settled();
    await typeInto('input', '[0.5, -2, 3]');
    await typeInto('target', '[0, 0, 0]');
    const delta = frame.locator('#la-p-delta input');
    await delta.fill('1.5');
    await frame.waitForFunction(() => /delta=1\.5/.test(document.getElementById('la-code')?.textContent ?? ''));
    await sleep(300);
    const [core] = coreValues([['huber-loss', { input: [0.5, -2, 3], target: [0, 0, 0] }, { delta: 1.5 }]]);
    close(await value(), core, 'huber delta=1.5');
    // A valid value is not shown in the error colours: a number box's step once made the browser mark
    // 1.5 invalid (off the grid of its range/200 step), and defaults such as eps=1e-8 too.
    assert.equal(await frame.locator('#la-p-delta').evaluate((el) => el.matches(':invalid')), false, 'delta=1.5 is marked invalid');
    await search.fill('poisson');
    await frame.locator('#la-loss-list [data-id="poisson-nll-loss"]').click();
    await settled();
    assert.equal(await frame.locator('#la-p-eps input').inputValue(), '1e-8');
    assert.equal(await frame.locator('#la-p-eps').evaluate((el) => el.matches(':invalid')), false, 'the default eps=1e-8 is marked invalid');
    // What is not a number is still refused, with the reason.
    await frame.locator('#la-p-eps input').fill('abc');
    await frame.waitForFunction(() => /eps: expected a number, found 'abc'/.test(document.body.innerText));
    assert.equal(await frame.locator('#la-p-eps').getAttribute('aria-invalid'), 'true');
    await frame.locator('#la-p-eps input').fill('1e-8');
    await search.fill('huber');
    await frame.locator('#la-loss-list [data-id="huber-loss"]').click();
    await settled();
    await search.fill('');
  });

  it('compares MSE, L1, Huber and log-cosh on the same residuals (preset) with values from the core', async function () {
    await frame.locator('#la-preset-robust').click();
    await frame.locator('#la-compare-values tbody tr').nth(1).waitFor({ timeout: 15_000 });
    const input = JSON.parse(await frame.locator('[data-input="input"] textarea').inputValue());
    const target = JSON.parse(await frame.locator('[data-input="target"] textarea').inputValue());
    const rows = await frame.locator('#la-compare-values tbody tr').evaluateAll((trs) => trs.map((tr) => {
      const td = tr.querySelectorAll('td');
      return [td[0].textContent, td[1].dataset.value];
    }));
    const ids = rows.map((r) => r[0]);
    assert.equal(ids[0], 'mse-loss');
    for (const id of ['l1-loss', 'huber-loss']) assert.ok(ids.includes(id), `compare rows: ${ids}`);
    const expected = coreValues(ids.map((id) => [id, { input, target }, {}]));
    rows.forEach((r, k) => close(Number(r[1]), expected[k], r[0]));
    // one curve per loss in the plot legend
    const legend = await frame.locator('#la-curve .u-legend .u-series th').allInnerTexts();
    for (const id of ids) assert.ok(legend.some((l) => l.includes(id)), `legend: ${legend}`);
    await vsc.screenshot('playground-compare-robust-dark');
  });

  it('compares BCE with focal loss for several gamma (preset sweep)', async function () {
    const btn = frame.locator('#la-preset-focal');
    if (await btn.getAttribute('disabled') !== null) this.skip();
    await btn.click();
    await settled();
    const legend = await frame.locator('#la-curve .u-legend .u-series th').allInnerTexts();
    assert.ok(legend.filter((l) => /gamma=/.test(l)).length >= 8 || legend.filter((l) => /gamma=/.test(l)).length >= 4, `legend: ${legend}`);
    await vsc.screenshot('playground-compare-focal-dark');
  });

  it('generates logits with class indices for cross-entropy and matches the core', async function () {
    await frame.locator('#la-loss-list [data-id="cross-entropy"]').click();
    await settled();
    await frame.locator('#la-gen-n input').fill('6');
    await frame.locator('#la-gen-n input').press('Enter');
    const before = await frame.locator('#la-value').getAttribute('data-value');
    await frame.locator('vscode-button[data-generator="logits-index"]').click();
    await settled(before);
    const input = JSON.parse(await frame.locator('[data-input="input"] textarea').inputValue());
    const target = JSON.parse(await frame.locator('[data-input="target"] textarea').inputValue());
    assert.equal(input.length, 6);
    assert.ok(target.every((t) => Number.isInteger(t) && t >= 0 && t < input[0].length));
    const [core] = coreValues([['cross-entropy', { input, target }, {}]]);
    close(await value(), core, 'cross-entropy');
    // per-sample losses and the (N, C) gradient are shown; the plot varies one logit
    assert.equal(await frame.locator('#la-per-sample tbody tr').count(), 6);
    assert.match(await frame.locator('#la-plot-info').innerText(), /input\[\d+\]\[\d+\]/);
    await vsc.screenshot('playground-cross-entropy-dark');
  });

  it('fills every input from one paste of several named arrays', async function () {
    await frame.locator('#la-loss-list [data-id="mse-loss"]').click();
    await settled();
    const before = await frame.locator('#la-value').getAttribute('data-value');
    await frame.evaluate(() => {
      const dt = new window.DataTransfer();
      dt.setData('text/plain', 'target = [0.0, 0.0, 0.0]\npred = [1.0, 2.0, 2.0]');
      document.querySelector('[data-input="input"]').dispatchEvent(new window.ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true }));
    });
    await settled(before);
    assert.equal(await value(), 3);
    assert.match(await frame.locator('[data-input="target"] textarea').inputValue(), /^\[0, 0, 0\]$/);
  });

  it('shows the Reference and the "Which loss?" guide', async function () {
    await frame.locator('#la-loss-list [data-id="huber-loss"]').click();
    await frame.locator('vscode-tab-header[data-view="reference"]').click();
    await frame.locator('#la-reference').waitFor();
    const text = await frame.locator('#la-reference').innerText();
    assert.match(text, /When to use/);
    assert.match(text, /Robust Estimation of a Location Parameter/);
    await vsc.screenshot('playground-reference-dark');
    // a symbol whose defaults differ from its entry's says so
    await frame.locator('#la-loss-list [data-id="sigmoid-focal-loss"]').click();
    await frame.waitForFunction(() => document.querySelector('#la-reference')?.innerText.includes('segmentation_models_pytorch'));
    assert.match(await frame.locator('#la-reference').innerText(), /segmentation_models_pytorch\.losses\.FocalLoss — smp, class; its own defaults: alpha=None, reduction='mean'/);
    await frame.locator('vscode-tab-header[data-view="guide"]').click();
    await frame.locator('#la-guide-outliers').click();
    await frame.waitForFunction(() => document.querySelector('#la-guide-results .la-suggestion')?.getAttribute('data-id') !== 'mse-loss');
    const first = await frame.locator('#la-guide-results .la-suggestion').first().getAttribute('data-id');
    assert.ok(['huber-loss', 'smooth-l1-loss', 'l1-loss', 'log-cosh', 'pseudo-huber-loss'].includes(first), first);
    await vsc.screenshot('playground-guide-dark');
    await frame.locator('vscode-tab-header[data-view="playground"]').click();
    await frame.locator('#la-value').waitFor();
  });

  it('recomputes and replots 10,000 elements within a frame (measured in the page)', async function () {
    await frame.locator('#la-loss-list [data-id="mse-loss"]').click();
    await settled();
    const times = await frame.evaluate(async () => {
      const n = 10_000;
      const set = (name, v) => {
        const el = document.querySelector(`[data-input="${name}"]`);
        el.value = v;
        el.dispatchEvent(new window.Event('input', { bubbles: true }));
      };
      const root = document.getElementById('app');
      set('target', Array.from({ length: n }, (_, i) => Math.cos(i).toFixed(4)).join(', '));
      await new Promise((r) => setTimeout(r, 500));
      const out = [];
      const phases = [];
      for (let r = 0; r < 15; r++) {
        const before = root.dataset.updateMs + '/' + r;
        root.dataset.updateMs = before;
        set('input', Array.from({ length: n }, (_, i) => (Math.sin(i + r) * 2).toFixed(4)).join(', '));
        for (let k = 0; k < 500 && root.dataset.updateMs === before; k++) await new Promise((res) => setTimeout(res, 2));
        out.push(Number(root.dataset.updateMs));
        phases.push(root.dataset.phases);
        await new Promise((res) => setTimeout(res, 50));
      }
      return { out, phases };
    }).then((r) => {
      console.log(`      phases of the last runs: ${r.phases.slice(-3).join(' | ')}`);
      return r.out;
    });
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`      10k elements, input -> recomputed + replotted: median ${median.toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`);
    assert.ok(times.every((t) => Number.isFinite(t)), JSON.stringify(times));
    // 16 ms is the goal (bench/playground.ts measures it); this guards against a regression by an order of magnitude on a loaded machine
    assert.ok(median < 200, `median ${median} ms`);
    const rows = await frame.locator('#la-elements tbody tr').count();
    assert.equal(rows, 50, 'the table pages 10,000 rows');
    assert.equal(await frame.evaluate(() => document.getElementById('app')?.dataset.computeMode), 'worker', 'the compute worker did not start under the CSP');
    // after the tabs, presets, generators, paste and the worker: the strict CSP blocked nothing
    assert.equal(await frame.evaluate(() => document.getElementById('app')?.dataset.cspLog ?? ''), '', 'the page reported CSP violations');
    await frame.locator('#la-bars').scrollIntoViewIfNeeded();
    await vsc.screenshot('playground-10k-dark');
    // back to something small for the next tests
    await typeInto('input', '[1, 2]');
    await typeInto('target', '[0, 0]');
    await frame.waitForFunction(() => document.getElementById('la-value')?.dataset.value === '2.5', undefined, { timeout: 20_000 });
  });

  it('keeps text typed just before it is hidden (another tab at once with Ctrl+PageDown)', async function () {
    // A hidden playground is destroyed and rebuilt from its saved state; the save used to wait 150 ms.
    const playgroundTab = vsc.page.locator('.tabs-container .tab').filter({ hasText: 'Loss Atlas Playground' }).first();
    await vsc.openFile('classification.py'); // in the playground's group: it hides the playground
    await playgroundTab.click();
    frame = await vsc.webviewFrame({ selector: '#la-value', timeout: 60_000 });
    await settled();
    for (const text of ['[3, 4]', '[5, 6]']) {
      await frame.evaluate(() => { window.__beforeHide = true; });
      const ta = frame.locator('[data-input="input"] textarea');
      await ta.click();
      await ta.fill(text);
      await ta.press('Control+PageDown');
      await vsc.page.locator('.tabs-container .tab.active').filter({ hasText: 'classification.py' }).waitFor();
      await sleep(500);
      await playgroundTab.click();
      frame = await vsc.webviewFrame({ selector: '#la-value', timeout: 60_000 });
      await settled();
      assert.equal(await frame.evaluate(() => window.__beforeHide), undefined, 'the playground was not hidden (its page was not rebuilt)');
      assert.equal(await frame.locator('[data-input="input"] textarea').inputValue(), text, 'the text typed before the tab switch was lost');
    }
    // back to what the next tests expect
    await typeInto('input', '[1, 2]');
    await frame.waitForFunction(() => document.getElementById('la-value')?.dataset.value === '2.5', undefined, { timeout: 20_000 });
  });

  it('restores its state after the window reloads', async function () {
    await sleep(800); // a save can wait 150 ms (large inputs; see App.save)
    await vsc.reloadWindow();
    frame = await vsc.webviewFrame({ selector: '#la-value', timeout: 60_000 });
    await settled();
    assert.equal(await frame.locator('#la-loss-list [aria-selected="true"]').getAttribute('data-id'), 'mse-loss');
    assert.equal(await frame.locator('[data-input="input"] textarea').inputValue(), '[1, 2]');
    assert.equal(await value(), 2.5);
  });

  it('is usable from the keyboard: search, arrow keys and Enter pick a loss', async function () {
    const search = frame.locator('.la-search');
    await search.fill('smooth l1');
    await search.press('ArrowDown');
    await frame.locator('#la-loss-list').press('Enter');
    await frame.waitForFunction(() => document.querySelector('#la-loss-list [aria-selected="true"]')?.getAttribute('data-id') === 'smooth-l1-loss');
    await settled();
    assert.match(await frame.locator('#la-entry-title').innerText(), /Smooth L1/);
    // every input field and parameter control has an accessible name
    const unnamed = await frame.evaluate(() =>
      [...document.querySelectorAll('vscode-textarea, vscode-textfield, vscode-single-select, input')]
        .filter((el) => !(el.getAttribute('aria-label') || el.getAttribute('label') || el.id && document.querySelector(`label[for="${el.id}"]`)))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unnamed, []);
    await search.fill('');
    await frame.locator('#la-loss-list [data-id="mse-loss"]').click();
    await settled();
  });

  it('switches the display language to Chinese', async function () {
    const sel = frame.locator('#la-lang');
    await sel.click();
    await sel.locator('li[role="option"]', { hasText: '简体中文' }).click();
    await frame.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    assert.match(await frame.locator('vscode-tab-header[data-view="guide"]').innerText(), /选哪个损失/);
    assert.match(await frame.locator('#la-entry-title').innerText(), /均方误差/);
    // the shapes and the timing line in the reader's language, not the catalog's English
    const hints = await frame.locator('.la-hint').allInnerTexts();
    assert.ok(hints.some((x) => x.includes('任意形状')) && hints.some((x) => x.includes('与 input 形状相同')), `shapes: ${hints.join(' | ')}`);
    assert.ok(!hints.some((x) => /any shape|same shape as/.test(x)), `English left in the shapes: ${hints.join(' | ')}`);
    await frame.locator('[data-input="input"] textarea').fill('[1, 3]');
    await frame.waitForFunction(() => /计算 .* ms, (页面内|后台线程)/.test(document.getElementById('la-status')?.textContent ?? ''), undefined, { timeout: 15_000 });
    await frame.locator('[data-input="input"] textarea').fill('[1, 2]');
    await frame.waitForFunction(() => document.getElementById('la-value')?.dataset.value === '2.5', undefined, { timeout: 15_000 });
    await vsc.screenshot('playground-zh-dark');
    await sel.click();
    await sel.locator('li[role="option"]', { hasText: 'English' }).click();
    await frame.waitForFunction(() => document.documentElement.lang === 'en');
  });

  it('follows the light theme', async function () {
    await vsc.setTheme('light');
    frame = await vsc.webviewFrame({ selector: '#la-value', timeout: 60_000 });
    await sleep(500);
    const bg = await frame.evaluate(() => window.getComputedStyle(document.body).backgroundColor);
    assert.match(bg, /rgb\((2[0-5]\d), (2[0-5]\d), (2[0-5]\d)\)/, `light background expected, got ${bg}`);
    await frame.locator('#la-preset-robust').click();
    await sleep(800);
    await vsc.screenshot('playground-light');
    // after every tab, chart, generator and the worker: the strict CSP blocked nothing
    const violations = await frame.evaluate(() => document.getElementById('app')?.dataset.cspLog ?? '');
    assert.equal(violations, '', 'the page reported CSP violations');
  });
});

describe('playground (UI, high contrast)', function () {
  this.timeout(180_000);
  /** @type {import('../lib.mjs').Workbench} */
  let vsc;
  before(async function () {
    vsc = await startVSCode({ settings: { 'workbench.colorTheme': 'Default High Contrast' }, viewport: { width: 1500, height: 1000 } });
  });
  after(async function () {
    await vsc?.stop();
  });

  it('follows the high-contrast theme', async function () {
    // the extension host registers contributions once a file is open
    await vsc.openFile('classification.py');
    await sleep(1000);
    await vsc.runCommand('Loss Atlas: Open Playground', { timeout: 30_000 });
    const frame = await vsc.webviewFrame({ selector: '#la-value', timeout: 60_000 });
    await frame.waitForFunction(() => document.getElementById('la-value')?.textContent !== '…');
    assert.equal(await vsc.theme(), 'high-contrast');
    assert.ok(await frame.evaluate(() => document.body.classList.contains('vscode-high-contrast')));
    const bg = await frame.evaluate(() => window.getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(0, 0, 0)');
    await sleep(500);
    await vsc.screenshot('playground-high-contrast');
  });
});
