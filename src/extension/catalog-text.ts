/**
 * The catalog's text in the extension host. The host bundles carry only the
 * catalog's structure (names, API symbols, parameters: enough to activate,
 * resolve a hovered name and compute a loss); what people read ships as
 * `dist/catalog-text.json` (src/losses/catalog-text.ts, scripts/catalog-split.mjs)
 * and is read here, through `vscode.workspace.fs` so the web extension host can
 * too, the first time a feature needs it: a hover, the loss search, a snippet.
 */
import * as vscode from 'vscode';
import { catalogTextInstalled, installCatalogText, type CatalogText } from '../losses/catalog-text';

let extensionUri: vscode.Uri | undefined;
let loading: Promise<void> | undefined;

/** Remembers where the extension is (at activation; reads nothing). */
export function initCatalogText(uri: vscode.Uri): void {
  extensionUri = uri;
}

async function load(): Promise<void> {
  if (!extensionUri) throw new Error('initCatalogText was not called at activation');
  const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'catalog-text.json');
  let text: CatalogText;
  try {
    text = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as CatalogText;
  } catch (e) {
    throw new Error(`Loss Atlas could not read its catalog text (${uri.path}): ${e instanceof Error ? e.message : String(e)}. Reinstall the extension.`, {
      cause: e,
    });
  }
  if (!text || typeof text !== 'object' || !text.entries || !text.concepts) {
    throw new Error(`Loss Atlas could not read its catalog text (${uri.path}): it is not the file this version wrote. Reinstall the extension.`);
  }
  installCatalogText(text);
}

/**
 * Resolves once every catalog entry's text can be read. A failed read is
 * retried on the next call (and its message says which file and why).
 */
export function catalogTextReady(): Promise<void> {
  if (catalogTextInstalled()) return Promise.resolve();
  loading ??= load().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

let toldHovers = false;

/**
 * `catalogTextReady` for a feature: true once the text can be read; otherwise it
 * shows why in an error message and gives false. `once`: say it only the first
 * time (hovers are asked for again and again while the mouse moves).
 */
export async function catalogTextOrSay(once = false): Promise<boolean> {
  try {
    await catalogTextReady();
    return true;
  } catch (e) {
    if (!once || !toldHovers) void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
    if (once) toldHovers = true;
    return false;
  }
}
