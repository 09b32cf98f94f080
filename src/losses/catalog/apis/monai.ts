/**
 * MONAI 1.5.0 `monai.losses` (Project-MONAI/MONAI monai/losses/__init__.py, commit d388d1c6),
 * bound to catalog entries; the list of every public symbol is test/fixtures/apis/monai.json.
 */
import { cls, type ApiBinding } from './binding';

const DICE_NOTE = {
  en: 'MONAI monai.losses.DiceLoss (alias monai.losses.Dice) takes probabilities unless sigmoid=True or softmax=True, computes one score per image and channel (batch=False) with smooth_nr = smooth_dr = 1e-5, and averages them; to_onehot_y=True one-hot encodes an index target, include_background=False drops channel 0, jaccard=True gives the soft IoU. monai.losses.MaskedDiceLoss applies a spatial mask first.',
  zh: 'MONAI 的 monai.losses.DiceLoss（别名 monai.losses.Dice）在未设 sigmoid=True 或 softmax=True 时接收概率，按图像和通道各算一个分数（batch=False），smooth_nr = smooth_dr = 1e-5，再取平均；to_onehot_y=True 把索引目标转成 one-hot，include_background=False 去掉第 0 通道，jaccard=True 得到软 IoU。monai.losses.MaskedDiceLoss 先乘以空间掩码。',
};

const FOCAL_NOTE = {
  en: "MONAI monai.losses.FocalLoss(include_background=True, to_onehot_y=False, gamma=2.0, alpha=None, weight=None, reduction='mean', use_softmax=False) is this sigmoid form per channel on logits, without alpha weighting unless alpha is given, averaged; use_softmax=True switches to the softmax focal loss over channels.",
  zh: "MONAI 的 monai.losses.FocalLoss(include_background=True, to_onehot_y=False, gamma=2.0, alpha=None, weight=None, reduction='mean', use_softmax=False) 是对 logits 逐通道的这种 sigmoid 形式，未给 alpha 时不加权，并取平均；use_softmax=True 时改为在通道上做 softmax 的 Focal 损失。",
};

export const MONAI_APIS: readonly ApiBinding[] = [
  cls('dice-loss', 'monai.losses.DiceLoss', { from_logits: false, smooth: 1e-5 }, DICE_NOTE),
  cls('dice-loss', 'monai.losses.Dice', { from_logits: false, smooth: 1e-5 }),
  cls('dice-loss', 'monai.losses.MaskedDiceLoss', { from_logits: false, smooth: 1e-5 }),
  cls('dice-ce-loss', 'monai.losses.DiceCELoss'),
  cls('dice-ce-loss', 'monai.losses.dice_ce'),
  cls('dice-focal-loss', 'monai.losses.DiceFocalLoss'),
  cls('dice-focal-loss', 'monai.losses.dice_focal'),
  cls('generalized-dice-loss', 'monai.losses.GeneralizedDiceLoss', undefined, {
    en: 'monai.losses.GeneralizedDiceLoss (alias monai.losses.generalized_dice) is the form this entry follows.',
    zh: 'monai.losses.GeneralizedDiceLoss（别名 monai.losses.generalized_dice）就是本条目所遵循的形式。',
  }),
  cls('generalized-dice-loss', 'monai.losses.generalized_dice'),
  cls('tversky-loss', 'monai.losses.TverskyLoss', { from_logits: false, smooth: 1e-5 }, {
    en: "MONAI monai.losses.TverskyLoss(alpha=0.5, beta=0.5, smooth_nr=1e-5, smooth_dr=1e-5, batch=False) takes probabilities unless sigmoid/softmax is set and scores each image and channel; alpha weighs false positives and beta false negatives, as here.",
    zh: 'MONAI 的 monai.losses.TverskyLoss(alpha=0.5, beta=0.5, smooth_nr=1e-5, smooth_dr=1e-5, batch=False) 在未设 sigmoid/softmax 时接收概率，按图像和通道各算一个分数；alpha 加权假阳性、beta 加权假阴性，与这里一致。',
  }),
  cls('sigmoid-focal-loss', 'monai.losses.FocalLoss', { alpha: null, reduction: 'mean' }, FOCAL_NOTE),
  cls('hausdorff-dt-loss', 'monai.losses.HausdorffDTLoss', undefined, {
    en: 'MONAI monai.losses.HausdorffDTLoss(alpha=2.0, include_background=False, sigmoid=False, softmax=False, batch=False) computes the distance transforms under torch.no_grad (no gradient through them); LogHausdorffDTLoss returns log(1 + loss).',
    zh: 'MONAI 的 monai.losses.HausdorffDTLoss(alpha=2.0, include_background=False, sigmoid=False, softmax=False, batch=False) 在 torch.no_grad 下计算距离变换（不对其求导）；LogHausdorffDTLoss 返回 log(1 + loss)。',
  }),
  cls('ssim-loss', 'monai.losses.SSIMLoss'),
  cls('barlow-twins-loss', 'monai.losses.BarlowTwinsLoss', { lambd: 5e-3 }, {
    en: 'MONAI monai.losses.BarlowTwinsLoss(lambd=5e-3) standardises each feature over the batch ((z − mean)/(std + 1e-6)) instead of a BatchNorm layer and returns the sum over the correlation matrix.',
    zh: 'MONAI 的 monai.losses.BarlowTwinsLoss(lambd=5e-3) 用批内标准化 ((z − mean)/(std + 1e-6)) 代替 BatchNorm 层，并返回相关矩阵上的总和。',
  }),
  cls('nt-xent-loss', 'monai.losses.ContrastiveLoss', undefined, {
    en: 'MONAI monai.losses.ContrastiveLoss(temperature=0.5) is this SimCLR loss: forward(input, target) takes the two views (B, F), uses cosine similarity and averages over the 2B anchors.',
    zh: 'MONAI 的 monai.losses.ContrastiveLoss(temperature=0.5) 就是这种 SimCLR 损失：forward(input, target) 接收两个视图 (B, F)，使用余弦相似度，并在 2B 个锚点上取平均。',
  }),
  cls('generalized-box-iou-loss', 'monai.losses.BoxGIoULoss', { reduction: 'mean' }, {
    en: "MONAI monai.losses.BoxGIoULoss(reduction='mean') (alias monai.losses.giou) compares matched boxes in MONAI's StandardMode (x1, y1, x2, y2 or the 3D form with six values).",
    zh: "MONAI 的 monai.losses.BoxGIoULoss(reduction='mean')（别名 monai.losses.giou）比较一一对应的框，框采用 MONAI 的 StandardMode（x1, y1, x2, y2，或三维的六个值）。",
  }),
  cls('generalized-box-iou-loss', 'monai.losses.giou', { reduction: 'mean' }),
  cls('perceptual-loss', 'monai.losses.PerceptualLoss', undefined, {
    en: 'MONAI monai.losses.PerceptualLoss(spatial_dims, network_type="alex") uses LPIPS networks for 2D images and, for 3D volumes, averages 2D slices (is_fake_3d=True) or uses MedicalNet/RadImageNet features.',
    zh: 'MONAI 的 monai.losses.PerceptualLoss(spatial_dims, network_type="alex") 对二维图像使用 LPIPS 网络；对三维体数据则对二维切片取平均（is_fake_3d=True），或使用 MedicalNet/RadImageNet 特征。',
  }),
];
