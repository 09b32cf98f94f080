// The workbench loads with the demo workspace, Loss Atlas installed, and a
// Python file and the demo notebook open.
import { strict as assert } from 'node:assert';
import { existsSync, statSync } from 'node:fs';
import { after, before, describe, it } from 'mocha';
import { startVSCode } from '../lib.mjs';

describe('workbench', function () {
  /** @type {import('../lib.mjs').Workbench} */
  let vsc;
  before(async function () {
    vsc = await startVSCode();
  });
  after(async function () {
    await vsc?.stop();
  });

  it('shows the demo workspace in the explorer', async function () {
    const explorer = vsc.page.locator('.part.sidebar .explorer-folders-view');
    await explorer.waitFor();
    for (const name of ['classification.py', 'keras_losses.py', 'loss_tour.ipynb', 'optax_losses.py']) {
      await explorer.locator('.monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
    }
  });

  it('opens a Python file in an editor with Python syntax', async function () {
    const editor = await vsc.openFile('classification.py');
    const text = await editor.locator('.view-lines').innerText();
    assert.match(text, /torch\.nn\.CrossEntropyLoss/);
    const mode = vsc.page.locator('.part.statusbar [aria-label="Python"], .part.statusbar #status\\.editor\\.mode');
    assert.match(await mode.first().innerText(), /Python/);
    const shot = await vsc.screenshot('workbench-python-file');
    assert.ok(existsSync(shot) && statSync(shot).size > 10_000, `screenshot too small: ${shot}`);
  });

  it('opens the demo notebook with its code cells', async function () {
    const nb = await vsc.openFile('loss_tour.ipynb');
    const firstCell = await nb.locator('.cell .monaco-editor .view-lines').first().innerText();
    assert.match(firstCell, /CrossEntropyLoss/);
    await vsc.screenshot('workbench-notebook');
  });

  it('lists the Loss Atlas commands in the Command Palette', async function () {
    const input = await vsc.quickInput('F1');
    await input.fill('>Loss Atlas:');
    const rows = vsc.page.locator('.quick-input-widget .monaco-list-row .label-name');
    await rows.first().waitFor();
    const labels = (await rows.allInnerTexts()).map((l) => l.replace(/\s+/g, ' ').trim());
    await vsc.page.keyboard.press('Escape');
    assert.ok(labels.includes('Loss Atlas: Open Playground'), `palette shows: ${JSON.stringify(labels)}`);
  });

  it('switches between light and dark themes', async function () {
    await vsc.openFile('classification.py');
    await vsc.setTheme('dark');
    assert.equal(await vsc.theme(), 'dark');
    await vsc.screenshot('workbench-dark');
    await vsc.setTheme('light');
    assert.equal(await vsc.theme(), 'light');
  });
});
