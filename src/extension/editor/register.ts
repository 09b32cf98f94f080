/**
 * Editor features: hover docs, snippets, search, compute on selection, explain at cursor.
 * Created on first use by ./../features.ts; ./../extension.ts registers them with VS Code.
 */
import * as vscode from 'vscode';
import { catalogTextOrSay } from '../catalog-text';
import { COMMANDS, type InsertSnippetArgs } from '../commands';
import type { FeatureHost, FeatureSet } from '../feature-types';
import { computeOnSelection, type ComputeArgs } from './compute';
import { forgetDocument, forgetNotebook } from './document-imports';
import { explainAtCursor } from './explain';
import { LossHoverProvider } from './hover';
import { insertSnippet } from './insert-snippet';
import { disposeWorker } from './parse-selection';
import { searchLosses } from './search';

/** Menus pass the document's URI as the first argument; only plain objects are command arguments. */
function plainArgs<T extends object>(args: unknown): T | undefined {
  return args && typeof args === 'object' && !(args instanceof vscode.Uri) && !Array.isArray(args) ? (args as T) : undefined;
}

/**
 * A command that shows catalog text: it runs once the text is loaded; when the
 * text cannot be read, the person is told why instead.
 */
function withCatalogText<A extends unknown[], R>(run: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => ((await catalogTextOrSay()) ? run(...args) : undefined);
}

export function editorFeatures(host: FeatureHost): FeatureSet & { hover: vscode.HoverProvider } {
  const { context } = host;
  return {
    hover: new LossHoverProvider({ extensionUri: context.extensionUri, storageUri: context.globalStorageUri }),
    commands: {
      [COMMANDS.searchLosses]: withCatalogText(() => searchLosses()),
      [COMMANDS.insertSnippet]: withCatalogText((args?: unknown) => insertSnippet(plainArgs<InsertSnippetArgs>(args))),
      [COMMANDS.computeOnSelection]: (args?: unknown) => computeOnSelection(context, plainArgs<ComputeArgs>(args)),
      [COMMANDS.explainAtCursor]: () => explainAtCursor(),
    },
    forgetDocument,
    forgetNotebook,
    dispose: disposeWorker,
  };
}
