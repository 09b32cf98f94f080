/**
 * Catalog entries: segmentation losses.
 */
import type { LossEntry } from '../types';

export const SEGMENTATION_ENTRIES: readonly LossEntry[] = [];
