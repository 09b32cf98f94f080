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

export function pointwiseBulk(
  input: TypedTensor,
  target: TypedTensor,
  params: Readonly<Record<string, unknown>>,
  fill: PointwiseBulk,
  names: readonly [string, string] = ['input', 'target'],
): LossResult {
  const reduction = readReduction(params);
  const shape = broadcastShapes(input.shape, target.shape, names[0], names[1]);
  const x = broadcastTo(input, shape);
  const y = broadcastTo(target, shape);
  const n = x.data.length;
  const loss = new Float64Array(n);
  const grad = new Float64Array(n);
  fill(x.data, y.data, loss, grad);
  const result = reduceByMean({ shape, data: loss }, grad, shape, reduction, names[0]);
  if (x !== input) result.grad = reduceToShape(result.grad, input.shape);
  return result;
}
