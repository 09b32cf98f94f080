/**
 * The playground webview panel and its commands.
 */
import type * as vscode from 'vscode';

export function registerPlayground(context: vscode.ExtensionContext): void {
  void context;
}
