/**
 * The Node-only layer of the extension host: the one place that may use Node's
 * APIs. The web build (`dist/web/extension.js`, scripts/build.mjs) swaps this
 * module for ./web.ts, which has the same exports (checked by `satisfies Platform`
 * in both and by the browser build, which fails on any `node:` import).
 *
 * Node: selections too large to parse inline go to a worker thread
 * (`dist/selection-worker.js`, built by scripts/gen-assets.mjs), and the loss lint runs in one of its
 * own (`dist/lint-worker.js`, with a larger young generation: LINT_YOUNG_GENERATION_MB).
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SelectionParse } from '../../losses/selection';
import type { LintThreadReply, LintThreadRequest } from '../editor/lint-service';
import type { LintThread, Platform } from './types';

/**
 * The lint thread's young generation (V8's `maxYoungGenerationSizeMb`: three times its semi-space).
 * A first lint of a loss-dense 5,000-line file allocates about 8 MB; with the default (48 MB, a 16 MB
 * semi-space) V8's scavenge often came inside a lint instead of between two: a GC observer in the
 * thread counted 103–119 of 301 of the bench's worst-case first lints with a collection inside (about
 * 4 ms each), and 0–3 with 64 MB (a 21 MB semi-space); after an edit, none with either. It costs about
 * 20 MB of memory.
 */
export const LINT_YOUNG_GENERATION_MB = 64;

/** The lint worker at `file` (dist/lint-worker.js) in a thread of its own. */
export function lintThreadAt(file: string): LintThread {
  const w = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: LINT_YOUNG_GENERATION_MB } });
  // A thread busy with a lint never keeps the extension host (or a test, a bench) from exiting.
  w.unref();
  let stopped = false;
  let onStop = (_why: string): void => {};
  const stop = (why: string) => {
    if (stopped) return;
    stopped = true;
    onStop(why);
  };
  w.on('error', (err) => stop(err instanceof Error ? err.message : String(err)));
  w.on('exit', (code) => stop(`the lint thread exited with code ${code}`));
  return {
    post: (message: LintThreadRequest) => w.postMessage(message),
    listen(onReply: (r: LintThreadReply) => void, onStopped: (why: string) => void) {
      w.on('message', onReply);
      onStop = onStopped;
    },
    stop() {
      stopped = true;
      void w.terminate();
    },
  };
}

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
  startLintThread(extensionPath: string): LintThread {
    return lintThreadAt(join(extensionPath, 'dist', 'lint-worker.js'));
  },
  stopThreads(): void {
    void worker?.terminate();
    worker = undefined;
  },
} satisfies Platform;
