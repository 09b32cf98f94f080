/**
 * timm v1.0.28 `timm.loss` (huggingface/pytorch-image-models timm/loss/__init__.py, commit
 * 8ef73809), bound to catalog entries; the full list is test/fixtures/apis/timm.json.
 */
import { cls, type ApiBinding } from './binding';

export const TIMM_APIS: readonly ApiBinding[] = [
  cls('cross-entropy', 'timm.loss.LabelSmoothingCrossEntropy', { label_smoothing: 0.1 }, {
    en: "timm timm.loss.LabelSmoothingCrossEntropy(smoothing=0.1) is this loss with label_smoothing=0.1 and index targets: (1 − ε)·NLL + ε·mean over classes of −log p, classes on the last dim, always the mean over the batch, with no weight or ignore_index.",
    zh: 'timm 的 timm.loss.LabelSmoothingCrossEntropy(smoothing=0.1) 就是 label_smoothing=0.1、索引目标的这种损失：(1 − ε)·NLL + ε·各类别 −log p 的平均，类别在最后一维，总是对批取平均，没有 weight 或 ignore_index。',
  }),
  cls('cross-entropy', 'timm.loss.SoftTargetCrossEntropy', undefined, {
    en: 'timm.loss.SoftTargetCrossEntropy() is this loss with probability targets (as from Mixup/CutMix): Σ −t·log_softmax(x) over the last dim, averaged over the batch.',
    zh: 'timm.loss.SoftTargetCrossEntropy() 是目标为概率（例如 Mixup/CutMix 产生的目标）时的这种损失：在最后一维上求 Σ −t·log_softmax(x)，再对批取平均。',
  }),
  cls('bce-with-logits', 'timm.loss.BinaryCrossEntropy', undefined, {
    en: "timm timm.loss.BinaryCrossEntropy(smoothing=0.1, target_threshold=None, weight=None, reduction='mean', sum_classes=False, pos_weight=None) turns index targets into smoothed one-hot rows (off = ε/C, on = 1 − ε + ε/C), can binarise targets above target_threshold, then calls binary_cross_entropy_with_logits; sum_classes=True sums over classes before the batch mean.",
    zh: "timm 的 timm.loss.BinaryCrossEntropy(smoothing=0.1, target_threshold=None, weight=None, reduction='mean', sum_classes=False, pos_weight=None) 把索引目标变成平滑的 one-hot 行（off = ε/C，on = 1 − ε + ε/C），可把高于 target_threshold 的目标二值化，再调用 binary_cross_entropy_with_logits；sum_classes=True 时先在类别上求和再对批取平均。",
  }),
  cls('jsd-cross-entropy', 'timm.loss.JsdCrossEntropy'),
  cls('asymmetric-loss', 'timm.loss.AsymmetricLossMultiLabel', { disable_torch_grad_focal_loss: false }, {
    en: 'timm timm.loss.AsymmetricLossMultiLabel(gamma_neg=4, gamma_pos=1, clip=0.05, eps=1e-8, disable_torch_grad_focal_loss=False) is this loss with gradients through the focusing weights by default, returning the sum.',
    zh: 'timm 的 timm.loss.AsymmetricLossMultiLabel(gamma_neg=4, gamma_pos=1, clip=0.05, eps=1e-8, disable_torch_grad_focal_loss=False) 就是这种损失，默认对聚焦权重也求导，返回总和。',
  }),
];
