// Types of scripts/gen-assets.mjs for the TypeScript tests that import it.
import type { LossEntry } from '../src/losses/types';

export declare const FORMULA_INK: { light: string; dark: string };
export declare function snippetsFor(losses: readonly LossEntry[]): Record<string, { prefix: string[]; body: string[]; description: string }>;
export declare function standalone(svg: string, ink: string): string;
/** One JSON for every formula image (see src/extension/editor/formula-pack.ts). */
export declare function packFormulas(rendered: [string, string][]): { inks: { light: string; dark: string }; glyphs: Record<string, string>; svg: Record<string, string> };
export declare function mathjaxRenderer(): (tex: string) => string;
export declare function genAssets(options?: { quiet?: boolean }): Promise<{ snippets: number; formulas: number; failed: string[] }>;
/** The Node extension host's worker threads (src/extension/editor/<name>.ts -> dist/<name>.js). */
export declare const WORKERS: readonly string[];
/** The bundled code of worker `name`, with the catalog's structure only (`packed`: packStructure of it, read from the catalog when not given). */
export declare function buildWorker(name: string, packed?: unknown): Promise<string>;
