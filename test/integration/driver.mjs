// `npm run test:integration`: runs the integration suites inside the real
// extension host of code-server. It builds and packages Loss Atlas and the
// test-runner extension, installs both into a fresh extensions dir, then for
// each session (./sessions.mjs) starts code-server on a free loopback port
// with a fresh copy of the demo workspace, opens the workbench in headless
// Chromium (the extension host starts only once a window connects), and
// collects the runner's reports over loopback HTTP. Prints a mocha-style
// summary; exits non-zero on any failure or missing report.
//
// Env: LOSS_ATLAS_INTEGRATION_TIMEOUT (s, per session, default 300),
//      LOSS_ATLAS_HOST_START_TIMEOUT (s, default 120), LOSS_ATLAS_VERBOSE=1.
import { randomBytes } from 'node:crypto';
import { cpSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { buildIntegration } from './build.mjs';
import {
  DEMO_WORKSPACE, buildAndPackageExtension, ensureCodeServer, installExtensions, launchBrowser, log,
  openWorkbench, runDir, shutdown, startCodeServer, tempDir, vscePackage,
} from './harness/code-server.mjs';
import { SpecPrinter } from './harness/report.mjs';
import { SESSIONS } from './sessions.mjs';

const SESSION_TIMEOUT_MS = Number(process.env.LOSS_ATLAS_INTEGRATION_TIMEOUT ?? 300) * 1000;
const HOST_START_TIMEOUT_MS = Number(process.env.LOSS_ATLAS_HOST_START_TIMEOUT ?? 120) * 1000;

/** A loopback HTTP server receiving the runner's POSTs under a secret path. */
function startReportServer() {
  const token = randomBytes(12).toString('hex');
  const listeners = new Set();
  const server = createServer((req, res) => {
    const prefix = `/${token}/`;
    if (req.method !== 'POST' || !req.url?.startsWith(prefix)) { res.statusCode = 404; res.end(); return; }
    const kind = req.url.slice(prefix.length);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      res.end('ok');
      let data;
      try { data = JSON.parse(body); } catch { data = { error: { message: `unparsable report: ${body.slice(0, 200)}` } }; }
      for (const l of listeners) l(kind, data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/${token}`,
        on: (fn) => { listeners.add(fn); return () => listeners.delete(fn); },
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

/** Waits for an event of one kind, or rejects with `message` after `ms`. */
function waitFor(reports, kinds, ms, message, onOther) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(message)); }, ms);
    const off = reports.on((kind, data) => {
      if (kinds.includes(kind)) { clearTimeout(timer); off(); resolve({ kind, data }); } else onOther?.(kind, data);
    });
  });
}

async function runSession(session, { browser, extensionsDir, reports, printer, suiteIndex }) {
  printer.header(`session: ${session.name}`);
  const workspace = join(tempDir('workspace'), 'demo');
  cpSync(DEMO_WORKSPACE, workspace, { recursive: true });
  const configFile = join(tempDir('runner-config'), 'config.json');
  writeFileSync(configFile, JSON.stringify({
    index: suiteIndex, reportUrl: reports.url, grep: session.grep, invert: session.invert,
  }));
  const titleRoot = [`session: ${session.name}`];

  const started = waitFor(reports, ['started'], HOST_START_TIMEOUT_MS,
    `no report from the test runner within ${HOST_START_TIMEOUT_MS / 1000}s: the extension host did not start ` +
    'or the runner extension did not activate');
  started.catch(() => {});
  const t0 = Date.now();
  const server = await startCodeServer({ folder: workspace, extensionsDir, env: { LOSS_ATLAS_TEST_CONFIG: configFile } });
  let context;
  try {
    const page = await openWorkbench(browser, server);
    context = page.context();
    await started;
    log(`session "${session.name}": extension host up after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    let streamed = 0;
    const { data } = await waitFor(reports, ['report'], SESSION_TIMEOUT_MS,
      `no final report within ${SESSION_TIMEOUT_MS / 1000}s after the runner started (a test hangs?)`,
      (kind, t) => { if (kind === 'test') { streamed++; printer.test(t); } });
    if (data.error) {
      printer.fail([...titleRoot, 'loading the suites'], data.error.message, data.error.stack);
    } else {
      // The runner awaits every /test post before /report; print any that got lost.
      for (const t of data.tests.slice(streamed)) printer.test(t);
      if (data.tests.length === 0) {
        printer.fail([...titleRoot, 'running the suites'], `no test ran (grep ${JSON.stringify(session.grep)}${session.invert ? ', inverted' : ''})`);
      }
    }
  } catch (e) {
    printer.fail([...titleRoot, 'running the suites'], e.message, `${e.stack}\n--- code-server log (${server.logFile}) ---\n${server.log()}`);
  } finally {
    await context?.close().catch(() => {});
    await server.stop();
  }
}

async function main() {
  const t0 = Date.now();
  const printer = new SpecPrinter();
  let exitCode;
  try {
    log('setup: code-server');
    ensureCodeServer();
    log('build: extension, suites, runner; package both');
    const vsix = buildAndPackageExtension();
    const outDir = runDir('integration');
    const { runnerDir, suiteIndex } = await buildIntegration(outDir);
    const runnerVsix = vscePackage(runnerDir, join(outDir, 'loss-atlas-test-runner.vsix'));
    const extensionsDir = tempDir('extensions');
    installExtensions(extensionsDir, [vsix, runnerVsix]);
    log(`prepared in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

    const reports = await startReportServer();
    const browser = await launchBrowser();
    try {
      for (const session of SESSIONS) await runSession(session, { browser, extensionsDir, reports, printer, suiteIndex });
    } finally {
      await reports.close();
    }
    const { failures, passes } = printer.summary();
    exitCode = failures === 0 && passes > 0 ? 0 : 1;
  } catch (e) {
    printer.fail(['integration setup (before any test ran)'], e.message, e.stack);
    printer.summary();
    exitCode = 1;
  } finally {
    await shutdown();
  }
  log(`integration: ${((Date.now() - t0) / 1000).toFixed(1)}s total`);
  process.exit(exitCode);
}

await main();
