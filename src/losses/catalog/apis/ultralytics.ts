/**
 * ultralytics `ultralytics.utils.loss` (read through the code index at commit 00033e8f, not a
 * release tag: the repository is too large to mirror), the pieces that match catalog entries;
 * the list is test/fixtures/apis/ultralytics.json.
 */
import { cls, type ApiBinding } from './binding';

const U = 'ultralytics.utils.loss.';

export const ULTRALYTICS_APIS: readonly ApiBinding[] = [
  cls('distribution-focal-loss', `${U}DFLoss`),
  cls('sigmoid-focal-loss', `${U}FocalLoss`, { gamma: 1.5 }, {
    en: 'ultralytics.utils.loss.FocalLoss(gamma=1.5, alpha=0.25) is this loss on logits with gamma 1.5, reduced as loss.mean(1).sum() (mean over the second dimension, then a sum).',
    zh: 'ultralytics.utils.loss.FocalLoss(gamma=1.5, alpha=0.25) 就是作用于 logits、gamma 为 1.5 的这种损失，按 loss.mean(1).sum() 汇总（先在第二维取平均，再求和）。',
  }),
  cls('cross-entropy', `${U}v8ClassificationLoss`, undefined, {
    en: "ultralytics.utils.loss.v8ClassificationLoss() is F.cross_entropy(preds, batch['cls'], reduction='mean') for YOLO classification models.",
    zh: "ultralytics.utils.loss.v8ClassificationLoss() 是 YOLO 分类模型使用的 F.cross_entropy(preds, batch['cls'], reduction='mean')。",
  }),
];
