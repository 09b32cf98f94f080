/**
 * Catalog entries for losses that third-party libraries ship and no other entry covers:
 * MONAI's compound Dice losses, SSIM, timm's JSD, sentence-transformers' wrappers and ranking
 * losses, ... Each entry names the library files and versions its text was checked against.
 */
import type { InputSpec, LossEntry, ParamSpec } from '../types';

function num(name: string, def: number | null, range: readonly [number, number], en: string, zh: string): ParamSpec {
  return { name, type: 'number', default: def, range, meaning: { en, zh } };
}

function int(name: string, def: number | null, range: readonly [number, number], en: string, zh: string): ParamSpec {
  return { name, type: 'integer', default: def, range, meaning: { en, zh } };
}

function bool(name: string, def: boolean, en: string, zh: string): ParamSpec {
  return { name, type: 'boolean', default: def, meaning: { en, zh } };
}

function enm(name: string, def: string, options: readonly string[], en: string, zh: string): ParamSpec {
  return { name, type: 'enum', default: def, options, meaning: { en, zh } };
}

const MONAI = 'https://github.com/Project-MONAI/MONAI/blob/1.5.0/monai/losses';
const ST = 'https://github.com/UKPLab/sentence-transformers/blob/v5.1.2/sentence_transformers/losses';

// --- MONAI compound Dice losses ------------------------------------------------------------

const MONAI_SEG_INPUTS: readonly InputSpec[] = [
  {
    name: 'input',
    meaning: { en: 'Raw network output (logits), channels on dim 1.', zh: '网络的原始输出（logits），通道在第 1 维。' },
    shape: '(B, N, H, W) or (B, N, H, W, D)',
    domain: { en: 'real logits', zh: '实数 logits' },
  },
  {
    name: 'target',
    meaning: {
      en: 'Ground truth: class indices with one channel (use to_onehot_y=True), or a one-hot mask with N channels.',
      zh: '真实标签：单通道的类别索引（配合 to_onehot_y=True），或 N 通道的 one-hot 掩码。',
    },
    shape: '(B, 1, H, W[, D]) or (B, N, H, W[, D])',
    domain: { en: 'class indices, or {0, 1} one-hot', zh: '类别索引，或 {0, 1} one-hot' },
  },
];

function monaiDiceParams(): ParamSpec[] {
  return [
    bool('include_background', true, 'Keep channel 0 (background) in the Dice term.', '在 Dice 项中保留第 0 通道（背景）。'),
    bool('to_onehot_y', false, 'Turn a one-channel index target into one-hot with N channels.', '把单通道的索引目标转成 N 通道的 one-hot。'),
    bool('sigmoid', false, 'Apply a sigmoid before the Dice term (the other term always reads the logits).', 'Dice 项之前先做 sigmoid（另一项始终读取 logits）。'),
    bool('softmax', false, 'Apply a softmax over channels before the Dice term.', 'Dice 项之前先在通道维上做 softmax。'),
    bool('squared_pred', false, 'Square prediction and target in the Dice denominator.', '在 Dice 分母中对预测和目标取平方。'),
    bool('jaccard', false, 'Use the soft Jaccard (IoU) instead of Dice.', '用软 Jaccard（IoU）代替 Dice。'),
    enm('reduction', 'mean', ['mean', 'sum'], "How per-image, per-channel values are combined: 'mean' or 'sum' ('none' is not allowed).", "按图像、按通道的值如何汇总：'mean' 或 'sum'（不允许 'none'）。"),
    num('smooth_nr', 1e-5, [0, 1], 'Added to the Dice numerator.', '加在 Dice 分子上的平滑项。'),
    num('smooth_dr', 1e-5, [0, 1], 'Added to the Dice denominator.', '加在 Dice 分母上的平滑项。'),
    bool('batch', false, 'Pool the Dice sums over the batch before dividing.', '先在整个批上汇总 Dice 的和再相除。'),
    { name: 'weight', type: 'tensor', default: null, meaning: { en: 'Per-class weights, shared by both terms.', zh: '各类别的权重，两项共用。' } },
    num('lambda_dice', 1.0, [0, 5], 'Weight of the Dice term.', 'Dice 项的权重。'),
  ];
}

const DICE_TERM = '\\mathrm{Dice} = \\frac{1}{BN}\\sum_{b,c}\\Big[1 - \\frac{2\\sum_i p_{bic} t_{bic} + s_{nr}}{\\sum_i p_{bic} + \\sum_i t_{bic} + s_{dr}}\\Big]';

