/**
 * Numeric kernels: sequence losses.
 */
import type { LossImplementation } from './types';

export const SEQUENCE_KERNELS: readonly LossImplementation[] = [];
