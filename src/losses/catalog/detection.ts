/**
 * Catalog entries: detection and box losses.
 */
import type { InputSpec, LossEntry, Paper, ParamSpec } from '../types';
import { REDUCTION } from './common';

/** torchvision.ops' `reduction`, whose default is 'none'. */
const REDUCTION_NONE: ParamSpec = { ...REDUCTION, default: 'none' };

const BOX_EPS: ParamSpec = {
  name: 'eps',
  type: 'number',
  default: 1e-7,
  range: [0, 0.001],
  meaning: {
    en: 'Small number added to denominators (union, enclosing area or diagonal) so that degenerate boxes do not divide by zero.',
    zh: '加到分母（并集、外接框面积或对角线）上的小数，防止退化框导致除以零。',
  },
};

const BOX_INPUTS: readonly InputSpec[] = [
  {
    name: 'boxes1',
    meaning: {
      en: 'Predicted boxes as (x1, y1, x2, y2), top-left and bottom-right corners (the gradient is taken with respect to them).',
      zh: '预测框，格式为 (x1, y1, x2, y2)，即左上角和右下角坐标（对它求梯度）。',
    },
    shape: '(4), (N, 4)',
    domain: { en: 'real coordinates with x1 ≤ x2, y1 ≤ y2', zh: '实数坐标，且 x1 ≤ x2、y1 ≤ y2' },
  },
  {
    name: 'boxes2',
    meaning: { en: 'Ground-truth boxes, same format and shape as boxes1 (the i-th box is matched with the i-th).', zh: '真实框，格式和形状与 boxes1 相同（第 i 个与第 i 个配对）。' },
    shape: 'same shape as boxes1',
    domain: { en: 'real coordinates with x1 ≤ x2, y1 ≤ y2', zh: '实数坐标，且 x1 ≤ x2、y1 ≤ y2' },
  },
];

const GIOU_PAPER: Paper = {
  authors: 'Hamid Rezatofighi, Nathan Tsoi, JunYoung Gwak, Amir Sadeghian, Ian Reid, Silvio Savarese',
  year: 2019,
  title: 'Generalized Intersection over Union: A Metric and A Loss for Bounding Box Regression',
  url: 'https://arxiv.org/abs/1902.09630',
};

const DIOU_PAPER: Paper = {
  authors: 'Zhaohui Zheng, Ping Wang, Wei Liu, Jinze Li, Rongguang Ye, Dongwei Ren',
  year: 2020,
  title: 'Distance-IoU Loss: Faster and Better Learning for Bounding Box Regression',
  url: 'https://arxiv.org/abs/1911.08287',
};

const BOX_FORMAT_NOTE = {
  en: 'torchvision takes (x1, y1, x2, y2) boxes, reduction defaults to \'none\', eps = 1e-7. KerasCV losses take a bounding_box_format argument ("xyxy", "xywh", ...) and average over boxes; TensorFlow Addons\' GIoULoss expects (y_min, x_min, y_max, x_max).',
  zh: 'torchvision 使用 (x1, y1, x2, y2) 格式的框，reduction 默认为 \'none\'，eps = 1e-7。KerasCV 的损失通过 bounding_box_format 参数（"xyxy"、"xywh" 等）指定格式，并对各框求平均；TensorFlow Addons 的 GIoULoss 要求 (y_min, x_min, y_max, x_max)。',
};

function boxSnippetTorch(fn: string): string {
  return `loss = torchvision.ops.${fn}(\${1:pred_boxes}, \${2:gt_boxes}, reduction=\${3|'mean','sum','none'|})`;
}

