// The UI tests' library: drives the VS Code workbench (code-server in headless
// Debian Chromium, with Loss Atlas installed from its .vsix) as a person would.
// It reuses the integration harness (../integration/harness/code-server.mjs).
//
//   import { after, before, describe, it } from 'mocha';
//   import { startVSCode } from '../lib.mjs';
//   let vsc;
//   before(async () => { vsc = await startVSCode(); });
//   after(async () => { await vsc?.stop(); });
//   it('hovers', async () => {
//     await vsc.openFile('classification.py');
//     const text = await vsc.hover('CrossEntropyLoss');      // waits for .monaco-hover-content
//     await vsc.screenshot('hover-cross-entropy');            // test-output/screenshots/…png
//     await vsc.runCommand('Loss Atlas: Open Playground');   // F1, by exact title
//     const frame = await vsc.webviewFrame({ text: 'Cross' }); // the webview's inner frame
//     const body = await vsc.webviewText(frame);
//     await vsc.setTheme('dark');
//   });
//
// Every `startVSCode()` gets its own code-server, user-data-dir and copy of the
// demo workspace (so specs can edit files), and a fresh browser context.
import { cpSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  DEMO_WORKSPACE, OUTPUT_DIR, TEST_SETTINGS, buildAndPackageExtension, debug, ensureCodeServer, installExtensions,
  launchBrowser, log, openWorkbench, shutdown, sleep, startCodeServer, tempDir,
} from '../integration/harness/code-server.mjs';

export { DEMO_WORKSPACE, OUTPUT_DIR, shutdown, sleep };
export const SCREENSHOT_DIR = join(OUTPUT_DIR, 'screenshots');

const THEMES = { light: 'Light Modern', dark: 'Dark Modern' };
const THEME_CLASS = { light: 'vs', dark: 'vs-dark' };

let prepared;
/**
 * Installs code-server (if needed), builds and packages Loss Atlas and installs
 * it into a fresh extensions dir. Runs once per process; returns that dir.
 */
