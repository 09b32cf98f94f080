/**
 * fvcore `fvcore.nn` losses (facebookresearch/fvcore fvcore/nn/__init__.py at commit 3378afe0;
 * fvcore has no release tags) and detectron2 v0.6 `detectron2.layers` losses, which detectron2's
 * heads use together. Lists: test/fixtures/apis/{fvcore,detectron2}.json.
 */
import { fn, type ApiBinding } from './binding';

export const FVCORE_APIS: readonly ApiBinding[] = [
  fn('sigmoid-focal-loss', 'fvcore.nn.sigmoid_focal_loss', { alpha: -1 }, {
    en: "fvcore fvcore.nn.sigmoid_focal_loss(inputs, targets, alpha=-1, gamma=2, reduction='none') is this loss with no alpha weighting by default (a negative alpha disables it; RetinaNet in detectron2 passes 0.25); fvcore.nn.sigmoid_focal_loss_jit is the same function compiled with TorchScript.",
    zh: "fvcore 的 fvcore.nn.sigmoid_focal_loss(inputs, targets, alpha=-1, gamma=2, reduction='none') 就是这种损失，默认不做 alpha 加权（负的 alpha 表示关闭；detectron2 的 RetinaNet 传入 0.25）；fvcore.nn.sigmoid_focal_loss_jit 是用 TorchScript 编译的同一函数。",
  }),
  fn('sigmoid-focal-loss', 'fvcore.nn.sigmoid_focal_loss_jit', { alpha: -1 }),
  fn('smooth-l1-loss', 'fvcore.nn.smooth_l1_loss', { reduction: 'none' }, {
    en: "fvcore fvcore.nn.smooth_l1_loss(input, target, beta, reduction='none') requires beta and returns elementwise values by default; with beta < 1e-5 it computes the plain L1 loss.",
    zh: "fvcore 的 fvcore.nn.smooth_l1_loss(input, target, beta, reduction='none') 必须给出 beta，默认返回逐元素的值；beta < 1e-5 时计算普通 L1 损失。",
  }),
  fn('generalized-box-iou-loss', 'fvcore.nn.giou_loss', undefined, {
    en: "fvcore fvcore.nn.giou_loss(boxes1, boxes2, reduction='none', eps=1e-7) compares matched (x1, y1, x2, y2) boxes like torchvision's.",
    zh: "fvcore 的 fvcore.nn.giou_loss(boxes1, boxes2, reduction='none', eps=1e-7) 与 torchvision 的一样，比较一一对应的 (x1, y1, x2, y2) 框。",
  }),
];

export const DETECTRON2_APIS: readonly ApiBinding[] = [
  fn('cross-entropy', 'detectron2.layers.cross_entropy', undefined, {
    en: 'detectron2 detectron2.layers.cross_entropy is F.cross_entropy that returns 0 (keeping the graph) instead of nan when the target is empty and reduction is the mean.',
    zh: 'detectron2 的 detectron2.layers.cross_entropy 就是 F.cross_entropy，只是在目标为空且 reduction 为平均时返回 0（保留计算图）而不是 nan。',
  }),
  fn('distance-box-iou-loss', 'detectron2.layers.diou_loss', undefined, {
    en: "detectron2 detectron2.layers.diou_loss(boxes1, boxes2, reduction='none', eps=1e-7) matches torchvision's distance_box_iou_loss on (x1, y1, x2, y2) boxes.",
    zh: "detectron2 的 detectron2.layers.diou_loss(boxes1, boxes2, reduction='none', eps=1e-7) 与 torchvision 的 distance_box_iou_loss 一致，作用于 (x1, y1, x2, y2) 框。",
  }),
  fn('complete-box-iou-loss', 'detectron2.layers.ciou_loss', undefined, {
    en: "detectron2 detectron2.layers.ciou_loss(boxes1, boxes2, reduction='none', eps=1e-7) matches torchvision's complete_box_iou_loss on (x1, y1, x2, y2) boxes.",
    zh: "detectron2 的 detectron2.layers.ciou_loss(boxes1, boxes2, reduction='none', eps=1e-7) 与 torchvision 的 complete_box_iou_loss 一致，作用于 (x1, y1, x2, y2) 框。",
  }),
];
