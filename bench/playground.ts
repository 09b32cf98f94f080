/**
 * Playground benchmark and standalone preview: serves the real webview bundle
 * with the panel's HTML and CSP on 127.0.0.1, opens it in Debian's Chromium
 * (playwright-core), and measures "input change -> recomputed and replotted" for
 * 10,000 elements (the figure the issue asks for), plus the engine alone in Node.
 *
 *   npx tsx bench/playground.ts            # bench (prints ms; median and p95)
 *   npx tsx bench/playground.ts --shots    # also saves preview screenshots (test-output/playground-preview)
 *   npm run bench playground               # the same figures as rows of the one bench table
 *
 * Needs `npm run build` first (it uses dist/webview.js).
 */
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { buildHtml } from '../src/extension/playground/html';
import { runCompute } from '../src/webview/engine';
import { COLUMNS, fmtMs, type Row, type Suite, runAlone } from './table';

const root = join(__dirname, '..');
const N = 10_000;
const RUNS = 25;
/** Printed lines (standalone) and table rows (suite). */
const results: { engine?: number[]; webview?: number[]; compute?: number[]; errors: string[] } = { errors: [] };

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.svg': 'image/svg+xml' };

/** Dark and light palettes: a few of the variables VS Code gives webviews. */
export const THEME_VARS: Record<'dark' | 'light', Record<string, string>> = {
  dark: {
    '--vscode-foreground': '#cccccc', '--vscode-editor-background': '#1f1f1f', '--vscode-sideBar-background': '#181818',
    '--vscode-input-background': '#313131', '--vscode-input-foreground': '#cccccc', '--vscode-focusBorder': '#0078d4',
    '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-errorForeground': '#f85149',
    '--vscode-list-activeSelectionBackground': '#04395e', '--vscode-list-activeSelectionForeground': '#ffffff',
    '--vscode-list-hoverBackground': '#2a2d2e', '--vscode-descriptionForeground': '#9d9d9d', '--vscode-panel-border': '#2b2b2b',
    '--vscode-charts-blue': '#3794ff', '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#89d185',
    '--vscode-charts-red': '#f14c4c', '--vscode-charts-purple': '#b180d7', '--vscode-charts-yellow': '#cca700',
    '--vscode-badge-background': '#616161', '--vscode-badge-foreground': '#f8f8f8', '--vscode-font-family': 'sans-serif', '--vscode-font-size': '13px',
    '--vscode-editor-font-family': 'monospace', '--vscode-textLink-foreground': '#4daafc',
  },
  light: {
    '--vscode-foreground': '#3b3b3b', '--vscode-editor-background': '#ffffff', '--vscode-sideBar-background': '#f8f8f8',
    '--vscode-input-background': '#ffffff', '--vscode-input-foreground': '#3b3b3b', '--vscode-input-border': '#cecece', '--vscode-focusBorder': '#005fb8',
    '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-errorForeground': '#f85149',
    '--vscode-list-activeSelectionBackground': '#e8e8e8', '--vscode-list-activeSelectionForeground': '#000000',
    '--vscode-list-hoverBackground': '#f2f2f2', '--vscode-descriptionForeground': '#717171', '--vscode-panel-border': '#e5e5e5',
    '--vscode-charts-blue': '#1a85ff', '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#388a34',
    '--vscode-charts-red': '#e51400', '--vscode-charts-purple': '#652d90', '--vscode-charts-yellow': '#bf8803',
    '--vscode-badge-background': '#cccccc', '--vscode-badge-foreground': '#3b3b3b', '--vscode-font-family': 'sans-serif', '--vscode-font-size': '13px',
    '--vscode-editor-font-family': 'monospace', '--vscode-textLink-foreground': '#005fb8',
  },
};

