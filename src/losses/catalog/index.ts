/**
 * The catalog: every entry, gathered from one module per family, with the third-party
 * libraries' APIs (./apis) attached, and the concepts.
 */
import type { LossEntry } from '../types';
import { REGRESSION_ENTRIES } from './regression';
import { CLASSIFICATION_ENTRIES } from './classification';
import { DIVERGENCE_ENTRIES } from './divergence';
import { EMBEDDING_ENTRIES } from './embedding';
import { SEQUENCE_ENTRIES } from './sequence';
import { DETECTION_ENTRIES } from './detection';
import { KERAS_ENTRIES } from './keras';
import { METRIC_LEARNING_ENTRIES } from './metric-learning';
import { SEGMENTATION_ENTRIES } from './segmentation';
import { GENERATIVE_ENTRIES } from './generative';
import { REINFORCEMENT_ENTRIES } from './reinforcement';
import { TASK_SPECIFIC_ENTRIES } from './task-specific';
import { ROBUST_ENTRIES } from './robust';
import { NOISY_LABELS_ENTRIES } from './noisy-labels';
import { LIBRARY_ENTRIES } from './libraries';
import { attachLibraryApis } from './apis';

export { CONCEPTS } from './concepts';

export const CATALOG: readonly LossEntry[] = attachLibraryApis([
  ...REGRESSION_ENTRIES,
  ...CLASSIFICATION_ENTRIES,
  ...DIVERGENCE_ENTRIES,
  ...EMBEDDING_ENTRIES,
  ...SEQUENCE_ENTRIES,
  ...DETECTION_ENTRIES,
  ...KERAS_ENTRIES,
  ...METRIC_LEARNING_ENTRIES,
  ...SEGMENTATION_ENTRIES,
  ...GENERATIVE_ENTRIES,
  ...REINFORCEMENT_ENTRIES,
  ...TASK_SPECIFIC_ENTRIES,
  ...ROBUST_ENTRIES,
  ...NOISY_LABELS_ENTRIES,
  ...LIBRARY_ENTRIES,
]);
