/**
 * Restricted mode and virtual documents. Loss Atlas declares
 * `capabilities.untrustedWorkspaces: { supported: true }` and
 * `virtualWorkspaces: true`: it runs no workspace code, reads no workspace files
 * (only the text of documents open in the editor) and keeps only its own state
 * (workspace state, global storage). The tests tagged RESTRICTED_TAG run alone in a session whose
 * code-server starts *without* `--disable-workspace-trust`, with workspace trust
 * enabled and no startup prompt, so the demo folder opens untrusted (see
 * ../sessions.mjs and ../driver.mjs). The virtual-document test runs in the main
 * session: a Python file on an in-memory file system (scheme `loss-atlas-mem`),
 * as in a virtual workspace, gets hovers and Compute Loss on Selection.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { computeLoss } from '../../../src/losses';
import { activateLossAtlas, demoFile, lossAtlas, waitUntil } from './helpers';
import { closeAll, hoverLossId, lossHover, positionOf, select } from './editor-helpers';

// Keep in sync with RESTRICTED_TAG in ../sessions.mjs.
const RESTRICTED_TAG = '[fresh host: restricted mode]';
const DEBUG = 'lossAtlas.playground.debug';

type ComputeResult = { lossId: string; value: number } | { error: string };

describe(`restricted mode (untrusted workspace) ${RESTRICTED_TAG}`, function () {
  this.timeout(90_000);
  after(closeAll);

  it('the workspace is untrusted and the manifest declares support for it', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this session should run in restricted mode');
    const caps = lossAtlas().packageJSON.capabilities;
    assert.deepEqual(caps?.untrustedWorkspaces, { supported: true });
    assert.equal(caps?.virtualWorkspaces, true);
  });

  it('activates when a Python file of the untrusted workspace is opened', async () => {
    const ext = lossAtlas();
    assert.equal(ext.isActive, false, 'Loss Atlas was already active before any Python file was opened');
    const doc = await vscode.workspace.openTextDocument(demoFile('classification.py'));
    await vscode.window.showTextDocument(doc);
    await waitUntil(() => ext.isActive, 'Loss Atlas did not activate in restricted mode');
  });

  it('hovers, with the formula image', async () => {
    const doc = await vscode.workspace.openTextDocument(demoFile('classification.py'));
    const md = await lossHover(doc, positionOf(doc, 'CrossEntropyLoss', 1));
    assert.equal(hoverLossId(md), 'cross-entropy');
    assert.match(md!, /Cross-Entropy/);
    assert.match(md!, /!\[[^\]]*\]\(data:image\/svg\+xml;base64,/);
  });

  it('registers every command; Compute Loss on Selection gives the core value', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const contributed: Array<{ command: string }> = lossAtlas().packageJSON.contributes.commands;
    for (const c of contributed) assert.ok(all.has(c.command), `${c.command} not registered in restricted mode`);
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'pred = [0.9, 0.2, 0.7]\ntarget = [1.0, 0.0, 1.0]\n' });
    const editor = await vscode.window.showTextDocument(doc);
    select(editor, 'pred = [0.9, 0.2, 0.7]\ntarget = [1.0, 0.0, 1.0]');
    const r = await vscode.commands.executeCommand<ComputeResult>('lossAtlas.computeOnSelection', { notify: false, lossId: 'mse-loss' });
    assert.ok(r && !('error' in r), `compute failed: ${JSON.stringify(r)}`);
    const expected = computeLoss('mse-loss', { input: [0.9, 0.2, 0.7], target: [1, 0, 1] }).value as number;
    assert.ok(Math.abs(r.value - expected) < 1e-12, `${r.value} vs ${expected}`);
  });

  it('opens the playground and computes in it', async () => {
    await vscode.commands.executeCommand('lossAtlas.openPlayground', { lossId: 'huber-loss' });
    const summary = await waitUntil(async () => {
      try {
        const s = await vscode.commands.executeCommand<{ summary: string } | undefined>(DEBUG, { action: 'state' });
        const sum = s && (JSON.parse(s.summary) as { lossId: string; value: string | null });
        return sum && sum.lossId === 'huber-loss' && sum.value !== null ? sum : undefined;
      } catch {
        return undefined;
      }
    }, 'the playground showed no value in restricted mode', 40_000);
    assert.ok(Number.isFinite(Number(summary!.value)), `value: ${summary!.value}`);
    await vscode.commands.executeCommand(DEBUG, { action: 'close' });
  });
});

/** A minimal in-memory file system, standing in for a virtual workspace's provider. */
class MemFs implements vscode.FileSystemProvider {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  watch(): vscode.Disposable { return new vscode.Disposable(() => {}); }
  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const f = this.files.get(uri.path);
    if (!f) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: f.mtime, mtime: f.mtime, size: f.data.length };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [...this.files.keys()].map((p) => [p.slice(1), vscode.FileType.File]);
  }
  createDirectory(): void {}
  readFile(uri: vscode.Uri): Uint8Array {
    const f = this.files.get(uri.path);
    if (!f) throw vscode.FileSystemError.FileNotFound(uri);
    return f.data;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.files.set(uri.path, { data: content, mtime: Date.now() });
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }
  delete(uri: vscode.Uri): void { this.files.delete(uri.path); }
  rename(): void { throw vscode.FileSystemError.NoPermissions('rename'); }
}

describe('virtual documents (a file system provider other than file:)', function () {
  this.timeout(60_000);
  let registration: vscode.Disposable | undefined;
  before(activateLossAtlas);
  after(async () => {
    await closeAll();
    registration?.dispose();
  });

  it('hovers and computes on a Python file of an in-memory file system', async () => {
    registration = vscode.workspace.registerFileSystemProvider('loss-atlas-mem', new MemFs());
    const uri = vscode.Uri.parse('loss-atlas-mem:/train.py');
    const text = 'import torch.nn as nn\ncriterion = nn.CrossEntropyLoss()\npred = [0.9, 0.2, 0.7]\ntarget = [1.0, 0.0, 1.0]\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.uri.scheme, 'loss-atlas-mem');
    assert.equal(doc.languageId, 'python');
    const editor = await vscode.window.showTextDocument(doc);
    const md = await lossHover(doc, positionOf(doc, 'CrossEntropyLoss'));
    assert.equal(hoverLossId(md), 'cross-entropy');
    select(editor, 'pred = [0.9, 0.2, 0.7]\ntarget = [1.0, 0.0, 1.0]');
    const r = await vscode.commands.executeCommand<ComputeResult>('lossAtlas.computeOnSelection', { notify: false, lossId: 'mse-loss' });
    assert.ok(r && !('error' in r), `compute failed: ${JSON.stringify(r)}`);
    const expected = computeLoss('mse-loss', { input: [0.9, 0.2, 0.7], target: [1, 0, 1] }).value as number;
    assert.ok(Math.abs(r.value - expected) < 1e-12);
  });
});