function serve(): Promise<{ url: string; close: () => void }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
      const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          buildHtml({
            cspSource: origin,
            nonce: Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64'),
            scriptUri: `${origin}/dist/webview.js`,
            styleUris: [`${origin}/dist/katex/katex.min.css`, `${origin}/dist/uPlot.min.css`, `${origin}/media/playground.css`],
            language: 'en',
          }),
        );
        return;
      }
      if (path === '/favicon.ico') {
        res.writeHead(204).end(); // Chromium asks for it; a VS Code webview does not
        return;
      }
      const file = normalize(join(root, path));
      if (!(file.startsWith(join(root, 'dist')) || file.startsWith(join(root, 'media'))) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    });
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    });
  });
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, min ${s[0].toFixed(2)} ms (n=${s.length})`;
}

function engineBench(): number[] {
  const input = new Float64Array(N);
  const target = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    input[i] = Math.sin(i) * 2;
    target[i] = Math.cos(i);
  }
  const times: number[] = [];
  for (let r = 0; r < RUNS + 5; r++) {
    const t0 = performance.now();
    runCompute({
      seq: r,
      lossId: 'huber-loss',
      inputs: { input: { shape: [N], data: input }, target: { shape: [N], data: target } },
      params: { delta: 1 },
      compare: [{ id: 'mse-loss', label: 'mse', params: {} }, { id: 'l1-loss', label: 'l1', params: {} }],
    });
    if (r >= 5) times.push(performance.now() - t0);
  }
  console.log(`engine (Node, compute + 3 curves + marks, ${N} elements): ${stats(times)}`);
  return times;
}

async function main(): Promise<void> {
  results.errors.length = 0;
  results.engine = engineBench();
  const shots = process.argv.includes('--shots');
  const { url, close } = await serve();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
  try {
    for (const theme of shots ? (['dark', 'light'] as const) : (['dark'] as const)) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url().replace(/^http:\/\/127\.0\.0\.1:\d+/, '')}`);
      });
      // a string, not a function: tsx's transform would leave helper calls in a serialized function
      await page.addInitScript(`
        window.__name = (f) => f;
        (() => {
          const posted = [];
          let state;
          window.__posted = posted;
          window.acquireVsCodeApi = () => ({
            postMessage: (m) => posted.push(m),
            getState: () => state,
            setState: (s) => { state = s; },
          });
          const vars = ${JSON.stringify(THEME_VARS[theme])};
          document.addEventListener('DOMContentLoaded', () => {
            for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
            document.body.classList.add('${theme === 'dark' ? 'vscode-dark' : 'vscode-light'}');
          });
        })();
      `);
      await page.goto(url);
      await page.waitForSelector('#la-value', { timeout: 10_000 }).catch(async (e) => {
        console.log(errors.join('\n'));
        await page.screenshot({ path: join(root, 'test-output', 'playground-failed.png') });
        throw e;
      });
      await page.waitForFunction(() => document.querySelector('#la-value')?.textContent !== '…');
      if (shots) {
        const dir = join(root, 'test-output', 'playground-preview');
        mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: join(dir, `playground-${theme}.png`), fullPage: true });
      }
      // 10k-element input: set the text, fire `input`, wait for the page's own timing of that update
      const text = Array.from({ length: N }, (_, i) => (Math.sin(i) * 2).toFixed(4)).join(', ');
      const target = Array.from({ length: N }, (_, i) => Math.cos(i).toFixed(4)).join(', ');
      const times: number[] = [];
      const computeTimes: number[] = [];
      for (let r = 0; r < RUNS + 3; r++) {
        const res = await page.evaluate(
          async ({ text, target, r }) => {
            const root = document.getElementById('app')!;
            const before = root.dataset.updateMs;
            const set = (name: string, v: string) => {
              const el = document.querySelector(`[data-input="${name}"]`) as HTMLElement & { value: string };
              el.value = v;
              el.dispatchEvent(new Event('input', { bubbles: true }));
            };
            if (r === 0) set('target', target);
            await new Promise((res) => setTimeout(res, r === 0 ? 300 : 30));
            const t0 = performance.now();
            set('input', text.replace(/^[^,]*/, String(r / 10)));
            for (let i = 0; i < 400 && root.dataset.updateMs === before; i++) await new Promise((res) => setTimeout(res, 2));
            const status = document.getElementById('la-status')?.textContent ?? '';
            return { ms: Number(root.dataset.updateMs), wall: performance.now() - t0, status, phases: root.dataset.phases ?? '' };
          },
          { text, target, r },
        );
        if (process.argv.includes('--verbose')) console.log(`  run ${r}: ${res.ms} ms (${res.phases})`);
        if (r >= 3) {
          times.push(res.ms);
          const m = /compute ([\d.]+) ms/.exec(res.status);
          if (m) computeTimes.push(Number(m[1]));
        }
      }
      if (theme === 'dark') {
        results.webview = times;
        results.compute = computeTimes;
      }
      console.log(`webview (${theme}, Chromium, ${N} elements, input event -> parsed, computed, value + table + 2 charts drawn): ${stats(times)}`);
      if (computeTimes.length) console.log(`  of which compute: ${stats(computeTimes)}`);
      if (shots) {
        await page.screenshot({ path: join(root, 'test-output', 'playground-preview', `playground-10k-${theme}.png`), fullPage: false });
      }
      const csp = errors.filter((e) => /Content Security Policy|CSP/i.test(e));
      results.errors.push(...errors);
      console.log(`console errors: ${errors.length}${csp.length ? `, CSP: ${csp.join(' | ')}` : ''}`);
      for (const e of errors.slice(0, 10)) console.log(`  ${e}`);
      await page.close();
    }
  } finally {
    await browser.close();
    close();
  }
}

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

