/**
 * The shared machinery of pointwise losses (`loss_i = f(input_i, target_i)`):
 * broadcasting of input and target as PyTorch does, the per-element loss and
 * its derivative, then the reduction.
 */
import { defineMemoized, readReduction, reduceByMean, wantsEagerGradient, withScaledContributions } from './reduction';
import { broadcastShapes, broadcastTo, reduceToShape, toNested } from './tensor';
import type { LossResult, TypedTensor } from './types';
import { expectNotNaN } from './validate';

/**
 * Writes the loss of one element into `out[0]` and d(loss)/d(input) into `out[1]`.
 * A preallocated pair keeps the hot loop free of allocation.
 */
export type PointwiseLoss = (input: number, target: number, out: Float64Array) => void;

/**
 * Fills `loss[i]` and `grad[i]` (d loss_i / d input_i) for every element at once.
 * The hottest losses write their own loop this way: no call per element.
 */
export type PointwiseBulk = (input: Float64Array, target: Float64Array, loss: Float64Array, grad: Float64Array) => void;

/** Adapts a per-element function to a bulk loop. */
function bulkOf(f: PointwiseLoss): PointwiseBulk {
  return (x, y, loss, grad) => {
    const pair = new Float64Array(2);
    for (let i = 0; i < x.length; i++) {
      f(x[i], y[i], pair);
      loss[i] = pair[0];
      grad[i] = pair[1];
    }
  };
}

export function pointwiseLoss(
  input: TypedTensor,
  target: TypedTensor,
  params: Readonly<Record<string, unknown>>,
  f: PointwiseLoss,
  names: readonly [string, string] = ['input', 'target'],
): LossResult {
  return pointwiseBulk(input, target, params, bulkOf(f), names);
}

/** The reduction asked for, and input and target broadcast against each other (`x`, `y`: themselves when no copy is needed). */
function broadcastPair(input: TypedTensor, target: TypedTensor, params: Readonly<Record<string, unknown>>, names: readonly [string, string]) {
  const reduction = readReduction(params);
  const shape = broadcastShapes(input.shape, target.shape, names[0], names[1]);
  return { reduction, shape, x: broadcastTo(input, shape), y: broadcastTo(target, shape) };
}

export function pointwiseBulk(
  input: TypedTensor,
  target: TypedTensor,
  params: Readonly<Record<string, unknown>>,
  fill: PointwiseBulk,
  names: readonly [string, string] = ['input', 'target'],
): LossResult {
  const { reduction, shape, x, y } = broadcastPair(input, target, params, names);
  const n = x.data.length;
  const loss = new Float64Array(n);
  const grad = new Float64Array(n);
  fill(x.data, y.data, loss, grad);
  const result = reduceByMean({ shape, data: loss }, grad, shape, reduction, names[0]);
  if (x !== input) result.grad = reduceToShape(result.grad, input.shape);
  return result;
}

/**
 * A pointwise loss as two whole-array loops, for the hottest losses: `valueGrad` is the
 * only pass a 'mean'/'sum' call makes (one read of each input, one write of the gradient);
 * `values` runs only when the unreduced `elements` are read. `p` is the loss's parameter
 * (δ, β; 0 when it has none; an object of per-element weight arrays for some): passed, not
 * captured, so that each loop is one function that V8 optimizes once, not a fresh closure per call.
 */
export interface PointwiseKernel<P = number> {
  /**
   * Writes `grad[i] = (d loss_i / d input_i) * scale` and returns the sum of loss_i, added in
   * any order (mse keeps four running sums; the SIMD loops sum by lane and by chunk), so it may
   * differ from the index-order sum in the last bits. The sum must be NaN whenever an input
   * element is NaN (the caller then looks for the NaN instead of scanning every input beforehand).
   */
  valueGrad(x: Float64Array, y: Float64Array, grad: Float64Array, scale: number, p: P): number;
  /** Writes loss_i to `out[i]`: the very numbers `valueGrad` sums, bit for bit. */
  values(x: Float64Array, y: Float64Array, out: Float64Array, p: P): void;
  /**
   * The sum `valueGrad` returns, bit for bit (same terms, same order of additions), without the
   * gradient: the forward pass alone. When a kernel has it, a 'mean'/'sum' result computes its
   * gradient only when `grad` is first read (see `pointwiseFused`).
   */
  value?(x: Float64Array, y: Float64Array, p: P): number;
}

