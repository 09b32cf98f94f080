/**
 * Command identifiers and their argument types, shared by every feature module
 * (hover links call the playground's commands, the playground calls the editor's).
 */
import type { Tensor } from '../losses';

export const COMMANDS = {
  searchLosses: 'lossAtlas.searchLosses',
  openReference: 'lossAtlas.openReference',
  openPlayground: 'lossAtlas.openPlayground',
  insertSnippet: 'lossAtlas.insertSnippet',
  computeOnSelection: 'lossAtlas.computeOnSelection',
  explainAtCursor: 'lossAtlas.explainAtCursor',
} as const;

/** Arguments of `lossAtlas.openPlayground` and `lossAtlas.openReference` (all optional). */
export interface OpenPlaygroundArgs {
  lossId?: string;
  params?: Record<string, unknown>;
  inputs?: Record<string, Tensor>;
  /** Reference only: scroll to this section. */
  section?: 'pitfalls';
}

/** Arguments of `lossAtlas.insertSnippet` (from a hover link or the playground). */
export interface InsertSnippetArgs {
  lossId?: string;
  framework?: 'torch' | 'tf' | 'jax' | 'scratch';
  /** Parameter values to put in the snippet instead of the defaults. */
  params?: Record<string, unknown>;
}
