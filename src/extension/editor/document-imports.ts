/**
 * Parsed imports per document version; for a notebook cell, the merged imports
 * of every code cell of its notebook. Hovers hit the cache after the first parse.
 */
import * as vscode from 'vscode';
import { mergeImports, parseImports, type ImportTable } from './pyimports';

const perDocument = new Map<string, { version: number; table: ImportTable }>();
const perNotebook = new Map<string, { signature: string; table: ImportTable }>();

function tableFor(doc: vscode.TextDocument): ImportTable {
  const key = doc.uri.toString();
  const hit = perDocument.get(key);
  if (hit && hit.version === doc.version) return hit.table;
  const table = parseImports(doc.getText());
  perDocument.set(key, { version: doc.version, table });
  return table;
}

export function notebookOf(doc: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (doc.uri.scheme !== 'vscode-notebook-cell') return undefined;
  return vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document === doc));
}

/** The imports that bind names in `doc` (all cells of its notebook for a cell). */
export function importsOf(doc: vscode.TextDocument): ImportTable {
  const nb = notebookOf(doc);
  if (!nb) return tableFor(doc);
  const cells = nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
  const signature = cells.map((c) => `${c.document.uri.fragment}@${c.document.version}`).join(',');
  const key = nb.uri.toString();
  const hit = perNotebook.get(key);
  if (hit && hit.signature === signature) return hit.table;
  const table = mergeImports(cells.map((c) => tableFor(c.document)));
  perNotebook.set(key, { signature, table });
  return table;
}

export function forgetDocument(doc: vscode.TextDocument): void {
  perDocument.delete(doc.uri.toString());
}

export function forgetNotebook(nb: vscode.NotebookDocument): void {
  perNotebook.delete(nb.uri.toString());
}
