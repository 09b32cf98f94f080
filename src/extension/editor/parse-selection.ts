/**
 * Parses selections off the extension host's event loop when they are large
 * (Node: a worker thread; web: the web host is itself a worker, see
 * ../platform), so the extension host stays responsive; small selections parse inline.
 */
import { parseSelection, type SelectionParse } from '../../losses/selection';
import { platform } from '../platform';

/** Selections longer than this (characters, all together) go to the worker. */
export const WORKER_THRESHOLD = 200_000;

export function parseSelections(texts: string[], maxNumbers: number, extensionPath: string): Promise<SelectionParse[]> {
  const total = texts.reduce((n, t) => n + t.length, 0);
  if (total < WORKER_THRESHOLD) return Promise.resolve(texts.map((t) => parseSelection(t, { maxNumbers })));
  return platform.parseOffThread(texts, maxNumbers, extensionPath);
}

export function disposeWorker(): void {
  platform.stopThreads();
}
