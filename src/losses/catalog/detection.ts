/**
 * Catalog entries: detection and box losses.
 */
import type { LossEntry } from '../types';

export const DETECTION_ENTRIES: readonly LossEntry[] = [];
