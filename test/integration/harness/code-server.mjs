// The shared harness for everything that runs Loss Atlas in a real VS Code:
// the integration driver, the UI tests and `npm start`. It installs
// code-server (scripts/setup-vscode.sh), builds and packages the extension,
// installs .vsix files, starts code-server on a free loopback port, opens the
// workbench in headless Debian Chromium and kills every child it started.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = process.env.LOSS_ATLAS_CODE_SERVER_DIR ?? join(ROOT, '.cache/code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');
export const CODE_SERVER_CONFIG = join(CODE_SERVER_DIR, 'config.yaml');
export const CHROMIUM = process.env.LOSS_ATLAS_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
export const EXTENSION_ID = 'loss-atlas.loss-atlas';
export const DEMO_WORKSPACE = join(ROOT, 'demo');
export const OUTPUT_DIR = join(ROOT, 'test-output');

/** Settings for a quiet, deterministic workbench (no welcome page, tips, update checks). */
export const TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
};

// ------------------------------------------------------------------ logging

const tag = '[harness]';
let verbose = process.env.LOSS_ATLAS_VERBOSE === '1';
export function setVerbose(v) { verbose = v; }
export function log(...args) { console.log(tag, ...args); }
export function debug(...args) { if (verbose) console.log(tag, ...args); }

/** Runs a command to completion; throws with its output when it fails. */
export function run(cmd, args, { cwd = ROOT, env = process.env, what = `${cmd} ${args.join(' ')}`, quiet = true } = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: quiet ? 'pipe' : 'inherit', maxBuffer: 64 << 20 });
  debug(`${what}: ${Date.now() - t0} ms`);
  if (r.error) throw new Error(`${what} could not start: ${r.error.message}`);
  if (r.status !== 0) {
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    throw new Error(`${what} failed (exit ${r.status ?? r.signal})${out ? `:\n${out}` : ''}`);
  }
  return r.stdout ?? '';
}

// ------------------------------------------------------------ child processes

const children = new Set();

/** Pids of every live descendant of `pid` (read from /proc). */
function descendants(pid) {
  const byParent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!byParent.has(ppid)) byParent.set(ppid, []);
      byParent.get(ppid).push(Number(name));
    } catch { /* exited meanwhile */ }
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    for (const c of byParent.get(queue.shift()) ?? []) { out.push(c); queue.push(c); }
  }
  return out;
}

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** Sends `signal` to a process, its process group and all its descendants. */
function signalTree(pid, signal) {
  const pids = [pid, ...descendants(pid)];
  try { process.kill(-pid, signal); } catch { /* not a group leader or gone */ }
  for (const p of pids) { try { process.kill(p, signal); } catch { /* gone */ } }
  return pids;
}

/** Kills a process tree: SIGTERM, then SIGKILL whatever is left after `graceMs`. */
export async function killTree(pid, graceMs = 3000) {
  if (!pid) return;
  const pids = signalTree(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && pids.some(alive)) await sleep(100);
  for (const p of pids) if (alive(p)) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
}

/** Synchronous last-resort kill, for process exit. */
function killTreeNow(pid) {
  for (const p of signalTree(pid, 'SIGKILL')) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
}

/** Spawns a long-running child in its own process group; it is killed when this process exits. */
export function spawnTracked(cmd, args, options = {}) {
  const child = spawn(cmd, args, { ...options, detached: true });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Stops every child started through this module (and their descendants). */
export async function killAllChildren() {
  await Promise.all([...children].map((c) => killTree(c.pid)));
  children.clear();
}

const cleanups = new Set();
/** Registers an async cleanup run by `shutdown()` (browsers, temp dirs). Returns an unregister function. */
export function onShutdown(fn) { cleanups.add(fn); return () => cleanups.delete(fn); }

/** Runs every registered cleanup, then kills every tracked child. Safe to call twice. */
export async function shutdown() {
  const fns = [...cleanups].reverse();
  cleanups.clear();
  for (const fn of fns) {
    try { await fn(); } catch (e) { debug('cleanup failed:', e?.message ?? e); }
  }
  await killAllChildren();
}

process.on('exit', () => { for (const c of children) killTreeNow(c.pid); });
let signalled = false;
let signalExitCode;
/** Exit code after a stop by SIGINT/SIGTERM/SIGHUP (default 130/143/129); `npm start` uses 0. */
export function setSignalExitCode(code) { signalExitCode = code; }
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => {
    if (signalled) return;
    signalled = true;
    log(`${sig}: stopping child processes…`);
    shutdown().finally(() => process.exit(signalExitCode ?? code));
  });
}

