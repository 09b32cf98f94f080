/**
 * Numeric kernels: task-specific losses.
 */
import type { LossImplementation } from './types';

export const TASK_SPECIFIC_KERNELS: readonly LossImplementation[] = [];
