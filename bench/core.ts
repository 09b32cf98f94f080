/**
 * Core throughput: `computeLoss` on 1e6 prediction elements (ctc: T=50, N=16, C=20), with nested-array input and typed
 * `{ shape, data: Float64Array }` input, against PyTorch CPU on one thread and TensorFlow.js (tfjs_core.ts) on the same data.
 *
 * The data is generated here from a fixed seed and handed to PyTorch through raw float64 files
 * (bench/torch_core.py), so both sides see identical inputs; the loss values are compared
 * as a check. computeLoss returns the value and the gradient with respect to the prediction (for
 * some losses the unreduced elements and contributions are computed only when first read, which
 * the timed call does not do; their cost is reported separately), so the fair PyTorch time is
 * forward + backward; the forward-only time is shown too.
 *
 * Garbage: PyTorch frees the previous run's tensors as soon as they are dropped, and glibc hands
 * the same memory to the next run. V8 frees a result's arrays at its next collection, often many
 * at once; glibc then returns them to the OS, and the next 8 MB array is fresh memory that faults
 * in page by page (on this VM about as costly as the loss itself). So a full GC runs, untimed,
 * before every JavaScript timing (ours and tfjs; see collect()), and the nested-array and tfjs
 * runs, which leave much more garbage, are timed in a loop of their own, apart from the typed
 * runs that alternate with PyTorch's. The typed figure with no GC between back-to-back calls is
 * in the notes.
 *
 * Memory: bytes allocated during one computeLoss call (array buffers + JS heap growth, measured
 * after a full GC, with no GC allowed to go unnoticed in between) divided by the bytes of the
 * prediction tensor in float64. The result itself keeps elements, contributions and grad alive,
 * so a pointwise loss needs at least 3 copies.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { computeLoss, isComputable, toNested, type Tensor, type TypedTensor } from '../src/losses';
import { rng } from '../src/webview/generators';
import { COLUMNS, fmtRatio, type Cells, type Row, type Suite } from './table';
import { startTfjs, tfjsCase } from './tfjs_core';

function normal(n: number, scale: number, next: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - next())) * scale;
    const th = 2 * Math.PI * next();
    out[i] = r * Math.cos(th);
    if (i + 1 < n) out[i + 1] = r * Math.sin(th);
  }
  return out;
}

function integers(n: number, k: number, next: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * k);
  return out;
}

/** log_softmax over consecutive rows of `k` values, in place. */
function logSoftmaxRows(x: Float64Array, k: number): Float64Array {
  for (let r = 0; r < x.length; r += k) {
    let m = -Infinity;
    for (let j = r; j < r + k; j++) m = Math.max(m, x[j]);
    let s = 0;
    for (let j = r; j < r + k; j++) s += Math.exp(x[j] - m);
    const lse = m + Math.log(s);
    for (let j = r; j < r + k; j++) x[j] -= lse;
  }
  return x;
}

export interface BenchCase {
  /** Catalog id given to computeLoss. */
  id: string;
  /** The torch.nn.functional function with the same semantics. */
  torchFn: string;
  label: string;
  /** Inputs in computeLoss' names, the prediction first; `long` ones become int64 for torch. */
  make(next: () => number): { inputs: Array<{ name: string; tensor: TypedTensor; long?: boolean }> };
}

/** Losses whose gradient is computed on first read: their value-only cost gets a row of its own. */
const VALUE_ONLY = new Set(['mse-loss', 'bce-with-logits', 'cross-entropy']);

