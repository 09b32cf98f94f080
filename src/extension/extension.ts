/**
 * Entry point: the activation layer. It registers every contribution (the hover
 * provider, the lint's document events and code actions, the commands, the
 * playground's serializer) with thin handlers and loads
 * the features behind them (./features.ts) the first time one is used, so
 * activation itself stays cheap. It owns every disposable through
 * `context.subscriptions`.
 */
import * as vscode from 'vscode';
import { COMMANDS } from './commands';
import { LINT_DEBUG_COMMAND, LINT_SOURCE, PLAYGROUND_DEBUG_COMMAND, PLAYGROUND_VIEW_TYPE, PYTHON_SELECTOR } from './contributions';
import type { Features } from './feature-types';
import { loadFeatures } from './load-features';

export function activate(context: vscode.ExtensionContext): void {
  let lastEditor = vscode.window.activeTextEditor;
  let features: Features | undefined;
  const use = (): Features => (features ??= loadFeatures().createFeatures({ context, lastEditor: () => lastEditor }));
  // The lint runs on Python documents (files, notebook cells); the features load on the first one.
  const lint = (doc: vscode.TextDocument) => {
    if (doc.languageId === 'python' && vscode.workspace.getConfiguration('lossAtlas').get<boolean>('lint.enabled', true)) use().lint.schedule(doc);
  };

  context.subscriptions.push(
    vscode.languages.registerHoverProvider(PYTHON_SELECTOR, {
      provideHover: (doc, pos, token) => use().hover.provideHover(doc, pos, token),
    }),
    ...[...Object.values(COMMANDS), PLAYGROUND_DEBUG_COMMAND, LINT_DEBUG_COMMAND].map((id) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => use().commands[id](...args)),
    ),
    vscode.window.registerWebviewPanelSerializer(PLAYGROUND_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => use().serializer.deserializeWebviewPanel(panel, state),
    }),
    vscode.languages.registerCodeActionsProvider(
      PYTHON_SELECTOR,
      {
        provideCodeActions: (doc, range, ctx, token) =>
          ctx.diagnostics.some((d) => d.source === LINT_SOURCE) ? use().lint.provideCodeActions(doc, range, ctx, token) : undefined,
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.workspace.onDidOpenTextDocument(lint),
    // A notebook's cells may open before the notebook is known: lint it again once it is.
    vscode.workspace.onDidOpenNotebookDocument((nb) => {
      const cell = nb.getCells().find((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python');
      if (cell) lint(cell.document);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => lint(e.document)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('lossAtlas.lint') && !e.affectsConfiguration('lossAtlas.language')) return;
      if (features) features.lint.refreshAll();
      else vscode.workspace.textDocuments.forEach(lint);
    }),
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e) lastEditor = e;
    }),
    // Nothing to forget before the features are loaded.
    vscode.workspace.onDidCloseTextDocument((doc) => features?.forgetDocument?.(doc)),
    vscode.workspace.onDidCloseNotebookDocument((nb) => features?.forgetNotebook?.(nb)),
    { dispose: () => features?.dispose() },
  );
  // Documents open before activation: linted once activation has returned.
  setTimeout(() => vscode.workspace.textDocuments.forEach(lint), 0);
}

export function deactivate(): void {}
