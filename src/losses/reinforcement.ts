/**
 * Numeric kernels: reinforcement-learning losses.
 */
import type { LossImplementation } from './types';

export const REINFORCEMENT_KERNELS: readonly LossImplementation[] = [];