export function prepare() {
  prepared ??= (async () => {
    const t0 = Date.now();
    ensureCodeServer();
    const vsix = buildAndPackageExtension();
    const extensionsDir = tempDir('ui-extensions');
    installExtensions(extensionsDir, [vsix]);
    log(`UI: extension built, packaged and installed in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    return extensionsDir;
  })();
  return prepared;
}

let browserPromise;
function sharedBrowser() {
  browserPromise ??= launchBrowser();
  return browserPromise;
}

/**
 * Starts code-server with Loss Atlas installed and opens the workbench.
 * @param {object} [options]
 * @param {string} [options.folder] workspace folder (default: a fresh copy of demo/)
 * @param {'light'|'dark'} [options.theme] colour theme set in the user settings before start
 * @param {object} [options.settings] extra user settings
 * @param {{width:number,height:number}} [options.viewport]
 * @param {string} [options.extensionsDir] extensions to run (default: Loss Atlas from `prepare()`)
 * @returns {Promise<Workbench>}
 */
export async function startVSCode({ folder, theme, settings = {}, viewport, extensionsDir } = {}) {
  extensionsDir ??= await prepare();
  if (!folder) {
    folder = join(tempDir('ui-workspace'), 'demo');
    cpSync(DEMO_WORKSPACE, folder, { recursive: true });
  }
  const allSettings = { ...TEST_SETTINGS, ...settings };
  if (theme) allSettings['workbench.colorTheme'] = THEMES[theme];
  const server = await startCodeServer({ folder, extensionsDir, settings: allSettings });
  const browser = await sharedBrowser();
  const page = await openWorkbench(browser, server, { viewport });
  const wb = new Workbench(server, page, folder);
  await wb.ready();
  return wb;
}

/** Keeps a name safe as a file name. */
function fileSafe(name) {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
}

/** How long one mouse rest waits for a hover before the mouse leaves and comes back. */
const HOVER_RETRY_MS = 6000;

/**
 * The screen centre of the `nth` (0-based, top to bottom) whole-word occurrence of `word` on the
 * visible lines of the editors under `root`, or null.
 */
function wordBox(root, word, nth) {
  return root.evaluate((rootEl, { word, nth }) => {
    const isWordChar = (c) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
    const found = [];
    for (const lineEl of rootEl.querySelectorAll('.view-lines .view-line')) {
      const walker = document.createTreeWalker(lineEl, window.NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, text.length]); text += n.textContent; }
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
        if (isWordChar(text[i - 1]) || isWordChar(text[i + word.length])) continue;
        const [node, start] = nodes.filter(([, s]) => s <= i).pop();
        if (i + word.length > start + node.textContent.length) continue; // spans two tokens: skip
        const range = document.createRange();
        range.setStart(node, i - start);
        range.setEnd(node, i - start + word.length);
        const r = range.getBoundingClientRect();
        if (r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight) found.push({ x: r.left + r.width / 2, y: r.top + r.height / 2, top: r.top });
      }
    }
    found.sort((a, b) => a.top - b.top);
    return found[nth] ?? null;
  }, { word, nth });
}

export class Workbench {
  constructor(server, page, folder) {
    /** @type {import('playwright-core').Page} */
    this.page = page;
    this.server = server;
    this.folder = folder;
    /** The last console errors and warnings of webview frames, for failure reports. */
    this.webviewConsole = [];
    page.on('console', (m) => {
      if (m.type() !== 'error' && m.type() !== 'warning') return;
      const url = m.location()?.url ?? '';
      if (!/webview|vscode-resource|vscode-cdn/.test(url)) return;
      this.webviewConsole.push(`${m.type()}: ${m.text().slice(0, 300)} (${url.split('/').pop()?.slice(0, 60)})`);
      if (this.webviewConsole.length > 30) this.webviewConsole.shift();
    });
  }

  /** Waits until the workbench shows its explorer with the workspace. */
  async ready(timeout = 60_000) {
    await this.page.waitForSelector('.monaco-workbench .part.sidebar, .monaco-workbench .part.editor', { timeout });
    await this.page.waitForSelector('.monaco-workbench .part.statusbar', { timeout });
    await this.dismissNotifications();
  }

  /**
   * Developer: Reload Window, as a person would (the workbench saves its state, then reloads; the
   * command's own promise dies with the page), then waits for the new workbench.
   */
  async reloadWindow() {
    // A mark on the old page: its absence says the reload has happened (waiting for a load state
    // alone could pass on the old page before the reload starts).
    await this.page.evaluate(() => { window.__lossAtlasBeforeReload = true; });
    await this.runCommand('Developer: Reload Window').catch(() => {});
    await this.page.waitForFunction(() => !window.__lossAtlasBeforeReload, undefined, { timeout: 60_000 });
    await this.page.waitForLoadState('domcontentloaded');
    await sleep(2000);
    await this.ready();
  }

  /** Closes every notification toast. */
  async dismissNotifications() {
    const toasts = this.page.locator('.notification-toast-container .codicon-notifications-clear, .notification-toast .codicon-close');
    for (let i = await toasts.count(); i > 0; i--) await toasts.first().click({ timeout: 2000 }).catch(() => {});
  }

  /** Text of the notification toasts on screen. */
  async notifications() {
    return this.page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
  }

  /** Opens a file of the workspace by its relative path through Quick Open (Ctrl+P); returns the editor locator. */
  async openFile(relPath, { timeout = 30_000 } = {}) {
    const name = basename(relPath);
    // The active tab of the active editor group (the file may be open in several groups).
    const tab = this.page.locator(`.editor-group-container.active .tabs-container .tab.active[data-resource-name="${name}"]`).first();
    // Opened again (up to three times) if the file's tab does not show.
    for (let attempt = 1; ; attempt++) {
      const input = await this.quickInput('Control+P');
      await input.fill(relPath);
      await this.acceptQuickInputRow(input, (r) => r.text.includes(name), { timeout, what: `a Quick Open row for ${relPath}` });
      try {
        await tab.waitFor({ timeout: attempt < 3 ? timeout / 3 : timeout });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        await this.page.keyboard.press('Escape');
      }
    }
    if (name.endsWith('.ipynb')) {
      // Notebook editors render in an overlay outside .part.editor.
      const nb = this.page.locator('.notebookOverlay.notebook-editor').filter({ visible: true }).first();
      await nb.locator('.cell .monaco-editor .view-lines').first().waitFor({ timeout });
      return nb;
    }
    const editor = this.activeEditor();
    await editor.locator('.view-lines .view-line').first().waitFor({ timeout });
    return editor;
  }

  /** The text editor of the active editor group (a locator). */
  activeEditor() {
    return this.page.locator('.part.editor .editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** Opens a quick input with `key` (F1, Control+P…) and returns its input box. */
  async quickInput(key) {
    await this.page.locator('.part.editor, .part.sidebar').first().waitFor();
    const widget = this.page.locator('.quick-input-widget');
    const input = widget.locator('input.input').first();
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.page.keyboard.press(key);
      try {
        await input.waitFor({ state: 'visible', timeout: 5000 });
        return input;
      } catch { await this.page.keyboard.press('Escape'); }
    }
    throw new Error(`quick input did not open with ${key}`);
  }

  /**
   * Runs a command from the Command Palette (F1) by its full title, e.g.
   * "Loss Atlas: Open Playground". Fails when no entry has exactly that title.
   */
  async runCommand(title, { timeout = 15_000 } = {}) {
    const input = await this.quickInput('F1');
    await input.fill(`>${title}`);
    await this.acceptQuickInputRow(input, (r) => r.label === title, { timeout, what: `a command titled "${title}" in the Command Palette` });
    // The palette closes, or (for commands that ask something) shows the command's own quick input.
    await this.page.waitForFunction((typed) => {
      const widget = document.querySelector('.quick-input-widget');
      const input = widget?.querySelector('input.input');
      return !widget || widget.style.display === 'none' || widget.offsetParent === null || input?.value !== typed;
    }, `>${title}`, { timeout: 5000 }).catch(() => {});
  }

  /**
   * Accepts the Quick Input row for which `matches({ label, text })` holds, by keyboard: the arrow keys
   * move the list's focus to it, then Enter in the input. Never a click: the list re-renders as it
   * filters and closes, and under load a click meant for a row landed on what lay under the widget
   * (the playground's Reference tab header: the playground then came back on its Reference tab after
   * a hide and show, a UI flake traced on 7 December with a click listener in the page). Throws, after
   * Escape, if no such row shows within `timeout`.
   */
  async acceptQuickInputRow(input, matches, { timeout = 15_000, what = 'the row' } = {}) {
    const rows = this.page.locator('.quick-input-widget .monaco-list-row');
    const deadline = Date.now() + timeout;
    let seen;
    for (;;) {
      // Rows are positioned by their data-index, not by their order in the DOM.
      seen = (await rows.evaluateAll((els) => els.map((e) => ({
        index: Number(e.getAttribute('data-index')),
        label: (e.querySelector('.label-name')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        text: (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
        focused: e.classList.contains('focused'),
      })))).sort((a, b) => a.index - b.index);
      const target = seen.find((r) => matches(r));
      if (target) {
        const focused = seen.find((r) => r.focused);
        if (focused?.index === target.index) {
          await input.press('Enter');
          return;
        }
        const key = !focused || focused.index < target.index ? 'ArrowDown' : 'ArrowUp';
        const steps = focused ? Math.abs(target.index - focused.index) : 1;
        for (let k = 0; k < steps; k++) await input.press(key);
        continue;
      }
      if (Date.now() > deadline) {
        await this.page.keyboard.press('Escape');
        throw new Error(`no ${what}; shown: ${JSON.stringify(seen.map((r) => r.label || r.text))}`);
      }
      await sleep(200);
    }
  }

  /**
   * Moves the mouse over a word in the active editor (or notebook cell) and
   * waits for the hover widget; returns its text. `nth` picks among several
   * visible occurrences (0-based). `line` (1-based) first moves the cursor
   * there so that the line is on screen.
   */
  async hover(word, { nth = 0, line, timeout = 20_000, scope } = {}) {
    if (line) await this.goToLine(line);
    // Text editors live in .part.editor, notebook cells in an overlay: search the workbench.
    const root = scope ?? this.page.locator('.monaco-workbench').first();
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    // A hover asked for before the extension host has registered its provider gets no answer, and
    // the editor does not ask again while the mouse rests (seen twice, on the first hover after a
    // fresh start under load). As a person would, the mouse leaves and comes back every few
    // seconds until `timeout`.
    const deadline = Date.now() + timeout;
    for (let attempt = 1; ; attempt++) {
      await this.page.mouse.move(2, 2);
      await this.page.locator('.monaco-hover-content').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
      const box = await wordBox(root, word, nth);
      if (!box) throw new Error(`"${word}" (occurrence ${nth}) is not visible in the editor`);
      await this.page.mouse.move(box.x - 3, box.y, { steps: 4 });
      await this.page.mouse.move(box.x, box.y, { steps: 2 });
      const wait = Math.max(500, Math.min(HOVER_RETRY_MS, deadline - Date.now()));
      try {
        await hover.waitFor({ state: 'visible', timeout: wait });
        // Said in the log, so that a slow first hover stays visible in CI output.
        if (attempt > 1) console.error(`[ui] the hover over "${word}" appeared on attempt ${attempt}`);
        break;
      } catch (e) {
        if (Date.now() >= deadline) throw new Error(`no hover appeared over "${word}" within ${timeout / 1000}s`, { cause: e });
      }
    }
    // Let the fade-in finish so screenshots show the hover fully opaque.
    await this.page.waitForFunction(() => {
      const h = document.querySelector('.monaco-hover:not(.hidden)');
      return !h || h.getAnimations({ subtree: true }).every((a) => a.playState !== 'running');
    }, undefined, { timeout: 3000 }).catch(() => {});
    await sleep(150);
    return (await hover.innerText()).trim();
  }

  /** Moves the cursor to a 1-based line of the active editor (Ctrl+G). */
  async goToLine(line) {
    const input = await this.quickInput('Control+G');
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await sleep(200);
  }

  /**
   * Finds the frame of a webview (the inner frame holding the extension's HTML)
   * whose document has `selector` (default: a non-empty body) and, if given,
   * contains `text`. Webviews live in nested iframes; this searches
   * `page.frames()` until `timeout`.
   * @returns {Promise<import('playwright-core').Frame>}
   */
  async webviewFrame({ selector = 'body', text, timeout = 30_000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame() || !/webview|fake\.html|index\.html\?id=/.test(frame.url())) continue;
        try {
          const ok = await frame.evaluate(({ selector, text }) => {
            // Skip the webview's host frame; the extension's HTML is in its inner frame.
            if (document.querySelector('iframe#active-frame, iframe#pending-frame')) return false;
            const el = document.querySelector(selector);
            if (!el) return false;
            const body = document.body?.innerText ?? '';
            if (text) return body.includes(text);
            return body.trim().length > 0 || document.body.children.length > 0;
          }, { selector, text });
          if (ok) return frame;
        } catch { /* frame navigating or detached */ }
      }
      if (Date.now() > deadline) {
        // What each webview frame holds, and a screenshot, so that a failure in CI says which step stalled.
        const frames = await Promise.all(this.page.frames().map(async (f) => {
          const body = await f.evaluate(() => {
            // The playground's own marks, when this is its frame: which tab, which loss, which parts exist.
            const app = document.getElementById('app');
            const tabs = document.querySelector('vscode-tabs');
            const marks = app ? ` app{${Object.entries(app.dataset).map(([k, v]) => `${k}=${String(v).slice(0, 80)}`).join(' ')}} tab=${tabs?.selectedIndex} title="${document.getElementById('la-entry-title')?.textContent ?? ''}" playgroundChildren=${document.getElementById('la-playground')?.children.length ?? 'none'}` : '';
            return `${document.readyState}, ${document.body?.children.length ?? 0} elements${marks}: ${(document.body?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 120)}`;
          }).catch((e) => `unreadable (${e.message.split('\n')[0]})`);
          return `${f.url().slice(0, 140)} [${body}]`;
        }));
        const shot = await this.screenshot(`failure-webview-frame-${selector}`).catch(() => 'none');
        const consoleLines = this.webviewConsole.length ? `\nwebview console (last ${this.webviewConsole.length}):\n  ${this.webviewConsole.join('\n  ')}` : '\nwebview console: no errors or warnings';
        throw new Error(`no webview frame with ${selector}${text ? ` containing "${text}"` : ''} within ${timeout / 1000}s; screenshot ${shot}; frames:\n  ${frames.join('\n  ')}${consoleLines}`);
      }
      await sleep(250);
    }
  }

  /** The visible text of a webview frame (or of `selector` inside it). */
  async webviewText(frame, selector = 'body') {
    return (await frame.locator(selector).first().innerText()).trim();
  }

  /** Switches the colour theme through "Preferences: Color Theme" and waits for it to apply. */
  async setTheme(kind) {
    const name = THEMES[kind];
    if (!name) throw new Error(`setTheme: expected 'light' or 'dark', got ${kind}`);
    await this.runCommand('Preferences: Color Theme');
    const input = this.page.locator('.quick-input-widget input.input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    await this.acceptQuickInputRow(input, (r) => r.text.includes(name), { what: `the colour theme ${name}` });
    await this.page.waitForFunction((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls), THEME_CLASS[kind]);
    await sleep(300); // let webviews receive the new theme variables
  }

  /** 'light' | 'dark' | 'high-contrast', from the workbench's class. */
  async theme() {
    return this.page.evaluate(() => {
      const c = document.querySelector('.monaco-workbench')?.classList;
      if (!c) return 'unknown';
      if (c.contains('vs-dark')) return 'dark';
      if (c.contains('hc-black') || c.contains('hc-light')) return 'high-contrast';
      if (c.contains('vs')) return 'light';
      return 'unknown';
    });
  }

  /**
   * Saves a PNG under test-output/screenshots/<name>.png and returns its path.
   * `target`: a locator or element handle to capture instead of the whole page.
   */
  async screenshot(name, { target, fullPage = false } = {}) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${fileSafe(name)}.png`);
    if (target) await target.screenshot({ path });
    else await this.page.screenshot({ path, fullPage });
    debug(`screenshot ${path}`);
    return path;
  }

  /** Closes every editor (Ctrl+K W would need a chord; the command is stable). */
  async closeAllEditors() {
    await this.runCommand('View: Close All Editors');
  }

  /** Stops this workbench: closes its browser context and its code-server. */
  async stop() {
    await this.page.context().close().catch(() => {});
    await this.server.stop();
  }
}