/**
 * Like `pointwiseBulk`, with the same elements and gradient bit for bit (the sum may be added
 * in another order: see `valueGrad`), in one pass over the data:
 * the gradient is scaled and the loss summed inside the kernel's loop, and `elements`
 * (then `contributions`) are computed on first read. NaN inputs are rejected here, not
 * up front: the inputs are scanned only when the sum comes out NaN, or when the broadcast
 * is empty (a NaN may then sit in an input no element reads), so the implementation using
 * this sets `checksNaN` (see `validate.ts`).
 *
 * `elements` is computed from the inputs as they are when it is first read: a caller
 * that overwrites its input arrays after the call reads `elements` first.
 *
 * `check`, when given, runs where the NaN scan does (before it): the loss's own input checks
 * whose failures make the sum NaN (kl_div: a negative probability), so they too need no pass
 * of their own.
 */
export function pointwiseFused<P = number>(
  input: TypedTensor,
  target: TypedTensor,
  params: Readonly<Record<string, unknown>>,
  kernel: PointwiseKernel<P>,
  p: P = 0 as P,
  names: readonly [string, string] = ['input', 'target'],
  check?: () => void,
): LossResult {
  const { reduction, shape, x, y } = broadcastPair(input, target, params, names);
  const n = x.data.length;
  const rejectNaN = () => {
    check?.();
    expectNotNaN(input, names[0]);
    expectNotNaN(target, names[1]);
  };
  if (n === 0) rejectNaN();
  const scale = reduction === 'mean' ? 1 / n : 1;
  const computeGrad = (): { grad: TypedTensor; total: number } => {
    const grad: TypedTensor = { shape, data: new Float64Array(n) };
    const total = kernel.valueGrad(x.data, y.data, grad.data, scale, p);
    return { grad: x !== input ? reduceToShape(grad, input.shape) : grad, total };
  };
  const computeElements = (): TypedTensor => {
    const data = new Float64Array(n);
    kernel.values(x.data, y.data, data, p);
    return { shape, data };
  };
  // Lazily from the caller's own arrays; eagerly when broadcasting copied them (not to keep the copies alive).
  const lazy = x === input && y === target;
  if (reduction === 'none') {
    const { grad, total } = computeGrad();
    if (total !== total) rejectNaN();
    const elements = computeElements();
    return { value: toNested(elements), elements, contributions: elements, gradInput: names[0], grad };
  }
  let result: Omit<LossResult, 'contributions'>;
  if (lazy && kernel.value && !wantsEagerGradient(params)) {
    // The forward pass alone; the gradient pass runs when `grad` is first read.
    const total = kernel.value(x.data, y.data, p);
    if (total !== total) rejectNaN();
    result = { value: reduction === 'mean' ? total / n : total, gradInput: names[0] } as Omit<LossResult, 'contributions'>;
    defineMemoized(result, 'grad', () => computeGrad().grad);
  } else {
    const { grad, total } = computeGrad();
    if (total !== total) rejectNaN();
    result = { value: reduction === 'mean' ? total / n : total, gradInput: names[0], grad } as Omit<LossResult, 'contributions'>;
  }
  if (lazy) defineMemoized(result, 'elements', computeElements);
  else result.elements = computeElements();
  return withScaledContributions(result, scale);
}

/**
 * `valueGrad` from a fast loop that is exact for finite data and the plain loop: runs `fast`,
 * and `exact` (which overwrites everything `fast` wrote) only when `fast`'s sum is not finite,
 * i.e. when some element was infinite or NaN, where the fast loop's arithmetic selects
 * (0·∞ = NaN) stop matching the plain formula. Both must be exact where the sum is finite.
 */
export function finiteFastPath<P = number>(
  fast: PointwiseKernel<P>['valueGrad'],
  exact: PointwiseKernel<P>['valueGrad'],
): PointwiseKernel<P>['valueGrad'] {
  return (x, y, grad, scale, p) => {
    const s = fast(x, y, grad, scale, p);
    return s - s === 0 ? s : exact(x, y, grad, scale, p); // s − s is 0 exactly when s is finite
  };
}

/** `finiteFastPath` for a kernel's forward-only `value` loop: the same choice, so the same sum bit for bit. */
export function finiteFastValue<P = number>(
  fast: NonNullable<PointwiseKernel<P>['value']>,
  exact: NonNullable<PointwiseKernel<P>['value']>,
): NonNullable<PointwiseKernel<P>['value']> {
  return (x, y, p) => {
    const s = fast(x, y, p);
    return s - s === 0 ? s : exact(x, y, p);
  };
}
