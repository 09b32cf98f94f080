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
      torch:
        'from monai.losses import DiceCELoss\nloss_fn = DiceCELoss(to_onehot_y=${1|True,False|}, softmax=${2|True,False|}, lambda_dice=${3:1.0}, lambda_ce=${4:1.0})\nloss = loss_fn(${5:logits}, ${6:target})',
      scratch:
        'def dice_ce_loss(logits, target, smooth=${1:1e-5}):\n    # logits (B, N, ...), target (B, ...) class indices\n    ce = torch.nn.functional.cross_entropy(logits, target)\n    probs = logits.softmax(1)\n    onehot = torch.nn.functional.one_hot(target, logits.shape[1]).movedim(-1, 1).float()\n    dims = tuple(range(2, logits.dim()))\n    inter = (probs * onehot).sum(dims)\n    denom = probs.sum(dims) + onehot.sum(dims)\n    dice = 1 - (2 * inter + smooth) / (denom + smooth)\n    return dice.mean() + ce',
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
      torch:
        'from monai.losses import DiceFocalLoss\nloss_fn = DiceFocalLoss(to_onehot_y=${1|True,False|}, sigmoid=${2|True,False|}, gamma=${3:2.0})\nloss = loss_fn(${4:logits}, ${5:target})',
      scratch:
        'def dice_focal_loss(logits, onehot, gamma=${1:2.0}, smooth=${2:1e-5}):\n    p = logits.sigmoid()\n    dims = tuple(range(2, logits.dim()))\n    dice = 1 - (2 * (p * onehot).sum(dims) + smooth) / (p.sum(dims) + onehot.sum(dims) + smooth)\n    bce = torch.nn.functional.binary_cross_entropy_with_logits(logits, onehot, reduction="none")\n    p_t = p * onehot + (1 - p) * (1 - onehot)\n    focal = ((1 - p_t) ** gamma * bce).mean()\n    return dice.mean() + focal',
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
      int('win_size', 11, [3, 15], 'Side of the local window.', '局部窗口的边长。'),
      num('kernel_sigma', 1.5, [0.5, 3], 'Standard deviation of the Gaussian window.', '高斯窗口的标准差。'),
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
      torch:
        'from timm.loss import JsdCrossEntropy\nloss_fn = JsdCrossEntropy(num_splits=${1:3}, alpha=${2:12}, smoothing=${3:0.1})\nloss = loss_fn(${4:logits_all_splits}, ${5:target})',
      scratch:
        'def jsd_cross_entropy(logits, target, num_splits=${1:3}, alpha=${2:12.0}):\n    chunks = logits.chunk(num_splits)\n    loss = torch.nn.functional.cross_entropy(chunks[0], target[: chunks[0].shape[0]], label_smoothing=0.1)\n    probs = [c.softmax(1) for c in chunks]\n    log_m = torch.stack(probs).mean(0).clamp(1e-7, 1).log()\n    kl = sum(torch.nn.functional.kl_div(log_m, p, reduction="batchmean") for p in probs)\n    return loss + alpha * kl / len(probs)',
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
      torch:
        'from lightly.loss import SwaVLoss\nloss_fn = SwaVLoss(temperature=${1:0.1}, sinkhorn_iterations=${2:3}, sinkhorn_epsilon=${3:0.05})\nloss = loss_fn(${4:high_res_scores}, ${5:low_res_scores})',
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
      scratch: 'def cosine_similarity_loss(u, v, labels):\n    cos = torch.nn.functional.cosine_similarity(u, v)\n    return torch.nn.functional.mse_loss(cos, labels.float())',
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
        'def cosent_loss(u, v, labels, scale=${1:20.0}):\n    s = torch.nn.functional.cosine_similarity(u, v) * scale\n    diff = s[:, None] - s[None, :]\n    mask = (labels[:, None] < labels[None, :]).float()\n    diff = diff - (1 - mask) * 1e12\n    return torch.logsumexp(torch.cat([diff.new_zeros(1), diff.flatten()]), 0)',
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
      torch:
        'from sentence_transformers import losses\ninner = losses.MultipleNegativesRankingLoss(${1:model})\nloss_fn = losses.MatryoshkaLoss(${1:model}, inner, matryoshka_dims=${2:[768, 512, 256, 128, 64]})',
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
      int('win_size', 11, [3, 15], 'Side of the Gaussian window.', '高斯窗口的边长。'),
      num('win_sigma', 1.5, [0.5, 3], 'Standard deviation of the Gaussian window.', '高斯窗口的标准差。'),
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
        'def distribution_focal_loss(pred, target):\n    left = target.long()\n    right = left + 1\n    w_left = right.float() - target\n    w_right = target - left.float()\n    ce = torch.nn.functional.cross_entropy\n    return (ce(pred, left, reduction="none") * w_left + ce(pred, right, reduction="none") * w_right).mean()',
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
    },
  },
];
