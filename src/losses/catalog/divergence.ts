/**
 * Catalog entries: probabilistic and divergence losses.
 */
import type { LossEntry } from '../types';

export const DIVERGENCE_ENTRIES: readonly LossEntry[] = [];
