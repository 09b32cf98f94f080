// `npm start`: builds Loss Atlas, packages it, installs it into the project's
// code-server (installing that first if needed: scripts/setup-vscode.sh) and
// serves VS Code on 127.0.0.1 only. Ctrl-C stops it and every child process.
//
//   LOSS_ATLAS_PORT       port on 127.0.0.1 (default 3210)
//   LOSS_ATLAS_WORKSPACE  folder to open (default: demo/)
//
// Settings and installed extensions persist in .cache/start/ between runs.
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import {
  DEMO_WORKSPACE, ROOT, buildAndPackageExtension, ensureCodeServer, installExtensions, log, setSignalExitCode,
  shutdown, startCodeServer, writeUserSettings,
} from '../test/integration/harness/code-server.mjs';

const START_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

function fail(message) {
  console.error(`[start] ${message}`);
  process.exit(1);
}

function portFree(port) {
  return new Promise((res) => {
    const srv = createServer();
    srv.once('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}

const portText = process.env.LOSS_ATLAS_PORT ?? '3210';
const port = Number(portText);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`LOSS_ATLAS_PORT must be a port number, got "${portText}"`);
const workspace = resolve(process.env.LOSS_ATLAS_WORKSPACE ?? DEMO_WORKSPACE);
if (!existsSync(workspace) || !statSync(workspace).isDirectory()) fail(`LOSS_ATLAS_WORKSPACE is not a folder: ${workspace}`);
if (!(await portFree(port))) fail(`port ${port} on 127.0.0.1 is in use; set LOSS_ATLAS_PORT to another port`);

// Ctrl-C is how one stops it: exit 0 once every child is gone (the harness does the stopping).
setSignalExitCode(0);
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { stopping = true; });
const stateDir = join(ROOT, '.cache/start');
const userDataDir = join(stateDir, 'user-data');
const extensionsDir = join(stateDir, 'extensions');

try {
  log('installing code-server if needed (scripts/setup-vscode.sh)…');
  ensureCodeServer();
  log('building and packaging Loss Atlas…');
  const vsix = buildAndPackageExtension();
  log(`installing ${vsix}…`);
  installExtensions(extensionsDir, [vsix]);
  if (!existsSync(join(userDataDir, 'User/settings.json'))) writeUserSettings(userDataDir, START_SETTINGS);
  const server = await startCodeServer({
    folder: workspace, port, userDataDir, extensionsDir, settings: null, logFile: join(stateDir, 'code-server.log'),
  });
  console.log(`\nLoss Atlas is running at ${server.folderUrl}\n`);
  console.log(`(code-server log: ${server.logFile}; press Ctrl-C to stop)`);
  server.process.on('exit', async (code, signal) => {
    if (stopping) return;
    console.error(`[start] code-server stopped (${code ?? signal})`);
    await shutdown();
    process.exit(code ?? 1);
  });
} catch (e) {
  await shutdown();
  fail(e.message);
}
