/**
 * Numeric kernels: pairwise and embedding losses (margin ranking, hinge/cosine embedding, triplet).
 */
import type { LossImplementation } from './types';

export const EMBEDDING_KERNELS: readonly LossImplementation[] = [];
