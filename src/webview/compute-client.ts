/**
 * Runs compute requests, newest wins: while one request runs in the worker,
 * later changes collapse into a single follow-up request.
 *
 * Where: a request the page can finish well inside a frame (at most
 * `PAGE_MAX_ELEMENTS` elements, and the same loss took under `PAGE_MAX_MS`
 * last time) runs on the page at once; anything bigger or slower goes to the
 * Web Worker so typing never waits for it. Without a worker, everything runs
 * on the page.
 */
import { runCompute, type ComputeRequest, type ComputeResponse } from './engine';
import { WORKER_SOURCE } from './worker-source';

export const PAGE_MAX_ELEMENTS = 50_000;
export const PAGE_MAX_MS = 4;

export class ComputeClient {
  /** Last compute time per loss id (ms), to decide where the next request runs. */
  private readonly cost = new Map<string, number>();
  /** Where the last request ran. */
  lastWhere: 'worker' | 'page' = 'page';
  private worker: Worker | undefined;
  private busy = false;
  private pending: ComputeRequest | undefined;
  private seq = 0;
  readonly mode: 'worker' | 'page';

  constructor(private readonly onResult: (res: ComputeResponse) => void) {
    let mode: 'worker' | 'page' = 'page';
    try {
      const src = WORKER_SOURCE;
      if (src && typeof Worker !== 'undefined') {
        const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
        this.worker = new Worker(url, { name: 'loss-atlas-compute' });
        this.worker.onmessage = (e: MessageEvent<ComputeResponse>) => this.done(e.data);
        this.worker.onerror = (e) => {
          e.preventDefault();
          this.worker?.terminate();
          this.worker = undefined;
          const again = this.pending;
          this.busy = false;
          if (again) this.submit(again);
        };
        mode = 'worker';
      }
    } catch {
      this.worker = undefined;
    }
    this.mode = mode;
  }

  /** Queues `req` (its seq is assigned here); returns the seq. */
  submit(req: Omit<ComputeRequest, 'seq'> & { seq?: number }): number {
    const full: ComputeRequest = { ...req, seq: ++this.seq };
    this.lossBySeq.set(full.seq, full.lossId);
    if (this.busy) {
      this.pending = full;
      return full.seq;
    }
    this.run(full);
    return full.seq;
  }

  private run(req: ComputeRequest): void {
    this.pending = undefined;
    let elements = 0;
    for (const t of Object.values(req.inputs)) elements += t.data.length;
    const known = this.cost.get(req.lossId);
    const cheap = known === undefined ? elements <= 2_000 : elements <= PAGE_MAX_ELEMENTS && known < PAGE_MAX_MS;
    if (!this.worker || cheap) {
      this.lastWhere = 'page';
      const res = runCompute(req);
      this.cost.set(req.lossId, res.ms);
      this.onResult(res);
      return;
    }
    this.busy = true;
    this.lastWhere = 'worker';
    this.worker!.postMessage(req);
  }

  private done(res: ComputeResponse): void {
    this.busy = false;
    this.cost.set(this.lastLoss(res), res.ms);
    const next = this.pending;
    if (next) this.run(next);
    // a stale answer is still shown if nothing newer is on its way: it beats an empty screen
    if (!next) this.onResult(res);
  }

  private lossBySeq = new Map<number, string>();
  private lastLoss(res: ComputeResponse): string {
    const id = this.lossBySeq.get(res.seq) ?? '';
    this.lossBySeq.clear();
    return id;
  }

  get latestSeq(): number {
    return this.seq;
  }
}
