/**
 * The catalog: every entry, gathered from one module per family.
 */
import type { LossEntry } from '../types';
import { REGRESSION_ENTRIES } from './regression';

export const CATALOG: readonly LossEntry[] = [...REGRESSION_ENTRIES];
