/**
 * The reductions PyTorch applies to an unreduced loss, and the bookkeeping that
 * turns per-element losses and their gradients into a `LossResult`.
 */
import { LossInputError } from './errors';
import { toNested } from './tensor';
import type { LossResult, TypedTensor } from './types';

export type Reduction = 'mean' | 'sum' | 'none';

/**
 * Set (to true) on the parameters a kernel receives when the caller will read the gradient
 * (`computeLoss(..., { gradient: 'eager' })`): kernels that can defer it (`pointwiseFused`, cross-entropy
 * with class indices) then make their one fused value-and-gradient pass instead of a forward pass now
 * and a second pass on the first read of `grad`. A symbol, so it is never taken for a parameter.
 */
export const EAGER_GRADIENT: unique symbol = Symbol('eager gradient');

/** Whether the caller asked for the gradient up front (see `EAGER_GRADIENT`). */
export function wantsEagerGradient(params: Readonly<Record<string, unknown>>): boolean {
  return (params as { [EAGER_GRADIENT]?: boolean })[EAGER_GRADIENT] === true;
}

export function readReduction(params: Readonly<Record<string, unknown>>): Reduction {
  const r = params.reduction ?? 'mean';
  if (r !== 'mean' && r !== 'sum' && r !== 'none') {
    throw new LossInputError(`reduction: expected 'mean', 'sum' or 'none', found ${JSON.stringify(r)}`, 'reduction');
  }
  return r;
}

export function sum(data: Float64Array): number {
  let s = 0;
  for (let i = 0; i < data.length; i++) s += data[i];
  return s;
}

/**
 * Reduces per-element losses by a plain mean, sum or nothing.
 *
 * @param elements the unreduced loss (the `'none'` output)
 * @param elementGrad d(element loss)/d(prediction), already laid out in the prediction's shape
 *   (elementwise losses: the same layout as `elements`; row losses: the whole row's gradient)
 * @param predShape shape of the prediction input, for the gradient
 */
export function reduceByMean(
  elements: TypedTensor,
  elementGrad: Float64Array,
  predShape: number[],
  reduction: Reduction,
  gradInput: string,
): LossResult {
  const n = elements.data.length;
  if (reduction === 'none') {
    return {
      value: toNested(elements),
      elements,
      contributions: elements,
      gradInput,
      grad: { shape: predShape, data: elementGrad },
    };
  }
  const total = sum(elements.data);
  const scale = reduction === 'mean' ? 1 / n : 1;
  if (scale !== 1) for (let i = 0; i < elementGrad.length; i++) elementGrad[i] *= scale;
  return withScaledContributions(
    { value: reduction === 'mean' ? total / n : total, elements, gradInput, grad: { shape: predShape, data: elementGrad } },
    scale,
  );
}

/**
 * Defines `obj[key]` as an enumerable property computed by `compute` on first read and
 * then kept; assigning it replaces the kept value. Enumerable, so spreading, JSON and
 * deep-equality see it like a plain property.
 */
export function defineMemoized<T extends object, K extends keyof T>(obj: T, key: K, compute: () => T[K]): void {
  let cached: T[K] | undefined;
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get(): T[K] {
      if (cached === undefined) cached = compute();
      return cached;
    },
    set(v: T[K]) {
      cached = v;
    },
  });
}

/**
 * Completes a result with `contributions = elements · scale`, computed on first
 * read and then kept (a kernel may still adjust it in place). Most callers never
 * read it, and on a million elements it is a whole extra array.
 */
export function withScaledContributions(partial: Omit<LossResult, 'contributions'>, scale: number): LossResult {
  const result = partial as LossResult;
  defineMemoized(result, 'contributions', () => {
    const el = result.elements.data;
    const data = new Float64Array(el.length);
    for (let i = 0; i < el.length; i++) data[i] = el[i] * scale;
    return { shape: result.elements.shape, data };
  });
  return result;
}

/**
 * Reduces by a weighted mean, as `nll_loss`/`cross_entropy` do with class weights:
 * mean = sum(elements) / sum(weights), where `elements` already include the weights.
 */
export function reduceByWeightedMean(
  elements: TypedTensor,
  weightSum: number,
  elementGrad: Float64Array,
  predShape: number[],
  reduction: Reduction,
  gradInput: string,
): LossResult {
  if (reduction !== 'mean') return reduceByMean(elements, elementGrad, predShape, reduction, gradInput);
  const total = sum(elements.data);
  for (let i = 0; i < elementGrad.length; i++) elementGrad[i] /= weightSum;
  return withScaledContributions({ value: total / weightSum, elements, gradInput, grad: { shape: predShape, data: elementGrad } }, 1 / weightSum);
}