/** The `playground` suite of `npm run bench` (needs dist/webview.js and /usr/bin/chromium). */
export function playgroundSuite(): Suite {
  const notes: string[] = [];
  return {
    name: 'playground',
    columns: COLUMNS,
    notes,
    async run(): Promise<Row[]> {
      const rows: Row[] = [];
      const missing = [join(root, 'dist/webview.js'), '/usr/bin/chromium'].filter((f) => !existsSync(f));
      if (missing.length) {
        notes.push(`webview row skipped: ${missing.join(', ')} missing (run \`npm run build\`; Debian's chromium).`);
        rows.push({ suite: 'playground', cells: { case: `engine, ${N.toLocaleString('en')} elements (Node)`, ours: fmtMs(p(engineBench(), 0.5)) } });
        return rows;
      }
      const log = console.log;
      console.log = () => {}; // the standalone printout
      try {
        await main();
      } catch (e) {
        notes.push(`webview row failed: ${(e as Error).message.split('\n')[0]}`);
      } finally {
        console.log = log;
      }
      if (results.engine) rows.push({ suite: 'playground', cells: { case: `recompute engine, ${N.toLocaleString('en')} elements (Node)`, ours: `median ${fmtMs(p(results.engine, 0.5))}, p95 ${fmtMs(p(results.engine, 0.95))}` } });
      if (results.webview?.length)
        rows.push({
          suite: 'playground',
          cells: {
            case: `recompute in the webview, ${N.toLocaleString('en')} elements (Chromium)`,
            ours: `median ${fmtMs(p(results.webview, 0.5))}, p95 ${fmtMs(p(results.webview, 0.95))}`,
          },
        });
      notes.push(
        `playground rows: the engine alone (compute + 3 comparison curves + marks; huber vs mse, l1) and, in headless Debian Chromium with the real webview bundle, HTML and CSP, the time from an input event with ${N.toLocaleString('en')} numbers to value, table and 2 charts drawn (the page's own timing), ${RUNS} runs after 3 warm-ups` +
          (results.compute?.length ? `; of which compute median ${fmtMs(p(results.compute, 0.5))}` : '') +
          `; console errors: ${results.errors.length}${results.errors.length ? ` (first: ${results.errors[0].slice(0, 160)})` : ''}.`,
      );
      return rows;
    },
  };
}

if (runAlone('playground.ts')) {
  void main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