export const DETECTION_ENTRIES: readonly LossEntry[] = [
  {
    id: 'sigmoid-focal-loss',
    names: { en: 'Sigmoid Focal Loss', zh: 'Sigmoid 焦点损失（Focal Loss）' },
    aliases: ['RetinaNet loss', 'binary focal loss', 'sigmoid_focal_loss', '焦点损失', 'Focal 损失'],
    category: 'detection',
    apis: [
      { framework: 'torchvision', symbol: 'torchvision.ops.sigmoid_focal_loss', kind: 'function' },
      { framework: 'optax', symbol: 'optax.sigmoid_focal_loss', kind: 'function', defaults: { alpha: null } },
      { framework: 'keras', symbol: 'tf.keras.losses.BinaryFocalCrossentropy', kind: 'class', defaults: { alpha: null, reduction: 'mean' } },
      { framework: 'keras', symbol: 'tf.keras.losses.binary_focal_crossentropy', kind: 'function', defaults: { alpha: null } },
      { framework: 'keras', symbol: 'keras_cv.losses.FocalLoss', kind: 'class' },
      { framework: 'smp', symbol: 'segmentation_models_pytorch.losses.FocalLoss', kind: 'class', defaults: { alpha: null, reduction: 'mean' } },
    ],
    formula:
      '\\ell_i = -\\,\\alpha_t\\,(1 - p_t)^{\\gamma} \\log p_t,\\quad p = \\sigma(x_i),\\ p_t = p\\,t_i + (1 - p)(1 - t_i),\\ \\alpha_t = \\alpha\\,t_i + (1 - \\alpha)(1 - t_i)',
    formulaText: 'ℓᵢ = −αₜ (1 − pₜ)^γ log pₜ,  p = σ(xᵢ),  pₜ = p·tᵢ + (1 − p)(1 − tᵢ),  αₜ = α·tᵢ + (1 − α)(1 − tᵢ)',
    inputs: [
      {
        name: 'inputs',
        meaning: { en: 'Logits, one per (anchor, class) or any other element.', zh: '逻辑值（logits），每个（锚框、类别）或其他元素一个。' },
        shape: '(*), any shape',
        domain: { en: 'real logits', zh: '实数 logits' },
      },
      {
        name: 'targets',
        meaning: { en: 'Binary labels (1 = positive, 0 = negative), same shape as inputs; soft labels in [0, 1] are accepted.', zh: '二值标签（1 为正样本，0 为负样本），形状与 inputs 相同；也接受 [0, 1] 内的软标签。' },
        shape: 'same shape as inputs',
        domain: { en: '[0, 1]', zh: '[0, 1] 区间内的实数' },
      },
    ],
    params: [
      REDUCTION_NONE,
      {
        name: 'alpha',
        type: 'number',
        default: 0.25,
        range: [-1, 1],
        meaning: {
          en: 'Weight of the positive class (negatives get 1 − alpha); a negative value disables the weighting.',
          zh: '正样本的权重（负样本为 1 − alpha）；取负值时不做加权。',
        },
      },
      {
        name: 'gamma',
        type: 'number',
        default: 2,
        range: [0, 5],
        meaning: {
          en: 'Focusing exponent: the larger, the more well-classified elements are down-weighted; 0 gives weighted BCE.',
          zh: '聚焦指数：越大，已分类正确的元素权重被压得越低；取 0 时即为加权的二元交叉熵。',
        },
      },
    ],
    summary: {
      en: 'Binary cross-entropy on logits multiplied by (1 − p_t)^γ, which fades out easy, confidently correct elements so that the rare hard ones dominate; the classification loss of RetinaNet.',
      zh: '在基于 logits 的二元交叉熵上乘以 (1 − p_t)^γ：容易且已判对的元素被逐渐忽略，少数困难样本主导训练；RetinaNet 的分类损失。',
    },
    whenToUse: {
      en: 'Dense detection (one-stage detectors with ~100k anchors, almost all background) and any multi-label or binary task with extreme class imbalance.',
      zh: '密集检测（单阶段检测器有约 10 万个锚框，几乎全是背景），以及类别极度不平衡的多标签或二分类任务。',
    },
    pitfalls: {
      en: "alpha = 0.25 weights positives less, not more: it was tuned together with gamma = 2 (which already suppresses the many easy negatives). torchvision's default reduction is 'none', and RetinaNet normalises the sum by the number of positive anchors, not by the element count; 'mean' gives a far smaller loss. Initialise the classifier bias to −log((1 − π)/π) with π ≈ 0.01, or early training is swamped by background.",
      zh: 'alpha = 0.25 实际上是降低正样本的权重而非提高：它是与 gamma = 2 一起调出来的（gamma 已经压制了大量容易的负样本）。torchvision 的默认 reduction 是 \'none\'；RetinaNet 用正样本锚框的数量而不是元素总数去归一化求和结果，用 \'mean\' 得到的损失会小得多。分类层的偏置应初始化为 −log((1 − π)/π)（π ≈ 0.01），否则训练初期会被背景淹没。',
    },
    frameworkNotes: {
      en: "torchvision: alpha = 0.25, gamma = 2, reduction 'none'. optax.sigmoid_focal_loss defaults to alpha=None (no weighting), gamma = 2, and returns elementwise values. tf.keras.losses.BinaryFocalCrossentropy takes probabilities unless from_logits=True, applies alpha only with apply_class_balancing=True, and averages over the last axis. keras_cv.losses.FocalLoss follows RetinaNet (alpha = 0.25, gamma = 2) but also expects probabilities unless from_logits=True. segmentation_models_pytorch.losses.FocalLoss(mode, alpha=None, gamma=2.0, ignore_index=None, reduction='mean', normalized=False, reduced_threshold=None) is this form on logits with other defaults: no alpha weighting unless alpha is given (a negative alpha here does the same), and the mean; with mode='multiclass' it makes one-vs-rest targets from the class indices and adds up the per-class losses; normalized=True divides by the sum of (1 − p_t)^γ.",
      zh: 'torchvision：alpha = 0.25，gamma = 2，reduction 为 \'none\'。optax.sigmoid_focal_loss 默认 alpha=None（不加权）、gamma = 2，返回逐元素的值。tf.keras.losses.BinaryFocalCrossentropy 默认输入是概率（除非 from_logits=True），只有 apply_class_balancing=True 时才使用 alpha，并在最后一个轴上求平均。keras_cv.losses.FocalLoss 沿用 RetinaNet 的设置（alpha = 0.25，gamma = 2），但同样默认输入是概率，除非 from_logits=True。segmentation_models_pytorch.losses.FocalLoss(mode, alpha=None, gamma=2.0, ignore_index=None, reduction=\'mean\', normalized=False, reduced_threshold=None) 也是这种基于 logits 的形式，但默认值不同：不传 alpha 就不加权（此处取负的 alpha 效果相同），并取平均；mode=\'multiclass\' 时把类别索引拆成一对其余的二值目标，再把各类别的损失相加；normalized=True 时除以 (1 − p_t)^γ 之和。',
    },
    paper: {
      authors: 'Tsung-Yi Lin, Priya Goyal, Ross Girshick, Kaiming He, Piotr Dollár',
      year: 2017,
      title: 'Focal Loss for Dense Object Detection',
      url: 'https://arxiv.org/abs/1708.02002',
    },
    sources: [
      { label: 'torchvision torchvision/ops/focal_loss.py', version: 'v0.14.1 (Debian python3-torchvision)', url: 'https://github.com/pytorch/vision/blob/v0.14.1/torchvision/ops/focal_loss.py' },
      { label: 'optax optax/losses/_classification.py', version: 'v0.2.8', url: 'https://github.com/google-deepmind/optax/blob/v0.2.8/optax/losses/_classification.py' },
      { label: 'segmentation_models_pytorch losses/focal.py', version: 'v0.5.0', url: 'https://github.com/qubvel-org/segmentation_models.pytorch/blob/v0.5.0/segmentation_models_pytorch/losses/focal.py' },
      { label: 'paper (Lin et al. 2017)', version: '2017', url: 'https://arxiv.org/abs/1708.02002' },
    ],
    related: ['focal-loss', 'bce-with-logits', 'distribution-ranking-loss', 'generalized-box-iou-loss', 'smooth-l1-loss'],
    snippets: {
      torch:
        'loss = torchvision.ops.sigmoid_focal_loss(${1:logits}, ${2:targets}, alpha=${3:0.25}, gamma=${4:2}, reduction=${5|\'sum\',\'mean\',\'none\'|})',
      tf: 'loss_fn = tf.keras.losses.BinaryFocalCrossentropy(apply_class_balancing=True, alpha=${1:0.25}, gamma=${2:2.0}, from_logits=True)\nloss = loss_fn(${3:y_true}, ${4:logits})',
      jax: 'loss = optax.sigmoid_focal_loss(${1:logits}, ${2:labels}, alpha=${3:0.25}, gamma=${4:2.0}).sum()',
    },
  },
  {
    id: 'iou-loss',
    names: { en: 'IoU Loss (1 − IoU)', zh: 'IoU 损失（1 − IoU）' },
    aliases: ['box IoU loss', 'linear IoU loss', 'UnitBox loss', '交并比损失', '边框 IoU 损失'],
    category: 'detection',
    apis: [],
    formula: '\\ell_i = 1 - \\frac{|B_i \\cap G_i|}{|B_i \\cup G_i| + \\epsilon}',
    formulaText: 'ℓᵢ = 1 − |Bᵢ ∩ Gᵢ| / (|Bᵢ ∪ Gᵢ| + ε)',
    inputs: BOX_INPUTS,
    params: [REDUCTION_NONE, BOX_EPS],
    summary: {
      en: 'One minus the intersection over union of a predicted and a ground-truth box: regresses the four coordinates jointly and is invariant to the scale of the boxes.',
      zh: '1 减去预测框与真实框的交并比（IoU）：把四个坐标作为整体回归，并且与框的尺度无关。',
    },
    whenToUse: {
      en: 'Box regression when you want the training objective to match the IoU-based evaluation metric, for boxes that already overlap their targets (e.g. refining anchors or proposals).',
      zh: '希望训练目标与基于 IoU 的评估指标一致的边框回归，适用于预测框已经与目标重叠的情形（例如细化锚框或候选框）。',
    },
    pitfalls: {
      en: 'When the boxes do not overlap the IoU is 0 whatever their distance, so the loss is flat at 1 and the gradient is zero: training cannot pull a far-away box closer. GIoU, DIoU and CIoU fix exactly this. UnitBox used −ln(IoU), which has a different gradient scale.',
      zh: '两框不相交时，无论相距多远 IoU 都是 0，损失恒为 1、梯度为零，训练无法把远处的框拉近。GIoU、DIoU 和 CIoU 正是为解决这一点而提出的。UnitBox 使用的是 −ln(IoU)，梯度尺度不同。',
    },
    frameworkNotes: {
      en: `torchvision has no plain IoU loss; the playground computes 1 − inter / (union + eps) the way torchvision's box losses compute IoU. keras_cv.losses.IoULoss defaults to mode="log" (−ln IoU); mode="linear" is this loss. mmdetection's IoULoss also defaults to the log form with eps = 1e-6. ${BOX_FORMAT_NOTE.en}`,
      zh: `torchvision 没有单纯的 IoU 损失；本工具按 torchvision 各框损失计算 IoU 的方式求 1 − inter / (union + eps)。keras_cv.losses.IoULoss 默认 mode="log"（−ln IoU），mode="linear" 才是这里的损失。mmdetection 的 IoULoss 同样默认对数形式，eps = 1e-6。${BOX_FORMAT_NOTE.zh}`,
    },
    paper: {
      authors: 'Jiahui Yu, Yuning Jiang, Zhangyang Wang, Zhimin Cao, Thomas Huang',
      year: 2016,
      title: 'UnitBox: An Advanced Object Detection Network',
      url: 'https://arxiv.org/abs/1608.01471',
    },
    sources: [
      { label: 'torchvision torchvision/ops/_utils.py', version: 'v0.14.1 (Debian python3-torchvision)', url: 'https://github.com/pytorch/vision/blob/v0.14.1/torchvision/ops/_utils.py' },
      { label: 'torchvision torchvision/ops/giou_loss.py', version: 'v0.14.1 (Debian python3-torchvision)', url: 'https://github.com/pytorch/vision/blob/v0.14.1/torchvision/ops/giou_loss.py' },
      { label: 'paper (Yu et al. 2016, UnitBox)', version: '2016', url: 'https://arxiv.org/abs/1608.01471' },
    ],
    related: ['generalized-box-iou-loss', 'distance-box-iou-loss', 'complete-box-iou-loss', 'smooth-l1-loss'],
    snippets: {
      scratch:
        "def iou_loss(boxes1, boxes2, eps=${1:1e-7}, reduction=${4|'none','mean','sum'|}):\n    # boxes (x1, y1, x2, y2); one value per box pair unless reduced (torchvision's default is 'none')\n    x1 = torch.max(boxes1[..., 0], boxes2[..., 0])\n    y1 = torch.max(boxes1[..., 1], boxes2[..., 1])\n    x2 = torch.min(boxes1[..., 2], boxes2[..., 2])\n    y2 = torch.min(boxes1[..., 3], boxes2[..., 3])\n    inter = (x2 - x1).clamp(min=0) * (y2 - y1).clamp(min=0)\n    area1 = (boxes1[..., 2] - boxes1[..., 0]) * (boxes1[..., 3] - boxes1[..., 1])\n    area2 = (boxes2[..., 2] - boxes2[..., 0]) * (boxes2[..., 3] - boxes2[..., 1])\n    loss = 1 - inter / (area1 + area2 - inter + eps)\n    if reduction == 'mean':\n        return loss.mean()\n    if reduction == 'sum':\n        return loss.sum()\n    return loss\n\nloss = iou_loss(${2:pred_boxes}, ${3:gt_boxes})",
      tf: 'loss_fn = keras_cv.losses.IoULoss(bounding_box_format="xyxy", mode="linear")\nloss = loss_fn(${1:gt_boxes}, ${2:pred_boxes})',
    },
  },
  {
    id: 'generalized-box-iou-loss',
    names: { en: 'Generalized IoU Loss (GIoU)', zh: '广义交并比损失（GIoU）' },
    aliases: ['GIoU', 'GIoU loss', 'generalized IoU', 'GIoU 损失', '广义 IoU 损失'],
    category: 'detection',
    apis: [
      { framework: 'torchvision', symbol: 'torchvision.ops.generalized_box_iou_loss', kind: 'function' },
      { framework: 'keras', symbol: 'keras_cv.losses.GIoULoss', kind: 'class' },
      { framework: 'other', symbol: 'tfa.losses.GIoULoss', kind: 'class' },
    ],
    formula: '\\ell_i = 1 - \\mathrm{IoU}_i + \\frac{|C_i| - |B_i \\cup G_i|}{|C_i| + \\epsilon},\\quad \\mathrm{IoU}_i = \\frac{|B_i \\cap G_i|}{|B_i \\cup G_i| + \\epsilon}',
    formulaText: 'ℓᵢ = 1 − IoUᵢ + (|Cᵢ| − |Bᵢ ∪ Gᵢ|) / (|Cᵢ| + ε),  C = smallest box enclosing B and G',
    inputs: BOX_INPUTS,
    params: [REDUCTION_NONE, BOX_EPS],
    summary: {
      en: 'IoU loss plus the fraction of the smallest enclosing box not covered by the union: still 0 for a perfect match, but keeps a useful gradient when the boxes do not overlap. Ranges over [0, 2).',
      zh: '在 IoU 损失上加一项：最小外接框中未被并集覆盖的比例。完全重合时仍为 0，两框不相交时也能给出有用的梯度。取值范围 [0, 2)。',
    },
    whenToUse: {
      en: 'Box regression in detectors trained with IoU-style objectives (DETR and its descendants use GIoU together with L1), especially when predictions start far from their targets.',
      zh: '以 IoU 类目标训练的检测器中的边框回归（DETR 及其后续工作把 GIoU 与 L1 结合使用），尤其是预测框一开始离目标较远时。',
    },
    pitfalls: {
      en: 'When one box contains the other the penalty vanishes and GIoU reduces to IoU, so convergence in that regime is slow (the motivation for DIoU). Early in training it tends to grow the predicted box to cover the target before moving it. Boxes must be (x1, y1, x2, y2) with x1 ≤ x2; other formats give silently wrong values in torchvision.',
      zh: '一个框包含另一个框时惩罚项消失，GIoU 退化为 IoU，此时收敛较慢（这正是 DIoU 的出发点）。训练初期它倾向于先放大预测框以覆盖目标，再移动位置。框必须是 x1 ≤ x2 的 (x1, y1, x2, y2) 格式；在 torchvision 中用错格式会静默得到错误的值。',
    },
    frameworkNotes: BOX_FORMAT_NOTE,
    paper: GIOU_PAPER,
    sources: [
      { label: 'torchvision torchvision/ops/giou_loss.py', version: 'v0.14.1 (Debian python3-torchvision)', url: 'https://github.com/pytorch/vision/blob/v0.14.1/torchvision/ops/giou_loss.py' },
      { label: 'TF Addons tensorflow_addons/losses/giou_loss.py', version: 'v0.23.0', url: 'https://github.com/tensorflow/addons/blob/v0.23.0/tensorflow_addons/losses/giou_loss.py' },
      { label: 'paper (Rezatofighi et al. 2019)', version: '2019', url: 'https://arxiv.org/abs/1902.09630' },
    ],
    related: ['iou-loss', 'distance-box-iou-loss', 'complete-box-iou-loss', 'smooth-l1-loss'],
    snippets: {
      torch: boxSnippetTorch('generalized_box_iou_loss'),
      tf: 'loss_fn = keras_cv.losses.GIoULoss(bounding_box_format="xyxy")\nloss = loss_fn(${1:gt_boxes}, ${2:pred_boxes})',
    },
  },
  {
    id: 'distance-box-iou-loss',
    names: { en: 'Distance IoU Loss (DIoU)', zh: '距离交并比损失（DIoU）' },
    aliases: ['DIoU', 'DIoU loss', 'distance IoU', 'DIoU 损失'],
    category: 'detection',
    apis: [{ framework: 'torchvision', symbol: 'torchvision.ops.distance_box_iou_loss', kind: 'function' }],
    formula: '\\ell_i = 1 - \\mathrm{IoU}_i + \\frac{\\rho^2(b_i, g_i)}{c_i^2 + \\epsilon}',
    formulaText: 'ℓᵢ = 1 − IoUᵢ + ρ²(bᵢ, gᵢ) / (cᵢ² + ε),  ρ = distance between the box centres, c = diagonal of the enclosing box',
    inputs: BOX_INPUTS,
    params: [REDUCTION_NONE, BOX_EPS],
    summary: {
      en: 'IoU loss plus the squared distance between the two box centres, normalised by the squared diagonal of the smallest enclosing box: moves the prediction straight towards the target, also when one box contains the other.',
      zh: '在 IoU 损失上加上两框中心点距离的平方，并用最小外接框对角线长度的平方归一化：直接把预测框向目标中心移动，即使一个框包含另一个框也有效。',
    },
    whenToUse: {
      en: 'Box regression where GIoU converges slowly, and as the suppression criterion in DIoU-NMS.',
      zh: 'GIoU 收敛较慢的边框回归任务，也可作为 DIoU-NMS 中的抑制准则。',
    },
    pitfalls: {
      en: 'Says nothing about aspect ratio: two boxes with the same centre and the same IoU but different shapes get the same loss (CIoU adds that term). Zero-area boxes are allowed but give IoU 0.',
      zh: '不考虑宽高比：中心相同、IoU 相同但形状不同的两个框损失一样（CIoU 补上了这一项）。面积为零的框可以计算，但 IoU 为 0。',
    },
    frameworkNotes: {
      en: `KerasCV and TensorFlow Addons have no DIoU loss (KerasCV has CIoULoss). mmdetection ships DIoULoss. ${BOX_FORMAT_NOTE.en}`,
      zh: `KerasCV 和 TensorFlow Addons 都没有 DIoU 损失（KerasCV 提供 CIoULoss）。mmdetection 提供 DIoULoss。${BOX_FORMAT_NOTE.zh}`,
    },
    paper: DIOU_PAPER,
    sources: [
      { label: 'torchvision torchvision/ops/diou_loss.py', version: 'v0.14.1 (Debian python3-torchvision)', url: 'https://github.com/pytorch/vision/blob/v0.14.1/torchvision/ops/diou_loss.py' },
      { label: 'paper (Zheng et al. 2020)', version: '2020', url: 'https://arxiv.org/abs/1911.08287' },
    ],
    related: ['complete-box-iou-loss', 'generalized-box-iou-loss', 'iou-loss'],
    snippets: {
      torch: boxSnippetTorch('distance_box_iou_loss'),
      tf: 'def diou_loss(b1, b2, eps=${1:1e-7}):\n    iw = tf.maximum(tf.minimum(b1[..., 2], b2[..., 2]) - tf.maximum(b1[..., 0], b2[..., 0]), 0.0)\n    ih = tf.maximum(tf.minimum(b1[..., 3], b2[..., 3]) - tf.maximum(b1[..., 1], b2[..., 1]), 0.0)\n    inter = iw * ih\n    union = (b1[..., 2] - b1[..., 0]) * (b1[..., 3] - b1[..., 1]) + (b2[..., 2] - b2[..., 0]) * (b2[..., 3] - b2[..., 1]) - inter\n    cw = tf.maximum(b1[..., 2], b2[..., 2]) - tf.minimum(b1[..., 0], b2[..., 0])\n    ch = tf.maximum(b1[..., 3], b2[..., 3]) - tf.minimum(b1[..., 1], b2[..., 1])\n    rho2 = ((b1[..., 0] + b1[..., 2] - b2[..., 0] - b2[..., 2]) ** 2 + (b1[..., 1] + b1[..., 3] - b2[..., 1] - b2[..., 3]) ** 2) / 4\n    return 1 - inter / (union + eps) + rho2 / (cw ** 2 + ch ** 2 + eps)\n\nloss = tf.reduce_mean(diou_loss(${2:pred_boxes}, ${3:gt_boxes}))',
      scratch:
        "def diou_loss(b1, b2, eps=${1:1e-7}, reduction=${4|'none','mean','sum'|}):\n    iw = (torch.min(b1[..., 2], b2[..., 2]) - torch.max(b1[..., 0], b2[..., 0])).clamp(min=0)\n    ih = (torch.min(b1[..., 3], b2[..., 3]) - torch.max(b1[..., 1], b2[..., 1])).clamp(min=0)\n    inter = iw * ih\n    union = (b1[..., 2] - b1[..., 0]) * (b1[..., 3] - b1[..., 1]) + (b2[..., 2] - b2[..., 0]) * (b2[..., 3] - b2[..., 1]) - inter\n    cw = torch.max(b1[..., 2], b2[..., 2]) - torch.min(b1[..., 0], b2[..., 0])\n    ch = torch.max(b1[..., 3], b2[..., 3]) - torch.min(b1[..., 1], b2[..., 1])\n    rho2 = ((b1[..., 0] + b1[..., 2] - b2[..., 0] - b2[..., 2]) ** 2 + (b1[..., 1] + b1[..., 3] - b2[..., 1] - b2[..., 3]) ** 2) / 4\n    loss = 1 - inter / (union + eps) + rho2 / (cw ** 2 + ch ** 2 + eps)\n    if reduction == 'mean':\n        return loss.mean()\n    if reduction == 'sum':\n        return loss.sum()\n    return loss\n\nloss = diou_loss(${2:pred_boxes}, ${3:gt_boxes})",
    },
  },
  {
    id: 'complete-box-iou-loss',
    names: { en: 'Complete IoU Loss (CIoU)', zh: '完全交并比损失（CIoU）' },
    aliases: ['CIoU', 'CIoU loss', 'complete IoU', 'CIoU 损失'],
    category: 'detection',
    apis: [
      { framework: 'torchvision', symbol: 'torchvision.ops.complete_box_iou_loss', kind: 'function' },
      { framework: 'keras', symbol: 'keras_cv.losses.CIoULoss', kind: 'class' },
    ],
    formula:
      '\\ell_i = 1 - \\mathrm{IoU}_i + \\frac{\\rho^2(b_i, g_i)}{c_i^2 + \\epsilon} + \\alpha_i v_i,\\quad v_i = \\frac{4}{\\pi^2}\\Big(\\arctan\\frac{w^{g}_i}{h^{g}_i} - \\arctan\\frac{w_i}{h_i}\\Big)^2,\\quad \\alpha_i = \\frac{v_i}{1 - \\mathrm{IoU}_i + v_i + \\epsilon}',
    formulaText: 'ℓᵢ = DIoU lossᵢ + αᵢvᵢ,  vᵢ = (4/π²)(atan(wᵍ/hᵍ) − atan(w/h))²,  αᵢ = vᵢ / (1 − IoUᵢ + vᵢ + ε)  (α treated as a constant in the gradient)',
    inputs: BOX_INPUTS,
    params: [REDUCTION_NONE, BOX_EPS],
    summary: {
      en: 'DIoU plus an aspect-ratio consistency term v, weighted by α that grows as the overlap improves: overlap, centre distance and shape are optimised together.',
      zh: '在 DIoU 的基础上加入宽高比一致性项 v，其权重 α 随重叠程度提高而增大：同时优化重叠面积、中心距离和形状。',
    },
    whenToUse: {
      en: 'Box regression in modern one-stage detectors (the YOLO family uses CIoU by default) when box shape matters as much as position.',
      zh: '现代单阶段检测器的边框回归（YOLO 系列默认使用 CIoU），适合形状与位置同样重要的场景。',
    },
    pitfalls: {
      en: "α is computed without gradient (torch.no_grad), so the gradient is not that of the formula as written. Boxes with zero height make w/h undefined: torchvision returns NaN gradients, and this playground rejects them. In torchvision 0.14 the eps argument only reaches α: the IoU and DIoU parts always use 1e-7.",
      zh: 'α 在 torch.no_grad 下计算，不参与求导，所以梯度并不是按公式字面求导的结果。高度为零的框会使 w/h 无定义：torchvision 会返回 NaN 梯度，本工具直接拒绝这类输入。在 torchvision 0.14 中，eps 参数只作用于 α：IoU 和 DIoU 部分始终使用 1e-7。',
    },
    frameworkNotes: {
      en: `keras_cv.losses.CIoULoss takes a bounding_box_format and averages over boxes. ${BOX_FORMAT_NOTE.en}`,
      zh: `keras_cv.losses.CIoULoss 需要指定 bounding_box_format，并对各框求平均。${BOX_FORMAT_NOTE.zh}`,
    },
    paper: DIOU_PAPER,
    sources: [
      { label: 'torchvision torchvision/ops/ciou_loss.py', version: 'v0.14.1 (Debian python3-torchvision)', url: 'https://github.com/pytorch/vision/blob/v0.14.1/torchvision/ops/ciou_loss.py' },
      { label: 'paper (Zheng et al. 2020)', version: '2020', url: 'https://arxiv.org/abs/1911.08287' },
    ],
    related: ['distance-box-iou-loss', 'generalized-box-iou-loss', 'iou-loss'],
    snippets: {
      torch: boxSnippetTorch('complete_box_iou_loss'),
      tf: 'loss_fn = keras_cv.losses.CIoULoss(bounding_box_format="xyxy")\nloss = loss_fn(${1:gt_boxes}, ${2:pred_boxes})',
    },
  },
  {
    id: 'distribution-ranking-loss',
    names: { en: 'Distributional Ranking Loss (DR Loss)', zh: '分布排序损失（DR Loss）' },
    aliases: ['DR loss', 'SigmoidDRLoss', 'distributional ranking', 'distribution ranking', '分布排序损失', 'DR 损失'],
    category: 'detection',
    apis: [],
    formula:
      '\\ell = \\frac{\\tau}{L}\\log\\Big(1 + e^{L\\,(\\hat{P}_- - \\hat{P}_+ + 0.5)}\\Big),\\quad \\hat{P}_- = \\sum_j q^-_j p^-_j,\\ q^- = \\mathrm{softmax}\\Big(\\frac{p^-}{\\lambda_-}\\Big),\\quad \\hat{P}_+ = \\sum_j q^+_j p^+_j,\\ q^+ = \\mathrm{softmax}\\Big(-\\frac{p^+}{\\lambda_+}\\Big)',
    formulaText: 'ℓ = (τ/L)·log(1 + exp(L(P̂₋ − P̂₊ + 0.5))),  P̂₋ = Σ softmax(p⁻/λ₋)·p⁻,  P̂₊ = Σ softmax(−p⁺/λ₊)·p⁺,  p = σ(logit)',
    inputs: [
      {
        name: 'logits',
        meaning: { en: 'Classification logits of every candidate (anchor) for every foreground class.', zh: '每个候选框（锚框）对每个前景类别的分类 logits。' },
        shape: '(N, C)',
        domain: { en: 'real logits', zh: '实数 logits' },
      },
      {
        name: 'targets',
        meaning: {
          en: 'Label of each candidate: 0 = background, 1..C = foreground class, negative = ignored.',
          zh: '每个候选框的标签：0 为背景，1..C 为前景类别，负数表示忽略。',
        },
        shape: '(N)',
        domain: { en: 'integers in [−1, C]', zh: '[−1, C] 内的整数' },
        integer: true,
      },
    ],
    params: [
      {
        name: 'pos_lambda',
        type: 'number',
        default: 1,
        range: [0.01, 5],
        meaning: { en: 'Temperature of the re-weighting of foreground scores (smaller = focus on the hardest positives).', zh: '前景得分重加权的温度（越小越关注最难的正样本）。' },
      },
      {
        name: 'neg_lambda',
        type: 'number',
        default: 0.1 / Math.log(3.5),
        range: [0.01, 1],
        meaning: { en: 'Temperature of the re-weighting of background scores, 0.1 / ln 3.5 ≈ 0.0798 by default (smaller = focus on the hardest negatives).', zh: '背景得分重加权的温度，默认 0.1 / ln 3.5 ≈ 0.0798（越小越关注最难的负样本）。' },
      },
      {
        name: 'L',
        type: 'number',
        default: 6,
        range: [0.5, 20],
        meaning: { en: 'Sharpness of the smoothed hinge (logistic loss) applied to the ranking gap.', zh: '作用于排序间隔的平滑合页（logistic 损失）的陡峭程度。' },
      },
      {
        name: 'tau',
        type: 'number',
        default: 4,
        range: [0.5, 10],
        meaning: { en: 'Overall scale of the loss.', zh: '损失的整体缩放系数。' },
      },
    ],
    summary: {
      en: 'Turns dense detection into ranking: the re-weighted expectation of foreground confidences should exceed that of background confidences by a margin of 0.5. The softmax re-weighting puts most of the weight on the hardest candidates of each side.',
      zh: '把密集检测的分类转化为排序问题：前景置信度经重加权后的期望，应比背景置信度的期望高出 0.5 的间隔。softmax 重加权把大部分权重放在两侧最难的候选框上。',
    },
    whenToUse: {
      en: 'As a drop-in replacement for the focal loss in one-stage detectors (RetinaNet, FCOS) when foreground and background candidates are extremely imbalanced.',
      zh: '在单阶段检测器（RetinaNet、FCOS）中直接替换焦点损失（focal loss），适合前景与背景候选极度不平衡的情况。',
    },
    pitfalls: {
      en: "The loss is one number for the whole batch (the authors rank per image; this formulation ranks every candidate in the batch together), so it has no reduction argument. The margin 0.5 is fixed in the code. With no foreground in the batch the foreground expectation is taken as 1. neg_lambda is small, so the background softmax is sharp: a single very confident false positive dominates.",
      zh: '整个 batch 只得到一个损失值（作者按图像排序；这里的写法把 batch 中所有候选框放在一起排序），因此没有 reduction 参数。间隔 0.5 在代码中是固定的。batch 中没有前景时，前景期望取为 1。neg_lambda 很小，背景的 softmax 很尖锐：一个置信度很高的误检就会主导损失。',
    },
    frameworkNotes: {
      en: "No major framework ships it; the reference is the authors' SigmoidDRLoss module (github.com/idstcv/DR_loss), which the playground reproduces exactly. Keras and JAX users write it from scratch.",
      zh: '主流框架都没有内置；参考实现是作者的 SigmoidDRLoss 模块（github.com/idstcv/DR_loss），本工具与之完全一致。Keras 和 JAX 用户需要自行实现。',
    },
    paper: {
      authors: 'Qi Qian, Lei Chen, Hao Li, Rong Jin',
      year: 2020,
      title: 'DR Loss: Improving Object Detection by Distributional Ranking',
      url: 'https://arxiv.org/abs/1907.10156',
    },
    sources: [
      { label: 'DR_loss SigmoidDRLoss (authors)', version: 'default branch, read 2026-12', url: 'https://github.com/idstcv/DR_loss' },
      { label: 'paper (Qian et al. 2020)', version: '2020', url: 'https://arxiv.org/abs/1907.10156' },
    ],
    related: ['sigmoid-focal-loss', 'focal-loss', 'margin-ranking-loss'],
    snippets: {
      scratch:
        'import math\n\n\nclass SigmoidDRLoss(nn.Module):\n    def __init__(self, pos_lambda=${1:1.0}, neg_lambda=${2:0.1 / math.log(3.5)}, L=${3:6.0}, tau=${4:4.0}):\n        super().__init__()\n        self.margin = 0.5\n        self.pos_lambda, self.neg_lambda, self.L, self.tau = pos_lambda, neg_lambda, L, tau\n\n    def forward(self, logits, targets):\n        classes = torch.arange(1, logits.shape[1] + 1, device=logits.device).unsqueeze(0)\n        t = targets.unsqueeze(1)\n        pos_prob = logits[t == classes].sigmoid()\n        neg_prob = logits[(t != classes) & (t >= 0)].sigmoid()\n        neg_dist = torch.sum(F.softmax(neg_prob / self.neg_lambda, dim=0) * neg_prob)\n        if pos_prob.numel() > 0:\n            pos_dist = torch.sum(F.softmax(-pos_prob / self.pos_lambda, dim=0) * pos_prob)\n        else:\n            pos_dist = 1.0\n        return self.tau * torch.log(1.0 + torch.exp(self.L * (neg_dist - pos_dist + self.margin))) / self.L',
      tf: 'def dr_loss(logits, targets, pos_lambda=${1:1.0}, neg_lambda=${2:0.0798}, L=${3:6.0}, tau=${4:4.0}):\n    classes = tf.range(1, tf.shape(logits)[1] + 1)[tf.newaxis, :]\n    t = tf.cast(targets, classes.dtype)[:, tf.newaxis]\n    prob = tf.sigmoid(logits)\n    pos_prob = tf.boolean_mask(prob, t == classes)\n    neg_prob = tf.boolean_mask(prob, (t != classes) & (t >= 0))\n    neg_dist = tf.reduce_sum(tf.nn.softmax(neg_prob / neg_lambda) * neg_prob)\n    pos_dist = tf.cond(tf.size(pos_prob) > 0, lambda: tf.reduce_sum(tf.nn.softmax(-pos_prob / pos_lambda) * pos_prob), lambda: 1.0)\n    return tau * tf.math.softplus(L * (neg_dist - pos_dist + 0.5)) / L\n\nloss = dr_loss(${5:logits}, ${6:targets})',
    },
  },
];
