/**
 * Numeric kernels: Keras-only losses and Keras variants.
 */
import type { LossImplementation } from './types';

export const KERAS_KERNELS: readonly LossImplementation[] = [];
