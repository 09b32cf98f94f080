/**
 * Pieces many entries share: the standard inputs and parameters of PyTorch losses.
 */
import type { InputSpec, ParamSpec } from '../types';

/** PyTorch's `reduction` argument with its default `'mean'`. */
export const REDUCTION: ParamSpec = {
  name: 'reduction',
  type: 'enum',
  default: 'mean',
  options: ['mean', 'sum', 'none'],
  meaning: {
    en: "How the per-element losses are combined: 'mean' averages them, 'sum' adds them, 'none' returns them unreduced.",
    zh: "逐元素损失的汇总方式：'mean' 取平均，'sum' 求和，'none' 不汇总、原样返回。",
  },
};

/** `input`/`target` of a PyTorch pointwise regression loss (any shape, broadcast). */
export const POINTWISE_INPUTS: readonly InputSpec[] = [
  {
    name: 'input',
    meaning: { en: 'The prediction.', zh: '模型的预测值。' },
    shape: '(*), any shape',
    domain: { en: 'real numbers', zh: '实数' },
  },
  {
    name: 'target',
    meaning: { en: 'The ground truth, broadcastable to the shape of input.', zh: '真实值（ground truth），形状需能广播到 input 的形状。' },
    shape: '(*), same shape as input',
    domain: { en: 'real numbers', zh: '实数' },
  },
];

/** PyTorch's optional per-class `weight` tensor of shape (C) (class-index losses). */
export const CLASS_WEIGHT: ParamSpec = {
  name: 'weight',
  type: 'tensor',
  default: null,
  meaning: {
    en: 'Optional rescaling weight for each class, a tensor of shape (C). None means every class weighs 1.',
    zh: '可选的逐类别权重（class weight），形状为 (C) 的张量；None 表示所有类别权重均为 1。',
  },
};
