/**
 * Runs inside code-server's extension host (loaded by the integration test-runner extension in
 * place of the suite index; see ../vscode.ts). Opens a Python file of the demo workspace — the
 * real trigger, `onLanguage:python` — waits for Loss Atlas to be active (timing that here), then
 * opens `Developer: Show Running Extensions`, whose "Activation: N ms" (VS Code's code loading +
 * activate call time for the extension) the bench reads from the workbench page. (The
 * `Developer: Startup Performance` document has the same data, but its `perf:` document stays
 * empty when synced to the extension host, so it cannot be read from here.)
 */
import { join } from 'node:path';
import * as vscode from 'vscode';

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
  return { passes: 1, failures: 0, pending: 0, durationMs: Date.now() - t, tests: [], files: [], activation };
}
