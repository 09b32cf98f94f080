/**
 * String names of losses that libraries accept in place of a loss object, read from their source:
 * - Keras: `keras.losses.get(name)` and `compile(loss=name, metrics=…)`. Keras 3
 *   (keras-team/keras@3422977a, keras/src/losses/__init__.py `ALL_OBJECTS_DICT`: class names,
 *   function names and the aliases bce/BCE, kld/KLD, mae/MAE, mse/MSE, mape/MAPE, msle/MSLE) and
 *   tf-keras (keras-team/tf-keras@dd0a7237, tf_keras/losses.py, whose `get` looks names up in the
 *   module: also kullback_leibler_divergence, logcosh, huber_loss).
 * - KerasCV `compile(box_loss=…, classification_loss=…)`: "ciou" and "binary_crossentropy"
 *   (YOLOV8Detector), "focal", "smoothl1" and "huber" (RetinaNet).
 * - OpenMMLab registries: `dict(type='FocalLoss', …)`, with `use_sigmoid=True` switching
 *   CrossEntropyLoss to binary cross-entropy with logits (`openmmlabLossSymbol`,
 *   src/losses/openmmlab.ts, reads the catalog's `<package>.models.losses.<type>` class paths).
 * Pure data and look-ups: no `vscode` import.
 */
import { openmmlabLossSymbol } from '../losses';
import { apiForPath, type ApiRef } from './symbols';

const KERAS_CLASSES = [
  'MeanSquaredError', 'MeanAbsoluteError', 'MeanAbsolutePercentageError', 'MeanSquaredLogarithmicError',
  'CosineSimilarity', 'Huber', 'LogCosh', 'Hinge', 'SquaredHinge', 'CategoricalHinge', 'KLDivergence', 'Poisson',
  'BinaryCrossentropy', 'BinaryFocalCrossentropy', 'CategoricalCrossentropy', 'CategoricalFocalCrossentropy',
  'SparseCategoricalCrossentropy', 'CTC', 'Dice', 'Tversky', 'Circle', 'CategoricalGeneralizedCrossEntropy',
];

/** Keras loss functions and the class with the same computation. */
const KERAS_FUNCTIONS: Readonly<Record<string, string>> = {
  mean_squared_error: 'MeanSquaredError',
  mean_absolute_error: 'MeanAbsoluteError',
  mean_absolute_percentage_error: 'MeanAbsolutePercentageError',
  mean_squared_logarithmic_error: 'MeanSquaredLogarithmicError',
  cosine_similarity: 'CosineSimilarity',
  huber: 'Huber',
  log_cosh: 'LogCosh',
  hinge: 'Hinge',
  squared_hinge: 'SquaredHinge',
  categorical_hinge: 'CategoricalHinge',
  kl_divergence: 'KLDivergence',
  poisson: 'Poisson',
  binary_crossentropy: 'BinaryCrossentropy',
  binary_focal_crossentropy: 'BinaryFocalCrossentropy',
  categorical_crossentropy: 'CategoricalCrossentropy',
  categorical_focal_crossentropy: 'CategoricalFocalCrossentropy',
  sparse_categorical_crossentropy: 'SparseCategoricalCrossentropy',
  ctc: 'CTC',
  dice: 'Dice',
  tversky: 'Tversky',
  circle: 'Circle',
  categorical_generalized_cross_entropy: 'CategoricalGeneralizedCrossEntropy',
};

/** Short names and legacy names, to the function they stand for. */
const KERAS_ALIASES: Readonly<Record<string, string>> = {
  bce: 'binary_crossentropy',
  BCE: 'binary_crossentropy',
  kld: 'kl_divergence',
  KLD: 'kl_divergence',
  mae: 'mean_absolute_error',
  MAE: 'mean_absolute_error',
  mse: 'mean_squared_error',
  MSE: 'mean_squared_error',
  mape: 'mean_absolute_percentage_error',
  MAPE: 'mean_absolute_percentage_error',
  msle: 'mean_squared_logarithmic_error',
  MSLE: 'mean_squared_logarithmic_error',
  // tf-keras only
  kullback_leibler_divergence: 'kl_divergence',
  logcosh: 'log_cosh',
  huber_loss: 'huber',
};

/** Every string Keras resolves to a loss, to the Keras name it stands for (function or class). */
export const KERAS_LOSS_STRINGS: ReadonlyMap<string, string> = new Map<string, string>([
  ...KERAS_CLASSES.map((c) => [c, c] as [string, string]),
  ...Object.keys(KERAS_FUNCTIONS).map((f) => [f, f] as [string, string]),
  ...Object.entries(KERAS_ALIASES),
]);

function kerasApi(name: string): ApiRef | undefined {
  for (const m of ['keras.losses.', 'tf.keras.losses.']) {
    const r = apiForPath(m + name, true);
    if (r) return r;
  }
  const cls = KERAS_FUNCTIONS[name];
  return cls ? kerasApi(cls) : undefined;
}

/** The catalog API a Keras loss string names (`'mae'`, `'binary_crossentropy'`, `'Huber'`). */
export function kerasStringApi(s: string): ApiRef | undefined {
  const name = KERAS_LOSS_STRINGS.get(s);
  return name ? kerasApi(name) : undefined;
}

/** KerasCV / KerasHub detector `compile` strings, by keyword. */
const KERAS_CV: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  box_loss: { ciou: 'keras_cv.losses.CIoULoss', smoothl1: 'keras_cv.losses.SmoothL1Loss', huber: 'keras.losses.Huber' },
  classification_loss: { focal: 'keras_cv.losses.FocalLoss', binary_crossentropy: 'keras.losses.BinaryCrossentropy' },
};

export function kerasCvStringApi(keyword: string, s: string): ApiRef | undefined {
  const p = KERAS_CV[keyword]?.[s];
  return p ? apiForPath(p, true) : undefined;
}

export interface RegistryLoss {
  readonly ref: ApiRef;
  /** The class path the registry name stands for, e.g. `mmdet.models.losses.FocalLoss`. */
  readonly symbol: string;
}

/**
 * An OpenMMLab `type='…'` loss name, honouring `use_sigmoid` (and mmdet's `use_mask`), looked
 * up in the config's `default_scope` first (the catalog's OpenMMLab registry lists).
 */
export function openMMLabLoss(name: string, flags: { useSigmoid?: boolean; useMask?: boolean }, scope?: string): RegistryLoss | undefined {
  if (name === 'CrossEntropyLoss' && flags.useMask) {
    // mmdet/mmseg CrossEntropyLoss(use_mask=True) computes mask_cross_entropy (per-instance binary CE with logits).
    for (const pkg of [scope, 'mmdet', 'mmseg']) {
      const symbol = pkg && `${pkg}.models.losses.mask_cross_entropy`;
      const ref = symbol ? apiForPath(symbol) : undefined;
      if (ref && symbol) return { ref, symbol };
    }
    // Not listed: the binary cross-entropy with logits it computes, under the class the config names.
    const binary = openmmlabLossSymbol(name, { useSigmoid: true, scope });
    const ref = binary ? apiForPath(binary) : undefined;
    if (ref && binary) return { ref, symbol: binary.replace(/binary_cross_entropy$/, 'CrossEntropyLoss') };
  }
  const symbol = openmmlabLossSymbol(name, { useSigmoid: Boolean(flags.useSigmoid || flags.useMask), scope });
  const ref = symbol ? apiForPath(symbol) : undefined;
  return ref && symbol ? { ref, symbol } : undefined;
}
