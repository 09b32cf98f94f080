/**
 * Ideas that are not losses themselves but belong in the reference.
 */
import type { Concept } from '../types';

export const CONCEPTS: readonly Concept[] = [];
