/**
 * Catalog entries: metric learning, contrastive and self-supervised losses.
 */
import type { LossEntry } from '../types';

export const METRIC_LEARNING_ENTRIES: readonly LossEntry[] = [];
