/**
 * Helpers for integration suites (imported by `*.test.ts`, bundled into each).
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'loss-atlas.loss-atlas';

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes; then fails with `message`. */
export async function waitUntil<T>(check: () => T | Promise<T>, message: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) assert.fail(`${message} (waited ${timeoutMs / 1000}s)`);
    await sleep(100);
  }
}

export function lossAtlas(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
  return ext;
}

/** The first workspace folder (a copy of demo/ in the code-server runs). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (the demo workspace should be)');
  return folder.uri;
}

export function demoFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

/** Opens a demo file in an editor and returns the editor. */
export async function openDemoFile(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(demoFile(name));
  return vscode.window.showTextDocument(doc);
}

/** Activates Loss Atlas (if not yet active) and returns it. */
export async function activateLossAtlas(): Promise<vscode.Extension<unknown>> {
  const ext = lossAtlas();
  if (!ext.isActive) await ext.activate();
  return ext;
}
