/**
 * Numeric kernels: segmentation losses.
 */
import type { LossImplementation } from './types';

export const SEGMENTATION_KERNELS: readonly LossImplementation[] = [];
