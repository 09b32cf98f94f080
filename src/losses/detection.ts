/**
 * Numeric kernels: detection and box losses.
 */
import type { LossImplementation } from './types';

export const DETECTION_KERNELS: readonly LossImplementation[] = [];
