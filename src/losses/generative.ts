/**
 * Numeric kernels: generative-model losses.
 */
import type { LossImplementation } from './types';

export const GENERATIVE_KERNELS: readonly LossImplementation[] = [];
