/**
 * Catalog entries: Keras-only losses and Keras variants.
 */
import type { LossEntry } from '../types';

export const KERAS_ENTRIES: readonly LossEntry[] = [];
