/**
 * Worker thread entry (bundled to dist/selection-worker.js by scripts/gen-assets.mjs):
 * parses large selections off the extension host's main thread.
 */
import { parentPort } from 'node:worker_threads';
import { parseSelection } from '../../losses/selection';

parentPort?.on('message', (msg: { id: number; texts: string[]; maxNumbers: number }) => {
  const results = msg.texts.map((t) => parseSelection(t, { maxNumbers: msg.maxNumbers }));
  // Arrays of one parse are views into one buffer: transfer each buffer once.
  const transfer = new Set<ArrayBuffer>();
  for (const r of results) if (r.ok) for (const a of r.arrays) transfer.add(a.tensor.data.buffer as ArrayBuffer);
  parentPort!.postMessage({ id: msg.id, results }, [...transfer]);
});
