/**
 * Worker thread entry (bundled to dist/lint-worker.js by scripts/gen-assets.mjs): the loss lint
 * of the desktop extension, away from the extension host's thread and heap (./lint-runner.ts).
 * Requests are answered one at a time, in the order they came.
 */
import { parentPort } from 'node:worker_threads';
import { LintService } from './lint-service';

const service = new LintService();

parentPort?.on('message', (message: unknown) => {
  const reply = service.handle(message);
  if (reply) parentPort!.postMessage(reply);
});
