/**
 * OpenMMLab loss classes (mmdet, mmseg, mmpretrain `models/losses`), bound to catalog entries
 * under their importable class paths; configs name the same classes by registry string
 * (`dict(type='FocalLoss', ...)`): src/python resolves such a name as `<package>.models.losses.<type>`.
 * The lists are test/fixtures/apis/{mmdet,mmseg,mmpretrain}.json.
 */
import type { Localized } from '../../types';
import { cls, fn, type ApiBinding } from './binding';

const MM_COMMON = {
  en: 'OpenMMLab losses take loss_weight (a factor on the result, default 1.0), and their forward takes weight, avg_factor (divide the weighted sum by it instead of the element count) and reduction_override.',
  zh: 'OpenMMLab 的损失都有 loss_weight（结果的系数，默认 1.0），forward 还接收 weight、avg_factor（用它而不是元素个数去除加权和）和 reduction_override。',
};

function note(en: string, zh: string): Localized {
  return { en: `${en} ${MM_COMMON.en}`, zh: `${zh}${MM_COMMON.zh}` };
}

const CE_NOTE = note(
  "mmdet.models.losses.CrossEntropyLoss, mmseg.models.losses.CrossEntropyLoss and mmpretrain.models.losses.CrossEntropyLoss (registry type='CrossEntropyLoss'; functions mmdet.models.losses.cross_entropy, mmseg.models.losses.cross_entropy, mmpretrain.models.losses.cross_entropy) default to use_sigmoid=False, i.e. this softmax cross-entropy with reduction='mean' and class_weight=None; use_sigmoid=True switches to binary cross-entropy with logits (the binary_cross_entropy function), mmdet/mmseg use_mask=True to the per-instance mask loss, and mmpretrain use_soft=True to soft targets. mmseg decode heads pass ignore_index=255.",
  "mmdet.models.losses.CrossEntropyLoss、mmseg.models.losses.CrossEntropyLoss 和 mmpretrain.models.losses.CrossEntropyLoss（注册名 type='CrossEntropyLoss'；函数 mmdet.models.losses.cross_entropy、mmseg.models.losses.cross_entropy、mmpretrain.models.losses.cross_entropy）默认 use_sigmoid=False，即这种 softmax 交叉熵，reduction='mean'，class_weight=None；use_sigmoid=True 时改为带 logits 的二元交叉熵（binary_cross_entropy 函数），mmdet/mmseg 的 use_mask=True 改为逐实例掩码损失，mmpretrain 的 use_soft=True 改为软目标。mmseg 的解码头会传入 ignore_index=255。",
);

const FOCAL_NOTE = note(
  "mmdet.models.losses.FocalLoss, mmseg.models.losses.FocalLoss and mmpretrain.models.losses.FocalLoss (registry type='FocalLoss'; functions mmdet.models.losses.sigmoid_focal_loss, mmpretrain.models.losses.sigmoid_focal_loss) are this sigmoid focal loss only (use_sigmoid must be True) with gamma=2.0 and reduction='mean'; alpha defaults to 0.25 in mmdet and mmpretrain but 0.5 in mmseg. Targets are class indices (mmdet: index C means background) turned into one-hot rows.",
  "mmdet.models.losses.FocalLoss、mmseg.models.losses.FocalLoss 和 mmpretrain.models.losses.FocalLoss（注册名 type='FocalLoss'；函数 mmdet.models.losses.sigmoid_focal_loss、mmpretrain.models.losses.sigmoid_focal_loss）只有这种 sigmoid 形式（use_sigmoid 必须为 True），gamma=2.0，reduction='mean'；alpha 在 mmdet 和 mmpretrain 中默认 0.25，在 mmseg 中默认 0.5。目标为类别索引（mmdet 中索引 C 表示背景），内部转成 one-hot 行。",
);

const BCE_NOTE = note(
  "mmdet.models.losses.binary_cross_entropy, mmseg.models.losses.binary_cross_entropy and mmpretrain.models.losses.binary_cross_entropy (pred, label, ...) take logits (it calls binary_cross_entropy_with_logits); CrossEntropyLoss(use_sigmoid=True) uses it, expanding index labels to one-hot.",
  'mmdet.models.losses.binary_cross_entropy、mmseg.models.losses.binary_cross_entropy 和 mmpretrain.models.losses.binary_cross_entropy (pred, label, ...) 接收 logits（内部调用 binary_cross_entropy_with_logits）；CrossEntropyLoss(use_sigmoid=True) 使用它，并把索引标签展开成 one-hot。',
);

