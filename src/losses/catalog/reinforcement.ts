/**
 * Catalog entries: reinforcement-learning losses.
 */
import type { LossEntry } from '../types';

export const REINFORCEMENT_ENTRIES: readonly LossEntry[] = [];
