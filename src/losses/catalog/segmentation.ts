/**
 * Catalog entries: segmentation losses.
 */
import type { InputSpec, LossEntry, ParamSpec } from '../types';
import { REDUCTION } from './common';

function num(name: string, def: number, range: readonly [number, number], en: string, zh: string): ParamSpec {
  return { name, type: 'number', default: def, range, meaning: { en, zh } };
}

function bool(name: string, def: boolean, en: string, zh: string): ParamSpec {
  return { name, type: 'boolean', default: def, meaning: { en, zh } };
}

// --- segmentation_models_pytorch DiceLoss / JaccardLoss / TverskyLoss -------------------------

const SMP_INPUTS: readonly InputSpec[] = [
  {
    name: 'y_pred',
    meaning: { en: 'Model output: logits (from_logits=True) or probabilities, channels on dim 1.', zh: '模型输出：logits（from_logits=True 时）或概率，通道在第 1 维。' },
    shape: '(N, C, H, W) or (N, C, ...); binary: (N, 1, ...)',
    domain: { en: 'real logits, or probabilities in [0, 1]', zh: '实数 logits，或 [0, 1] 内的概率' },
  },
  {
    name: 'y_true',
    meaning: {
      en: "Ground truth: class indices (N, ...) in 'multiclass' mode; a mask with the same number of elements in 'binary' mode; same shape as y_pred in 'multilabel' mode.",
      zh: "真实标签：'multiclass' 模式下为类别索引 (N, ...)；'binary' 模式下为元素个数相同的掩码；'multilabel' 模式下与 y_pred 同形状。",
    },
    shape: '(N, H, W) or (N, C, H, W)',
    domain: { en: 'class indices, or {0, 1} masks; ignore_index allowed', zh: '类别索引或 {0, 1} 掩码；允许 ignore_index' },
  },
];

function smpParams(extra: readonly ParamSpec[] = []): readonly ParamSpec[] {
  return [
    {
      name: 'mode',
      type: 'enum',
      default: 'binary',
      options: ['binary', 'multiclass', 'multilabel'],
      meaning: {
        en: "'binary': one foreground channel; 'multiclass': softmax over C classes with index targets; 'multilabel': independent sigmoid per channel. Required in SMP; the playground starts at 'binary'.",
        zh: "'binary'：单个前景通道；'multiclass'：C 类 softmax，目标为类别索引；'multilabel'：每个通道独立 sigmoid。SMP 中为必填参数，Playground 默认 'binary'。",
      },
    },
    { name: 'classes', type: 'tensor', default: null, meaning: { en: 'Class indices whose losses are averaged (default: all channels). Not with binary mode.', zh: '参与平均的类别索引（默认全部通道）。binary 模式下不可用。' } },
    bool('log_loss', false, 'Use −log(score) instead of 1 − score.', '使用 −log(score) 代替 1 − score。'),
    bool('from_logits', true, 'Apply sigmoid (binary, multilabel) or softmax (multiclass) to y_pred first.', '先对 y_pred 做 sigmoid（binary、multilabel）或 softmax（multiclass）。'),
    num('smooth', 0.0, [0, 10], 'Added to numerator and denominator of the score.', '加在分数分子与分母上的平滑项。'),
    { name: 'ignore_index', type: 'integer', default: null, meaning: { en: 'Target value whose pixels are masked out of both prediction and target.', zh: '该目标值对应的像素在预测和目标中都被屏蔽。' } },
    num('eps', 1e-7, [0, 1e-3], 'Lower bound of the denominator.', '分母的下界。'),
    ...extra,
    { name: 'class_weights', type: 'tensor', default: null, meaning: { en: 'Per-class weights for a weighted mean over classes (not with binary mode). Only on smp main after v0.5.0 (0.5.1.dev0); the v0.5.0 release has no class_weights.', zh: '按类别加权平均时各类别的权重（binary 模式下不可用）。仅见于 v0.5.0 之后的 smp main 分支（0.5.1.dev0）；v0.5.0 正式版没有 class_weights。' } },
  ];
}

const SMP_NOTE_EN =
  "Computed with segmentation_models_pytorch semantics: the score is pooled over the whole batch and all pixels per class (dims (0, 2)), classes with no true pixel get loss 0 but still count in the mean, and the intersection is written as (Σp + Σt − Σ|p − t|)/2 (since smp 0.4.0; Σpt before), which equals Σpt for hard targets.";
const SMP_NOTE_ZH =
  '按 segmentation_models_pytorch 的语义计算：每个类别的分数在整个批和所有像素上汇总（dims (0, 2)），没有真实像素的类别损失记为 0 但仍计入平均，交集写作 (Σp + Σt − Σ|p − t|)/2（smp 0.4.0 起；此前为 Σpt），对硬标签等于 Σpt。';

const PROB_PAIR: readonly InputSpec[] = [
  {
    name: 'y_true',
    meaning: { en: 'Ground-truth mask.', zh: '真实掩码。' },
    shape: 'any shape, same as y_pred',
    domain: { en: '[0, 1] (usually {0, 1})', zh: '[0, 1]（通常为 {0, 1}）' },
  },
  {
    name: 'y_pred',
    meaning: { en: 'Predicted foreground probabilities (after a sigmoid).', zh: '预测的前景概率（sigmoid 之后）。' },
    shape: 'any shape',
    domain: { en: 'probabilities in [0, 1]', zh: '[0, 1] 内的概率' },
  },
];

const SMOOTH1 = num('smooth', 1.0, [0, 10], 'Added to numerator and denominator; keeps empty masks defined.', '加在分子和分母上；使空掩码时结果仍有定义。');

