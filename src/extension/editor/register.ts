/**
 * Editor features: hover docs, snippets, search, compute on selection, explain at cursor.
 */
import * as vscode from 'vscode';
import { COMMANDS, type InsertSnippetArgs } from '../commands';
import { computeOnSelection, type ComputeArgs } from './compute';
import { forgetDocument, forgetNotebook } from './document-imports';
import { explainAtCursor } from './explain';
import { LossHoverProvider } from './hover';
import { insertSnippet } from './insert-snippet';
import { disposeWorker } from './parse-selection';
import { searchLosses } from './search';

/** Python files, untitled buffers and notebook cells. */
export const PYTHON_SELECTOR: vscode.DocumentSelector = [{ language: 'python' }];

/** Menus pass the document's URI as the first argument; only plain objects are command arguments. */
function plainArgs<T extends object>(args: unknown): T | undefined {
  return args && typeof args === 'object' && !(args instanceof vscode.Uri) && !Array.isArray(args) ? (args as T) : undefined;
}

export function registerEditorFeatures(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(PYTHON_SELECTOR, new LossHoverProvider({ extensionUri: context.extensionUri, storageUri: context.globalStorageUri })),
    vscode.commands.registerCommand(COMMANDS.searchLosses, () => searchLosses()),
    vscode.commands.registerCommand(COMMANDS.insertSnippet, (args?: unknown) => insertSnippet(plainArgs<InsertSnippetArgs>(args))),
    vscode.commands.registerCommand(COMMANDS.computeOnSelection, (args?: unknown) => computeOnSelection(context, plainArgs<ComputeArgs>(args))),
    vscode.commands.registerCommand(COMMANDS.explainAtCursor, () => explainAtCursor()),
    vscode.workspace.onDidCloseTextDocument(forgetDocument),
    vscode.workspace.onDidCloseNotebookDocument(forgetNotebook),
    { dispose: disposeWorker },
  );
}
