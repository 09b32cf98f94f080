/**
 * Every numeric implementation, keyed by entry id. Each family module exports
 * its implementations; this file only gathers them.
 */
import type { LossImplementation } from './types';
import { REGRESSION_KERNELS } from './regression';
import { CLASSIFICATION_KERNELS } from './classification';
import { DIVERGENCE_KERNELS } from './divergence';
import { EMBEDDING_KERNELS } from './embedding';
import { SEQUENCE_KERNELS } from './sequence';
import { DETECTION_KERNELS } from './detection';
import { KERAS_KERNELS } from './keras';
import { METRIC_LEARNING_KERNELS } from './metric-learning';
import { SEGMENTATION_KERNELS } from './segmentation';
import { GENERATIVE_KERNELS } from './generative';
import { REINFORCEMENT_KERNELS } from './reinforcement';
import { TASK_SPECIFIC_KERNELS } from './task-specific';
import { ROBUST_KERNELS } from './robust';
import { NOISY_LABELS_KERNELS } from './noisy-labels';

const ALL: readonly LossImplementation[] = [
  ...REGRESSION_KERNELS,
  ...CLASSIFICATION_KERNELS,
  ...DIVERGENCE_KERNELS,
  ...EMBEDDING_KERNELS,
  ...SEQUENCE_KERNELS,
  ...DETECTION_KERNELS,
  ...KERAS_KERNELS,
  ...METRIC_LEARNING_KERNELS,
  ...SEGMENTATION_KERNELS,
  ...GENERATIVE_KERNELS,
  ...REINFORCEMENT_KERNELS,
  ...TASK_SPECIFIC_KERNELS,
  ...ROBUST_KERNELS,
  ...NOISY_LABELS_KERNELS,
];

export const KERNELS: ReadonlyMap<string, LossImplementation> = new Map(ALL.map((k) => [k.id, k]));