export const CORE_CASES: readonly BenchCase[] = [
  {
    id: 'mse-loss',
    torchFn: 'mse_loss',
    label: '(1000, 1000)',
    make: (next) => ({
      inputs: [
        { name: 'input', tensor: { shape: [1000, 1000], data: normal(1e6, 1, next) } },
        { name: 'target', tensor: { shape: [1000, 1000], data: normal(1e6, 1, next) } },
      ],
    }),
  },
  {
    id: 'bce-with-logits',
    torchFn: 'binary_cross_entropy_with_logits',
    label: '(1000, 1000)',
    make: (next) => ({
      inputs: [
        { name: 'input', tensor: { shape: [1000, 1000], data: normal(1e6, 3, next) } },
        { name: 'target', tensor: { shape: [1000, 1000], data: integers(1e6, 2, next) } },
      ],
    }),
  },
  {
    id: 'cross-entropy',
    torchFn: 'cross_entropy',
    label: '(1e5, 10) + (1e5,) indices',
    make: (next) => ({
      inputs: [
        { name: 'input', tensor: { shape: [100000, 10], data: normal(1e6, 2, next) } },
        { name: 'target', tensor: { shape: [100000], data: integers(1e5, 10, next) }, long: true },
      ],
    }),
  },
  {
    id: 'huber-loss',
    torchFn: 'huber_loss',
    label: '(1000, 1000)',
    make: (next) => ({
      inputs: [
        { name: 'input', tensor: { shape: [1000, 1000], data: normal(1e6, 2, next) } },
        { name: 'target', tensor: { shape: [1000, 1000], data: normal(1e6, 1, next) } },
      ],
    }),
  },
  {
    id: 'kl-div',
    torchFn: 'kl_div',
    label: '(1e5, 10) log-probs',
    make: (next) => ({
      inputs: [
        { name: 'input', tensor: { shape: [100000, 10], data: logSoftmaxRows(normal(1e6, 2, next), 10) } },
        { name: 'target', tensor: { shape: [100000, 10], data: logSoftmaxRows(normal(1e6, 1, next), 10).map(Math.exp) } },
      ],
    }),
  },
  {
    id: 'ctc-loss',
    torchFn: 'ctc_loss',
    label: 'T=50, N=16, C=20, S≤10',
    make: (next) => ({
      inputs: [
        { name: 'log_probs', tensor: { shape: [50, 16, 20], data: logSoftmaxRows(normal(50 * 16 * 20, 2, next), 20) } },
        { name: 'targets', tensor: { shape: [16, 10], data: integers(160, 19, next).map((x) => x + 1) }, long: true },
        { name: 'input_lengths', tensor: { shape: [16], data: new Float64Array(16).fill(50) }, long: true },
        { name: 'target_lengths', tensor: { shape: [16], data: integers(16, 6, next).map((x) => x + 5) }, long: true },
      ],
    }),
  },
];

/**
 * An untimed full GC, then a pause for V8's background threads to finish freeing the array
 * buffers it found dead (without the pause the frees race with the next timed call's allocation).
 */
async function collect(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  await new Promise((r) => setTimeout(r, 10));
}

function now(): number {
  return Number(process.hrtime.bigint());
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

const gcTimes: number[] = [];
let observer: PerformanceObserver | undefined;

/** Bytes allocated by one call; `exact` is false when a GC ran during it (the figure is then a lower bound). */
async function allocated(fn: () => unknown): Promise<{ bytes: number; exact: boolean }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return { bytes: NaN, exact: false };
  if (!observer) {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) gcTimes.push(e.startTime);
    });
    observer.observe({ entryTypes: ['gc'] });
  }
  gc();
  gc();
  await new Promise((r) => setImmediate(r));
  const before = process.memoryUsage();
  const t0 = performance.now();
  const keep = fn();
  const t1 = performance.now();
  const after = process.memoryUsage();
  await new Promise((r) => setTimeout(r, 20)); // let the observer deliver GC entries
  const exact = !gcTimes.some((t) => t >= t0 && t <= t1);
  const bytes = after.arrayBuffers - before.arrayBuffers + Math.max(0, after.heapUsed - before.heapUsed);
  void keep;
  return { bytes, exact };
}

/** The PyTorch side: a persistent /usr/bin/python3 running torch_core.py, one request per line. */
class TorchWorker {
  private child: ChildProcessWithoutNullStreams;
  private pending: Array<(reply: Record<string, unknown>) => void> = [];
  private stderr = '';

  private constructor(python: string) {
    this.child = spawn(python, [join(__dirname, 'torch_core.py')], { stdio: 'pipe' });
    createInterface({ input: this.child.stdout }).on('line', (line) => this.pending.shift()?.(JSON.parse(line) as Record<string, unknown>));
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.child.on('exit', () => {
      for (const p of this.pending.splice(0)) p({ error: `python exited: ${this.stderr.trim().split('\n').slice(-2).join(' / ')}` });
    });
  }

