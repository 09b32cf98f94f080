/**
 * Helpers for the editor suites: documents with content, hovers, selections.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';

export async function pythonDoc(content: string): Promise<vscode.TextEditor> {
  // Right after another suite's closeAll, the editor shown has once held an empty document (a full
  // run of 6 December): open the document again until the editor shows this content.
  for (let attempt = 1; ; attempt++) {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
    const editor = await vscode.window.showTextDocument(doc);
    if (editor.document.getText() === content || attempt === 3) return editor;
  }
}

/**
 * The position of the last character of the `nth` occurrence of `needle`; when
 * the needle holds `(`, of the character before it (`CE(` finds the `E` of a call).
 */
export function positionOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Position {
  const text = doc.getText();
  let k = -1;
  for (let i = 0; i <= nth; i++) {
    k = text.indexOf(needle, k + 1);
    assert.ok(k >= 0, `'${needle}' (occurrence ${nth}) is not in the document`);
  }
  const paren = needle.indexOf('(');
  return doc.positionAt(k + (paren > 0 ? paren : needle.length) - 1);
}

/** Loss Atlas's hover Markdown at a position, or undefined when it shows none. */
export async function lossHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<string | undefined> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
  for (const h of hovers) {
    for (const c of h.contents) {
      const v = typeof c === 'string' ? c : 'value' in c ? c.value : '';
      if (v.includes('command:lossAtlas.openReference')) return v;
    }
  }
  return undefined;
}

/** The entry id the hover's "Open in reference" link opens. */
export function hoverLossId(markdown: string | undefined): string | undefined {
  if (!markdown) return undefined;
  const m = /\(command:lossAtlas\.openReference\?([^)]*)\)/.exec(markdown);
  return m ? (JSON.parse(decodeURIComponent(m[1]))[0].lossId as string) : undefined;
}

/** The args of a hover command link. */
export function hoverLinkArgs(markdown: string, command: string): unknown {
  const m = new RegExp(`\\(command:${command.replace(/\./g, '\\.')}\\?([^)]*)\\)`).exec(markdown);
  assert.ok(m, `no ${command} link in the hover`);
  return JSON.parse(decodeURIComponent(m[1]))[0];
}

/** Selects each of `needles` (exact text) in the editor, as multi-cursor selections. */
export function select(editor: vscode.TextEditor, ...needles: string[]): void {
  const text = editor.document.getText();
  editor.selections = needles.map((n) => {
    const k = text.indexOf(n);
    assert.ok(k >= 0, `'${n.slice(0, 40)}' is not in the document`);
    return new vscode.Selection(editor.document.positionAt(k), editor.document.positionAt(k + n.length));
  });
}

export function selectAll(editor: vscode.TextEditor): void {
  const doc = editor.document;
  editor.selection = new vscode.Selection(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end);
}

/** Closes every editor without save prompts (test documents are untitled and dirty). */
export async function closeAll(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (!vscode.window.activeTextEditor && !vscode.window.activeNotebookEditor && vscode.window.tabGroups.all.every((g) => g.tabs.length === 0)) break;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('lossAtlas').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Writes a notebook file into the workspace and opens it (a saved, clean document). */
export async function notebookFile(name: string, cells: Array<[kind: 'code' | 'markdown', source: string]>): Promise<vscode.NotebookDocument> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const uri = vscode.Uri.joinPath(folder, name);
  const json = {
    cells: cells.map(([kind, source]) => ({ cell_type: kind, metadata: {}, source: source.split(/(?<=\n)/), ...(kind === 'code' ? { execution_count: null, outputs: [] } : {}) })),
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }, language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(json)));
  return vscode.workspace.openNotebookDocument(uri);
}

/** Figures measured by the suites, collected in a file the report reads (the host's console is not forwarded). */
export function recordFigure(name: string, value: unknown): void {
  const dir = join(tmpdir(), 'loss-atlas-figures');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'editor-integration.json');
  let all: Record<string, unknown>;
  try {
    all = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    all = {};
  }
  all[name] = value;
  writeFileSync(file, JSON.stringify(all, null, 2));
  console.log(`      ${name}: ${JSON.stringify(value)}`);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
