/**
 * The `vscode` suite of `npm run bench`: bundle sizes of the production build and the extension's
 * activation time in the real VS Code (code-server, through the integration harness).
 *
 * Bundles: `node scripts/build.mjs --production` (the build `npm run package` ships), then the
 * sizes of dist/extension.js, dist/web/extension.js, dist/webview.js and the generated assets
 * (formula images, snippets, selection worker). What dominates dist/extension.js is measured by
 * rebuilding its entry with esbuild's metafile (same options as scripts/build.mjs, not written).
 *
 * Activation: the production .vsix and the integration test-runner extension are installed into
 * a fresh extensions dir; for each of SESSIONS fresh code-server instances (new user-data-dir, a
 * copy of the demo workspace, headless Chromium on the workbench), the runner loads
 * bench/vscode/probe.ts instead of the test suites: it opens classification.py (the real
 * `onLanguage:python` trigger), waits for activation and opens `Developer: Show Running
 * Extensions`; the bench reads the Loss Atlas row's "Activation: N ms" (VS Code's code loading +
 * activate() call time) from the workbench page in Chromium. Needs
 * `npm run setup:vscode` (code-server) and /usr/bin/chromium; skipped with a note otherwise.
 *
 * Lint in the extension host: in the first session the probe then times the loss lint on the editor
 * suite's three 5,000-line files (../lint-files.ts), in the heap of code-server's extension host,
 * where the lint runs for users (the editor suite times it in the bench's own process).
 */
import * as esbuild from 'esbuild';
import { cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { ActivationReport, LintFile } from './vscode/probe';
import { lintFiles, lintRows } from './lint-files';
import { threadLintRows } from './lint-thread';
import { COLUMNS, fmtMs, met, type Row, type Suite } from './table';

const root = join(__dirname, '..');
const SESSIONS = Number(process.env.LOSS_ATLAS_BENCH_ACTIVATIONS) || 3;
const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(bytes < 10 * KB ? 1 : 0)} KB`;

function size(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((s, f) => s + size(join(path, f)), 0);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the harness is plain .mjs */
type Harness = Record<string, any>;
const load = (rel: string): Promise<Harness> => import(pathToFileURL(join(root, rel)).href) as Promise<Harness>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** What a minified bundle holds, by source group, from the metafile `scripts/build.mjs --metafile=DIR` wrote. */
function composition(metafile: string, bundle: string): string {
  const meta = JSON.parse(readFileSync(metafile, 'utf8')) as esbuild.Metafile;
  const out = meta.outputs[bundle];
  if (!out) return `(no ${bundle} in ${metafile})`;
  const groups = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(out.inputs)) {
    const g = file.startsWith('node_modules/')
      ? file.split('/').slice(0, file.startsWith('node_modules/@') ? 3 : 2).join('/')
      : file.startsWith('slim-catalog:')
        ? "the catalog's structure (ids, names, API symbols, inputs, parameters; its text is in dist/catalog-text.json)"
        : file.startsWith('src/losses/catalog/')
          ? 'src/losses/catalog (entries, bilingual text)'
          : file.startsWith('src/losses/')
            ? 'src/losses (kernels, core)'
            : file.split('/').slice(0, 3).join('/');
    groups.set(g, (groups.get(g) ?? 0) + bytesInOutput);
  }
  const total = out.bytes;
  const top = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return top.map(([g, b]) => `${g} ${kb(b)} (${((b / total) * 100).toFixed(0)}%)`).join(', ');
}

/** "Activation: N ms" of the Loss Atlas row in the Running Extensions editor the probe opened, or why not. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a playwright Page from the .mjs harness
async function runningExtensionsTime(page: any): Promise<number | string> {
  const deadline = Date.now() + 60_000;
  let seen: string[][] = [];
  while (Date.now() < deadline) {
    seen = (await page.evaluate(() =>
      [...document.querySelectorAll('.runtime-extensions-editor .monaco-list-row')].map((r) => [
        r.querySelector('.name')?.textContent ?? '',
        r.querySelector('.activation-time')?.textContent ?? '',
      ]),
    )) as string[][];
    const row = seen.find(([name]) => name === 'loss-atlas.loss-atlas' || name === 'Loss Atlas');
    const m = row && /Activation: (\d+)ms/.exec(row[1]);
    if (m) return Number(m[1]);
    if (seen.length) {
      // a virtual list: scroll it to bring the row into view
      const box = await page.locator('.runtime-extensions-editor .monaco-list').first().boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, 300);
      }
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return `no Loss Atlas row with an activation time (rows seen: ${seen.map((r) => r.join(' ')).slice(0, 8).join('; ')})`;
}

/** The lint rows' files, written to `dir` for the probe to read. */
function writeLintFiles(dir: string): LintFile[] {
  return lintFiles().map(({ label, src }, i) => {
    const file = join(dir, `lint-${i}.py`);
    writeFileSync(file, src);
    return { label, file };
  });
}

/** A loopback endpoint for the runner's POSTs (/started, /report). */
function reportServer(): Promise<{ url: string; report: Promise<ActivationReport | { error: { message: string } }>; close(): void }> {
  const token = randomBytes(12).toString('hex');
  let resolveReport!: (r: ActivationReport | { error: { message: string } }) => void;
  const report = new Promise<ActivationReport | { error: { message: string } }>((r) => (resolveReport = r));
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      res.end('ok');
      if (req.url === `/${token}/report`) resolveReport(JSON.parse(body) as ActivationReport);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/${token}`, report, close: () => server.close() });
    }),
  );
}