// ---------------------------------------------------------------- utilities

export function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

/** A port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * A fresh directory for this run's build outputs under out/runs/ (inside the
 * project, so that compiled suites resolve the project's node_modules);
 * removed at shutdown unless LOSS_ATLAS_KEEP_TMP=1.
 */
export function runDir(prefix) {
  mkdirSync(join(ROOT, 'out/runs'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'out/runs', `${prefix}-`));
  if (process.env.LOSS_ATLAS_KEEP_TMP !== '1') onShutdown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh temporary directory, removed at shutdown unless LOSS_ATLAS_KEEP_TMP=1. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `loss-atlas-${prefix}-`));
  if (process.env.LOSS_ATLAS_KEEP_TMP !== '1') onShutdown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeUserSettings(userDataDir, settings = TEST_SETTINGS) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

// --------------------------------------------------------- install and build

/** Runs scripts/setup-vscode.sh (idempotent; fast when already installed). */
export function ensureCodeServer() {
  const r = spawnSync('bash', [join(ROOT, 'scripts/setup-vscode.sh')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`scripts/setup-vscode.sh failed (exit ${r.status}):\n${`${r.stdout}${r.stderr}`.trim()}`);
  }
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server missing after setup: ${CODE_SERVER_ENTRY}`);
  if (!existsSync(CODE_SERVER_CONFIG)) writeFileSync(CODE_SERVER_CONFIG, 'auth: none\ncert: false\n');
  return CODE_SERVER_ENTRY;
}

const VSCE = join(ROOT, 'node_modules/@vscode/vsce/vsce');

/**
 * `vsce package` of the extension in `dir` to `outFile`, with no prompts. README's relative
 * images (docs/screenshots, shipped in the .vsix) stay relative: there is no repository URL to rewrite them to.
 */
export function vscePackage(dir, outFile, extraArgs = []) {
  mkdirSync(dirname(outFile), { recursive: true });
  rmSync(outFile, { force: true });
  run(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', ...extraArgs, '-o', outFile],
    { cwd: dir, what: `vsce package (${dir})` });
  return outFile;
}

/** Builds the extension (scripts/build.mjs) and packages it; returns the .vsix path. */
export function buildAndPackageExtension({ production = false, out = join(runDir('vsix'), 'loss-atlas.vsix') } = {}) {
  run(process.execPath, [join(ROOT, 'scripts/build.mjs'), ...(production ? ['--production'] : [])], { what: 'build (scripts/build.mjs)' });
  return vscePackage(ROOT, out);
}

/** Installs .vsix files into an extensions dir with code-server's CLI. */
export function installExtensions(extensionsDir, vsixFiles) {
  mkdirSync(extensionsDir, { recursive: true });
  const args = [CODE_SERVER_ENTRY, '--config', CODE_SERVER_CONFIG, '--extensions-dir', extensionsDir];
  for (const f of vsixFiles) args.push('--install-extension', f);
  args.push('--force');
  const out = run(process.execPath, args, { what: 'code-server --install-extension' });
  for (const f of vsixFiles) {
    const name = basename(f).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!new RegExp(`Extension '${name}' was successfully installed`).test(out)) {
      throw new Error(`code-server did not confirm installing ${f}:\n${out}`);
    }
  }
  return out;
}

// --------------------------------------------------------------- code-server

/**
 * Starts code-server on 127.0.0.1 and waits until it serves.
 * @returns {Promise<{url: string, port: number, folder: string, folderUrl: string, process: import('node:child_process').ChildProcess, logFile: string, stop: () => Promise<void>}>}
 */
export async function startCodeServer({
  folder = DEMO_WORKSPACE,
  port,
  userDataDir = tempDir('user-data'),
  extensionsDir,
  settings = TEST_SETTINGS,
  env = {},
  logFile,
  inheritOutput = false,
  readyTimeoutMs = 60_000,
  // 'disabled' (default): --disable-workspace-trust, every folder trusted. 'restricted': trust
  // enabled without a startup prompt, so the folder opens untrusted (restricted mode).
  workspaceTrust = 'disabled',
} = {}) {
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error('code-server is not installed: run `npm run setup:vscode`');
  if (!extensionsDir) throw new Error('startCodeServer: extensionsDir is required');
  port ??= await freePort();
  if (workspaceTrust === 'restricted') {
    settings = {
      ...settings,
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
      'security.workspace.trust.emptyWindow': false,
    };
  } else if (workspaceTrust !== 'disabled') {
    throw new Error(`startCodeServer: workspaceTrust must be 'disabled' or 'restricted', not ${workspaceTrust}`);
  }
  if (settings) writeUserSettings(userDataDir, settings);
  logFile ??= join(OUTPUT_DIR, 'logs', `code-server-${port}.log`);
  mkdirSync(dirname(logFile), { recursive: true });
  const args = [
    CODE_SERVER_ENTRY,
    '--config', CODE_SERVER_CONFIG,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust === 'disabled' ? ['--disable-workspace-trust'] : []),
    '--disable-getting-started-override',
    folder,
  ];
  debug('starting code-server', args.slice(1).join(' '));
  const child = spawnTracked(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logStream = createWriteStream(logFile);
  let recent = '';
  const onData = (d) => {
    logStream.write(d);
    recent = (recent + d.toString()).slice(-4000);
    if (inheritOutput) process.stdout.write(d);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; logStream.end(); });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}) before serving; log ${logFile}:\n${recent}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) {
      await killTree(child.pid);
      throw new Error(`code-server did not serve ${url} within ${readyTimeoutMs / 1000}s; log ${logFile}:\n${recent}`);
    }
    await sleep(200);
  }
  const stop = async () => { await killTree(child.pid); };
  onShutdown(stop);
  return { url, port, folder, folderUrl: `${url}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`, process: child, logFile, userDataDir, extensionsDir, stop, log: () => recent };
}

// ------------------------------------------------------------------ browser

/** Launches headless Debian Chromium through playwright-core (fresh profile). */
export async function launchBrowser({ headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless, args: CHROMIUM_ARGS });
  onShutdown(() => browser.close().catch(() => {}));
  return browser;
}

/**
 * Opens the workbench of a running code-server in a new browser context and
 * waits until it has rendered. Returns the page.
 */
export async function openWorkbench(browser, server, { viewport = { width: 1400, height: 900 }, timeoutMs = 60_000, colorScheme } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The browser's errors and warnings from every frame (webviews are iframes of the workbench), kept
  // for a failure report: a webview that never loads says why only here.
  const consoleLines = [];
  const t0 = Date.now();
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    const where = m.location()?.url ?? '';
    consoleLines.push(`+${Date.now() - t0}ms ${m.type()} ${m.text().slice(0, 400)}${where ? ` (${where.slice(0, 160)})` : ''}`);
    if (consoleLines.length > CONSOLE_LINES_KEPT) consoleLines.splice(0, consoleLines.length - CONSOLE_LINES_KEPT);
  });
  await page.goto(server.folderUrl, { timeout: timeoutMs });
  await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
  page.__lossAtlasErrors = errors;
  page.__lossAtlasConsole = consoleLines;
  return page;
}

/** How many of the browser's latest console errors and warnings a workbench page keeps (see openWorkbench). */
const CONSOLE_LINES_KEPT = 80;
