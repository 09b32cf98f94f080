/**
 * Editor features: hover docs, snippets, search, compute on selection.
 */
import type * as vscode from 'vscode';

export function registerEditorFeatures(context: vscode.ExtensionContext): void {
  void context;
}