async function activation(notes: string[]): Promise<Row[]> {
  const h = await load('test/integration/harness/code-server.mjs');
  const probeBuild: esbuild.BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'silent', absWorkingDir: root };
  const results: Array<ActivationReport['activation'] & { shown: number | string }> = [];
  const lintInHost: Row[] = [];
  try {
    h.ensureCodeServer();
    const outDir: string = h.runDir('bench-activation');
    const vsix: string = h.vscePackage(root, join(outDir, 'loss-atlas.vsix'));
    // The integration test-runner extension alone (its suites are not needed: the probe replaces them).
    const runnerSrc = join(root, 'test/integration/runner');
    const runnerDir = join(outDir, 'runner');
    await esbuild.build({ ...probeBuild, entryPoints: [join(runnerSrc, 'extension.ts')], outfile: join(runnerDir, 'extension.js') });
    for (const f of ['package.json', 'README.md']) cpSync(join(runnerSrc, f), join(runnerDir, f));
    cpSync(join(root, 'LICENSE'), join(runnerDir, 'LICENSE'));
    writeFileSync(join(runnerDir, '.vscodeignore'), '*.vsix\n');
    const probe = join(outDir, 'probe.js');
    await esbuild.build({ ...probeBuild, entryPoints: [join(__dirname, 'vscode/probe.ts')], outfile: probe });
    const runnerVsix: string = h.vscePackage(runnerDir, join(outDir, 'runner.vsix'));
    const extensionsDir: string = h.tempDir('bench-extensions');
    h.installExtensions(extensionsDir, [vsix, runnerVsix]);
    const browser = await h.launchBrowser();
    for (let s = 0; s < SESSIONS; s++) {
      process.stderr.write(`  activation session ${s + 1}/${SESSIONS}…\n`);
      const reports = await reportServer();
      const workspace = join(h.tempDir('bench-workspace'), 'demo');
      cpSync(h.DEMO_WORKSPACE, workspace, { recursive: true });
      const configDir: string = h.tempDir('bench-runner-config');
      const config = join(configDir, 'config.json');
      writeFileSync(config, JSON.stringify({ index: probe, reportUrl: reports.url, lintFiles: s === 0 ? writeLintFiles(configDir) : undefined }));
      let server: Harness | undefined;
      let context: Harness | undefined;
      try {
        server = await h.startCodeServer({ folder: workspace, extensionsDir, env: { LOSS_ATLAS_TEST_CONFIG: config } });
        const page = await h.openWorkbench(browser, server);
        context = page.context();
        // Read while the probe waits: it closes the editor before the lint rows.
        const shown = runningExtensionsTime(page);
        const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no report from the extension host within 180 s')), 180_000));
        const r = await Promise.race([reports.report, timeout]);
        if ('error' in r) throw new Error(r.error.message);
        results.push({ ...r.activation, shown: await shown });
        if (r.lint && r.host) notes.push(`the extension host of the lint rows: Node ${r.host.node}, execArgv ${JSON.stringify(r.host.execArgv)}, NODE_OPTIONS '${r.host.nodeOptions}', inspector ${r.host.inspector ?? 'none'}, ${r.host.heapUsedMb} MB of heap in use after the rows.`);
        for (const t of r.lint ?? []) {
          lintInHost.push(...lintRows('vscode', "loss lint inside code-server's extension host, 5,000 lines, in process (the web extension's path)", t.label, t));
          if (t.thread) lintInHost.push(...threadLintRows('vscode', "loss lint inside code-server's extension host, 5,000 lines, in the desktop's lint thread", t.label, t.thread));
        }
      } catch (e) {
        notes.push(`activation session ${s + 1} failed: ${(e as Error).message.split('\n')[0]}`);
      } finally {
        await context?.close().catch(() => {});
        await server?.stop();
        reports.close();
      }
    }
  } catch (e) {
    notes.push(`activation skipped: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await h.shutdown();
  }
  for (const r of results) {
    if (r.wasActive) notes.push('a session found Loss Atlas already active before the Python file was opened (not counted).');
    if (typeof r.shown === 'string') notes.push(`a session could not read Running Extensions: ${r.shown}`);
  }
  if (lintInHost.length) {
    notes.push(
      "lint rows in code-server's extension host: the probe (bench/vscode/probe.ts, loaded by the test-runner extension beside Loss Atlas) runs the editor suite's lint timing (bench/lint-files.ts: the same three files, 30 warm-up and 300 timed lints per mode, one event-loop turn apart, p99 the third slowest and max the slowest) with the lint's code bundled into it, after VS Code has activated Loss Atlas and opened a Python file: the heap is the extension host's. The rows \"in the desktop's lint thread\" time the same runs in a lint thread the probe starts, from that extension host, on the installed extension's dist/lint-worker.js (bench/lint-thread.ts): the extension lints there on the desktop and in code-server.",
    );
  }
  const ok = results.filter((r) => typeof r.shown === 'number' && !r.wasActive);
  if (!ok.length) return lintInHost;
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const shown = ok.map((r) => r.shown as number);
  const wall = ok.map((r) => r.openToActiveMs);
  notes.push(
    `activation: ${ok.length} fresh code-server ${SESSIONS === 1 ? 'session' : 'sessions'} (each a new extension host); "Activation" of Developer: Show Running Extensions — VS Code's code loading + activate() call time for Loss Atlas — ${shown.map((x) => `${x} ms`).join(', ')}; ` +
      `in the extension host, from opening classification.py until activation resolved (includes VS Code's own document and event round trips): ${wall.map(fmtMs).join(', ')}.`,
  );
  return [
    ...lintInHost,
    {
      suite: 'vscode',
      cells: {
        case: `activation in code-server (Running Extensions), onLanguage:python, median of ${ok.length}`,
        ours: `${med(shown)} ms`,
        'tfjs / reference': `open .py → active ${fmtMs(med(wall))}`,
        target: '< 20 ms',
        met: met(med(shown) < 20),
      },
    },
  ];
}

