/**
 * The formula images ship as one file, `dist/formulas.json` (scripts/gen-assets.mjs,
 * `packFormulas`): each entry's MathJax SVG with its ink left as `currentColor`
 * and each glyph outline stored once for all formulas (a formula's
 * `<path id="MJX-n-GLYPH" d="…">` becomes `d="@GLYPH"`). 150 formulas in two inks
 * were 300 files and 1.7 MB of the .vsix; packed they are about 0.13 MB.
 * Pure (no `vscode`): the unit tests check that unpacking gives back exactly
 * the SVG that gen-assets' `standalone()` makes.
 */

export interface FormulaPack {
  /** Ink per theme kind (`light` = dark ink for light themes). */
  inks: { light: string; dark: string };
  /** Glyph outline (`d` attribute) by MathJax glyph name, e.g. `TEX-I-1D465`. */
  glyphs: Record<string, string>;
  /** SVG template by entry id. */
  svg: Record<string, string>;
}

/** The standalone SVG of entry `id` in the ink of `kind`, or undefined when the pack has none. */
export function unpackFormula(pack: FormulaPack, id: string, kind: 'light' | 'dark'): string | undefined {
  const t = Object.prototype.hasOwnProperty.call(pack.svg, id) ? pack.svg[id] : undefined;
  if (t === undefined) return undefined;
  const ink = pack.inks[kind];
  return t
    .replace(/ d="@([^"]+)"/g, (m, g: string) => (Object.prototype.hasOwnProperty.call(pack.glyphs, g) ? ` d="${pack.glyphs[g]}"` : m))
    .replace(/currentColor/g, ink);
}
