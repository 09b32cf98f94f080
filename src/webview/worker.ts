/**
 * The compute worker: runs `runCompute` off the page's thread so large inputs
 * never block typing. Bundled by esbuild and started from a blob of this code.
 */
import './javascript-loops';
import { runCompute, transferables, type ComputeRequest, type ComputeResponse } from './engine';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ComputeRequest>) => void) | null;
  postMessage(msg: ComputeResponse, transfer: ArrayBuffer[]): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => {
  const res = runCompute(e.data);
  // Results may share buffers with inputs (a loss returning its input); transfer only distinct, unshared ones.
  const inputs = new Set(Object.values(e.data.inputs).map((t) => t.data.buffer));
  scope.postMessage(res, transferables(res).filter((b) => !inputs.has(b)));
};