const REG_NOTE = note(
  "mmdet.models.losses.L1Loss and mmdet.models.losses.l1_loss, mmdet.models.losses.SmoothL1Loss and mmdet.models.losses.smooth_l1_loss (beta=1.0), mmdet.models.losses.MSELoss and mmdet.models.losses.mse_loss compute the same elementwise values with reduction='mean'.",
  'mmdet.models.losses.L1Loss 与 mmdet.models.losses.l1_loss、mmdet.models.losses.SmoothL1Loss 与 mmdet.models.losses.smooth_l1_loss（beta=1.0）、mmdet.models.losses.MSELoss 与 mmdet.models.losses.mse_loss 计算相同的逐元素值，reduction=\'mean\'。',
);

const IOU_NOTE = note(
  "mmdet.models.losses.GIoULoss, mmdet.models.losses.DIoULoss and mmdet.models.losses.CIoULoss compare matched (x1, y1, x2, y2) boxes and default to reduction='mean'.",
  "mmdet.models.losses.GIoULoss、mmdet.models.losses.DIoULoss 和 mmdet.models.losses.CIoULoss 比较一一对应的 (x1, y1, x2, y2) 框，默认 reduction='mean'。",
);

const VNET_NOTE = note(
  "mmdet.models.losses.DiceLoss and mmseg.models.losses.DiceLoss (registry type='DiceLoss') default to this squared-denominator (V-Net) form: use_sigmoid=True, activate=True, naive_dice=False, eps=1e-3 added to each sum in the denominator only, one score per sample; naive_dice=True gives the plain soft Dice.",
  "mmdet.models.losses.DiceLoss 和 mmseg.models.losses.DiceLoss（注册名 type='DiceLoss'）默认就是这种分母取平方（V-Net）的形式：use_sigmoid=True、activate=True、naive_dice=False，eps=1e-3 只加在分母的各个和上，每个样本一个分数；naive_dice=True 时为普通软 Dice。",
);

const MMDET = 'mmdet.models.losses.';
const MMSEG = 'mmseg.models.losses.';
const MMPRE = 'mmpretrain.models.losses.';

