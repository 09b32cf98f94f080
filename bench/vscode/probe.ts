/**
 * Runs inside code-server's extension host (loaded by the integration test-runner extension in
 * place of the suite index; see ../vscode.ts). Opens a Python file of the demo workspace — the
 * real trigger, `onLanguage:python` — waits for Loss Atlas to be active (timing that here), then
 * opens `Developer: Show Running Extensions`, whose "Activation: N ms" (VS Code's code loading +
 * activate call time for the extension) the bench reads from the workbench page. (The
 * `Developer: Startup Performance` document has the same data, but its `perf:` document stays
 * empty when synced to the extension host, so it cannot be read from here.)
 *
 * When the runner's config lists `lintFiles`, it then times the loss lint in this extension host's
 * heap (../lint-files.ts timeLints on each file, with the lint's source bundled into this probe:
 * the same code as dist/features.js, not minified, with the whole catalog): the web extension's
 * path; and in a lint thread started from this extension host on the installed extension's own
 * dist/lint-worker.js, as the desktop extension lints (../lint-thread.ts). It reports the times.
 */
import { readFileSync } from 'node:fs';
import * as inspector from 'node:inspector';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { lintCells } from '../../src/python/lint';
import { timeLints, type LintTimes } from '../lint-files';
import { timeThreadLints, type ThreadLintTimes } from '../lint-thread';

/** A 5,000-line file for the lint rows: its label and where the bench wrote it. */
export interface LintFile {
  label: string;
  file: string;
}

export interface ActivationReport {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: never[];
  files: string[];
  activation: {
    wasActive: boolean;
    /** In the extension host: from openTextDocument(classification.py) until the extension's activate() resolved. */
    openToActiveMs: number;
  };
  /** The lint's times in the extension host, per file of the config's `lintFiles`. */
  lint?: Array<LintTimes & { label: string; thread?: ThreadLintTimes }>;
  /** The extension host process the times were taken in. */
  host?: { node: string; execArgv: string[]; nodeOptions: string; inspector: string | null; heapUsedMb: number };
}

const ID = 'loss-atlas.loss-atlas';

export async function runSuites(): Promise<ActivationReport> {
  const t = Date.now();
  const ext = vscode.extensions.getExtension(ID);
  if (!ext) throw new Error(`${ID} is not installed`);
  const wasActive = ext.isActive;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const t0 = performance.now();
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(folder, 'classification.py')));
  await vscode.window.showTextDocument(doc);
  while (!ext.isActive) await new Promise((r) => setTimeout(r, 1));
  await ext.activate();
  const openToActiveMs = performance.now() - t0;
  const activation: ActivationReport['activation'] = { wasActive, openToActiveMs };
  // VS Code's own figure is read by the bench from this editor in the browser (../vscode.ts).
  await vscode.commands.executeCommand('workbench.action.showRuntimeExtensions');
  const config = JSON.parse(readFileSync(process.env.LOSS_ATLAS_TEST_CONFIG ?? '', 'utf8')) as { lintFiles?: LintFile[] };
  if (config.lintFiles) {
    // The bench reads the Running Extensions editor meanwhile; then a quiet workbench: no editor
    // open, so the browser and the server have nothing to draw or send.
    await new Promise((r) => setTimeout(r, 8000));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await new Promise((r) => setTimeout(r, 1000));
  }
  const lint: ActivationReport['lint'] = config.lintFiles ? [] : undefined;
  for (const { label, file } of config.lintFiles ?? []) {
    const src = readFileSync(file, 'utf8');
    const inHost = await timeLints(src, (text, mode) => lintCells([text], mode === 'cold' ? { parseCache: null } : {}).length);
    lint!.push({ label, ...inHost, thread: await timeThreadLints(src, join(ext.extensionPath, 'dist', 'lint-worker.js')) });
  }
  const host = {
    node: process.version,
    execArgv: process.execArgv,
    nodeOptions: process.env.NODE_OPTIONS ?? '',
    inspector: inspector.url() ?? null,
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1048576),
  };
  return { passes: 1, failures: 0, pending: 0, durationMs: Date.now() - t, tests: [], files: [], activation, lint, host };
}
