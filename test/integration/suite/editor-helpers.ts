/**
 * Helpers for the editor suites: documents with content, hovers, selections.
 */
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

export async function pythonDoc(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
  return vscode.window.showTextDocument(doc);
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

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
