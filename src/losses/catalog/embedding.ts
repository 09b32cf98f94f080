/**
 * Catalog entries: pairwise and embedding losses (margin ranking, hinge/cosine embedding, triplet).
 */
import type { LossEntry } from '../types';

export const EMBEDDING_ENTRIES: readonly LossEntry[] = [];