export const OPENMMLAB_APIS: readonly ApiBinding[] = [
  // mmdet
  cls('cross-entropy', `${MMDET}CrossEntropyLoss`, undefined, CE_NOTE),
  fn('cross-entropy', `${MMDET}cross_entropy`),
  fn('bce-with-logits', `${MMDET}binary_cross_entropy`, undefined, BCE_NOTE),
  cls('sigmoid-focal-loss', `${MMDET}FocalLoss`, { reduction: 'mean' }, FOCAL_NOTE),
  cls('varifocal-loss', `${MMDET}VarifocalLoss`),
  fn('sigmoid-focal-loss', `${MMDET}sigmoid_focal_loss`, { reduction: 'mean' }),
  cls('smooth-l1-loss', `${MMDET}SmoothL1Loss`, undefined, REG_NOTE),
  fn('smooth-l1-loss', `${MMDET}smooth_l1_loss`),
  cls('l1-loss', `${MMDET}L1Loss`, undefined, REG_NOTE),
  fn('l1-loss', `${MMDET}l1_loss`),
  cls('mse-loss', `${MMDET}MSELoss`, undefined, REG_NOTE),
  fn('mse-loss', `${MMDET}mse_loss`),
  cls('generalized-box-iou-loss', `${MMDET}GIoULoss`, { reduction: 'mean' }, IOU_NOTE),
  cls('distance-box-iou-loss', `${MMDET}DIoULoss`, { reduction: 'mean' }, IOU_NOTE),
  cls('complete-box-iou-loss', `${MMDET}CIoULoss`, { reduction: 'mean' }, IOU_NOTE),
  cls('vnet-dice-loss', `${MMDET}DiceLoss`, undefined, VNET_NOTE),
  cls('distribution-focal-loss', `${MMDET}DistributionFocalLoss`),
  cls('quality-focal-loss', `${MMDET}QualityFocalLoss`),
  // mmseg
  cls('cross-entropy', `${MMSEG}CrossEntropyLoss`),
  fn('cross-entropy', `${MMSEG}cross_entropy`),
  fn('bce-with-logits', `${MMSEG}binary_cross_entropy`),
  cls('sigmoid-focal-loss', `${MMSEG}FocalLoss`, { reduction: 'mean', alpha: 0.5 }),
  cls('vnet-dice-loss', `${MMSEG}DiceLoss`),
  cls('tversky-loss', `${MMSEG}TverskyLoss`, { mode: 'multiclass', smooth: 1, alpha: 0.3, beta: 0.7, ignore_index: 255 }, note(
    "mmseg.models.losses.TverskyLoss(smooth=1, alpha=0.3, beta=0.7, ignore_index=255) applies a softmax over classes, scores each image and class, and requires alpha + beta = 1.",
    'mmseg.models.losses.TverskyLoss(smooth=1, alpha=0.3, beta=0.7, ignore_index=255) 先在类别上做 softmax，按图像和类别分别计算分数，并要求 alpha + beta = 1。',
  )),
  cls('lovasz-softmax-loss', `${MMSEG}LovaszLoss`, undefined, note(
    "mmseg.models.losses.LovaszLoss(loss_type='multi_class', classes='present', per_image=False, reduction='mean') is this loss on softmax probabilities; loss_type='binary' switches to the Lovász hinge.",
    "mmseg.models.losses.LovaszLoss(loss_type='multi_class', classes='present', per_image=False, reduction='mean') 就是作用于 softmax 概率的这种损失；loss_type='binary' 时改为 Lovász hinge。",
  )),
  cls('balanced-cross-entropy', `${MMSEG}BoundaryLoss`, undefined, note(
    "mmseg.models.losses.BoundaryLoss() (PIDNet's boundary head) is BCE with logits over all boundary pixels of the batch, balanced with α = the fraction of non-boundary pixels, so α is set by the batch rather than fixed.",
    'mmseg.models.losses.BoundaryLoss()（PIDNet 的边界头）是对整个批所有边界像素的带 logits 的 BCE，按 α = 非边界像素所占比例平衡，因此 α 由批决定而非固定值。',
  )),
  // mmpretrain
  cls('cross-entropy', `${MMPRE}CrossEntropyLoss`),
  fn('cross-entropy', `${MMPRE}cross_entropy`),
  fn('bce-with-logits', `${MMPRE}binary_cross_entropy`),
  cls('sigmoid-focal-loss', `${MMPRE}FocalLoss`, { reduction: 'mean' }),
  fn('sigmoid-focal-loss', `${MMPRE}sigmoid_focal_loss`, { reduction: 'mean' }),
  cls('cross-entropy', `${MMPRE}LabelSmoothLoss`, undefined, note(
    "mmpretrain.models.losses.LabelSmoothLoss(label_smooth_val, mode='original') is softmax cross-entropy on targets (1 − ε)·one-hot + ε/C, i.e. label_smoothing = label_smooth_val; mode='classy_vision' and 'multi_label' smooth differently.",
    "mmpretrain.models.losses.LabelSmoothLoss(label_smooth_val, mode='original') 是目标为 (1 − ε)·one-hot + ε/C 的 softmax 交叉熵，即 label_smoothing = label_smooth_val；mode='classy_vision' 和 'multi_label' 的平滑方式不同。",
  )),
  cls('asymmetric-loss', `${MMPRE}AsymmetricLoss`, { gamma_pos: 0 }, note(
    "mmpretrain.models.losses.AsymmetricLoss (and mmpretrain.models.losses.asymmetric_loss) (gamma_pos=0.0, gamma_neg=4.0, clip=0.05, reduction='mean', use_sigmoid=True, eps=1e-8) is this loss averaged rather than summed, with no focusing on positives by default.",
    "mmpretrain.models.losses.AsymmetricLoss（以及 mmpretrain.models.losses.asymmetric_loss）(gamma_pos=0.0, gamma_neg=4.0, clip=0.05, reduction='mean', use_sigmoid=True, eps=1e-8) 就是这种损失，但取平均而不是求和，且默认不对正样本聚焦。",
  )),
  fn('asymmetric-loss', `${MMPRE}asymmetric_loss`, { gamma_pos: 0 }),
  cls('barlow-twins-loss', `${MMPRE}CrossCorrelationLoss`, undefined, note(
    'mmpretrain.models.losses.CrossCorrelationLoss(lambd=0.0051) takes the already computed cross-correlation matrix C of the two views and returns Σ(1 − Cᵢᵢ)² + λ Σ_{i≠j} Cᵢⱼ².',
    'mmpretrain.models.losses.CrossCorrelationLoss(lambd=0.0051) 接收已计算好的两个视图的互相关矩阵 C，返回 Σ(1 − Cᵢᵢ)² + λ Σ_{i≠j} Cᵢⱼ²。',
  )),
  cls('masked-autoencoder-loss', `${MMPRE}PixelReconstructionLoss`, undefined, note(
    "mmpretrain.models.losses.PixelReconstructionLoss(criterion='L1' or 'L2', channel=None) averages the per-pixel L1 or squared error over the masked patches only (the mask marks them).",
    "mmpretrain.models.losses.PixelReconstructionLoss(criterion='L1' 或 'L2', channel=None) 只在被遮挡的图块（由 mask 标出）上平均逐像素的 L1 或平方误差。",
  )),
  cls('swav-loss', `${MMPRE}SwAVLoss`, undefined, note(
    'mmpretrain.models.losses.SwAVLoss(feat_dim, sinkhorn_iterations=3, epsilon=0.05, temperature=0.1, crops_for_assign=[0, 1], num_crops=[2], num_prototypes=3000) holds the prototype layer itself and takes the features of all crops concatenated.',
    'mmpretrain.models.losses.SwAVLoss(feat_dim, sinkhorn_iterations=3, epsilon=0.05, temperature=0.1, crops_for_assign=[0, 1], num_crops=[2], num_prototypes=3000) 自带原型层，输入是所有裁剪视图拼接后的特征。',
  )),
];
