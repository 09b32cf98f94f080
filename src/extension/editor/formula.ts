/**
 * Formula images for hovers, generated at build time by scripts/gen-assets.mjs
 * (`dist/formulas/<id>.<light|dark>.svg`), read lazily on first use and cached.
 *
 * VS Code's hover renders Markdown images but not inline `<svg>`. A base64 SVG
 * data URI renders in the real hover (code-server 4.100.3 / VS Code 1.100.3,
 * checked by test/ui/specs/editor.spec.mjs: the <img> decodes with a non-zero
 * natural size, screenshots editor-hover-cross-entropy-*.png). The setting
 * `lossAtlas.hover.formulaImage` can switch to a `file:` URI of the same SVG in
 * the extension folder, or to the Unicode text only. An <img> does not inherit the
 * theme's text colour, so each formula comes in two inks, chosen by the theme kind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export type FormulaInk = 'light' | 'dark';
export type FormulaMode = 'data' | 'file' | 'off';

const cache = new Map<string, string | null>();

/** Which ink suits the current color theme (`light` = dark ink for light themes). */
export function themeInk(): FormulaInk {
  const k = vscode.window.activeColorTheme.kind;
  return k === vscode.ColorThemeKind.Light || k === vscode.ColorThemeKind.HighContrastLight ? 'light' : 'dark';
}

export function formulaPath(extensionPath: string, id: string, ink: FormulaInk): string {
  return join(extensionPath, 'dist', 'formulas', `${id}.${ink}.svg`);
}

/** The image URI for a hover, or undefined when the formula has no image (the hover shows the text form). */
export function formulaUri(extensionPath: string, id: string, ink: FormulaInk, mode: FormulaMode): string | undefined {
  if (mode === 'off') return undefined;
  const path = formulaPath(extensionPath, id, ink);
  const key = `${mode}:${path}`;
  let v = cache.get(key);
  if (v === undefined) {
    try {
      const svg = readFileSync(path);
      v = mode === 'data' ? 'data:image/svg+xml;base64,' + svg.toString('base64') : vscode.Uri.file(path).toString();
    } catch {
      v = null;
    }
    cache.set(key, v);
  }
  return v ?? undefined;
}
