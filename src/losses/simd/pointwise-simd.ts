/**
 * The SIMD loops of `pointwise.wat` (Huber, smooth L1, kl_div) behind the `valueGrad` signature of
 * the JavaScript loops, for any length: chunks of the inputs are copied into the module's memory,
 * where the loop reads them two lanes at a time, and the gradient chunk is copied back out.
 * A chunk of x, y and gradient (3 × 32 KB) stays in cache, so the copies add little to the one
 * read of each input and write of the gradient that the JavaScript loop makes too. And the
 * log-sum-exps of cross_entropy's forward pass, a chunk of rows at a time (`simdLogSumExpRows`),
 * and bce_with_logits' forward pass (`simdBceLogitsSum`).
 *
 * Per element the results are those of the JavaScript loops bit for bit; only the order in
 * which the losses are summed differs (the log-sum-exps are the same numbers, each row summed in
 * one lane in its own order; bce_with_logits' losses are summed in index order, as in JavaScript). Where WebAssembly or its SIMD is missing, or a content security
 * policy forbids compiling it (a webview without 'wasm-unsafe-eval'), or SIMD is switched off
 * (`setSimdEnabled`), the JavaScript loop runs.
 */
import type { PointwiseKernel } from '../elementwise';
import { EXP2_FRAC, EXP2_NEG, LOG1P_INV, LOG1P_TABLE } from '../softmax';
import { POINTWISE_WASM } from './pointwise-wasm';

/** Elements per chunk; `pointwise.wat` places y at SIMD_CHUNK·8 bytes and the gradient at 2·SIMD_CHUNK·8. */
export const SIMD_CHUNK = 4096;
/** Shorter inputs take the JavaScript loop: the copies and the call cost more than SIMD saves. */
export const SIMD_MIN_LENGTH = 2 * SIMD_CHUNK;
/** Where `pointwise.wat` reads expNeg's tables (float64 indices of byte offsets 98304 and 98560; room for 2048 2^−n). */
const EXP2_FRAC_AT = 98304 / 8;
const EXP2_NEG_AT = 98560 / 8;
/** Where `pointwise.wat` reads log1pUnit's tables (byte offsets 114944 and 119040; room for 512 entries each). */
const LOG1P_INV_AT = 114944 / 8;
const LOG1P_TABLE_AT = 119040 / 8;

type ValueGrad = PointwiseKernel['valueGrad'];
/** One chunk: reads n (even) residuals' inputs from memory, writes the scaled gradient, returns the loss sum. */
type ChunkLoop = (n: number, p: number, scale: number) => number;
export type SimdLoopName = 'huber' | 'smoothL1' | 'klDiv';
/** Writes the log-sum-exps of n (even) rows of c contiguous values at the start of memory to 2·SIMD_CHUNK on. */
type RowsLoop = (n: number, c: number) => number;
/** s plus the bce_with_logits losses of the n elements in memory, in index order (each also written at G). */
type SumLoop = (n: number, s: number) => number;

interface SimdModule {
  loops: Record<SimdLoopName | 'log' | 'expNeg' | 'log1pUnit', ChunkLoop>;
  logSumExpRows: RowsLoop;
  bceLogitsSum: SumLoop;
  /** The module's whole memory as float64 (it never grows, so the view stays valid). */
  memory: Float64Array;
}

let enabled = true;
/** undefined: not tried yet; null: this runtime cannot run it. */
let loaded: SimdModule | null | undefined;

function instantiate(): SimdModule | null {
  if (typeof WebAssembly !== 'object') return null;
  try {
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(POINTWISE_WASM));
    const memory = new Float64Array((exports.memory as WebAssembly.Memory).buffer);
    // expNeg's tables, the very doubles softmax.ts computed, so that both give the same results
    memory.set(EXP2_FRAC, EXP2_FRAC_AT);
    memory.set(EXP2_NEG, EXP2_NEG_AT);
    // log1pUnit's, likewise
    memory.set(LOG1P_INV, LOG1P_INV_AT);
    memory.set(LOG1P_TABLE, LOG1P_TABLE_AT);
    return {
      loops: {
        huber: exports.huber as ChunkLoop,
        smoothL1: exports.smoothL1 as ChunkLoop,
        klDiv: exports.klDiv as ChunkLoop,
        log: exports.log as ChunkLoop,
        expNeg: exports.expNeg as ChunkLoop,
        log1pUnit: exports.log1pUnit as ChunkLoop,
      },
      logSumExpRows: exports.logSumExpRows as RowsLoop,
      bceLogitsSum: exports.bceLogitsSum as SumLoop,
      memory,
    };
  } catch {
    return null; // no SIMD, or compiling is forbidden: the JavaScript loops serve
  }
}

function simdModule(): SimdModule | null {
  if (!enabled) return null;
  if (loaded === undefined) loaded = instantiate();
  return loaded;
}

/**
 * Turns the SIMD loops on or off for this runtime (on by default). The playground's webview turns
 * them off, as its policy does not allow compiling WebAssembly; tests turn them off to compare.
 */
export function setSimdEnabled(on: boolean): void {
  enabled = on;
}

/** Whether the SIMD loops run in this runtime (for inputs of at least SIMD_MIN_LENGTH elements). */
export function simdAvailable(): boolean {
  return simdModule() !== null;
}

/** Copies the `len` elements of x and y from `o` on into memory, x at 0 and y at SIMD_CHUNK. */
function copyChunk(mem: Float64Array, x: Float64Array, y: Float64Array, o: number, len: number): void {
  mem.set(x.subarray(o, o + len), 0);
  mem.set(y.subarray(o, o + len), SIMD_CHUNK);
}

