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
  cls('sigmoid-focal-loss', `${T}SigmoidFocalCrossEntropy`, undefined, FOCAL_NOTE),
  fn('sigmoid-focal-loss', `${T}sigmoid_focal_crossentropy`),
  fn('batch-hard-triplet-loss', `${T}triplet_hard_loss`, undefined, {
    en: 'tfa.losses.triplet_hard_loss(y_true, y_pred, margin=1.0, soft=False, distance_metric="L2") is the function form of tfa.losses.TripletHardLoss.',
    zh: 'tfa.losses.triplet_hard_loss(y_true, y_pred, margin=1.0, soft=False, distance_metric="L2") 是 tfa.losses.TripletHardLoss 的函数形式。',
  }),
  fn('generalized-box-iou-loss', `${T}giou_loss`, undefined, {
    en: "tfa.losses.giou_loss(y_true, y_pred, mode='giou') is the function form of tfa.losses.GIoULoss; boxes are [y_min, x_min, y_max, x_max].",
    zh: "tfa.losses.giou_loss(y_true, y_pred, mode='giou') 是 tfa.losses.GIoULoss 的函数形式；框的格式为 [y_min, x_min, y_max, x_max]。",
  }),
  fn('lifted-structure-loss', `${T}lifted_struct_loss`, undefined, {
    en: 'tfa.losses.lifted_struct_loss(labels, embeddings, margin=1.0) is the function form of tfa.losses.LiftedStructLoss.',
    zh: 'tfa.losses.lifted_struct_loss(labels, embeddings, margin=1.0) 是 tfa.losses.LiftedStructLoss 的函数形式。',
  }),
  cls('n-pair-loss', `${T}NpairsLoss`, undefined, {
    en: 'tfa.losses.NpairsLoss() is the class form of tfa.losses.npairs_loss(y_true, y_pred), where y_pred is the (N, N) similarity matrix of anchors and positives.',
    zh: 'tfa.losses.NpairsLoss() 是 tfa.losses.npairs_loss(y_true, y_pred) 的类形式，其中 y_pred 是锚点与正样本之间 (N, N) 的相似度矩阵。',
  }),
];
