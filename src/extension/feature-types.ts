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
  forgetDocument?(doc: vscode.TextDocument): void;
  forgetNotebook?(notebook: vscode.NotebookDocument): void;
  dispose(): void;
}

/** Every feature, merged. */
export interface Features extends FeatureSet {
  hover: vscode.HoverProvider;
  serializer: vscode.WebviewPanelSerializer;
}
