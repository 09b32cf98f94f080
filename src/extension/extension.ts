/**
 * Entry point: only wires the feature modules; each owns its disposables
 * through `context.subscriptions`.
 */
import type * as vscode from 'vscode';
import { registerEditorFeatures } from './editor/register';
import { registerPlayground } from './playground/register';

export function activate(context: vscode.ExtensionContext): void {
  registerEditorFeatures(context);
  registerPlayground(context);
}

export function deactivate(): void {}