export function vscodeSuite(): Suite {
  const notes: string[] = [];
  return {
    name: 'vscode',
    columns: COLUMNS,
    notes,
    async run(): Promise<Row[]> {
      const rows: Row[] = [];
      const h = await load('test/integration/harness/code-server.mjs');
      const metaDir: string = h.tempDir('bench-metafiles');
      try {
        h.run(process.execPath, [join(root, 'scripts/build.mjs'), '--production', `--metafile=${metaDir}`], { what: 'production build' });
      } catch (e) {
        notes.push(`the production build failed, so the figures below are of the last build in dist/: ${(e as Error).message.split('\n').slice(0, 3).join(' ')}`);
      }
      const file = (rel: string) => join(root, rel);
      const ext = size(file('dist/extension.js'));
      const gz = gzipSync(readFileSync(file('dist/extension.js'))).length;
      rows.push({
        suite: 'vscode',
        cells: { case: 'dist/extension.js, minified: the activation layer', ours: `${kb(ext)} (gzip ${kb(gz)})`, target: '< 300 KB', met: met(ext < 300 * KB) },
      });
      const features = size(file('dist/features.js'));
      rows.push({
        suite: 'vscode',
        cells: { case: 'dist/features.js, minified: every feature, loaded on first use', ours: kb(features), target: '< 300 KB', met: met(features < 300 * KB) },
      });
      const assets: Array<[string, string]> = [
        ['dist/catalog-text.json', "the catalog's text, read on first need"],
        ['dist/web/extension.js', 'web extension, minified'],
        ['dist/webview.js', 'playground webview, minified (KaTeX, uPlot, worker inlined)'],
        ['dist/formulas.json', 'formula images'],
        ['dist/formulas', 'formula images (SVG files)'],
        ['dist/snippets', 'snippets'],
        ['dist/selection-worker.js', 'selection worker'],
        ['dist/katex', 'KaTeX CSS + woff2 fonts'],
      ];
      for (const [rel, what] of assets) {
        if (!existsSync(file(rel))) continue;
        rows.push({ suite: 'vscode', cells: { case: `${rel}, ${what}`, ours: kb(size(file(rel))) } });
      }
      notes.push(
        `bundles: after \`node scripts/build.mjs --production\`. dist/extension.js is only the activation layer (it registers the hover, commands and serializer and loads dist/features.js on first use). ` +
          `What dist/features.js holds (esbuild metafile, minified bytes): ${composition(join(metaDir, 'dist_features.js.json'), 'dist/features.js')}.`,
      );
      const shipped = readdirSync(file('dist'), { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile() && /\.json$/.test(d.name))
        .map((d) => relative(root, join(d.parentPath, d.name)));
      if (shipped.length) notes.push(`JSON assets in dist/ (loaded at run time, not bundled): ${shipped.join(', ')}.`);
      rows.push(...(await activation(notes)));
      return rows;
    },
  };
}
