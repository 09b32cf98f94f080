/**
 * Numeric kernels: robust and quantile regression losses.
 */
import type { LossImplementation } from './types';

export const ROBUST_KERNELS: readonly LossImplementation[] = [];
