/**
 * Core throughput: `computeLoss` on 1e6 prediction elements, with nested-array input and typed
 * `{ shape, data: Float64Array }` input, against PyTorch CPU on one thread on the same data.
 *
 * The data is generated here from a fixed seed and handed to PyTorch through raw float64 files
 * (scripts/bench/torch_core.py), so both sides see identical inputs; the loss values are compared
 * as a check. computeLoss returns the value, the per-element contributions and the gradient, so
 * the fair PyTorch time is forward + backward; the forward-only time is shown too.
 *
 * Memory: bytes allocated during one computeLoss call (array buffers + JS heap growth, measured
 * after a full GC, with no GC allowed to go unnoticed in between) divided by the bytes of the
 * prediction tensor in float64. The result itself keeps elements, contributions and grad alive,
 * so a pointwise loss needs at least 3 copies.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { computeLoss, isComputable, toNested, type Tensor, type TypedTensor } from '../../src/losses';
import type { Row, Suite } from './table';

/** Deterministic uniform [0, 1) numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

export interface BenchCase {
  /** Catalog id given to computeLoss. */
  id: string;
  /** The torch.nn.functional function with the same semantics. */
  torchFn: string;
  label: string;
  /** Inputs in computeLoss' names, the prediction first; `long` ones become int64 for torch. */
  make(next: () => number): { inputs: Array<{ name: string; tensor: TypedTensor; long?: boolean }> };
}

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
];

function medianNs(fn: () => unknown, repeats: number, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0));
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
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

interface TorchResult {
  fwd_ns: number;
  fwdbwd_ns: number;
  value: number;
}

function runTorch(cases: Array<{ key: string; fn: string; inputs: unknown[] }>, repeats: number): { results?: Record<string, TorchResult>; version?: string; why?: string } {
  const python = '/usr/bin/python3';
  const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return { why: `PyTorch columns skipped: ${python} ${probe.error ? 'is not available' : 'has no torch'} (${(probe.error?.message ?? probe.stderr).trim().split('\n').pop()})` };
  }
  const r = spawnSync(python, [join(__dirname, 'torch_core.py')], {
    input: JSON.stringify({ repeats, cases }),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    timeout: 600_000,
  });
  if (r.status !== 0) return { why: `PyTorch columns skipped: torch_core.py failed: ${r.stderr.trim().split('\n').slice(-3).join(' / ')}` };
  const out = JSON.parse(r.stdout) as { torch: string; threads: number; results: Record<string, TorchResult> };
  return { results: out.results, version: `torch ${out.torch}, ${out.threads} thread, float64` };
}

export function coreSuite(options: { repeats?: number; cases?: readonly BenchCase[] } = {}): Suite {
  const repeats = options.repeats ?? 11;
  const cases = options.cases ?? CORE_CASES;
  const notes: string[] = [];
  return {
    name: 'core',
    columns: ['loss', 'shape', 'input', 'ns/elem', 'torch fwd ns/elem', 'torch fwd+bwd ns/elem', '× torch fwd+bwd', 'alloc × pred'],
    notes,
    async run(): Promise<Row[]> {
      const dir = mkdtempSync(join(tmpdir(), 'loss-atlas-bench-'));
      try {
        const prepared = cases.map((c, i) => {
          const { inputs } = c.make(rng(0x5eed + i));
          const files = inputs.map((inp, j) => {
            const file = join(dir, `${i}-${j}.f64`);
            writeFileSync(file, new Uint8Array(inp.tensor.data.buffer, inp.tensor.data.byteOffset, inp.tensor.data.byteLength));
            return { name: inp.name, file, shape: inp.tensor.shape, long: inp.long ?? false };
          });
          return { c, inputs, files, key: `${i}:${c.id}` };
        });
        const torch = runTorch(
          prepared.map((p) => ({ key: p.key, fn: p.c.torchFn, inputs: p.files })),
          repeats,
        );
        if (torch.why) notes.push(torch.why);
        else notes.push(`PyTorch: ${torch.version}, same inputs (passed as raw float64 files), median of ${repeats} runs after 2 warm-ups.`);

        const rows: Row[] = [];
        for (const { c, inputs, key } of prepared) {
          const pred = inputs[0].tensor;
          const n = pred.data.length;
          const predBytes = n * 8;
          const t = torch.results?.[key];
          const torchCells = {
            'torch fwd ns/elem': t ? t.fwd_ns / n : undefined,
            'torch fwd+bwd ns/elem': t ? t.fwdbwd_ns / n : undefined,
          };
          const typed = Object.fromEntries(inputs.map((x) => [x.name, x.tensor]));
          const nested: Record<string, Tensor> = Object.fromEntries(inputs.map((x) => [x.name, toNested(x.tensor)]));
          for (const [form, given] of [['typed', typed], ['nested', nested]] as const) {
            const base = { loss: c.id, shape: c.label, input: form, ...torchCells };
            if (!isComputable(c.id)) {
              rows.push({ suite: 'core', cells: { ...base, 'ns/elem': 'not computable yet' } });
              continue;
            }
            try {
              const call = () => computeLoss(c.id, given);
              const value = call().value as number;
              const ns = medianNs(call, form === 'typed' ? repeats : Math.max(3, Math.ceil(repeats / 2)));
              const mem = await allocated(call);
              rows.push({
                suite: 'core',
                cells: {
                  ...base,
                  'ns/elem': ns / n,
                  '× torch fwd+bwd': t ? ns / t.fwdbwd_ns : undefined,
                  'alloc × pred': Number.isNaN(mem.bytes) ? 'needs --expose-gc' : `${mem.exact ? '' : '≥'}${(mem.bytes / predBytes).toFixed(2)}`,
                },
              });
              if (form === 'typed' && t) {
                const rel = Math.abs(value - t.value) / Math.max(1e-300, Math.abs(t.value));
                notes.push(`${c.id}: value ${value} vs torch ${t.value} (relative difference ${rel.toExponential(1)})`);
              }
            } catch (e) {
              rows.push({ suite: 'core', cells: { ...base, 'ns/elem': `error: ${(e as Error).message.slice(0, 60)}` } });
            }
          }
        }
        notes.push(
          "ns/elem: median time of one computeLoss call (value + contributions + gradient, default parameters) per prediction element (1e6 in every case); nested input includes converting the arrays.",
          "× torch fwd+bwd: our time / PyTorch's forward+backward time on one thread (below 1 is faster). alloc × pred: bytes allocated by one call / bytes of the prediction in float64 ('≥' when a GC ran during the call). Target: at most 3.",
        );
        return rows;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
