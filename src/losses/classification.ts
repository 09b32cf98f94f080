/**
 * Numeric kernels: classification losses.
 */
import type { LossImplementation } from './types';

export const CLASSIFICATION_KERNELS: readonly LossImplementation[] = [];