export const SEGMENTATION_ENTRIES: readonly LossEntry[] = [
  {
    id: 'dice-loss',
    names: { en: 'Dice Loss (soft Dice)', zh: 'Dice 损失（软 Dice）' },
    aliases: ['Dice', 'soft Dice loss', 'DiceLoss', 'F1 loss', 'Sørensen–Dice loss', '骰子损失', '软 Dice 损失'],
    category: 'segmentation',
    apis: [
      { framework: 'smp', symbol: 'segmentation_models_pytorch.losses.DiceLoss', kind: 'class' },
      { framework: 'other', symbol: 'monai.losses.DiceLoss', kind: 'class' },
      { framework: 'keras', symbol: 'keras.losses.Dice', kind: 'class' },
      { framework: 'keras', symbol: 'keras.losses.dice', kind: 'function' },
      { framework: 'optax', symbol: 'optax.losses.dice_loss', kind: 'function' },
      { framework: 'optax', symbol: 'optax.losses.binary_dice_loss', kind: 'function' },
    ],
    formula: 'L = \\frac{1}{|C|}\\sum_{c} \\Big[1 - \\frac{2\\sum_i p_{ic} t_{ic} + s}{\\max\\big(\\sum_i p_{ic} + \\sum_i t_{ic} + s,\\ \\epsilon\\big)}\\Big]',
    formulaText: 'L = mean_c [ 1 − (2 Σᵢ pᵢc tᵢc + s) / max(Σᵢ pᵢc + Σᵢ tᵢc + s, ε) ]',
    inputs: SMP_INPUTS,
    params: smpParams(),
    summary: {
      en: 'One minus the soft Dice coefficient (F1 score) between predicted probabilities and the mask: overlap counted relative to the sizes of both regions, so small structures matter as much as large ones.',
      zh: '1 减去预测概率与掩码之间的软 Dice 系数（即 F1 分数）：重叠量相对于两个区域的大小来计算，因此小目标与大目标同样重要。',
    },
    whenToUse: {
      en: 'Medical and other segmentation with strong foreground/background imbalance; commonly summed with BCE or cross-entropy for stable early training.',
      zh: '前景与背景严重不平衡的医学图像等分割任务；常与 BCE 或交叉熵相加，使训练初期更稳定。',
    },
    pitfalls: {
      en: 'Gradients are noisy when a class is tiny or absent in a batch. With smooth = 0 an empty mask and empty prediction give 0/0 (eps guards it). The value depends on how sums are pooled (per image vs per batch); SMP pools over the batch.',
      zh: '某类别在批中很小或缺失时梯度噪声很大。smooth = 0 时空掩码与空预测会得到 0/0（由 eps 兜底）。数值取决于汇总方式（按图像或按批）；SMP 在整个批上汇总。',
    },
    frameworkNotes: {
      en: `${SMP_NOTE_EN} Keras' keras.losses.Dice computes 1 − 2Σpt/(Σp + Σt + ε) over all axes by default; MONAI's DiceLoss computes per image and per channel with smooth_nr = smooth_dr = 1e-5. optax.losses.dice_loss(predictions, targets, smooth=1.0, alpha=0.5, beta=0.5, apply_softmax=True) (optax ≥ 0.2.6) expects channels last and computes per sample and class. Since smp 0.4 the Dice score is its Tversky score with α = β = 0.5, so smooth enters as (2I + 2·smooth)/(Σp + Σt + 2·smooth); earlier releases computed (2I + smooth)/(Σp + Σt + smooth). With smooth = 0 both give the same value.`,
      zh: `${SMP_NOTE_ZH} Keras 的 keras.losses.Dice 默认在所有轴上计算 1 − 2Σpt/(Σp + Σt + ε)；MONAI 的 DiceLoss 按图像和通道分别计算，smooth_nr = smooth_dr = 1e-5。optax.losses.dice_loss(predictions, targets, smooth=1.0, alpha=0.5, beta=0.5, apply_softmax=True)（optax ≥ 0.2.6）要求通道在最后一维，并按样本和类别计算。smp 自 0.4 起把 Dice 分数算作 α = β = 0.5 的 Tversky 分数，因此 smooth 以 (2I + 2·smooth)/(Σp + Σt + 2·smooth) 的形式出现；更早的版本计算 (2I + smooth)/(Σp + Σt + smooth)。smooth = 0 时两者数值相同。`,
    },
    paper: {
      authors: 'Fausto Milletari, Nassir Navab, Seyed-Ahmad Ahmadi',
      year: 2016,
      title: 'V-Net: Fully Convolutional Neural Networks for Volumetric Medical Image Segmentation',
      url: 'https://arxiv.org/abs/1606.04797',
    },
    sources: [
      { label: 'segmentation_models_pytorch losses/dice.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/dice.py' },
      { label: 'segmentation_models_pytorch losses/_functional.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/_functional.py' },
      { label: 'segmentation_models_pytorch losses/dice.py (main, class_weights)', version: '5006616 (0.5.1.dev0)', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/5006616/segmentation_models_pytorch/losses/dice.py' },
      { label: 'MONAI monai/losses/dice.py', version: '1.5.0', url: 'https://github.com/Project-MONAI/MONAI/blob/1.5.0/monai/losses/dice.py' },
      { label: 'Keras keras/src/losses/losses.py', version: 'default branch, read 2026-12', url: 'https://github.com/keras-team/keras/blob/master/keras/src/losses/losses.py' },
      { label: 'optax optax/losses/_segmentation.py', version: 'v0.2.8', url: 'https://github.com/google-deepmind/optax/blob/v0.2.8/optax/losses/_segmentation.py' },
      { label: 'paper (Milletari et al. 2016)', version: '2016', url: 'https://arxiv.org/abs/1606.04797' },
    ],
    related: ['jaccard-loss', 'tversky-loss', 'generalized-dice-loss', 'vnet-dice-loss', 'combo-loss', 'binary-cross-entropy'],
    snippets: {
      torch:
        "import segmentation_models_pytorch as smp\nloss_fn = smp.losses.DiceLoss(mode=${1|'binary','multiclass','multilabel'|}, from_logits=${2|True,False|}, smooth=${3:0.0})\nloss = loss_fn(${4:y_pred}, ${5:y_true})",
      tf: 'loss_fn = keras.losses.Dice()\nloss = loss_fn(${1:y_true}, ${2:y_pred})',
      jax: 'loss = optax.losses.dice_loss(${1:logits}, ${2:onehot_targets}, smooth=${3:1.0}).mean()',
      scratch:
        "def dice_loss(probs, target, smooth=${1:0.0}, eps=${2:1e-7}):\n    # binary (N, 1, H, W) or multilabel (N, C, H, W) probabilities; as smp >= 0.4 (Tversky with alpha = beta = 0.5)\n    dims = (0, 2)\n    probs = probs.flatten(2)\n    target = target.flatten(2)\n    inter = (probs * target).sum(dims)\n    card = probs.sum(dims) + target.sum(dims)\n    score = (inter + smooth) / (card / 2 + smooth).clamp_min(eps)\n    return ((1 - score) * (target.sum(dims) > 0)).mean()",
    },
  },
  {
    id: 'jaccard-loss',
    names: { en: 'Jaccard / Soft IoU Loss', zh: 'Jaccard 损失（软 IoU 损失）' },
    aliases: ['IoU loss', 'soft IoU', 'JaccardLoss', 'Jaccard', 'intersection over union loss', '软交并比损失', 'Jaccard 指数损失'],
    category: 'segmentation',
    apis: [{ framework: 'smp', symbol: 'segmentation_models_pytorch.losses.JaccardLoss', kind: 'class' }],
    formula: 'L = \\frac{1}{|C|}\\sum_{c} \\Big[1 - \\frac{\\sum_i p_{ic} t_{ic} + s}{\\max\\big(\\sum_i p_{ic} + \\sum_i t_{ic} - \\sum_i p_{ic} t_{ic} + s,\\ \\epsilon\\big)}\\Big]',
    formulaText: 'L = mean_c [ 1 − (Σ pt + s) / max(Σ p + Σ t − Σ pt + s, ε) ]',
    inputs: SMP_INPUTS,
    params: smpParams(),
    summary: {
      en: 'One minus the soft intersection-over-union (Jaccard index), with products of probabilities standing in for set intersection; directly targets the IoU metric used to rank segmentation models.',
      zh: '1 减去软交并比（Jaccard 指数），用概率乘积代替集合交集；直接针对用于评比分割模型的 IoU 指标。',
    },
    whenToUse: {
      en: 'Segmentation evaluated by IoU / mIoU; for a tighter, convex surrogate of the true IoU use the Lovász losses.',
      zh: '以 IoU / mIoU 评估的分割任务；若需要对真实 IoU 更紧的凸替代，可使用 Lovász 损失。',
    },
    pitfalls: {
      en: 'The soft relaxation is not tight: the loss can fall while the thresholded IoU does not. Same class-absence and pooling caveats as Dice. Jaccard J and Dice D are linked: D = 2J/(1 + J).',
      zh: '这种软松弛并不紧：损失下降时阈值化后的 IoU 可能并不提升。关于类别缺失和汇总方式的注意事项与 Dice 相同。Jaccard J 与 Dice D 满足 D = 2J/(1 + J)。',
    },
    frameworkNotes: { en: SMP_NOTE_EN, zh: SMP_NOTE_ZH },
    paper: {
      authors: 'Md Atiqur Rahman, Yang Wang',
      year: 2016,
      title: 'Optimizing Intersection-Over-Union in Deep Neural Networks for Image Segmentation',
      url: 'https://doi.org/10.1007/978-3-319-50835-1_22',
    },
    sources: [
      { label: 'segmentation_models_pytorch losses/jaccard.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/jaccard.py' },
      { label: 'segmentation_models_pytorch losses/_functional.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/_functional.py' },
      { label: 'paper (Rahman & Wang 2016)', version: '2016', url: 'https://doi.org/10.1007/978-3-319-50835-1_22' },
    ],
    related: ['dice-loss', 'lovasz-softmax-loss', 'lovasz-hinge-loss', 'tversky-loss'],
    snippets: {
      torch:
        "import segmentation_models_pytorch as smp\nloss_fn = smp.losses.JaccardLoss(mode=${1|'binary','multiclass','multilabel'|}, from_logits=${2|True,False|}, smooth=${3:0.0})\nloss = loss_fn(${4:y_pred}, ${5:y_true})",
      scratch:
        "def soft_jaccard_loss(probs, target, smooth=${1:0.0}, eps=${2:1e-7}):\n    # binary masks (N, 1, H, W); like smp, 0 when the target has no foreground pixel\n    inter = (probs * target).sum()\n    union = probs.sum() + target.sum() - inter\n    score = (inter + smooth) / (union + smooth).clamp_min(eps)\n    return (1 - score) * (target.sum() > 0)",
      tf: 'def soft_jaccard_loss(y_true, y_pred, smooth=${1:0.0}, eps=${2:1e-7}):\n    inter = tf.reduce_sum(y_true * y_pred)\n    union = tf.reduce_sum(y_true) + tf.reduce_sum(y_pred) - inter\n    return 1 - (inter + smooth) / tf.maximum(union + smooth, eps)',
    },
  },
  {
    id: 'tversky-loss',
    names: { en: 'Tversky Loss', zh: 'Tversky 损失' },
    aliases: ['Tversky', 'TverskyLoss', 'Tversky index loss', 'Tversky 指数损失'],
    category: 'segmentation',
    apis: [
      { framework: 'smp', symbol: 'segmentation_models_pytorch.losses.TverskyLoss', kind: 'class' },
      { framework: 'other', symbol: 'monai.losses.TverskyLoss', kind: 'class' },
      { framework: 'keras', symbol: 'keras.losses.Tversky', kind: 'class' },
      { framework: 'keras', symbol: 'keras.losses.tversky', kind: 'function' },
    ],
    formula: 'L = \\Big(\\frac{1}{|C|}\\sum_c \\Big[1 - \\frac{\\mathrm{TP}_c + s}{\\max(\\mathrm{TP}_c + \\alpha\\,\\mathrm{FP}_c + \\beta\\,\\mathrm{FN}_c + s,\\ \\epsilon)}\\Big]\\Big)^{\\gamma}',
    formulaText: 'L = ( mean_c [ 1 − (TP + s) / max(TP + α·FP + β·FN + s, ε) ] )^γ',
    inputs: SMP_INPUTS,
    params: smpParams([
      num('alpha', 0.5, [0, 1], 'Weight of false positives.', '假阳性（FP）的权重。'),
      num('beta', 0.5, [0, 1], 'Weight of false negatives.', '假阴性（FN）的权重。'),
      num('gamma', 1.0, [0.1, 3], 'Exponent applied to the averaged loss (SMP); > 1 turns it into a focal-style loss.', '作用在平均损失上的指数（SMP）；大于 1 时变成 focal 风格的损失。'),
    ]),
    summary: {
      en: 'Generalizes Dice by weighting false positives and false negatives separately (α = β = 0.5 is Dice, α = β = 1 is Jaccard), so recall can be favoured over precision for small lesions.',
      zh: '通过分别加权假阳性与假阴性来推广 Dice（α = β = 0.5 即 Dice，α = β = 1 即 Jaccard），从而在小病灶分割中更偏重召回率而非精确率。',
    },
    whenToUse: {
      en: 'Highly imbalanced segmentation where missing foreground is worse than over-segmenting (e.g. lesions): set β > α, such as α = 0.3, β = 0.7.',
      zh: '高度不平衡、漏检前景比过度分割更糟的分割任务（如病灶）：令 β > α，例如 α = 0.3、β = 0.7。',
    },
    pitfalls: {
      en: "Conventions differ on which of α and β weights FP: in SMP, MONAI and Keras α weights FP and β FN, while some papers and code swap them. SMP's gamma is applied after averaging over classes, not per class.",
      zh: 'α、β 分别加权哪一项并不统一：SMP、MONAI、Keras 中 α 加权 FP、β 加权 FN，部分论文和代码则相反。SMP 的 gamma 作用在类别平均之后，而不是逐类别。',
    },
    frameworkNotes: {
      en: `${SMP_NOTE_EN} keras.losses.Tversky(alpha=0.5, beta=0.5) has no smooth term and computes over all axes.`,
      zh: `${SMP_NOTE_ZH} keras.losses.Tversky(alpha=0.5, beta=0.5) 没有平滑项，并在所有轴上计算。`,
    },
    paper: {
      authors: 'Seyed Sadegh Mohseni Salehi, Deniz Erdogmus, Ali Gholipour',
      year: 2017,
      title: 'Tversky loss function for image segmentation using 3D fully convolutional deep networks',
      url: 'https://arxiv.org/abs/1706.05721',
    },
    sources: [
      { label: 'segmentation_models_pytorch losses/tversky.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/tversky.py' },
      { label: 'segmentation_models_pytorch losses/_functional.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/_functional.py' },
      { label: 'MONAI monai/losses/tversky.py', version: '1.5.0', url: 'https://github.com/Project-MONAI/MONAI/blob/1.5.0/monai/losses/tversky.py' },
      { label: 'Keras keras/src/losses/losses.py', version: 'default branch, read 2026-12', url: 'https://github.com/keras-team/keras/blob/master/keras/src/losses/losses.py' },
      { label: 'paper (Salehi et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1706.05721' },
    ],
    related: ['dice-loss', 'focal-tversky-loss', 'jaccard-loss'],
    snippets: {
      torch:
        "import segmentation_models_pytorch as smp\nloss_fn = smp.losses.TverskyLoss(mode=${1|'binary','multiclass','multilabel'|}, alpha=${2:0.5}, beta=${3:0.5}, gamma=${4:1.0})\nloss = loss_fn(${5:y_pred}, ${6:y_true})",
      tf: 'loss_fn = keras.losses.Tversky(alpha=${1:0.5}, beta=${2:0.5})\nloss = loss_fn(${3:y_true}, ${4:y_pred})',
      scratch:
        "def tversky_loss(probs, target, alpha=${1:0.5}, beta=${2:0.5}, gamma=${3:1.0}, smooth=${4:0.0}, eps=${5:1e-7}):\n    # binary masks (N, 1, H, W); like smp, 0 when the target has no foreground pixel\n    tp = (probs * target).sum()\n    fp = (probs * (1 - target)).sum()\n    fn = ((1 - probs) * target).sum()\n    score = (tp + smooth) / (tp + alpha * fp + beta * fn + smooth).clamp_min(eps)\n    return (1 - score) ** gamma * (target.sum() > 0)",
    },
  },
  {
    id: 'focal-tversky-loss',
    names: { en: 'Focal Tversky Loss', zh: 'Focal Tversky 损失' },
    aliases: ['FTL', 'focal Tversky', 'Focal Tversky 损失'],
    category: 'segmentation',
    apis: [],
    formula: 'L = \\big(1 - \\mathrm{TI}\\big)^{\\gamma},\\quad \\mathrm{TI} = \\frac{\\mathrm{TP} + s}{\\mathrm{TP} + \\alpha\\,\\mathrm{FN} + (1-\\alpha)\\,\\mathrm{FP} + s}',
    formulaText: 'L = (1 − TI)^γ,  TI = (TP + s) / (TP + α·FN + (1 − α)·FP + s)',
    inputs: PROB_PAIR,
    params: [
      num('alpha', 0.7, [0, 1], 'Weight of false negatives (false positives get 1 − alpha).', '假阴性的权重（假阳性的权重为 1 − alpha）。'),
      num('gamma', 0.75, [0.25, 3], 'Exponent on 1 − TI; the paper writes it as 1/γ with γ = 4/3, the same 0.75.', '1 − TI 上的指数；论文写作 1/γ 且 γ = 4/3，即同一个 0.75。'),
      SMOOTH1,
    ],
    summary: {
      en: 'Raises the Tversky loss to a power below 1 so that, near a good segmentation, small remaining errors still give a strong gradient, focusing training on hard, small regions.',
      zh: '把 Tversky 损失取小于 1 的幂，使分割已较好时剩余的小误差仍能产生较强梯度，从而让训练聚焦于困难的小区域。',
    },
    whenToUse: {
      en: 'Small-lesion segmentation (e.g. skin lesions, breast ultrasound) where Dice or Tversky plateau early; the paper uses it with an attention U-Net and deep supervision.',
      zh: 'Dice 或 Tversky 过早停滞的小病灶分割（如皮肤病灶、乳腺超声）；论文结合注意力 U-Net 与深度监督使用。',
    },
    pitfalls: {
      en: 'With γ < 1 the gradient grows without bound as TI → 1 (the playground returns 0 at exactly TI = 1). Whether the exponent is γ or 1/γ differs between the paper, its code and SMP; check which one you pass.',
      zh: 'γ < 1 时随着 TI → 1 梯度会无限增大（Playground 在 TI 恰好为 1 时返回 0）。指数写作 γ 还是 1/γ 在论文、其代码和 SMP 之间并不一致，需确认传入的是哪一个。',
    },
    frameworkNotes: {
      en: "Follows the authors' Keras code (alpha=0.7, gamma=0.75, smooth=1, sums over the whole tensor). SMP's TverskyLoss(gamma=...) raises the class-averaged loss to gamma, where gamma > 1 corresponds to this paper's 1/γ.",
      zh: '遵循作者的 Keras 代码（alpha=0.7、gamma=0.75、smooth=1，在整个张量上求和）。SMP 的 TverskyLoss(gamma=...) 对类别平均后的损失取 gamma 次幂，其中 gamma > 1 对应本文的 1/γ。',
    },
    paper: {
      authors: 'Nabila Abraham, Naimul Mefraz Khan',
      year: 2019,
      title: 'A Novel Focal Tversky Loss Function with Improved Attention U-Net for Lesion Segmentation',
      url: 'https://arxiv.org/abs/1810.07842',
    },
    sources: [
      { label: 'focal-tversky-unet losses.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/nabsabraham/focal-tversky-unet/blob/master/losses.py' },
      { label: 'segmentation_models_pytorch losses/tversky.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/tversky.py' },
      { label: 'paper (Abraham & Khan 2019)', version: '2019', url: 'https://arxiv.org/abs/1810.07842' },
    ],
    related: ['tversky-loss', 'dice-loss', 'focal-loss'],
    snippets: {
      scratch:
        'def focal_tversky_loss(y_true, y_pred, alpha=${1:0.7}, gamma=${2:0.75}, smooth=${3:1.0}):\n    t, p = y_true.flatten(), y_pred.flatten()\n    tp = (t * p).sum()\n    fn = (t * (1 - p)).sum()\n    fp = ((1 - t) * p).sum()\n    ti = (tp + smooth) / (tp + alpha * fn + (1 - alpha) * fp + smooth)\n    return (1 - ti) ** gamma',
      tf: 'def focal_tversky_loss(y_true, y_pred, alpha=${1:0.7}, gamma=${2:0.75}, smooth=${3:1.0}):\n    t = tf.reshape(y_true, [-1])\n    p = tf.reshape(y_pred, [-1])\n    tp = tf.reduce_sum(t * p)\n    fn = tf.reduce_sum(t * (1 - p))\n    fp = tf.reduce_sum((1 - t) * p)\n    ti = (tp + smooth) / (tp + alpha * fn + (1 - alpha) * fp + smooth)\n    return tf.pow(1 - ti, gamma)',
    },
  },
  {
    id: 'generalized-dice-loss',
    names: { en: 'Generalized Dice Loss', zh: '广义 Dice 损失（GDL）' },
    aliases: ['GDL', 'generalised Dice', 'GeneralizedDiceLoss', '广义 Dice'],
    category: 'segmentation',
    apis: [
      { framework: 'other', symbol: 'monai.losses.GeneralizedDiceLoss', kind: 'class' },
      { framework: 'optax', symbol: 'optax.losses.multiclass_generalized_dice_loss', kind: 'function' },
    ],
    formula: 'L = 1 - \\frac{2\\sum_c w_c \\sum_i p_{ic} t_{ic} + s_{nr}}{\\sum_c w_c \\sum_i (p_{ic} + t_{ic}) + s_{dr}},\\quad w_c = \\frac{1}{(\\sum_i t_{ic})^2}',
    formulaText: 'L = 1 − (2 Σ_c w_c Σᵢ pᵢc tᵢc + s_nr) / (Σ_c w_c Σᵢ (pᵢc + tᵢc) + s_dr),  w_c = 1 / (Σᵢ tᵢc)²',
    inputs: [
      { name: 'input', meaning: { en: 'Prediction: probabilities, or logits with sigmoid/softmax enabled.', zh: '预测：概率，或开启 sigmoid/softmax 时的 logits。' }, shape: '(B, C, H, W) or (B, C, ...)', domain: { en: 'probabilities, or real logits', zh: '概率或实数 logits' } },
      { name: 'target', meaning: { en: 'One-hot ground truth with the same shape.', zh: '与 input 同形状的 one-hot 真实标签。' }, shape: 'same as input', domain: { en: '{0, 1} one-hot', zh: '{0, 1} one-hot 编码' } },
    ],
    params: [
      bool('include_background', true, 'Keep channel 0 (background) in the sum.', '在求和中保留第 0 通道（背景）。'),
      bool('sigmoid', false, 'Apply a sigmoid to input first.', '先对 input 做 sigmoid。'),
      bool('softmax', false, 'Apply a softmax over channels first.', '先在通道维上做 softmax。'),
      { name: 'w_type', type: 'enum', default: 'square', options: ['square', 'simple', 'uniform'], meaning: { en: "Class weight from the target volume: 1/V² ('square'), 1/V ('simple') or 1 ('uniform').", zh: "由目标体积得到类别权重：1/V²（'square'）、1/V（'simple'）或 1（'uniform'）。" } },
      REDUCTION,
      num('smooth_nr', 1e-5, [0, 1], 'Added to the numerator.', '加在分子上的平滑项。'),
      num('smooth_dr', 1e-5, [0, 1], 'Added to the denominator.', '加在分母上的平滑项。'),
      bool('batch', false, 'Pool the sums over the batch before computing one score (instead of one per image).', '先在整个批上汇总再计算一个分数（而不是每张图一个）。'),
    ],
    summary: {
      en: 'A multi-class Dice in which each class is weighted by the inverse square of its ground-truth volume, so rare classes count as much as large ones in a single ratio.',
      zh: '多类别 Dice，每个类别按其真实体积平方的倒数加权，使稀有类别在同一个比值中与大类别同等重要。',
    },
    whenToUse: {
      en: 'Multi-class segmentation with very unbalanced class volumes, e.g. brain tumour sub-regions or small organs.',
      zh: '类别体积极不平衡的多类别分割，例如脑肿瘤子区域或小器官。',
    },
    pitfalls: {
      en: 'A class absent from an image has infinite weight; MONAI replaces it by the largest finite weight of that image, which can make empty classes dominate. Weights come from the target only and carry no gradient.',
      zh: '图像中缺失的类别权重为无穷大；MONAI 用该图像中最大的有限权重替代，这可能让空类别占主导。权重只来自目标，不参与求导。',
    },
    frameworkNotes: {
      en: "Follows MONAI's GeneralizedDiceLoss (include_background=True, sigmoid=False, softmax=False, w_type='square', reduction='mean', smooth_nr=1e-5, smooth_dr=1e-5, batch=False); to_onehot_y is not supported in the playground, pass a one-hot target. reduction='none' returns shape (B, 1, ...). optax.losses.multiclass_generalized_dice_loss(predictions, targets, smooth=1.0, apply_softmax=True) (optax ≥ 0.2.6) takes channels-last logits.",
      zh: "遵循 MONAI 的 GeneralizedDiceLoss（include_background=True、sigmoid=False、softmax=False、w_type='square'、reduction='mean'、smooth_nr=1e-5、smooth_dr=1e-5、batch=False）；Playground 不支持 to_onehot_y，需传入 one-hot 目标。reduction='none' 返回形状 (B, 1, ...)。optax.losses.multiclass_generalized_dice_loss(predictions, targets, smooth=1.0, apply_softmax=True)（optax ≥ 0.2.6）接收通道在最后一维的 logits。",
    },
    paper: {
      authors: 'Carole H. Sudre, Wenqi Li, Tom Vercauteren, Sébastien Ourselin, M. Jorge Cardoso',
      year: 2017,
      title: 'Generalised Dice overlap as a deep learning loss function for highly unbalanced segmentations',
      url: 'https://arxiv.org/abs/1707.03237',
    },
    sources: [
      { label: 'MONAI monai/losses/dice.py', version: '1.5.0', url: 'https://github.com/Project-MONAI/MONAI/blob/1.5.0/monai/losses/dice.py' },
      { label: 'optax optax/losses/_segmentation.py', version: 'v0.2.8', url: 'https://github.com/google-deepmind/optax/blob/v0.2.8/optax/losses/_segmentation.py' },
      { label: 'paper (Sudre et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1707.03237' },
    ],
    related: ['dice-loss', 'tversky-loss', 'cross-entropy'],
    snippets: {
      torch: "from monai.losses import GeneralizedDiceLoss\nloss_fn = GeneralizedDiceLoss(softmax=${1|True,False|}, w_type=${2|'square','simple','uniform'|})\nloss = loss_fn(${3:input}, ${4:target})",
      jax: 'loss = optax.losses.multiclass_generalized_dice_loss(${1:logits}, ${2:onehot_targets}).mean()',
      scratch:
        "def generalized_dice_loss(probs, onehot, smooth_nr=${1:1e-5}, smooth_dr=${2:1e-5}):\n    # probs, onehot: (B, C, ...); w_type='square', batch=False, mean over the batch\n    dims = tuple(range(2, probs.dim()))\n    w = 1.0 / onehot.sum(dims).pow(2)\n    absent = torch.isinf(w)  # a class absent from the image takes the largest weight of the others (as MONAI)\n    w = w.masked_fill(absent, 0.0)\n    w = w + absent * w.max(dim=1, keepdim=True).values\n    inter = (probs * onehot).sum(dims)\n    denom = (probs + onehot).sum(dims)\n    return (1 - (2 * (w * inter).sum(1) + smooth_nr) / ((w * denom).sum(1) + smooth_dr)).mean()",
      tf: 'def generalized_dice_loss(y_true, y_pred, eps=${1:1e-5}):\n    axes = list(range(1, len(y_pred.shape) - 1))\n    vol = tf.reduce_sum(y_true, axes)\n    w = tf.math.divide_no_nan(1.0, tf.square(vol))\n    inter = tf.reduce_sum(y_true * y_pred, axes)\n    denom = tf.reduce_sum(y_true + y_pred, axes)\n    return tf.reduce_mean(1 - (2 * tf.reduce_sum(w * inter, -1) + eps) / (tf.reduce_sum(w * denom, -1) + eps))',
    },
  },
  {
    id: 'lovasz-hinge-loss',
    names: { en: 'Lovász Hinge Loss (binary)', zh: 'Lovász Hinge 损失（二分类）' },
    aliases: ['Lovasz hinge', 'lovasz_hinge', 'binary Lovasz loss', 'Lovász 合页损失'],
    category: 'segmentation',
    apis: [{ framework: 'other', symbol: 'lovasz_losses.lovasz_hinge', kind: 'function' }],
    formula: 'L = \\overline{\\Delta_J}\\big(\\max(m, 0)\\big) = \\sum_{k=1}^{p} \\max(m_{\\pi_k}, 0)\\, g_k,\\quad m_i = 1 - F_i\\, y_i^{\\pm},\\quad g_k = \\Delta_J(\\{\\pi_1..\\pi_k\\}) - \\Delta_J(\\{\\pi_1..\\pi_{k-1}\\})',
    formulaText: 'L = Σₖ max(m_πₖ, 0)·gₖ,  mᵢ = 1 − Fᵢ·yᵢ(±1),  π sorts m decreasingly,  gₖ = Δ_J({π₁..πₖ}) − Δ_J({π₁..πₖ₋₁})',
    inputs: [
      { name: 'logits', meaning: { en: 'Raw scores per pixel (no sigmoid).', zh: '每个像素的原始分数（不经过 sigmoid）。' }, shape: '(B, H, W)', domain: { en: 'real logits', zh: '实数 logits' } },
      { name: 'labels', meaning: { en: 'Binary ground-truth mask.', zh: '二值真实掩码。' }, shape: '(B, H, W)', domain: { en: '{0, 1}; the ignore value is skipped', zh: '{0, 1}；ignore 值被跳过' }, integer: true },
    ],
    params: [
      bool('per_image', true, 'Compute the loss per image and average (True), or over the whole batch as one set (False).', '逐图像计算再平均（True），或把整个批视为一个集合计算（False）。'),
      { name: 'ignore', type: 'integer', default: null, meaning: { en: 'Label value of void pixels, removed before the loss.', zh: '空白（void）像素的标签值，计算前移除。' } },
    ],
    summary: {
      en: 'A convex, piecewise-linear surrogate of the Jaccard (IoU) loss for binary segmentation: hinge errors 1 − F·y are sorted, and each is weighted by how much the Jaccard loss grows when that pixel joins the set of mistakes (the Lovász extension).',
      zh: '二分类分割中 Jaccard（IoU）损失的凸、分段线性替代：把合页误差 1 − F·y 排序，每个误差乘以该像素加入错误集合时 Jaccard 损失的增量（即 Lovász 扩展）。',
    },
    whenToUse: {
      en: 'Binary segmentation scored by IoU (building footprints, salt bodies, lesions), often as a fine-tuning loss after BCE, since it optimizes the metric more directly.',
      zh: '以 IoU 评价的二分类分割（建筑轮廓、盐体、病灶），由于它更直接地优化指标，常在 BCE 之后用于微调。',
    },
    pitfalls: {
      en: "Per-image averaging (the reference default) and batch-level computation (SMP's default per_image=False) give different values. The gradient only reaches pixels with a positive hinge error; training from scratch with it alone can be slow.",
      zh: '逐图像平均（参考实现默认）与整批计算（SMP 默认 per_image=False）结果不同。梯度只传到合页误差为正的像素；单独用它从零训练可能较慢。',
    },
    frameworkNotes: {
      en: "Follows Berman's lovasz_losses.lovasz_hinge(logits, labels, per_image=True, ignore=None). segmentation_models_pytorch.losses.LovaszLoss(mode='binary') calls the same function with per_image=False (see the lovasz-softmax-loss entry for that symbol).",
      zh: "遵循 Berman 的 lovasz_losses.lovasz_hinge(logits, labels, per_image=True, ignore=None)。segmentation_models_pytorch.losses.LovaszLoss(mode='binary') 调用同一函数，但 per_image=False（该符号见 lovasz-softmax-loss 条目）。",
    },
    paper: {
      authors: 'Maxim Berman, Amal Rannen Triki, Matthew B. Blaschko',
      year: 2018,
      title: 'The Lovász-Softmax loss: A tractable surrogate for the optimization of the intersection-over-union measure in neural networks',
      url: 'https://arxiv.org/abs/1705.08790',
    },
    sources: [
      { label: 'LovaszSoftmax pytorch/lovasz_losses.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/bermanmaxim/LovaszSoftmax/blob/master/pytorch/lovasz_losses.py' },
      { label: 'segmentation_models_pytorch losses/lovasz.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/lovasz.py' },
      { label: 'paper (Berman et al. 2018)', version: '2018', url: 'https://arxiv.org/abs/1705.08790' },
    ],
    related: ['lovasz-extension', 'lovasz-softmax-loss', 'jaccard-loss', 'bce-with-logits'],
    snippets: {
      scratch:
        "def lovasz_grad(gt_sorted):\n    gts = gt_sorted.sum()\n    inter = gts - gt_sorted.cumsum(0)\n    union = gts + (1 - gt_sorted).cumsum(0)\n    jac = 1 - inter / union\n    jac[1:] = jac[1:] - jac[:-1]\n    return jac\n\ndef lovasz_hinge_flat(logits, labels):\n    signs = 2 * labels.to(logits.dtype) - 1\n    errors = 1 - logits * signs\n    errors_sorted, perm = torch.sort(errors, descending=True)\n    return torch.dot(F.relu(errors_sorted), lovasz_grad(labels[perm].to(logits.dtype)))\n\ndef lovasz_hinge(logits, labels, per_image=${1|True,False|}):\n    # logits, labels: (B, H, W)\n    if per_image:\n        return torch.stack([lovasz_hinge_flat(x.flatten(), y.flatten()) for x, y in zip(logits, labels)]).mean()\n    return lovasz_hinge_flat(logits.flatten(), labels.flatten())",
      torch: "import segmentation_models_pytorch as smp\nloss_fn = smp.losses.LovaszLoss(mode='binary', per_image=${1|False,True|})\nloss = loss_fn(${2:logits}, ${3:labels})",
      tf: 'def lovasz_hinge_flat(logits, labels):\n    signs = 2.0 * labels - 1.0\n    errors = 1.0 - logits * signs\n    errors_sorted, perm = tf.nn.top_k(errors, k=tf.shape(errors)[0])\n    gt_sorted = tf.gather(labels, perm)\n    gts = tf.reduce_sum(gt_sorted)\n    jac = 1.0 - (gts - tf.cumsum(gt_sorted)) / (gts + tf.cumsum(1.0 - gt_sorted))\n    grad = tf.concat([jac[:1], jac[1:] - jac[:-1]], 0)\n    return tf.tensordot(tf.nn.relu(errors_sorted), tf.stop_gradient(grad), 1)',
    },
  },
  {
    id: 'lovasz-softmax-loss',
    names: { en: 'Lovász-Softmax Loss (multi-class)', zh: 'Lovász-Softmax 损失（多类别）' },
    aliases: ['Lovasz softmax', 'Lovasz loss', 'LovaszLoss', 'lovasz_softmax', 'Lovász extension loss', 'Lovász 损失', 'Lovász 扩展'],
    category: 'segmentation',
    apis: [
      { framework: 'other', symbol: 'lovasz_losses.lovasz_softmax', kind: 'function' },
      { framework: 'smp', symbol: 'segmentation_models_pytorch.losses.LovaszLoss', kind: 'class' },
    ],
    formula:
      'L = \\frac{1}{|C|}\\sum_{c \\in C} \\overline{\\Delta_{J_c}}\\big(m(c)\\big),\\quad m_i(c) = \\begin{cases} 1 - f_i(c) & c = y_i^{*} \\\\ f_i(c) & \\text{otherwise} \\end{cases},\\quad \\overline{\\Delta}(m) = \\sum_{k=1}^{p} m_{\\pi_k}\\, g_k(m)',
    formulaText: 'L = (1/|C|) Σ_c Δ̄_Jc(m(c)),  mᵢ(c) = 1 − fᵢ(c) if c = yᵢ* else fᵢ(c),  Δ̄(m) = Σₖ m_πₖ · gₖ(m)  (π sorts m decreasingly)',
    inputs: [
      { name: 'probas', meaning: { en: 'Softmax probabilities per pixel and class.', zh: '每个像素、每个类别的 softmax 概率。' }, shape: '(B, C, H, W)', domain: { en: 'probabilities in [0, 1]', zh: '[0, 1] 内的概率' } },
      { name: 'labels', meaning: { en: 'Ground-truth class of each pixel.', zh: '每个像素的真实类别。' }, shape: '(B, H, W)', domain: { en: 'class indices in [0, C); the ignore value is skipped', zh: '[0, C) 内的类别索引；ignore 值被跳过' }, integer: true },
    ],
    params: [
      { name: 'classes', type: 'enum', default: 'present', options: ['present', 'all'], meaning: { en: "Average over the classes present in labels ('present') or over all C ('all').", zh: "在标签中出现的类别上平均（'present'），或在全部 C 个类别上平均（'all'）。" } },
      bool('per_image', false, 'Compute per image and average, instead of over the whole batch.', '逐图像计算再平均，而不是在整个批上计算。'),
      { name: 'ignore', type: 'integer', default: null, meaning: { en: 'Label value of void pixels, removed before the loss.', zh: '空白（void）像素的标签值，计算前移除。' } },
    ],
    summary: {
      en: "Optimizes the mean IoU directly. The Jaccard loss Δ_J = 1 − IoU is a set function of the mispredicted pixels M_c; it is submodular (Δ(A) + Δ(B) ≥ Δ(A∪B) + Δ(A∩B)), so its Lovász extension is convex and piecewise linear: sort the pixel errors m_i(c) in decreasing order, and weight each by g_k, the increase of Δ_J when the k-th worst pixel joins the error set. That extension is differentiable almost everywhere with gradient g(m), and equals Δ_J on binary error vectors. Here the errors are the softmax probabilities' distance to the one-hot truth, averaged over classes like mIoU.",
      zh: '直接优化平均 IoU。Jaccard 损失 Δ_J = 1 − IoU 是错分像素集合 M_c 的集合函数，且具有次模性（submodular，Δ(A) + Δ(B) ≥ Δ(A∪B) + Δ(A∩B)），因此其 Lovász 扩展（Lovász extension）是凸的分段线性函数：把像素误差 m_i(c) 降序排列，每个误差乘以 g_k，即第 k 个最差像素加入错误集合时 Δ_J 的增量。该扩展几乎处处可导，梯度就是 g(m)，并在二值误差向量上与 Δ_J 相等。这里的误差是 softmax 概率与 one-hot 真值的距离，并像 mIoU 那样对类别取平均。',
    },
    whenToUse: {
      en: 'Multi-class semantic segmentation evaluated by mIoU (Cityscapes, Pascal VOC); usually fine-tuning after cross-entropy, or summed with it.',
      zh: '以 mIoU 评价的多类别语义分割（Cityscapes、Pascal VOC）；通常在交叉熵之后微调，或与交叉熵相加。',
    },
    pitfalls: {
      en: "The batch-level loss (default) and per-image loss optimize different IoUs; use per_image only if the metric is per image. 'present' skips classes absent from the batch, which is what mIoU does. Each class needs a sort of all pixels, O(p log p). The playground takes probabilities; SMP's LovaszLoss(mode='multiclass') takes logits and applies the softmax itself.",
      zh: "批级损失（默认）与逐图像损失优化的是不同的 IoU；只有评价指标按图像计算时才用 per_image。'present' 会跳过批中不存在的类别，与 mIoU 的做法一致。每个类别都要对全部像素排序，复杂度 O(p log p)。Playground 输入概率；SMP 的 LovaszLoss(mode='multiclass') 输入 logits 并自行做 softmax。",
    },
    frameworkNotes: {
      en: "Follows Berman's lovasz_losses.lovasz_softmax(probas, labels, classes='present', per_image=False, ignore=None) in PyTorch; the gradient of the sorted-error dot product is the Lovász gradient g scattered back to each pixel. segmentation_models_pytorch.losses.LovaszLoss(mode, per_image=False, ignore_index=None, from_logits=True) wraps the same code: mode='multiclass' = softmax + lovasz_softmax, mode='binary'/'multilabel' = lovasz_hinge.",
      zh: "遵循 Berman 的 PyTorch 实现 lovasz_losses.lovasz_softmax(probas, labels, classes='present', per_image=False, ignore=None)；排序误差点积的梯度就是把 Lovász 梯度 g 分配回各像素。segmentation_models_pytorch.losses.LovaszLoss(mode, per_image=False, ignore_index=None, from_logits=True) 封装了同一代码：mode='multiclass' 为 softmax + lovasz_softmax，mode='binary'/'multilabel' 为 lovasz_hinge。",
    },
    paper: {
      authors: 'Maxim Berman, Amal Rannen Triki, Matthew B. Blaschko',
      year: 2018,
      title: 'The Lovász-Softmax loss: A tractable surrogate for the optimization of the intersection-over-union measure in neural networks',
      url: 'https://arxiv.org/abs/1705.08790',
    },
    sources: [
      { label: 'LovaszSoftmax pytorch/lovasz_losses.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/bermanmaxim/LovaszSoftmax/blob/master/pytorch/lovasz_losses.py' },
      { label: 'segmentation_models_pytorch losses/lovasz.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/lovasz.py' },
      { label: 'paper (Berman et al. 2018)', version: '2018', url: 'https://arxiv.org/abs/1705.08790' },
    ],
    related: ['lovasz-extension', 'lovasz-hinge-loss', 'jaccard-loss', 'cross-entropy', 'dice-loss'],
    snippets: {
      torch: "import segmentation_models_pytorch as smp\nloss_fn = smp.losses.LovaszLoss(mode='multiclass', per_image=${1|False,True|})\nloss = loss_fn(${2:logits}, ${3:labels})",
      scratch:
        "def lovasz_softmax_flat(probas, labels):\n    # probas: (P, C) class probabilities; labels: (P,); averages over the classes present\n    losses = []\n    for c in labels.unique():\n        fg = (labels == c).to(probas.dtype)\n        errors = (fg - probas[:, c]).abs()\n        errors_sorted, perm = torch.sort(errors, descending=True)\n        fg_sorted = fg[perm]\n        gts = fg_sorted.sum()\n        jac = 1 - (gts - fg_sorted.cumsum(0)) / (gts + (1 - fg_sorted).cumsum(0))\n        jac[1:] = jac[1:] - jac[:-1]\n        losses.append(torch.dot(errors_sorted, jac))\n    return torch.stack(losses).mean()\n\ndef lovasz_softmax(probas, labels, per_image=${1|False,True|}):\n    # probas: (B, C, H, W) softmax output; labels: (B, H, W)\n    flat = lambda p, y: (p.movedim(1, -1).reshape(-1, p.shape[1]), y.flatten())\n    if per_image:\n        return torch.stack([lovasz_softmax_flat(*flat(p[None], y[None])) for p, y in zip(probas, labels)]).mean()\n    return lovasz_softmax_flat(*flat(probas, labels))",
      tf: 'def lovasz_softmax_flat(probas, labels, num_classes):\n    losses = []\n    for c in range(num_classes):\n        fg = tf.cast(tf.equal(labels, c), probas.dtype)\n        errors = tf.abs(fg - probas[:, c])\n        errors_sorted, perm = tf.nn.top_k(errors, k=tf.shape(errors)[0])\n        fg_sorted = tf.gather(fg, perm)\n        gts = tf.reduce_sum(fg_sorted)\n        jac = 1.0 - (gts - tf.cumsum(fg_sorted)) / (gts + tf.cumsum(1.0 - fg_sorted))\n        grad = tf.concat([jac[:1], jac[1:] - jac[:-1]], 0)\n        losses.append(tf.tensordot(errors_sorted, tf.stop_gradient(grad), 1))\n    return tf.reduce_mean(tf.stack(losses))',
    },
  },
  {
    id: 'boundary-loss',
    names: { en: 'Boundary Loss (surface loss)', zh: '边界损失（Boundary / Surface Loss）' },
    aliases: ['surface loss', 'SurfaceLoss', 'boundary loss', 'distance map loss', '边界距离损失', '表面损失'],
    category: 'segmentation',
    apis: [],
    formula: 'L_B = \\frac{1}{B\\,|K|\\,|\\Omega|}\\sum_{b}\\sum_{k \\in K}\\sum_{q \\in \\Omega} \\phi_{G}^{k}(q)\\, s_\\theta^{k}(q)',
    formulaText: 'L_B = mean over batch, selected classes k and pixels q of φ_G(q)·s_θ(q)',
    inputs: [
      { name: 'probs', meaning: { en: 'Softmax probabilities of the network.', zh: '网络输出的 softmax 概率。' }, shape: '(B, K, H, W) or (B, K, ...)', domain: { en: 'probabilities summing to 1 over dim 1', zh: '在第 1 维上和为 1 的概率' } },
      { name: 'dist_maps', meaning: { en: 'Signed distance map of each ground-truth class boundary: negative inside the object, positive outside (precomputed from the labels).', zh: '每个真实类别边界的有符号距离图：物体内部为负、外部为正（由标签预先计算）。' }, shape: 'same as probs', domain: { en: 'real numbers (pixels of distance)', zh: '实数（以像素为单位的距离）' } },
    ],
    params: [{ name: 'idc', type: 'tensor', default: null, meaning: { en: 'Class indices the loss is applied to (the reference code usually uses [1], the foreground); default all classes.', zh: '施加损失的类别索引（参考代码通常用 [1]，即前景）；默认全部类别。' } }],
    summary: {
      en: 'An integral over the boundary mismatch written as a regional sum: each pixel\'s predicted probability is multiplied by its signed distance to the true boundary, so probability mass far outside the object costs a lot and mass inside lowers the loss.',
      zh: '把边界不匹配的积分写成区域求和：每个像素的预测概率乘以它到真实边界的有符号距离，因此远离物体外部的概率代价很大，而物体内部的概率会降低损失。',
    },
    whenToUse: {
      en: 'Highly unbalanced segmentation (small lesions, thin structures) as a complement to a regional loss such as generalized Dice, with a weight that increases during training.',
      zh: '高度不平衡的分割（小病灶、细长结构），作为广义 Dice 等区域损失的补充，其权重在训练中逐渐增大。',
    },
    pitfalls: {
      en: 'Alone it has a trivial minimum (predict the object where φ < 0 only) and gives unstable training; combine it with a regional loss. The value can be negative. Distance maps must be precomputed with the right sign convention (e.g. scipy distance_transform_edt on the mask and its complement).',
      zh: '单独使用时存在平凡最优解（只在 φ < 0 处预测目标）且训练不稳定，需与区域损失结合。损失值可以为负。距离图需按正确的符号约定预先计算（例如对掩码及其补集使用 scipy 的 distance_transform_edt）。',
    },
    frameworkNotes: {
      en: "Follows the authors' SurfaceLoss: einsum of probs and dist_maps over the selected classes idc, then a plain mean. No major framework ships it. The gradient with respect to probs is the distance map divided by the number of terms.",
      zh: '遵循作者的 SurfaceLoss：对选定类别 idc 上的 probs 与 dist_maps 逐元素相乘，再直接求平均。主流框架都没有内置。对 probs 的梯度就是距离图除以项数。',
    },
    paper: {
      authors: 'Hoel Kervadec, Jihene Bouchtiba, Christian Desrosiers, Eric Granger, Jose Dolz, Ismail Ben Ayed',
      year: 2019,
      title: 'Boundary loss for highly unbalanced segmentation',
      url: 'https://arxiv.org/abs/1812.07032',
    },
    sources: [
      { label: 'boundary-loss losses.py (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/LIVIAETS/boundary-loss/blob/master/losses.py' },
      { label: 'paper (Kervadec et al. 2019)', version: '2019', url: 'https://arxiv.org/abs/1812.07032' },
    ],
    related: ['generalized-dice-loss', 'dice-loss'],
    snippets: {
      scratch:
        'def boundary_loss(probs, dist_maps, idc=${1:[1]}):\n    return (probs[:, idc] * dist_maps[:, idc]).mean()',
      tf: 'def boundary_loss(probs, dist_maps, idc=${1:[1]}):\n    p = tf.gather(probs, idc, axis=-1)\n    d = tf.gather(dist_maps, idc, axis=-1)\n    return tf.reduce_mean(p * d)',
    },
  },
  {
    id: 'hausdorff-dt-loss',
    names: { en: 'Hausdorff Distance Loss (distance transform)', zh: 'Hausdorff 距离损失（距离变换）' },
    aliases: ['HD loss', 'HausdorffDTLoss', 'Hausdorff loss', 'Hausdorff 损失', '豪斯多夫距离损失'],
    category: 'segmentation',
    apis: [],
    formula: 'L = \\frac{1}{|\\Omega|}\\sum_{\\Omega} (p - g)^2 \\circ \\big(d_p^{\\alpha} + d_g^{\\alpha}\\big)',
    formulaText: 'L = mean over pixels of (p − g)² · (d_p^α + d_g^α),  d = distance to the nearest pixel of the other class',
    inputs: [
      { name: 'pred', meaning: { en: 'Predicted foreground probabilities (after a sigmoid).', zh: '预测的前景概率（sigmoid 之后）。' }, shape: '(B, 1, H, W) or (B, 1, D, H, W)', domain: { en: 'probabilities in [0, 1]', zh: '[0, 1] 内的概率' } },
      { name: 'target', meaning: { en: 'Binary ground-truth mask.', zh: '二值真实掩码。' }, shape: 'same as pred', domain: { en: '{0, 1}', zh: '取值 {0, 1}' } },
    ],
    params: [num('alpha', 2.0, [0, 4], 'Exponent α on the distance maps; larger values focus on the farthest errors.', '距离图上的指数 α；越大越关注最远处的错误。')],
    summary: {
      en: 'Approximates the Hausdorff distance between predicted and true boundaries by weighting each pixel\'s squared error with its distance to the nearest boundary of the prediction and of the ground truth, so errors far from any boundary cost most.',
      zh: '用每个像素到预测边界和真实边界的距离加权其平方误差，以近似预测边界与真实边界之间的 Hausdorff 距离，离边界越远的错误代价越大。',
    },
    whenToUse: {
      en: 'Medical segmentation evaluated by the Hausdorff distance (HD95), where a few far-away false positives matter; usually added to a Dice loss with a weight that grows during training.',
      zh: '以 Hausdorff 距离（HD95）评价的医学图像分割，少量远处的假阳性影响很大；通常与 Dice 损失相加，并在训练中逐步增大其权重。',
    },
    pitfalls: {
      en: 'The distance maps come from thresholded masks (> 0.5) and carry no gradient. Computing them every step is costly (CPU distance transforms in the reference; brute force here, fine only for small playground inputs). An image predicted as foreground everywhere has no boundary to measure to.',
      zh: '距离图由阈值化（> 0.5）后的掩码得到，不参与求导。每步都要重新计算，开销较大（参考实现在 CPU 上做距离变换；这里用暴力算法，只适合 Playground 中的小输入）。整张图都被预测为前景时没有可测量的边界。',
    },
    frameworkNotes: {
      en: 'The playground follows the HausdorffDTLoss(alpha=2.0) of the SegLoss collection: scipy distance_transform_edt of the mask and of its complement, summed, for prediction and target, then the mean of (p − g)² times d_p^α + d_g^α. MONAI (1.3 and later) ships the same loss as monai.losses.HausdorffDTLoss(alpha=2.0, include_background=False, sigmoid=False, softmax=False, reduction=\'mean\', batch=False): it averages per image and channel (the same value for one channel) and leaves the distance field at 0 for an all-foreground or all-background mask.',
      zh: 'Playground 遵循 SegLoss 合集中的 HausdorffDTLoss(alpha=2.0)：对预测和目标分别计算掩码及其补集的 scipy distance_transform_edt 并相加，再对 (p − g)² 乘以 d_p^α + d_g^α 求平均。MONAI（1.3 及以后）以 monai.losses.HausdorffDTLoss(alpha=2.0, include_background=False, sigmoid=False, softmax=False, reduction=\'mean\', batch=False) 提供同一损失：按图像和通道分别求平均（单通道时数值相同），掩码全为前景或全为背景时距离场取 0。',
    },
    paper: {
      authors: 'Davood Karimi, Septimiu E. Salcudean',
      year: 2019,
      title: 'Reducing the Hausdorff Distance in Medical Image Segmentation with Convolutional Neural Networks',
      url: 'https://arxiv.org/abs/1904.10030',
    },
    sources: [
      { label: 'MONAI monai/losses/hausdorff_loss.py', version: '1.5.0', url: 'https://github.com/Project-MONAI/MONAI/blob/1.5.0/monai/losses/hausdorff_loss.py' },
      { label: 'SegLoss collection (JunMa11/SegLoss)', version: 'default branch, read 2026-12', url: 'https://github.com/JunMa11/SegLoss' },
      { label: 'paper (Karimi & Salcudean 2019)', version: '2019', url: 'https://arxiv.org/abs/1904.10030' },
    ],
    related: ['boundary-loss', 'dice-loss'],
    snippets: {
      scratch:
        'from scipy.ndimage import distance_transform_edt\n\ndef distance_field(mask):\n    out = np.zeros_like(mask, dtype=np.float64)\n    for b in range(len(mask)):\n        fg = mask[b] > 0.5\n        if fg.any():\n            out[b] = distance_transform_edt(fg) + distance_transform_edt(~fg)\n    return out\n\ndef hausdorff_dt_loss(pred, target, alpha=${1:2.0}):\n    with torch.no_grad():\n        d = torch.from_numpy(distance_field(pred.cpu().numpy()) ** alpha + distance_field(target.cpu().numpy()) ** alpha).to(pred)\n    return ((pred - target) ** 2 * d).mean()',
      tf: 'def hausdorff_dt_loss(pred, target, dist_pred, dist_target, alpha=${1:2.0}):\n    # dist_* are precomputed distance fields (e.g. scipy distance_transform_edt)\n    return tf.reduce_mean(tf.square(pred - target) * (dist_pred ** alpha + dist_target ** alpha))',
    },
  },
  {
    id: 'combo-loss',
    names: { en: 'Combo Loss (weighted BCE + Dice)', zh: '组合损失（Combo Loss：加权 BCE + Dice）' },
    aliases: ['Combo loss', 'Dice + BCE', 'BCE Dice loss', 'DiceBCE', '组合损失', 'Dice 与交叉熵组合'],
    category: 'segmentation',
    apis: [],
    formula: 'L = \\alpha\\Big(-\\frac{1}{N}\\sum_i \\beta\\, t_i \\ln p_i + (1-\\beta)(1 - t_i)\\ln(1 - p_i)\\Big) - (1 - \\alpha)\\,\\frac{2\\sum_i p_i t_i + s}{\\sum_i p_i + \\sum_i t_i + s}',
    formulaText: 'L = α·(−(1/N) Σ [β t ln p + (1 − β)(1 − t) ln(1 − p)]) − (1 − α)·Dice',
    inputs: PROB_PAIR,
    params: [
      num('alpha', 0.5, [0, 1], 'Share of the weighted cross-entropy term; the Dice term gets 1 − alpha.', '加权交叉熵项所占比例；Dice 项占 1 − alpha。'),
      num('beta', 0.5, [0, 1], 'Weight of the positive (false-negative) term inside the cross-entropy; below 0.5 penalizes false positives more.', '交叉熵中正类（假阴性）项的权重；小于 0.5 时更惩罚假阳性。'),
      SMOOTH1,
      num('eps', 1e-7, [0, 0.01], 'Probabilities are clipped to [eps, 1 − eps] inside the logarithms.', '对数中的概率被截断到 [eps, 1 − eps]。'),
    ],
    summary: {
      en: 'A weighted sum of a class-weighted binary cross-entropy (for smooth, pixel-level gradients) and the negative Dice coefficient (for the region overlap), to handle both input and output imbalance.',
      zh: '类别加权的二元交叉熵（提供平滑的像素级梯度）与负 Dice 系数（衡量区域重叠）的加权和，用来同时应对输入和输出的不平衡。',
    },
    whenToUse: {
      en: 'Multi-organ and lesion segmentation where Dice alone trains unstably and BCE alone under-segments small structures; the common "Dice + BCE" recipe is a special case.',
      zh: 'Dice 单独训练不稳定、BCE 单独又会对小结构分割不足的多器官与病灶分割；常见的“Dice + BCE”配方是它的特例。',
    },
    pitfalls: {
      en: 'The value can be negative (it subtracts the Dice score), so do not read it as an error rate. Clipping zeroes the gradient of the cross-entropy for probabilities outside [eps, 1 − eps]. Many "combo" implementations differ in where α and β go.',
      zh: '由于减去了 Dice 分数，损失可以为负，不能当作错误率理解。截断使概率在 [eps, 1 − eps] 之外时交叉熵的梯度为 0。许多 “combo” 实现中 α、β 的位置各不相同。',
    },
    frameworkNotes: {
      en: 'No framework built-in; the playground follows the paper with sums over the whole tensor. A plain sum of BCE and Dice loss is smp.losses.DiceLoss plus smp.losses.SoftBCEWithLogitsLoss, or MONAI DiceCELoss.',
      zh: '框架中没有内置实现；Playground 按论文公式在整个张量上求和。若只想简单相加 BCE 与 Dice 损失，可用 smp.losses.DiceLoss 加 smp.losses.SoftBCEWithLogitsLoss，或 MONAI 的 DiceCELoss。',
    },
    paper: {
      authors: 'Saeid Asgari Taghanaki, Yefeng Zheng, S. Kevin Zhou, Bogdan Georgescu, Puneet Sharma, Daguang Xu, Dorin Comaniciu, Ghassan Hamarneh',
      year: 2019,
      title: 'Combo loss: Handling input and output imbalance in multi-organ segmentation',
      url: 'https://arxiv.org/abs/1805.02798',
    },
    sources: [
      { label: 'paper (Taghanaki et al. 2019)', version: '2019', url: 'https://arxiv.org/abs/1805.02798' },
      { label: 'MONAI monai/losses/dice.py', version: '1.5.0', url: 'https://github.com/Project-MONAI/MONAI/blob/1.5.0/monai/losses/dice.py' },
    ],
    related: ['dice-loss', 'binary-cross-entropy', 'soft-bce-with-logits-loss', 'focal-loss'],
    snippets: {
      scratch:
        'def combo_loss(y_true, y_pred, alpha=${1:0.5}, beta=${2:0.5}, smooth=${3:1.0}, eps=${4:1e-7}):\n    t, p = y_true.flatten(), y_pred.flatten()\n    dice = (2 * (t * p).sum() + smooth) / (t.sum() + p.sum() + smooth)\n    p = p.clamp(eps, 1 - eps)\n    ce = -(beta * t * torch.log(p) + (1 - beta) * (1 - t) * torch.log(1 - p)).mean()\n    return alpha * ce - (1 - alpha) * dice',
      tf: 'def combo_loss(y_true, y_pred, alpha=${1:0.5}, beta=${2:0.5}, smooth=${3:1.0}, eps=${4:1e-7}):\n    t = tf.reshape(y_true, [-1])\n    p = tf.reshape(y_pred, [-1])\n    dice = (2 * tf.reduce_sum(t * p) + smooth) / (tf.reduce_sum(t) + tf.reduce_sum(p) + smooth)\n    p = tf.clip_by_value(p, eps, 1 - eps)\n    ce = -tf.reduce_mean(beta * t * tf.math.log(p) + (1 - beta) * (1 - t) * tf.math.log(1 - p))\n    return alpha * ce - (1 - alpha) * dice',
    },
  },
  {
    id: 'sensitivity-specificity-loss',
    names: { en: 'Sensitivity–Specificity Loss', zh: '敏感度-特异度损失' },
    aliases: ['SS loss', 'sensitivity specificity loss', 'SSLoss', '灵敏度特异度损失'],
    category: 'segmentation',
    apis: [],
    formula: 'L = r\\,\\frac{\\sum_i (t_i - p_i)^2\\, t_i}{\\sum_i t_i + s} + (1 - r)\\,\\frac{\\sum_i (t_i - p_i)^2 (1 - t_i)}{\\sum_i (1 - t_i) + s}',
    formulaText: 'L = r·Σ(t − p)²t / (Σt + s) + (1 − r)·Σ(t − p)²(1 − t) / (Σ(1 − t) + s)',
    inputs: PROB_PAIR,
    params: [
      num('r', 0.05, [0, 1], 'Weight of the foreground (sensitivity) term; the background (specificity) term gets 1 − r. The paper uses a small value.', '前景（敏感度）项的权重；背景（特异度）项的权重为 1 − r。论文使用较小的值。'),
      num('smooth', 1e-5, [0, 1], 'Added to both denominators so an empty foreground or background stays defined.', '加到两个分母上，使前景或背景为空时仍有定义。'),
    ],
    summary: {
      en: 'A mean squared error split into the foreground and the background, each normalized by its own size and mixed with weight r, so that a tiny lesion is not drowned out by the huge background.',
      zh: '把均方误差拆成前景和背景两部分，分别按各自大小归一化后以权重 r 混合，使很小的病灶不会被庞大的背景淹没。',
    },
    whenToUse: {
      en: 'Segmentation of small, sparse structures (multiple-sclerosis lesions in the original paper) when a smooth, MSE-like loss is preferred over Dice.',
      zh: '分割小而稀疏的结构（原论文中为多发性硬化病灶），且希望使用类似 MSE 的平滑损失而非 Dice 时。',
    },
    pitfalls: {
      en: 'Implementations disagree on which term r multiplies and on the smoothing (the SegLoss collection uses r = 0.1 on the foreground term and smooth = 1, per class and image). Squared errors give weak gradients for confident mistakes.',
      zh: '各实现对 r 乘在哪一项以及平滑方式并不一致（SegLoss 合集在前景项上用 r = 0.1、smooth = 1，并按类别和图像计算）。平方误差对高置信度的错误只给出较弱的梯度。',
    },
    frameworkNotes: {
      en: 'No framework built-in; the playground computes the paper\'s formula over the whole tensor with a small smoothing term in the denominators (smooth = 0 reproduces the paper exactly).',
      zh: '框架中没有内置实现；Playground 在整个张量上按论文公式计算，并在分母中加入很小的平滑项（smooth = 0 时与论文完全一致）。',
    },
    paper: {
      authors: 'Tom Brosch, Youngjin Yoo, Lisa Y. W. Tang, David K. B. Li, Anthony Traboulsee, Roger Tam',
      year: 2015,
      title: 'Deep Convolutional Encoder Networks for Multiple Sclerosis Lesion Segmentation',
      url: 'https://doi.org/10.1007/978-3-319-24574-4_1',
    },
    sources: [
      { label: 'paper (Brosch et al. 2015)', version: '2015', url: 'https://doi.org/10.1007/978-3-319-24574-4_1' },
      { label: 'SegLoss collection (JunMa11/SegLoss)', version: 'default branch, read 2026-12', url: 'https://github.com/JunMa11/SegLoss' },
    ],
    related: ['dice-loss', 'tversky-loss', 'mse-loss'],
    snippets: {
      scratch:
        'def sensitivity_specificity_loss(y_true, y_pred, r=${1:0.05}, smooth=${2:1e-5}):\n    err = (y_true - y_pred) ** 2\n    fg = (err * y_true).sum() / (y_true.sum() + smooth)\n    bg = (err * (1 - y_true)).sum() / ((1 - y_true).sum() + smooth)\n    return r * fg + (1 - r) * bg',
      tf: 'def sensitivity_specificity_loss(y_true, y_pred, r=${1:0.05}, smooth=${2:1e-5}):\n    err = tf.square(y_true - y_pred)\n    fg = tf.reduce_sum(err * y_true) / (tf.reduce_sum(y_true) + smooth)\n    bg = tf.reduce_sum(err * (1 - y_true)) / (tf.reduce_sum(1 - y_true) + smooth)\n    return r * fg + (1 - r) * bg',
    },
  },
  {
    id: 'log-cosh-dice-loss',
    names: { en: 'Log-Cosh Dice Loss', zh: 'Log-Cosh Dice 损失' },
    aliases: ['log cosh dice', 'LogCoshDice', '对数双曲余弦 Dice'],
    category: 'segmentation',
    apis: [],
    formula: 'L = \\log\\cosh\\big(1 - \\mathrm{DSC}\\big),\\quad \\mathrm{DSC} = \\frac{2\\sum_i p_i t_i + s}{\\sum_i p_i + \\sum_i t_i + s}',
    formulaText: 'L = log(cosh(1 − DSC)),  DSC = (2 Σ pt + s) / (Σ p + Σ t + s)',
    inputs: PROB_PAIR,
    params: [SMOOTH1],
    summary: {
      en: 'Wraps the Dice loss in log(cosh(·)), which behaves like x²/2 near zero and like |x| far away, smoothing the Dice loss curve while keeping it bounded.',
      zh: '把 Dice 损失套上 log(cosh(·))：在 0 附近近似 x²/2，远处近似 |x|，使 Dice 损失曲线更平滑且保持有界。',
    },
    whenToUse: {
      en: 'Binary segmentation with Dice-like goals where the plain Dice loss trains erratically; proposed in a survey of segmentation losses.',
      zh: '目标类似 Dice、但普通 Dice 损失训练不稳定的二分类分割；出自一篇分割损失综述。',
    },
    pitfalls: {
      en: 'Since 1 − DSC lies in [0, 1], log cosh only rescales it mildly (log cosh 1 ≈ 0.43); near a perfect prediction the gradient vanishes like that of a squared loss, which can slow the end of training.',
      zh: '由于 1 − DSC 位于 [0, 1]，log cosh 只做了温和的缩放（log cosh 1 ≈ 0.43）；接近完美预测时梯度像平方损失一样趋于 0，可能拖慢训练后期。',
    },
    frameworkNotes: {
      en: "No framework built-in; follows the survey's Keras code (Dice with smooth = 1 over the whole tensor).",
      zh: '框架中没有内置实现；遵循该综述的 Keras 代码（smooth = 1，在整个张量上计算 Dice）。',
    },
    paper: {
      authors: 'Shruti Jadon',
      year: 2020,
      title: 'A survey of loss functions for semantic segmentation',
      url: 'https://arxiv.org/abs/2006.14822',
    },
    sources: [
      { label: 'paper (Jadon 2020)', version: '2020', url: 'https://arxiv.org/abs/2006.14822' },
    ],
    related: ['dice-loss', 'log-cosh'],
    snippets: {
      scratch:
        'def log_cosh_dice_loss(y_true, y_pred, smooth=${1:1.0}):\n    t, p = y_true.flatten(), y_pred.flatten()\n    dice = (2 * (t * p).sum() + smooth) / (t.sum() + p.sum() + smooth)\n    return torch.log(torch.cosh(1 - dice))',
      tf: 'def log_cosh_dice_loss(y_true, y_pred, smooth=${1:1.0}):\n    t = tf.reshape(y_true, [-1])\n    p = tf.reshape(y_pred, [-1])\n    dice = (2 * tf.reduce_sum(t * p) + smooth) / (tf.reduce_sum(t) + tf.reduce_sum(p) + smooth)\n    return tf.math.log(tf.cosh(1 - dice))',
    },
  },
  {
    id: 'vnet-dice-loss',
    names: { en: 'V-Net Dice Loss (squared denominator)', zh: 'V-Net Dice 损失（平方分母）' },
    aliases: ['V-Net Dice', 'squared Dice', 'Milletari Dice', 'squared_pred Dice', 'V-Net Dice 损失'],
    category: 'segmentation',
    apis: [],
    formula: 'L = 1 - \\frac{2\\sum_i p_i g_i + s}{\\sum_i p_i^2 + \\sum_i g_i^2 + s}',
    formulaText: 'L = 1 − (2 Σ pᵢgᵢ + s) / (Σ pᵢ² + Σ gᵢ² + s)',
    inputs: PROB_PAIR,
    params: [num('smooth', 0.0, [0, 10], 'Smoothing term (not in the paper, which has none); needed when both masks are empty.', '平滑项（论文中没有）；两个掩码都为空时需要它。')],
    summary: {
      en: 'The Dice loss as first proposed for volumetric segmentation in V-Net, with squared probabilities in the denominator, which changes the gradient so that confident predictions are pushed towards 0 and 1.',
      zh: 'V-Net 在体数据分割中最早提出的 Dice 损失形式，分母中使用概率的平方，这改变了梯度，会把较有把握的预测推向 0 和 1。',
    },
    whenToUse: {
      en: '3-D medical segmentation following V-Net; MONAI exposes it as DiceLoss(squared_pred=True).',
      zh: '沿用 V-Net 的三维医学图像分割；MONAI 中对应 DiceLoss(squared_pred=True)。',
    },
    pitfalls: {
      en: 'With smooth = 0, an empty prediction on an empty mask is 0/0 (the playground reports an error). Not the same value as the linear-denominator Dice of most libraries.',
      zh: 'smooth = 0 时，空掩码上的空预测是 0/0（Playground 会报错）。其数值与大多数库中线性分母的 Dice 不同。',
    },
    frameworkNotes: {
      en: "Computed over the whole tensor as in the paper. monai.losses.DiceLoss(squared_pred=True) computes it per image and channel with smooth_nr = smooth_dr = 1e-5 (see dice-loss for that symbol).",
      zh: '与论文一样在整个张量上计算。monai.losses.DiceLoss(squared_pred=True) 按图像和通道分别计算，smooth_nr = smooth_dr = 1e-5（该符号见 dice-loss 条目）。',
    },
    paper: {
      authors: 'Fausto Milletari, Nassir Navab, Seyed-Ahmad Ahmadi',
      year: 2016,
      title: 'V-Net: Fully Convolutional Neural Networks for Volumetric Medical Image Segmentation',
      url: 'https://arxiv.org/abs/1606.04797',
    },
    sources: [
      { label: 'paper (Milletari et al. 2016)', version: '2016', url: 'https://arxiv.org/abs/1606.04797' },
      { label: 'MONAI monai/losses/dice.py', version: '1.5.0', url: 'https://github.com/Project-MONAI/MONAI/blob/1.5.0/monai/losses/dice.py' },
    ],
    related: ['dice-loss', 'generalized-dice-loss'],
    snippets: {
      scratch:
        'def vnet_dice_loss(y_true, y_pred, smooth=${1:0.0}):\n    p, g = y_pred.flatten(), y_true.flatten()\n    return 1 - (2 * (p * g).sum() + smooth) / (p.pow(2).sum() + g.pow(2).sum() + smooth)',
      torch: 'from monai.losses import DiceLoss\nloss_fn = DiceLoss(squared_pred=True)\nloss = loss_fn(${1:input}, ${2:target})',
      tf: 'def vnet_dice_loss(y_true, y_pred, smooth=${1:0.0}):\n    p = tf.reshape(y_pred, [-1])\n    g = tf.reshape(y_true, [-1])\n    return 1 - (2 * tf.reduce_sum(p * g) + smooth) / (tf.reduce_sum(p * p) + tf.reduce_sum(g * g) + smooth)',
    },
  },
  {
    id: 'mcc-loss',
    names: { en: 'Matthews Correlation Coefficient Loss', zh: 'MCC 损失（马修斯相关系数损失）' },
    aliases: ['MCC loss', 'MCCLoss', 'Matthews correlation loss', '马修斯相关系数'],
    category: 'segmentation',
    apis: [{ framework: 'smp', symbol: 'segmentation_models_pytorch.losses.MCCLoss', kind: 'class' }],
    formula: 'L = 1 - \\frac{\\mathrm{TP}\\cdot\\mathrm{TN} - \\mathrm{FP}\\cdot\\mathrm{FN}}{\\sqrt{(\\mathrm{TP}+\\mathrm{FP})(\\mathrm{TP}+\\mathrm{FN})(\\mathrm{TN}+\\mathrm{FP})(\\mathrm{TN}+\\mathrm{FN})}},\\quad \\mathrm{TP} = \\sum p t + \\epsilon,\\ \\ldots',
    formulaText: 'L = 1 − (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN)),  soft counts + ε',
    inputs: [
      { name: 'y_pred', meaning: { en: 'Predicted foreground probabilities (apply a sigmoid first).', zh: '预测的前景概率（需先做 sigmoid）。' }, shape: '(N, 1, H, W) or (N, H, W)', domain: { en: 'probabilities in [0, 1]', zh: '[0, 1] 内的概率' } },
      { name: 'y_true', meaning: { en: 'Binary ground-truth mask.', zh: '二值真实掩码。' }, shape: '(N, 1, H, W) or (N, H, W)', domain: { en: '{0, 1}', zh: '取值 {0, 1}' } },
    ],
    params: [num('eps', 1e-5, [0, 1e-2], 'Added to each soft count, so the coefficient is defined when a class is empty.', '加到每个软计数上，使某类为空时系数仍有定义。')],
    summary: {
      en: 'One minus a soft Matthews correlation coefficient: unlike Dice it also rewards true negatives, so it penalizes both kinds of error in a balanced way under heavy imbalance.',
      zh: '1 减去软马修斯相关系数：与 Dice 不同，它也奖励真阴性，因此在严重不平衡时能均衡地惩罚两类错误。',
    },
    whenToUse: {
      en: 'Binary segmentation with extreme imbalance where background errors also matter, e.g. skin lesion segmentation in the original paper.',
      zh: '极度不平衡、背景错误同样重要的二分类分割，例如原论文中的皮肤病灶分割。',
    },
    pitfalls: {
      en: 'Binary only. SMP does not apply a sigmoid: pass probabilities. Counts are pooled over the whole batch, so one image cannot be evaluated in isolation.',
      zh: '仅支持二分类。SMP 不会做 sigmoid：需传入概率。计数在整个批上汇总，无法单独评估一张图像。',
    },
    frameworkNotes: {
      en: 'Follows segmentation_models_pytorch.losses.MCCLoss(eps=1e-5), whose forward(y_pred, y_true) pools soft TP/TN/FP/FN over the batch.',
      zh: '遵循 segmentation_models_pytorch.losses.MCCLoss(eps=1e-5)，其 forward(y_pred, y_true) 在整个批上汇总软 TP/TN/FP/FN。',
    },
    paper: {
      authors: 'Kumar Abhishek, Ghassan Hamarneh',
      year: 2021,
      title: 'Matthews Correlation Coefficient Loss for Deep Convolutional Networks: Application to Skin Lesion Segmentation',
      url: 'https://arxiv.org/abs/2010.13454',
    },
    sources: [
      { label: 'segmentation_models_pytorch losses/mcc.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/mcc.py' },
      { label: 'paper (Abhishek & Hamarneh 2021)', version: '2021', url: 'https://arxiv.org/abs/2010.13454' },
    ],
    related: ['dice-loss', 'jaccard-loss', 'binary-cross-entropy'],
    snippets: {
      torch: 'import segmentation_models_pytorch as smp\nloss_fn = smp.losses.MCCLoss(eps=${1:1e-5})\nloss = loss_fn(torch.sigmoid(${2:logits}), ${3:y_true})',
      tf: 'def mcc_loss(y_true, y_pred, eps=${1:1e-5}):\n    tp = tf.reduce_sum(y_pred * y_true) + eps\n    tn = tf.reduce_sum((1 - y_pred) * (1 - y_true)) + eps\n    fp = tf.reduce_sum(y_pred * (1 - y_true)) + eps\n    fn = tf.reduce_sum((1 - y_pred) * y_true) + eps\n    mcc = (tp * tn - fp * fn) / tf.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))\n    return 1 - mcc',
      scratch:
        "def mcc_loss(y_pred, y_true, eps=${1:1e-5}):\n    # y_pred: probabilities (after the sigmoid), y_true: binary mask, (N, 1, H, W); as smp's MCCLoss\n    tp = (y_pred * y_true).sum() + eps\n    tn = ((1 - y_pred) * (1 - y_true)).sum() + eps\n    fp = (y_pred * (1 - y_true)).sum() + eps\n    fn = ((1 - y_pred) * y_true).sum() + eps\n    mcc = (tp * tn - fp * fn) / torch.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))\n    return 1 - mcc\n\nloss = mcc_loss(${2:probs}, ${3:y_true})",
    },
  },
  {
    id: 'soft-bce-with-logits-loss',
    names: { en: 'Soft BCE with Logits (label smoothing, ignore index)', zh: '软标签 BCE（带标签平滑与忽略索引）' },
    aliases: ['SoftBCEWithLogitsLoss', 'soft BCE', 'label-smoothed BCE', '标签平滑 BCE'],
    category: 'segmentation',
    apis: [{ framework: 'smp', symbol: 'segmentation_models_pytorch.losses.SoftBCEWithLogitsLoss', kind: 'class' }],
    formula: '\\ell_i = w_i\\big[(1 - \\tilde t_i)\\, x_i + (1 + (p_w - 1)\\tilde t_i)\\log(1 + e^{-x_i})\\big]\\,\\mathbb{1}[t_i \\ne \\text{ignore}],\\quad \\tilde t = (1 - t)\\,\\varepsilon + t\\,(1 - \\varepsilon)',
    formulaText: 'ℓᵢ = wᵢ[(1 − t̃)x + (1 + (p_w − 1)t̃) log(1 + e^{−x})]·1[t ≠ ignore],  t̃ = (1 − t)ε + t(1 − ε)',
    inputs: [
      { name: 'y_pred', meaning: { en: 'Logits.', zh: '未经 sigmoid 的 logits（对数几率）。' }, shape: '(N, C, H, W) or any shape', domain: { en: 'real logits', zh: '实数 logits' } },
      { name: 'y_true', meaning: { en: 'Binary targets of the same shape; pixels equal to ignore_index are masked.', zh: '同形状的二值目标；等于 ignore_index 的像素被屏蔽。' }, shape: 'same as y_pred', domain: { en: '[0, 1], or ignore_index', zh: '[0, 1]，或 ignore_index' } },
    ],
    params: [
      { name: 'weight', type: 'tensor', default: null, meaning: { en: 'Element weights, broadcast to y_pred.', zh: '元素权重，广播到 y_pred 的形状。' } },
      { name: 'ignore_index', type: 'integer', default: -100, meaning: { en: 'Target value that contributes zero loss (None disables masking).', zh: '损失记为 0 的目标值（None 表示不屏蔽）。' } },
      REDUCTION,
      { name: 'smooth_factor', type: 'number', default: null, range: [0, 0.5], meaning: { en: 'Label smoothing ε: targets become ε and 1 − ε.', zh: '标签平滑系数 ε：目标变为 ε 与 1 − ε。' } },
      { name: 'pos_weight', type: 'tensor', default: null, meaning: { en: 'Weight of positive examples, broadcast over the last dimension as in BCEWithLogitsLoss.', zh: '正样本的权重，与 BCEWithLogitsLoss 一样沿最后一维广播。' } },
    ],
    summary: {
      en: "SMP's drop-in replacement for BCEWithLogitsLoss with two additions: label smoothing of the binary targets and an ignore index for unlabeled pixels.",
      zh: 'SMP 对 BCEWithLogitsLoss 的直接替代，增加了两项功能：二值目标的标签平滑，以及对未标注像素的忽略索引。',
    },
    whenToUse: {
      en: 'Binary or multilabel segmentation with noisy masks (smoothing) or partially labelled images (ignore index).',
      zh: '掩码有噪声（需要平滑）或图像只有部分标注（需要忽略索引）的二分类或多标签分割。',
    },
    pitfalls: {
      en: "With reduction='mean' the ignored pixels count in the denominator (SMP multiplies them by 0 and then averages everything), unlike cross_entropy's ignore_index. Targets must otherwise lie in [0, 1].",
      zh: "reduction='mean' 时被忽略的像素仍计入分母（SMP 先乘 0 再对全部元素平均），这与 cross_entropy 的 ignore_index 不同。其余目标值须在 [0, 1] 内。",
    },
    frameworkNotes: {
      en: 'Follows segmentation_models_pytorch.losses.SoftBCEWithLogitsLoss(weight=None, ignore_index=-100, reduction="mean", smooth_factor=None, pos_weight=None). Without smoothing and ignored pixels it equals F.binary_cross_entropy_with_logits.',
      zh: '遵循 segmentation_models_pytorch.losses.SoftBCEWithLogitsLoss(weight=None, ignore_index=-100, reduction="mean", smooth_factor=None, pos_weight=None)。不平滑且没有忽略像素时等于 F.binary_cross_entropy_with_logits。',
    },
    paper: {
      authors: 'Christian Szegedy, Vincent Vanhoucke, Sergey Ioffe, Jonathon Shlens, Zbigniew Wojna',
      year: 2016,
      title: 'Rethinking the Inception Architecture for Computer Vision',
      url: 'https://arxiv.org/abs/1512.00567',
    },
    sources: [
      { label: 'segmentation_models_pytorch losses/soft_bce.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/soft_bce.py' },
      { label: 'PyTorch torch/nn/functional.py', version: 'v1.13.0 (Debian python3-torch)', url: 'https://github.com/pytorch/pytorch/blob/v1.13.0/torch/nn/functional.py' },
      { label: 'paper (Szegedy et al. 2016)', version: '2016', url: 'https://arxiv.org/abs/1512.00567' },
    ],
    related: ['bce-with-logits', 'binary-cross-entropy', 'soft-cross-entropy-loss', 'dice-loss'],
    snippets: {
      torch: 'import segmentation_models_pytorch as smp\nloss_fn = smp.losses.SoftBCEWithLogitsLoss(smooth_factor=${1:0.1}, ignore_index=${2:-100})\nloss = loss_fn(${3:y_pred}, ${4:y_true})',
      tf: 'loss_fn = tf.keras.losses.BinaryCrossentropy(from_logits=True, label_smoothing=${1:0.2})\nloss = loss_fn(${2:y_true}, ${3:y_pred})',
      scratch:
        "def soft_bce_with_logits(y_pred, y_true, smooth_factor=${1:None}, ignore_index=${2:-100}, reduction=${3|'mean','sum','none'|}):\n    # as smp's SoftBCEWithLogitsLoss: targets pulled towards 0.5, ignored pixels count 0 (and still count in the mean)\n    soft = y_true if smooth_factor is None else (1 - y_true) * smooth_factor + y_true * (1 - smooth_factor)\n    loss = F.binary_cross_entropy_with_logits(y_pred, soft, reduction='none')\n    if ignore_index is not None:\n        loss = loss * (y_true != ignore_index).to(loss.dtype)\n    if reduction == 'mean':\n        return loss.mean()\n    if reduction == 'sum':\n        return loss.sum()\n    return loss\n\nloss = soft_bce_with_logits(${4:logits}, ${5:y_true})",
    },
  },
  {
    id: 'soft-cross-entropy-loss',
    names: { en: 'Soft Cross-Entropy (SMP, label smoothing)', zh: '软交叉熵（SMP，带标签平滑）' },
    aliases: ['SoftCrossEntropyLoss', 'label-smoothed cross entropy (SMP)', 'SMP 标签平滑交叉熵'],
    category: 'segmentation',
    apis: [{ framework: 'smp', symbol: 'segmentation_models_pytorch.losses.SoftCrossEntropyLoss', kind: 'class' }],
    formula: '\\ell_i = (1 - \\varepsilon)\\big(-\\log p_{i,y_i}\\big) + \\frac{\\varepsilon}{C}\\sum_{c=1}^{C} \\big(-\\log p_{i,c}\\big),\\quad L = \\frac{1}{n}\\sum_i \\ell_i\\ \\ (\\text{ignored pixels count as } 0)',
    formulaText: 'ℓᵢ = (1 − ε)(−log p_{i,yᵢ}) + (ε/C) Σ_c (−log p_{i,c});  mean over all pixels, ignored ones as 0',
    inputs: [
      { name: 'y_pred', meaning: { en: 'Logits with classes on dim 1.', zh: '第 1 维为类别的 logits。' }, shape: '(N, C, H, W) or (N, C, ...)', domain: { en: 'real logits', zh: '实数 logits' } },
      { name: 'y_true', meaning: { en: 'Class index of each pixel.', zh: '每个像素的类别索引。' }, shape: '(N, H, W) or (N, ...)', domain: { en: 'class indices in [0, C), or ignore_index', zh: '[0, C) 内的类别索引，或 ignore_index' }, integer: true },
    ],
    params: [
      REDUCTION,
      { name: 'smooth_factor', type: 'number', default: null, range: [0, 0.5], meaning: { en: 'Label smoothing ε. SMP fails with its default None; the playground treats None as 0.', zh: '标签平滑系数 ε。SMP 的默认值 None 会直接报错；Playground 把 None 当作 0。' } },
      { name: 'ignore_index', type: 'integer', default: -100, meaning: { en: 'Pixels with this target contribute 0 (None disables masking).', zh: '目标为该值的像素贡献 0（None 表示不屏蔽）。' } },
    ],
    summary: {
      en: "SMP's cross-entropy with label smoothing (fairseq-style): a (1 − ε) share of the usual negative log-likelihood plus ε/C times the sum of −log p over all classes.",
      zh: 'SMP 的带标签平滑交叉熵（fairseq 风格）：普通负对数似然乘以 (1 − ε)，再加上 ε/C 乘以所有类别 −log p 之和。',
    },
    whenToUse: {
      en: 'Semantic segmentation with label smoothing in codebases that use SMP; otherwise F.cross_entropy(label_smoothing=ε) does nearly the same.',
      zh: '在使用 SMP 的代码中对语义分割做标签平滑；否则 F.cross_entropy(label_smoothing=ε) 的效果几乎相同。',
    },
    pitfalls: {
      en: "Ignored pixels are zeroed but still counted in the mean, so the value is smaller than torch's cross_entropy with ignore_index (which averages over the kept pixels only). With ignore_index set, reduction='none' keeps a size-1 class axis: shape (N, 1, H, W). The default smooth_factor=None raises a TypeError inside SMP.",
      zh: "被忽略的像素置零但仍计入平均，因此数值比 torch 带 ignore_index 的 cross_entropy（只对保留像素平均）小。设置 ignore_index 时，reduction='none' 会保留大小为 1 的类别维：形状为 (N, 1, H, W)。默认 smooth_factor=None 会在 SMP 内部引发 TypeError。",
    },
    frameworkNotes: {
      en: 'Follows segmentation_models_pytorch.losses.SoftCrossEntropyLoss(reduction="mean", smooth_factor=None, ignore_index=-100, dim=1) and its label_smoothed_nll_loss; only dim=1 is supported in the playground.',
      zh: '遵循 segmentation_models_pytorch.losses.SoftCrossEntropyLoss(reduction="mean", smooth_factor=None, ignore_index=-100, dim=1) 及其 label_smoothed_nll_loss；Playground 只支持 dim=1。',
    },
    paper: {
      authors: 'Christian Szegedy, Vincent Vanhoucke, Sergey Ioffe, Jonathon Shlens, Zbigniew Wojna',
      year: 2016,
      title: 'Rethinking the Inception Architecture for Computer Vision',
      url: 'https://arxiv.org/abs/1512.00567',
    },
    sources: [
      { label: 'segmentation_models_pytorch losses/soft_ce.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/soft_ce.py' },
      { label: 'segmentation_models_pytorch losses/_functional.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/_functional.py' },
      { label: 'paper (Szegedy et al. 2016)', version: '2016', url: 'https://arxiv.org/abs/1512.00567' },
    ],
    related: ['cross-entropy', 'soft-bce-with-logits-loss', 'lovasz-softmax-loss'],
    snippets: {
      torch: 'import segmentation_models_pytorch as smp\nloss_fn = smp.losses.SoftCrossEntropyLoss(smooth_factor=${1:0.1}, ignore_index=${2:-100})\nloss = loss_fn(${3:y_pred}, ${4:y_true})',
      tf: 'loss_fn = tf.keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=${1:0.1})\nloss = loss_fn(tf.one_hot(${2:y_true}, ${3:num_classes}), ${4:y_pred})',
      scratch:
        "def soft_cross_entropy(y_pred, y_true, smooth_factor=${1:None}, ignore_index=${2:-100}, reduction=${3|'mean','sum','none'|}):\n    # as smp's SoftCrossEntropyLoss: label-smoothed NLL over dim 1; ignored pixels count 0 (and still count in the mean)\n    eps = smooth_factor or 0.0\n    lprobs = F.log_softmax(y_pred, dim=1)\n    target = y_true.unsqueeze(1)\n    pad = target == ignore_index\n    nll = -lprobs.gather(1, target.masked_fill(pad, 0)).masked_fill(pad, 0.0)\n    smooth = -lprobs.sum(1, keepdim=True).masked_fill(pad, 0.0)\n    if reduction == 'mean':\n        nll, smooth = nll.mean(), smooth.mean()\n    elif reduction == 'sum':\n        nll, smooth = nll.sum(), smooth.sum()\n    return (1 - eps) * nll + eps / lprobs.size(1) * smooth\n\nloss = soft_cross_entropy(${4:logits}, ${5:y_true})",
    },
  },
];
