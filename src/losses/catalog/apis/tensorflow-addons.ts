/**
 * TensorFlow Addons `tfa.losses` (v0.23.0, the last release; the project reached end of life in
 * May 2024), the symbols not already listed in their entries' own `apis`. The list is
 * test/fixtures/apis/tensorflow-addons.json.
 */
import { cls, fn, type ApiBinding } from './binding';

const T = 'tfa.losses.';

const FOCAL_NOTE = {
  en: 'tfa.losses.SigmoidFocalCrossEntropy(from_logits=False, alpha=0.25, gamma=2.0, reduction=NONE) and tfa.losses.sigmoid_focal_crossentropy expect probabilities unless from_logits=True, and sum the per-element terms over the last axis, one value per sample.',
  zh: 'tfa.losses.SigmoidFocalCrossEntropy(from_logits=False, alpha=0.25, gamma=2.0, reduction=NONE) 与 tfa.losses.sigmoid_focal_crossentropy 默认要求输入概率（from_logits=True 时才接受 logits），并在最后一个轴上对逐元素项求和，每个样本一个值。',
};

export const TFA_APIS: readonly ApiBinding[] = [
  cls('sigmoid-focal-loss', `${T}SigmoidFocalCrossEntropy`, { reduction: 'none' }, FOCAL_NOTE),
  fn('sigmoid-focal-loss', `${T}sigmoid_focal_crossentropy`, { reduction: 'none' }),
  fn('batch-hard-triplet-loss', `${T}triplet_hard_loss`),
  fn('generalized-box-iou-loss', `${T}giou_loss`),
  fn('lifted-structure-loss', `${T}lifted_struct_loss`),
  cls('n-pair-loss', `${T}NpairsLoss`),
];
