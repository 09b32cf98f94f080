/**
 * The Python analysis (src/python) of a document, cached per document version; for a notebook
 * cell, the analysis of every code cell of its notebook in order (bindings flow across cells),
 * cached per cell versions. Hovers hit the cache after the first analysis, without reading the
 * document's text again.
 */
import * as vscode from 'vscode';
import { PythonAnalysis, type ImportTable } from '../../python';

interface Analyzed {
  readonly analysis: PythonAnalysis;
  /** The cell of `analysis` the document is (0 for a file). */
  readonly cell: number;
}

const perDocument = new Map<string, { version: number; analysis: PythonAnalysis }>();
const perNotebook = new Map<string, { signature: string; analysis: PythonAnalysis }>();

export function notebookOf(doc: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (doc.uri.scheme !== 'vscode-notebook-cell') return undefined;
  return vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((c) => c.document === doc));
}

/** The analysis that covers `doc` and which of its cells `doc` is. */
export function analysisOf(doc: vscode.TextDocument): Analyzed {
  const nb = notebookOf(doc);
  if (!nb) {
    const key = doc.uri.toString();
    const hit = perDocument.get(key);
    if (hit && hit.version === doc.version) return { analysis: hit.analysis, cell: 0 };
    const analysis = new PythonAnalysis([doc.getText()]);
    perDocument.set(key, { version: doc.version, analysis });
    return { analysis, cell: 0 };
  }
  const cells = nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
  const cell = Math.max(0, cells.findIndex((c) => c.document === doc));
  const signature = cells.map((c) => `${c.document.uri.fragment}@${c.document.version}`).join(',');
  const key = nb.uri.toString();
  const hit = perNotebook.get(key);
  if (hit && hit.signature === signature) return { analysis: hit.analysis, cell };
  const analysis = new PythonAnalysis(cells.map((c) => c.document.getText()));
  perNotebook.set(key, { signature, analysis });
  return { analysis, cell };
}

/** The imports that bind names in `doc` (all cells of its notebook for a cell). */
export function importsOf(doc: vscode.TextDocument): ImportTable {
  return analysisOf(doc).analysis.imports;
}

export function forgetDocument(doc: vscode.TextDocument): void {
  perDocument.delete(doc.uri.toString());
}

export function forgetNotebook(nb: vscode.NotebookDocument): void {
  perNotebook.delete(nb.uri.toString());
}
