/**
 * Numeric kernels: probabilistic and divergence losses.
 */
import type { LossImplementation } from './types';

export const DIVERGENCE_KERNELS: readonly LossImplementation[] = [];