  /** Starts the worker, or explains why PyTorch is not available. */
  static async start(): Promise<{ worker?: TorchWorker; version?: string; why?: string }> {
    // Debian's python3 has python3-torch; LOSS_ATLAS_BENCH_PYTHON points elsewhere (or at nothing, to skip PyTorch).
    const python = process.env.LOSS_ATLAS_BENCH_PYTHON ?? '/usr/bin/python3';
    const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      const reason = (probe.error?.message ?? probe.stderr).trim().split('\n').pop();
      return { why: `PyTorch columns skipped: ${python} ${probe.error ? 'is not available' : 'has no torch'} (${reason})` };
    }
    const worker = new TorchWorker(python);
    const hello = await worker.request({ cmd: 'hello' });
    if (hello.error) return { why: `PyTorch columns skipped: ${String(hello.error)}` };
    return { worker, version: `torch ${String(hello.torch)}, ${String(hello.threads)} thread, float64` };
  }

  request(req: Record<string, unknown>): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      this.pending.push(resolve);
      this.child.stdin.write(JSON.stringify(req) + '\n');
    });
  }

  close(): void {
    this.child.stdin.end();
  }
}

export function coreSuite(options: { repeats?: number; cases?: readonly BenchCase[] } = {}): Suite {
  const repeats = options.repeats ?? (Number(process.env.LOSS_ATLAS_BENCH_REPEATS) || 11);
  const cases = options.cases ?? CORE_CASES;
  const notes: string[] = [];
  return {
    name: 'core',
    columns: COLUMNS,
    notes,
    async run(): Promise<Row[]> {
      const dir = mkdtempSync(join(tmpdir(), 'loss-atlas-bench-'));
      const torch = await TorchWorker.start();
      if (torch.why) notes.push(torch.why);
      else
        notes.push(
          `PyTorch: ${torch.version}, same inputs (passed as raw float64 files). Each figure is the median of ${repeats} runs after two warm-up runs; ` +
            'PyTorch runs alternate with the typed TypeScript runs, so both see the same machine load; TensorFlow.js and nested-array runs alternate in a second loop.',
        );
      const tfjsVersion = await startTfjs();
      notes.push(
        `TensorFlow.js: ${tfjsVersion} (the CPU backend has no float64; inputs rounded to float32 once, untimed), pure JavaScript on one thread. ` +
          'Timed: value and gradient with respect to the prediction (tf.valueAndGrad inside tf.tidy, both read back with dataSync) — the work computeLoss does.',
      );
      const values: string[] = [];
      try {
        const rows: Row[] = [];
        for (const [i, c] of cases.entries()) {
          const { inputs } = c.make(rng(0x5eed + i));
          const pred = inputs[0].tensor;
          const n = pred.data.length;
          const key = `${i}:${c.id}`;
          let torchValue: number | undefined;
          if (torch.worker) {
            const files = inputs.map((inp, j) => {
              const file = join(dir, `${i}-${j}.f64`);
              writeFileSync(file, new Uint8Array(inp.tensor.data.buffer, inp.tensor.data.byteOffset, inp.tensor.data.byteLength));
              return { file, shape: inp.tensor.shape, long: inp.long ?? false };
            });
            const loaded = await torch.worker.request({ cmd: 'load', key, fn: c.torchFn, inputs: files });
            if (loaded.error) notes.push(`${c.id}: PyTorch failed: ${String(loaded.error)}`);
            else torchValue = loaded.value as number;
          }
          const tfc = tfjsCase(c.id, inputs.map((x) => x.tensor));
          if (typeof tfc === 'string') notes.push(tfc);
          const typed = Object.fromEntries(inputs.map((x) => [x.name, x.tensor]));
          const nested: Record<string, Tensor> = Object.fromEntries(inputs.map((x) => [x.name, toNested(x.tensor)]));
          const forms = [['typed', typed], ['nested', nested]] as const;
          const computable = isComputable(c.id);
          const errors = new Map<string, string>();
          const js: Record<string, number[]> = { typed: [], nested: [], typedNoGc: [], read: [], valueOnly: [] };
          const th: Record<string, number[]> = { fwd: [], fwdbwd: [] };
          const tfTimes: number[] = [];
          const timeTorch = async (mode: 'fwd' | 'fwdbwd', keep: boolean) => {
            if (torchValue === undefined || !torch.worker) return;
            const r = await torch.worker.request({ cmd: 'time', key, mode });
            if (keep && typeof r.ns === 'number') th[mode].push(r.ns);
          };
          const timeJs = async (form: 'typed' | 'nested', given: Record<string, unknown>, keep: boolean) => {
            if (!computable || errors.has(form)) return;
            try {
              await collect();
              const t0 = now();
              void computeLoss(c.id, given as Record<string, Tensor>, undefined, { gradient: 'eager' }).grad.data.length; // value and gradient, as the playground asks
              if (keep) js[form].push(now() - t0);
            } catch (e) {
              errors.set(form, (e as Error).message);
            }
          };
          // Two warm-up rounds (r < 0) in each loop. The typed runs alternate with PyTorch's, so both see the
          // same machine load; the nested and tfjs runs have their own loop, so that the garbage they leave
          // (copies of the inputs, tfjs tensors) is not collected, and its memory handed back to the OS, in a typed run.
          for (let r = -2; r < repeats; r++) {
            await timeTorch('fwd', r >= 0);
            await timeTorch('fwdbwd', r >= 0);
            await timeJs('typed', typed, r >= 0);
          }
          for (let r = -2; r < repeats; r++) {
            if (typeof tfc !== 'string') {
              await collect();
              const ns = tfc.time();
              if (r >= 0) tfTimes.push(ns);
            }
            await timeJs('nested', nested, r >= 0);
          }
          if (computable && !errors.has('typed')) {
            // the typed call back to back with no collection in between (garbage piles up as in a plain loop) ...
            for (let r = -2; r < repeats; r++) {
              const t0 = now();
              void computeLoss(c.id, typed, undefined, { gradient: 'eager' }).grad.data.length;
              if (r >= 0) js.typedNoGc.push(now() - t0);
            }
            // ... the value alone (what Compute Loss on Selection and the compare table read), back to back with
            // no forced collection: the garbage of earlier calls is collected inside timed calls, as in real use
            if (VALUE_ONLY.has(c.id)) {
              for (let r = -2; r < repeats; r++) {
                const t0 = now();
                void computeLoss(c.id, typed).value;
                if (r >= 0) js.valueOnly.push(now() - t0);
              }
            }
            // ... and what reading the lazily computed elements and contributions afterwards costs
            for (let r = -2; r < repeats; r++) {
              await collect();
              const res = computeLoss(c.id, typed);
              const t0 = now();
              void res.contributions.data.length; // computes elements too
              if (r >= 0) js.read.push(now() - t0);
            }
          }
          if (typeof tfc !== 'string') tfc.dispose();
          const t = th.fwdbwd.length ? { fwd: median(th.fwd), fwdbwd: median(th.fwdbwd), best: Math.min(...th.fwdbwd) } : undefined;
          const tf = tfTimes.length ? median(tfTimes) : undefined;
          for (const [form] of forms) {
            const cells: Cells = {
              case: `${c.id} ${c.label}${form === 'nested' ? ', nested arrays' : ''}`,
              torch: t ? `${(t.fwdbwd / n).toFixed(2)} ns/elem` : undefined,
              'tfjs / reference': form === 'nested' ? undefined : tf !== undefined ? `${(tf / n).toFixed(2)} ns/elem` : typeof tfc === 'string' ? 'n/a' : undefined,
              target: form === 'typed' ? (typeof tfc === 'string' ? '÷torch ≤ 1.5' : '÷torch ≤ 1.5, ÷tfjs ≤ 0.33') : undefined,
            };
            if (!computable) cells.ours = 'not computable yet';
            else if (errors.has(form)) cells.ours = `error: ${errors.get(form)!.slice(0, 60)}`;
            else {
              const ns = median(js[form]);
              cells.ours = `${(ns / n).toFixed(2)} ns/elem`;
              const rt = t ? ns / t.fwdbwd : undefined;
              const rf = tf !== undefined && form === 'typed' ? ns / tf : undefined;
              cells['ours ÷ torch'] = fmtRatio(rt);
              cells['ours ÷ ref'] = fmtRatio(rf);
              if (form === 'typed') {
                const ok = [rt === undefined ? undefined : rt <= 1.5, rf === undefined ? undefined : rf <= 1 / 3].filter((x) => x !== undefined);
                cells.met = ok.length ? (ok.every(Boolean) ? 'yes' : ok.some(Boolean) ? 'partly' : 'NO') : undefined;
                // memory: the smallest of three measurements (the first calls may also grow the heap with compiled code)
                const mems = [];
                for (let k = 0; k < 3; k++) mems.push(await allocated(() => { const res = computeLoss(c.id, typed, undefined, { gradient: 'eager' }); void res.grad; return res; }));
                const exactOnes = mems.filter((m) => m.exact);
                const mem = (exactOnes.length ? exactOnes : mems).reduce((a, b) => (b.bytes < a.bytes ? b : a));
                const alloc = Number.isNaN(mem.bytes) ? 'needs --expose-gc' : `${mem.exact ? '' : '≥'}${(mem.bytes / (n * 8)).toFixed(2)}`;
                const value = computeLoss(c.id, typed).value as number;
                const rel = (ref: number) => (Math.abs(value - ref) / Math.max(1e-300, Math.abs(ref))).toExponential(1);
                values.push(
                  `${c.id}: value ${value}` +
                    (torchValue !== undefined ? `, torch ${torchValue} (rel. diff ${rel(torchValue)})` : '') +
                    (typeof tfc !== 'string' ? `, tfjs ${tfc.value} (${rel(tfc.value)}; float32)` : '') +
                    `; torch forward only ${t ? (t.fwd / n).toFixed(2) : '—'} ns/elem; ours ÷ torch on the best runs ${t ? fmtRatio(Math.min(...js[form]) / t.best) : '—'}` +
                    `; ours without a GC between calls ${(median(js.typedNoGc) / n).toFixed(2)} ns/elem; then reading elements and contributions ${(median(js.read) / n).toFixed(2)} ns/elem` +
                    `; allocated ${alloc} × the prediction` +
                    (typeof tfc !== 'string' ? `; tfjs: ${tfc.how}` : ''),
                );
              }
            }
            rows.push({ suite: 'core', cells });
          }
          if (js.valueOnly.length) {
            const ns = median(js.valueOnly);
            const rt = t ? ns / t.fwd : undefined;
            rows.push({
              suite: 'core',
              cells: {
                case: `${c.id} ${c.label}, value only`,
                ours: `${(ns / n).toFixed(2)} ns/elem`,
                torch: t ? `${(t.fwd / n).toFixed(2)} ns/elem (forward)` : undefined,
                'ours ÷ torch': fmtRatio(rt),
                target: '÷torch forward ≤ 1.2',
                met: rt === undefined ? undefined : rt <= 1.2 ? 'yes' : 'NO',
              },
            });
          }
        }
        notes.push(
          'core ours: median time of one computeLoss call (value + gradient, default parameters; elements and contributions, where a loss computes them lazily, are not read: that cost is in the notes) per element of the prediction (1e6 elements; ctc: 16,000 log-probs), after an untimed full GC (as PyTorch has freed the previous run\'s tensors); "nested arrays" includes converting JS arrays. ' +
            "torch: PyTorch's forward + backward on one thread (float64), per element; tfjs: value + gradient (float32). Ratios: our median / theirs (below 1 = we are faster). " +
            'Targets: within 1.5× of torch (÷torch ≤ 1.5), at least 3× faster than tfjs-cpu (÷tfjs ≤ 0.33).',
          ...values,
          'Allocated: bytes allocated by one call / bytes of the prediction in float64 ("≥" when a GC ran during the call); the result keeps elements, contributions and grad.',
          '"value only" rows: computeLoss read for its value alone (mse, bce_with_logits and cross_entropy compute the gradient on first read), calls back to back with no forced collection, so the cost of collecting earlier calls\' garbage falls inside the timed calls; against PyTorch\'s forward pass alone on one thread (float64). Target: within 1.2×.',
        );
        return rows;
      } finally {
        torch.worker?.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