/** `loop` over every chunk of x and y; writes grad and returns the sum of the chunks' sums. */
function runChunks(loop: ChunkLoop, mem: Float64Array, x: Float64Array, y: Float64Array, grad: Float64Array, scale: number, p: number): number {
  const n = x.length;
  let s = 0;
  for (let o = 0; o < n; o += SIMD_CHUNK) {
    const len = Math.min(SIMD_CHUNK, n - o);
    copyChunk(mem, x, y, o, len);
    let even = len;
    if (len & 1) {
      // pad the last lane with a zero residual: its loss is +0, and its gradient is not copied out
      mem[len] = 0;
      mem[SIMD_CHUNK + len] = 0;
      even++;
    }
    s += loop(even, p, scale);
    grad.set(mem.subarray(2 * SIMD_CHUNK, 2 * SIMD_CHUNK + len), o);
  }
  return s;
}

/**
 * `valueGrad` that runs the SIMD loop `name` where it can (long inputs) and `js` elsewhere. With
 * `rerunUnlessFinite`, a SIMD sum that is not finite is thrown away and `js` runs instead: for
 * loops (kl_div's logarithm) that leave to JavaScript the inputs they do not handle themselves.
 */
export function simdOr(name: SimdLoopName, js: ValueGrad, rerunUnlessFinite = false): ValueGrad {
  return (x, y, grad, scale, p) => {
    const simd = x.length >= SIMD_MIN_LENGTH ? simdModule() : null;
    if (!simd) return js(x, y, grad, scale, p);
    const s = runChunks(simd.loops[name], simd.memory, x, y, grad, scale, p);
    return rerunUnlessFinite && s - s !== 0 ? js(x, y, grad, scale, p) : s;
  };
}

/**
 * The SIMD logarithm of every element of `x` (fdlibm's, as Math.log; NaN where x is not a normal
 * positive number), or null where SIMD does not run. For tests and benchmarks of the loops that use it.
 */
export function simdLog(x: Float64Array): Float64Array | null {
  return eachElement('log', x);
}

/** The test loop `name` (one result per element of x, written at G) over all of x, or null where SIMD does not run. */
function eachElement(name: 'log' | 'expNeg' | 'log1pUnit', x: Float64Array): Float64Array | null {
  const simd = simdModule();
  if (!simd) return null;
  const out = new Float64Array(x.length);
  runChunks(simd.loops[name], simd.memory, x, x, out, 1, 0);
  return out;
}

/**
 * The SIMD expNeg (softmax.ts') of every element of `x` (meant for x ≥ 0, NaN and +∞), or null
 * where SIMD does not run. For tests and benchmarks of the loops that use it.
 */
export function simdExpNeg(x: Float64Array): Float64Array | null {
  return eachElement('expNeg', x.map((v) => -v)); // the loop computes expNeg(0 − v), and 0 − (−a) is a (+0 for ±0)
}

/**
 * How many rows of `c` classes `simdLogSumExpRows` takes per call for an input of `length`
 * values, or 0 where it should not run: SIMD unavailable or off, an input shorter than
 * SIMD_MIN_LENGTH, or rows too long for two to fit a chunk.
 */
export function simdRowsPerCall(c: number, length: number): number {
  if (length < SIMD_MIN_LENGTH || c < 1 || 2 * c > SIMD_CHUNK || !simdModule()) return 0;
  return Math.floor(SIMD_CHUNK / c) & ~1;
}

/**
 * `logSumExpNeg(x, (first + r)·c, c, 1)` (softmax.ts) for each of the `count` rows r (count at most
 * `simdRowsPerCall(c, x.length)`, which must be nonzero), bit for bit: returned as a view into the
 * module's memory that the next SIMD call overwrites.
 */
export function simdLogSumExpRows(x: Float64Array, first: number, count: number, c: number): Float64Array {
  const simd = simdModule()!;
  const mem = simd.memory;
  const from = first * c;
  mem.set(x.subarray(from, from + count * c), 0);
  let even = count;
  if (count & 1) {
    // a row of zeros for the second lane of the last pair: its result is not read
    mem.fill(0, count * c, (count + 1) * c);
    even++;
  }
  simd.logSumExpRows(even, c);
  return mem.subarray(2 * SIMD_CHUNK, 2 * SIMD_CHUNK + count);
}

/**
 * The SIMD log1pUnit (softmax.ts') of every element of `x` (meant for x in [0, 1] and NaN), or null
 * where SIMD does not run. For tests of the loop that uses it.
 */
export function simdLog1pUnit(x: Float64Array): Float64Array | null {
  return eachElement('log1pUnit', x);
}

/**
 * bce_with_logits' loss summed over the elements of logits `x` and targets `y` (same length) in
 * index order, with no weight and no pos_weight: the sum of classification.ts' value loop bit for
 * bit wherever it is finite. A sum that is not finite (some element was not) is for the caller to
 * throw away and redo in JavaScript. Null where SIMD does not run: unavailable or off, or an input
 * shorter than SIMD_MIN_LENGTH. With `losses`, each element's loss is written there too (for tests).
 */
export function simdBceLogitsSum(x: Float64Array, y: Float64Array, losses?: Float64Array): number | null {
  const simd = x.length >= SIMD_MIN_LENGTH ? simdModule() : null;
  if (!simd) return null;
  const mem = simd.memory;
  const loop = simd.bceLogitsSum;
  const n = x.length;
  let s = 0;
  for (let o = 0; o < n; o += SIMD_CHUNK) {
    const len = Math.min(SIMD_CHUNK, n - o);
    copyChunk(mem, x, y, o, len);
    s = loop(len, s); // continues the sum in index order
    if (losses) losses.set(mem.subarray(2 * SIMD_CHUNK, 2 * SIMD_CHUNK + len), o);
  }
  return s;
}
