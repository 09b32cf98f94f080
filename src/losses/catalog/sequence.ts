/**
 * Catalog entries: sequence losses.
 */
import type { LossEntry } from '../types';

export const SEQUENCE_ENTRIES: readonly LossEntry[] = [];
