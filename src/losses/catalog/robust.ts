/**
 * Catalog entries: robust and quantile regression losses.
 */
import type { LossEntry } from '../types';

export const ROBUST_ENTRIES: readonly LossEntry[] = [];
