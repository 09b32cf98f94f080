// "Code for these parameters" runs and gives the value on screen (issue 14): for three entries,
// open the playground on the entry's example inputs, change one parameter with its control, and
// take the generated PyTorch code the page shows (what its Copy button copies). That code must be,
// character for character, the code scripts/fixtures/snippets.py ran in real PyTorch on the same
// inputs (test/fixtures/snippets/runs.json, key `<id>/torch/playground-changed/example`, compared
// by its hash), and the value on screen must equal the value PyTorch gave.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { ROOT } from '../../integration/harness/code-server.mjs';
import { sleep, startVSCode } from '../lib.mjs';

const RUNS = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/snippets/runs.json'), 'utf8')).runs;
const hashCode = (code) => createHash('sha256').update(code).digest('hex').slice(0, 16);

/** The entries, and the parameter the fixture script changed for each (read from its record). */
const CASES = ['huber-loss', 'margin-ranking-loss', 'smooth-l1-loss'].map((id) => {
  const record = RUNS.find((r) => r.key === `${id}/torch/playground-changed/example`);
  assert.ok(record && record.status === 'ok', `${id}: the fixture ran its changed-parameter code in PyTorch`);
  const [name, value] = Object.entries(record.params).find(([k, v]) => k !== 'reduction' && typeof v === 'number');
  return { id, record, name, value };
});

describe('playground code runs in PyTorch and gives the value on screen (UI)', function () {
  this.timeout(180_000);
  /** @type {import('../lib.mjs').Workbench} */
  let vsc;
  /** @type {import('playwright-core').Frame} */
  let frame;

  before(async function () {
    vsc = await startVSCode({ theme: 'dark', viewport: { width: 1500, height: 1000 } });
    await vsc.openFile('classification.py'); // activates Loss Atlas (onLanguage:python)
    await vsc.runCommand('View: Close All Editors');
    await vsc.runCommand('Loss Atlas: Open Playground');
    frame = await vsc.webviewFrame({ selector: '#la-value', timeout: 60_000 });
  });
  after(async function () {
    await vsc?.stop();
  });

  for (const c of CASES) {
    it(`${c.id} with ${c.name}=${c.value}: the code on screen is the code PyTorch ran, and the value is PyTorch's`, async function () {
      await frame.locator(`#la-loss-list [data-id="${c.id}"]`).click();
      await frame.waitForFunction((id) => document.querySelector('#la-loss-list [aria-selected="true"]')?.getAttribute('data-id') === id, c.id);
      await frame.locator('#la-gen-example').click(); // the entry's example inputs, as the fixture script used
      const box = frame.locator(`#la-p-${c.name} input`);
      await box.fill(String(c.value));
      await box.press('Tab');
      await frame.waitForFunction(([n, v]) => (document.getElementById('la-code')?.textContent ?? '').includes(`${n}=${v}`), [c.name, String(c.value)], { timeout: 15_000 });
      await sleep(500);
      const code = await frame.locator('#la-code').evaluate((el) => el.textContent ?? '');
      assert.equal(hashCode(code), c.record.hash, `the code on screen differs from the code PyTorch ran:\n${code}`);
      const shown = Number(await frame.locator('#la-value').getAttribute('data-value'));
      const torch = Number(c.record.value);
      assert.ok(Math.abs(shown - torch) <= 1e-6 * Math.max(1, Math.abs(torch)), `shown ${shown}, PyTorch ${torch}`);
      await vsc.screenshot(`playground-code-${c.id}`);
    });
  }
});
