/**
 * `Loss Atlas: Insert Loss Snippet…`: pick a loss, then a framework; inserts the
 * catalog's snippet with its tab stops and adds the imports it needs at the top
 * of the file (the first code cell in a notebook) once, when they are missing.
 */
import * as vscode from 'vscode';
import { getEntry } from '../../losses';
import type { LossEntry } from '../../losses';
import { snippetFrameworks, snippetImports, snippetWithParams, type SnippetFramework } from '../../losses/snippets';
import type { InsertSnippetArgs } from '../commands';
import { importsOf, notebookOf } from './document-imports';
import { displayLanguage } from './language';
import { frameworkPicks, lossPicks } from './loss-picks';
import { importInsertLine } from '../../python';

export interface InsertSnippetResult {
  lossId: string;
  framework: SnippetFramework;
  /** Import lines added to the document. */
  imports: string[];
  body: string;
  /** Whether the editor took the snippet. */
  inserted: boolean;
}

export async function pickLoss(filter?: (e: LossEntry) => boolean, title?: string): Promise<LossEntry | undefined> {
  const lang = displayLanguage();
  const items = lossPicks(lang, filter).map((p) => ({ label: p.label, description: p.description, detail: p.detail, entry: p.entry }));
  const picked = await vscode.window.showQuickPick(items, {
    title: title ?? vscode.l10n.t('Loss Atlas: Insert Loss Snippet…'),
    placeHolder: vscode.l10n.t('Search by name, alias, Chinese name, category or API'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.entry;
}

/** Adds missing import lines to the top of the document (or the notebook's first code cell). */
async function addImports(editor: vscode.TextEditor, lines: string[]): Promise<void> {
  if (!lines.length) return;
  const nb = notebookOf(editor.document);
  const target = nb?.getCells().find((c) => c.kind === vscode.NotebookCellKind.Code)?.document ?? editor.document;
  const line = importInsertLine(target.getText());
  const edit = new vscode.WorkspaceEdit();
  const at = new vscode.Position(Math.min(line, target.lineCount), 0);
  const atEnd = line >= target.lineCount;
  const text = atEnd && target.lineCount > 0 && target.lineAt(target.lineCount - 1).text !== ''
    ? '\n' + lines.join('\n')
    : lines.join('\n') + '\n';
  edit.insert(target.uri, atEnd ? target.lineAt(Math.max(0, target.lineCount - 1)).range.end : at, text);
  await vscode.workspace.applyEdit(edit);
}

export async function insertSnippet(args?: InsertSnippetArgs): Promise<InsertSnippetResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a Python file or notebook cell to insert a loss snippet.'));
    return undefined;
  }
  let entry: LossEntry | undefined;
  if (args?.lossId) {
    entry = getEntry(args.lossId);
    if (!entry) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Unknown loss: {0}', args.lossId));
      return undefined;
    }
  } else {
    entry = await pickLoss((e) => snippetFrameworks(e).length > 0);
  }
  if (!entry) return undefined;
  const available = snippetFrameworks(entry);
  if (!available.length) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} has no snippet.', entry.names.en));
    return undefined;
  }
  let framework = args?.framework;
  if (framework && !available.includes(framework)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} has no {1} snippet; available: {2}.', entry.names.en, framework, available.join(', ')));
    return undefined;
  }
  if (!framework) {
    if (available.length === 1) framework = available[0];
    else {
      const picked = await vscode.window.showQuickPick(frameworkPicks(entry, displayLanguage()), {
        title: vscode.l10n.t('{0}: which framework?', entry.names[displayLanguage()]),
      });
      framework = picked?.framework;
    }
  }
  if (!framework) return undefined;
  const body = snippetWithParams(entry.snippets[framework]!, args?.params ?? {});
  const bound = new Set(importsOf(editor.document).names.keys());
  const imports = snippetImports(body, bound);
  await addImports(editor, imports);
  const inserted = await editor.insertSnippet(new vscode.SnippetString(body));
  return { lossId: entry.id, framework, imports, body, inserted };
}
