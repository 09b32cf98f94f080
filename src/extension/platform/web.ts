/**
 * The web variant of ./index.ts, used by the browser build (`dist/web/extension.js`):
 * no Node APIs. The web extension host already runs in a Web Worker, apart from
 * the editor's UI thread, so large selections are parsed there directly.
 */
import { parseSelection, type SelectionParse } from '../../losses/selection';
import type { Platform } from './types';

export const platform = {
  kind: 'web',
  parseOffThread(texts: string[], maxNumbers: number): Promise<SelectionParse[]> {
    return Promise.resolve(texts.map((t) => parseSelection(t, { maxNumbers })));
  },
  // The lint runs in the extension host, itself a Web Worker apart from the editor's UI thread.
  startLintThread(): undefined {
    return undefined;
  },
  stopThreads(): void {},
} satisfies Platform;
