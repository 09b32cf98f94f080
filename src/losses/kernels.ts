/**
 * Every numeric implementation, keyed by entry id. Each family module exports
 * its implementations; this file only gathers them.
 */
import { REGRESSION_KERNELS } from './regression';
import type { LossImplementation } from './types';

const ALL: readonly LossImplementation[] = [...REGRESSION_KERNELS];

export const KERNELS: ReadonlyMap<string, LossImplementation> = new Map(ALL.map((k) => [k.id, k]));
