/**
 * Parses selections on a worker thread when they are large, so the extension
 * host stays responsive; small selections parse inline.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseSelection, type SelectionParse } from '../../losses/selection';

/** Selections longer than this (characters, all together) go to the worker. */
export const WORKER_THRESHOLD = 200_000;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (r: SelectionParse[]) => void>();

function getWorker(extensionPath: string): Worker {
  if (worker) return worker;
  const w = new Worker(join(extensionPath, 'dist', 'selection-worker.js'));
  w.unref();
  w.on('message', (m: { id: number; results: SelectionParse[] }) => {
    pending.get(m.id)?.(m.results);
    pending.delete(m.id);
  });
  const fail = (err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve([{ ok: false, error: `the parser stopped: ${msg}`, line: 1, column: 1 }]);
    }
    worker = undefined;
  };
  w.on('error', fail);
  w.on('exit', (code) => code !== 0 && fail(`exit code ${code}`));
  worker = w;
  return w;
}

export function parseSelections(texts: string[], maxNumbers: number, extensionPath: string): Promise<SelectionParse[]> {
  const total = texts.reduce((n, t) => n + t.length, 0);
  if (total < WORKER_THRESHOLD) return Promise.resolve(texts.map((t) => parseSelection(t, { maxNumbers })));
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    getWorker(extensionPath).postMessage({ id, texts, maxNumbers });
  });
}

export function disposeWorker(): void {
  void worker?.terminate();
  worker = undefined;
}