export const LIBRARY_ENTRIES: readonly LossEntry[] = [
  {
    id: 'dice-ce-loss',
    names: { en: 'Dice + Cross-Entropy Loss (DiceCE)', zh: 'Dice 与交叉熵组合损失（DiceCE）' },
    aliases: ['DiceCELoss', 'DiceCE', 'Dice CE loss', 'Dice plus cross-entropy', 'Dice+CE', 'Dice 加交叉熵'],
    category: 'segmentation',
    apis: [],
    formula: `L = \\lambda_{dice}\\,\\mathrm{Dice}(\\sigma(x), t) + \\lambda_{ce}\\,\\mathrm{CE}(x, t),\\quad ${DICE_TERM}`,
    formulaText: 'L = λ_dice · Dice(act(x), t) + λ_ce · CE(x, t);  Dice = mean over images b and channels c of 1 − (2 Σᵢ p t + s_nr) / (Σᵢ p + Σᵢ t + s_dr)',
    inputs: MONAI_SEG_INPUTS,
    params: [
      ...monaiDiceParams(),
      num('lambda_ce', 1.0, [0, 5], 'Weight of the cross-entropy term.', '交叉熵项的权重。'),
      num('label_smoothing', 0.0, [0, 1], 'Label smoothing of the cross-entropy term (multi-channel input only).', '交叉熵项的标签平滑（仅多通道输入）。'),
    ],
    summary: {
      en: 'The sum of a soft Dice loss and a cross-entropy on the same logits: Dice rewards overlap regardless of region size, cross-entropy gives smooth per-pixel gradients from the first step.',
      zh: '同一组 logits 上软 Dice 损失与交叉熵之和：Dice 奖励与区域大小无关的重叠，交叉熵从第一步起就给出平滑的逐像素梯度。',
    },
    whenToUse: {
      en: 'The default loss of most medical-image segmentation pipelines (nnU-Net style): multi-class 2D or 3D masks with small structures. Typical MONAI call: DiceCELoss(to_onehot_y=True, softmax=True).',
      zh: '大多数医学图像分割流程（nnU-Net 风格）的默认损失：含小结构的多类别二维或三维掩码。MONAI 的常见写法：DiceCELoss(to_onehot_y=True, softmax=True)。',
    },
    pitfalls: {
      en: "sigmoid/softmax act only on the Dice term; the cross-entropy term always applies its own softmax (or a sigmoid when the input has one channel) to the raw input, so pass logits, never probabilities. With to_onehot_y=False and a one-channel index target on multi-channel logits, the Dice term compares the wrong shapes. reduction='none' is rejected.",
      zh: "sigmoid/softmax 只作用于 Dice 项；交叉熵项总是对原始输入自行做 softmax（输入只有一个通道时做 sigmoid），因此应传入 logits 而不是概率。to_onehot_y=False 时若多通道 logits 配单通道索引目标，Dice 项比较的形状不对。不接受 reduction='none'。",
    },
    frameworkNotes: {
      en: "MONAI 1.5 monai.losses.DiceCELoss (alias monai.losses.dice_ce): the Dice term is monai.losses.DiceLoss computed per image and per channel; the CE term is torch.nn.CrossEntropyLoss(weight, label_smoothing) on index or one-hot targets, or BCEWithLogitsLoss(pos_weight=weight) when input has one channel. The result is lambda_dice·Dice + lambda_ce·CE.",
      zh: 'MONAI 1.5 的 monai.losses.DiceCELoss（别名 monai.losses.dice_ce）：Dice 项是按图像、按通道计算的 monai.losses.DiceLoss；交叉熵项是作用于索引或 one-hot 目标的 torch.nn.CrossEntropyLoss(weight, label_smoothing)，输入只有一个通道时改用 BCEWithLogitsLoss(pos_weight=weight)。结果为 lambda_dice·Dice + lambda_ce·CE。',
    },
    paper: {
      authors: 'Fabian Isensee, Jens Petersen, André Klein, et al.',
      year: 2018,
      title: 'nnU-Net: Self-adapting Framework for U-Net-Based Medical Image Segmentation',
      url: 'https://arxiv.org/abs/1809.10486',
    },
    sources: [{ label: 'MONAI monai/losses/dice.py', version: '1.5.0', url: `${MONAI}/dice.py` }],
    related: ['dice-loss', 'cross-entropy', 'combo-loss', 'dice-focal-loss', 'generalized-dice-loss'],
    snippets: {
      torch: 'from monai.losses import DiceCELoss\nloss_fn = DiceCELoss(to_onehot_y=${1|True,False|}, softmax=${2|True,False|}, lambda_dice=${3:1.0}, lambda_ce=${4:1.0})\nloss = loss_fn(${5:logits}, ${6:target})',
      scratch:
        "def dice_ce_loss(logits, target, include_background=${1|True,False|}, sigmoid=${2|False,True|}, softmax=${3|True,False|}, squared_pred=${4|False,True|}, jaccard=${5|False,True|}, reduction=${6|'mean','sum'|}, smooth_nr=${7:1e-5}, smooth_dr=${8:1e-5}, batch=${9|False,True|}, lambda_dice=${10:1.0}, lambda_ce=${11:1.0}, label_smoothing=${12:0.0}):\n    # as MONAI DiceCELoss for N > 1 channels: logits (B, N, H, W[, D]);\n    # target (B, 1, ...) class indices (MONAI's to_onehot_y=True) or (B, N, ...) one-hot\n    n = logits.shape[1]\n    if target.shape[1] == 1:\n        labels = target[:, 0].long()\n        onehot = F.one_hot(labels, n).movedim(-1, 1).to(logits.dtype)\n    else:\n        labels = onehot = target.to(logits.dtype)\n    # cross-entropy on the raw logits, all channels\n    ce = F.cross_entropy(logits, labels, reduction=reduction, label_smoothing=label_smoothing)\n    # soft Dice per image and channel on the activated prediction\n    p = logits.sigmoid() if sigmoid else logits.softmax(1) if softmax else logits\n    if not include_background:\n        p, onehot = p[:, 1:], onehot[:, 1:]\n    dims = tuple(range(2, p.dim()))\n    if batch:\n        dims = (0,) + dims\n    inter = (p * onehot).sum(dims)\n    if squared_pred:\n        denom = (p ** 2).sum(dims) + (onehot ** 2).sum(dims)\n    else:\n        denom = p.sum(dims) + onehot.sum(dims)\n    if jaccard:\n        denom = 2 * (denom - inter)\n    dice = 1 - (2 * inter + smooth_nr) / (denom + smooth_dr)\n    dice = dice.mean() if reduction == 'mean' else dice.sum()\n    return lambda_dice * dice + lambda_ce * ce",
    },
  },
  {
    id: 'dice-focal-loss',
    names: { en: 'Dice + Focal Loss (DiceFocal)', zh: 'Dice 与 Focal 组合损失（DiceFocal）' },
    aliases: ['DiceFocalLoss', 'DiceFocal', 'Dice focal loss', 'Dice+Focal', 'Dice 加 Focal'],
    category: 'segmentation',
    apis: [],
    formula: `L = \\lambda_{dice}\\,\\mathrm{Dice}(\\sigma(x), t) + \\lambda_{focal}\\,\\frac{1}{|\\Omega|}\\sum -\\alpha_t (1 - p_t)^{\\gamma} \\log p_t,\\quad p = \\mathrm{sigmoid}(x)`,
    formulaText: 'L = λ_dice · Dice(act(x), t) + λ_focal · mean[ −α_t (1 − p_t)^γ log p_t ],  p = sigmoid(x) per channel',
    inputs: MONAI_SEG_INPUTS,
    params: [
      ...monaiDiceParams(),
      num('gamma', 2.0, [0, 5], 'Focusing exponent of the focal term.', 'Focal 项的聚焦指数。'),
      num('lambda_focal', 1.0, [0, 5], 'Weight of the focal term.', 'Focal 项的权重。'),
      num('alpha', null, [0, 1], 'Weight of positives in the focal term (negatives get 1 − alpha); None: no weighting.', 'Focal 项中正样本的权重（负样本为 1 − alpha）；None 表示不加权。'),
    ],
    summary: {
      en: 'The sum of a soft Dice loss and a per-channel sigmoid focal loss on the same logits: overlap at the region level plus a pixel term that down-weights the easy pixels.',
      zh: '同一组 logits 上软 Dice 损失与逐通道 sigmoid Focal 损失之和：区域层面的重叠，加上降低易分像素权重的逐像素项。',
    },
    whenToUse: {
      en: 'Segmentation where the foreground is tiny and most pixels are easy background, e.g. lesions or small organs; an alternative to DiceCE when cross-entropy is dominated by easy pixels.',
      zh: '前景极小、大部分像素是易分背景的分割，例如病灶或小器官；当交叉熵被易分像素主导时，可替代 DiceCE。',
    },
    pitfalls: {
      en: 'The focal term is always the sigmoid form on the raw logits, one binary problem per channel, even when softmax=True is set for the Dice term. The target must be one-hot (or to_onehot_y=True) because the focal term compares channels elementwise.',
      zh: '即使为 Dice 项设置了 softmax=True，Focal 项也始终是作用于原始 logits 的 sigmoid 形式，每个通道一个二分类问题。目标必须是 one-hot（或 to_onehot_y=True），因为 Focal 项逐元素比较各通道。',
    },
    frameworkNotes: {
      en: 'MONAI 1.5 monai.losses.DiceFocalLoss (alias monai.losses.dice_focal) builds a monai.losses.DiceLoss and a monai.losses.FocalLoss (sigmoid, gamma=2, alpha=None, sharing include_background, weight and reduction) and returns lambda_dice·Dice + lambda_focal·Focal. GeneralizedDiceFocalLoss swaps the Dice term for GeneralizedDiceLoss.',
      zh: 'MONAI 1.5 的 monai.losses.DiceFocalLoss（别名 monai.losses.dice_focal）构建一个 monai.losses.DiceLoss 和一个 monai.losses.FocalLoss（sigmoid，gamma=2，alpha=None，共用 include_background、weight 和 reduction），返回 lambda_dice·Dice + lambda_focal·Focal。GeneralizedDiceFocalLoss 把 Dice 项换成 GeneralizedDiceLoss。',
    },
    paper: {
      authors: 'Wentao Zhu, Yufang Huang, Liang Zeng, et al.',
      year: 2018,
      title: 'AnatomyNet: Deep Learning for Fast and Fully Automated Whole-volume Segmentation of Head and Neck Anatomy',
      url: 'https://arxiv.org/abs/1808.05238',
    },
    sources: [
      { label: 'MONAI monai/losses/dice.py', version: '1.5.0', url: `${MONAI}/dice.py` },
      { label: 'MONAI monai/losses/focal_loss.py', version: '1.5.0', url: `${MONAI}/focal_loss.py` },
    ],
    related: ['dice-loss', 'sigmoid-focal-loss', 'dice-ce-loss', 'focal-tversky-loss'],
    snippets: {
      torch: 'from monai.losses import DiceFocalLoss\nloss_fn = DiceFocalLoss(to_onehot_y=${1|True,False|}, sigmoid=${2|True,False|}, gamma=${3:2.0})\nloss = loss_fn(${4:logits}, ${5:target})',
      scratch:
        "def dice_focal_loss(logits, target, include_background=${1|True,False|}, sigmoid=${2|True,False|}, softmax=${3|False,True|}, squared_pred=${4|False,True|}, jaccard=${5|False,True|}, reduction=${6|'mean','sum'|}, smooth_nr=${7:1e-5}, smooth_dr=${8:1e-5}, batch=${9|False,True|}, lambda_dice=${10:1.0}, gamma=${11:2.0}, lambda_focal=${12:1.0}, alpha=${13:None}):\n    # as MONAI DiceFocalLoss for N > 1 channels: logits (B, N, H, W[, D]);\n    # target (B, 1, ...) class indices (MONAI's to_onehot_y=True) or (B, N, ...) one-hot\n    n = logits.shape[1]\n    if target.shape[1] == 1:\n        t = F.one_hot(target[:, 0].long(), n).movedim(-1, 1).to(logits.dtype)\n    else:\n        t = target.to(logits.dtype)\n    x = logits\n    p = x.sigmoid() if sigmoid else x.softmax(1) if softmax else x\n    if not include_background:\n        x, p, t = x[:, 1:], p[:, 1:], t[:, 1:]\n    # soft Dice per image and channel on the activated prediction\n    dims = tuple(range(2, p.dim()))\n    if batch:\n        dims = (0,) + dims\n    inter = (p * t).sum(dims)\n    if squared_pred:\n        denom = (p ** 2).sum(dims) + (t ** 2).sum(dims)\n    else:\n        denom = p.sum(dims) + t.sum(dims)\n    if jaccard:\n        denom = 2 * (denom - inter)\n    dice = 1 - (2 * inter + smooth_nr) / (denom + smooth_dr)\n    # sigmoid focal term on the raw logits, one binary problem per channel and pixel\n    bce = F.binary_cross_entropy_with_logits(x, t, reduction='none')\n    p_t = torch.sigmoid(x * (2 * t - 1))\n    focal = (1 - p_t) ** gamma * bce\n    if alpha is not None:\n        focal = (alpha * t + (1 - alpha) * (1 - t)) * focal\n    if reduction == 'mean':\n        dice, focal = dice.mean(), focal.mean()\n    else:  # MONAI's focal 'sum' first averages over the spatial dims\n        dice, focal = dice.sum(), focal.flatten(2).mean(2).sum()\n    return lambda_dice * dice + lambda_focal * focal",
    },
  },
  {
    id: 'ssim-loss',
    names: { en: 'SSIM Loss (structural similarity)', zh: 'SSIM 损失（结构相似性）' },
    aliases: ['SSIM', 'SSIMLoss', 'structural similarity loss', '1 - SSIM', '结构相似性损失'],
    category: 'generative',
    apis: [],
    formula:
      'L = 1 - \\overline{\\mathrm{SSIM}}(x, y),\\quad \\mathrm{SSIM} = \\frac{(2\\mu_x\\mu_y + C_1)(2\\sigma_{xy} + C_2)}{(\\mu_x^2 + \\mu_y^2 + C_1)(\\sigma_x^2 + \\sigma_y^2 + C_2)},\\ C_1 = (k_1 R)^2,\\ C_2 = (k_2 R)^2',
    formulaText: 'L = 1 − mean SSIM(x, y);  SSIM = (2μxμy + C1)(2σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2)),  C1 = (k1·R)², C2 = (k2·R)², local statistics under a Gaussian window',
    inputs: [
      { name: 'input', meaning: { en: 'Predicted images.', zh: '预测图像。' }, shape: '(B, C, H, W) or (B, C, H, W, D)', domain: { en: 'pixel values in [0, data_range]', zh: '[0, data_range] 内的像素值' } },
      { name: 'target', meaning: { en: 'Reference images, same shape.', zh: '参考图像，形状相同。' }, shape: 'same as input', domain: { en: 'pixel values in [0, data_range]', zh: '[0, data_range] 内的像素值' } },
    ],
    params: [
      num('data_range', 1.0, [1, 255], 'Value range R of the images (1.0 or 255); sets the constants C1 and C2.', '图像的取值范围 R（1.0 或 255）；决定常数 C1 与 C2。'),
      int('win_size', 11, [3, 15], 'Side of the local Gaussian window, in pixels.', '局部高斯窗口的边长（像素）。'),
      num('kernel_sigma', 1.5, [0.5, 3], 'Standard deviation σ of the Gaussian weights, in pixels.', '高斯权重的标准差 σ（像素）。'),
      num('k1', 0.01, [0, 0.1], 'Luminance stability constant.', '亮度项的稳定常数。'),
      num('k2', 0.03, [0, 0.1], 'Contrast stability constant.', '对比度项的稳定常数。'),
      enm('reduction', 'mean', ['mean', 'sum', 'none'], "How per-image losses are combined: 'mean', 'sum' or 'none'.", "逐图像损失的汇总方式：'mean'、'sum' 或 'none'。"),
    ],
    summary: {
      en: 'One minus the structural similarity index: compares local means, variances and covariance of two images under a sliding Gaussian window, so it penalises loss of structure and contrast rather than raw pixel error.',
      zh: '1 减去结构相似性指数：在滑动高斯窗口内比较两幅图像的局部均值、方差和协方差，因此惩罚的是结构与对比度的损失，而不是原始像素误差。',
    },
    whenToUse: {
      en: 'Image restoration, super-resolution, denoising and reconstruction, usually mixed with an L1 term (e.g. 0.84·(1 − MS-SSIM) + 0.16·L1); when perceived sharpness matters more than PSNR.',
      zh: '图像复原、超分辨率、去噪和重建，通常与 L1 项混合（例如 0.84·(1 − MS-SSIM) + 0.16·L1）；适合比 PSNR 更看重主观清晰度的场合。',
    },
    pitfalls: {
      en: 'data_range must match the images: 255 for 8-bit pixels, 1.0 for [0, 1]; a wrong range changes C1 and C2 by orders of magnitude. SSIM is insensitive to uniform brightness shifts in flat regions. Libraries disagree on the loss form: kornia returns (1 − SSIM)/2, pytorch_msssim returns SSIM itself (write 1 − ssim(...)), and paddings differ (valid vs same).',
      zh: 'data_range 必须与图像一致：8 位像素用 255，[0, 1] 图像用 1.0；范围写错会使 C1、C2 相差几个数量级。在平坦区域 SSIM 对整体亮度偏移不敏感。各库的损失形式不同：kornia 返回 (1 − SSIM)/2，pytorch_msssim 返回 SSIM 本身（需写 1 − ssim(...)），填充方式也不同（valid 或 same）。',
    },
    frameworkNotes: {
      en: 'MONAI 1.5 monai.losses.SSIMLoss(spatial_dims, data_range=1.0, kernel_type="gaussian", win_size=11, kernel_sigma=1.5, k1=0.01, k2=0.03, reduction="mean") returns 1 − SSIM per image, valid-padded, for 2D or 3D images.',
      zh: 'MONAI 1.5 的 monai.losses.SSIMLoss(spatial_dims, data_range=1.0, kernel_type="gaussian", win_size=11, kernel_sigma=1.5, k1=0.01, k2=0.03, reduction="mean") 逐图像返回 1 − SSIM，使用 valid 填充，支持二维或三维图像。',
    },
    paper: {
      authors: 'Zhou Wang, Alan C. Bovik, Hamid R. Sheikh, Eero P. Simoncelli',
      year: 2004,
      title: 'Image Quality Assessment: From Error Visibility to Structural Similarity',
      url: 'https://ieeexplore.ieee.org/document/1284395',
    },
    sources: [{ label: 'MONAI monai/losses/ssim_loss.py', version: '1.5.0', url: `${MONAI}/ssim_loss.py` }],
    related: ['pixel-reconstruction-loss', 'perceptual-loss', 'l1-loss', 'charbonnier-loss'],
    snippets: {
      torch: 'from monai.losses import SSIMLoss\nloss_fn = SSIMLoss(spatial_dims=${1|2,3|}, data_range=${2:1.0})\nloss = loss_fn(${3:pred}, ${4:target})',
      scratch:
        "def ssim_loss(pred, target, data_range=${1:1.0}, win_size=${2:11}, kernel_sigma=${3:1.5}, k1=${4:0.01}, k2=${5:0.03}, reduction=${6|'mean','sum','none'|}):\n    # as MONAI SSIMLoss: (B, C, H, W) or (B, C, H, W, D) images, Gaussian window, no padding\n    nd = pred.dim() - 2\n    x = torch.arange(win_size, dtype=pred.dtype) - (win_size - 1) / 2\n    g = torch.exp(-0.5 * (x / kernel_sigma) ** 2)\n    g = g / g.sum()\n    win = g\n    for _ in range(nd - 1):\n        win = win[..., None] * g\n    c = pred.shape[1]\n    win = win.expand(c, 1, *win.shape)\n    conv = (F.conv1d, F.conv2d, F.conv3d)[nd - 1]\n    blur = lambda t: conv(t, win, groups=c)\n    c1, c2 = (k1 * data_range) ** 2, (k2 * data_range) ** 2\n    mu_x, mu_y = blur(pred), blur(target)\n    var_x = blur(pred * pred) - mu_x ** 2\n    var_y = blur(target * target) - mu_y ** 2\n    cov = blur(pred * target) - mu_x * mu_y\n    ssim = (2 * mu_x * mu_y + c1) / (mu_x ** 2 + mu_y ** 2 + c1) * (2 * cov + c2) / (var_x + var_y + c2)\n    loss = 1 - ssim.flatten(1).mean(1, keepdim=True)  # (B, 1): one value per image\n    return loss.mean() if reduction == 'mean' else loss.sum() if reduction == 'sum' else loss",
    },
  },
  {
    id: 'jsd-cross-entropy',
    names: { en: 'JSD + Cross-Entropy (AugMix consistency)', zh: 'JSD 加交叉熵（AugMix 一致性损失）' },
    aliases: ['JsdCrossEntropy', 'AugMix loss', 'Jensen-Shannon consistency loss', 'JSD consistency loss', 'AugMix 损失', 'Jensen-Shannon 一致性损失'],
    category: 'classification',
    apis: [],
    formula:
      'L = \\mathrm{CE}_{\\varepsilon}(z_0, y) + \\lambda\\,\\frac{1}{K}\\sum_{k=0}^{K-1} \\mathrm{KL}(p_k \\,\\|\\, M),\\quad p_k = \\mathrm{softmax}(z_k),\\ M = \\mathrm{clamp}\\Big(\\frac{1}{K}\\sum_k p_k,\\ 10^{-7}, 1\\Big)',
    formulaText: 'L = CE_ε(z₀, y) + λ · (1/K) Σₖ KL(pₖ ‖ M),  pₖ = softmax(zₖ),  M = clamp(mean_k pₖ, 1e-7, 1);  z₀ = logits of the clean split',
    inputs: [
      {
        name: 'output',
        meaning: { en: 'Logits of the clean images followed by their augmented copies, stacked along the batch: K equal splits.', zh: '干净图像及其增强副本的 logits，沿批维堆叠：K 个等长的分段。' },
        shape: '(K·B, C)',
        domain: { en: 'real logits', zh: '实数 logits' },
      },
      {
        name: 'target',
        meaning: { en: 'Class indices; only the first B (the clean split) are used.', zh: '类别索引；只使用前 B 个（干净分段）。' },
        shape: '(K·B)',
        domain: { en: 'class indices in [0, C)', zh: '[0, C) 内的类别索引' },
        integer: true,
      },
    ],
    params: [
      int('num_splits', 3, [2, 4], 'Number of splits K: the clean batch plus K − 1 augmented views.', '分段数 K：干净批加上 K − 1 个增强视图。'),
      num('alpha', 12, [0, 20], 'Weight λ of the Jensen–Shannon consistency term.', 'Jensen–Shannon 一致性项的权重 λ。'),
      num('smoothing', 0.1, [0, 0.5], 'Label smoothing of the cross-entropy on the clean split (0 or None: plain cross-entropy).', '干净分段上交叉熵的标签平滑（0 或 None 表示普通交叉熵）。'),
    ],
    summary: {
      en: 'Cross-entropy on the clean images plus a Jensen–Shannon divergence that pulls the predictions on augmented copies of the same images towards their common mixture, so the model gives the same answer under augmentation.',
      zh: '干净图像上的交叉熵，加上一个 Jensen–Shannon 散度项，把同一图像各增强副本上的预测拉向它们的共同混合分布，使模型在增强下给出一致的答案。',
    },
    whenToUse: {
      en: 'AugMix training for robustness to corruptions and better calibration: feed the clean batch and two augmented versions in one forward pass (timm train.py --jsd-loss with --aug-splits 3).',
      zh: '用于 AugMix 训练，以提高对图像损坏的鲁棒性和校准度：在一次前向中送入干净批和两个增强版本（timm train.py 的 --jsd-loss 与 --aug-splits 3）。',
    },
    pitfalls: {
      en: 'The batch must be the K splits concatenated in order, clean first, and its size divisible by K; targets beyond the first split are ignored. Forward and memory cost grow K-fold. λ = 12 assumes the KL terms are batch means.',
      zh: '批必须是按顺序拼接的 K 个分段，干净的在最前，且批大小能被 K 整除；第一个分段之后的目标会被忽略。前向计算量与显存增加到 K 倍。λ = 12 的设定假定 KL 项按批平均。',
    },
    frameworkNotes: {
      en: "timm 1.0 timm.loss.JsdCrossEntropy(num_splits=3, alpha=12, smoothing=0.1): the cross-entropy term is timm's LabelSmoothingCrossEntropy (torch.nn.CrossEntropyLoss when smoothing is 0 or None); each KL term is F.kl_div(log M, p_k, reduction='batchmean').",
      zh: "timm 1.0 的 timm.loss.JsdCrossEntropy(num_splits=3, alpha=12, smoothing=0.1)：交叉熵项是 timm 的 LabelSmoothingCrossEntropy（smoothing 为 0 或 None 时为 torch.nn.CrossEntropyLoss）；每个 KL 项为 F.kl_div(log M, p_k, reduction='batchmean')。",
    },
    paper: {
      authors: 'Dan Hendrycks, Norman Mu, Ekin D. Cubuk, Barret Zoph, Justin Gilmer, Balaji Lakshminarayanan',
      year: 2019,
      title: 'AugMix: A Simple Data Processing Method to Improve Robustness and Uncertainty',
      url: 'https://arxiv.org/abs/1912.02781',
    },
    sources: [{ label: 'timm timm/loss/jsd.py', version: 'v1.0.28', url: 'https://github.com/huggingface/pytorch-image-models/blob/v1.0.28/timm/loss/jsd.py' }],
    related: ['js-divergence', 'cross-entropy', 'kl-div'],
    snippets: {
      torch: 'from timm.loss import JsdCrossEntropy\nloss_fn = JsdCrossEntropy(num_splits=${1:3}, alpha=${2:12}, smoothing=${3:0.1})\nloss = loss_fn(${4:logits_all_splits}, ${5:target})',
      scratch:
        "def jsd_cross_entropy(output, target, num_splits=${1:3}, alpha=${2:12}, smoothing=${3:0.1}):\n    # as timm JsdCrossEntropy: output = logits of the clean batch, then each augmented copy, stacked (K*B, C)\n    b = output.shape[0] // num_splits\n    assert b * num_splits == output.shape[0], 'the batch must split into num_splits equal parts'\n    splits = output.split(b)\n    # cross-entropy on the clean split only (label smoothing when smoothing > 0)\n    loss = F.cross_entropy(splits[0], target[:b], label_smoothing=smoothing or 0.0)\n    # Jensen-Shannon term: every split's prediction against their clamped mixture\n    probs = [s.softmax(1) for s in splits]\n    log_m = torch.stack(probs).mean(0).clamp(1e-7, 1).log()\n    js = sum(F.kl_div(log_m, p, reduction='batchmean') for p in probs) / len(probs)\n    return loss + alpha * js",
    },
  },
  {
    id: 'swav-loss',
    names: { en: 'SwAV Loss (swapped assignment prediction)', zh: 'SwAV 损失（交换分配预测）' },
    aliases: ['SwAV', 'SwaVLoss', 'SwAVLoss', 'swapped prediction loss', 'Sinkhorn-Knopp clustering loss', '交换预测损失'],
    category: 'contrastive',
    apis: [],
    formula:
      'L = \\frac{1}{H}\\sum_{i=1}^{H} \\frac{1}{V-1}\\sum_{v \\ne i} \\ell(z_v, q_i),\\quad \\ell(z, q) = -\\frac{1}{B}\\sum_{b}\\sum_k q_{bk} \\log \\mathrm{softmax}(z_b/\\tau)_k,\\quad q_i = \\mathrm{Sinkhorn}(z_i)',
    formulaText: 'L = mean over high-resolution crops i of (1/(V − 1)) Σ_{v≠i} ℓ(z_v, q_i);  ℓ(z, q) = −mean_b Σ_k q_bk log softmax(z_b/τ)_k;  q_i = Sinkhorn-Knopp codes of crop i (no gradient)',
    inputs: [
      {
        name: 'high_resolution_outputs',
        meaning: { en: 'Prototype scores of the global (high-resolution) crops, one tensor per crop; their codes are the targets.', zh: '全局（高分辨率）裁剪视图的原型得分，每个裁剪视图一个张量；它们的编码作为目标。' },
        shape: 'list of (B, K)',
        domain: { en: 'scores against K L2-normalised prototypes', zh: '与 K 个 L2 归一化原型的得分' },
      },
      {
        name: 'low_resolution_outputs',
        meaning: { en: 'Prototype scores of the small (multi-crop) views; they only predict codes.', zh: '小尺寸（multi-crop）视图的原型得分；它们只负责预测编码。' },
        shape: 'list of (B, K)',
        domain: { en: 'scores against the prototypes', zh: '与原型的得分' },
      },
    ],
    params: [
      num('temperature', 0.1, [0.01, 1], 'Temperature τ of the softmax over prototypes.', '原型 softmax 的温度 τ。'),
      int('sinkhorn_iterations', 3, [1, 10], 'Sinkhorn-Knopp iterations that balance the codes across prototypes.', '使编码在原型间均衡的 Sinkhorn-Knopp 迭代次数。'),
      num('sinkhorn_epsilon', 0.05, [0.01, 0.5], 'Entropy regularisation ε of the Sinkhorn codes (smaller: sharper codes).', 'Sinkhorn 编码的熵正则 ε（越小编码越尖锐）。'),
    ],
    summary: {
      en: "Online clustering for self-supervised learning: each view's scores against a set of learnable prototypes are turned into balanced soft cluster codes by Sinkhorn-Knopp, and every other view must predict those codes with a softmax cross-entropy.",
      zh: '用于自监督学习的在线聚类：每个视图与一组可学习原型的得分经 Sinkhorn-Knopp 变成均衡的软聚类编码，其他每个视图都要用 softmax 交叉熵预测这些编码。',
    },
    whenToUse: {
      en: 'Self-supervised pre-training of image backbones without negative pairs, especially with multi-crop (2 global + several small crops) and moderate batch sizes.',
      zh: '无需负样本对的图像骨干网络自监督预训练，尤其适合 multi-crop（2 个全局裁剪视图加若干小裁剪视图）和中等 batch 大小。',
    },
    pitfalls: {
      en: 'Normalise the prototype weights (and features) every step, or the scores drift. Small batches give poor Sinkhorn codes; use the feature queue. Freezing the prototypes for the first epoch is part of the usual recipe. The codes carry no gradient.',
      zh: '每一步都要归一化原型权重（以及特征），否则得分会漂移。批太小时 Sinkhorn 编码质量差，应使用特征队列。通常的做法还包括在第一个 epoch 冻结原型。编码不回传梯度。',
    },
    frameworkNotes: {
      en: 'lightly 1.5 lightly.loss.SwaVLoss(temperature=0.1, sinkhorn_iterations=3, sinkhorn_epsilon=0.05, sinkhorn_gather_distributed=False) is called as loss_fn(high_resolution_outputs, low_resolution_outputs, queue_outputs=None); a queue adds past high-resolution scores to the Sinkhorn step only. mmpretrain.models.losses.SwAVLoss has the same structure.',
      zh: 'lightly 1.5 的 lightly.loss.SwaVLoss(temperature=0.1, sinkhorn_iterations=3, sinkhorn_epsilon=0.05, sinkhorn_gather_distributed=False) 的调用方式为 loss_fn(high_resolution_outputs, low_resolution_outputs, queue_outputs=None)；队列只把过去的高分辨率得分加入 Sinkhorn 这一步。mmpretrain.models.losses.SwAVLoss 结构相同。',
    },
    paper: {
      authors: 'Mathilde Caron, Ishan Misra, Julien Mairal, Priya Goyal, Piotr Bojanowski, Armand Joulin',
      year: 2020,
      title: 'Unsupervised Learning of Visual Features by Contrasting Cluster Assignments',
      url: 'https://arxiv.org/abs/2006.09882',
    },
    sources: [{ label: 'lightly lightly/loss/swav_loss.py', version: 'v1.5.26', url: 'https://github.com/lightly-ai/lightly/blob/v1.5.26/lightly/loss/swav_loss.py' }],
    related: ['dino-loss', 'nt-xent-loss', 'barlow-twins-loss'],
    snippets: {
      torch: 'from lightly.loss import SwaVLoss\nloss_fn = SwaVLoss(temperature=${1:0.1}, sinkhorn_iterations=${2:3}, sinkhorn_epsilon=${3:0.05})\nloss = loss_fn(${4:high_res_scores}, ${5:low_res_scores})',
      scratch:
        '@torch.no_grad()\ndef sinkhorn(scores, iterations, epsilon):\n    # balanced soft codes: each of the K prototypes gets 1/K of the mass, each of the B samples 1/B\n    q = torch.exp(scores / epsilon).t()\n    q = q / q.sum()\n    k, b = q.shape\n    for _ in range(iterations):\n        q = q / (q.sum(1, keepdim=True) * k)\n        q = q / (q.sum(0, keepdim=True) * b)\n    return (q * b).t()\n\ndef swav_loss(high_resolution_outputs, low_resolution_outputs, temperature=${1:0.1}, sinkhorn_iterations=${2:3}, sinkhorn_epsilon=${3:0.05}):\n    # as lightly SwaVLoss without a queue: each argument is a list of (B, K) prototype scores, one per crop\n    crops = list(high_resolution_outputs) + list(low_resolution_outputs)\n    loss = 0.0\n    for i, scores in enumerate(high_resolution_outputs):\n        q = sinkhorn(scores.detach(), sinkhorn_iterations, sinkhorn_epsilon)\n        # every other crop predicts the codes of crop i\n        ce = [-(q * F.log_softmax(z / temperature, dim=1)).sum(1).mean() for v, z in enumerate(crops) if v != i]\n        loss = loss + sum(ce) / (len(crops) - 1)\n    return loss / len(high_resolution_outputs)',
    },
  },
  {
    id: 'cosine-similarity-regression-loss',
    names: { en: 'Cosine Similarity Regression Loss', zh: '余弦相似度回归损失' },
    aliases: ['CosineSimilarityLoss', 'cosine similarity MSE', 'STS regression loss', 'cosine score regression', '余弦相似度均方误差'],
    category: 'metric-learning',
    apis: [],
    formula: 'L = \\frac{1}{N}\\sum_{n} \\big(\\cos(u_n, v_n) - y_n\\big)^2',
    formulaText: 'L = mean_n (cos(uₙ, vₙ) − yₙ)²',
    inputs: [
      { name: 'embeddings', meaning: { en: 'The two sentence embeddings u and v of each pair.', zh: '每对句子的两个嵌入 u 和 v。' }, shape: '2 × (N, D)', domain: { en: 'real vectors', zh: '实数向量' } },
      { name: 'labels', meaning: { en: 'Gold similarity score of each pair.', zh: '每对句子的标注相似度分数。' }, shape: '(N)', domain: { en: 'scores, usually in [0, 1] or [−1, 1]', zh: '分数，通常在 [0, 1] 或 [−1, 1] 内' } },
    ],
    params: [],
    summary: {
      en: 'Regresses the cosine similarity of two embeddings onto a gold similarity score with a squared error, so the embedding space reproduces graded similarity judgements.',
      zh: '用平方误差把两个嵌入的余弦相似度回归到标注的相似度分数上，使嵌入空间再现分级的相似度判断。',
    },
    whenToUse: {
      en: 'Fine-tuning bi-encoders on pairs with graded similarity labels (STS-B style). CoSENT or AnglE usually train faster on the same data.',
      zh: '在带分级相似度标签的句对（STS-B 这类）上微调双塔编码器。同样的数据上 CoSENT 或 AnglE 通常收敛更快。',
    },
    pitfalls: {
      en: 'Scale the labels to the cosine range first (e.g. STS 0–5 divided by 5). Only pairs are compared, so the gradient is weak once the cosines sit near their targets, and absolute cosine levels are forced even though only the ranking matters for retrieval.',
      zh: '先把标签缩放到余弦的取值范围（例如把 STS 的 0–5 除以 5）。只比较成对样本，余弦接近目标后梯度很弱；而且它强制了余弦的绝对值，尽管检索只关心排序。',
    },
    frameworkNotes: {
      en: 'sentence-transformers 5.1 sentence_transformers.losses.CosineSimilarityLoss(model, loss_fct=nn.MSELoss(), cos_score_transformation=Identity()) computes torch.cosine_similarity(u, v), applies the transformation and then loss_fct against the float labels; swap loss_fct for another regression loss.',
      zh: 'sentence-transformers 5.1 的 sentence_transformers.losses.CosineSimilarityLoss(model, loss_fct=nn.MSELoss(), cos_score_transformation=Identity()) 计算 torch.cosine_similarity(u, v)，经过变换后用 loss_fct 与浮点标签比较；可以把 loss_fct 换成其他回归损失。',
    },
    paper: {
      authors: 'Nils Reimers, Iryna Gurevych',
      year: 2019,
      title: 'Sentence-BERT: Sentence Embeddings using Siamese BERT-Networks',
      url: 'https://arxiv.org/abs/1908.10084',
    },
    sources: [{ label: 'sentence-transformers sentence_transformers/losses/CosineSimilarityLoss.py', version: 'v5.1.2', url: `${ST}/CosineSimilarityLoss.py` }],
    related: ['cosent-loss', 'cosine-embedding-loss', 'mse-loss'],
    snippets: {
      torch: 'from sentence_transformers import losses\nloss_fn = losses.CosineSimilarityLoss(${1:model})',
      scratch:
        'def cosine_similarity_loss(embeddings, labels):\n    # as sentence-transformers CosineSimilarityLoss (default MSE): embeddings = (u, v), each (N, D)\n    u, v = embeddings\n    cos = torch.cosine_similarity(u, v)\n    return F.mse_loss(cos, labels.to(cos.dtype).view(-1))',
    },
  },
  {
    id: 'cosent-loss',
    names: { en: 'CoSENT Loss', zh: 'CoSENT 损失' },
    aliases: ['CoSENTLoss', 'CoSENT', 'cosine sentence ranking loss', '余弦句向量排序损失'],
    category: 'metric-learning',
    apis: [],
    formula: 'L = \\log\\Big(1 + \\sum_{(i,j),(k,l):\\ y_{ij} > y_{kl}} e^{\\lambda\\,(\\cos_{kl} - \\cos_{ij})}\\Big)',
    formulaText: 'L = log(1 + Σ over pair couples with y_ij > y_kl of exp(λ·(cos_kl − cos_ij))),  λ = scale',
    inputs: [
      { name: 'embeddings', meaning: { en: 'The two sentence embeddings of each pair in the batch.', zh: '批中每对句子的两个嵌入。' }, shape: '2 × (N, D)', domain: { en: 'real vectors', zh: '实数向量' } },
      { name: 'labels', meaning: { en: 'Gold similarity score of each pair; only their order matters.', zh: '每对句子的标注相似度分数；只有它们的顺序起作用。' }, shape: '(N)', domain: { en: 'real scores', zh: '实数分数' } },
    ],
    params: [num('scale', 20.0, [1, 50], 'Multiplier λ of the cosine differences (an inverse temperature).', '余弦差的乘数 λ（即温度的倒数）。')],
    summary: {
      en: 'A pairwise ranking loss over the pairs of a batch: every pair with a higher gold score should get a higher cosine than every pair with a lower one, with a softplus-like log-sum-exp penalty on each violation.',
      zh: '批内句对之间的成对排序损失：标注分数更高的句对，其余弦应高于每个分数更低的句对，每次违反都受到类似 softplus 的 log-sum-exp 惩罚。',
    },
    whenToUse: {
      en: 'Fine-tuning sentence embeddings on graded-similarity pairs (STS, NLI scores); a stronger replacement for CosineSimilarityLoss because it only asks for the right order.',
      zh: '在分级相似度句对（STS、NLI 分数）上微调句向量；只要求顺序正确，因此比 CosineSimilarityLoss 更强。',
    },
    pitfalls: {
      en: 'Pairs with equal labels give no signal, so a batch with one label value gives zero loss. The cost is quadratic in the batch size. λ = 20 assumes cosine similarities; with other similarity functions retune it.',
      zh: '标签相同的句对不提供信号，因此批内只有一种标签值时损失为零。计算量与批大小成平方关系。λ = 20 是按余弦相似度设定的；换用其他相似度函数时要重新调节。',
    },
    frameworkNotes: {
      en: 'sentence-transformers 5.1 sentence_transformers.losses.CoSENTLoss(model, scale=20.0, similarity_fct=util.pairwise_cos_sim) implements it as logsumexp over [0, scaled differences of the relevant couples]. losses.AnglELoss is the same loss with an angle-difference similarity.',
      zh: 'sentence-transformers 5.1 的 sentence_transformers.losses.CoSENTLoss(model, scale=20.0, similarity_fct=util.pairwise_cos_sim) 用对 [0, 相关配对的缩放差值] 做 logsumexp 来实现。losses.AnglELoss 是把相似度换成角度差的同一种损失。',
    },
    paper: {
      authors: 'Jianlin Su',
      year: 2022,
      title: 'CoSENT: A more efficient sentence vector scheme than Sentence-BERT',
      url: 'https://kexue.fm/archives/8847',
    },
    sources: [{ label: 'sentence-transformers sentence_transformers/losses/CoSENTLoss.py', version: 'v5.1.2', url: `${ST}/CoSENTLoss.py` }],
    related: ['cosine-similarity-regression-loss', 'ranknet-loss', 'circle-loss'],
    snippets: {
      torch: 'from sentence_transformers import losses\nloss_fn = losses.CoSENTLoss(${1:model}, scale=${2:20.0})',
      scratch:
        'def cosent_loss(embeddings, labels, scale=${1:20.0}):\n    # as sentence-transformers CoSENTLoss: embeddings = (u, v), each (N, D); labels (N) gold scores\n    u, v = embeddings\n    s = (F.normalize(u, dim=-1) * F.normalize(v, dim=-1)).sum(-1) * scale\n    diff = s[:, None] - s[None, :]  # s_kl - s_ij for every couple\n    worse = labels[:, None] < labels[None, :]  # couples whose order the cosines should follow\n    diff = diff - (~worse).to(diff.dtype) * 1e12\n    return torch.logsumexp(torch.cat([diff.new_zeros(1), diff.flatten()]), 0)',
    },
  },
  {
    id: 'matryoshka-loss',
    names: { en: 'Matryoshka Representation Loss (wrapper)', zh: 'Matryoshka 表示损失（包装器）' },
    aliases: ['MatryoshkaLoss', 'Matryoshka', 'MRL', 'nested embedding loss', '俄罗斯套娃损失', '套娃表示学习'],
    category: 'metric-learning',
    apis: [],
    formula: 'L = \\sum_{m \\in \\mathcal{M}} w_m\\, \\mathcal{L}_{\\text{inner}}\\big(\\mathrm{normalize}(z_{[:m]})\\big)',
    formulaText: 'L = Σ over dims m in matryoshka_dims of w_m · inner_loss(L2-normalised first m coordinates of each embedding)',
    inputs: [
      { name: 'embeddings', meaning: { en: 'The embeddings the wrapped loss would receive, at full dimension D.', zh: '被包装的损失本应接收的嵌入，维度为完整的 D。' }, shape: '(N, D) per input column', domain: { en: 'real vectors', zh: '实数向量' } },
      { name: 'labels', meaning: { en: 'Whatever labels the wrapped loss takes.', zh: '被包装的损失所需的任何标签。' }, shape: 'as the inner loss', domain: { en: 'as the inner loss', zh: '与内部损失相同' } },
    ],
    params: [
      { name: 'matryoshka_dims', type: 'tensor', default: null, meaning: { en: 'Prefix lengths to train, e.g. [768, 512, 256, 128, 64]; required.', zh: '要训练的前缀长度，例如 [768, 512, 256, 128, 64]；必填。' } },
      { name: 'matryoshka_weights', type: 'tensor', default: null, meaning: { en: 'Weight of each prefix length (None: all 1).', zh: '每个前缀长度的权重（None 表示全为 1）。' } },
      int('n_dims_per_step', -1, [-1, 8], 'Train a random subset of this many dimensions per step (−1: all).', '每一步随机选取这么多个维度训练（−1 表示全部）。'),
    ],
    summary: {
      en: 'Not a loss of its own: it runs another embedding loss (MultipleNegativesRankingLoss, CoSENT, ...) on the first m coordinates of every embedding for several m and adds the results, so that truncated embeddings stay useful.',
      zh: '本身不是一种独立的损失：它对每个嵌入的前 m 个坐标（取多个 m）分别运行另一种嵌入损失（MultipleNegativesRankingLoss、CoSENT 等），再把结果相加，使截短后的嵌入仍然可用。',
    },
    whenToUse: {
      en: 'When the same model must serve several embedding sizes (fast shortlist with 64 dims, re-rank with 768) without training one model per size.',
      zh: '同一个模型需要提供多种嵌入维度时（例如用 64 维快速召回、用 768 维重排），无需为每种维度各训练一个模型。',
    },
    pitfalls: {
      en: 'Everything else (labels, temperature, negatives) is the inner loss’s. The prefixes are re-normalised, so the inner loss must work on unit vectors. Smallest dimensions dominate if all weights are equal and the inner loss is large there.',
      zh: '其余一切（标签、温度、负样本）都由内部损失决定。前缀会重新归一化，因此内部损失必须适用于单位向量。若权重全相同而内部损失在小维度上很大，最小的维度会主导训练。',
    },
    frameworkNotes: {
      en: 'sentence-transformers 5.1 sentence_transformers.losses.MatryoshkaLoss(model, loss, matryoshka_dims, matryoshka_weights=None, n_dims_per_step=-1) truncates the embeddings inside the model’s forward, L2-normalises them and calls the wrapped loss once per dimension; it also works with the Cached… losses. Matryoshka2dLoss adds AdaptiveLayerLoss (the same idea over layers).',
      zh: 'sentence-transformers 5.1 的 sentence_transformers.losses.MatryoshkaLoss(model, loss, matryoshka_dims, matryoshka_weights=None, n_dims_per_step=-1) 在模型前向中截短嵌入并做 L2 归一化，对每个维度调用一次被包装的损失；也可与 Cached… 系列损失配合。Matryoshka2dLoss 另外加入 AdaptiveLayerLoss（同样的思路作用于层数）。',
    },
    paper: {
      authors: 'Aditya Kusupati, Gantavya Bhatt, Aniket Rege, et al.',
      year: 2022,
      title: 'Matryoshka Representation Learning',
      url: 'https://arxiv.org/abs/2205.13147',
    },
    sources: [{ label: 'sentence-transformers sentence_transformers/losses/MatryoshkaLoss.py', version: 'v5.1.2', url: `${ST}/MatryoshkaLoss.py` }],
    related: ['infonce-loss', 'cosent-loss', 'cosine-similarity-regression-loss'],
    snippets: {
      torch: 'from sentence_transformers import losses\ninner = losses.MultipleNegativesRankingLoss(${1:model})\nloss_fn = losses.MatryoshkaLoss(${1:model}, inner, matryoshka_dims=${2:[768, 512, 256, 128, 64]})',
      scratch:
        "def mnrl_loss(embeddings, labels=None, scale=20.0):\n    # inner loss, as sentence-transformers MultipleNegativesRankingLoss: anchor i should pick candidate i\n    anchors, candidates = embeddings[0], torch.cat(list(embeddings[1:]))\n    scores = F.normalize(anchors, dim=-1) @ F.normalize(candidates, dim=-1).T * scale\n    return F.cross_entropy(scores, torch.arange(len(anchors)))\n\ndef matryoshka_loss(embeddings, labels, inner_loss=mnrl_loss, dims=${1:[768, 512, 256, 128, 64]}, weights=${2:None}, n_dims_per_step=${3:-1}):\n    # as sentence-transformers MatryoshkaLoss(matryoshka_dims=dims, matryoshka_weights=weights):\n    # embeddings = one (N, D) tensor per input column, D >= max(dims)\n    weights = weights if weights is not None else [1] * len(dims)\n    picks = range(len(dims))\n    if 0 < n_dims_per_step < len(dims):\n        picks = sorted(torch.randperm(len(dims))[:n_dims_per_step].tolist())\n    loss = 0.0\n    for i in picks:\n        if dims[i] > embeddings[0].shape[-1]:\n            raise ValueError(f'dimension {dims[i]} is larger than the embeddings')\n        prefix = [F.normalize(e[..., : dims[i]], dim=-1) for e in embeddings]\n        loss = loss + weights[i] * inner_loss(prefix, labels)\n    return loss",
    },
  },
  {
    id: 'ms-ssim-loss',
    names: { en: 'MS-SSIM Loss (multi-scale structural similarity)', zh: 'MS-SSIM 损失（多尺度结构相似性）' },
    aliases: ['MS-SSIM', 'MS_SSIM', 'MultiScaleSSIMLoss', 'multi-scale SSIM loss', '1 - MS-SSIM', '多尺度结构相似性损失'],
    category: 'generative',
    apis: [],
    formula:
      'L = 1 - \\mathrm{MS\\text{-}SSIM}(x, y),\\quad \\mathrm{MS\\text{-}SSIM} = \\big[\\mathrm{SSIM}_M\\big]^{w_M} \\prod_{j=1}^{M-1} \\big[\\mathrm{cs}_j\\big]^{w_j}',
    formulaText: 'L = 1 − MS-SSIM;  MS-SSIM = SSIM_M^{w_M} · Π_{j<M} cs_j^{w_j},  cs_j = contrast·structure term at scale j (images halved between scales), w = (0.0448, 0.2856, 0.3001, 0.2363, 0.1333)',
    inputs: [
      { name: 'X', meaning: { en: 'Predicted images.', zh: '预测图像。' }, shape: '(N, C, H, W)', domain: { en: 'pixel values in [0, data_range]', zh: '[0, data_range] 内的像素值' } },
      { name: 'Y', meaning: { en: 'Reference images, same shape.', zh: '参考图像，形状相同。' }, shape: 'same as X', domain: { en: 'pixel values in [0, data_range]', zh: '[0, data_range] 内的像素值' } },
    ],
    params: [
      num('data_range', 255, [1, 255], 'Value range R of the images; sets C1 = (k1·R)² and C2 = (k2·R)².', '图像的取值范围 R；决定 C1 = (k1·R)² 和 C2 = (k2·R)²。'),
      int('win_size', 11, [3, 15], 'Side of the Gaussian window, in pixels.', '高斯窗口的边长（像素）。'),
      num('win_sigma', 1.5, [0.5, 3], 'Standard deviation σ of the Gaussian weights, in pixels.', '高斯权重的标准差 σ（像素）。'),
      { name: 'weights', type: 'tensor', default: null, meaning: { en: 'Exponent of each scale (None: the five weights of Wang et al.).', zh: '各尺度的指数（None 表示 Wang 等人给出的五个权重）。' } },
    ],
    summary: {
      en: 'SSIM evaluated over several scales: the image pair is repeatedly halved, contrast and structure are compared at every scale and luminance only at the coarsest, and the terms are multiplied with fixed exponents. One minus it is the loss.',
      zh: '在多个尺度上计算的 SSIM：图像对被反复缩小一半，每个尺度比较对比度和结构，只在最粗尺度比较亮度，各项按固定指数相乘。1 减去它即为损失。',
    },
    whenToUse: {
      en: 'Image restoration and compression where structure at several viewing distances matters; the classic recipe mixes it with L1 (0.84·(1 − MS-SSIM) + 0.16·L1, Zhao et al.).',
      zh: '需要在不同观察距离下保持结构的图像复原与压缩任务；经典做法是与 L1 混合（0.84·(1 − MS-SSIM) + 0.16·L1，Zhao 等人）。',
    },
    pitfalls: {
      en: 'With five scales and an 11-pixel window the image must be larger than 160 pixels per side (pytorch_msssim asserts it). A negative contrast term raised to a fractional power is NaN; implementations clamp it (ReLU). data_range defaults differ: 255 in pytorch_msssim, 1.0 in piq.',
      zh: '五个尺度、11 像素窗口时，图像每边须大于 160 像素（pytorch_msssim 会断言）。负的对比度项取分数次幂会得到 NaN，实现中会截断（ReLU）。data_range 的默认值不同：pytorch_msssim 为 255，piq 为 1.0。',
    },
    frameworkNotes: {
      en: 'pytorch_msssim.ms_ssim(X, Y, data_range=255, size_average=True, win_size=11, win_sigma=1.5, win=None, weights=None, K=(0.01, 0.03)) and the pytorch_msssim.MS_SSIM module (channel=3) return the similarity itself: write 1 − ms_ssim(...). Scales are halved by 2×2 average pooling; negative terms are clamped with ReLU.',
      zh: 'pytorch_msssim.ms_ssim(X, Y, data_range=255, size_average=True, win_size=11, win_sigma=1.5, win=None, weights=None, K=(0.01, 0.03)) 以及 pytorch_msssim.MS_SSIM 模块（channel=3）返回的是相似度本身：需写成 1 − ms_ssim(...)。尺度之间用 2×2 平均池化缩小一半；负值项用 ReLU 截断。',
    },
    paper: {
      authors: 'Zhou Wang, Eero P. Simoncelli, Alan C. Bovik',
      year: 2003,
      title: 'Multiscale structural similarity for image quality assessment',
      url: 'https://ieeexplore.ieee.org/document/1292216',
    },
    sources: [{ label: 'pytorch_msssim pytorch_msssim/ssim.py', version: 'v1.0.0', url: 'https://github.com/VainF/pytorch-msssim/blob/v1.0.0/pytorch_msssim/ssim.py' }],
    related: ['ssim-loss', 'l1-loss', 'perceptual-loss'],
    snippets: {
      torch: 'from pytorch_msssim import ms_ssim\nloss = 1 - ms_ssim(${1:pred}, ${2:target}, data_range=${3:1.0}, size_average=True)',
      scratch:
        'def ms_ssim_loss(X, Y, data_range=${1:1.0}, win_size=${2:11}, win_sigma=${3:1.5}, weights=${4:None}, K=${5:(0.01, 0.03)}):\n    # 1 - pytorch_msssim.ms_ssim(X, Y, size_average=True): (N, C, H, W) images, each side > (win_size - 1) * 16\n    if weights is None:\n        weights = [0.0448, 0.2856, 0.3001, 0.2363, 0.1333]\n    w = X.new_tensor(weights)\n    c = X.shape[1]\n    g = torch.arange(win_size, dtype=X.dtype) - win_size // 2\n    g = torch.exp(-(g ** 2) / (2 * win_sigma ** 2))\n    g = (g / g.sum()).expand(c, 1, 1, win_size)\n    blur = lambda t: F.conv2d(F.conv2d(t, g, groups=c), g.transpose(2, 3), groups=c)  # separable, no padding\n    c1, c2 = (K[0] * data_range) ** 2, (K[1] * data_range) ** 2\n    terms = []\n    for level in range(len(w)):\n        mu_x, mu_y = blur(X), blur(Y)\n        var_x = blur(X * X) - mu_x ** 2\n        var_y = blur(Y * Y) - mu_y ** 2\n        cov = blur(X * Y) - mu_x * mu_y\n        cs_map = (2 * cov + c2) / (var_x + var_y + c2)\n        if level < len(w) - 1:\n            terms.append(torch.relu(cs_map.flatten(2).mean(-1)))  # contrast-structure at this scale\n            pad = (X.shape[2] % 2, X.shape[3] % 2)\n            X, Y = F.avg_pool2d(X, 2, padding=pad), F.avg_pool2d(Y, 2, padding=pad)\n        else:\n            ssim_map = (2 * mu_x * mu_y + c1) / (mu_x ** 2 + mu_y ** 2 + c1) * cs_map\n            terms.append(torch.relu(ssim_map.flatten(2).mean(-1)))  # full SSIM at the coarsest scale\n    ms_ssim = torch.prod(torch.stack(terms) ** w.view(-1, 1, 1), dim=0)  # (N, C)\n    return 1 - ms_ssim.mean()',
    },
  },
  {
    id: 'distribution-focal-loss',
    names: { en: 'Distribution Focal Loss (DFL)', zh: '分布焦点损失（DFL）' },
    aliases: ['DFL', 'DistributionFocalLoss', 'DFLoss', 'GFL distribution loss', '分布 Focal 损失'],
    category: 'detection',
    apis: [],
    formula: 'L = -\\big[(y_{r} - y)\\,\\log S_{y_l} + (y - y_l)\\,\\log S_{y_r}\\big],\\quad y_l = \\lfloor y \\rfloor,\\ y_r = y_l + 1,\\ S = \\mathrm{softmax}(z)',
    formulaText: 'L = −[(y_r − y)·log S(y_l) + (y − y_l)·log S(y_r)],  y_l = ⌊y⌋, y_r = y_l + 1, S = softmax over the bins 0…n',
    inputs: [
      { name: 'pred', meaning: { en: 'Logits over the n + 1 discrete bins of one box side (distance from the anchor point).', zh: '某一条框边（到锚点的距离）在 n + 1 个离散区间上的 logits。' }, shape: '(N, n + 1)', domain: { en: 'real logits', zh: '实数 logits' } },
      { name: 'target', meaning: { en: 'Continuous target distance in bin units.', zh: '以区间为单位的连续目标距离。' }, shape: '(N)', domain: { en: 'real in [0, n)', zh: '[0, n) 内的实数' } },
    ],
    params: [{ name: 'reduction', type: 'enum', default: 'mean', options: ['mean', 'sum', 'none'], meaning: { en: "How per-sample losses are combined: 'mean', 'sum' or 'none'.", zh: "逐样本损失的汇总方式：'mean'、'sum' 或 'none'。" } }],
    summary: {
      en: 'Treats each box side as a discrete distribution over bins and trains it with cross-entropy on the two bins around the continuous target, weighted by how close the target is to each; the box is read out as the expected value.',
      zh: '把每条框边视为区间上的离散分布，用目标值两侧两个区间上的交叉熵训练，权重取决于目标离各区间的远近；框的位置取分布的期望值。',
    },
    whenToUse: {
      en: 'Box regression in anchor-free dense detectors with a distributional head: GFL, YOLOv8 and later (reg_max = 16 bins), usually together with a CIoU or GIoU term.',
      zh: '带分布式回归头的无锚框密集检测器中的框回归：GFL、YOLOv8 及之后的版本（reg_max = 16 个区间），通常与 CIoU 或 GIoU 项同时使用。',
    },
    pitfalls: {
      en: 'Targets must lie inside [0, n); implementations clamp them just below n (ultralytics: reg_max − 1 − 0.01). Integer targets put all weight on one bin. The loss is per side: average or sum over the four sides consistently with the IoU term.',
      zh: '目标必须位于 [0, n) 内；实现中会把它截断到略小于 n（ultralytics：reg_max − 1 − 0.01）。整数目标会把全部权重放在一个区间上。损失按每条边计算：对四条边取平均或求和的方式要与 IoU 项一致。',
    },
    frameworkNotes: {
      en: "mmdet.models.losses.DistributionFocalLoss(reduction='mean', loss_weight=1.0) computes it per row of logits; ultralytics.utils.loss.DFLoss(reg_max=16) clamps the targets and averages the four sides of each box (mean over the last dimension).",
      zh: "mmdet.models.losses.DistributionFocalLoss(reduction='mean', loss_weight=1.0) 对每一行 logits 计算；ultralytics.utils.loss.DFLoss(reg_max=16) 会截断目标，并对每个框的四条边取平均（在最后一维上取平均）。",
    },
    paper: {
      authors: 'Xiang Li, Wenhai Wang, Lijun Wu, Shuo Chen, Xiaolin Hu, Jun Li, Jinhui Tang, Jian Yang',
      year: 2020,
      title: 'Generalized Focal Loss: Learning Qualified and Distributed Bounding Boxes for Dense Object Detection',
      url: 'https://arxiv.org/abs/2006.04388',
    },
    sources: [
      { label: 'MMDetection mmdet/models/losses/gfocal_loss.py', version: 'code index (commit 030b5682)', url: 'https://github.com/open-mmlab/mmdetection/blob/030b5682a4fc5bfe7fda1b0c6fb6e896f33b61dc/mmdet/models/losses/gfocal_loss.py' },
      { label: 'ultralytics ultralytics/utils/loss.py', version: 'code index (commit 00033e8f)', url: 'https://github.com/ultralytics/ultralytics/blob/00033e8fbb067a7872c9a92ce3b15282ba2921f4/ultralytics/utils/loss.py' },
    ],
    related: ['quality-focal-loss', 'complete-box-iou-loss', 'cross-entropy'],
    snippets: {
      torch: "from mmdet.models.losses import DistributionFocalLoss\nloss_fn = DistributionFocalLoss(reduction=${1|'mean','sum','none'|})\nloss = loss_fn(${2:pred_dist}, ${3:target_dist})",
      scratch:
        "def distribution_focal_loss(pred, target, reduction=${1|'mean','sum','none'|}):\n    # as mmdet DistributionFocalLoss: pred (N, n + 1) bin logits, target (N) distances in [0, n)\n    left = target.long()\n    right = left + 1\n    w_left = right.to(target.dtype) - target\n    w_right = target - left.to(target.dtype)\n    loss = F.cross_entropy(pred, left, reduction='none') * w_left + F.cross_entropy(pred, right, reduction='none') * w_right\n    return loss.mean() if reduction == 'mean' else loss.sum() if reduction == 'sum' else loss",
    },
  },
  {
    id: 'quality-focal-loss',
    names: { en: 'Quality Focal Loss (QFL)', zh: '质量焦点损失（QFL）' },
    aliases: ['QFL', 'QualityFocalLoss', 'GFL quality loss', '质量 Focal 损失'],
    category: 'detection',
    apis: [],
    formula: 'L = -|y - \\sigma|^{\\beta}\\,\\big[y \\log \\sigma + (1 - y) \\log(1 - \\sigma)\\big],\\quad \\sigma = \\mathrm{sigmoid}(z)',
    formulaText: 'L = −|y − σ|^β · [y·log σ + (1 − y)·log(1 − σ)],  σ = sigmoid(z);  y = IoU of the predicted box on the true class, 0 elsewhere;  summed over classes',
    inputs: [
      { name: 'pred', meaning: { en: 'Class logits that also carry localisation quality.', zh: '同时表示定位质量的类别 logits。' }, shape: '(N, C)', domain: { en: 'real logits', zh: '实数 logits' } },
      { name: 'target', meaning: { en: 'Pair (label, score): class index (C means background) and the IoU of the predicted box with its ground truth.', zh: '二元组 (label, score)：类别索引（C 表示背景）以及预测框与真实框的 IoU。' }, shape: '((N), (N))', domain: { en: 'labels in [0, C], scores in [0, 1]', zh: '标签在 [0, C] 内，分数在 [0, 1] 内' } },
    ],
    params: [
      num('beta', 2.0, [0, 4], 'Exponent β of the modulating factor |y − σ|^β.', '调制因子 |y − σ|^β 的指数 β。'),
      { name: 'reduction', type: 'enum', default: 'mean', options: ['mean', 'sum', 'none'], meaning: { en: "How per-sample losses are combined: 'mean', 'sum' or 'none'.", zh: "逐样本损失的汇总方式：'mean'、'sum' 或 'none'。" } },
    ],
    summary: {
      en: 'A focal loss with soft targets: the score of the true class is trained towards the IoU of the predicted box (not towards 1), and every term is weighted by the distance between prediction and target raised to β, so a single score ranks detections by both class and box quality.',
      zh: '使用软目标的 Focal 损失：真实类别的分数被训练为逼近预测框的 IoU（而不是 1），每一项按预测与目标之差的 β 次方加权，使一个分数同时按类别和框质量对检测结果排序。',
    },
    whenToUse: {
      en: 'Classification branch of dense detectors that merge classification and IoU quality (GFL, GFLv2, TOOD-style heads), paired with DFL for the boxes.',
      zh: '把分类与 IoU 质量合并的密集检测器分类分支（GFL、GFLv2、TOOD 风格的检测头），通常与用于框回归的 DFL 搭配。',
    },
    pitfalls: {
      en: 'Targets are IoUs computed from the current predictions (detached); early in training they are near 0, so the positives learn slowly. The result is normalised by the number of positives (avg_factor) in the usual heads, not by all anchors.',
      zh: '目标是由当前预测（截断梯度）计算的 IoU；训练初期它们接近 0，因此正样本学习较慢。常见检测头用正样本数（avg_factor）而不是所有锚点数来归一化结果。',
    },
    frameworkNotes: {
      en: "mmdet.models.losses.QualityFocalLoss(use_sigmoid=True, beta=2.0, reduction='mean', loss_weight=1.0) takes target=(label, score), supervises negatives towards 0 with weight σ^β and sums over classes per sample.",
      zh: "mmdet.models.losses.QualityFocalLoss(use_sigmoid=True, beta=2.0, reduction='mean', loss_weight=1.0) 接收 target=(label, score)，负样本以权重 σ^β 向 0 监督，并按样本在类别上求和。",
    },
    paper: {
      authors: 'Xiang Li, Wenhai Wang, Lijun Wu, Shuo Chen, Xiaolin Hu, Jun Li, Jinhui Tang, Jian Yang',
      year: 2020,
      title: 'Generalized Focal Loss: Learning Qualified and Distributed Bounding Boxes for Dense Object Detection',
      url: 'https://arxiv.org/abs/2006.04388',
    },
    sources: [
      { label: 'MMDetection mmdet/models/losses/gfocal_loss.py', version: 'code index (commit 030b5682)', url: 'https://github.com/open-mmlab/mmdetection/blob/030b5682a4fc5bfe7fda1b0c6fb6e896f33b61dc/mmdet/models/losses/gfocal_loss.py' },
    ],
    related: ['distribution-focal-loss', 'sigmoid-focal-loss', 'bce-with-logits'],
    snippets: {
      torch: 'from mmdet.models.losses import QualityFocalLoss\nloss_fn = QualityFocalLoss(beta=${1:2.0})\nloss = loss_fn(${2:cls_logits}, (${3:labels}, ${4:iou_scores}))',
      scratch:
        "def quality_focal_loss(pred, target, beta=${1:2.0}, reduction=${2|'mean','sum','none'|}):\n    # as mmdet QualityFocalLoss: pred (N, C) logits; target = (labels, scores), label C = background\n    labels, scores = target\n    n, c = pred.shape\n    pos = (labels >= 0) & (labels < c)\n    onehot = F.one_hot(torch.where(pos, labels, c).long(), c + 1)[:, :c].to(pred.dtype)\n    sigma = pred.sigmoid()\n    # the true class of a positive is pulled towards its IoU score, everything else towards 0\n    soft = onehot * scores[:, None]\n    modulator = torch.where(onehot > 0, (scores[:, None] - sigma).abs(), sigma) ** beta\n    loss = (F.binary_cross_entropy_with_logits(pred, soft, reduction='none') * modulator).sum(1)\n    return loss.mean() if reduction == 'mean' else loss.sum() if reduction == 'sum' else loss",
    },
  },
  {
    id: 'varifocal-loss',
    names: { en: 'Varifocal Loss (VFL)', zh: '变焦损失（Varifocal Loss，VFL）' },
    aliases: ['VFL', 'VarifocalLoss', 'varifocal', 'IoU-aware classification loss', '变焦损失', 'IoU 感知分类损失'],
    category: 'detection',
    apis: [],
    formula:
      '\\mathrm{VFL}(p, q) = \\begin{cases} -q\\,\\big(q \\log p + (1 - q) \\log(1 - p)\\big) & q > 0 \\\\ -\\alpha\\, p^{\\gamma} \\log(1 - p) & q = 0 \\end{cases},\\quad p = \\sigma(z)',
    formulaText: 'VFL(p, q) = −q·(q·log p + (1 − q)·log(1 − p)) if q > 0;  −α·p^γ·log(1 − p) if q = 0;  p = sigmoid(z), q = IoU-aware target score (the IoU of the predicted box with its ground truth on the true class, 0 elsewhere)',
    inputs: [
      { name: 'pred_score', meaning: { en: 'Class logits of every anchor point (they also score localisation quality).', zh: '每个锚点的类别 logits（同时表示定位质量）。' }, shape: '(N, A, C)', domain: { en: 'real logits', zh: '实数 logits' } },
      { name: 'gt_score', meaning: { en: 'Target score q: the IoU of the predicted box with its assigned ground truth at the true class, 0 elsewhere.', zh: '目标分数 q：在真实类别处为预测框与所分配真实框的 IoU，其余为 0。' }, shape: 'same as pred_score', domain: { en: '[0, 1]', zh: '[0, 1] 内的分数' } },
      { name: 'label', meaning: { en: 'One-hot mask of the positives (1 at the true class of a foreground anchor).', zh: '正样本的 one-hot 掩码（前景锚点的真实类别处为 1）。' }, shape: 'same as pred_score', domain: { en: '{0, 1}', zh: '取值 {0, 1}' } },
    ],
    params: [
      num('alpha', 0.75, [0, 1], 'Weight α of the negatives (it is not focal loss\'s class-balance α).', '负样本的权重 α（不是 focal loss 中平衡类别的 α）。'),
      num('gamma', 2.0, [0, 5], 'Exponent γ of the down-weighting p^γ, applied to the negatives only.', '降权因子 p^γ 的指数 γ，只作用于负样本。'),
    ],
    summary: {
      en: 'A binary cross-entropy on logits whose target for the true class is the localisation quality (an IoU) instead of 1: positives are weighted by that target, and negatives are down-weighted by α·p^γ as in focal loss. The classification score thereby ranks detections by how well they are localised.',
      zh: '一种作用于 logits 的二元交叉熵，真实类别的目标值是定位质量（一个 IoU）而不是 1：正样本按该目标值加权，负样本像 focal loss 一样按 α·p^γ 降权。这样分类得分就能按定位好坏给检测结果排序。',
    },
    whenToUse: {
      en: 'Dense detectors that score each anchor point with one IoU-aware classification score: VarifocalNet, and the YOLOv8/RT-DETR family (ultralytics uses it for RT-DETR and as an option for YOLO heads).',
      zh: '用单一 IoU 感知分类得分为每个锚点打分的密集检测器：VarifocalNet，以及 YOLOv8 / RT-DETR 系列（ultralytics 在 RT-DETR 中使用它，也可用于 YOLO 检测头）。',
    },
    pitfalls: {
      en: 'Unlike focal loss, positives are not down-weighted (the asymmetry is the point), so rare hard positives keep their full gradient. The target score must come from the predicted box (computed without gradient); feeding 1 for positives gives a weighted BCE, not VFL. α is the weight of the negatives, so its usual 0.75 is not focal loss\'s 0.25.',
      zh: '与 focal loss 不同，正样本不被降权（这种不对称正是其用意），因此少见的难正样本保留完整梯度。目标分数必须来自预测框（计算时不求梯度）；若正样本目标直接取 1，得到的是加权 BCE 而非 VFL。α 是负样本的权重，所以常用值 0.75 并不是 focal loss 中的 0.25。',
    },
    frameworkNotes: {
      en: "ultralytics.utils.loss.VarifocalLoss() takes forward(pred_score, gt_score, label, alpha=0.75, gamma=2.0): the weight α·σ(z)^γ·(1 − label) + gt_score·label times F.binary_cross_entropy_with_logits(pred_score, gt_score), in float32, reduced by .mean(1).sum() (mean over anchors, then a sum over batch and classes). mmdet.models.losses.VarifocalLoss(use_sigmoid=True, alpha=0.75, gamma=2.0, iou_weighted=True, reduction='mean', loss_weight=1.0) takes the score as the target (positives are where it is > 0) and averages over every element unless an avg_factor is passed; iou_weighted=False weights the positives by 1.",
      zh: "ultralytics.utils.loss.VarifocalLoss() 的 forward(pred_score, gt_score, label, alpha=0.75, gamma=2.0)：权重 α·σ(z)^γ·(1 − label) + gt_score·label 乘以 F.binary_cross_entropy_with_logits(pred_score, gt_score)，以 float32 计算，按 .mean(1).sum() 汇总（先对锚点取平均，再对 batch 和类别求和）。mmdet.models.losses.VarifocalLoss(use_sigmoid=True, alpha=0.75, gamma=2.0, iou_weighted=True, reduction='mean', loss_weight=1.0) 把分数作为目标（大于 0 处为正样本），若未传入 avg_factor 则对所有元素取平均；iou_weighted=False 时正样本权重为 1。",
    },
    paper: {
      authors: 'Haoyang Zhang, Ying Wang, Feras Dayoub, Niko Sünderhauf',
      year: 2021,
      title: 'VarifocalNet: An IoU-aware Dense Object Detector',
      url: 'https://arxiv.org/abs/2008.13367',
    },
    sources: [
      { label: 'ultralytics ultralytics/utils/loss.py', version: 'code index (commit 00033e8f)', url: 'https://github.com/ultralytics/ultralytics/blob/00033e8fbb067a7872c9a92ce3b15282ba2921f4/ultralytics/utils/loss.py' },
      { label: 'MMDetection mmdet/models/losses/varifocal_loss.py', version: 'code index (3.x)', url: 'https://github.com/open-mmlab/mmdetection/blob/main/mmdet/models/losses/varifocal_loss.py' },
      { label: 'paper (Zhang et al. 2021), eq. 2', version: 'arXiv 2008.13367 v4', url: 'https://arxiv.org/abs/2008.13367' },
    ],
    related: ['sigmoid-focal-loss', 'quality-focal-loss', 'bce-with-logits'],
    snippets: {
      torch:
        'import torch.nn.functional as F\n\ndef varifocal_loss(pred_score, gt_score, label, alpha=${1:0.75}, gamma=${2:2.0}):\n    weight = alpha * pred_score.sigmoid().pow(gamma) * (1 - label) + gt_score * label\n    bce = F.binary_cross_entropy_with_logits(pred_score, gt_score, reduction="none")\n    return (bce * weight).mean(1).sum()\n\nloss = varifocal_loss(${3:pred_score}, ${4:gt_score}, ${5:label})',
    },
  },
  {
    id: 'psnr-loss',
    names: { en: 'PSNR Loss (negative peak signal-to-noise ratio)', zh: 'PSNR 损失（负峰值信噪比）' },
    aliases: ['PSNR', 'PSNRLoss', 'psnr_loss', 'negative PSNR', '峰值信噪比损失', '峰值信噪比'],
    category: 'generative',
    apis: [],
    formula: 'L = -\\mathrm{PSNR}(x, y) = -10 \\log_{10} \\frac{\\mathrm{max\\_val}^2}{\\frac{1}{n}\\sum_i (x_i - y_i)^2}',
    formulaText: 'L = −PSNR = −10·log10(max_val² / MSE(x, y)),  MSE averaged over every element',
    inputs: [
      { name: 'input', meaning: { en: 'Predicted image.', zh: '预测图像。' }, shape: '(*)', domain: { en: 'pixel values in [0, max_val]', zh: '[0, max_val] 内的像素值' } },
      { name: 'target', meaning: { en: 'Reference image, same shape.', zh: '参考图像，形状相同。' }, shape: 'same as input', domain: { en: 'pixel values in [0, max_val]', zh: '[0, max_val] 内的像素值' } },
    ],
    params: [num('max_val', 1.0, [1, 255], 'The largest possible pixel value (1.0 for images in [0, 1], 255 for 8-bit).', '像素可能取到的最大值（[0, 1] 图像为 1.0，8 位图像为 255）。')],
    summary: {
      en: 'The peak signal-to-noise ratio with its sign flipped, so that minimising it raises the PSNR: a logarithm of the mean squared error, shifted by the dynamic range.',
      zh: '把峰值信噪比取负号，最小化它就会提高 PSNR：本质上是均方误差的对数，再按动态范围平移。',
    },
    whenToUse: {
      en: 'Image restoration (denoising, super-resolution, deblurring) when the metric you report is PSNR and you want the training signal on the same scale. Its minimiser is the MSE minimiser; only the gradient scale differs (it grows as the error shrinks).',
      zh: '图像复原（去噪、超分辨率、去模糊）中，报告的指标是 PSNR、希望训练信号与之同尺度时使用。它的最优解与 MSE 相同，只是梯度尺度不同（误差越小梯度越大）。',
    },
    pitfalls: {
      en: 'Identical images give MSE = 0 and an infinite PSNR (the loss is −∞, the gradient undefined). The MSE is taken over the whole batch at once, so it is not the mean of per-image PSNRs, which is what papers usually report. max_val must match the data range.',
      zh: '两幅图像完全相同时 MSE = 0，PSNR 为无穷大（损失为 −∞，梯度无定义）。MSE 是对整个 batch 一次性计算的，因此不等于各图像 PSNR 的平均值，而论文通常报告的是后者。max_val 必须与数据范围一致。',
    },
    frameworkNotes: {
      en: 'kornia.losses.psnr_loss(image, target, max_val) and the kornia.losses.PSNRLoss(max_val) module return −kornia.metrics.psnr(image, target, max_val), with the MSE averaged over every element (kornia 0.8). torchmetrics and skimage compute the metric itself, not a loss.',
      zh: 'kornia.losses.psnr_loss(image, target, max_val) 和 kornia.losses.PSNRLoss(max_val) 模块返回 −kornia.metrics.psnr(image, target, max_val)，其中 MSE 对所有元素取平均（kornia 0.8）。torchmetrics 与 skimage 计算的是指标本身而不是损失。',
    },
    sources: [
      { label: 'kornia kornia/losses/psnr.py and kornia/metrics/psnr.py', version: 'v0.8.3', url: 'https://github.com/kornia/kornia/blob/v0.8.3/kornia/losses/psnr.py' },
    ],
    related: ['mse-loss', 'ssim-loss', 'ms-ssim-loss'],
    snippets: {
      torch: 'import kornia\nloss = kornia.losses.psnr_loss(${1:input}, ${2:target}, max_val=${3:1.0})',
      scratch: 'import torch\nimport torch.nn.functional as F\nloss = -10 * torch.log10(${3:1.0} ** 2 / F.mse_loss(${1:input}, ${2:target}))',
    },
  },
];
