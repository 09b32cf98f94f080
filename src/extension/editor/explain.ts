/**
 * `Loss Atlas: Explain Loss at Cursor`: opens the reference at the loss API under
 * the cursor (with the call's parameters).
 */
import * as vscode from 'vscode';
import { COMMANDS, type OpenPlaygroundArgs } from '../commands';
import { lossAt } from './hover';
import { callParams } from './hover-content';

export async function explainAtCursor(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const found = editor && lossAt(editor.document, editor.selection.active);
  if (!found) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No loss API at the cursor. Put the cursor on a name such as nn.CrossEntropyLoss or F.mse_loss.'),
    );
    return undefined;
  }
  const entry = found.entry;
  const params = callParams(entry, found.args);
  const args: OpenPlaygroundArgs = { lossId: entry.id, ...(Object.keys(params).length ? { params } : {}) };
  try {
    await vscode.commands.executeCommand(COMMANDS.openReference, args);
  } catch {
    await vscode.commands.executeCommand('editor.action.showHover');
  }
  return entry.id;
}
