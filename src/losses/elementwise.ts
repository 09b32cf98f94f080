/**
 * The shared machinery of pointwise losses (`loss_i = f(input_i, target_i)`):
 * broadcasting of input and target as PyTorch does, the per-element loss and
 * its derivative, then the reduction.
 */
import { readReduction, reduceByMean } from './reduction';
import { broadcastShapes, broadcastTo, reduceToShape } from './tensor';
import type { LossResult, TypedTensor } from './types';

/**
 * Writes the loss of one element into `out[0]` and d(loss)/d(input) into `out[1]`.
 * A preallocated pair keeps the hot loop free of allocation.
 */
export type PointwiseLoss = (input: number, target: number, out: Float64Array) => void;

export function pointwiseLoss(
  input: TypedTensor,
  target: TypedTensor,
  params: Readonly<Record<string, unknown>>,
  f: PointwiseLoss,
  names: readonly [string, string] = ['input', 'target'],
): LossResult {
  const reduction = readReduction(params);
  const shape = broadcastShapes(input.shape, target.shape, names[0], names[1]);
  const x = broadcastTo(input, shape);
  const y = broadcastTo(target, shape);
  const n = x.data.length;
  const loss = new Float64Array(n);
  const grad = new Float64Array(n);
  const pair = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    f(x.data[i], y.data[i], pair);
    loss[i] = pair[0];
    grad[i] = pair[1];
  }
  const result = reduceByMean({ shape, data: loss }, grad, shape, reduction, names[0]);
  if (x !== input) result.grad = reduceToShape(result.grad, input.shape);
  return result;
}
