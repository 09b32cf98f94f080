/**
 * Formula images for hovers, generated at build time by scripts/gen-assets.mjs
 * into one file, `dist/formulas.json` (see ./formula-pack.ts), read lazily on
 * first use through `vscode.workspace.fs` (so it works in the web extension host
 * too) and cached.
 *
 * VS Code's hover renders Markdown images but not inline `<svg>`. A base64 SVG
 * data URI renders in the real hover (code-server 4.100.3 / VS Code 1.100.3,
 * checked by test/ui/specs/editor.spec.mjs: the <img> decodes with a non-zero
 * natural size, screenshots editor-hover-cross-entropy-*.png). The setting
 * `lossAtlas.hover.formulaImage` can switch to a `file:` URI of the same SVG
 * (written on first use under the extension's global storage; where that is not
 * a `file:` folder, as in the browser, the data URI is used), or to the Unicode
 * text only. An <img> does not inherit the theme's text colour, so each formula
 * comes in two inks, chosen by the theme kind.
 */
import * as vscode from 'vscode';
import { textToBase64 } from '../base64';
import { unpackFormula, type FormulaPack } from './formula-pack';

export type FormulaInk = 'light' | 'dark';
export type FormulaMode = 'data' | 'file' | 'off';

/** Where the extension's files are and where it may write (`context.extensionUri`, `context.globalStorageUri`). */
export interface FormulaFiles {
  extensionUri: vscode.Uri;
  storageUri?: vscode.Uri;
}

let pack: Promise<FormulaPack | undefined> | undefined;
const cache = new Map<string, string | null>();

/** Which ink suits the current color theme (`light` = dark ink for light themes). */
export function themeInk(): FormulaInk {
  const k = vscode.window.activeColorTheme.kind;
  return k === vscode.ColorThemeKind.Light || k === vscode.ColorThemeKind.HighContrastLight ? 'light' : 'dark';
}

function loadPack(extensionUri: vscode.Uri): Promise<FormulaPack | undefined> {
  pack ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'formulas.json'))).then(
    (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as FormulaPack,
    () => undefined,
  );
  return pack;
}

/** The image URI for a hover, or undefined when the formula has no image (the hover shows the text form). */
export async function formulaUri(files: FormulaFiles, id: string, ink: FormulaInk, mode: FormulaMode): Promise<string | undefined> {
  if (mode === 'off') return undefined;
  const useFile = mode === 'file' && files.storageUri?.scheme === 'file';
  const key = `${useFile ? 'file' : 'data'}:${id}.${ink}`;
  let v = cache.get(key);
  if (v === undefined) {
    const p = await loadPack(files.extensionUri);
    const svg = p && unpackFormula(p, id, ink);
    v = null;
    if (svg && useFile) {
      const uri = vscode.Uri.joinPath(files.storageUri!, 'formulas', `${id}.${ink}.svg`);
      try {
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(svg));
        v = uri.toString();
      } catch {
        v = null;
      }
    } else if (svg) {
      v = 'data:image/svg+xml;base64,' + textToBase64(svg);
    }
    cache.set(key, v);
  }
  return v ?? undefined;
}
