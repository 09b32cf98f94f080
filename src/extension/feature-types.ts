/**
 * The contract between the activation layer (./extension.ts, loaded at activation)
 * and the features behind it (./features.ts, loaded on first use). Types only.
 */
import type * as vscode from 'vscode';

/** What the features get from the activation layer. */
export interface FeatureHost {
  context: vscode.ExtensionContext;
  /** The last text editor that had focus (tracked from activation on, for the playground's inserts). */
  lastEditor(): vscode.TextEditor | undefined;
}

export type CommandHandler = (...args: unknown[]) => unknown;

/** One feature module's part: the handlers the activation layer's registrations call. */
export interface FeatureSet {
  hover?: vscode.HoverProvider;
  /** By command id; every id the activation layer registers has exactly one handler. */
  commands: Record<string, CommandHandler>;
  serializer?: vscode.WebviewPanelSerializer;
  /** The loss lint: diagnostics for Python documents and their code actions. */
  lint?: LintHost;
  forgetDocument?(doc: vscode.TextDocument): void;
  forgetNotebook?(notebook: vscode.NotebookDocument): void;
  dispose(): void;
}

/** What the activation layer calls on the loss lint. */
export interface LintHost extends vscode.CodeActionProvider {
  /** Lint `doc`'s file or notebook after a short pause (each call restarts it). */
  schedule(doc: vscode.TextDocument): void;
  /** Settings changed: lint every open Python document again. */
  refreshAll(): void;
}

/** Every feature, merged. */
export interface Features extends FeatureSet {
  hover: vscode.HoverProvider;
  serializer: vscode.WebviewPanelSerializer;
  lint: LintHost;
}
