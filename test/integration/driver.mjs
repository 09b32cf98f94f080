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
//      LOSS_ATLAS_HOST_START_TIMEOUT (s, default 120), LOSS_ATLAS_VERBOSE=1,
//      LOSS_ATLAS_INTEGRATION_FILES=playground,commands (only these suite files,
//      in the main session only: for looping on one suite while debugging).
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
const ONLY_FILES = process.env.LOSS_ATLAS_INTEGRATION_FILES?.split(',').map((f) => f.trim().replace(/\.test\.(js|ts)$/, '')).filter(Boolean);

/**
 * A loopback HTTP server receiving one session's POSTs under a secret path.
 * `wait(kinds, ms, message, onOther)` resolves with the first event of one of
 * `kinds`; `close()` ends every pending wait.
 */
function startReportServer() {
  const token = randomBytes(12).toString('hex');
  const listeners = new Set();
  const waits = new Set();
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
      for (const l of [...listeners]) l(kind, data);
    });
  });
  const wait = (kinds, ms, message, onOther) => new Promise((resolve, reject) => {
    const done = () => { clearTimeout(w.timer); listeners.delete(listener); waits.delete(w); };
    const w = { timer: setTimeout(() => { done(); reject(new Error(message)); }, ms), cancel: () => { done(); reject(new Error('cancelled')); } };
    const listener = (kind, data) => {
      if (kinds.includes(kind)) { done(); resolve({ kind, data }); } else onOther?.(kind, data);
    };
    listeners.add(listener);
    waits.add(w);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/${token}`,
        wait,
        close: () => {
          for (const w of [...waits]) w.cancel();
          return new Promise((r) => server.close(() => r()));
        },
      });
    });
  });
}

async function runSession(session, { browser, extensionsDir, printer, suiteIndex }) {
  const reports = await startReportServer();
  printer.header(`session: ${session.name}`);
  const workspace = join(tempDir('workspace'), 'demo');
  cpSync(DEMO_WORKSPACE, workspace, { recursive: true });
  const configFile = join(tempDir('runner-config'), 'config.json');
  writeFileSync(configFile, JSON.stringify({
    index: suiteIndex, reportUrl: reports.url, grep: session.grep, invert: session.invert,
    ...(ONLY_FILES ? { files: ONLY_FILES } : {}),
  }));
  const titleRoot = [`session: ${session.name}`];

  const started = reports.wait(['started'], HOST_START_TIMEOUT_MS,
    `no report from the test runner within ${HOST_START_TIMEOUT_MS / 1000}s: the extension host did not start ` +
    'or the runner extension did not activate');
  started.catch(() => {});
  // Registered now so that no test result posted right after /started is missed.
  let streamed = 0;
  const report = reports.wait(['report'], HOST_START_TIMEOUT_MS + SESSION_TIMEOUT_MS,
    `no final report within ${SESSION_TIMEOUT_MS / 1000}s after the runner started (a test hangs?)`,
    (kind, t) => { if (kind === 'test') { streamed++; printer.test(t); } });
  report.catch(() => {});
  const t0 = Date.now();
  const failuresBefore = printer.counts.failures;
  let server;
  let context;
  let page;
  try {
    server = await startCodeServer({
      folder: workspace, extensionsDir, env: { LOSS_ATLAS_TEST_CONFIG: configFile },
      ...(session.trust === false ? { workspaceTrust: 'restricted' } : {}),
    });
    page = await openWorkbench(browser, server);
    context = page.context();
    // Fail at once, not at the time-out, if code-server dies meanwhile.
    const died = new Promise((_, reject) => server.process.once('exit', (code, signal) => {
      reject(new Error(`code-server exited (${code ?? signal}) during the session`));
    }));
    died.catch(() => {});
    await Promise.race([started, died]);
    log(`session "${session.name}": extension host up after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    const { data } = await Promise.race([died, report]);
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
    const tail = server ? `\n--- code-server log (${server.logFile}) ---\n${server.log()}` : '';
    printer.fail([...titleRoot, 'running the suites'], e.message, `${e.stack}${tail}`);
  } finally {
    // A session with a failure: what the browser said (a webview that never loaded says why only there).
    if (printer.counts.failures > failuresBefore && page?.__lossAtlasConsole?.length) {
      log(`session "${session.name}": the browser's last console errors and warnings:\n  ${page.__lossAtlasConsole.join('\n  ')}`);
    }
    await context?.close().catch(() => {});
    await server?.stop();
    await reports.close();
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

    const browser = await launchBrowser();
    const sessions = ONLY_FILES ? SESSIONS.filter((s) => s.name === 'main') : SESSIONS;
    if (ONLY_FILES) log(`only the suite files ${ONLY_FILES.join(', ')}, in the main session`);
    for (const session of sessions) await runSession(session, { browser, extensionsDir, printer, suiteIndex });
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
