/**
 * `Loss Atlas: Search Losses`: a Quick Pick of every loss; accepting opens the
 * reference, the row buttons open the playground or insert a snippet.
 */
import * as vscode from 'vscode';
import { COMMANDS, type InsertSnippetArgs, type OpenPlaygroundArgs } from '../commands';
import { displayLanguage } from './language';
import { lossPicks, type LossPick } from './loss-picks';

type Item = vscode.QuickPickItem & { pick: LossPick };

export async function searchLosses(): Promise<string | undefined> {
  const lang = displayLanguage();
  const playButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('play'), tooltip: vscode.l10n.t('Open in Playground') };
  const snipButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: vscode.l10n.t('Insert snippet') };
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = vscode.l10n.t('Loss Atlas: Search Losses');
  qp.placeholder = vscode.l10n.t('Search by name, alias, Chinese name, category or API');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.items = lossPicks(lang).map((pick) => ({ label: pick.label, description: pick.description, detail: pick.detail, pick, buttons: [playButton, snipButton] }));
  return new Promise<string | undefined>((resolve) => {
    let done = false;
    const finish = (id: string | undefined) => {
      if (done) return;
      done = true;
      qp.dispose();
      resolve(id);
    };
    qp.onDidAccept(() => {
      const sel = qp.selectedItems[0];
      if (!sel) return;
      const args: OpenPlaygroundArgs = { lossId: sel.pick.entry.id };
      void vscode.commands.executeCommand(COMMANDS.openReference, args);
      finish(sel.pick.entry.id);
    });
    qp.onDidTriggerItemButton((e) => {
      const id = e.item.pick.entry.id;
      if (e.button === playButton) {
        const args: OpenPlaygroundArgs = { lossId: id };
        void vscode.commands.executeCommand(COMMANDS.openPlayground, args);
      } else {
        const args: InsertSnippetArgs = { lossId: id };
        void vscode.commands.executeCommand(COMMANDS.insertSnippet, args);
      }
      finish(id);
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}
