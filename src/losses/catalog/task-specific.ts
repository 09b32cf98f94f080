/**
 * Catalog entries: task-specific losses.
 */
import type { LossEntry } from '../types';

export const TASK_SPECIFIC_ENTRIES: readonly LossEntry[] = [];
