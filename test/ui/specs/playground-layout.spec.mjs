// The playground at the editor width people have: a 1280 px window with the explorer open, so
// the webview gets about 900 px. The Result column's formula and the generated code must stay
// inside the page (wrapped, or scrolling inside their own box), never cut off at its right edge.
// Also: Enter in the search box opens the top match, as VS Code's Quick Open does.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'mocha';
import { sleep, startVSCode } from '../lib.mjs';

describe('playground layout at the default editor width (UI)', function () {
  this.timeout(180_000);
  /** @type {import('../lib.mjs').Workbench} */
  let vsc;
  /** @type {import('playwright-core').Frame} */
  let frame;

  before(async function () {
    vsc = await startVSCode({ theme: 'dark', viewport: { width: 1280, height: 860 } });
    await vsc.openFile('classification.py'); // the explorer stays open beside the editor
    await vsc.runCommand('Loss Atlas: Open Playground');
    frame = await vsc.webviewFrame({ selector: '#la-value', timeout: 60_000 });
  });
  after(async function () {
    await vsc?.stop();
  });

  /** Where an element's content ends relative to the page, and whether its box can scroll sideways. */
  const measure = (selector) =>
    frame.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) return undefined;
      const r = el.getBoundingClientRect();
      const style = window.getComputedStyle(el);
      return {
        right: r.right,
        pageWidth: document.documentElement.clientWidth,
        pageScrollWidth: document.documentElement.scrollWidth,
        overflowing: el.scrollWidth > el.clientWidth + 1,
        scrolls: style.overflowX === 'auto' || style.overflowX === 'scroll',
        wraps: style.whiteSpace === 'pre-wrap' || style.whiteSpace === 'break-spaces',
      };
    }, selector);

  it('Enter in the search box opens the top match', async function () {
    const search = frame.locator('.la-search');
    await search.fill('cross entropy label');
    const top = await frame.locator('#la-loss-list [role="option"]').first().getAttribute('data-id');
    assert.ok(top, 'the filtered list has a top match');
    await search.press('Enter');
    await frame.waitForFunction((id) => document.querySelector('#la-loss-list [aria-selected="true"]')?.getAttribute('data-id') === id, top, { timeout: 15_000 });
    await search.fill('');
  });

  for (const id of ['cross-entropy', 'focal-loss', 'ctc-loss']) {
    it(`keeps the formula and the generated code of ${id} inside the page`, async function () {
      await frame.locator(`#la-loss-list [data-id="${id}"]`).click();
      await frame.waitForFunction((want) => document.querySelector('#la-loss-list [aria-selected="true"]')?.getAttribute('data-id') === want, id);
      await frame.locator('#la-formula .katex').waitFor();
      await sleep(400);
      await vsc.screenshot(`playground-narrow-${id}`);
      for (const sel of ['#la-formula', '#la-code']) {
        const m = await measure(sel);
        assert.ok(m, `${sel} is on the page`);
        assert.ok(m.right <= m.pageWidth + 1, `${sel} ends at ${m.right}px, past the page's ${m.pageWidth}px`);
        if (m.overflowing) assert.ok(m.scrolls, `${sel} is wider than its box and cannot scroll`);
        if (sel === '#la-code') assert.ok(m.wraps || m.scrolls, 'the code wraps or scrolls');
      }
      const page = await measure('#la-code');
      const past = await frame.evaluate(() => {
        const w = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > w + 1 && !el.closest('.la-formula, .la-code, .la-table-wrap'))
          .slice(-3)
          .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} ends at ${Math.round(el.getBoundingClientRect().right)}px`);
      });
      await frame.locator('#la-code').scrollIntoViewIfNeeded();
      await sleep(200);
      await vsc.screenshot(`playground-narrow-${id}-result`);
      assert.ok(page.pageScrollWidth <= page.pageWidth + 1, `the page itself is ${page.pageScrollWidth}px wide in a ${page.pageWidth}px view: ${past.join('; ')}`);
    });
  }
});
