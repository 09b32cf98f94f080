/**
 * Catalog entries: generative-model losses.
 */
import type { LossEntry } from '../types';

export const GENERATIVE_ENTRIES: readonly LossEntry[] = [];
