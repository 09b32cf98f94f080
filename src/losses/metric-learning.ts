/**
 * Numeric kernels: metric learning, contrastive and self-supervised losses.
 */
import type { LossImplementation } from './types';

export const METRIC_LEARNING_KERNELS: readonly LossImplementation[] = [];
