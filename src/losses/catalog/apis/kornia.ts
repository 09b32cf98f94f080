/**
 * kornia v0.8.3 `kornia.losses` (kornia/kornia kornia/losses/__init__.py, commit d6bb4bf0),
 * bound to catalog entries; the full list is test/fixtures/apis/kornia.json. kornia's losses
 * take (pred, target) and most default to reduction='none'.
 */
import { cls, fn, type ApiBinding } from './binding';

const K = 'kornia.losses.';
const SQRT2 = Math.SQRT2;

const ROBUST_NOTE = {
  en: "kornia's robust image losses (kornia.losses.CauchyLoss, kornia.losses.CharbonnierLoss, kornia.losses.GemanMcclureLoss, kornia.losses.WelschLoss and their functions) have no scale parameter and default to reduction='none': kornia.losses.cauchy_loss is ln(½r² + 1) (c = √2 here), kornia.losses.welsch_loss is 1 − exp(−½r²) (c = √2), kornia.losses.charbonnier_loss is √(r² + 1) − 1 (ε = 1, shifted to 0 at r = 0) and kornia.losses.geman_mcclure_loss is 2r²/(r² + 4) (twice the value with σ = 2).",
  zh: 'kornia 的鲁棒图像损失（kornia.losses.CauchyLoss、kornia.losses.CharbonnierLoss、kornia.losses.GemanMcclureLoss、kornia.losses.WelschLoss 及其函数形式）没有尺度参数，默认 reduction=\'none\'：kornia.losses.cauchy_loss 为 ln(½r² + 1)（即这里的 c = √2），kornia.losses.welsch_loss 为 1 − exp(−½r²)（c = √2），kornia.losses.charbonnier_loss 为 √(r² + 1) − 1（ε = 1，并平移使 r = 0 时为 0），kornia.losses.geman_mcclure_loss 为 2r²/(r² + 4)（σ = 2 时数值的两倍）。',
};

const SEG_NOTE = {
  en: "kornia.losses.DiceLoss(average='micro', eps=1e-8, weight=None, ignore_index=-100) and kornia.losses.TverskyLoss(alpha, beta, eps=1e-8, ignore_index=-100) (functions kornia.losses.dice_loss, kornia.losses.tversky_loss) take logits (B, C, H, W) and index targets (B, H, W), apply a softmax over classes, score each image ('micro' pools the classes, 'macro' averages per-class scores) and average over the batch; eps is added to the denominator only.",
  zh: "kornia.losses.DiceLoss(average='micro', eps=1e-8, weight=None, ignore_index=-100) 和 kornia.losses.TverskyLoss(alpha, beta, eps=1e-8, ignore_index=-100)（函数 kornia.losses.dice_loss、kornia.losses.tversky_loss）接收 logits (B, C, H, W) 和索引目标 (B, H, W)，先在类别上做 softmax，再按图像计算分数（'micro' 把各类别合并，'macro' 对各类别分数取平均），最后对批取平均；eps 只加在分母上。",
};

