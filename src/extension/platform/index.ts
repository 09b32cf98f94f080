/**
 * The Node-only layer of the extension host: the one place that may use Node's
 * APIs. The web build (`dist/web/extension.js`, scripts/build.mjs) swaps this
 * module for ./web.ts, which has the same exports (checked by `satisfies Platform`
 * in both and by the browser build, which fails on any `node:` import).
 *
 * Node: selections too large to parse inline go to a worker thread
 * (`dist/selection-worker.js`, built by scripts/gen-assets.mjs).
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SelectionParse } from '../../losses/selection';
import type { Platform } from './types';

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

export const platform = {
  kind: 'node',
  parseOffThread(texts: string[], maxNumbers: number, extensionPath: string): Promise<SelectionParse[]> {
    return new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      getWorker(extensionPath).postMessage({ id, texts, maxNumbers });
    });
  },
  stopThreads(): void {
    void worker?.terminate();
    worker = undefined;
  },
} satisfies Platform;
