/**
 * Catalog entries: classification losses.
 */
import type { LossEntry } from '../types';

export const CLASSIFICATION_ENTRIES: readonly LossEntry[] = [];