export const KORNIA_APIS: readonly ApiBinding[] = [
  cls('psnr-loss', `${K}PSNRLoss`),
  fn('psnr-loss', `${K}psnr_loss`),
  cls('focal-loss', `${K}FocalLoss`, { reduction: 'none' }, {
    en: "kornia kornia.losses.FocalLoss(alpha, gamma=2.0, reduction='none', weight=None, ignore_index=-100) (and kornia.losses.focal_loss) is this softmax focal loss on logits (B, C, ...) with index targets, except that alpha weighs class 0 by 1 − alpha and every other class by alpha (None: no weighting); the class requires alpha.",
    zh: "kornia 的 kornia.losses.FocalLoss(alpha, gamma=2.0, reduction='none', weight=None, ignore_index=-100)（以及 kornia.losses.focal_loss）就是作用于 logits (B, C, ...)、索引目标的这种 softmax Focal 损失，只是 alpha 的用法不同：第 0 类乘以 1 − alpha，其余各类乘以 alpha（None 表示不加权）；该类必须显式给出 alpha。",
  }),
  fn('focal-loss', `${K}focal_loss`, { reduction: 'none' }),
  cls('sigmoid-focal-loss', `${K}BinaryFocalLossWithLogits`, undefined, {
    en: "kornia kornia.losses.BinaryFocalLossWithLogits(alpha, gamma=2.0, reduction='none', pos_weight=None, weight=None, ignore_index=-100) (and kornia.losses.binary_focal_loss_with_logits) is this loss on logits; the class requires alpha (None disables it), the function defaults to alpha=0.25.",
    zh: "kornia 的 kornia.losses.BinaryFocalLossWithLogits(alpha, gamma=2.0, reduction='none', pos_weight=None, weight=None, ignore_index=-100)（以及 kornia.losses.binary_focal_loss_with_logits）就是作用于 logits 的这种损失；该类必须给出 alpha（None 表示不加权），函数形式默认 alpha=0.25。",
  }),
  fn('sigmoid-focal-loss', `${K}binary_focal_loss_with_logits`),
  cls('dice-loss', `${K}DiceLoss`, { mode: 'multiclass', eps: 1e-8 }, SEG_NOTE),
  fn('dice-loss', `${K}dice_loss`, { mode: 'multiclass', eps: 1e-8 }),
  cls('tversky-loss', `${K}TverskyLoss`, { mode: 'multiclass', eps: 1e-8 }, SEG_NOTE),
  fn('tversky-loss', `${K}tversky_loss`, { mode: 'multiclass', eps: 1e-8 }),
  cls('ssim-loss', `${K}SSIMLoss`, undefined, {
    en: "kornia kornia.losses.SSIMLoss(window_size, max_val=1.0, eps=1e-12, reduction='mean', padding='same') (and kornia.losses.ssim_loss) returns (1 − SSIM)/2, half of this loss, with same-size padding; kornia.losses.SSIM3DLoss and kornia.losses.ssim3d_loss do the same for volumes.",
    zh: "kornia 的 kornia.losses.SSIMLoss(window_size, max_val=1.0, eps=1e-12, reduction='mean', padding='same')（以及 kornia.losses.ssim_loss）返回 (1 − SSIM)/2，即本损失的一半，并使用保持尺寸的填充；kornia.losses.SSIM3DLoss 和 kornia.losses.ssim3d_loss 对体数据做同样的计算。",
  }),
  fn('ssim-loss', `${K}ssim_loss`),
  cls('ssim-loss', `${K}SSIM3DLoss`),
  fn('ssim-loss', `${K}ssim3d_loss`),
  cls('cauchy-loss', `${K}CauchyLoss`, { c: SQRT2, reduction: 'none' }, ROBUST_NOTE),
  fn('cauchy-loss', `${K}cauchy_loss`, { c: SQRT2, reduction: 'none' }),
  cls('welsch-loss', `${K}WelschLoss`, { c: SQRT2, reduction: 'none' }, ROBUST_NOTE),
  fn('welsch-loss', `${K}welsch_loss`, { c: SQRT2, reduction: 'none' }),
  cls('charbonnier-loss', `${K}CharbonnierLoss`, { eps: 1, reduction: 'none' }, ROBUST_NOTE),
  fn('charbonnier-loss', `${K}charbonnier_loss`, { eps: 1, reduction: 'none' }),
  cls('geman-mcclure-loss', `${K}GemanMcclureLoss`, { sigma: 2, reduction: 'none' }, ROBUST_NOTE),
  fn('geman-mcclure-loss', `${K}geman_mcclure_loss`, { sigma: 2, reduction: 'none' }),
  cls('lovasz-hinge-loss', `${K}LovaszHingeLoss`, undefined, {
    en: 'kornia kornia.losses.LovaszHingeLoss() (and kornia.losses.lovasz_hinge_loss) takes logits (B, 1, H, W) and binary targets (B, H, W) and averages the per-image Lovász hinge.',
    zh: 'kornia 的 kornia.losses.LovaszHingeLoss()（以及 kornia.losses.lovasz_hinge_loss）接收 logits (B, 1, H, W) 和二值目标 (B, H, W)，对逐图像的 Lovász hinge 取平均。',
  }),
  fn('lovasz-hinge-loss', `${K}lovasz_hinge_loss`),
  cls('lovasz-softmax-loss', `${K}LovaszSoftmaxLoss`, { per_image: true, classes: 'all' }, {
    en: 'kornia kornia.losses.LovaszSoftmaxLoss(weight=None) (and kornia.losses.lovasz_softmax_loss) applies a softmax to logits (B, C, H, W) and computes the Lovász extension of the Jaccard loss per class and image.',
    zh: 'kornia 的 kornia.losses.LovaszSoftmaxLoss(weight=None)（以及 kornia.losses.lovasz_softmax_loss）对 logits (B, C, H, W) 做 softmax，按类别和图像计算 Jaccard 损失的 Lovász 扩展。',
  }),
  fn('lovasz-softmax-loss', `${K}lovasz_softmax_loss`, { per_image: true, classes: 'all' }),
];
